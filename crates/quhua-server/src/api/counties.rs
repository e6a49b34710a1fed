//! Counties: list, base data, schematic boundaries, and scenario evaluation.

use super::{county_data, raw_json, readable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::contract::CountyList;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use quhua_core::scenario::{Operation, Scenario};
use serde::Deserialize;

/// `GET /api/counties`: the registry's counties inside the user's jurisdiction.
pub async fn list(State(st): State<AppState>, me: AuthUser) -> Response {
    let catalog = st.catalog();
    let counties = catalog
        .counties()
        .iter()
        .filter(|c| me.user.jurisdiction.covers(&c.code))
        .collect();
    Json(CountyList { counties }).into_response()
}

/// `GET /api/counties/{code}/base`: townships and villages with figures.
pub async fn base(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let policy = st.catalog().policy(&code, None)?;
    let data = county_data(&st, &code, &policy).await?;
    Ok(raw_json(StatusCode::OK, data.base_json()))
}

/// `GET /api/counties/{code}/policies`: the built-in policies the county may be checked
/// against, its own province's first ([`quhua_app::policy::choices`]).
pub async fn policies(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    Ok(Json(quhua_app::policy::choices(&code)).into_response())
}

/// Query of the GeoJSON endpoint.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
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
    let policy = st.catalog().policy(&code, None)?;
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
            data.villages_geojson().ok_or_else(no_geo)?,
        )),
        "township" => {
            if data.geo.is_none() {
                return Err(no_geo());
            }
            let empty = empty_scenario(&code, Vec::new(), None);
            let gj = tokio::task::spawn_blocking(move || {
                let ev = data.evaluate(&policy, &empty)?;
                data.townships_geojson(&ev)
            })
            .await??;
            Ok(raw_json(StatusCode::OK, gj.ok_or_else(no_geo)?))
        }
        other => Err(ApiError::bad_request(
            format!("level 应为 village 或 township，而不是“{other}”"),
            format!("level must be village or township, not \"{other}\""),
        )),
    }
}

/// Body of `POST /api/counties/{code}/evaluate`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateBody {
    /// Operations in order.
    #[serde(default)]
    pub ops: Vec<Operation>,
    /// The policy: a built-in id (`hebei`, `default` …) or a stored policy's name; none:
    /// the county's own province's (the national reference where its province has none).
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

/// Query of the evaluation endpoint.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct EvaluateQuery {
    /// `1` (or `true`): include the resulting townships as GeoJSON.
    #[serde(default)]
    pub geojson: Option<String>,
}

/// `POST /api/counties/{code}/evaluate[?geojson=1]`: evaluates operations on the county's
/// base; returns the evaluation (units with `village_idx` into the base's villages) and, with
/// `geojson=1`, the resulting townships dissolved (示意), else `"geojson": null`.
///
/// Finished responses are cached per county (LRU keyed by policy, geometry flag and the
/// canonical operations). A miss evaluates on the async thread (a few hundred microseconds:
/// a hand-off to the blocking pool costs more than it saves on two cores) and moves to a
/// blocking task only when an outline must be dissolved (milliseconds). Read-only: every role in the jurisdiction may evaluate; it still
/// needs the CSRF token like every POST.
pub async fn evaluate(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<EvaluateQuery>,
    ApiJson(body): ApiJson<EvaluateBody>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let with_geojson = matches!(q.geojson.as_deref(), Some("1" | "true"));
    let policy = st.catalog().policy(&code, body.policy.as_deref())?;
    let data = county_data(&st, &code, &policy).await?;
    let ops = serde_json::to_string(&body.ops).map_err(ApiError::internal)?;
    let key = format!(
        "{}\u{1f}{}\u{1f}{ops}",
        quhua_app::policy::reference_for(body.policy.as_deref(), &code),
        u8::from(with_geojson)
    );
    if let Some(hit) = data.results.get(&key) {
        return Ok(raw_json(StatusCode::OK, hit));
    }
    let scenario = empty_scenario(&code, body.ops, body.policy);
    let ev = data.evaluate(&policy, &scenario)?;
    let text = if with_geojson && !data.outlines_cached(&ev) {
        let d = data.clone();
        tokio::task::spawn_blocking(move || d.respond(&ev, true)).await??
    } else {
        data.respond(&ev, with_geojson)?
    };
    let bytes = Bytes::from(text);
    data.results.put(key, bytes.clone());
    Ok(raw_json(StatusCode::OK, bytes))
}
