//! 后半篇: follow-up task supervision (督查督办, 挂图作战, 销号) as use cases — import a plan's
//! tasks, generate the statutory tasks of an approved plan, the board as of any day, one
//! task's detail, every action on it (progress, done report, verification or return,
//! extension, escalation, reassignment, target revision), the escalation run, the baseline
//! comparison and each account's inbox.
//!
//! Each task is one versioned record ([`Filed`]) under the jurisdiction it is filed in (a
//! county, or a city for a city plan's own tasks); its stable text id is the record's name.
//! Every action is pure in quhua-workflow and saved against the version it read: when someone
//! saved in between, the action is applied again to the newer version (it is refused there if
//! it no longer holds), never written over it. Decoded tasks are cached per jurisdiction and
//! keyed by the store's stamp (count and version sum), so a board reads the database once per
//! change.
//!
//! Who may do what: the lead units (牵头单位) report progress, report a task done and ask for
//! an extension; the supervising office (督查督办, the task's `supervisor`) verifies and closes
//! (销号) or returns it (退办), decides extensions, escalates, reassigns and revises targets —
//! and nobody verifies what their own account reported. An account acts for the organisation
//! it belongs to; a county editor without one acts for its county's leadership-group office
//! (`{county}-office`). Everyone in the jurisdiction reads.

mod actions;
mod board;
mod detail;
mod feedback;
mod import;
mod inbox;
mod load;
mod notify;
mod risks;
mod settings;
mod views;

pub use actions::{
    EscalatedStep, EscalatedTask, Evidence, EvidenceRef, TaskAction, act, escalate_due,
    upload_evidence,
};
pub use board::{BoardFilter, ReportFormat, baseline, board, overview, report};
pub use detail::{evidence, task};
pub use feedback::{
    Count, FeedbackAction, FeedbackImport, FeedbackRow, FeedbackStatsView, FeedbackView,
    NewFeedback, VersionView, feedback, feedback_act, import_feedback, receive,
};
pub use import::{
    DEMO_UNTIL, TaskImport, generate_for_plan, import_plan, plan_template, seed_demo,
};
pub use inbox::{InboxItem, InboxKind, InboxView, inbox};
pub use load::{LoadCounts, seed_synthetic_load};
pub use notify::{
    DeliveryConfig, DeliveryReport, Digest, SmtpConfig, WebhookConfig, deliver, digests,
};
/// The periods of the supervision reports (周报, 两周推进表, 月调度).
pub use quhua_report::followup::Period;
pub use risks::{
    Label, MeasureView, NewRisk, RiskAction, RiskEventView, RiskRow, RiskTableLine, RisksView,
    create_risk, risk_act, risks,
};
pub use settings::{SettingsView, set_settings, settings};
pub use views::{
    BoardView, ChangeView, CheckpointView, DivisionLight, EventView, LightCount, LightView,
    OverviewView, SummaryView, TaskPermissions, TaskRow, TaskView,
};

use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_core::i18n::Bilingual;
use quhua_store::{Filed, Record};
use quhua_workflow::org::Actor as WfActor;
use quhua_workflow::tasks::{Supervision, SupervisionConfig, Task, TaskError};

/// The name of the settings record.
const SETTINGS: &str = "supervision";
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

impl From<TaskError> for AppError {
    fn from(e: TaskError) -> Self {
        let t = e.text();
        let kind = match e {
            TaskError::NotLead { .. }
            | TaskError::NotSupervisor { .. }
            | TaskError::SelfVerification { .. } => ErrorKind::Forbidden,
            TaskError::UnknownTarget { .. } | TaskError::UnknownMilestone { .. } => {
                ErrorKind::Invalid
            }
            _ => ErrorKind::Refused,
        };
        AppError::new(kind, t.zh, t.en)
    }
}

/// The organisation an actor acts for: the account's own, or — for a county editor without
/// one — its county's leadership-group office.
pub fn acting_org(actor: &Actor) -> Option<String> {
    if let Some(o) = &actor.org {
        return Some(o.clone());
    }
    let j = actor.jurisdiction.as_str();
    (actor.role == Some(Role::CountyEditor) && j.len() == 6).then(|| format!("{j}-office"))
}

/// The actor as the workflow records it (account and organisation), or a refusal naming why.
pub(crate) fn wf_actor(actor: &Actor) -> AppResult<WfActor> {
    let org = acting_org(actor).ok_or_else(|| {
        if actor.role.is_none() {
            AppError::invalid(
                "请用 --org 指明以哪个单位的名义办理（如 130634-office）",
                "name the organisation you act for with --org (e.g. 130634-office)",
            )
        } else {
            AppError::forbidden(
                "本账号不属于任何单位，不能办理督办任务",
                "this account belongs to no organisation: it cannot act on tasks",
            )
        }
    })?;
    Ok(WfActor::new(&actor.name, &org))
}

/// The tasks of a jurisdiction as stored, decoded once per change and shared.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The tasks, in record order.
    pub tasks: Arc<Vec<Task>>,
    /// The store's stamp of exactly these tasks (count, version sum).
    pub stamp: (i64, i64),
}

/// Decoded tasks per jurisdiction prefix, keyed by the store's stamp.
#[derive(Debug, Default)]
pub struct TaskCache(Mutex<HashMap<String, Cached>>, Mutex<HashMap<String, Memo>>);

/// A summary as last computed for a jurisdiction, with what it was computed from.
#[derive(Debug, Clone)]
pub(crate) struct Memo {
    /// The tasks' stamp, the date, the settings and the organisations' names it used.
    pub key: MemoKey,
    /// The summary.
    pub view: OverviewView,
}

impl TaskCache {
    /// The summary computed for `scope` from exactly `key`, if any.
    pub(crate) fn memo(&self, scope: &str, key: &MemoKey) -> Option<OverviewView> {
        let m = self.1.lock().ok()?;
        m.get(scope)
            .filter(|e| &e.key == key)
            .map(|e| e.view.clone())
    }

    /// Keeps the summary of `scope` computed from `key` (one per jurisdiction).
    pub(crate) fn keep(&self, scope: &str, key: MemoKey, view: &OverviewView) {
        if let Ok(mut m) = self.1.lock() {
            m.insert(
                scope.to_string(),
                Memo {
                    key,
                    view: view.clone(),
                },
            );
        }
    }
}

/// What a summary depends on besides the jurisdiction.
pub(crate) type MemoKey = ((i64, i64), quhua_core::date::Date, SupervisionConfig, u64);

/// A jurisdiction's tasks as last read: the stamp, each record's id and version (in the
/// order of the tasks), and the tasks.
#[derive(Debug, Clone)]
struct Cached {
    stamp: (i64, i64),
    versions: Vec<(i64, i64)>,
    tasks: Arc<Vec<Task>>,
}

/// The jurisdiction prefix an actor reads within `scope` (a division-code prefix; `""` for
/// everything the actor sees), or not-found when the actor sees none of it.
pub(crate) fn visible_scope(actor: &Actor, scope: &str) -> AppResult<String> {
    let scope = scope.trim();
    if !scope.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::invalid(
            format!("辖区“{scope}”应为数字代码前缀"),
            format!("jurisdiction \"{scope}\" must be a numeric code prefix"),
        ));
    }
    let own = actor.jurisdiction.as_str();
    if actor.role.is_none() || scope.starts_with(own) {
        return Ok(scope.to_string());
    }
    if own.starts_with(scope) {
        return Ok(own.to_string());
    }
    Err(AppError::not_found(
        format!("辖区 {scope} 的督办任务"),
        format!("the tasks of {scope}"),
    ))
}

/// The tasks filed within a jurisdiction prefix, cached: when the store's stamp is unchanged,
/// one small query; when it moved, the ids and versions are compared and only the records
/// created or updated since are read and decoded (a report in one county does not make the
/// province's summary read its 100,000 tasks again).
pub(crate) fn load_scope(app: &App, scope: &str) -> AppResult<Loaded> {
    let stamp = app.store().stamp::<Filed<Task>>(scope)?;
    let cache = app.task_cache();
    // Unchanged: the cached tasks. Changed: the entry is taken out, so that (unless a request
    // still reads it) the refresh updates the tasks in place instead of copying them.
    let previous = match cache.0.lock() {
        Ok(mut m) => match m.get(scope) {
            Some(c) if c.stamp == stamp => {
                return Ok(Loaded {
                    tasks: c.tasks.clone(),
                    stamp,
                });
            }
            Some(_) => m.remove(scope),
            None => None,
        },
        Err(_) => None,
    };
    let versions = app.store().versions::<Filed<Task>>(scope)?;
    let refreshed = match previous {
        Some(c) if extends(&c.versions, &versions) => refreshed(app, c, &versions)?,
        _ => None,
    };
    let tasks = match refreshed {
        Some(t) => t,
        None => Arc::new(
            app.store()
                .list::<Filed<Task>>(scope)?
                .into_iter()
                .map(|r| r.body.body)
                .collect(),
        ),
    };
    // What was read may be newer than `stamp`: the stamp of exactly these versions.
    let stamp = (
        versions.len() as i64,
        versions.iter().map(|(_, v)| v).sum::<i64>(),
    );
    if tasks.len() == versions.len()
        && let Ok(mut map) = cache.0.lock()
    {
        map.insert(
            scope.to_string(),
            Cached {
                stamp,
                versions,
                tasks: tasks.clone(),
            },
        );
    }
    Ok(Loaded { tasks, stamp })
}

/// Whether `now` holds every record of `before`, in the same order, plus any newer ones
/// (records are never deleted and ids only grow).
fn extends(before: &[(i64, i64)], now: &[(i64, i64)]) -> bool {
    now.len() >= before.len() && before.iter().zip(now).all(|(a, b)| a.0 == b.0)
}

/// The cached tasks with the records whose version moved, and the new ones, read again one
/// by one; none when so many moved that reading them all at once is cheaper.
fn refreshed(app: &App, c: Cached, now: &[(i64, i64)]) -> AppResult<Option<Arc<Vec<Task>>>> {
    let changed: Vec<(usize, i64)> = now
        .iter()
        .enumerate()
        .filter(|(i, (_, v))| c.versions.get(*i).is_none_or(|(_, old)| old != v))
        .map(|(i, (id, _))| (i, *id))
        .collect();
    if changed.len() > 200 + now.len() / 20 {
        return Ok(None);
    }
    let mut tasks = c.tasks;
    let list = Arc::make_mut(&mut tasks);
    for (i, id) in changed {
        let Some(rec) = app.store().get::<Filed<Task>>(id)? else {
            return Err(AppError::internal(format!("task record {id} vanished")));
        };
        if i < list.len() {
            list[i] = rec.body.body;
        } else {
            list.push(rec.body.body);
        }
    }
    Ok(Some(tasks))
}

fn task_not_found(id: &str) -> AppError {
    AppError::not_found(format!("督办任务“{id}”"), format!("task \"{id}\""))
}

/// One task the actor may see, with its record.
pub(crate) fn load_task(app: &App, actor: &Actor, id: &str) -> AppResult<Record<Filed<Task>>> {
    let rec = app
        .store()
        .find_by_name::<Filed<Task>>(id)?
        .ok_or_else(|| task_not_found(id))?;
    if actor.role.is_some() && !rec.county.starts_with(actor.jurisdiction.as_str()) {
        return Err(task_not_found(id));
    }
    Ok(rec)
}

/// The supervision settings in force (stored, else the defaults) and the names of every
/// stored organisation.
pub(crate) fn supervision(app: &App) -> AppResult<Supervision> {
    let orgs = app.store().organisations("")?;
    let mut sup = Supervision::new(&orgs);
    if let Some(r) = app.store().find_by_name::<SupervisionConfig>(SETTINGS)? {
        sup.config = r.body;
    }
    Ok(sup)
}
