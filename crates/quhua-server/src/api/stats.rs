//! 评估 and statistics over HTTP: the evaluation of a county or a plan, the county's stored
//! statistics (import with a preview), the crosswalk of two dates and recast tables as
//! downloads — each a thin adapter over one `quhua_app::stats` function (the CLI calls the
//! same ones). Uploads send the file as the raw body with its name in the query.

use super::plans::{file_response, plan_id};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use quhua_app::stats::{
    self, EvaluationView, ObservationOutcome, ObservationsView, TableFormat, WeightBy,
};
use quhua_app::upload::ImportFile;
use quhua_core::date::Date;
use serde::Deserialize;

fn date(field: &str, s: Option<&str>) -> Result<Option<Date>, ApiError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Ok(Some(quhua_app::text::parse_date(field, s)?)),
    }
}

fn required_date(field: &str, s: &str) -> Result<Date, ApiError> {
    Ok(quhua_app::text::parse_date(field, s)?)
}

fn weight(s: Option<&str>) -> Result<WeightBy, ApiError> {
    match s {
        None | Some("") => Ok(WeightBy::Population),
        Some(w) => WeightBy::parse(w).ok_or_else(|| {
            ApiError::bad_request(
                format!("权重“{w}”无效（population、households、area 或 villages）"),
                format!("bad weight \"{w}\" (population, households, area or villages)"),
            )
        }),
    }
}

fn format(s: Option<&str>) -> Result<TableFormat, ApiError> {
    match s {
        None | Some("") => Ok(TableFormat::Xlsx),
        Some(f) => TableFormat::parse(f).ok_or_else(|| {
            ApiError::bad_request(
                format!("格式“{f}”无效（csv、xlsx 或 json）"),
                format!("bad format \"{f}\" (csv, xlsx or json)"),
            )
        }),
    }
}

/// Query of a county's evaluation.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct EvaluationQuery {
    /// Before: a date YYYY-MM-DD (default: the registry's first date).
    pub from: Option<String>,
    /// After: a date YYYY-MM-DD (default: the registry's latest date).
    pub to: Option<String>,
}

/// `GET /api/counties/{code}/evaluation?from=&to=`: the county between two dates.
pub async fn county_evaluation(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<EvaluationQuery>,
) -> ApiResult<Json<EvaluationView>> {
    let from = date("from", q.from.as_deref())?;
    let to = date("to", q.to.as_deref())?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| stats::county_evaluation(app, &actor, &code, from, to))
            .await?,
    ))
}

/// `GET /api/plans/{id}/evaluation`: a plan's before and after, with its handover's figures.
pub async fn plan_evaluation(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<EvaluationView>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| stats::plan_evaluation(app, &actor, id))
            .await?,
    ))
}

/// `GET /api/counties/{code}/observations`: what statistics are stored for the county.
pub async fn observations(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
) -> ApiResult<Json<ObservationsView>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| stats::observations(app, &actor, &code))
            .await?,
    ))
}

/// Query of an upload.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct UploadQuery {
    /// The file's name (its extension decides how it is read: .csv, .xlsx, .xls).
    pub file_name: String,
    /// Store it (`true`) or only check and preview (`false`, the default).
    #[serde(default)]
    pub commit: bool,
}

fn upload(name: String, body: Bytes) -> Result<ImportFile, ApiError> {
    Ok(ImportFile::Bytes {
        name,
        bytes: super::upload_bytes(&body)?,
    })
}

/// `POST /api/counties/{code}/observations?file_name=&commit=`: checks a statistics table
/// and, with `commit=true`, stores it (201); errors name the file, row and column.
pub async fn import(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    body: Bytes,
) -> ApiResult<Response> {
    let file = upload(q.file_name, body)?;
    let actor = me.actor();
    let commit = q.commit;
    let out: ObservationOutcome = st
        .run(move |app| stats::import_observations(app, &actor, Some(&code), &file, commit))
        .await?;
    Ok(super::stored_or_preview(out.stored, out))
}

/// Query of a crosswalk download.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct CrosswalkQuery {
    /// From: a date YYYY-MM-DD.
    pub from: String,
    /// To: a date YYYY-MM-DD (may be earlier than `from`).
    pub to: String,
    /// population (default), households, area or villages.
    pub weight: Option<String>,
    /// `backward`: the share of each target coming from each source (default: forward).
    pub direction: Option<String>,
    /// xlsx (default), csv or json.
    pub format: Option<String>,
}

/// `GET /api/counties/{code}/crosswalk?from=&to=&weight=&direction=&format=`.
pub async fn crosswalk(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<CrosswalkQuery>,
) -> ApiResult<Response> {
    let from = required_date("from", &q.from)?;
    let to = required_date("to", &q.to)?;
    let w = weight(q.weight.as_deref())?;
    let f = format(q.format.as_deref())?;
    let backward = match q.direction.as_deref() {
        None | Some("") | Some("forward") => false,
        Some("backward") => true,
        Some(d) => {
            return Err(ApiError::bad_request(
                format!("方向“{d}”无效（forward 或 backward）"),
                format!("bad direction \"{d}\" (forward or backward)"),
            ));
        }
    };
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| stats::crosswalk_file(app, &actor, &code, from, to, w, backward, f))
            .await?,
    ))
}

/// Query of a recast.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct RecastQuery {
    /// The boundaries: a date YYYY-MM-DD.
    pub to: String,
    /// population (default), households, area or villages.
    pub weight: Option<String>,
    /// xlsx (default), csv or json.
    pub format: Option<String>,
    /// For an upload: the file's name (.csv, .xlsx, .xls).
    pub file_name: Option<String>,
}

/// `GET /api/counties/{code}/recast?to=&weight=&format=`: the county's stored statistics on
/// the boundaries of a date.
pub async fn recast_stored(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<RecastQuery>,
) -> ApiResult<Response> {
    let to = required_date("to", &q.to)?;
    let w = weight(q.weight.as_deref())?;
    let f = format(q.format.as_deref())?;
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| stats::recast_stored(app, &actor, &code, to, w, f))
            .await?,
    ))
}

/// `POST /api/counties/{code}/recast?file_name=&to=&weight=&format=`: an uploaded table on
/// the boundaries of a date (nothing is stored).
pub async fn recast_upload(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<RecastQuery>,
    body: Bytes,
) -> ApiResult<Response> {
    let to = required_date("to", &q.to)?;
    let w = weight(q.weight.as_deref())?;
    let f = format(q.format.as_deref())?;
    let name = q.file_name.unwrap_or_else(|| "上传文件.csv".into());
    let file = upload(name, body)?;
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| stats::recast_file_out(app, &actor, Some(&code), &file, to, w, f))
            .await?,
    ))
}
