//! API errors: `{"error": {"zh": "...", "en": "..."}}` with a proper status code.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// An error answered to the client. `extra` fields are merged into the top-level object
/// (e.g. `current_version` and `current` on a 409).
#[derive(Debug, thiserror::Error)]
#[error("{status}: {zh} / {en}")]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
    /// Extra top-level fields.
    pub extra: Map<String, Value>,
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// An error with a status and both messages.
    pub fn new(status: StatusCode, zh: impl Into<String>, en: impl Into<String>) -> Self {
        ApiError {
            status,
            zh: zh.into(),
            en: en.into(),
            extra: Map::new(),
        }
    }

    /// Adds a top-level field.
    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.extra.insert(key.to_string(), value);
        self
    }

    /// 400 with a message.
    pub fn bad_request(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, zh, en)
    }

    /// 401: not logged in (or the session expired).
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "未登录或登录已过期",
            "not logged in or the session has expired",
        )
    }

    /// 403: the role or jurisdiction does not allow this.
    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "无权访问：超出本账号的角色或辖区范围",
            "forbidden: outside this account's role or jurisdiction",
        )
    }

    /// 403 with a specific reason.
    pub fn forbidden_msg(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, zh, en)
    }

    /// 403: the CSRF token is missing or wrong.
    pub fn csrf() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "请求缺少有效的 X-CSRF-Token，请刷新页面后重试",
            "missing or invalid X-CSRF-Token header; reload the page and retry",
        )
    }

    /// 404 for a named thing.
    pub fn not_found(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            format!("{} 不存在", zh.into()),
            format!("{} not found", en.into()),
        )
    }

    /// 429: too many failed logins.
    pub fn too_many_attempts(retry_after_secs: u64) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "登录失败次数过多，请约 {} 分钟后再试",
                retry_after_secs.div_ceil(60)
            ),
            format!(
                "too many failed logins; retry in about {} minutes",
                retry_after_secs.div_ceil(60)
            ),
        )
        .with("retry_after_secs", json!(retry_after_secs))
    }

    /// 500, logging the cause server-side and not leaking it.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        eprintln!("quhua-server: internal error: {cause}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "服务器内部错误",
            "internal server error",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry = self.extra.get("retry_after_secs").and_then(Value::as_u64);
        let body = crate::contract::ErrorBody {
            error: crate::contract::Message {
                zh: self.zh,
                en: self.en,
            },
            detail: self.extra,
        };
        let mut resp = (self.status, Json(body)).into_response();
        if let Some(secs) = retry
            && let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string())
        {
            resp.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        resp.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        resp
    }
}

impl From<quhua_store::StoreError> for ApiError {
    fn from(e: quhua_store::StoreError) -> Self {
        use quhua_store::StoreError as E;
        match &e {
            E::NotFound { what, what_en } => ApiError::not_found(what.clone(), what_en.clone()),
            E::Invalid { zh, en } => ApiError::bad_request(zh.clone(), en.clone()),
            _ => ApiError::internal(e),
        }
    }
}

impl From<quhua_core::scenario::ScenarioError> for ApiError {
    fn from(e: quhua_core::scenario::ScenarioError) -> Self {
        use quhua_core::scenario::ScenarioError as E;
        match &e {
            E::Invalid { op, zh, en } => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("第 {op} 项操作：{zh}"),
                format!("operation {op}: {en}"),
            )
            .with("op", json!(op)),
            E::UnknownUnit { op, .. } | E::Ambiguous { op, .. } => {
                let t = quhua_core::i18n::Bilingual::text(&e);
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, t.zh, t.en).with("op", json!(op))
            }
            E::Parse(_) | E::UnknownCounty(_) => {
                let status = if matches!(e, E::Parse(_)) {
                    StatusCode::BAD_REQUEST
                } else {
                    StatusCode::NOT_FOUND
                };
                let t = quhua_core::i18n::Bilingual::text(&e);
                ApiError::new(status, t.zh, t.en)
            }
        }
    }
}

impl From<quhua_app::AppError> for ApiError {
    fn from(e: quhua_app::AppError) -> Self {
        use quhua_app::ErrorKind as K;
        let status = match e.kind {
            K::Invalid => StatusCode::BAD_REQUEST,
            K::Forbidden => StatusCode::FORBIDDEN,
            K::NotFound => StatusCode::NOT_FOUND,
            K::Conflict => StatusCode::CONFLICT,
            K::Refused => StatusCode::UNPROCESSABLE_ENTITY,
            K::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            K::Internal => return ApiError::internal(format!("{} / {}", e.zh, e.en)),
        };
        let mut out = ApiError::new(status, e.zh, e.en);
        if let Some(Value::Object(m)) = e.detail {
            out.extra.extend(m);
        }
        out
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError::internal(e)
    }
}
