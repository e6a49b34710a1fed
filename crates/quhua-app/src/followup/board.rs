//! The 挂图作战 board of a jurisdiction as of a date, and the baseline comparison.

use super::views::{
    BoardView, ChangeView, DivisionLight, LightCount, OverviewView, SummaryView, TaskRow,
    status_labels,
};
use super::{acting_org, load_scope, supervision, visible_scope};
use crate::access::Actor;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_workflow::tasks::{
    BoardRow, Light, OverviewState, SummaryBy, SummaryRow, Task, TaskLevel, changes_since, summary,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Which rows a board shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct BoardFilter {
    /// Only this task group.
    pub group: Option<String>,
    /// Only tasks this organisation (code) leads or takes part in.
    pub unit: Option<String>,
    /// Only tasks with this light (`red`, `yellow`, `blue`, `green`, `done`).
    pub light: Option<String>,
    /// Put the acting organisation's own tasks first.
    #[serde(default)]
    pub mine_first: bool,
}

fn level_id(l: TaskLevel) -> &'static str {
    match l {
        TaskLevel::Task => "task",
        TaskLevel::Subtask => "subtask",
        TaskLevel::CountyItem => "item",
    }
}

pub(super) fn row_view(r: &BoardRow, t: &Task, org: Option<&str>) -> TaskRow {
    let (sid, szh, sen) = status_labels(r.status);
    TaskRow {
        id: r.id.clone(),
        parent: r.parent.clone(),
        level: level_id(r.level).into(),
        group: r.group.clone(),
        title: r.title.clone(),
        title_en: t.title_en.clone(),
        lead: r.lead.clone(),
        lead_codes: r.lead_codes.clone(),
        due: r.due.to_string(),
        light: r.light.id().into(),
        subtree_light: r.subtree_light.id().into(),
        progress: r.progress,
        schedule: r.schedule,
        status: sid.into(),
        status_zh: szh.into(),
        status_en: sen.into(),
        divisions: r.divisions.clone(),
        start: t.start.to_string(),
        mine: org.is_some_and(|o| r.lead_codes.iter().any(|c| c == o)),
        synthetic: r.synthetic,
    }
}

fn summary_view(s: &SummaryRow) -> SummaryView {
    let n = |l: Light| s.lights.get(&l).copied().unwrap_or(0);
    SummaryView {
        key: s.key.clone(),
        name: s.name.clone(),
        total: s.total,
        red: n(Light::Red),
        yellow: n(Light::Yellow),
        blue: n(Light::Blue),
        green: n(Light::Green),
        done: n(Light::Done),
        mean_progress: s.mean_progress,
    }
}

fn parse_light(s: &str) -> AppResult<Light> {
    Light::ALL.into_iter().find(|l| l.id() == s).ok_or_else(|| {
        AppError::invalid(
            format!("灯色“{s}”应为 red、yellow、blue、green 或 done"),
            format!("light \"{s}\" must be red, yellow, blue, green or done"),
        )
    })
}

/// Division names from the registry as of a date (codes unknown to it keep no name).
fn division_names(app: &App, codes: &[&str], date: Date) -> BTreeMap<String, String> {
    let Some(reg) = app.registry_opt() else {
        return BTreeMap::new();
    };
    let snap = reg.as_of(date);
    codes
        .iter()
        .filter_map(|c| {
            let code = c.parse().ok()?;
            snap.by_code(code).map(|u| (c.to_string(), u.name.clone()))
        })
        .collect()
}

/// 挂图作战: the board of a jurisdiction (`scope`, a code prefix; `""` for all the actor sees)
/// as of `date`, with counts per light, summaries by unit and group, the worst light per
/// division for the map, and the filters applied.
pub fn board(
    app: &App,
    actor: &Actor,
    scope: &str,
    date: Date,
    filter: &BoardFilter,
) -> AppResult<BoardView> {
    let scope = visible_scope(actor, scope)?;
    let loaded = load_scope(app, &scope)?;
    let tasks = &loaded.tasks;
    let sup = supervision(app)?;
    let rows = quhua_workflow::tasks::board(tasks, date, &sup);
    let by_id: BTreeMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let want_light = filter.light.as_deref().map(parse_light).transpose()?;
    let org = acting_org(actor);
    let keep = |r: &BoardRow| {
        filter
            .group
            .as_ref()
            .is_none_or(|g| r.group.as_ref() == Some(g))
            && filter.unit.as_ref().is_none_or(|u| {
                r.lead_codes.contains(u)
                    || by_id
                        .get(r.id.as_str())
                        .is_some_and(|t| t.participants.contains(u))
            })
            && want_light.is_none_or(|l| r.light == l)
    };
    let kept: Vec<BoardRow> = rows.iter().filter(|r| keep(r)).cloned().collect();
    let mut views: Vec<TaskRow> = kept
        .iter()
        .filter_map(|r| {
            by_id
                .get(r.id.as_str())
                .map(|t| row_view(r, t, org.as_deref()))
        })
        .collect();
    if filter.mine_first {
        // Stable: the tree order stays within each part.
        views.sort_by_key(|r| !r.mine);
    }
    let lights = Light::ALL
        .into_iter()
        .rev()
        .map(|l| LightCount {
            light: l.into(),
            count: kept.iter().filter(|r| r.light == l).count(),
        })
        .collect();
    let mut worst: BTreeMap<&str, (Light, usize)> = BTreeMap::new();
    for r in &kept {
        for d in &r.divisions {
            let e = worst.entry(d.as_str()).or_insert((Light::Done, 0));
            e.0 = e.0.max(r.light);
            e.1 += 1;
        }
    }
    let codes: Vec<&str> = worst.keys().copied().collect();
    let names = division_names(app, &codes, date);
    let divisions = worst
        .iter()
        .map(|(c, (l, n))| DivisionLight {
            code: c.to_string(),
            name: names.get(*c).cloned().unwrap_or_default(),
            light: l.id().into(),
            tasks: *n,
        })
        .collect();
    let mut groups: Vec<String> = tasks.iter().filter_map(|t| t.group.clone()).collect();
    groups.sort();
    groups.dedup();
    let mut units: Vec<(String, String)> = tasks
        .iter()
        .flat_map(|t| t.lead.iter())
        .map(|c| (c.clone(), sup.name(c).to_string()))
        .collect();
    units.sort();
    units.dedup();
    Ok(BoardView {
        scope,
        date: date.to_string(),
        org,
        lights,
        rows: views,
        by_unit: summary(&kept, SummaryBy::Unit, &sup)
            .iter()
            .map(summary_view)
            .collect(),
        by_group: summary(&kept, SummaryBy::Group, &sup)
            .iter()
            .map(summary_view)
            .collect(),
        divisions,
        groups,
        units,
        synthetic: tasks.iter().any(|t| t.synthetic),
        total: rows.len(),
    })
}

/// The summary of a jurisdiction (`scope`, a code prefix) as of `date` without its rows:
/// counts per light and the summaries by lead unit, group and county — the province's or a
/// city's view of its counties.
pub fn overview(app: &App, actor: &Actor, scope: &str, date: Date) -> AppResult<OverviewView> {
    let scope = visible_scope(actor, scope)?;
    let loaded = load_scope(app, &scope)?;
    let tasks = loaded.tasks.clone();
    let sup = supervision(app)?;
    // Computed once per change: the key holds everything the summary depends on.
    // The organisations' names, in an order-free checksum (the map's order is arbitrary).
    let names = sup.names.iter().fold(sup.names.len() as u64, |a, (c, n)| {
        let h = c
            .bytes()
            .chain([0])
            .chain(n.bytes())
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        a.wrapping_add(h)
    });
    let key = (loaded.generation, date, sup.config, names);
    if let Some(v) = app.task_cache().memo(&scope, &key) {
        return Ok(v);
    }
    // The state kept at an older generation is brought up to date with the tasks replaced or
    // added since (a report in one county: one task evaluated again); otherwise computed.
    let cache = app.task_cache();
    let state = match cache.take_state(&scope) {
        Some((g, mut s)) if s.evaluated_as(date, &sup) => match loaded.changed_since(g) {
            Some(at) => {
                s.update(&tasks, &at, date, &sup);
                s
            }
            None => OverviewState::new(&tasks, date, &sup),
        },
        _ => OverviewState::new(&tasks, date, &sup),
    };
    let o = state.overview(&sup);
    cache.put_state(&scope, loaded.generation, state);
    let codes: Vec<&str> = o.by_county.iter().map(|r| r.key.as_str()).collect();
    let names = division_names(app, &codes, date);
    let lights = Light::ALL
        .into_iter()
        .rev()
        .map(|l| LightCount {
            light: l.into(),
            count: o.lights.get(&l).copied().unwrap_or(0),
        })
        .collect();
    let view = OverviewView {
        scope: scope.clone(),
        date: date.to_string(),
        total: o.total,
        lights,
        by_unit: o.by_unit.iter().map(summary_view).collect(),
        by_group: o.by_group.iter().map(summary_view).collect(),
        by_county: o
            .by_county
            .iter()
            .map(|r| {
                let mut v = summary_view(r);
                v.name = names.get(&r.key).cloned().unwrap_or_default();
                v
            })
            .collect(),
        synthetic: tasks.iter().any(|t| t.synthetic),
    };
    app.task_cache().keep(&scope, key, &view);
    Ok(view)
}

/// What changed between `since` and `date` in a jurisdiction: status, light, deadlines,
/// owners, targets and progress, task by task.
pub fn baseline(
    app: &App,
    actor: &Actor,
    scope: &str,
    since: Date,
    date: Date,
) -> AppResult<Vec<ChangeView>> {
    let scope = visible_scope(actor, scope)?;
    let tasks = load_scope(app, &scope)?.tasks;
    let sup = supervision(app)?;
    Ok(changes_since(&tasks, since, date, &sup)
        .into_iter()
        .map(|c| ChangeView {
            id: c.id,
            title: c.title,
            field: c.field,
            before: c.before,
            after: c.after,
        })
        .collect())
}

/// The formats of a supervision report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Word.
    Docx,
    /// PDF.
    Pdf,
    /// Excel workbook (one sheet per table).
    Xlsx,
}

impl ReportFormat {
    /// Parses `docx`, `pdf` or `xlsx`.
    pub fn parse(s: &str) -> Option<ReportFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" | "word" => Some(ReportFormat::Docx),
            "pdf" => Some(ReportFormat::Pdf),
            "xlsx" | "excel" => Some(ReportFormat::Xlsx),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            ReportFormat::Docx => "docx",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// 周报 / 两周推进表 / 月调度 of a jurisdiction as of `date`, generated from the tasks, risks
/// and feedback stored, as DOCX, PDF or XLSX.
pub fn report(
    app: &App,
    actor: &Actor,
    scope: &str,
    period: quhua_report::followup::Period,
    date: Date,
    format: ReportFormat,
) -> AppResult<crate::views::FileOut> {
    use quhua_report::followup::{FollowupInput, followup_report};
    let scope = visible_scope(actor, scope)?;
    let tasks = load_scope(app, &scope)?.tasks;
    let sup = supervision(app)?;
    let risks: Vec<quhua_workflow::risks::Risk> = app
        .store()
        .list::<quhua_store::Filed<quhua_workflow::risks::Risk>>(&scope)?
        .into_iter()
        .map(|r| r.body.body)
        .collect();
    let feedback: Vec<quhua_workflow::feedback::FeedbackItem> = app
        .store()
        .list::<quhua_store::Filed<quhua_workflow::feedback::FeedbackItem>>(&scope)?
        .into_iter()
        .map(|r| r.body.body)
        .collect();
    // The county's name from the registry; a jurisdiction it does not hold (a city of
    // another province) goes without.
    let place = app
        .registry_opt()
        .and_then(|r| {
            let code = scope.get(..6)?.parse().ok()?;
            r.as_of(date).by_code(code).map(|u| u.name.clone())
        })
        .unwrap_or_default();
    let mut input = FollowupInput::new(
        format!("{place}乡镇行政区划调整“后半篇”工作"),
        date,
        &tasks,
        &sup,
    );
    input.risks = &risks;
    input.feedback = &feedback;
    let r = followup_report(period, &input);
    let err = |e: quhua_report::ReportError| {
        AppError::internal(format!(
            "生成督办报告失败 / generating the report failed: {e}"
        ))
    };
    let bytes = match format {
        ReportFormat::Docx => r.to_docx().map_err(err)?,
        ReportFormat::Pdf => r.to_pdf().map_err(err)?,
        ReportFormat::Xlsx => r.to_xlsx().map_err(err)?,
    };
    let name = format!("{}.{}", r.file_stem(), format.ext());
    Ok(crate::views::FileOut {
        mime: crate::upload::mime_of(&name),
        name,
        bytes,
    })
}
