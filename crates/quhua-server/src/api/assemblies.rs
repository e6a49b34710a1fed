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

/// Query of `POST /api/plans/approve-batch`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchApproveQuery {
    /// The plans, comma-separated ids.
    pub ids: String,
    /// 批准文号.
    pub document_no: String,
    /// Date of approval.
    pub date: String,
    /// Effective date.
    pub effective: String,
    /// The approval document's file name, when the body carries it.
    #[serde(default)]
    pub file_name: Option<String>,
}

/// `POST /api/plans/approve-batch?ids=&document_no=&date=&effective=&file_name=`: several plans
/// of one county approved under one decision (all or none); answers the first plan's board.
pub async fn approve_batch(
    State(st): State<AppState>,
    me: AuthUser,
    crate::extract::ApiQuery(q): crate::extract::ApiQuery<BatchApproveQuery>,
    body: axum::body::Bytes,
) -> ApiResult<Json<PlanBoard>> {
    let ids: Vec<i64> = q
        .ids
        .split(',')
        .map(|s| plan_id(s.trim()))
        .collect::<Result<_, _>>()?;
    let first = *ids
        .first()
        .ok_or_else(|| ApiError::bad_request("未选择方案", "no plans chosen"))?;
    let file = super::plans::upload(q.file_name.as_deref(), body)?;
    let approval = quhua_app::plans::Approval {
        document_no: q.document_no.trim().to_string(),
        date: quhua_app::text::parse_date("批复日期 / date", &q.date)?,
        effective: quhua_app::text::parse_date("生效日期 / effective", &q.effective)?,
    };
    let actor = me.actor();
    st.run(move |app| plans::approve_batch(app, &actor, &ids, approval, file.as_ref()))
        .await?;
    board_after(&st, &me, first).await
}
