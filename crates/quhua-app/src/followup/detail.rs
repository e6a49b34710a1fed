//! One task in full as of a date: deadlines, history in both languages, permissions; its
//! evidence files.

use super::board::row_view;
use super::views::{CheckpointView, EventView, TaskPermissions, TaskView};
use super::{acting_org, load_scope, load_task, supervision};
use crate::access::Actor;
use crate::views::FileOut;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_store::{Filed, Record};
use quhua_workflow::tasks::{
    Checkpoint, EventKind, ProgressReport, Reached, Status, Supervision, Task,
};

fn names(codes: &[String], sup: &Supervision) -> String {
    codes
        .iter()
        .map(|c| sup.name(c))
        .collect::<Vec<_>>()
        .join("、")
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn values_text(t: &Task, values: &[Reached]) -> (String, String) {
    let parts: Vec<(String, String)> = values
        .iter()
        .map(|v| match t.target(&v.target) {
            Some(tg) => (
                format!("{}达到{}{}", tg.metric, fmt_num(v.value), tg.unit),
                format!(
                    "{} reached {} {}",
                    if tg.metric_en.is_empty() {
                        &tg.metric
                    } else {
                        &tg.metric_en
                    },
                    fmt_num(v.value),
                    tg.unit
                ),
            ),
            None => (
                format!("{} = {}", v.target, fmt_num(v.value)),
                format!("{} = {}", v.target, fmt_num(v.value)),
            ),
        })
        .collect();
    (
        parts
            .iter()
            .map(|p| p.0.as_str())
            .collect::<Vec<_>>()
            .join("；"),
        parts
            .iter()
            .map(|p| p.1.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// A deadline named in both languages: the task's, or a target's or milestone's by its name.
pub(super) fn checkpoint_text(t: &Task, c: &Checkpoint) -> (String, String) {
    let or_id = |name: &str, id: &str| {
        if name.trim().is_empty() {
            id.to_string()
        } else {
            name.to_string()
        }
    };
    match c {
        Checkpoint::Task => ("任务期限".into(), "the task's deadline".into()),
        Checkpoint::Target(id) => {
            let (zh, en) = t
                .target(id)
                .map(|g| {
                    (
                        or_id(&g.metric, id),
                        or_id(&g.metric_en, &or_id(&g.metric, id)),
                    )
                })
                .unwrap_or_else(|| (id.clone(), id.clone()));
            (
                format!("指标“{zh}”期限"),
                format!("the deadline of the target \"{en}\""),
            )
        }
        Checkpoint::Milestone(id) => {
            let (zh, en) = t
                .milestones
                .iter()
                .find(|m| &m.id == id)
                .map(|m| {
                    (
                        or_id(&m.title, id),
                        or_id(&m.title_en, &or_id(&m.title, id)),
                    )
                })
                .unwrap_or_else(|| (id.clone(), id.clone()));
            (
                format!("节点“{zh}”期限"),
                format!("the deadline of the milestone \"{en}\""),
            )
        }
    }
}

fn event_view(t: &Task, e: &quhua_workflow::tasks::TaskEvent, sup: &Supervision) -> EventView {
    let report = |kind: &str, r: &ProgressReport, zh: &str, en: &str| {
        let (vz, ve) = values_text(t, &r.values);
        let mut z = format!("{zh}：{}", r.text);
        let mut n = format!("{en}: {}", r.text);
        if !vz.is_empty() {
            z.push_str(&format!("（{vz}）"));
            n.push_str(&format!(" ({ve})"));
        }
        if !r.milestones_met.is_empty() {
            z.push_str(&format!("；完成节点 {}", r.milestones_met.join("、")));
            n.push_str(&format!(
                "; milestones met: {}",
                r.milestones_met.join(", ")
            ));
        }
        (
            kind.to_string(),
            z,
            n,
            r.evidence
                .iter()
                .map(|a| (a.name.clone(), a.sha256.clone()))
                .collect(),
        )
    };
    let (kind, zh, en, files): (String, String, String, Vec<(String, String)>) = match &e.kind {
        EventKind::Progress(r) => report("progress", r, "报送进度", "progress reported"),
        EventKind::DoneReported { report: r } => {
            report("done_reported", r, "申请销号", "reported done")
        }
        EventKind::Closed { note } => (
            "closed".into(),
            format!("核验通过，销号。{note}"),
            format!("verified and closed. {note}"),
            vec![],
        ),
        EventKind::Returned { reasons } => (
            "returned".into(),
            format!("退办：{}", reasons.join("；")),
            format!("returned: {}", reasons.join("; ")),
            vec![],
        ),
        EventKind::ExtensionRequested {
            checkpoint,
            current,
            new_date,
            reason,
            progress,
        } => {
            let (cz, ce) = checkpoint_text(t, checkpoint);
            (
                "extension_requested".into(),
                format!(
                    "申请延期：{cz}由 {current} 延至 {new_date}。理由：{reason}；进展：{progress}"
                ),
                format!(
                    "extension requested: {ce} from {current} to {new_date}. Reason: {reason}; progress: {progress}"
                ),
                vec![],
            )
        }
        EventKind::ExtensionDecided {
            request,
            approved,
            note,
        } => (
            "extension_decided".into(),
            format!(
                "延期申请（第 {request} 条）{}。{note}",
                if *approved { "获批" } else { "未获批" }
            ),
            format!(
                "extension request #{request} {}. {note}",
                if *approved { "granted" } else { "refused" }
            ),
            vec![],
        ),
        EventKind::Escalated {
            step,
            checkpoint,
            deadline,
        } => {
            let (cz, ce) = checkpoint_text(t, checkpoint);
            (
                "escalated".into(),
                format!("{}（{cz} {deadline}）", step.zh()),
                format!("{} ({ce} {deadline})", step.en()),
                vec![],
            )
        }
        EventKind::Reassigned {
            lead,
            participants,
            reason,
        } => (
            "reassigned".into(),
            format!(
                "调整责任单位：牵头 {}，配合 {}。{reason}",
                names(lead, sup),
                names(participants, sup)
            ),
            format!(
                "units changed: lead {}, participating {}. {reason}",
                names(lead, sup),
                names(participants, sup)
            ),
            vec![],
        ),
        EventKind::TargetRevised {
            target,
            value,
            deadline,
            reason,
        } => (
            "target_revised".into(),
            format!(
                "调整指标 {target}：{} 于 {deadline}。{reason}",
                fmt_num(*value)
            ),
            format!(
                "target {target} revised: {} by {deadline}. {reason}",
                fmt_num(*value)
            ),
            vec![],
        ),
    };
    EventView {
        seq: e.seq,
        at: e.at.to_string(),
        account: e.by.account.clone(),
        org: sup.name(&e.by.org).to_string(),
        kind,
        zh,
        en,
        files,
    }
}

fn checkpoint_view(t: &Task, c: &quhua_workflow::tasks::CheckpointState) -> CheckpointView {
    let (kind, id, label, unit, baseline) = match &c.checkpoint {
        Checkpoint::Task => ("task", String::new(), t.title.clone(), String::new(), None),
        Checkpoint::Target(id) => {
            let tg = t.target(id);
            (
                "target",
                id.clone(),
                tg.map(|g| g.metric.clone()).unwrap_or_default(),
                tg.map(|g| g.unit.clone()).unwrap_or_default(),
                tg.map(|g| g.baseline),
            )
        }
        Checkpoint::Milestone(id) => (
            "milestone",
            id.clone(),
            t.milestones
                .iter()
                .find(|m| &m.id == id)
                .map(|m| m.title.clone())
                .unwrap_or_default(),
            String::new(),
            None,
        ),
    };
    CheckpointView {
        kind: kind.into(),
        id,
        label,
        unit,
        deadline: c.deadline.to_string(),
        value: c.value,
        baseline,
        reached: c.reached,
        met: c.met.map(|d| d.to_string()),
        fraction: c.fraction,
        expected: c.expected,
    }
}

/// One task as of `date`: its row, deadlines, history, what is due and what the actor may do.
pub fn task(app: &App, actor: &Actor, id: &str, date: Date) -> AppResult<TaskView> {
    let rec = load_task(app, actor, id)?;
    let scope = rec.county.clone();
    let loaded = load_scope(app, &scope)?;
    let tasks = &loaded.tasks;
    let sup = supervision(app)?;
    view_of(app, actor, &rec, tasks, date, &sup)
}

fn view_of(
    _app: &App,
    actor: &Actor,
    rec: &Record<Filed<Task>>,
    scope_tasks: &[Task],
    date: Date,
    sup: &Supervision,
) -> AppResult<TaskView> {
    let t = &rec.body.body;
    // The row with its subtree: the task and its descendants.
    let mut family: Vec<Task> = vec![t.clone()];
    let mut frontier = vec![t.id.clone()];
    while let Some(p) = frontier.pop() {
        for c in scope_tasks
            .iter()
            .filter(|c| c.parent.as_deref() == Some(p.as_str()))
        {
            frontier.push(c.id.clone());
            family.push(c.clone());
        }
    }
    let rows = quhua_workflow::tasks::board(&family, date, sup);
    let org = acting_org(actor);
    let row = rows
        .first()
        .map(|r| row_view(r, t, org.as_deref()))
        .ok_or_else(|| AppError::internal("empty board of one task"))?;
    let state = sup.state(t, date);
    let children = scope_tasks
        .iter()
        .filter(|c| c.parent.as_deref() == Some(t.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    let due = t.escalations_due(
        date,
        &sup.calendar,
        &sup.config.light,
        &sup.config.escalation,
    );
    let is_lead = org
        .as_deref()
        .is_some_and(|o| state.lead.iter().any(|l| l == o));
    let is_sup = org.as_deref() == Some(t.supervisor.as_str());
    let open = state.status != Status::Closed;
    Ok(TaskView {
        row,
        description: t.description.clone(),
        basis: t.basis.clone(),
        participants: names(&state.participants, sup),
        supervisor: sup.name(&t.supervisor).to_string(),
        version: rec.version,
        checkpoints: state
            .checkpoints
            .iter()
            .map(|c| checkpoint_view(t, c))
            .collect(),
        history: t
            .history_until(date)
            .map(|e| event_view(t, e, sup))
            .collect(),
        pending_extension: state.pending_extension,
        reported_by: state.reported_by.clone(),
        escalations_due: super::actions::escalated_steps(t, &due),
        children,
        can: TaskPermissions {
            report: open && is_lead && state.status != Status::Reported,
            verify: is_sup
                && state.status == Status::Reported
                && state.reported_by.as_deref() != Some(actor.name.as_str()),
            decide_extension: is_sup && state.pending_extension.is_some(),
            escalate: is_sup && !due.is_empty(),
        },
    })
}

/// An evidence file of a task's history, by its SHA-256 (only files the task refers to).
pub fn evidence(app: &App, actor: &Actor, id: &str, sha256: &str) -> AppResult<FileOut> {
    let rec = load_task(app, actor, id)?;
    let t = &rec.body.body;
    let known = t.attachments.iter().any(|a| a.sha256 == sha256)
        || t.history.iter().any(|e| match &e.kind {
            EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                r.evidence.iter().any(|a| a.sha256 == sha256)
            }
            _ => false,
        });
    let missing = || {
        AppError::not_found(
            format!("任务“{id}”的佐证材料 {sha256}"),
            format!("evidence {sha256} of task \"{id}\""),
        )
    };
    if !known {
        return Err(missing());
    }
    let (name, bytes) = app.store().get_document(sha256)?.ok_or_else(missing)?;
    Ok(FileOut {
        mime: crate::upload::mime_of(&name),
        name,
        bytes,
    })
}
