//! Counties: list, base data, schematic boundaries, and scenario evaluation.

use super::{county_data, raw_json, readable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use quhua_core::scenario::{Evaluation, Operation, Scenario};
use serde::Deserialize;
use serde_json::{Value, json};

/// `GET /api/counties`: the registry's counties inside the user's jurisdiction.
pub async fn list(State(st): State<AppState>, me: AuthUser) -> Json<Value> {
    let counties: Vec<_> = st
        .catalog
        .counties()
        .iter()
        .filter(|c| me.user.jurisdiction.covers(&c.code))
        .collect();
    Json(json!({ "counties": counties }))
}

/// `GET /api/counties/{code}/base`: townships and villages with figures.
pub async fn base(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let policy = st.catalog.policy(None)?;
    let data = county_data(&st, &code, &policy).await?;
    Ok(raw_json(StatusCode::OK, data.base_json().as_ref()))
}

/// Query of the GeoJSON endpoint.
#[derive(Debug, Deserialize)]
pub struct GeoQuery {
    /// `village` (default) or `township`.
    #[serde(default)]
    pub level: Option<String>,
}

/// `GET /api/counties/{code}/geojson?level=village|township`: schematic boundaries.
pub async fn geojson(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<GeoQuery>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let policy = st.catalog.policy(None)?;
    let data = county_data(&st, &code, &policy).await?;
    let no_geo = || {
        ApiError::not_found(
            format!("{code} 的示意边界"),
            format!("boundaries of {code}"),
        )
    };
    match q.level.as_deref().unwrap_or("village") {
        "village" => Ok(raw_json(
            StatusCode::OK,
            data.villages_geojson().ok_or_else(no_geo)?.as_ref(),
        )),
        "township" => {
            let empty = empty_scenario(&code, Vec::new(), None);
            let (_, gj) = data.evaluate(&policy, &empty)?;
            Ok(raw_json(StatusCode::OK, gj.ok_or_else(no_geo)?))
        }
        other => Err(ApiError::bad_request(
            format!("level 应为 village 或 township，而不是“{other}”"),
            format!("level must be village or township, not \"{other}\""),
        )),
    }
}

/// Body of `POST /api/counties/{code}/evaluate`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluateBody {
    /// Operations in order.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// Built-in policy id (`default`).
    #[serde(default)]
    pub policy: Option<String>,
}

/// A scenario holding only operations.
pub fn empty_scenario(county: &str, ops: Vec<Operation>, policy: Option<String>) -> Scenario {
    Scenario {
        name: String::new(),
        county: county.to_string(),
        policy,
        base_date: None,
        note: None,
        ops,
    }
}

/// `{"evaluation": …, "geojson": …}` as JSON text (the GeoJSON is spliced in unparsed).
pub fn evaluation_json(ev: &Evaluation, geojson: Option<&str>) -> Result<String, ApiError> {
    let ev = serde_json::to_string(ev).map_err(ApiError::internal)?;
    Ok(format!(
        "{{\"evaluation\":{ev},\"geojson\":{}}}",
        geojson.unwrap_or("null")
    ))
}

/// `POST /api/counties/{code}/evaluate`: evaluates operations on the county's base
/// (incremental session under `quhua_core::scenario::evaluate`); returns the evaluation and
/// the resulting townships dissolved (示意). Read-only: every role in the jurisdiction may
/// evaluate; it still needs the CSRF token like every POST.
pub async fn evaluate(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<EvaluateBody>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let policy = st.catalog.policy(body.policy.as_deref())?;
    let data = county_data(&st, &code, &policy).await?;
    let scenario = empty_scenario(&code, body.ops, body.policy);
    let (ev, gj) = data.evaluate(&policy, &scenario)?;
    Ok(raw_json(
        StatusCode::OK,
        evaluation_json(&ev, gj.as_deref())?,
    ))
}
