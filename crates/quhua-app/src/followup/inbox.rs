//! Each account's inbox (待办): what needs it as of a date — its organisation's tasks near
//! their deadline or overdue, 催办 notices and returns it received, and, for a supervising
//! office, the done reports waiting for verification and the extension requests to decide.

use super::{acting_org, load_scope, supervision, visible_scope};
use crate::access::Actor;
use crate::{App, AppResult};
use quhua_core::date::Date;
use quhua_workflow::tasks::{EventKind, Light, Status};
use serde::Serialize;

/// What an inbox item asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InboxKind {
    /// A task of mine is overdue (红灯).
    Overdue,
    /// A 催办 / 催办通知书 / 通报 was recorded on a task of mine in the last days.
    Escalated,
    /// A done report of mine was returned (退办).
    Returned,
    /// A task of mine is due soon (蓝灯).
    DueSoon,
    /// A task of mine is behind schedule (黄灯).
    Behind,
    /// A done report waits for my office's verification.
    ToVerify,
    /// An extension request waits for my office's decision.
    ToDecide,
}

impl InboxKind {
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            InboxKind::Overdue => ("已逾期", "overdue"),
            InboxKind::Escalated => ("收到催办", "reminder received"),
            InboxKind::Returned => ("被退办", "returned"),
            InboxKind::DueSoon => ("即将到期", "due soon"),
            InboxKind::Behind => ("进度滞后", "behind schedule"),
            InboxKind::ToVerify => ("待核验销号", "to verify"),
            InboxKind::ToDecide => ("待审批延期", "extension to decide"),
        }
    }
}

/// One item of an inbox.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct InboxItem {
    /// What it asks for.
    pub kind: InboxKind,
    /// Label (Chinese).
    pub zh: String,
    /// Label (English).
    pub en: String,
    /// Task id.
    pub task: String,
    /// Task title.
    pub title: String,
    /// The deadline concerned.
    pub due: String,
    /// Since when (the event's date, or the deadline).
    pub since: String,
}

/// An account's inbox as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct InboxView {
    /// The organisation it is for.
    pub org: Option<String>,
    /// Its name.
    pub org_name: String,
    /// As of.
    pub date: String,
    /// Items, most urgent first.
    pub items: Vec<InboxItem>,
}

/// Escalations and returns older than this many days have been seen.
const RECENT_DAYS: i64 = 14;

/// 待办: the inbox of the acting account's organisation as of `date`, most urgent first.
pub fn inbox(app: &App, actor: &Actor, date: Date) -> AppResult<InboxView> {
    let org = acting_org(actor);
    let sup = supervision(app)?;
    let org_name = org
        .as_deref()
        .map(|o| sup.name(o).to_string())
        .unwrap_or_default();
    let Some(o) = org.clone() else {
        return Ok(InboxView {
            org,
            org_name,
            date: date.to_string(),
            items: Vec::new(),
        });
    };
    let scope = visible_scope(actor, "")?;
    let loaded = load_scope(app, &scope)?;
    let mut items = Vec::new();
    for t in loaded.tasks.iter() {
        let state = sup.state(t, date);
        if state.status == Status::Closed {
            continue;
        }
        let due = state.next_due.unwrap_or(t.due).to_string();
        let mut push = |kind: InboxKind, since: String| {
            let (zh, en) = kind.labels();
            items.push(InboxItem {
                kind,
                zh: zh.into(),
                en: en.into(),
                task: t.id.clone(),
                title: t.title.clone(),
                due: due.clone(),
                since,
            });
        };
        if state.lead.contains(&o) {
            match state.light {
                Light::Red => push(InboxKind::Overdue, due.clone()),
                Light::Blue => push(InboxKind::DueSoon, due.clone()),
                Light::Yellow if state.status != Status::Returned => {
                    push(InboxKind::Behind, due.clone())
                }
                _ => {}
            }
            let recent = t
                .history_until(date)
                .filter(|e| (date - e.at).num_days() <= RECENT_DAYS)
                .collect::<Vec<_>>();
            if let Some(e) = recent
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EventKind::Escalated { .. }))
            {
                push(InboxKind::Escalated, e.at.to_string());
            }
            if state.status == Status::Returned
                && let Some(e) = t
                    .history_until(date)
                    .filter(|e| matches!(e.kind, EventKind::Returned { .. }))
                    .last()
            {
                push(InboxKind::Returned, e.at.to_string());
            }
        }
        if t.supervisor == o {
            if state.status == Status::Reported
                && state.reported_by.as_deref() != Some(actor.name.as_str())
            {
                let at = t
                    .history_until(date)
                    .filter(|e| matches!(e.kind, EventKind::DoneReported { .. }))
                    .last()
                    .map(|e| e.at.to_string())
                    .unwrap_or_default();
                push(InboxKind::ToVerify, at);
            }
            if let Some(seq) = state.pending_extension {
                let at = t
                    .history
                    .iter()
                    .find(|e| e.seq == seq)
                    .map(|e| e.at.to_string())
                    .unwrap_or_default();
                push(InboxKind::ToDecide, at);
            }
        }
    }
    items.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.due.cmp(&b.due)));
    Ok(InboxView {
        org,
        org_name,
        date: date.to_string(),
        items,
    })
}
