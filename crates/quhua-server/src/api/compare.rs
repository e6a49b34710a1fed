//! `GET /api/compare?a=ID&b=ID`: two stored scenarios evaluated side by side.

use super::raw_json;
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// Query: the two scenario ids.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct CompareQuery {
    /// First scenario.
    pub a: String,
    /// Second scenario.
    pub b: String,
}

/// Both scenarios with their evaluations and resulting boundaries:
/// `{"a": {"scenario", "evaluation", "geojson"}, "b": {…}}`.
pub async fn compare(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<CompareQuery>,
) -> ApiResult<Response> {
    let mut parts = Vec::with_capacity(2);
    for id in [&q.a, &q.b] {
        let n: i64 = id
            .parse()
            .map_err(|_| ApiError::not_found(format!("方案 {id}"), format!("scenario {id}")))?;
        let actor = me.actor();
        let v = st
            .run(move |app| quhua_app::scenarios::get(app, &actor, n))
            .await?;
        let sc = quhua_core::scenario::Scenario {
            name: v.name.clone(),
            county: v.county.clone(),
            policy: v.policy.clone(),
            base_date: v.base_date.clone(),
            note: v.note.clone(),
            ops: v.ops.clone(),
        };
        let policy = st.catalog().policy(&v.county, sc.policy.as_deref())?;
        let data = super::county_data(&st, &v.county, &policy).await?;
        let inner = tokio::task::spawn_blocking(move || {
            let ev = data.evaluate(&policy, &sc)?;
            data.respond(&ev, true)
        })
        .await??;
        // `inner` is `{"evaluation":…,"geojson":…}`: add the scenario as a third member.
        let mut part = b"{\"scenario\":".to_vec();
        serde_json::to_writer(&mut part, &v).map_err(ApiError::internal)?;
        part.push(b',');
        part.extend_from_slice(inner.get(1..).unwrap_or_default());
        parts.push(part);
    }
    let mut body = b"{\"a\":".to_vec();
    body.extend_from_slice(&parts[0]);
    body.extend_from_slice(b",\"b\":");
    body.extend_from_slice(&parts[1]);
    body.push(b'}');
    Ok(raw_json(StatusCode::OK, body))
}
