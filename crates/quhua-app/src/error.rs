//! The error every use case returns: what went wrong in both languages, as data, and its
//! kind (which the HTTP adapter maps to a status and the CLI to an exit message).

use quhua_core::i18n::{Bilingual, Text};
use serde::Serialize;

/// What kind of failure (one per HTTP status the adapters answer with).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Malformed input (400).
    Invalid,
    /// The role or jurisdiction does not allow this (403).
    Forbidden,
    /// No such thing, or not visible to this actor (404).
    NotFound,
    /// Someone else changed it first (409).
    Conflict,
    /// Well-formed but refused by the domain: a step before its prerequisites, an unknown
    /// unit in a scheme (422).
    Refused,
    /// Too large (413).
    TooLarge,
    /// A fault of the system (500).
    Internal,
}

/// A failed use case.
#[derive(Debug, Clone, thiserror::Error, Serialize)]
#[error("{zh} / {en}")]
pub struct AppError {
    /// What kind.
    pub kind: ErrorKind,
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
    /// Structured details (e.g. the current version and body on a conflict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

/// Result of a use case.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// An error of a kind with both messages.
    pub fn new(kind: ErrorKind, zh: impl Into<String>, en: impl Into<String>) -> AppError {
        AppError {
            kind,
            zh: zh.into(),
            en: en.into(),
            detail: None,
        }
    }

    /// Adds structured details.
    pub fn with_detail(mut self, detail: serde_json::Value) -> AppError {
        self.detail = Some(detail);
        self
    }

    /// 400.
    pub fn invalid(zh: impl Into<String>, en: impl Into<String>) -> AppError {
        Self::new(ErrorKind::Invalid, zh, en)
    }

    /// 422.
    pub fn refused(zh: impl Into<String>, en: impl Into<String>) -> AppError {
        Self::new(ErrorKind::Refused, zh, en)
    }

    /// 403 for a role or jurisdiction.
    pub fn forbidden(zh: impl Into<String>, en: impl Into<String>) -> AppError {
        Self::new(ErrorKind::Forbidden, zh, en)
    }

    /// 404 for a named thing.
    pub fn not_found(zh: impl std::fmt::Display, en: impl std::fmt::Display) -> AppError {
        Self::new(
            ErrorKind::NotFound,
            format!("{zh} 不存在"),
            format!("{en} not found"),
        )
    }

    /// 500, keeping the cause for the log.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        Self::new(
            ErrorKind::Internal,
            format!("系统内部错误：{cause}"),
            format!("internal error: {cause}"),
        )
    }
}

impl From<quhua_store::StoreError> for AppError {
    fn from(e: quhua_store::StoreError) -> Self {
        use quhua_store::StoreError as E;
        match e {
            E::NotFound { what, what_en } => AppError::not_found(what, what_en),
            E::Invalid { zh, en } => AppError::invalid(zh, en),
            E::Conflict {
                id,
                current_version,
                current_body,
            } => AppError::new(
                ErrorKind::Conflict,
                format!("记录 {id} 已被他人修改（当前版本 {current_version}），请查看对方版本后重试"),
                format!("record {id} was changed by someone else (now version {current_version}); review it and retry"),
            )
            .with_detail(serde_json::json!({
                "current_version": current_version,
                "current_body": current_body,
            })),
            other => AppError::internal(other),
        }
    }
}

impl From<quhua_workflow::procedure::ProcedureError> for AppError {
    fn from(e: quhua_workflow::procedure::ProcedureError) -> Self {
        let Text { zh, en } = e.text();
        AppError::refused(zh, en)
    }
}

impl From<quhua_core::scenario::ScenarioError> for AppError {
    fn from(e: quhua_core::scenario::ScenarioError) -> Self {
        use quhua_core::scenario::ScenarioError as E;
        match &e {
            E::Invalid { op, zh, en } => AppError::refused(
                format!("第 {op} 项操作：{zh}"),
                format!("operation {op}: {en}"),
            )
            .with_detail(serde_json::json!({ "op": op })),
            _ => {
                let Text { zh, en } = e.text();
                let kind = match e {
                    E::Parse(_) => ErrorKind::Invalid,
                    E::UnknownCounty(_) => ErrorKind::NotFound,
                    _ => ErrorKind::Refused,
                };
                AppError::new(kind, zh, en)
            }
        }
    }
}

impl From<quhua_core::scenario::ApplyError> for AppError {
    fn from(e: quhua_core::scenario::ApplyError) -> Self {
        let Text { zh, en } = e.text();
        AppError::refused(zh, en)
    }
}

impl From<quhua_core::registry::RegistryError> for AppError {
    fn from(e: quhua_core::registry::RegistryError) -> Self {
        let Text { zh, en } = e.text();
        AppError::refused(zh, en)
    }
}

impl From<quhua_codes::CodeError> for AppError {
    fn from(e: quhua_codes::CodeError) -> Self {
        let (zh, en) = e.zh_en();
        AppError::invalid(zh, en)
    }
}

impl From<quhua_optimize::PlanError> for AppError {
    fn from(e: quhua_optimize::PlanError) -> Self {
        if matches!(e, quhua_optimize::PlanError::Cancelled) {
            return AppError::refused("已取消", "cancelled");
        }
        let (zh, en) = crate::text::split_pair(&e.to_string());
        AppError::refused(zh, en)
    }
}

impl From<quhua_demo::DemoError> for AppError {
    fn from(e: quhua_demo::DemoError) -> Self {
        AppError::internal(e)
    }
}

impl From<quhua_io::IoError> for AppError {
    fn from(e: quhua_io::IoError) -> Self {
        let (zh, en) = crate::text::split_pair(&e.to_string());
        AppError::invalid(zh, en)
    }
}

/// A statistics error (its message is "中文 / English") as a refusal naming the unit.
pub(crate) fn stats_err(e: quhua_stats::StatsError) -> AppError {
    let (zh, en) = crate::text::split_pair(&e.to_string());
    AppError::refused(zh, en)
}
