//! The 公告 announcing an adjustment, in the usual form: title, the approval, one numbered
//! item per change, the resulting counts, the effective date, the issuing government and date.

use crate::ReportError;
use chrono::Datelike;
use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, SpecialIndentType};
use quhua_core::date::Date;
use quhua_core::event::{ChangeEvent, ChangeRequest};
use quhua_core::registry::Registry;
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};

/// What the notice needs besides the events.
#[derive(Debug, Clone)]
pub struct NoticeInfo {
    /// The county (its code).
    pub county: DivisionCode,
    /// The issuing government, e.g. 曲阳县人民政府.
    pub issuer: String,
    /// The approving government, e.g. 河北省人民政府.
    pub approver: String,
    /// 批准文号.
    pub approval_no: String,
    /// Effective date.
    pub effective: Date,
    /// Date of issue.
    pub issued: Date,
    /// A note printed at the end (e.g. that the scheme is a demonstration).
    pub note: Option<String>,
}

/// The notice as paragraphs: (title, body paragraphs, signature lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Title.
    pub title: String,
    /// Body paragraphs.
    pub body: Vec<String>,
    /// Issuer and date, right-aligned.
    pub signature: Vec<String>,
}

/// The place name of a seat village: 西坡村民委员会 → 西坡村, 东城社区居民委员会 → 东城社区.
pub fn seat_place(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("村民委员会") {
        format!("{stem}村")
    } else if let Some(stem) = name.strip_suffix("居民委员会") {
        stem.to_string()
    } else {
        name.strip_suffix("委员会").unwrap_or(name).to_string()
    }
}

/// 2026年9月6日.
pub fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// Composes the notice for `events` (all recorded in `registry`).
pub fn compose(
    registry: &Registry,
    events: &[&ChangeEvent],
    info: &NoticeInfo,
) -> Result<Notice, ReportError> {
    if events.is_empty() {
        return Err(ReportError::Empty);
    }
    let before = registry.as_of(info.effective.pred_opt().unwrap_or(info.effective));
    let after = registry.as_of(info.effective);
    let name_before = |id: UnitId| before.get(id).map(|u| u.name.clone()).unwrap_or_default();
    let name_after = |id: UnitId| {
        after
            .get(id)
            .or_else(|| registry.latest(id))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let seat_of = |id: UnitId| {
        after
            .get(id)
            .and_then(|u| u.seat.as_ref())
            .and_then(|s| s.village)
            .and_then(|v| after.get(v))
            .map(|v| {
                v.name
                    .trim_end_matches("村民委员会")
                    .trim_end_matches("居民委员会")
                    .trim_end_matches("委员会")
                    .to_string()
            })
    };
    let county_name = after
        .by_code(info.county)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let mut items: Vec<String> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let e = events[i];
        match (&e.request, e.kind) {
            (ChangeRequest::AbolishMerge { into, .. }, _) => {
                // Consecutive mergers into the same unit read as one item.
                let mut names = Vec::new();
                while i < events.len()
                    && matches!(&events[i].request, ChangeRequest::AbolishMerge { into: x, .. } if x == into)
                {
                    if let ChangeRequest::AbolishMerge { abolished, .. } = &events[i].request {
                        names.push(name_before(*abolished));
                    }
                    i += 1;
                }
                items.push(format!(
                    "撤销{}，将其所辖行政区域划归{}管辖。",
                    names.join("、"),
                    name_after(*into)
                ));
                continue;
            }
            (
                ChangeRequest::MergeEstablish {
                    abolished,
                    name,
                    kind,
                    ..
                },
                _,
            ) => {
                let olds: Vec<String> = abolished.iter().map(|a| name_before(*a)).collect();
                let new_id = e.established().next().map(|s| s.id);
                let seat = new_id
                    .and_then(seat_of)
                    .map(|s| format!("，{}人民政府驻{s}", kind.suffix()))
                    .unwrap_or_default();
                items.push(format!(
                    "撤销{}，设立{name}，以原{}的行政区域为{name}的行政区域{seat}。",
                    olds.join("、"),
                    olds.join("、")
                ));
            }
            (ChangeRequest::Convert { unit, .. }, _) => {
                let new = e.established().next();
                let new_name = new.map(|s| s.name.clone()).unwrap_or_default();
                let old = name_before(*unit);
                let seat = new
                    .and_then(|s| seat_of(s.id))
                    .map(|s| {
                        format!(
                            "，{}人民政府驻{s}",
                            new.and_then(|n| n.kind.township())
                                .map(|k| k.suffix())
                                .unwrap_or("")
                        )
                    })
                    .unwrap_or_default();
                items.push(format!(
                    "撤销{old}，设立{new_name}，以原{old}的行政区域为{new_name}的行政区域{seat}。"
                ));
            }
            (ChangeRequest::Rename { unit, name }, _) => {
                items.push(format!("将{}更名为{name}。", name_before(*unit)))
            }
            (ChangeRequest::SeatMove { unit, seat }, _) => {
                let to = seat
                    .village
                    .and_then(|v| after.get(v))
                    .map(|v| v.name.clone())
                    .unwrap_or_default();
                items.push(format!("{}人民政府驻地迁至{to}。", name_after(*unit)));
            }
            (ChangeRequest::VillageTransfer { villages, to }, _) => {
                let names: Vec<String> = villages.iter().map(|v| name_after(*v)).collect();
                let from: Vec<String> = e.lineage.iter().map(|l| name_before(l.from)).collect();
                items.push(format!(
                    "将{}的{}划归{}管辖。",
                    from.join("、"),
                    names.join("、"),
                    name_after(*to)
                ));
            }
            (ChangeRequest::ChangeSuperior { unit, parent }, _) => items.push(format!(
                "将{}划归{}管辖。",
                name_before(*unit),
                name_after(*parent)
            )),
            (ChangeRequest::VillageAbolishMerge { abolished, into }, _) => items.push(format!(
                "撤销{}，将其所辖区域并入{}。",
                name_before(*abolished),
                name_after(*into)
            )),
            (
                ChangeRequest::VillageMergeEstablish {
                    abolished, name, ..
                },
                _,
            ) => {
                let olds: Vec<String> = abolished.iter().map(|a| name_before(*a)).collect();
                items.push(format!(
                    "撤销{}，设立{name}，以原{}的区域为{name}的区域。",
                    olds.join("、"),
                    olds.join("、")
                ));
            }
            (ChangeRequest::VillageConvert { village, .. }, _) => {
                let new_name = e
                    .established()
                    .next()
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                let old = name_before(*village);
                items.push(format!(
                    "撤销{old}，设立{new_name}，以原{old}的区域为{new_name}的区域。"
                ));
            }
            (ChangeRequest::VillageSplit { village, .. }, _) => {
                let to = e
                    .lineage
                    .first()
                    .map(|l| name_after(l.to))
                    .unwrap_or_default();
                items.push(format!("将{}的部分区域划归{to}。", name_before(*village)));
            }
            // Survey updates are not changes of division: nothing to announce.
            (ChangeRequest::UpdateAttrs { .. }, _) => {}
        }
        i += 1;
    }
    let village_change = |e: &&ChangeEvent| {
        e.kind.is_village_level()
            || matches!(&e.request, ChangeRequest::Rename { unit, .. }
                if registry.latest(*unit).is_some_and(|u| u.level() == Level::Village))
    };
    let what = if events.iter().all(village_change) {
        "部分村（居）民委员会建制"
    } else {
        "部分乡镇行政区划"
    };
    let mut body = vec![format!(
        "经{}批准（{}），对{}{what}进行调整。现将有关事项公告如下：",
        info.approver, info.approval_no, county_name
    )];
    for (k, item) in items.iter().enumerate() {
        body.push(format!(
            "{}、{item}",
            NUMERALS.get(k).copied().unwrap_or("")
        ));
    }
    let towns: Vec<_> = after
        .at_level(Level::Township)
        .filter(|u| u.code.is_within(info.county))
        .collect();
    let count = |k: quhua_core::TownshipKind| {
        towns
            .iter()
            .filter(|u| u.kind.township() == Some(k))
            .count()
    };
    let mut parts = Vec::new();
    for (k, unit) in [
        (quhua_core::TownshipKind::Subdistrict, "个街道"),
        (quhua_core::TownshipKind::Town, "个镇"),
        (quhua_core::TownshipKind::Township, "个乡"),
        (quhua_core::TownshipKind::EthnicTownship, "个民族乡"),
    ] {
        let n = count(k);
        if n > 0 {
            parts.push(format!("{n}{unit}"));
        }
    }
    body.push(format!("调整后，{county_name}辖{}。", parts.join("、")));
    body.push(format!(
        "以上调整自{}起施行。调整后的乡镇及村（居）行政区划代码见附件《区划代码变更对照表》。",
        zh_date(info.effective)
    ));
    body.push("特此公告。".into());
    if let Some(n) = &info.note {
        body.push(n.clone());
    }
    Ok(Notice {
        title: format!("{}关于乡镇行政区划调整的公告", info.issuer),
        body,
        signature: vec![info.issuer.clone(), zh_date(info.issued)],
    })
}

impl Notice {
    /// The notice as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut s = format!("# {}\n\n", self.title);
        for p in &self.body {
            s.push_str(p);
            s.push_str("\n\n");
        }
        for line in &self.signature {
            s.push_str(&format!("<p align=\"right\">{line}</p>\n\n"));
        }
        s
    }

    /// The notice as a DOCX file: 二号小标宋 title, 三号仿宋 body with two-character indent.
    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        let title_font = RunFonts::new().east_asia("方正小标宋简体").ascii("SimSun");
        let body_font = RunFonts::new().east_asia("仿宋_GB2312").ascii("FangSong");
        let mut doc = Docx::new().add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text(&self.title)
                    .size(44)
                    .bold()
                    .fonts(title_font),
            ),
        );
        doc = doc.add_paragraph(Paragraph::new());
        for p in &self.body {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                    .line_spacing(docx_rs::LineSpacing::new().line(560))
                    .add_run(Run::new().add_text(p).size(32).fonts(body_font.clone())),
            );
        }
        doc = doc.add_paragraph(Paragraph::new());
        for line in &self.signature {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(Run::new().add_text(line).size(32).fonts(body_font.clone())),
            );
        }
        let mut buf = std::io::Cursor::new(Vec::new());
        doc.build()
            .pack(&mut buf)
            .map_err(|e| ReportError::Docx(e.to_string()))?;
        Ok(buf.into_inner())
    }
}
