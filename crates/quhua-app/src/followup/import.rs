//! Tasks in: a plan's tasks from a file, the statutory tasks of an approved plan (with one
//! task per handover section), and the demo's seed city plan with synthetic (示意) progress.

use super::{acting_org, visible_scope};
use crate::access::{Actor, Role};
use crate::upload::ImportFile;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_store::{Filed, StoreError};
use quhua_workflow::calendar::Calendar;
use quhua_workflow::handover::Handover;
use quhua_workflow::org::Organisation;
use quhua_workflow::tasks::{
    ImportError, ImportedPlan, StatutoryConfig, StatutoryUnits, SupervisionConfig, Task, TaskLevel,
    import_plan as parse, import_plan_sheets, statutory_tasks, synthetic,
};
use serde::Serialize;

/// What an import found (and, when committed, stored).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TaskImport {
    /// File name.
    pub file: String,
    /// The plan's title.
    pub title: String,
    /// Its source document.
    pub source: String,
    /// The jurisdiction the plan is filed under.
    pub scope: String,
    /// Tasks (all levels).
    pub tasks: usize,
    /// Organisations named.
    pub organisations: usize,
    /// Task ids, parents first.
    pub ids: Vec<String>,
    /// Whether it was stored (false: checked only).
    pub committed: bool,
}

/// The jurisdiction one task is filed under: the county its divisions all lie in (a county
/// item), else the plan's.
fn filed_scope(t: &Task, plan_scope: &str) -> String {
    let counties: Vec<&str> = t
        .divisions
        .iter()
        .filter(|d| d.len() >= 6 && d.bytes().all(|b| b.is_ascii_digit()))
        .map(|d| &d[..6])
        .collect();
    match counties.first() {
        Some(c)
            if counties.iter().all(|x| x == c)
                && !c.ends_with("00")
                && c.starts_with(plan_scope.trim_end_matches("00")) =>
        {
            c.to_string()
        }
        _ => plan_scope.to_string(),
    }
}

/// Whether the actor may file tasks supervised by `supervisor` under `scope`.
fn require_supervisor(actor: &Actor, supervisor: &str, scope: &str) -> AppResult<()> {
    if actor.role.is_none() {
        return Ok(());
    }
    let org = acting_org(actor);
    let in_scope = scope.starts_with(actor.jurisdiction.as_str());
    if in_scope
        && (org.as_deref() == Some(supervisor)
            || (actor.is(Role::CountyEditor) && supervisor == format!("{scope}-office")))
    {
        return Ok(());
    }
    Err(AppError::forbidden(
        format!("督办任务由督查督办单位（{supervisor}）导入，本账号无权导入"),
        format!("tasks are filed by their supervising office ({supervisor}); this account may not"),
    ))
}

fn store_tasks(
    app: &App,
    actor: &Actor,
    orgs: &[Organisation],
    tasks: &[Task],
    scope: &str,
    intent: serde_json::Value,
) -> AppResult<()> {
    let bodies: Vec<Filed<Task>> = tasks
        .iter()
        .map(|t| Filed {
            scope: filed_scope(t, scope),
            body: t.clone(),
        })
        .collect();
    app.store()
        .create_many(orgs, &bodies, &intent, &actor.name)
        .map_err(|e| match e {
            StoreError::Invalid { zh, en } => AppError::refused(
                format!("{zh}（同一编号的任务已导入；可改用 --prefix 另起编号）"),
                format!("{en} (a task with this id is already filed; use --prefix to renumber)"),
            ),
            e => e.into(),
        })?;
    Ok(())
}

/// Prefixes every task id (and parent) with `prefix` and a dot, to file a plan twice.
fn renumber(tasks: &mut [Task], prefix: &str) {
    if prefix.is_empty() {
        return;
    }
    for t in tasks {
        t.id = format!("{prefix}.{}", t.id);
        if let Some(p) = &mut t.parent {
            *p = format!("{prefix}.{p}");
        }
    }
}

/// 导入任务: reads a plan's tasks from a TOML file or an Excel workbook (.xlsx/.xls, sheets
/// 计划, 单位, 任务, 指标, 节点 — see [`quhua_workflow::tasks::import_plan_sheets`]): tasks,
/// subtasks and county items with lead and participating units, targets, milestones and
/// deadlines, and the organisations they name. With `commit`, files them under `scope`
/// (default: the supervising office's jurisdiction) — every task and organisation, or
/// nothing — each with its audit row. Every problem is reported with the file (and sheet),
/// line or row, task and field; task ids already filed are problems too, in a check as in an
/// import.
pub fn import_plan(
    app: &App,
    actor: &Actor,
    file: &ImportFile,
    scope: Option<&str>,
    prefix: &str,
    commit: bool,
) -> AppResult<TaskImport> {
    let (name, parsed) = read_plan(file)?;
    let name = name.as_str();
    let mut plan = parsed.map_err(|errs| problems(&errs))?;
    let default_scope = plan
        .organisations
        .iter()
        .find(|o| o.code == plan.supervisor)
        .map(|o| o.jurisdiction.clone())
        .or_else(|| {
            app.store()
                .organisation(&plan.supervisor)
                .ok()
                .flatten()
                .map(|o| o.jurisdiction)
        });
    let scope = match (scope, default_scope) {
        (Some(s), _) => s.trim().to_string(),
        (None, Some(s)) => s,
        (None, None) => {
            return Err(AppError::invalid(
                format!(
                    "{name}：督查督办单位“{}”的辖区未知，请指明任务所属辖区（--scope）",
                    plan.supervisor
                ),
                format!(
                    "{name}: the supervising office \"{}\" has no known jurisdiction; name the tasks' jurisdiction (--scope)",
                    plan.supervisor
                ),
            ));
        }
    };
    visible_scope(actor, &scope)?;
    require_supervisor(actor, &plan.supervisor, &scope)?;
    let prefix = prefix.trim();
    if !prefix
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(AppError::invalid(
            format!("编号前缀“{prefix}”只能含字母、数字、- 和 _"),
            format!("the id prefix \"{prefix}\" may hold only letters, digits, - and _"),
        ));
    }
    renumber(&mut plan.tasks, prefix);
    let taken: Vec<ImportError> = plan
        .tasks
        .iter()
        .filter(|t| {
            app.store()
                .find_by_name::<Filed<Task>>(&t.id)
                .ok()
                .flatten()
                .is_some()
        })
        .map(|t| {
            ImportError::new(
                name,
                None,
                Some(&t.id),
                Some("id"),
                &format!("任务“{}”已存在；如需再次导入，请另设编号前缀", t.id),
                &format!(
                    "task \"{}\" is filed already; to file the plan again, give an id prefix",
                    t.id
                ),
            )
        })
        .collect();
    if !taken.is_empty() {
        return Err(problems(&taken));
    }
    let out = TaskImport {
        file: name.into(),
        title: plan.title.clone(),
        source: plan.source.clone(),
        scope: scope.clone(),
        tasks: plan.tasks.len(),
        organisations: plan.organisations.len(),
        ids: plan.tasks.iter().map(|t| t.id.clone()).collect(),
        committed: commit,
    };
    if commit {
        let intent = serde_json::json!({"op": "import", "file": name, "title": plan.title,
            "tasks": plan.tasks.len()});
        store_tasks(app, actor, &plan.organisations, &plan.tasks, &scope, intent)?;
    }
    Ok(out)
}

/// The problems of a plan file as one error: the first twenty in the message, all of them
/// (file, line, task, field, both languages) in the detail.
fn problems(errs: &[ImportError]) -> AppError {
    let zh: Vec<String> = errs.iter().take(20).map(|e| e.zh()).collect();
    let en: Vec<String> = errs.iter().take(20).map(|e| e.en()).collect();
    let detail: Vec<serde_json::Value> = errs
        .iter()
        .map(|e| {
            serde_json::json!({"file": e.file, "line": e.line, "item": e.item,
                "field": e.field, "zh": e.zh, "en": e.en})
        })
        .collect();
    AppError::invalid(zh.join("\n"), en.join("\n"))
        .with_detail(serde_json::json!({ "errors": detail }))
}

/// Reads a plan file: TOML (UTF-8) or a workbook, by its extension. Returns the name used in
/// messages and the plan or its problems.
fn read_plan(file: &ImportFile) -> AppResult<(String, Result<ImportedPlan, Vec<ImportError>>)> {
    let name = match file {
        ImportFile::Path(p) => p.display().to_string(),
        ImportFile::Bytes { name, .. } => name.clone(),
    };
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    if matches!(ext.as_str(), "xlsx" | "xls" | "xlsm" | "ods") {
        let disk = file.on_disk()?;
        let sheets =
            quhua_io::ledger::read_plan_workbook(&disk.path).map_err(|e| disk.located(e.into()))?;
        return Ok((disk.name.clone(), import_plan_sheets(&disk.name, &sheets)));
    }
    if ext != "toml" {
        return Err(AppError::invalid(
            format!("“{name}”：任务计划须为 TOML（.toml）或 Excel（.xlsx/.xls）文件"),
            format!("\"{name}\": a task plan must be a TOML (.toml) or Excel (.xlsx/.xls) file"),
        ));
    }
    let bytes = match file {
        ImportFile::Path(p) => std::fs::read(p).map_err(|e| {
            AppError::invalid(
                format!("无法读取 {}：{e}", p.display()),
                format!("cannot read {}: {e}", p.display()),
            )
        })?,
        ImportFile::Bytes { bytes, .. } => bytes.clone(),
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        AppError::invalid(
            format!("{name}：文件不是 UTF-8 文本"),
            format!("{name}: the file is not UTF-8 text"),
        )
    })?;
    let plan = parse(&name, &text);
    Ok((name, plan))
}

/// The tasks of an approved plan: the statutory ones (carry out within 12 months, codes
/// within 1 month, public notice, boundary survey and map, place-name signs, the notices to
/// the registers) and, when its handover exists, one per handover section, under the
/// implementation task. Filed under the plan's county; refused when filed already.
pub fn generate_for_plan(app: &App, actor: &Actor, plan_id: i64) -> AppResult<TaskImport> {
    let g = plan_tasks(app, actor, plan_id)?;
    let intent = serde_json::json!({"op": "generate", "plan": plan_id, "tasks": g.tasks.len()});
    store_tasks(app, actor, &g.orgs, &g.tasks, &g.out.scope, intent)?;
    Ok(g.out)
}

/// The generated tasks of a plan, before they are stored.
struct Generated {
    tasks: Vec<Task>,
    orgs: Vec<Organisation>,
    out: TaskImport,
}

fn plan_tasks(app: &App, actor: &Actor, plan_id: i64) -> AppResult<Generated> {
    let rec = crate::plans::load(app, actor, plan_id)?;
    let plan = &rec.body;
    let county = plan.county.clone();
    let units = StatutoryUnits::county(&county);
    require_supervisor(actor, &units.office, &county)?;
    let prefix = format!("{county}-P{plan_id}");
    let handover = app.store().get::<Handover>(plan_id)?.map(|r| r.body);
    let divisions: Vec<String> = handover
        .as_ref()
        .map(|h| h.pairs.pairs.iter().map(|p| p.from.code.clone()).collect())
        .unwrap_or_default();
    let cal = Calendar::china();
    let mut tasks = statutory_tasks(
        plan,
        &prefix,
        &units,
        &divisions,
        &StatutoryConfig::default(),
        &cal,
    )?;
    if let Some(h) = &handover {
        tasks.extend(section_tasks(h, &prefix, &units.office));
    }
    let county_name = app
        .registry_opt()
        .and_then(|r| {
            let code = county.parse().ok()?;
            r.as_of(plan.approval.as_ref()?.date)
                .by_code(code)
                .map(|u| u.name.clone())
        })
        .unwrap_or_else(|| county.clone());
    let orgs = Organisation::county_set(&county, &county_name);
    let out = TaskImport {
        file: String::new(),
        title: plan.name.clone(),
        source: plan
            .approval
            .as_ref()
            .map(|a| a.document_no.clone())
            .unwrap_or_default(),
        scope: county,
        tasks: tasks.len(),
        organisations: orgs.len(),
        ids: tasks.iter().map(|t| t.id.clone()).collect(),
        committed: true,
    };
    Ok(Generated { tasks, orgs, out })
}

/// One task per handover section: lead and participating departments, due date, the
/// predecessor township as the division concerned.
fn section_tasks(h: &Handover, prefix: &str, office: &str) -> Vec<Task> {
    let county = &h.pairs.county;
    h.sections
        .iter()
        .filter_map(|s| {
            let pair = h.pairs.pairs.get(s.pair)?;
            let tpl = h.template.sections.iter().find(|t| t.kind == s.kind);
            let (zh, en) = tpl
                .map(|t| (t.zh.clone(), t.en.clone()))
                .unwrap_or_else(|| (s.id.clone(), s.id.clone()));
            let mut t = Task::simple(
                &format!("{prefix}.handover.{}", s.id),
                &format!("{}：{}移交{}", zh, pair.from.name, pair.to.name),
                &format!("{county}-{}", s.department.id()),
                office,
                h.approved_on,
                s.due.max(h.approved_on),
            );
            t.title_en = format!("{en}: {} to {}", pair.from.code, pair.to.code);
            t.parent = Some(prefix.to_string());
            t.level = TaskLevel::Subtask;
            t.group = Some("交接".into());
            t.participants = s
                .also
                .iter()
                .map(|d| format!("{county}-{}", d.id()))
                .collect();
            t.divisions = vec![pair.from.code.clone()];
            t.basis = "交接清单（移交、接收、监交三方签字）".into();
            t.description = format!("{}的{}，按交接清单逐项移交并销号。", pair.from.name, zh);
            Some(t)
        })
        .collect()
}

/// The day the demo's synthetic (示意) progress runs to: fixed, so every demo is the same.
pub const DEMO_UNTIL: Date = match Date::from_ymd_opt(2026, 6, 30) {
    Some(d) => d,
    None => Date::MIN,
};

/// The seed city plan's 24 tasks (transcribed from the plan's text), as shipped.
const DEMO_PLAN: &str = include_str!("../../../../data/demo/followup-tasks.toml");

fn demo_plan() -> AppResult<ImportedPlan> {
    parse("followup-tasks.toml", DEMO_PLAN).map_err(|e| {
        AppError::internal(format!(
            "the demo plan does not parse: {}",
            e.first().map(|e| e.en()).unwrap_or_default()
        ))
    })
}

/// 任务计划模板: the seed city plan's tasks as a workbook in the import format (sheets 计划,
/// 单位, 任务, 指标, 节点), to fill in and import.
pub fn plan_template() -> AppResult<crate::views::FileOut> {
    let bytes = quhua_io::ledger::plan_workbook(&demo_plan()?).map_err(AppError::from)?;
    let name = "任务计划模板.xlsx".to_string();
    Ok(crate::views::FileOut {
        mime: crate::upload::mime_of(&name),
        name,
        bytes,
    })
}

/// The demo's follow-up data: the seed city plan's 24 tasks (广元市“后半篇”实施方案, transcribed,
/// filed under 510800) with synthetic (示意) progress until `until`, and the statutory tasks of
/// the demo county's approved plan. Idempotent: tasks filed already are left as they are.
pub fn seed_demo(
    app: &App,
    actor: &Actor,
    approved_plan: Option<i64>,
    until: Date,
) -> AppResult<usize> {
    let mut n = 0;
    let plan = demo_plan()?;
    if app
        .store()
        .find_by_name::<Filed<Task>>(&plan.tasks[0].id)?
        .is_none()
    {
        let cal = Calendar::china();
        let tasks = synthetic::demo_progress(
            &plan.tasks,
            2021,
            until,
            &cal,
            &SupervisionConfig::default(),
        );
        let intent = serde_json::json!({"op": "seed_demo", "tasks": tasks.len()});
        store_tasks(app, actor, &plan.organisations, &tasks, "510800", intent)?;
        n += tasks.len();
    }
    if let Some(id) = approved_plan {
        let county = crate::plans::load(app, actor, id)?.body.county;
        let root = format!("{county}-P{id}");
        if app.store().find_by_name::<Filed<Task>>(&root)?.is_none() {
            let g = plan_tasks(app, actor, id)?;
            let cal = Calendar::china();
            // The county's own tasks: progress reported until two months before the seed
            // plan's, so that some are still open today.
            let county_until = until - chrono::Duration::days(61);
            let tasks = synthetic::demo_progress(
                &g.tasks,
                2026,
                county_until,
                &cal,
                &SupervisionConfig::default(),
            );
            let intent = serde_json::json!({"op": "seed_demo", "plan": id, "tasks": tasks.len()});
            store_tasks(app, actor, &g.orgs, &tasks, &g.out.scope, intent)?;
            n += tasks.len();
            // The county's risk register and feedback register (示意).
            let county = g.out.scope.clone();
            let approved = g.tasks.first().map(|t| t.start).unwrap_or(until);
            let townships: Vec<String> = g
                .tasks
                .iter()
                .flat_map(|t| t.divisions.iter().filter(|d| d.len() == 9).cloned())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let risks: Vec<Filed<quhua_workflow::risks::Risk>> =
                super::risks::demo_risks(&county, approved)
                    .into_iter()
                    .map(|r| Filed {
                        scope: county.clone(),
                        body: r,
                    })
                    .collect();
            let items: Vec<Filed<quhua_workflow::feedback::FeedbackItem>> =
                super::feedback::demo_feedback(&county, &townships, approved)
                    .into_iter()
                    .map(|f| Filed {
                        scope: county.clone(),
                        body: f,
                    })
                    .collect();
            let intent = serde_json::json!({"op": "seed_demo", "risks": risks.len(), "feedback": items.len()});
            app.store().create_many(&[], &risks, &intent, &actor.name)?;
            app.store().create_many(&[], &items, &intent, &actor.name)?;
        }
    }
    Ok(n)
}
