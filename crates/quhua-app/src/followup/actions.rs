//! The actions on a task (one intent each) and the supervising office's escalation run.

use super::detail::task;
use super::views::TaskView;
use super::{load_scope, load_task, supervision, visible_scope, wf_actor};
use crate::access::Actor;
use crate::upload::Upload;
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_core::date::Date;
use quhua_store::{Filed, StoreError};
use quhua_workflow::tasks::{
    Attachment, Checkpoint, ProgressReport, Reached, Supervision, Task, Verdict,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An evidence file to store with a report: name and bytes (checked as an upload).
pub type Evidence = Upload;

/// An evidence file already stored: its name and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRef {
    /// File name.
    pub name: String,
    /// SHA-256 of the content.
    pub sha256: String,
}

/// 上传佐证材料: stores an evidence file for a report on a task the actor's organisation
/// leads, and returns the reference the report then names.
pub fn upload_evidence(
    app: &App,
    actor: &Actor,
    id: &str,
    file: Upload,
    date: Date,
) -> AppResult<EvidenceRef> {
    let by = wf_actor(actor)?;
    let rec = load_task(app, actor, id)?;
    let sup = supervision(app)?;
    let state = sup.state(&rec.body.body, date);
    if !state.lead.contains(&by.org) {
        return Err(AppError::forbidden(
            format!("只有任务“{id}”的牵头单位可以上传佐证材料"),
            format!("only the lead units of task \"{id}\" may upload evidence"),
        ));
    }
    let sha = app
        .store()
        .put_document(&file.name, &file.bytes, &actor.name)?;
    Ok(EvidenceRef {
        name: file.name,
        sha256: sha,
    })
}

/// One action on a task, as a request carries it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "action", deny_unknown_fields)]
pub enum TaskAction {
    /// 报送进度: values reached (cumulative), milestones met, what was done.
    Progress {
        /// Values by target id.
        #[serde(default)]
        values: BTreeMap<String, f64>,
        /// Milestone ids met.
        #[serde(default)]
        milestones: Vec<String>,
        /// What was done.
        text: String,
        /// Evidence files uploaded before (POST …/evidence).
        #[serde(default)]
        evidence: Vec<EvidenceRef>,
    },
    /// 申请销号: the final report.
    Done {
        /// Values by target id.
        #[serde(default)]
        values: BTreeMap<String, f64>,
        /// Milestone ids met.
        #[serde(default)]
        milestones: Vec<String>,
        /// What was done.
        text: String,
        /// Evidence files uploaded before (POST …/evidence).
        #[serde(default)]
        evidence: Vec<EvidenceRef>,
    },
    /// 核验销号 (the supervising office).
    Close {
        /// Verification note.
        #[serde(default)]
        note: String,
    },
    /// 退办 with reasons (the supervising office).
    Return {
        /// Reasons, one per line.
        reasons: Vec<String>,
    },
    /// 延期申请 (before the deadline).
    Extend {
        /// `task`, or a target or milestone id.
        #[serde(default)]
        checkpoint: Option<String>,
        /// New deadline.
        new_date: Date,
        /// Reason.
        reason: String,
        /// Progress so far.
        #[serde(default)]
        progress: String,
    },
    /// Decides the pending extension request (the supervising office).
    DecideExtension {
        /// Granted?
        approved: bool,
        /// Note.
        #[serde(default)]
        note: String,
    },
    /// Records the escalation steps due (the supervising office).
    Escalate,
    /// Changes lead and participating units (the supervising office).
    Reassign {
        /// New lead units (codes).
        lead: Vec<String>,
        /// New participating units (codes).
        #[serde(default)]
        participants: Vec<String>,
        /// Why.
        reason: String,
    },
    /// Revises a target (the supervising office).
    ReviseTarget {
        /// Target id.
        target: String,
        /// New value.
        value: f64,
        /// New deadline.
        deadline: Date,
        /// Why.
        reason: String,
    },
}

impl TaskAction {
    fn id(&self) -> &'static str {
        match self {
            TaskAction::Progress { .. } => "progress",
            TaskAction::Done { .. } => "done",
            TaskAction::Close { .. } => "close",
            TaskAction::Return { .. } => "return",
            TaskAction::Extend { .. } => "extend",
            TaskAction::DecideExtension { .. } => "decide_extension",
            TaskAction::Escalate => "escalate",
            TaskAction::Reassign { .. } => "reassign",
            TaskAction::ReviseTarget { .. } => "revise_target",
        }
    }
}

fn checkpoint_of(t: &Task, c: Option<&str>) -> AppResult<Checkpoint> {
    match c.map(str::trim) {
        None | Some("") | Some("task") => Ok(Checkpoint::Task),
        Some(id) if t.target(id).is_some() => Ok(Checkpoint::Target(id.to_string())),
        Some(id) if t.milestones.iter().any(|m| m.id == id) => {
            Ok(Checkpoint::Milestone(id.to_string()))
        }
        Some(id) => Err(AppError::invalid(
            format!("任务“{}”没有指标或节点“{id}”", t.id),
            format!("task \"{}\" has no target or milestone \"{id}\"", t.id),
        )),
    }
}

fn report_of(
    values: &BTreeMap<String, f64>,
    milestones: &[String],
    text: &str,
    evidence: &[Attachment],
) -> ProgressReport {
    ProgressReport {
        values: values
            .iter()
            .map(|(k, v)| Reached {
                target: k.clone(),
                value: *v,
            })
            .collect(),
        milestones_met: milestones.to_vec(),
        text: text.trim().to_string(),
        evidence: evidence.to_vec(),
    }
}

/// Applies one action to a task version (pure; the workflow checks who may do it).
fn apply(
    t: &Task,
    subtasks: &[Task],
    by: &quhua_workflow::org::Actor,
    action: &TaskAction,
    evidence: &[Attachment],
    date: Date,
    sup: &Supervision,
) -> AppResult<Task> {
    let cfg = &sup.config;
    Ok(match action {
        TaskAction::Progress {
            values,
            milestones,
            text,
            ..
        } => t.report_progress(by, report_of(values, milestones, text, evidence), date)?,
        TaskAction::Done {
            values,
            milestones,
            text,
            ..
        } => t.report_done(by, report_of(values, milestones, text, evidence), date)?,
        TaskAction::Close { note } => t.verify(
            subtasks,
            by,
            Verdict::Close {
                note: note.trim().to_string(),
            },
            date,
        )?,
        TaskAction::Return { reasons } => t.verify(
            subtasks,
            by,
            Verdict::Return {
                reasons: reasons
                    .iter()
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
            },
            date,
        )?,
        TaskAction::Extend {
            checkpoint,
            new_date,
            reason,
            progress,
        } => {
            let c = checkpoint_of(t, checkpoint.as_deref())?;
            t.request_extension(by, c, *new_date, reason, progress, date)?
        }
        TaskAction::DecideExtension { approved, note } => {
            t.decide_extension(by, *approved, note, date)?
        }
        TaskAction::Escalate => t.escalate(by, date, &sup.calendar, &cfg.light, &cfg.escalation)?,
        TaskAction::Reassign {
            lead,
            participants,
            reason,
        } => t.reassign(by, lead.clone(), participants.clone(), reason, date)?,
        TaskAction::ReviseTarget {
            target,
            value,
            deadline,
            reason,
        } => t.revise_target(by, target, *value, *deadline, reason, date)?,
    })
}

/// Does one action on a task on `date` (the lead unit's reports with evidence files, the
/// supervising office's verification, return, extension decision, escalation …) and returns
/// the task as it now stands. Saved against the version read; on a concurrent change the
/// action is applied again to the newer version.
pub fn act(
    app: &App,
    actor: &Actor,
    id: &str,
    action: &TaskAction,
    files: Vec<Evidence>,
    date: Date,
) -> AppResult<TaskView> {
    let by = wf_actor(actor)?;
    let sup = supervision(app)?;
    // Files are stored by content before the task is saved: a refused action leaves at most
    // an unreferenced, deduplicated blob, never a task pointing at nothing.
    let mut evidence = Vec::with_capacity(files.len());
    if !files.is_empty()
        && !matches!(
            action,
            TaskAction::Progress { .. } | TaskAction::Done { .. }
        )
    {
        return Err(AppError::invalid(
            "只有报送进度和申请销号可以附佐证材料",
            "evidence files go with a progress or done report only",
        ));
    }
    for f in &files {
        let sha = app.store().put_document(&f.name, &f.bytes, &actor.name)?;
        evidence.push(Attachment::new(&f.name, &sha)?);
    }
    if let TaskAction::Progress { evidence: refs, .. } | TaskAction::Done { evidence: refs, .. } =
        action
    {
        for r in refs {
            if app.store().get_document(&r.sha256)?.is_none() {
                return Err(AppError::invalid(
                    format!("佐证材料“{}”（{}）未上传", r.name, r.sha256),
                    format!("evidence \"{}\" ({}) was not uploaded", r.name, r.sha256),
                ));
            }
            evidence.push(Attachment::new(&r.name, &r.sha256)?);
        }
    }
    for _ in 0..5 {
        let rec = load_task(app, actor, id)?;
        let scope_tasks = load_scope(app, &rec.county)?.tasks;
        let subtasks: Vec<Task> = scope_tasks
            .iter()
            .filter(|c| c.parent.as_deref() == Some(id))
            .cloned()
            .collect();
        let next = apply(
            &rec.body.body,
            &subtasks,
            &by,
            action,
            &evidence,
            date,
            &sup,
        )?;
        let body = Filed {
            scope: rec.county.clone(),
            body: next,
        };
        let intent = serde_json::json!({
            "op": action.id(),
            "task": id,
            "date": date.to_string(),
            "org": by.org,
            "files": evidence.iter().map(|a| &a.sha256).collect::<Vec<_>>(),
        });
        match app
            .store()
            .update_summarised(rec.id, rec.version, &body, &intent, &actor.name)
        {
            Ok(_) => return task(app, actor, id, date),
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        ErrorKind::Conflict,
        "该任务正被多人同时办理，请稍后重试",
        "the task is being changed by several people at once; retry shortly",
    ))
}

/// One escalation step recorded by the run.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EscalatedStep {
    /// The step (`urge` 催办, `notice` 催办通知书, `circular` 通报) with its names.
    pub step: super::Label,
    /// The deadline it concerns, in both languages (the task's, or a target's or milestone's).
    pub concerns: super::Label,
    /// That deadline.
    pub deadline: String,
}

/// A task escalated by the run, with its steps.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EscalatedTask {
    /// Task id.
    pub task: String,
    /// Steps recorded.
    pub steps: Vec<EscalatedStep>,
}

/// The supervising office's run: records every escalation step due on `date` (催办 near the
/// deadline, 催办通知书 and 通报 after it) on the tasks within `scope` that the actor's office
/// supervises. Refused (forbidden) when it supervises none of them.
pub fn escalate_due(
    app: &App,
    actor: &Actor,
    scope: &str,
    date: Date,
) -> AppResult<Vec<EscalatedTask>> {
    let by = wf_actor(actor)?;
    let scope = visible_scope(actor, scope)?;
    let sup = supervision(app)?;
    let cfg = &sup.config;
    let tasks = load_scope(app, &scope)?.tasks;
    let mine: Vec<&Task> = tasks.iter().filter(|t| t.supervisor == by.org).collect();
    if mine.is_empty() {
        return Err(AppError::forbidden(
            format!(
                "{} 不是辖区 {scope} 内任何任务的督办单位，不能执行逾期催办",
                by.org
            ),
            format!(
                "{} supervises no task in {scope}: only a supervising office runs the escalation",
                by.org
            ),
        ));
    }
    let due: Vec<EscalatedTask> = mine
        .iter()
        .filter_map(|t| {
            let steps = t.escalations_due(date, &sup.calendar, &cfg.light, &cfg.escalation);
            (!steps.is_empty()).then(|| EscalatedTask {
                task: t.id.clone(),
                steps: escalated_steps(t, &steps),
            })
        })
        .collect();
    for e in &due {
        act(app, actor, &e.task, &TaskAction::Escalate, Vec::new(), date)?;
    }
    Ok(due)
}

/// Escalation steps with their names and the deadline each concerns, in both languages.
pub(super) fn escalated_steps(
    t: &Task,
    steps: &[(quhua_workflow::tasks::EscalationStep, Checkpoint, Date)],
) -> Vec<EscalatedStep> {
    steps
        .iter()
        .map(|(step, c, d)| {
            let (zh, en) = super::detail::checkpoint_text(t, c);
            EscalatedStep {
                step: super::risks::label(step, step.zh(), step.en()),
                concerns: super::Label {
                    id: checkpoint_id(c),
                    zh,
                    en,
                },
                deadline: d.to_string(),
            }
        })
        .collect()
}

/// `task`, `target:<id>` or `milestone:<id>`.
fn checkpoint_id(c: &Checkpoint) -> String {
    match c {
        Checkpoint::Task => "task".into(),
        Checkpoint::Target(id) => format!("target:{id}"),
        Checkpoint::Milestone(id) => format!("milestone:{id}"),
    }
}
