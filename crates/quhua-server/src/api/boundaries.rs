//! Data in from the browser: a boundary file (GeoJSON, zipped Shapefile or GeoPackage),
//! previewed feature by feature and, with `commit=true` and no problem, stored (quhua-app's
//! `boundaries`); a survey table, previewed value by value, then stored (`survey`).

use super::{stored_or_preview, upload_bytes};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use quhua_app::boundaries::{self, BoundaryFile, BoundaryImport, BoundaryLevel, BoundaryOptions};
use quhua_app::survey::SurveyPreview;
use serde::Deserialize;

/// Query of a boundary upload.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundaryQuery {
    /// The file's name (.geojson/.json, .zip holding a Shapefile, .gpkg).
    pub file_name: String,
    /// `township` or `village` (default: the level the codes match).
    #[serde(default)]
    pub level: Option<BoundaryLevel>,
    /// The attribute holding the codes (default: the field matching most codes).
    #[serde(default)]
    pub code_field: Option<String>,
    /// Store it (`true`) or only check and preview (`false`, the default).
    #[serde(default)]
    pub commit: bool,
}

/// `POST /api/counties/{code}/boundaries?file_name=&level=&code_field=&commit=`: 200 with
/// the report (nothing stored: a preview, or problems listed per feature), 201 when stored.
pub async fn import(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<BoundaryQuery>,
    body: Bytes,
) -> ApiResult<Response> {
    let file = BoundaryFile {
        name: q.file_name,
        bytes: upload_bytes(&body)?,
    };
    let opts = BoundaryOptions {
        level: q.level,
        code_field: q.code_field.filter(|f| !f.trim().is_empty()),
        commit: q.commit,
        synthetic: false,
    };
    let actor = me.actor();
    let out: BoundaryImport = st
        .run(move |app| boundaries::import(app, &actor, Some(&code), &file, &opts))
        .await?;
    Ok(stored_or_preview(out.stored, out))
}

/// Query of a survey-table upload.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyQuery {
    /// The file's name (.csv, .xlsx, .xls).
    pub file_name: String,
    /// The date the figures hold from (YYYY-MM-DD).
    pub date: String,
    /// Store it (`true`) or only check and preview (`false`, the default).
    #[serde(default)]
    pub commit: bool,
}

/// `POST /api/counties/{code}/survey?file_name=&date=&commit=`: the values the table would
/// change (200), or stored as one survey-update event (201).
pub async fn survey(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<SurveyQuery>,
    body: Bytes,
) -> ApiResult<Response> {
    let file = quhua_app::upload::ImportFile::Bytes {
        name: q.file_name,
        bytes: upload_bytes(&body)?,
    };
    let actor = me.actor();
    let (date, commit) = (q.date, q.commit);
    let out: SurveyPreview = st
        .run(move |app| quhua_app::survey::update(app, &actor, &code, &file, &date, commit))
        .await?;
    Ok(stored_or_preview(out.stored, out))
}
