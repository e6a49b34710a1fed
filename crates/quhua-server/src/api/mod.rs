//! JSON API handlers, one module per resource (counties and evaluation, 方案推荐 `propose`,
//! scenarios, comparison, the read-only procedure board `plans`), and the role × jurisdiction checks they share.

pub mod assemblies;
pub mod auth;
pub mod boundaries;
pub mod compare;
pub mod counties;
pub mod handover;
pub mod plans;
pub mod propose;
pub mod registers;
pub mod registry;
pub mod scenarios;
pub mod stats;
pub mod tasks;

use crate::accounts::User;
use crate::app::AppState;
use crate::catalog::{CountyData, CountyInfo};
use crate::error::ApiError;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quhua_core::policy::Policy;
use std::sync::Arc;

/// Read access to a county: it must lie in the user's jurisdiction (403 otherwise, whether
/// or not it exists, so nothing leaks), then exist (404).
pub fn readable_county(state: &AppState, user: &User, code: &str) -> Result<CountyInfo, ApiError> {
    if !user.jurisdiction.covers(code) {
        return Err(ApiError::forbidden());
    }
    state
        .catalog()
        .county(code)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("县级单位 {code}"), format!("county {code}")))
}

/// Write access to a county's scenarios: a county editor in its own county.
pub fn writable_county(state: &AppState, user: &User, code: &str) -> Result<CountyInfo, ApiError> {
    let info = readable_county(state, user, code)?;
    if !user.role.writes_scenarios() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "本账号角色只能查看方案，不能修改",
            "this account's role may read scenarios but not change them",
        ));
    }
    Ok(info)
}

/// The county's data, building it in a blocking task the first time.
pub async fn county_data(
    state: &AppState,
    code: &str,
    policy: &Arc<Policy>,
) -> Result<Arc<CountyData>, ApiError> {
    if let Some(d) = state.catalog().cached(code, policy) {
        return Ok(d);
    }
    let catalog = state.catalog().clone();
    let code = code.to_string();
    let policy = policy.clone();
    tokio::task::spawn_blocking(move || catalog.data(&code, &policy)).await?
}

/// A response whose body is already JSON text.
pub fn raw_json(status: StatusCode, body: impl Into<Bytes>) -> Response {
    let mut r = (status, body.into()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// An upload's bytes; an empty body is refused (400).
pub fn upload_bytes(body: &Bytes) -> Result<Vec<u8>, ApiError> {
    if body.is_empty() {
        return Err(ApiError::bad_request(
            "上传的文件是空的",
            "the uploaded file is empty",
        ));
    }
    Ok(body.to_vec())
}

/// The answer of a check-then-store upload: 201 when stored, 200 for a preview.
pub fn stored_or_preview<T: serde::Serialize>(stored: bool, out: T) -> Response {
    let status = if stored {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    (status, axum::Json(out)).into_response()
}
