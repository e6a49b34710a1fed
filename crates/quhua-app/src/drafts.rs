//! Whether a stored draft still fits the registry (草稿与现行名录): the date it was drafted
//! on, the changes touching its county since, and operation by operation whether it still
//! applies to the units in force — with the operations that do, in order, as the rebased
//! draft. Loading a draft never silently mixes it with another one: the editor shows this
//! and lets the person rebase or only look.

use crate::access::Actor;
use crate::registry::{self, ChangeView};
use crate::{App, AppResult, county, policy, scenarios};
use quhua_core::i18n::{Bilingual, Text};
use quhua_core::scenario::{Operation, Session};
use schemars::JsonSchema;
use serde::Serialize;

/// One operation of a draft, checked against the registry in force.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DraftOp {
    /// Its position in the draft, from 1.
    pub index: usize,
    /// The operation.
    pub op: Operation,
    /// Whether it still applies (after the operations before it that do).
    pub applies: bool,
    /// Why not, when it does not.
    pub reason: Option<Text>,
}

/// A draft against the registry in force.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DraftFreshness {
    /// The scenario.
    pub id: i64,
    /// Its version.
    pub version: i64,
    /// The registry date it was drafted on, or the day it was last saved when not recorded.
    pub drafted_on: String,
    /// Whether `drafted_on` is the recorded registry date (else the day of the last save).
    pub recorded: bool,
    /// The registry's latest date.
    pub registry_date: String,
    /// Changes touching the county after `drafted_on`.
    pub changes_since: Vec<ChangeView>,
    /// Every operation with its status.
    pub ops: Vec<DraftOp>,
    /// The operations that still apply, in order: the draft rebased on the registry in force.
    pub rebased: Vec<Operation>,
    /// Whether the registry moved on or an operation no longer applies.
    pub stale: bool,
}

/// Checks the stored draft `id` against the registry in force, for an actor who may read it.
pub fn freshness(app: &App, actor: &Actor, id: i64) -> AppResult<DraftFreshness> {
    let draft = scenarios::get(app, actor, id)?;
    let reg = app.registry()?;
    let recorded = draft.base_date.is_some();
    let drafted_on = draft
        .base_date
        .clone()
        .unwrap_or_else(|| draft.updated_at.chars().take(10).collect());
    let registry_date = county::latest_date(&reg).to_string();
    let changes_since = if drafted_on.as_str() < registry_date.as_str() {
        registry::changes(
            &reg,
            actor,
            &drafted_on,
            &registry_date,
            Some(&draft.county),
        )?
        .changes
    } else {
        Vec::new()
    };
    let policy = policy::resolve_named(app, draft.policy.as_deref(), &draft.county)?;
    let base = county::build(app, &reg, &draft.county, &policy)?;
    let mut session = Session::new(&base.base, &policy);
    let mut rebased = Vec::new();
    let ops = draft
        .ops
        .iter()
        .enumerate()
        .map(|(i, op)| {
            let result = session.push(op.clone());
            if result.is_ok() {
                rebased.push(op.clone());
            }
            DraftOp {
                index: i + 1,
                op: op.clone(),
                applies: result.is_ok(),
                reason: result.err().map(|e| e.with_op(i + 1).text()),
            }
        })
        .collect::<Vec<_>>();
    let stale = !changes_since.is_empty() || ops.iter().any(|o| !o.applies);
    Ok(DraftFreshness {
        id,
        version: draft.version,
        drafted_on,
        recorded,
        registry_date,
        changes_since,
        ops,
        rebased,
        stale,
    })
}
