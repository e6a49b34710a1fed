//! Errors of the planner. Messages are Chinese first, then English.

use std::path::PathBuf;

/// Everything that stops [`crate::suggest`] or the CSV helpers before a scheme exists.
///
/// An *infeasible* problem is not an error: it yields an
/// [`crate::Infeasibility`] report plus best-effort schemes with violations.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// A per-unit vector does not have `n` entries.
    #[error(
        "输入长度不一致：{field} 有 {got} 项，应为 {expected} / length mismatch: {field} has {got} entries, expected {expected}"
    )]
    LengthMismatch {
        /// Which input.
        field: &'static str,
        /// Entries found.
        got: usize,
        /// Entries expected (`n`).
        expected: usize,
    },
    /// A unit index is `>= n`.
    #[error(
        "单元编号越界：{field} 中的 {unit}（共 {n} 个单元）/ unit index {unit} in {field} out of range (n = {n})"
    )]
    UnitOutOfRange {
        /// Which input.
        field: &'static str,
        /// Offending index.
        unit: u64,
        /// Number of units.
        n: usize,
    },
    /// A number is NaN, infinite or negative where that makes no sense.
    #[error("数值无效：{field}[{unit}] = {value} / invalid value: {field}[{unit}] = {value}")]
    InvalidValue {
        /// Which input.
        field: &'static str,
        /// Unit index.
        unit: usize,
        /// Value found.
        value: f64,
    },
    /// A parameter or option is inconsistent.
    #[error("参数无效：{zh} / invalid parameter: {en}")]
    InvalidParam {
        /// Chinese message.
        zh: String,
        /// English message.
        en: String,
    },
    /// The caller set the cancellation flag.
    #[error("已取消 / cancelled")]
    Cancelled,
    /// Reading a file failed.
    #[error("读取文件失败 {path}：{source} / failed to read {path}: {source}")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The CSV reader failed.
    #[error("CSV 格式错误 {path}：{source} / CSV error in {path}: {source}")]
    Csv {
        /// File.
        path: PathBuf,
        /// Cause.
        source: csv::Error,
    },
    /// A value in a CSV file is missing or malformed.
    #[error("{path} 第 {line} 行：{zh} / {path} line {line}: {en}")]
    CsvValue {
        /// File.
        path: PathBuf,
        /// 1-based line (header is line 1).
        line: u64,
        /// Chinese message.
        zh: String,
        /// English message.
        en: String,
    },
    /// The rayon thread pool could not be built.
    #[error("线程池创建失败：{0} / failed to build thread pool: {0}")]
    ThreadPool(String),
}

impl PlanError {
    pub(crate) fn param(zh: impl Into<String>, en: impl Into<String>) -> Self {
        PlanError::InvalidParam {
            zh: zh.into(),
            en: en.into(),
        }
    }
}
