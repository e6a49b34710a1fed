//! 实施: the handover of an approved plan as use cases — generate it from the plan, import the
//! ledgers, roster, service points and quotas (with a preview before anything is stored),
//! record each department's work, close sections (销号), and read its status and documents.
//!
//! A handover is stored under its plan's id, one versioned record per plan; every change is
//! saved against the version it read (a concurrent change is re-applied to the newer
//! version, never overwritten) with an audit row holding what was done and the SHA-256 of
//! the stored body. Decoded handovers are cached per version, so reading the status of a
//! county with a 45万-item ledger costs one key lookup.
//!
//! Who may do what: the county's leadership-group office (县级编辑) generates the handover and
//! may act on every section; a department officer acts on the sections its department leads
//! or takes part in, and is refused elsewhere; city and province accounts and viewers read.
//! The cadre roster's personal fields are shown only to the organisation department and the
//! office, and every such read is written to the audit log.

mod actions;
mod demo;
mod documents;
mod import;
mod views;

pub use actions::LedgerKind;
pub use actions::{Acted, Action, act, init};
pub use demo::{seed_demo, synthetic_assets};
pub use documents::{document, document_ids, documents};
pub use import::{ImportFile, ImportKind, ImportOutcome, import};
/// The handover's vocabulary the adapters parse requests into and render.
pub use quhua_workflow::handover::{Disposition, LedgerStatus, Money, synth::SEED as DEMO_SEED};
pub use views::{
    AssetRow, CadreRow, CheckLine, DebtRow, HandoverView, ItemFilter, PairView, RouteView,
    SectionDetail, SectionView, detail, view,
};

use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_core::i18n::Bilingual;
use quhua_store::StoreError;
use quhua_workflow::handover::{Handover, HandoverError, Section};
use quhua_workflow::org::Department;
use std::sync::Arc;

impl From<HandoverError> for AppError {
    fn from(e: HandoverError) -> Self {
        let t = e.text();
        let kind = match e {
            HandoverError::UnknownSection(_) => ErrorKind::NotFound,
            _ => ErrorKind::Refused,
        };
        AppError::new(kind, t.zh, t.en)
    }
}

/// A handover as stored: its version and the decoded body (shared with the cache).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The plan's id (the handover's id).
    pub plan: i64,
    /// The record's version.
    pub version: i64,
    /// Who last changed it, and when.
    pub updated_by: String,
    /// When (RFC 3339).
    pub updated_at: String,
    /// The handover.
    pub body: Arc<Handover>,
}

fn not_found(plan: i64) -> AppError {
    AppError::not_found(
        format!("报批方案 {plan} 的交接（请先生成交接）"),
        format!("the handover of plan {plan} (generate it first)"),
    )
}

/// Loads the handover of a plan the actor may see (cached by version).
pub(crate) fn load(app: &App, actor: &Actor, plan: i64) -> AppResult<Loaded> {
    let version = app
        .store()
        .version_of::<Handover>(plan)?
        .ok_or_else(|| not_found(plan))?;
    let cached = app.handover_cache().get(plan, version);
    let loaded = match cached {
        Some(l) => l,
        None => {
            let rec = app
                .store()
                .get::<Handover>(plan)?
                .ok_or_else(|| not_found(plan))?;
            let l = Loaded {
                plan,
                version: rec.version,
                updated_by: rec.updated_by,
                updated_at: rec.updated_at,
                body: Arc::new(rec.body),
            };
            app.handover_cache().put(l.clone());
            l
        }
    };
    if !actor.sees(&loaded.body.pairs.county) {
        return Err(not_found(plan));
    }
    Ok(loaded)
}

/// Applies `change` to the stored handover and saves it with `intent` in the audit row,
/// re-applying it to a newer version if someone saved in between.
pub(crate) fn mutate<T>(
    app: &App,
    actor: &Actor,
    plan: i64,
    intent: &serde_json::Value,
    mut change: impl FnMut(&mut Handover) -> AppResult<T>,
) -> AppResult<(T, Loaded)> {
    for _ in 0..5 {
        let l = load(app, actor, plan)?;
        let mut body = (*l.body).clone();
        let out = change(&mut body)?;
        match app
            .store()
            .update_summarised(plan, l.version, &body, intent, &actor.name)
        {
            Ok(v) => return Ok((out, remember(app, plan, v, &actor.name, body))),
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        ErrorKind::Conflict,
        "交接正被多人同时修改，请稍后重试",
        "the handover is being changed by several people at once; retry shortly",
    ))
}

/// Caches a handover just saved at version `v`.
pub(crate) fn remember(app: &App, plan: i64, v: i64, by: &str, body: Handover) -> Loaded {
    let saved = Loaded {
        plan,
        version: v,
        updated_by: by.to_string(),
        updated_at: String::new(),
        body: Arc::new(body),
    };
    app.handover_cache().put(saved.clone());
    saved
}

/// Whether the actor coordinates the whole handover: the operator or the county's
/// leadership-group office (县级编辑).
pub(crate) fn coordinates(actor: &Actor) -> bool {
    actor.is(Role::CountyEditor)
}

/// Whether the actor may act on a section: the office, or an officer of its lead or
/// participating department.
pub(crate) fn may_act(actor: &Actor, s: &Section) -> bool {
    coordinates(actor)
        || (actor.is(Role::Department)
            && actor
                .department
                .is_some_and(|d| d == s.department || s.also.contains(&d)))
}

/// Refuses an actor who may not act on every one of `sections`.
pub(crate) fn require_sections(actor: &Actor, sections: &[&Section]) -> AppResult<()> {
    if let Some(s) = sections.iter().find(|s| !may_act(actor, s)) {
        let mut names = vec![s.department.zh().to_string()];
        names.extend(s.also.iter().map(|d| d.zh().to_string()));
        let mut names_en = vec![s.department.en().to_string()];
        names_en.extend(s.also.iter().map(|d| d.en().to_string()));
        return Err(AppError::forbidden(
            format!(
                "交接事项“{}”由{}办理，本账号无权操作",
                s.id,
                names.join("、")
            ),
            format!(
                "the handover section \"{}\" is the work of {}: this account may not change it",
                s.id,
                names_en.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Refuses an actor of none of `departments` (the office always passes).
pub(crate) fn require_department(actor: &Actor, departments: &[Department]) -> AppResult<()> {
    if coordinates(actor)
        || (actor.is(Role::Department)
            && actor.department.is_some_and(|d| departments.contains(&d)))
    {
        return Ok(());
    }
    let zh: Vec<&str> = departments.iter().map(|d| d.zh()).collect();
    let en: Vec<&str> = departments.iter().map(|d| d.en()).collect();
    Err(AppError::forbidden(
        format!("此项由{}或县改革领导小组办公室办理", zh.join("、")),
        format!(
            "this is done by {} or the county's leadership-group office",
            en.join(", ")
        ),
    ))
}

/// Whether the actor may read the cadres' personal fields (organisation department, office).
pub(crate) fn sees_personal(actor: &Actor) -> bool {
    coordinates(actor)
        || (actor.is(Role::Department) && actor.department == Some(Department::Organisation))
}

/// The cache of decoded handovers, by plan id and version.
#[derive(Debug, Default)]
pub struct HandoverCache(std::sync::Mutex<std::collections::HashMap<i64, Loaded>>);

impl HandoverCache {
    fn get(&self, plan: i64, version: i64) -> Option<Loaded> {
        let map = self.0.lock().ok()?;
        map.get(&plan).filter(|l| l.version == version).cloned()
    }

    fn put(&self, l: Loaded) {
        if let Ok(mut map) = self.0.lock() {
            let newer = map.get(&l.plan).is_some_and(|old| old.version > l.version);
            if !newer {
                map.insert(l.plan, l);
            }
        }
    }
}
