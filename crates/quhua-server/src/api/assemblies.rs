//! 村民会议 records over HTTP: `POST /api/plans/{id}/assemblies` records one village's 村民会议
//! (or 村民代表会议) on a village adjustment — a thin adapter over
//! `quhua_app::plans::record_assembly` (the CLI calls the same function).

use super::plans::{board_after, plan_id, today};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use axum::Json;
use axum::extract::{Path, State};
use quhua_app::plans::{self, AssemblyKind, AssemblyRecord};
use quhua_app::views::PlanBoard;
use serde::Deserialize;

/// Body of `POST /api/plans/{id}/assemblies`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssemblyBody {
    /// The village as the scheme names it (12-digit code or name).
    pub village: String,
    /// Which body met.
    pub kind: AssemblyKind,
    /// Date of the meeting (default today).
    #[serde(default)]
    pub date: Option<String>,
    /// Members entitled to attend (adult villagers, households or representatives).
    pub entitled: u32,
    /// Present.
    pub present: u32,
    /// Votes in favour.
    pub votes_for: u32,
    /// Votes against.
    #[serde(default)]
    pub votes_against: u32,
    /// Abstentions.
    #[serde(default)]
    pub abstentions: u32,
}

/// `POST /api/plans/{id}/assemblies`: the county records a village's 村民会议.
pub async fn record(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AssemblyBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let date = match b.date.as_deref().map(str::trim) {
        None | Some("") => today(),
        Some(s) => quhua_app::text::parse_date("会议日期 / date", s).map_err(ApiError::from)?,
    };
    let record = AssemblyRecord {
        village: b.village,
        village_name: String::new(),
        kind: b.kind,
        date,
        entitled: b.entitled,
        present: b.present,
        votes_for: b.votes_for,
        votes_against: b.votes_against,
        abstentions: b.abstentions,
        minutes: None,
        recorded_by: String::new(),
    };
    let actor = me.actor();
    st.run(move |app| plans::record_assembly(app, &actor, id, record, None))
        .await?;
    board_after(&st, &me, id).await
}
