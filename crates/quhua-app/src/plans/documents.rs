//! Downloads: the materials stored with a plan, and the documents generated from an applied
//! plan (公告 DOCX/Markdown, 区划代码变更对照表 XLSX/CSV, 调整前后指标 XLSX), computed under the
//! policy the plan's scheme declares.

use super::government::{DocKind, Format};
use super::load;
use crate::access::Actor;
use crate::upload::mime_of;
use crate::views::{DocumentLink, FileOut};
use crate::{App, AppError, AppResult};
use quhua_core::scenario::Scenario;
use quhua_workflow::procedure::Plan;

/// The ids of the generated documents: first those of an applied plan (公告, 对照表, 指标表),
/// then those composed from the plan at any stage (方案, 情况汇报, 评估报告, 变更情况表).
pub const DOCUMENT_IDS: [&str; 19] = [
    "notice.docx",
    "notice.md",
    "change-table.xlsx",
    "change-table.csv",
    "indicators.xlsx",
    "scheme.docx",
    "scheme.pdf",
    "summary.docx",
    "summary.pdf",
    "evaluation.docx",
    "evaluation.pdf",
    "mca-table.xlsx",
    "map-before.svg",
    "map-before.png",
    "map-after.svg",
    "map-after.png",
    "village-list.xlsx",
    "village-plan.docx",
    "village-plan.pdf",
];

/// The documents of a village adjustment (any stage): the list put to the county government,
/// and the 村级建制调整方案 in Word and PDF.
const VILLAGE_DOCS: [(&str, &str, &str); 3] = [
    (
        "village-list.xlsx",
        "村级建制调整清单（Excel）",
        "list of village changes for approval (Excel)",
    ),
    (
        "village-plan.docx",
        "村级建制调整方案（Word）",
        "village adjustment plan (Word)",
    ),
    (
        "village-plan.pdf",
        "村级建制调整方案（PDF）",
        "village adjustment plan (PDF)",
    ),
];

/// The maps of a plan (where the county has geometry): id, after (else before), PNG (else
/// SVG), Chinese and English titles.
const MAPS: [(&str, bool, bool, &str, &str); 4] = [
    (
        "map-before.svg",
        false,
        false,
        "调整前区划示意图（SVG）",
        "map before (SVG)",
    ),
    (
        "map-before.png",
        false,
        true,
        "调整前区划示意图（PNG）",
        "map before (PNG)",
    ),
    (
        "map-after.svg",
        true,
        false,
        "调整方案示意图（SVG）",
        "map of the scheme (SVG)",
    ),
    (
        "map-after.png",
        true,
        true,
        "调整方案示意图（PNG）",
        "map of the scheme (PNG)",
    ),
];

/// The documents composed from the plan at any stage: id, document, format, Chinese and
/// English titles.
const GOVERNMENT: [(&str, DocKind, Format, &str, &str); 7] = [
    (
        "scheme.docx",
        DocKind::Scheme,
        Format::Docx,
        "区划调整方案（Word）",
        "adjustment scheme (Word)",
    ),
    (
        "scheme.pdf",
        DocKind::Scheme,
        Format::Pdf,
        "区划调整方案（PDF）",
        "adjustment scheme (PDF)",
    ),
    (
        "summary.docx",
        DocKind::Summary,
        Format::Docx,
        "情况汇报（Word）",
        "report to the city (Word)",
    ),
    (
        "summary.pdf",
        DocKind::Summary,
        Format::Pdf,
        "情况汇报（PDF）",
        "report to the city (PDF)",
    ),
    (
        "evaluation.docx",
        DocKind::Evaluation,
        Format::Docx,
        "评估报告（Word）",
        "evaluation report (Word)",
    ),
    (
        "evaluation.pdf",
        DocKind::Evaluation,
        Format::Pdf,
        "评估报告（PDF）",
        "evaluation report (PDF)",
    ),
    (
        "mca-table.xlsx",
        DocKind::Scheme,
        Format::Xlsx,
        "县以下行政区划变更情况（Excel）",
        "changes below county level, MCA layout (Excel)",
    ),
];

/// The generated documents: id, file name, Chinese and English titles.
const GENERATED: [(&str, &str, &str, &str); 5] = [
    (
        "notice.docx",
        "公告.docx",
        "公告（Word）",
        "public notice (Word)",
    ),
    (
        "notice.md",
        "公告.md",
        "公告（文本）",
        "public notice (text)",
    ),
    (
        "change-table.xlsx",
        "区划代码变更对照表.xlsx",
        "区划代码变更对照表（Excel）",
        "code-change table (Excel)",
    ),
    (
        "change-table.csv",
        "区划代码变更对照表.csv",
        "区划代码变更对照表（CSV）",
        "code-change table (CSV)",
    ),
    (
        "indicators.xlsx",
        "调整前后指标.xlsx",
        "调整前后主要指标（Excel）",
        "indicators before and after (Excel)",
    ),
];

/// Links to the generated documents: the composed ones always (the township documents unless
/// the scheme changes villages only), those of an applied plan once it is applied, and the
/// village list for a plan that changes villages.
pub(crate) fn links(applied: bool, villages: bool, townships: bool) -> Vec<DocumentLink> {
    let applied_docs = GENERATED
        .iter()
        .filter(|_| applied)
        .map(|(id, name, zh, en)| DocumentLink {
            id: (*id).into(),
            name: (*name).into(),
            zh: (*zh).into(),
            en: (*en).into(),
        });
    let composed = GOVERNMENT
        .iter()
        .filter(|_| townships)
        .map(|(id, _, _, zh, en)| DocumentLink {
            id: (*id).into(),
            name: (*id).into(),
            zh: (*zh).into(),
            en: (*en).into(),
        });
    let maps = MAPS.iter().map(|(id, _, _, zh, en)| DocumentLink {
        id: (*id).into(),
        name: (*id).into(),
        zh: (*zh).into(),
        en: (*en).into(),
    });
    let village = VILLAGE_DOCS
        .iter()
        .filter(|_| villages)
        .map(|(id, zh, en)| DocumentLink {
            id: (*id).into(),
            name: (*id).into(),
            zh: (*zh).into(),
            en: (*en).into(),
        });
    applied_docs
        .chain(composed)
        .chain(maps)
        .chain(village)
        .collect()
}

/// The plan's scheme evaluated on the registry it was drafted against: the latest, or the day
/// before the change took effect once applied (with the codes in use then, so the codes it
/// promised are the ones the registry assigned).
fn scheme_evaluation(
    app: &App,
    actor: &Actor,
    plan: &Plan,
) -> AppResult<quhua_core::scenario::Evaluation> {
    let scenario =
        Scenario::from_toml(&plan.scenario).or_else(|_| Scenario::from_json(&plan.scenario))?;
    let policy = crate::policy::resolve_for(app, actor, scenario.policy.as_deref(), &plan.county)?;
    let reg = app.registry()?;
    let date = match (&plan.applied, &plan.approval) {
        (Some(_), Some(a)) => a.effective.pred_opt().unwrap_or(a.effective),
        _ => crate::county::latest_date(&reg),
    };
    let county = quhua_core::DivisionCode::parse(&plan.county)?;
    let mut base = quhua_core::scenario::Base::from_snapshot(
        &reg.as_of(date),
        county,
        &policy.population_key,
    )?
    .mark_synthetic(reg.sources().iter().any(|s| s.synthetic));
    for (code, used) in reg.codes().iter() {
        if used.valid_from <= date && code.is_within(county) {
            match code.level() {
                quhua_core::Level::Township => base.used_codes.insert(*code),
                quhua_core::Level::Village => base.used_village_codes.insert(*code),
                _ => false,
            };
        }
    }
    Ok(quhua_core::scenario::evaluate(&base, &policy, &scenario)?)
}

/// 村级建制调整方案 of a plan, Word or PDF.
fn village_plan(app: &App, actor: &Actor, id: i64, pdf: bool) -> AppResult<FileOut> {
    let plan = load(app, actor, id)?.body;
    if plan.villages_concerned().is_empty() {
        return Err(AppError::not_found(
            "村级建制调整方案（方案未调整村级建制）",
            "village adjustment plan (the scheme changes no village)",
        ));
    }
    let ev = scheme_evaluation(app, actor, &plan)?;
    let assent = plan.village_assent();
    let date = plan.steps.first().map(|s| s.at).unwrap_or_default();
    let doc = quhua_report::village_plan::document(&quhua_report::village_plan::VillagePlanFacts {
        county: &ev.county_name,
        villages: &ev.villages,
        assent: &assent,
        issuer: format!("{}民政局", ev.county_name),
        date: quhua_report::notice::zh_date(date),
        synthetic: ev.synthetic,
    });
    let (bytes, ext, mime) = if pdf {
        (doc.to_pdf().map_err(report_err)?, "pdf", "application/pdf")
    } else {
        (
            doc.to_docx().map_err(report_err)?,
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    };
    Ok(FileOut {
        name: format!("{}村级建制调整方案.{ext}", ev.county_name),
        mime,
        bytes,
    })
}

/// 村级建制调整清单 of a plan (XLSX): the villages its scheme changes or creates, with the
/// 村民会议 of each village concerned.
fn village_list(app: &App, actor: &Actor, id: i64) -> AppResult<FileOut> {
    let plan = load(app, actor, id)?.body;
    if plan.villages_concerned().is_empty() {
        return Err(AppError::not_found(
            "村级建制调整清单（方案未调整村级建制）",
            "village list (the scheme changes no village)",
        ));
    }
    let ev = scheme_evaluation(app, actor, &plan)?;
    let note = ev.synthetic.then_some(
        "注：本表中的人口、户数等为示意数据。 Synthetic (示意) population and households.",
    );
    let table = quhua_report::village_list::table(
        &format!("{}村级建制调整清单", ev.county_name),
        &ev.villages,
        &plan.village_assent(),
        note,
    );
    let dir = tempfile::tempdir().map_err(report_err)?;
    let path = dir.path().join("v.xlsx");
    quhua_io::write_xlsx(&table, &path).map_err(report_err)?;
    Ok(FileOut {
        name: format!("{}村级建制调整清单.xlsx", ev.county_name),
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes: std::fs::read(&path).map_err(report_err)?,
    })
}

/// A stored material or step document of a plan the actor may see, by SHA-256.
pub fn material(app: &App, actor: &Actor, id: i64, sha256: &str) -> AppResult<FileOut> {
    let rec = load(app, actor, id)?;
    let plan = &rec.body;
    let listed = plan.materials.iter().any(|d| d.sha256 == sha256)
        || plan
            .steps
            .iter()
            .chain(plan.returns.iter().flat_map(|r| r.undone.iter()))
            .any(|s| s.document.as_ref().is_some_and(|d| d.sha256 == sha256));
    let not_found = || AppError::not_found(format!("材料 {sha256}"), format!("material {sha256}"));
    if !listed {
        return Err(not_found());
    }
    let (name, bytes) = app.store().get_document(sha256)?.ok_or_else(not_found)?;
    Ok(FileOut {
        mime: mime_of(&name),
        name,
        bytes,
    })
}

/// Every generated document of an applied plan.
pub fn documents(
    app: &App,
    actor: &Actor,
    id: i64,
    issuer: Option<&str>,
    approver: &str,
) -> AppResult<Vec<FileOut>> {
    let rec = load(app, actor, id)?;
    generate(app, actor, &rec.body, issuer, approver)
}

/// One generated document (`notice.docx`, `change-table.xlsx` …) of an applied plan.
pub fn document(app: &App, actor: &Actor, id: i64, which: &str) -> AppResult<FileOut> {
    match which {
        "village-list.xlsx" => return village_list(app, actor, id),
        "village-plan.docx" => return village_plan(app, actor, id, false),
        "village-plan.pdf" => return village_plan(app, actor, id, true),
        _ => {}
    }
    if let Some((_, kind, format, _, _)) = GOVERNMENT.iter().find(|g| g.0 == which) {
        return super::government::document(app, actor, id, *kind, *format);
    }
    if let Some((_, after, png, _, _)) = MAPS.iter().find(|m| m.0 == which) {
        return super::government::map(app, actor, id, *after, *png);
    }
    let Some((_, name, _, _)) = GENERATED.iter().find(|g| g.0 == which) else {
        return Err(AppError::not_found(
            format!("文档“{which}”"),
            format!("document \"{which}\""),
        ));
    };
    documents(app, actor, id, None, "省人民政府")?
        .into_iter()
        .find(|f| f.name == *name)
        .ok_or_else(|| AppError::internal(format!("document {which} was not generated")))
}

fn report_err(e: impl std::fmt::Display) -> AppError {
    AppError::internal(e)
}

fn generate(
    app: &App,
    actor: &Actor,
    plan: &Plan,
    issuer: Option<&str>,
    approver: &str,
) -> AppResult<Vec<FileOut>> {
    let approval = plan
        .approval
        .clone()
        .ok_or_else(|| AppError::refused("尚未登记批复", "no approval recorded"))?;
    if plan.applied.is_none() {
        return Err(AppError::refused(
            "方案尚未实施（写入区划名录），无变更可列",
            "the plan is not applied to the registry yet: there are no changes to list",
        ));
    }
    let reg = app.registry()?;
    let events: Vec<_> = reg
        .events()
        .iter()
        .filter(|e| e.approval_no == approval.document_no && e.date == approval.effective)
        .collect();
    let county = quhua_core::DivisionCode::parse(&plan.county)?;
    let county_name = reg
        .as_of(approval.effective)
        .by_code(county)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let synthetic = reg.sources().iter().any(|s| s.synthetic);
    let note = synthetic.then(|| "注：本材料中的人口、面积等为示意数据。".to_string());
    let info = quhua_report::notice::NoticeInfo {
        county,
        issuer: issuer.map_or_else(|| format!("{county_name}人民政府"), str::to_string),
        approver: approver.to_string(),
        approval_no: approval.document_no.clone(),
        effective: approval.effective,
        issued: approval.effective,
        note: note.clone(),
    };
    let notice = quhua_report::notice::compose(&reg, &events, &info).map_err(report_err)?;
    let rows = quhua_report::change_table::rows(&reg, &events);
    let table = quhua_report::change_table::table(
        &format!("{county_name}乡镇行政区划代码变更对照表"),
        &rows,
        note.as_deref(),
    );
    // The before/after indicators under the policy the scheme declares.
    let scenario =
        Scenario::from_toml(&plan.scenario).or_else(|_| Scenario::from_json(&plan.scenario))?;
    let policy = crate::policy::resolve_for(app, actor, scenario.policy.as_deref(), &plan.county)?;
    let day_before = approval.effective.pred_opt().unwrap_or(approval.effective);
    let base = quhua_core::scenario::Base::from_snapshot(
        &reg.as_of(day_before),
        county,
        &policy.population_key,
    )?;
    let ev = quhua_core::scenario::evaluate(&base, &policy, &scenario)?;
    let indicators = quhua_report::indicators::table(
        &format!("{county_name}乡镇区划调整前后主要指标"),
        &ev.indicators,
        note.as_deref(),
    );
    let dir = tempfile::tempdir().map_err(report_err)?;
    let file = |name: &str| dir.path().join(name);
    quhua_io::write_xlsx(&table, &file("t.xlsx")).map_err(report_err)?;
    quhua_io::write_csv(&table, &file("t.csv")).map_err(report_err)?;
    quhua_io::write_xlsx(&indicators, &file("i.xlsx")).map_err(report_err)?;
    let read = |n: &str| std::fs::read(file(n)).map_err(report_err);
    let out = |name: &str, bytes: Vec<u8>| FileOut {
        mime: mime_of(name),
        name: name.to_string(),
        bytes,
    };
    Ok(vec![
        out("公告.docx", notice.to_docx().map_err(report_err)?),
        out("公告.md", notice.to_markdown().into_bytes()),
        out("区划代码变更对照表.xlsx", read("t.xlsx")?),
        FileOut {
            mime: "text/csv; charset=utf-8",
            ..out("区划代码变更对照表.csv", read("t.csv")?)
        },
        out("调整前后指标.xlsx", read("i.xlsx")?),
    ])
}

#[cfg(test)]
mod ids {
    #[test]
    fn document_ids_name_every_generated_document() {
        let ids: Vec<&str> = super::GENERATED
            .iter()
            .map(|g| g.0)
            .chain(super::GOVERNMENT.iter().map(|g| g.0))
            .chain(super::MAPS.iter().map(|g| g.0))
            .chain(super::VILLAGE_DOCS.iter().map(|g| g.0))
            .collect();
        assert_eq!(ids, super::DOCUMENT_IDS);
        let links: Vec<String> = super::links(true, true, true)
            .into_iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(links, super::DOCUMENT_IDS);
        assert_eq!(
            super::links(false, false, true).len(),
            super::GOVERNMENT.len() + super::MAPS.len()
        );
        // a village adjustment: the maps and its own documents, none of the township ones
        assert_eq!(
            super::links(false, true, false).len(),
            super::MAPS.len() + super::VILLAGE_DOCS.len()
        );
    }
}
