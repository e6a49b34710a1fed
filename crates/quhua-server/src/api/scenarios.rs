//! Stored scenarios (模拟方案) with optimistic versions: list, create, read, update (409 with
//! the other person's version on conflict).
//!
//! A scenario outside the user's jurisdiction answers 404, exactly like a missing one, so ids
//! of other counties' scenarios leak nothing.

use super::counties::empty_scenario;
use super::{county_data, readable_county, writable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use quhua_core::scenario::{Operation, Scenario};
use quhua_store::{ScenarioId, ScenarioRecord, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

/// A stored scenario as the API shows it (the body's name wins over the record's column,
/// which quhua-store sets only on creation).
pub fn view(rec: &ScenarioRecord) -> Result<(Value, Scenario), ApiError> {
    let sc = parse_body(rec)?;
    Ok((
        json!({
            "id": rec.id.0,
            "name": sc.name,
            "county": rec.county,
            "policy": sc.policy,
            "note": sc.note,
            "ops": sc.ops,
            "version": rec.version,
            "created_by": rec.created_by,
            "created_at": rec.created_at,
            "updated_by": rec.updated_by,
            "updated_at": rec.updated_at,
        }),
        sc,
    ))
}

fn parse_body(rec: &ScenarioRecord) -> Result<Scenario, ApiError> {
    let parsed = if rec.format == "json" {
        Scenario::from_json(&rec.body)
    } else {
        Scenario::from_toml(&rec.body)
    };
    parsed.map_err(|e| ApiError::internal(format!("stored scenario {} unreadable: {e}", rec.id.0)))
}

/// Loads a scenario the user may read (404 otherwise).
pub async fn load_readable(
    st: &AppState,
    me: &AuthUser,
    id: &str,
) -> Result<ScenarioRecord, ApiError> {
    let not_found = || ApiError::not_found(format!("方案 {id}"), format!("scenario {id}"));
    let n: i64 = id.parse().map_err(|_| not_found())?;
    let rec = st
        .with_store(move |s| s.get_scenario(ScenarioId(n)))
        .await?
        .ok_or_else(not_found)?;
    if !me.user.jurisdiction.covers(&rec.county) {
        return Err(not_found());
    }
    Ok(rec)
}

/// Query of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Only this county.
    #[serde(default)]
    pub county: Option<String>,
}

/// `GET /api/scenarios?county=`: the scenarios of the user's jurisdiction.
pub async fn list(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Value>> {
    if let Some(c) = &q.county {
        readable_county(&st, &me.user, c)?;
    }
    let all = st.with_store(|s| s.list_scenarios()).await?;
    let mut out = Vec::new();
    for rec in all.iter().filter(|r| {
        me.user.jurisdiction.covers(&r.county) && q.county.as_ref().is_none_or(|c| *c == r.county)
    }) {
        let (mut v, sc) = view(rec)?;
        if let Value::Object(m) = &mut v {
            m.remove("ops");
            m.insert("operations".into(), json!(sc.ops.len()));
        }
        out.push(v);
    }
    Ok(Json(json!({ "scenarios": out })))
}

/// Body of `POST /api/scenarios`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Operations.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// Built-in policy id.
    #[serde(default)]
    pub policy: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
}

/// Body of `PUT /api/scenarios/{id}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    /// The version the client edited.
    pub expected_version: i64,
    /// Name.
    pub name: String,
    /// Operations.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// Built-in policy id.
    #[serde(default)]
    pub policy: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
}

fn check_name(name: &str) -> Result<String, ApiError> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 100 {
        return Err(ApiError::bad_request(
            "方案名称不能为空，且不超过 100 个字",
            "the scenario name must be 1–100 characters",
        ));
    }
    Ok(n.to_string())
}

/// Validates a scenario by evaluating it (422 naming the failing operation) and returns its
/// JSON body for the store.
async fn validated_body(st: &AppState, sc: &Scenario) -> Result<String, ApiError> {
    let policy = st.catalog.policy(sc.policy.as_deref())?;
    let data = county_data(st, &sc.county, &policy).await?;
    let check = sc.clone();
    tokio::task::spawn_blocking(move || {
        quhua_core::scenario::evaluate(&data.base, &policy, &check)
    })
    .await??;
    serde_json::to_string(sc).map_err(ApiError::internal)
}

/// `POST /api/scenarios`: a county editor saves a new scenario in its county (201).
pub async fn create(
    State(st): State<AppState>,
    me: AuthUser,
    ApiJson(body): ApiJson<CreateBody>,
) -> ApiResult<Response> {
    writable_county(&st, &me.user, &body.county)?;
    let sc = Scenario {
        name: check_name(&body.name)?,
        ops: body.ops,
        policy: body.policy,
        note: body.note,
        ..empty_scenario(&body.county, Vec::new(), None)
    };
    let text = validated_body(&st, &sc).await?;
    let actor = me.user.username.clone();
    let (name, county) = (sc.name.clone(), sc.county.clone());
    let (id, _) = st
        .with_store(move |s| s.create_scenario(&name, &county, &text, &actor))
        .await?;
    let rec = st
        .with_store(move |s| s.get_scenario(id))
        .await?
        .ok_or_else(|| ApiError::internal("scenario vanished after insert"))?;
    Ok((StatusCode::CREATED, Json(view(&rec)?.0)).into_response())
}

/// `GET /api/scenarios/{id}`.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let rec = load_readable(&st, &me, &id).await?;
    Ok(Json(view(&rec)?.0))
}

/// `PUT /api/scenarios/{id}`: replaces name and operations if the scenario is still at
/// `expected_version`; otherwise 409 with `current_version` and `current` (the other
/// person's scenario) so the client can show it and offer a reload.
pub async fn update(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateBody>,
) -> ApiResult<Response> {
    let rec = load_readable(&st, &me, &id).await?;
    writable_county(&st, &me.user, &rec.county)?;
    let sc = Scenario {
        name: check_name(&body.name)?,
        ops: body.ops,
        policy: body.policy,
        note: body.note,
        ..empty_scenario(&rec.county, Vec::new(), None)
    };
    let text = validated_body(&st, &sc).await?;
    let actor = me.user.username.clone();
    let sid = rec.id;
    let expected = body.expected_version;
    let result = st
        .with_store(
            move |s| match s.update_scenario(sid, expected, &text, &actor) {
                Ok(v) => Ok(Ok(v)),
                Err(StoreError::Conflict { .. }) => Ok(Err(())),
                Err(e) => Err(e),
            },
        )
        .await?;
    let now = st
        .with_store(move |s| s.get_scenario(sid))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("方案 {id}"), format!("scenario {id}")))?;
    match result {
        Ok(_) => Ok(Json(view(&now)?.0).into_response()),
        Err(()) => {
            let (current, _) = view(&now)?;
            Err(ApiError::new(
                StatusCode::CONFLICT,
                format!(
                    "方案已被 {} 修改（当前版本 {}），请查看对方版本后重新载入",
                    now.updated_by, now.version
                ),
                format!(
                    "the scenario was changed by {} (now version {}); review their version and reload",
                    now.updated_by, now.version
                ),
            )
            .with("current_version", json!(now.version))
            .with("current", current))
        }
    }
}
