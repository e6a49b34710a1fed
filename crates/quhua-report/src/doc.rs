//! A government document (公文) as data — title, numbered headings, paragraphs, tables,
//! figures — and its DOCX form following GB/T 9704-2012: A4, margins 37/35/28/26 mm,
//! title in 小标宋 二号, body in 仿宋_GB2312 三号 with 28-point lines, headings 一、(黑体)
//! （一）(楷体) 1. and （1）(仿宋), page numbers "— 1 —" in the footer.
//!
//! East-Asian font names are the ones government templates use (方正小标宋简体, 仿宋_GB2312,
//! 黑体, 楷体_GB2312); Latin names are their Windows fallbacks. Word uses them where installed;
//! LibreOffice on Debian substitutes the installed CJK fonts (fonts-noto-cjk).

use crate::ReportError;
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading at level 1–4; numbered 一、 （一） 1. （1） automatically.
    Heading(u8, String),
    /// A body paragraph (first-line indent of two characters).
    Para(String),
    /// A table: header row and rows; an optional caption above.
    Table {
        /// Caption (e.g. 表1 调整前后乡镇对照表).
        caption: String,
        /// Header.
        header: Vec<String>,
        /// Rows.
        rows: Vec<Vec<String>>,
    },
    /// A figure: PNG bytes (for DOCX), SVG text (for PDF), caption below.
    Figure {
        /// Caption.
        caption: String,
        /// PNG image.
        png: Vec<u8>,
        /// Width/height in pixels of the PNG.
        size: (u32, u32),
        /// The same as SVG.
        svg: String,
    },
    /// Right-aligned lines (issuer, date).
    Signature(Vec<String>),
    /// A note in smaller type (e.g. 示意数据 labelling).
    Note(String),
}

/// A document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Title (小标宋).
    pub title: String,
    /// Optional subtitle line below the title (e.g. the addressee or 征求意见稿).
    pub subtitle: Option<String>,
    /// Blocks in order.
    pub blocks: Vec<Block>,
}

const CN_NUM: [&str; 21] = [
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
    "十四", "十五", "十六", "十七", "十八", "十九", "二十",
];

/// Chinese numeral for 1..=20, Arabic beyond.
pub fn cn(n: usize) -> String {
    CN_NUM
        .get(n)
        .map(|s| s.to_string())
        .unwrap_or_else(|| n.to_string())
}

impl Document {
    /// Headings numbered the 公文 way: 一、 （一） 1. （1）, counters reset below each level.
    pub fn numbered(&self) -> Vec<(Option<(u8, String)>, &Block)> {
        let mut c = [0usize; 4];
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Heading(l, t) => {
                    let l = (*l).clamp(1, 4) as usize;
                    c[l - 1] += 1;
                    for x in c.iter_mut().skip(l) {
                        *x = 0;
                    }
                    let n = c[l - 1];
                    let label = match l {
                        1 => format!("{}、{t}", cn(n)),
                        2 => format!("（{}）{t}", cn(n)),
                        3 => format!("{n}.{t}"),
                        _ => format!("（{n}）{t}"),
                    };
                    (Some((l as u8, label)), b)
                }
                _ => (None, b),
            })
            .collect()
    }

    /// The document's text, headings numbered (what a reader sees; used by tests).
    pub fn plain_text(&self) -> String {
        let mut s = format!("{}\n", self.title);
        for (h, b) in self.numbered() {
            match (h, b) {
                (Some((_, label)), _) => s.push_str(&format!("{label}\n")),
                (_, Block::Para(p)) | (_, Block::Note(p)) => s.push_str(&format!("{p}\n")),
                (
                    _,
                    Block::Table {
                        caption,
                        header,
                        rows,
                    },
                ) => {
                    s.push_str(&format!("{caption}\n{}\n", header.join("\t")));
                    for r in rows {
                        s.push_str(&format!("{}\n", r.join("\t")));
                    }
                }
                (_, Block::Figure { caption, .. }) => s.push_str(&format!("{caption}\n")),
                (_, Block::Signature(l)) => s.push_str(&format!("{}\n", l.join("\n"))),
                _ => {}
            }
        }
        s
    }

    /// The document as DOCX.
    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        let f = |ea: &str, latin: &str| {
            RunFonts::new()
                .east_asia(ea)
                .ascii(latin)
                .hi_ansi(latin)
                .cs(latin)
        };
        let title_font = f("方正小标宋简体", "SimSun");
        let body = f("仿宋_GB2312", "FangSong");
        let hei = f("黑体", "SimHei");
        let kai = f("楷体_GB2312", "KaiTi");
        let line = || LineSpacing::new().line(560);
        let footer = Footer::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("— ").size(28).fonts(body.clone()))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" —").size(28).fonts(body.clone())),
        );
        let mut doc = Docx::new()
            .page_size(11906, 16838)
            .page_margin(
                PageMargin::new()
                    .top(2098)
                    .bottom(1984)
                    .left(1588)
                    .right(1474)
                    .header(851)
                    .footer(992),
            )
            .footer(footer)
            .add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().line(700))
                    .add_run(Run::new().add_text(&self.title).size(44).fonts(title_font)),
            );
        if let Some(sub) = &self.subtitle {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text(sub).size(32).fonts(kai.clone())),
            );
        }
        doc = doc.add_paragraph(Paragraph::new().line_spacing(line()));
        let indent = || SpecialIndentType::FirstLine(640);
        for (h, b) in self.numbered() {
            if let Some((level, label)) = h {
                let font = match level {
                    1 => hei.clone(),
                    2 => kai.clone(),
                    _ => body.clone(),
                };
                let mut run = Run::new().add_text(&label).size(32).fonts(font);
                if level == 3 {
                    run = run.bold();
                }
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .indent(None, Some(indent()), None, None)
                        .line_spacing(line())
                        .add_run(run),
                );
                continue;
            }
            match b {
                Block::Para(p) => {
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .indent(None, Some(indent()), None, None)
                            .line_spacing(line())
                            .add_run(Run::new().add_text(p).size(32).fonts(body.clone())),
                    );
                }
                Block::Note(p) => {
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .line_spacing(LineSpacing::new().line(400))
                            .add_run(Run::new().add_text(p).size(24).fonts(kai.clone())),
                    );
                }
                Block::Signature(lines) => {
                    doc = doc.add_paragraph(Paragraph::new().line_spacing(line()));
                    for l in lines {
                        doc = doc.add_paragraph(
                            Paragraph::new()
                                .align(AlignmentType::Right)
                                .indent(None, None, Some(640), None)
                                .line_spacing(line())
                                .add_run(Run::new().add_text(l).size(32).fonts(body.clone())),
                        );
                    }
                }
                Block::Table {
                    caption,
                    header,
                    rows,
                } => {
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_text(caption).size(28).fonts(hei.clone())),
                    );
                    let cell = |t: &str, head: bool| {
                        let mut r = Run::new().add_text(t).size(21).fonts(if head {
                            hei.clone()
                        } else {
                            body.clone()
                        });
                        if head {
                            r = r.bold();
                        }
                        TableCell::new()
                            .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(r))
                    };
                    let mut trs = vec![TableRow::new(
                        header.iter().map(|h| cell(h, true)).collect(),
                    )];
                    for r in rows {
                        trs.push(TableRow::new(r.iter().map(|c| cell(c, false)).collect()));
                    }
                    doc = doc.add_table(Table::new(trs).width(8844, WidthType::Dxa));
                    doc = doc.add_paragraph(Paragraph::new());
                }
                Block::Figure {
                    caption, png, size, ..
                } => {
                    // Fit the text width (156 mm) keeping the aspect ratio; 1 mm = 36,000 EMU.
                    let w_emu = 156 * 36_000u32;
                    let h_emu = (w_emu as u64 * size.1 as u64 / size.0.max(1) as u64) as u32;
                    let pic = Pic::new(png).size(w_emu, h_emu);
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_image(pic)),
                    );
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_text(caption).size(28).fonts(hei.clone())),
                    );
                }
                Block::Heading(..) => {}
            }
        }
        let mut buf = std::io::Cursor::new(Vec::new());
        doc.build()
            .pack(&mut buf)
            .map_err(|e| ReportError::Docx(e.to_string()))?;
        Ok(buf.into_inner())
    }

    /// The document as typst markup (GB/T 9704 layout), with its figures as named files.
    pub fn to_typst(&self) -> (String, Vec<(String, Vec<u8>)>) {
        use crate::typeset::{SANS, SERIF, esc, lit};
        let fam = |l: &[&str]| {
            format!(
                "({})",
                l.iter().map(|f| lit(f)).collect::<Vec<_>>().join(", ")
            )
        };
        let (serif, sans) = (fam(SERIF), fam(SANS));
        let mut m = format!(
            "#set page(paper: \"a4\", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), footer: context align(center, text(size: 14pt, font: {serif})[— #counter(page).display() —]))\n\
             #set text(font: {serif}, size: 16pt, lang: \"zh\", region: \"cn\")\n\
             #set par(first-line-indent: (amount: 2em, all: true), leading: 0.75em, spacing: 0.75em, justify: true)\n\
             #align(center, text(font: {serif}, weight: \"bold\", size: 22pt)[{}])\n",
            esc(&self.title)
        );
        if let Some(sub) = &self.subtitle {
            m.push_str(&format!("#align(center, text(size: 16pt)[{}])\n", esc(sub)));
        }
        m.push_str("#v(1em)\n");
        let mut files = Vec::new();
        for (h, b) in self.numbered() {
            if let Some((level, label)) = h {
                let font = if level == 1 { &sans } else { &serif };
                let weight = if level <= 3 { "bold" } else { "regular" };
                m.push_str(&format!(
                    "#par(text(font: {font}, weight: \"{weight}\")[{}])\n",
                    esc(&label)
                ));
                continue;
            }
            match b {
                Block::Para(p) => m.push_str(&format!("#par[{}]\n", esc(p))),
                Block::Note(p) => m.push_str(&format!(
                    "#par(first-line-indent: 0em, text(size: 12pt)[{}])\n",
                    esc(p)
                )),
                Block::Signature(lines) => {
                    m.push_str("#v(1.5em)\n");
                    for l in lines {
                        m.push_str(&format!("#align(right, pad(right: 2em, [{}]))\n", esc(l)));
                    }
                }
                Block::Table {
                    caption,
                    header,
                    rows,
                } => {
                    let cols = header.len().max(1);
                    let cells: Vec<String> = header
                        .iter()
                        .map(|h| format!("text(font: {sans}, weight: \"bold\")[{}]", esc(h)))
                        .chain(rows.iter().flat_map(|r| {
                            let mut r: Vec<String> =
                                r.iter().map(|c| format!("[{}]", esc(c))).collect();
                            r.resize(cols, "[]".into());
                            r
                        }))
                        .collect();
                    m.push_str(&format!(
                        "#align(center, text(font: {sans}, size: 14pt)[{}])\n#align(center, text(size: 10.5pt, table(columns: {cols}, align: center + horizon, inset: 4pt, {})))\n#v(0.5em)\n",
                        esc(caption),
                        cells.join(", ")
                    ));
                }
                Block::Figure { caption, svg, .. } => {
                    let name = format!("figure{}.svg", files.len() + 1);
                    files.push((name.clone(), svg.as_bytes().to_vec()));
                    m.push_str(&format!(
                        "#align(center, image({}, width: 100%))\n#align(center, text(font: {sans}, size: 14pt)[{}])\n",
                        lit(&name),
                        esc(caption)
                    ));
                }
                Block::Heading(..) => {}
            }
        }
        (m, files)
    }

    /// The document as PDF through typst.
    pub fn to_pdf(&self) -> Result<Vec<u8>, ReportError> {
        let (markup, files) = self.to_typst();
        crate::typeset::pdf(&markup, &files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_numbered_and_reset() {
        let d = Document {
            title: "T".into(),
            subtitle: None,
            blocks: vec![
                Block::Heading(1, "基本情况".into()),
                Block::Heading(2, "人口".into()),
                Block::Heading(3, "户籍".into()),
                Block::Heading(4, "细目".into()),
                Block::Heading(2, "面积".into()),
                Block::Heading(1, "调整理由".into()),
                Block::Heading(2, "甲".into()),
            ],
        };
        let t = d.plain_text();
        assert!(
            t.contains(
                "一、基本情况\n（一）人口\n1.户籍\n（1）细目\n（二）面积\n二、调整理由\n（一）甲"
            ),
            "{t}"
        );
    }
}
