//! `POST /api/counties/{code}/propose`: 方案推荐 — merger schemes proposed by the optimizer
//! (quhua-optimize) on the county's townships, each as scenario operations with an evaluation
//! summary. It changes nothing, so every role that may read the county may call it (it still
//! needs the CSRF token like every POST).
//!
//! The problem is built exactly as `quhua plan suggest` builds it, by the same library code
//! (`quhua_optimize::county`, shared with the CLI): townships are the building blocks, adjacent
//! when any of their villages are; the county seat and key towns are seeds; border townships
//! are locked; the population floor and area cap come from the policy. Each scheme becomes
//! merges of its regions' townships into the region's seat; with `villages: true`, followed
//! by the village transfers (村划归) of `quhua_optimize::refine`.

use super::{county_data, raw_json, readable_county};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::catalog::CountyData;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use quhua_core::policy::Policy;
use quhua_core::scenario::evaluate;
use quhua_optimize::county::{
    Wishes, policy_params, scheme_scenario, township_problem, village_scenario, village_stage,
};
use quhua_optimize::{PlanError, refine, suggest};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Optimizer runs at a time (each uses every core through rayon).
static RUNS: Semaphore = Semaphore::const_new(1);

/// Most schemes a request may ask for.
pub const MAX_SCHEMES: usize = 8;

/// Body of the request (every field optional: `{}` is fine).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeBody {
    /// Schemes wanted (default 4, at most [`MAX_SCHEMES`]).
    #[serde(default)]
    pub schemes: Option<usize>,
    /// Random seed (default 1, as the CLI).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Built-in policy id (`default`).
    #[serde(default)]
    pub policy: Option<String>,
    /// Allow village transfers (村划归) after the township merges where they repair the
    /// population floor or area cap, or beat the disruption they cause (default false).
    #[serde(default)]
    pub villages: Option<bool>,
}

/// Handler: schemes, best first, each with `ops` and a `summary`; plus the optimizer's
/// infeasibility report and islands. Results are cached per county like evaluations (the
/// optimizer is deterministic for a seed).
pub async fn propose(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<ProposeBody>,
) -> ApiResult<Response> {
    readable_county(&st, &me.user, &code)?;
    let policy = st.catalog().policy(body.policy.as_deref())?;
    let data = county_data(&st, &code, &policy).await?;
    let schemes = body.schemes.unwrap_or(4).clamp(1, MAX_SCHEMES);
    let seed = body.seed.unwrap_or(1);
    let policy_id = body.policy.unwrap_or_else(|| "default".into());
    let villages = body.villages.unwrap_or(false);
    let key = format!("propose\u{1f}{policy_id}\u{1f}{schemes}\u{1f}{seed}\u{1f}{villages}");
    if let Some(hit) = data.results.get(&key) {
        return Ok(raw_json(StatusCode::OK, hit));
    }
    let _permit = RUNS.acquire().await.map_err(ApiError::internal)?;
    if let Some(hit) = data.results.get(&key) {
        return Ok(raw_json(StatusCode::OK, hit));
    }
    let d = data.clone();
    let text = tokio::task::spawn_blocking(move || {
        run(
            &d,
            &policy,
            &policy_id,
            Knobs {
                schemes,
                seed,
                villages,
            },
        )
    })
    .await??;
    let bytes = Bytes::from(text);
    data.results.put(key, bytes.clone());
    Ok(raw_json(StatusCode::OK, bytes))
}

/// What the request asked of the optimizer.
struct Knobs {
    schemes: usize,
    seed: u64,
    villages: bool,
}

/// Runs the optimizer and evaluates each scheme; returns the response text.
fn run(
    data: &Arc<CountyData>,
    policy: &Policy,
    policy_id: &str,
    knobs: Knobs,
) -> Result<String, ApiError> {
    let Knobs {
        schemes,
        seed,
        villages,
    } = knobs;
    let base = &data.base;
    let unprocessable =
        |e: PlanError| ApiError::from_pair(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string());
    let problem = township_problem(base, &Wishes::default()).map_err(unprocessable)?;
    let params = policy_params(policy, None, None, schemes, seed);
    let sol = suggest(&problem, &params, None, None).map_err(unprocessable)?;
    let mut out = Vec::with_capacity(sol.schemes.len());
    for (k, s) in sol.schemes.iter().enumerate() {
        let (mut scenario, moved, violations) = if villages {
            let stage = village_stage(base, &problem, s, &[], None).map_err(unprocessable)?;
            let r = refine(&stage.problem, &params, &stage.initial).map_err(unprocessable)?;
            let sc = village_scenario(base, s, &stage, &r, k);
            (sc, r.objectives.moved_units, r.violations)
        } else {
            (scheme_scenario(base, s, k), 0, s.violations.clone())
        };
        scenario.policy = Some(policy_id.to_string());
        let ev = evaluate(base, policy, &scenario)?;
        let (errors, warnings, infos) = ev.finding_counts();
        let ind = &ev.indicators;
        out.push(json!({
            "index": k,
            "name": scenario.name,
            "ops": scenario.ops,
            "p": s.p,
            "seats": s
                .seats
                .iter()
                .filter_map(|&i| base.townships.get(i as usize).map(|t| t.name.as_str()))
                .collect::<Vec<_>>(),
            "objectives": s.objectives,
            "violations": violations,
            "moved_villages": moved,
            "restart": s.restart,
            "summary": {
                "count_before": ind.before.count,
                "count_after": ind.after.count,
                "mean_population_before": ind.before.population.mean,
                "mean_population_after": ind.after.population.mean,
                "errors": errors,
                "warnings": warnings,
                "infos": infos,
            },
        }));
    }
    let names: Vec<&str> = base.townships.iter().map(|t| t.name.as_str()).collect();
    let islands: Vec<_> = sol
        .islands
        .iter()
        .map(|i| json!({"unit": names.get(i.unit as usize), "action": i.action, "population": i.population}))
        .collect();
    serde_json::to_string(&json!({
        "county": base.county_code.to_string(),
        "schemes": out,
        "infeasibility": sol.infeasibility,
        "islands": islands,
        "synthetic": base.synthetic,
    }))
    .map_err(ApiError::internal)
}
