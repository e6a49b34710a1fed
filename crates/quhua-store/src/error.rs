//! Store errors, Chinese first, then English.

use quhua_core::registry::RegistryError;

/// Result alias of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Why a store operation failed. A failed write stores nothing (its transaction is rolled back).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no supported backend.
    #[error(
        "无法识别的数据库地址“{0}”（应为 sqlite:路径、文件路径或 postgres://…） / unrecognised database URL \"{0}\" (expected sqlite:PATH, a file path or postgres://…)"
    )]
    BadUrl(String),
    /// SQLite reported an error.
    #[error("SQLite 数据库错误：{0} / SQLite error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL reported an error.
    #[error("PostgreSQL 数据库错误：{detail} / PostgreSQL error: {detail}", detail = pg_detail(.0))]
    Postgres(#[from] postgres::Error),
    /// Reading or writing a file failed.
    #[error("文件读写失败：{0} / I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// JSON (de)serialisation failed.
    #[error("JSON 序列化失败：{0} / JSON (de)serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer version of quhua.
    #[error(
        "数据库结构版本 {found} 高于本程序支持的 {supported}，请升级 quhua / the database schema version {found} is newer than this program supports ({supported}); upgrade quhua"
    )]
    SchemaTooNew {
        /// Version found in the database.
        found: i64,
        /// Latest version known to this build.
        supported: i64,
    },
    /// An applied migration differs from the one shipped (edited after release).
    #[error(
        "已执行的迁移 {version}（{name}）与程序内置版本不一致 / applied migration {version} ({name}) differs from the shipped one"
    )]
    MigrationMismatch {
        /// Migration number.
        version: i64,
        /// Migration name.
        name: String,
    },
    /// A scenario was changed by someone else since it was read.
    #[error(
        "方案 {id} 已被他人修改（当前版本 {current_version}），请基于最新内容重试 / scenario {id} was changed by someone else (now version {current_version}); retry on the current body"
    )]
    Conflict {
        /// Scenario id.
        id: i64,
        /// The version now stored.
        current_version: i64,
        /// The body now stored.
        current_body: String,
    },
    /// No such record.
    #[error("{what} 不存在 / {what_en} not found")]
    NotFound {
        /// Chinese description.
        what: String,
        /// English description.
        what_en: String,
    },
    /// Nothing has been imported yet.
    #[error(
        "数据库中尚无区划名录，请先导入 / no registry has been imported into this database yet"
    )]
    NoRegistry,
    /// An event does not fit the stored registry (sequence, date, unknown unit, reused code …).
    #[error("变更事件不能登记：{zh} / the change event cannot be recorded: {en}")]
    EventRejected {
        /// Chinese reason.
        zh: String,
        /// English reason.
        en: String,
    },
    /// Invalid input (e.g. a policy that does not parse).
    #[error("输入无效：{zh} / invalid input: {en}")]
    Invalid {
        /// Chinese reason.
        zh: String,
        /// English reason.
        en: String,
    },
    /// Stored data does not rebuild into a registry.
    #[error("数据库内容无法重建区划名录：{0} / stored data does not rebuild into a registry: {0}")]
    Rebuild(#[from] RegistryError),
    /// A backup or restore could not be made or did not verify.
    #[error("备份或恢复未完成：{zh} / backup or restore not done: {en}")]
    Backup {
        /// Chinese reason.
        zh: String,
        /// English reason.
        en: String,
    },
    /// Stored data is malformed (a bug or tampering).
    #[error("数据库内容损坏：{0} / stored data is malformed: {0}")]
    Corrupt(String),
}

/// The server's message (and SQLSTATE) when there is one; the driver's text otherwise.
fn pg_detail(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} [{}]", db.message(), db.code().code()),
        None => match std::error::Error::source(e) {
            Some(src) => format!("{e}: {src}"),
            None => e.to_string(),
        },
    }
}

impl StoreError {
    pub(crate) fn rejected(zh: impl Into<String>, en: impl Into<String>) -> Self {
        StoreError::EventRejected {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn invalid(zh: impl Into<String>, en: impl Into<String>) -> Self {
        StoreError::Invalid {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn backup(zh: impl Into<String>, en: impl Into<String>) -> Self {
        StoreError::Backup {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn not_found(what: impl Into<String>, what_en: impl Into<String>) -> Self {
        StoreError::NotFound {
            what: what.into(),
            what_en: what_en.into(),
        }
    }
}
