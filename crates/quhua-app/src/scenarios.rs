//! Draft scenarios (模拟方案) as use cases: list, read, create and update with optimistic
//! versions. The adapter passes the evaluation check (the server evaluates on its cached
//! county base, the CLI on a fresh one) so a scheme whose operations do not apply is never
//! stored.

use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_core::scenario::Scenario;
use quhua_store::{Record, StoreError};
use serde::Serialize;

/// A stored scenario as shown.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScenarioView {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Policy reference.
    pub policy: Option<String>,
    /// The registry date it was drafted on (`YYYY-MM-DD`), if recorded.
    pub base_date: Option<String>,
    /// Notes.
    pub note: Option<String>,
    /// The operations.
    pub ops: Vec<quhua_core::scenario::Operation>,
    /// Version.
    pub version: i64,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: String,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: String,
}

impl ScenarioView {
    /// The scenario itself.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            name: self.name.clone(),
            county: self.county.clone(),
            policy: self.policy.clone(),
            base_date: self.base_date.clone(),
            note: self.note.clone(),
            ops: self.ops.clone(),
        }
    }

    fn of(rec: Record<Scenario>) -> ScenarioView {
        ScenarioView {
            id: rec.id,
            name: rec.body.name,
            county: rec.county,
            policy: rec.body.policy,
            base_date: rec.body.base_date,
            note: rec.body.note,
            ops: rec.body.ops,
            version: rec.version,
            created_by: rec.created_by,
            created_at: rec.created_at,
            updated_by: rec.updated_by,
            updated_at: rec.updated_at,
        }
    }
}

fn not_found(id: i64) -> AppError {
    AppError::not_found(format!("方案 {id}"), format!("scenario {id}"))
}

fn check_name(name: &str) -> AppResult<String> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 100 {
        return Err(AppError::invalid(
            "方案名称不能为空，且不超过 100 个字",
            "the scenario name must be 1–100 characters",
        ));
    }
    Ok(n.to_string())
}

/// The registry date a draft was made on, when given, must be a date (`YYYY-MM-DD`).
fn check_base_date(scenario: &Scenario) -> AppResult<()> {
    if let Some(d) = scenario.base_date.as_deref() {
        crate::text::parse_date("base_date", d)?;
    }
    Ok(())
}

fn require_writer(actor: &Actor, county: &str) -> AppResult<()> {
    if !actor.sees(county) {
        return Err(AppError::forbidden(
            "无权访问：超出本账号的辖区范围",
            "forbidden: outside this account's jurisdiction",
        ));
    }
    if !actor.is(Role::CountyEditor) {
        return Err(AppError::forbidden(
            "本账号角色只能查看方案，不能修改",
            "this account's role may read scenarios but not change them",
        ));
    }
    Ok(())
}

/// The scenarios the actor may see (optionally of one county), by id.
pub fn list(app: &App, actor: &Actor, county: Option<&str>) -> AppResult<Vec<ScenarioView>> {
    let prefix = county.unwrap_or(actor.jurisdiction.as_str());
    Ok(app
        .store()
        .list::<Scenario>(prefix)?
        .into_iter()
        .filter(|r| actor.sees(&r.county))
        .map(ScenarioView::of)
        .collect())
}

/// One scenario (404 when outside the actor's jurisdiction, exactly like a missing one).
pub fn get(app: &App, actor: &Actor, id: i64) -> AppResult<ScenarioView> {
    app.store()
        .get::<Scenario>(id)?
        .filter(|r| actor.sees(&r.county))
        .map(ScenarioView::of)
        .ok_or_else(|| not_found(id))
}

/// Saves a new scenario (version 1) after `validate` accepted it.
pub fn create(
    app: &App,
    actor: &Actor,
    mut scenario: Scenario,
    validate: impl FnOnce(&Scenario) -> AppResult<()>,
) -> AppResult<ScenarioView> {
    require_writer(actor, &scenario.county)?;
    scenario.name = check_name(&scenario.name)?;
    check_base_date(&scenario)?;
    validate(&scenario)?;
    let id = app.store().create(&scenario, &actor.name)?;
    get(app, actor, id)
}

/// Replaces a scenario if it is still at `expected_version`; otherwise a conflict whose
/// detail carries the version now stored and that scenario (`current`), so the person can
/// compare both and merge.
pub fn update(
    app: &App,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    mut scenario: Scenario,
    validate: impl FnOnce(&Scenario) -> AppResult<()>,
) -> AppResult<ScenarioView> {
    let current = get(app, actor, id)?;
    require_writer(actor, &current.county)?;
    scenario.county = current.county.clone();
    scenario.name = check_name(&scenario.name)?;
    check_base_date(&scenario)?;
    validate(&scenario)?;
    match app
        .store()
        .update(id, expected_version, &scenario, &actor.name)
    {
        Ok(_) => get(app, actor, id),
        Err(StoreError::Conflict { .. }) => {
            let now = get(app, actor, id)?;
            Err(AppError::new(
                ErrorKind::Conflict,
                format!(
                    "方案已被 {} 修改（当前版本 {}），请查看对方版本后重新载入",
                    now.updated_by, now.version
                ),
                format!(
                    "the scenario was changed by {} (now version {}); review their version and reload",
                    now.updated_by, now.version
                ),
            )
            .with_detail(serde_json::json!({
                "current_version": now.version,
                "current": now,
            })))
        }
        Err(e) => Err(e.into()),
    }
}
