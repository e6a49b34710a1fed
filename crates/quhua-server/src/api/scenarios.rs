//! Stored scenarios (模拟方案) with optimistic versions: list, create, read, update (409 with
//! the other person's version on conflict).
//!
//! A scenario outside the user's jurisdiction answers 404, exactly like a missing one, so ids
//! of other counties' scenarios leak nothing.

use super::counties::empty_scenario;
use super::{county_data, readable_county, writable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::contract::{ScenarioList, ScenarioListItem};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use quhua_core::scenario::{Operation, Scenario};
use serde::Deserialize;

/// Query of the list.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ListQuery {
    /// Only this county.
    #[serde(default)]
    pub county: Option<String>,
}

/// `GET /api/scenarios?county=`: the scenarios of the user's jurisdiction (without their
/// operations; `operations` counts them).
pub async fn list(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<ScenarioList>> {
    if let Some(c) = &q.county {
        readable_county(&st, &me.user, c)?;
    }
    let actor = me.actor();
    let all = st
        .run(move |app| quhua_app::scenarios::list(app, &actor, q.county.as_deref()))
        .await?;
    Ok(Json(ScenarioList {
        scenarios: all.into_iter().map(ScenarioListItem::from).collect(),
    }))
}

/// Body of `POST /api/scenarios`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Operations.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// The policy it is checked against: a built-in id (`hebei`, `default` …) or a stored
    /// policy's name; none: the county's own province's (the national reference where none).
    #[serde(default)]
    pub policy: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
    /// The registry date the scenario was drafted on (`YYYY-MM-DD`).
    #[serde(default)]
    pub base_date: Option<String>,
}

/// Body of `PUT /api/scenarios/{id}`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    /// The version the client edited.
    pub expected_version: i64,
    /// Name.
    pub name: String,
    /// Operations.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// The policy it is checked against (kept when not sent).
    #[serde(default)]
    pub policy: Option<String>,
    /// Notes (kept when not sent).
    #[serde(default)]
    pub note: Option<String>,
    /// The registry date the scenario was drafted on (`YYYY-MM-DD`).
    #[serde(default)]
    pub base_date: Option<String>,
}

/// The evaluation check the use case runs before storing: the scheme must evaluate on the
/// county's cached base (422 naming the failing operation otherwise).
async fn validation(st: &AppState, sc: &Scenario) -> Result<(), ApiError> {
    let policy = st.catalog().policy(&sc.county, sc.policy.as_deref())?;
    let data = county_data(st, &sc.county, &policy).await?;
    let check = sc.clone();
    tokio::task::spawn_blocking(move || {
        quhua_core::scenario::evaluate(&data.base, &policy, &check)
    })
    .await??;
    Ok(())
}

/// `POST /api/scenarios`: a county editor saves a new scenario in its county (201).
pub async fn create(
    State(st): State<AppState>,
    me: AuthUser,
    ApiJson(body): ApiJson<CreateBody>,
) -> ApiResult<Response> {
    writable_county(&st, &me.user, &body.county)?;
    let sc = Scenario {
        name: body.name,
        ops: body.ops,
        policy: body.policy,
        note: body.note,
        base_date: body.base_date,
        ..empty_scenario(&body.county, Vec::new(), None)
    };
    validation(&st, &sc).await?;
    let actor = me.actor();
    let view = st
        .run(move |app| quhua_app::scenarios::create(app, &actor, sc, |_| Ok(())))
        .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// `GET /api/scenarios/{id}`.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<quhua_app::scenarios::ScenarioView>> {
    let n = parse_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| quhua_app::scenarios::get(app, &actor, n))
            .await?,
    ))
}

/// `GET /api/scenarios/{id}/freshness`: the draft against the registry in force — the changes
/// since it was drafted and, operation by operation, whether it still applies.
pub async fn freshness(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<quhua_app::drafts::DraftFreshness>> {
    let n = parse_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| quhua_app::drafts::freshness(app, &actor, n))
            .await?,
    ))
}

fn parse_id(id: &str) -> Result<i64, ApiError> {
    id.parse()
        .map_err(|_| ApiError::not_found(format!("方案 {id}"), format!("scenario {id}")))
}

/// `PUT /api/scenarios/{id}`: replaces name and operations if the scenario is still at
/// `expected_version`; otherwise 409 with `current_version` and `current` (the other
/// person's scenario) so the client can show both and merge.
pub async fn update(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateBody>,
) -> ApiResult<Json<quhua_app::scenarios::ScenarioView>> {
    let n = parse_id(&id)?;
    let actor = me.actor();
    let a2 = actor.clone();
    let current = st
        .run(move |app| quhua_app::scenarios::get(app, &a2, n))
        .await?;
    writable_county(&st, &me.user, &current.county)?;
    let sc = Scenario {
        name: body.name,
        ops: body.ops,
        policy: body.policy.or(current.policy),
        note: body.note.or(current.note),
        base_date: body.base_date.or(current.base_date),
        ..empty_scenario(&current.county, Vec::new(), None)
    };
    validation(&st, &sc).await?;
    let expected = body.expected_version;
    Ok(Json(
        st.run(move |app| quhua_app::scenarios::update(app, &actor, n, expected, sc, |_| Ok(())))
            .await?,
    ))
}
