//! The statutory procedure as use cases: one function per action, each checking who may do
//! it (role × jurisdiction × the step's level), loading the plan, applying the domain action
//! (quhua-workflow) and saving it with its audit row under optimistic concurrency.
//!
//! A save never overwrites another person's change: an action is applied to the plan as
//! stored and saved against that version; if someone saved in between, the action is applied
//! again to their version (each action is a single intent — "record this meeting" — so doing
//! it on the newer plan is exactly what the person asked for).

mod actions;
mod board;
mod charts;
mod documents;
pub mod government;

pub use actions::*;
pub use board::{board, list};
pub use documents::{DOCUMENT_IDS, document, documents, material};
/// The procedure's vocabulary the adapters parse requests into.
pub use quhua_workflow::org::Department;
pub use quhua_workflow::procedure::{
    Approval, AssemblyKind, AssemblyRecord, Disposition, Extension, MaterialKind, Meeting,
    Questionnaire, Suggestion,
};

use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult};
use quhua_store::{Record, StoreError};
use quhua_workflow::procedure::{Plan, StepRole};

/// Loads a plan the actor may see (404 otherwise, whether or not it exists, so ids of other
/// jurisdictions leak nothing).
pub(crate) fn load(app: &App, actor: &Actor, id: i64) -> AppResult<Record<Plan>> {
    let not_found = || AppError::not_found(format!("报批方案 {id}"), format!("plan {id}"));
    let rec = app.store().get::<Plan>(id)?.ok_or_else(not_found)?;
    if !actor.sees(&rec.county) {
        return Err(not_found());
    }
    Ok(rec)
}

/// Applies `change` to the stored plan and saves it, retrying on a concurrent save (up to a
/// few times) so nobody's change is lost.
pub(crate) fn mutate<T>(
    app: &App,
    actor: &Actor,
    id: i64,
    mut change: impl FnMut(&mut Plan) -> AppResult<T>,
) -> AppResult<(T, Record<Plan>)> {
    for _ in 0..5 {
        let mut rec = load(app, actor, id)?;
        let out = change(&mut rec.body)?;
        match app.store().update(id, rec.version, &rec.body, &actor.name) {
            Ok(v) => {
                rec.version = v;
                return Ok((out, rec));
            }
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        crate::ErrorKind::Conflict,
        "报批方案正被多人同时修改，请稍后重试",
        "the plan is being changed by several people at once; retry shortly",
    ))
}

/// Refuses an actor who is not of the given step level (the operator acts at every level).
pub(crate) fn require_level(actor: &Actor, level: StepRole) -> AppResult<()> {
    let role = match level {
        StepRole::County => Role::CountyEditor,
        StepRole::City => Role::CityReviewer,
        StepRole::Province => Role::ProvinceApprover,
    };
    if actor.is(role) {
        return Ok(());
    }
    let (zh, en) = match level {
        StepRole::County => ("县级编辑", "county editor"),
        StepRole::City => ("市级审核", "city reviewer"),
        StepRole::Province => ("省级审批", "province approver"),
    };
    Err(AppError::forbidden(
        format!("此操作须由{zh}账号办理"),
        format!("this action is for a {en} account"),
    ))
}
