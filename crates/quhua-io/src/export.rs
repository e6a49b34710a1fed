//! Writing tables (indicator tables, code-change tables) to CSV and XLSX.
//!
//! CSV is UTF-8 with a BOM so Excel opens Chinese text correctly. XLSX has an optional
//! title row above the header, a bold frozen header, column widths fitted to the content
//! (CJK characters count double), numbers as numbers, and an optional footnote row below
//! the data (e.g. "示意数据 synthetic" labelling).

use crate::error::IoError;
use quhua_core::attr::Amount;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::io::Write;
use std::path::Path;

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportCell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (written as a number in XLSX).
    Number(f64),
}

impl ExportCell {
    /// The cell as CSV text.
    pub fn to_text(&self) -> String {
        match self {
            ExportCell::Empty => String::new(),
            ExportCell::Text(s) => s.clone(),
            ExportCell::Number(f) => {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    format!("{f:.0}")
                } else {
                    f.to_string()
                }
            }
        }
    }
}

impl From<&str> for ExportCell {
    fn from(s: &str) -> Self {
        ExportCell::Text(s.to_string())
    }
}
impl From<String> for ExportCell {
    fn from(s: String) -> Self {
        ExportCell::Text(s)
    }
}
impl From<f64> for ExportCell {
    fn from(v: f64) -> Self {
        ExportCell::Number(v)
    }
}
impl From<i64> for ExportCell {
    fn from(v: i64) -> Self {
        ExportCell::Number(v as f64)
    }
}
impl From<usize> for ExportCell {
    fn from(v: usize) -> Self {
        ExportCell::Number(v as f64)
    }
}
impl From<Amount> for ExportCell {
    fn from(v: Amount) -> Self {
        ExportCell::Number(v.to_f64())
    }
}
impl<T: Into<ExportCell>> From<Option<T>> for ExportCell {
    fn from(v: Option<T>) -> Self {
        v.map_or(ExportCell::Empty, Into::into)
    }
}

/// A table to export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportTable {
    /// Sheet name (XLSX; at most 31 characters). Default "Sheet1".
    pub sheet_name: Option<String>,
    /// A title row above the header (merged across the columns in XLSX).
    pub title: Option<String>,
    /// Column headers.
    pub headers: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<ExportCell>>,
    /// A footnote row below the data (e.g. "示意数据 synthetic：…", source and date).
    pub footnote: Option<String>,
}

impl ExportTable {
    /// A table with headers and no rows.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        ExportTable {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Default::default()
        }
    }

    /// Sets the title row.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the footnote row.
    pub fn with_footnote(mut self, note: impl Into<String>) -> Self {
        self.footnote = Some(note.into());
        self
    }

    /// Sets the sheet name.
    pub fn with_sheet_name(mut self, name: impl Into<String>) -> Self {
        self.sheet_name = Some(name.into());
        self
    }

    /// Appends a row.
    pub fn push_row(&mut self, row: Vec<ExportCell>) {
        self.rows.push(row);
    }
}

/// Text as a CSV cell that no spreadsheet executes: text beginning with `=`, `@`, a tab or
/// CR, or with `+`/`-` not followed by a number, gets a leading `'` (OWASP's advice against
/// CSV injection). Numbers, "-" and "+5" stay as they are. XLSX text cells are typed as
/// strings and never evaluated, so [`write_xlsx`] writes text unchanged.
///
/// ```
/// use quhua_io::export::neutralize_formula;
/// assert_eq!(neutralize_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralize_formula("-12.5"), "-12.5");
/// assert_eq!(neutralize_formula("恒州镇"), "恒州镇");
/// ```
pub fn neutralize_formula(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r' | '＝' | '＠') => true,
        Some('+' | '-' | '＋' | '－') => {
            let rest = chars.as_str();
            !rest.is_empty() && rest.trim().parse::<f64>().is_err()
        }
        _ => false,
    };
    if risky {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes CSV in UTF-8 with BOM: the title line (if any), the header, the rows, then the
/// footnote line (if any). Title and footnote are single-cell lines.
pub fn write_csv(table: &ExportTable, path: &Path) -> Result<(), IoError> {
    let io = |e: std::io::Error| IoError::io(path, e);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut buf = std::io::BufWriter::new(file);
    buf.write_all(b"\xEF\xBB\xBF").map_err(io)?;
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut buf);
        let csv_io = |e: csv::Error| IoError::io(path, std::io::Error::other(e.to_string()));
        let safe = |t: &str| neutralize_formula(t).into_owned();
        if let Some(t) = &table.title {
            w.write_record([safe(t)]).map_err(csv_io)?;
        }
        w.write_record(table.headers.iter().map(|h| safe(h)))
            .map_err(csv_io)?;
        for r in &table.rows {
            w.write_record(r.iter().map(|c| match c {
                ExportCell::Text(t) => safe(t),
                other => other.to_text(),
            }))
            .map_err(csv_io)?;
        }
        if let Some(n) = &table.footnote {
            w.write_record([safe(n)]).map_err(csv_io)?;
        }
        w.flush().map_err(io)?;
    }
    buf.flush().map_err(io)
}

/// Writes one table to an XLSX workbook.
pub fn write_xlsx(table: &ExportTable, path: &Path) -> Result<(), IoError> {
    write_xlsx_sheets(std::slice::from_ref(table), path)
}

/// Writes several tables, one sheet each, to an XLSX workbook.
pub fn write_xlsx_sheets(tables: &[ExportTable], path: &Path) -> Result<(), IoError> {
    let err = |e: XlsxError| IoError::WriteWorkbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = Workbook::new();
    for t in tables {
        let ws = wb.add_worksheet();
        write_sheet(ws, t).map_err(err)?;
    }
    wb.save(path).map_err(err)
}

/// Display width of text: CJK and other wide characters count 2.
fn text_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

fn write_sheet(ws: &mut Worksheet, t: &ExportTable) -> Result<(), XlsxError> {
    if let Some(n) = &t.sheet_name {
        ws.set_name(n)?;
    }
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let title_fmt = Format::new().set_bold().set_font_size(14);
    let note_fmt = Format::new().set_italic();
    let ncols = t.headers.len().max(1);
    let mut row: u32 = 0;
    if let Some(title) = &t.title {
        if ncols > 1 {
            ws.merge_range(0, 0, 0, (ncols - 1) as u16, title, &title_fmt)?;
        } else {
            ws.write_string_with_format(0, 0, title, &title_fmt)?;
        }
        ws.set_row_height(0, 22)?;
        row = 1;
    }
    let mut widths: Vec<usize> = t.headers.iter().map(|h| text_width(h)).collect();
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &bold)?;
    }
    ws.set_freeze_panes(row + 1, 0)?;
    for r in &t.rows {
        row += 1;
        for (c, cell) in r.iter().enumerate() {
            let col = c as u16;
            match cell {
                ExportCell::Empty => {}
                ExportCell::Text(s) => {
                    ws.write_string(row, col, s)?;
                }
                ExportCell::Number(v) => {
                    ws.write_number(row, col, *v)?;
                }
            }
            let w = text_width(&cell.to_text());
            if c >= widths.len() {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(w);
        }
    }
    if let Some(n) = &t.footnote {
        ws.write_string_with_format(row + 2, 0, n, &note_fmt)?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 60.0))?;
    }
    Ok(())
}
