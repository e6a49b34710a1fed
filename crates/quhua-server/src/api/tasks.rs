//! 后半篇督办 over HTTP: the 挂图作战 board, one task, its actions and evidence files, plan
//! imports with a check, the statutory tasks of an approved plan, the escalation run, the
//! baseline comparison and the inbox — each a thin adapter over one `quhua_app::followup`
//! function (the CLI calls the same ones). Actions are done as of today.

use super::plans::{file_response, plan_id, today};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use quhua_app::followup::{
    self, BoardFilter, BoardView, ChangeView, EscalatedTask, EvidenceRef, InboxView, OverviewView,
    SettingsView, TaskAction, TaskImport, TaskView,
};
use quhua_app::upload::Upload;
use quhua_core::date::Date;
use serde::Deserialize;

fn date_or_today(field: &str, s: Option<&str>) -> Result<Date, ApiError> {
    match s.map(str::trim) {
        None | Some("") => Ok(today()),
        Some(s) => Ok(quhua_app::text::parse_date(field, s)?),
    }
}

/// Query of the board.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct BoardQuery {
    /// As of (YYYY-MM-DD; default today).
    pub date: Option<String>,
    /// Jurisdiction prefix (default: all the account sees).
    pub scope: Option<String>,
    /// Only this task group.
    pub group: Option<String>,
    /// Only tasks this organisation (code) leads or takes part in.
    pub unit: Option<String>,
    /// Only this light: red, yellow, blue, green or done.
    pub light: Option<String>,
    /// `true`: the account's own tasks first.
    pub mine_first: Option<bool>,
}

/// `GET /api/tasks?date=&scope=&group=&unit=&light=&mine_first=`: the board as of a date.
pub async fn board(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<BoardQuery>,
) -> ApiResult<Json<BoardView>> {
    let date = date_or_today("date", q.date.as_deref())?;
    let filter = BoardFilter {
        group: q.group.filter(|s| !s.is_empty()),
        unit: q.unit.filter(|s| !s.is_empty()),
        light: q.light.filter(|s| !s.is_empty()),
        mine_first: q.mine_first.unwrap_or(false),
    };
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::board(app, &actor, &scope, date, &filter))
            .await?,
    ))
}

/// Query of the summary.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct OverviewQuery {
    /// As of (YYYY-MM-DD; default today).
    pub date: Option<String>,
    /// Jurisdiction prefix (default: all the account sees).
    pub scope: Option<String>,
}

/// `GET /api/tasks/summary?date=&scope=`: counts per light and the summaries by unit, group
/// and county, without the rows (a city's or a province's view).
pub async fn overview(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<OverviewQuery>,
) -> ApiResult<Json<OverviewView>> {
    let date = date_or_today("date", q.date.as_deref())?;
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::overview(app, &actor, &scope, date))
            .await?,
    ))
}

/// Query naming a date.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct DateQuery {
    /// As of (YYYY-MM-DD; default today).
    pub date: Option<String>,
}

/// `GET /api/tasks/{id}?date=`: one task in full.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DateQuery>,
) -> ApiResult<Json<TaskView>> {
    let date = date_or_today("date", q.date.as_deref())?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::task(app, &actor, &id, date))
            .await?,
    ))
}

/// `POST /api/tasks/{id}/actions`: one action, as of today.
pub async fn act(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<TaskAction>,
) -> ApiResult<Json<TaskView>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::act(app, &actor, &id, &action, Vec::new(), today()))
            .await?,
    ))
}

/// Query of an upload.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct UploadQuery {
    /// The file's name (its extension decides the accepted type).
    pub file_name: String,
}

/// `POST /api/tasks/{id}/evidence?file_name=`: stores an evidence file (the body) for a
/// report the account's lead unit will file; returns its reference.
pub async fn upload_evidence(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    body: Bytes,
) -> ApiResult<Json<EvidenceRef>> {
    let actor = me.actor();
    let file = Upload::checked(&q.file_name, body.to_vec())?;
    Ok(Json(
        st.run(move |app| followup::upload_evidence(app, &actor, &id, file, today()))
            .await?,
    ))
}

/// `GET /api/tasks/{id}/evidence/{sha256}`: an evidence file of the task.
pub async fn evidence(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, sha)): Path<(String, String)>,
) -> ApiResult<Response> {
    let actor = me.actor();
    let f = st
        .run(move |app| followup::evidence(app, &actor, &id, &sha))
        .await?;
    Ok(file_response(f))
}

/// Query of a plan import.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ImportQuery {
    /// The file's name.
    pub file_name: String,
    /// `false`: check only (default `true`).
    pub commit: Option<bool>,
    /// The jurisdiction to file under (default: the supervising office's).
    pub scope: Option<String>,
    /// A prefix for the task ids.
    pub prefix: Option<String>,
}

/// `POST /api/tasks/imports?file_name=&commit=&scope=&prefix=`: a plan's tasks (the body: a
/// TOML file or an Excel workbook, by the name's extension).
pub async fn import(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ImportQuery>,
    body: Bytes,
) -> ApiResult<Json<TaskImport>> {
    let file = quhua_app::upload::ImportFile::Bytes {
        name: q.file_name.clone(),
        bytes: body.to_vec(),
    };
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| {
            followup::import_plan(
                app,
                &actor,
                &file,
                q.scope.as_deref().filter(|s| !s.is_empty()),
                q.prefix.as_deref().unwrap_or(""),
                q.commit.unwrap_or(true),
            )
        })
        .await?,
    ))
}

/// `GET /api/tasks/settings`: the supervision settings in force (what blue and yellow mean,
/// when the notices fall due).
pub async fn settings(State(st): State<AppState>, _me: AuthUser) -> ApiResult<Json<SettingsView>> {
    Ok(Json(st.run(followup::settings).await?))
}

/// `GET /api/tasks/imports/template`: the plan workbook template (the seed city plan's tasks
/// in the import format).
pub async fn template(_me: AuthUser) -> ApiResult<Response> {
    Ok(file_response(followup::plan_template()?))
}

/// `POST /api/plans/{id}/tasks`: files the statutory and handover tasks of an approved plan.
pub async fn generate(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<TaskImport>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::generate_for_plan(app, &actor, id))
            .await?,
    ))
}

/// Query of the escalation run.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ScopeQuery {
    /// Jurisdiction prefix (default: all the account sees).
    pub scope: Option<String>,
}

/// `POST /api/tasks/escalations?scope=`: records every escalation step due today on the
/// tasks the account's office supervises.
pub async fn escalate(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ScopeQuery>,
) -> ApiResult<Json<Vec<EscalatedTask>>> {
    let actor = me.actor();
    let scope = q.scope.unwrap_or_default();
    Ok(Json(
        st.run(move |app| followup::escalate_due(app, &actor, &scope, today()))
            .await?,
    ))
}

/// Query of the baseline comparison.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ChangesQuery {
    /// The baseline date.
    pub since: String,
    /// As of (default today).
    pub date: Option<String>,
    /// Jurisdiction prefix.
    pub scope: Option<String>,
}

/// `GET /api/tasks/changes?since=&date=&scope=`: what changed since the baseline.
pub async fn changes(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ChangesQuery>,
) -> ApiResult<Json<Vec<ChangeView>>> {
    let since = quhua_app::text::parse_date("since", &q.since)?;
    let date = date_or_today("date", q.date.as_deref())?;
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::baseline(app, &actor, &scope, since, date))
            .await?,
    ))
}

/// `GET /api/inbox?date=`: what needs the account's organisation.
pub async fn inbox(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<DateQuery>,
) -> ApiResult<Json<InboxView>> {
    let date = date_or_today("date", q.date.as_deref())?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| followup::inbox(app, &actor, date))
            .await?,
    ))
}

/// Query of a supervision report.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ReportQuery {
    /// As of (YYYY-MM-DD; default today).
    pub date: Option<String>,
    /// Jurisdiction prefix (default: all the account sees).
    pub scope: Option<String>,
    /// `docx` (default), `pdf` or `xlsx`.
    pub format: Option<String>,
}

/// `GET /api/tasks/reports/{period}?date=&scope=&format=`: 周报 (week), 两周推进表 (fortnight)
/// or 月调度 (month) as a download.
pub async fn report(
    State(st): State<AppState>,
    me: AuthUser,
    Path(period): Path<String>,
    ApiQuery(q): ApiQuery<ReportQuery>,
) -> ApiResult<Response> {
    let period = followup::Period::parse(&period)
        .ok_or_else(|| ApiError::not_found(format!("报告 {period}"), format!("report {period}")))?;
    let format = match q.format.as_deref() {
        None | Some("") => followup::ReportFormat::Docx,
        Some(f) => followup::ReportFormat::parse(f).ok_or_else(|| {
            ApiError::bad_request(
                format!("格式“{f}”无效（docx、pdf 或 xlsx）"),
                format!("bad format \"{f}\" (docx, pdf or xlsx)"),
            )
        })?,
    };
    let date = date_or_today("date", q.date.as_deref())?;
    let scope = q.scope.unwrap_or_default();
    let actor = me.actor();
    let f = st
        .run(move |app| followup::report(app, &actor, &scope, period, date, format))
        .await?;
    Ok(file_response(f))
}
