//! The audit log as a reviewer reads it in the browser: a page of rows (who, when, what, to
//! which record, the row's hash — never the recorded bodies, which can hold cadres' personal
//! data) and the verification of the chain and the stored data against it.
//!
//! Who may read it: the local operator and the provincial approver (省级审批), who supervises
//! the database of the province. The log is one chain for the whole database, so a county
//! or city account, whose jurisdiction is part of it, is refused.

use crate::access::{Actor, Role};
use crate::error::{AppError, AppResult};
use quhua_store::Store;
use schemars::JsonSchema;
use serde::Serialize;

/// The most rows one page holds.
pub const MAX_PAGE: usize = 500;

/// One audit row, without its bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AuditEntry {
    /// Sequence number, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (account name, or the operator's).
    pub actor: String,
    /// What was done (`import`, `record_event`, `scenario_update` …).
    pub action: String,
    /// To what (`registry`, `event:12`, `scenario:3` …).
    pub entity: String,
    /// Whether the row recorded the state before.
    pub has_before: bool,
    /// The row's hash (hex).
    pub hash: String,
}

/// A finding of the verification, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AuditFinding {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

/// A page of the audit log with the verification of the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AuditView {
    /// Rows in the log.
    pub rows: u64,
    /// The head's seq.
    pub head_seq: i64,
    /// The head's hash: compare it with an anchor kept outside the database.
    pub head_hash: String,
    /// Whether the chain and the stored data verify.
    pub verified: bool,
    /// What does not verify, in seq order.
    pub findings: Vec<AuditFinding>,
    /// This page, newest first.
    pub entries: Vec<AuditEntry>,
    /// The `before` for the next (older) page, if there is one.
    pub next_before: Option<i64>,
}

fn require_reader(actor: &Actor) -> AppResult<()> {
    if actor.role.is_none() || actor.is(Role::ProvinceApprover) {
        return Ok(());
    }
    Err(AppError::forbidden(
        "审计日志仅供省级审批人员与本地管理员查阅",
        "the audit log is for provincial approvers and the local operator",
    ))
}

/// Verifies the chain and the data, and returns the `limit` newest rows before seq
/// `before` (all rows when `None`), newest first.
///
/// ```
/// # use quhua_app::{App, access::Actor, audit_review};
/// let dir = tempfile::tempdir().unwrap();
/// let app = App::open(&format!("sqlite:{}", dir.path().join("a.db").display())).unwrap();
/// quhua_app::imports::demo(&app, &Actor::operator("tester")).unwrap();
/// let v = audit_review::audit_view(app.store(), &Actor::operator("tester"), None, 10).unwrap();
/// assert!(v.verified && v.entries[0].seq == v.head_seq);
/// ```
pub fn audit_view(
    store: &Store,
    actor: &Actor,
    before: Option<i64>,
    limit: usize,
) -> AppResult<AuditView> {
    require_reader(actor)?;
    if limit == 0 || limit > MAX_PAGE {
        return Err(AppError::invalid(
            format!("每页条数应在 1–{MAX_PAGE} 之间"),
            format!("a page holds 1–{MAX_PAGE} rows"),
        ));
    }
    let report = store.audit_verify()?;
    let log = store.audit_log()?;
    let older: Vec<_> = log
        .iter()
        .rev()
        .filter(|r| before.is_none_or(|b| r.seq < b))
        .take(limit + 1)
        .collect();
    let next_before = (older.len() > limit).then(|| older[limit - 1].seq);
    let entries = older
        .into_iter()
        .take(limit)
        .map(|r| AuditEntry {
            seq: r.seq,
            at: r.at.clone(),
            actor: r.actor.clone(),
            action: r.action.clone(),
            entity: r.entity.clone(),
            has_before: r.before.is_some(),
            hash: r.hash.clone(),
        })
        .collect();
    let findings = report
        .issues
        .iter()
        .map(|i| {
            let text = i.to_string();
            let (zh, en) = text.split_once(" / ").unwrap_or((&text, &text));
            AuditFinding {
                zh: zh.to_string(),
                en: en.to_string(),
            }
        })
        .collect();
    Ok(AuditView {
        rows: report.rows,
        head_seq: report.head_seq,
        head_hash: report.head_hash.clone(),
        verified: report.is_ok(),
        findings,
        entries,
        next_before,
    })
}
