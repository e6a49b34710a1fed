//! 实施交接 over HTTP: the handover of a plan, one section in detail, actions, imports with a
//! preview, and the documents — each a thin adapter over one `quhua_app::handover` function
//! (the CLI calls the same ones). Imports send the file as the raw body with its name in the
//! query (`?file_name=资产明细.xlsx&commit=false` for the preview).

use super::plans::{file_response, plan_id, today};
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use quhua_app::handover::{
    self, Acted, Action, HandoverView, ImportFile, ImportKind, ImportOutcome, ItemFilter,
    SectionDetail,
};
use serde::Deserialize;

/// `GET /api/plans/{id}/handover`: the whole handover with progress per section.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<HandoverView>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| handover::view(app, &actor, id, today()))
            .await?,
    ))
}

/// `POST /api/plans/{id}/handover`: generates the handover of an approved plan (or updates
/// its pairs from the plan and, once applied, its events).
pub async fn init(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<HandoverView>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| {
            handover::init(app, &actor, id)?;
            handover::view(app, &actor, id, today())
        })
        .await?,
    ))
}

/// `GET /api/plans/{id}/handover/sections/{section}?offset=&limit=&unassigned=`.
pub async fn section(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, section)): Path<(String, String)>,
    ApiQuery(f): ApiQuery<ItemFilter>,
) -> ApiResult<Json<SectionDetail>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| handover::detail(app, &actor, id, &section, &f, today()))
            .await?,
    ))
}

/// `POST /api/plans/{id}/handover/actions`: one action (assign, place, check, close …).
pub async fn act(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<Action>,
) -> ApiResult<Json<Acted>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| handover::act(app, &actor, id, &a, today()))
            .await?,
    ))
}

/// Query of an import.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ImportQuery {
    /// The file's name (its extension decides how it is read: .csv, .xlsx, .xls).
    pub file_name: String,
    /// Store it (`true`) or only check and preview (`false`, the default).
    #[serde(default)]
    pub commit: bool,
}

/// The import kinds of the path.
pub const IMPORT_KINDS: [&str; 5] = ["assets", "debts", "cadres", "services", "quotas"];

/// `POST /api/plans/{id}/handover/imports/{kind}?file_name=&commit=`: checks a table and,
/// with `commit=true`, stores it (201); row errors name the file, row and column.
pub async fn import(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, kind)): Path<(String, String)>,
    ApiQuery(q): ApiQuery<ImportQuery>,
    body: Bytes,
) -> ApiResult<Response> {
    let id = plan_id(&id)?;
    let kind = ImportKind::parse(&kind).ok_or_else(|| {
        ApiError::not_found(format!("导入类型 {kind}"), format!("import kind {kind}"))
    })?;
    if body.is_empty() {
        return Err(ApiError::bad_request(
            "上传的文件是空的",
            "the uploaded file is empty",
        ));
    }
    let actor = me.actor();
    let file = ImportFile::Bytes {
        name: q.file_name,
        bytes: body.to_vec(),
    };
    let commit = q.commit;
    let out: ImportOutcome = st
        .run(move |app| handover::import(app, &actor, id, kind, &file, commit))
        .await?;
    Ok(super::stored_or_preview(out.stored, out))
}

/// `GET /api/plans/{id}/handover/documents/{doc}`: `summary.xlsx`, or the 移交清单 of one pair,
/// `list-{code}.docx` / `list-{code}.xlsx`.
pub async fn document(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, doc)): Path<(String, String)>,
) -> ApiResult<Response> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| handover::document(app, &actor, id, &doc, today()))
            .await?,
    ))
}
