//! `POST /api/counties/{code}/propose`: 方案推荐 — merger schemes proposed by the optimizer
//! on the county's townships, each as scenario operations with an evaluation summary. It
//! changes nothing, so every role that may read the county may call it (it still needs the
//! CSRF token like every POST).
//!
//! The use case is [`quhua_app::propose::propose`], the same function `quhua plan suggest`
//! calls: this handler checks access, answers from the county's result cache when it can,
//! and otherwise runs one optimizer at a time.

use super::{county_data, raw_json, readable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use quhua_app::propose::{ProposeRequest, propose as propose_schemes};
use tokio::sync::Semaphore;

pub use quhua_app::propose::MAX_SCHEMES;

/// Optimizer runs at a time (each uses every core through rayon).
static RUNS: Semaphore = Semaphore::const_new(1);

/// Body of the request (every field optional: `{}` is fine); unknown fields are refused.
pub type ProposeBody = ProposeRequest;

/// Handler: schemes, best first, each with `ops` and a `summary`; plus the optimizer's
/// infeasibility report and islands ([`quhua_app::propose::Proposal`]). Results are cached
/// per county like evaluations (the optimizer is deterministic for a request and seed).
pub async fn propose(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<ProposeBody>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    // over HTTP the policy is one of the built-in ids (as documented)
    let policy = st.catalog().policy(&code, body.policy.as_deref())?;
    // the result cache lives with the county's data, rebuilt when the registry changes
    let data = county_data(&st, &code, &policy).await?;
    let key = format!(
        "propose\u{1f}{}",
        serde_json::to_string(&body).map_err(ApiError::internal)?
    );
    if let Some(hit) = data.results.get(&key) {
        return Ok(raw_json(StatusCode::OK, hit));
    }
    let _permit = RUNS.acquire().await.map_err(ApiError::internal)?;
    if let Some(hit) = data.results.get(&key) {
        return Ok(raw_json(StatusCode::OK, hit));
    }
    let actor = me.actor();
    let proposal = st
        .run(move |app| propose_schemes(app, &actor, &code, &body))
        .await?;
    let bytes = Bytes::from(serde_json::to_string(&proposal).map_err(ApiError::internal)?);
    data.results.put(key, bytes.clone());
    Ok(raw_json(StatusCode::OK, bytes))
}

/// Body of `POST /api/counties/{code}/propose-villages` (every field optional but the floor
/// where the policy sets none).
pub type VillageProposeBody = quhua_app::propose::villages::VillageRequest;

/// `POST /api/counties/{code}/propose-villages`: 村级撤并推荐 — village mergers inside each
/// township, as 合并村 operations with the village indicators and findings. Read-only.
pub async fn propose_villages(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<VillageProposeBody>,
) -> ApiResult<axum::Json<quhua_app::propose::villages::VillageProposal>> {
    readable_county(&st, &me.user, &code)?;
    let _permit = RUNS.acquire().await.map_err(ApiError::internal)?;
    let actor = me.actor();
    let proposal = st
        .run(move |app| quhua_app::propose::villages::propose_villages(app, &actor, &code, &body))
        .await?;
    Ok(axum::Json(proposal))
}
