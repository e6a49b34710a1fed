//! The documents a county files, composed from a plan's data: the 区划调整方案 (what is
//! submitted for approval), the 情况汇报 to the city (its figures sentence from the
//! evaluation), the 评估报告 — each as DOCX (GB/T 9704 layout) or PDF (typst) with maps before
//! and after — and the MCA's 县以下行政区划变更情况 table (XLSX). Available from submission on:
//! before the plan is applied its changes are applied to a copy of the registry.

use super::load;
use crate::access::Actor;
use crate::county::CountyBase;
use crate::views::FileOut;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::event::ChangeEvent;
use quhua_core::registry::Registry;
use quhua_core::scenario::{Scenario, apply_scenario};
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};
use quhua_report::government::{MapFigure, PlanFacts};
use quhua_report::map::{MapRegion, MapSpec};
use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightBy, state_at};
use quhua_workflow::procedure::Plan;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// 区划调整方案.
    Scheme,
    /// 情况汇报.
    Summary,
    /// 评估报告.
    Evaluation,
}

impl DocKind {
    /// Parses scheme|summary|evaluation.
    pub fn parse(s: &str) -> Option<DocKind> {
        match s {
            "scheme" | "方案" => Some(DocKind::Scheme),
            "summary" | "汇报" => Some(DocKind::Summary),
            "evaluation" | "评估" => Some(DocKind::Evaluation),
            _ => None,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word.
    Docx,
    /// PDF (typst).
    Pdf,
    /// Excel: the MCA change table.
    Xlsx,
}

impl Format {
    /// Parses docx|pdf|xlsx.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

fn invalid(zh: impl Into<String>, en: impl Into<String>) -> AppError {
    AppError::refused(zh, en)
}

fn report_err(e: quhua_report::ReportError) -> AppError {
    AppError::internal(e)
}

/// The registry with the plan's changes (recorded, or applied to a copy when not yet
/// applied), the dates before and after, and the plan's events.
fn with_changes(
    mut reg: Registry,
    plan: &Plan,
) -> AppResult<(Registry, Date, Date, Vec<ChangeEvent>)> {
    if let (Some(eff), Some(a)) = (plan.applied, plan.approval.as_ref()) {
        let events = reg
            .events()
            .iter()
            .filter(|e| e.approval_no == a.document_no && e.date == eff)
            .cloned()
            .collect();
        return Ok((reg, eff.pred_opt().unwrap_or(eff), eff, events));
    }
    let scenario = Scenario::from_toml(&plan.scenario)
        .or_else(|_| Scenario::from_json(&plan.scenario))
        .map_err(|e| {
            invalid(
                format!("方案无法读取：{e}"),
                format!("scheme unreadable: {e}"),
            )
        })?;
    let base = scenario
        .base_date
        .as_deref()
        .and_then(quhua_core::date::parse_date)
        .or_else(|| plan.steps.first().map(|s| s.at))
        .unwrap_or(reg.genesis_date());
    let last = reg
        .events()
        .last()
        .map(|e| e.date)
        .unwrap_or(reg.genesis_date());
    let eff = base.max(last).succ_opt().unwrap_or(base);
    let n = reg.events().len();
    apply_scenario(&mut reg, &scenario, base, eff, "（拟报批）").map_err(|e| {
        invalid(
            format!("方案无法套用：{e}"),
            format!("scheme does not apply: {e}"),
        )
    })?;
    let events = reg.events()[n..].to_vec();
    Ok((reg, eff.pred_opt().unwrap_or(eff), eff, events))
}

/// The map of the county's townships on `date` in `reg` (the registry, or a copy with the
/// scheme applied), drawn from the county's stored boundaries ([`crate::county`]): each base
/// village's polygon — with township boundaries only, each township's polygon on the village
/// carrying it — coloured by that village's township on `date`. Schematic (示意) only when the
/// stored set is.
fn map_spec(reg: &Registry, county: &CountyBase, date: Date, title: &str) -> Option<MapSpec> {
    let g = county.geometry.as_ref()?;
    let mut names: Vec<(DivisionCode, UnitId, String)> = Vec::new();
    let mut regions = Vec::new();
    for (v, poly) in county.base.villages.iter().zip(&g.polygons) {
        if poly.0.is_empty() {
            continue;
        }
        let Some(t) = state_at(reg, v.id, date).and_then(|s| s.parent) else {
            continue;
        };
        let Some(ts) = state_at(reg, t, date).filter(|s| s.level() == Level::Township) else {
            continue;
        };
        let idx = match names.iter().position(|n| n.1 == t) {
            Some(p) => p,
            None => {
                names.push((ts.code, t, ts.name.clone()));
                names.len() - 1
            }
        };
        let rings = poly
            .0
            .iter()
            .flat_map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|r| r.0.iter().map(|c| (c.x, c.y)).collect::<Vec<_>>())
            })
            .collect();
        regions.push(MapRegion {
            township: idx,
            rings,
        });
    }
    if regions.is_empty() {
        return None;
    }
    // Legend in code order.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| names[i].0);
    let mut rank = vec![0; names.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    for r in &mut regions {
        r.township = rank[r.township];
    }
    Some(MapSpec {
        title: title.to_string(),
        townships: order.iter().map(|&i| names[i].2.clone()).collect(),
        regions,
        schematic: g.synthetic,
    })
}

/// A plan with its changes: the registry with them (recorded, or applied to a copy), the
/// county, the dates before and after, the events and the policy of its scheme.
pub(crate) struct PlanChange {
    pub plan: Plan,
    pub reg: Registry,
    pub county: DivisionCode,
    pub before: Date,
    pub after: Date,
    pub events: Vec<ChangeEvent>,
    pub policy: quhua_core::policy::Policy,
}

/// Loads plan `id` (which the actor must see) with its changes.
pub(crate) fn plan_change(app: &App, actor: &Actor, id: i64) -> AppResult<PlanChange> {
    let rec = load(app, actor, id)?;
    let plan: Plan = rec.body;
    let reg: Registry = (*app.registry()?).clone();
    let county = crate::county::county_code(&plan.county)?;
    let (reg, before, after, events) = with_changes(reg, &plan)?;
    let named = Scenario::from_toml(&plan.scenario)
        .ok()
        .and_then(|s| s.policy);
    let policy = crate::policy::resolve_named(app, named.as_deref(), &plan.county)?;
    Ok(PlanChange {
        plan,
        reg,
        county,
        before,
        after,
        events,
        policy,
    })
}

/// The before/after evaluation of a plan, with village-to-seat distances where the county's
/// geometry places its villages.
pub(crate) fn evaluation_of(
    app: &App,
    c: &PlanChange,
) -> AppResult<quhua_stats::evaluate::Evaluation> {
    let points = crate::stats::village_points(app, &c.reg, c.county);
    quhua_stats::evaluate::evaluate(
        &c.reg,
        c.county,
        c.before,
        c.after,
        &c.policy,
        points.as_ref(),
    )
    .map_err(crate::error::stats_err)
}

/// The summary of the risk assessment and the expert review, from their step records.
fn risk_summary(plan: &Plan) -> Option<String> {
    let done = |id: &str| plan.steps.iter().rev().find(|s| s.step == id);
    let sentence = |s: &quhua_workflow::procedure::StepRecord, what: &str| {
        // The document's title: its file name without the extension.
        let doc = s
            .document
            .as_ref()
            .map(|d| {
                let title = d.name.rsplit_once('.').map_or(d.name.as_str(), |x| x.0);
                format!("，形成《{title}》")
            })
            .unwrap_or_default();
        let note = s.note.trim();
        let note = if note.is_empty() {
            String::new()
        } else {
            format!("。{}", note.trim_end_matches('。'))
        };
        format!(
            "{}，{}完成{what}{doc}{note}。",
            s.at.format("%Y年%-m月%-d日"),
            s.by
        )
    };
    let parts: Vec<String> = [
        ("risk_assessment", "社会稳定风险评估"),
        ("expert_review", "专家论证"),
    ]
    .iter()
    .filter_map(|(id, what)| done(id).map(|s| sentence(s, what)))
    .collect();
    (!parts.is_empty()).then(|| parts.concat())
}

/// The maps of a plan (before, and the scheme), where the county has stored boundaries.
fn maps_of(app: &App, c: &PlanChange, county_name: &str) -> AppResult<Option<(MapSpec, MapSpec)>> {
    let county = crate::county::load(app, &c.county.to_string(), &c.policy)?;
    let spec = |date: Date, title: String| map_spec(&c.reg, &county, date, &title);
    Ok(
        spec(c.before, format!("{county_name}乡级行政区划图（调整前）")).zip(spec(
            c.after,
            format!("{county_name}乡级行政区划调整方案图"),
        )),
    )
}

/// A map of plan `id` for download: before (`after = false`) or the scheme, as SVG or PNG.
pub fn map(app: &App, actor: &Actor, id: i64, after: bool, png: bool) -> AppResult<FileOut> {
    let c = plan_change(app, actor, id)?;
    let name = state_at(
        &c.reg,
        c.reg.unit_by_code(c.county).map_err(AppError::internal)?,
        c.after,
    )
    .map(|s| s.name.clone())
    .unwrap_or_default();
    let Some((b, a)) = maps_of(app, &c, &name)? else {
        return Err(AppError::not_found(
            format!("{name}的乡级边界（尚未导入边界数据，无法绘图）"),
            format!("township boundaries of {name} (none imported: no map can be drawn)"),
        ));
    };
    let m = if after { a } else { b };
    let (bytes, ext, mime) = if png {
        (
            quhua_report::map::png(&m, 2.0).map_err(report_err)?,
            "png",
            "image/png",
        )
    } else {
        (
            quhua_report::map::svg(&m).into_bytes(),
            "svg",
            "image/svg+xml",
        )
    };
    let name = if m.schematic {
        format!("{}（示意图）.{ext}", m.title)
    } else {
        format!("{}.{ext}", m.title)
    };
    Ok(FileOut { name, mime, bytes })
}

/// Everything the documents of plan `id` are composed from.
///
/// `with_maps` draws the maps; `with_charts` the evaluation's charts (both take a moment).
pub fn plan_facts(
    app: &App,
    actor: &Actor,
    id: i64,
    with_maps: bool,
    with_charts: bool,
) -> AppResult<PlanFacts> {
    let c = plan_change(app, actor, id)?;
    let evaluation = evaluation_of(app, &c)?;
    let PlanChange {
        ref plan,
        ref reg,
        county,
        before,
        after,
        ref events,
        ..
    } = c;
    let issuer = format!("{}人民政府", evaluation.county_name);
    let (approval_no, date) = match &plan.approval {
        Some(a) => (a.document_no.clone(), a.effective),
        None => ("（拟报批）".to_string(), after),
    };
    let event_refs: Vec<&ChangeEvent> = events.iter().collect();
    let changes = if event_refs.is_empty() {
        Vec::new()
    } else {
        let notice = quhua_report::notice::compose(
            reg,
            &event_refs,
            &quhua_report::notice::NoticeInfo {
                county,
                issuer: issuer.clone(),
                approver: "省人民政府".into(),
                approval_no: approval_no.clone(),
                effective: after,
                issued: after,
                note: None,
            },
        )
        .map_err(report_err)?;
        notice
            .body
            .iter()
            .skip(1)
            .take_while(|p| !p.starts_with("调整后"))
            .map(|p| {
                p.split_once('、')
                    .map(|x| x.1.to_string())
                    .unwrap_or(p.clone())
            })
            .collect()
    };
    let cw = Crosswalk::build(
        reg,
        before,
        after,
        &CrosswalkOptions::new(WeightBy::Villages).in_county(county),
    )
    .map_err(crate::error::stats_err)?;
    let composition = cw
        .to_units
        .iter()
        .enumerate()
        .map(|(t, u)| {
            let from: Vec<String> = cw
                .links
                .iter()
                .filter(|l| l.to == t)
                .map(|l| cw.from_units[l.from].name.clone())
                .collect();
            (u.name.clone(), from)
        })
        .collect();
    let steps = plan
        .status()
        .into_iter()
        .map(|s| {
            (
                s.zh.clone(),
                s.done.map(|d| d.at.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let maps = if with_maps {
        match maps_of(app, &c, &evaluation.county_name)? {
            Some((b, a)) => {
                let fig = |m: &MapSpec, caption: String| -> AppResult<MapFigure> {
                    Ok(MapFigure {
                        caption,
                        png: quhua_report::map::png(m, 1.5).map_err(report_err)?,
                        svg: quhua_report::map::svg(m),
                    })
                };
                // 示意图 only where the boundaries are schematic.
                let kind = if b.schematic { "示意图" } else { "图" };
                Some((
                    fig(&b, format!("图1 调整前乡级行政区划{kind}"))?,
                    fig(&a, format!("图2 调整方案{kind}"))?,
                ))
            }
            None => None,
        }
    } else {
        None
    };
    let series = super::charts::series_facts(app, reg, &evaluation)?;
    let charts = if with_charts {
        let first = if maps.is_some() { 3 } else { 1 };
        super::charts::evaluation_charts(&evaluation, &series, first)?
    } else {
        Vec::new()
    };
    Ok(PlanFacts {
        plan_name: plan.name.clone(),
        evaluation,
        changes,
        composition,
        consultation: plan.consultation.summary_zh(),
        risks: risk_summary(plan),
        steps,
        approval: plan
            .approval
            .as_ref()
            .map(|a| (a.document_no.clone(), a.effective)),
        issuer,
        date,
        maps,
        series,
        charts,
    })
}

/// One document of plan `id` in `format` (XLSX gives the MCA change table whatever `kind`).
pub fn document(
    app: &App,
    actor: &Actor,
    id: i64,
    kind: DocKind,
    format: Format,
) -> AppResult<FileOut> {
    let documented = format != Format::Xlsx;
    let facts = plan_facts(
        app,
        actor,
        id,
        documented && kind != DocKind::Summary,
        documented && kind == DocKind::Evaluation,
    )?;
    if format == Format::Xlsx {
        let table = mca_table(&facts);
        let dir = tempfile::tempdir().map_err(AppError::internal)?;
        let path = dir.path().join("t.xlsx");
        quhua_io::write_xlsx(&table, &path)?;
        let bytes = std::fs::read(&path).map_err(AppError::internal)?;
        return Ok(FileOut {
            name: format!(
                "{}县以下行政区划变更情况.xlsx",
                facts.evaluation.county_name
            ),
            mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes,
        });
    }
    let city = "市人民政府";
    let doc = match kind {
        DocKind::Scheme => quhua_report::government::scheme(&facts),
        DocKind::Summary => quhua_report::government::summary(&facts, city),
        DocKind::Evaluation => quhua_report::government::evaluation(&facts),
    };
    let (bytes, ext, mime) = match format {
        Format::Docx => (
            doc.to_docx().map_err(report_err)?,
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        _ => (doc.to_pdf().map_err(report_err)?, "pdf", "application/pdf"),
    };
    Ok(FileOut {
        name: format!("{}.{ext}", doc.title),
        mime,
        bytes,
    })
}

fn mca_table(f: &PlanFacts) -> quhua_io::ExportTable {
    use quhua_io::ExportCell as C;
    let e = &f.evaluation;
    let mut t = quhua_io::ExportTable::new([
        "序号",
        "县级单位",
        "变更事项",
        "批准机关及文号",
        "生效日期",
        "变更前乡级单位数",
        "变更后乡级单位数",
    ])
    .with_title(format!("{}县以下行政区划变更情况", e.county_name))
    .with_sheet_name("变更情况");
    let (no, eff) = f
        .approval
        .clone()
        .map(|(n, d)| (n, d.to_string()))
        .unwrap_or_default();
    for (i, c) in f.changes.iter().enumerate() {
        t.push_row(vec![
            C::Number((i + 1) as f64),
            C::Text(format!("{}（{}）", e.county_name, e.county)),
            C::Text(c.clone()),
            C::Text(no.clone()),
            C::Text(eff.clone()),
            C::Number(e.before.indicators.count as f64),
            C::Number(e.after.indicators.count as f64),
        ]);
    }
    if e.synthetic {
        t = t.with_footnote("注：人口、面积为示意数据 / synthetic figures");
    }
    t
}
