//! The risk register and the public feedback register over HTTP — thin adapters over
//! `quhua_app::followup` (the CLI calls the same functions). Actions are done as of now.
//! There is no route that deletes or hides a feedback item.

use super::plans::today;
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use quhua_app::followup::{
    self, FeedbackAction, FeedbackImport, FeedbackRow, FeedbackView, NewFeedback, NewRisk,
    RiskAction, RiskRow, RisksView,
};
use quhua_app::upload::ImportFile;
use serde::Deserialize;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Query of a register.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct RegisterQuery {
    /// Jurisdiction prefix (default: all the account sees).
    pub scope: Option<String>,
    /// As of (YYYY-MM-DD; risks only; default today).
    pub date: Option<String>,
}

/// `GET /api/risks?scope=&date=`: the risk register and its table.
pub async fn risks(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<RegisterQuery>,
) -> ApiResult<Json<RisksView>> {
    let date = match q.date.as_deref().map(str::trim) {
        None | Some("") => today(),
        Some(s) => quhua_app::text::parse_date("date", s)?,
    };
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::risks(app, &actor, &scope, date))
            .await?,
    ))
}

/// `POST /api/risks`: registers a risk point (the supervising office).
pub async fn create_risk(
    State(st): State<AppState>,
    me: AuthUser,
    ApiJson(new): ApiJson<NewRisk>,
) -> ApiResult<Json<RiskRow>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::create_risk(app, &actor, &new, today()))
            .await?,
    ))
}

/// `POST /api/risks/{id}/actions`: one action on a risk point.
pub async fn risk_act(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<RiskAction>,
) -> ApiResult<Json<RiskRow>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::risk_act(app, &actor, &id, &action, today()))
            .await?,
    ))
}

/// `GET /api/feedback?scope=`: the feedback register with its statistics.
pub async fn feedback(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<RegisterQuery>,
) -> ApiResult<Json<FeedbackView>> {
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::feedback(app, &actor, &scope, now()))
            .await?,
    ))
}

/// `POST /api/feedback`: registers one item (the office).
pub async fn receive(
    State(st): State<AppState>,
    me: AuthUser,
    ApiJson(new): ApiJson<NewFeedback>,
) -> ApiResult<Json<FeedbackRow>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::receive(app, &actor, &new, now()))
            .await?,
    ))
}

/// `POST /api/feedback/{id}/actions`: 分办, 答复, 回访 or 更正.
pub async fn feedback_act(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<FeedbackAction>,
) -> ApiResult<Json<FeedbackRow>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::feedback_act(app, &actor, &id, &action, now()))
            .await?,
    ))
}

/// Query of a hotline import.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct FeedbackImportQuery {
    /// The file's name (.csv or .xlsx).
    pub file_name: String,
    /// `false`: check only (default `true`).
    pub commit: Option<bool>,
    /// The jurisdiction (default: by each ticket's division code).
    pub scope: Option<String>,
}

/// `POST /api/feedback/imports?file_name=&commit=&scope=`: a hotline export (the body).
pub async fn import(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<FeedbackImportQuery>,
    body: Bytes,
) -> ApiResult<Json<FeedbackImport>> {
    if body.is_empty() {
        return Err(ApiError::bad_request(
            format!("{}：文件是空的", q.file_name),
            format!("{}: the file is empty", q.file_name),
        ));
    }
    let actor = me.actor();
    let file = ImportFile::Bytes {
        name: q.file_name.clone(),
        bytes: body.to_vec(),
    };
    Ok(Json(
        st.run(move |app| {
            followup::import_feedback(
                app,
                &actor,
                &file,
                q.scope.as_deref().filter(|s| !s.is_empty()),
                q.commit.unwrap_or(true),
                now(),
            )
        })
        .await?,
    ))
}
