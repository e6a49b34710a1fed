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
//! brought up to date with only the records changed since they were read (see `cache`).
//!
//! Who may do what: the lead units (牵头单位) report progress, report a task done and ask for
//! an extension; the supervising office (督查督办, the task's `supervisor`) verifies and closes
//! (销号) or returns it (退办), decides extensions, escalates, reassigns and revises targets —
//! and nobody verifies what their own account reported. An account acts for the organisation
//! it belongs to; a county editor without one acts for its county's leadership-group office
//! (`{county}-office`). Everyone in the jurisdiction reads.

mod actions;
mod board;
mod cache;
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

pub use cache::TaskCache;
pub(crate) use cache::load_scope;

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
