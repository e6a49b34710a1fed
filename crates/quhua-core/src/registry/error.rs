//! Registry errors, Chinese first.

use crate::codebook::CodeBookError;
use crate::date::Date;
use crate::unit::UnitId;
use quhua_codes::DivisionCode;

/// Why a registry operation was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RegistryError {
    /// No such unit, or not in force.
    #[error("单位 {0} 不存在或已撤销 / unit {0} does not exist or is no longer in force")]
    UnknownUnit(UnitId),
    /// No unit carries this code.
    #[error("代码 {0} 未找到对应单位 / no unit carries code {0}")]
    UnknownCode(DivisionCode),
    /// Wrong level for the operation.
    #[error("{unit} 应为{expected}单位 / {unit} must be a {expected_en}-level unit")]
    WrongLevel {
        /// Unit label.
        unit: String,
        /// Expected level (Chinese).
        expected: &'static str,
        /// Expected level (English).
        expected_en: &'static str,
    },
    /// Units in different counties.
    #[error(
        "{a} 与 {b} 不属于同一县级单位；跨县调整属县级行政区域界线变更，须另行报批 / {a} and {b} are in different counties; a cross-county change is a county boundary change with its own approval"
    )]
    CrossCounty {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// Events must be appended in date order.
    #[error(
        "生效日期 {date} 早于已登记的最近一次变更（{last}）或初始名录日期 / effective date {date} is before the latest recorded change or the initial list ({last})"
    )]
    OutOfOrder {
        /// The date asked.
        date: Date,
        /// The latest date recorded.
        last: Date,
    },
    /// A 批准文号 is required.
    #[error("缺少批准文号 / the approval document number (批准文号) is missing")]
    MissingApproval,
    /// A request that makes no sense (same unit twice, empty list, same kind …).
    #[error("{zh} / {en}")]
    Invalid {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// A code rule was broken.
    #[error(transparent)]
    Code(#[from] CodeBookError),
    /// The initial list is inconsistent.
    #[error("初始名录第 {row} 行：{zh} / initial list row {row}: {en}")]
    BadGenesis {
        /// 1-based row in the list as given.
        row: usize,
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// A bug: recorded facts did not fit the state.
    #[error("内部错误：{0} / internal error: {0}")]
    Internal(String),
}

impl RegistryError {
    /// An invalid-request error from both texts.
    pub fn invalid(zh: impl Into<String>, en: impl Into<String>) -> Self {
        RegistryError::Invalid {
            zh: zh.into(),
            en: en.into(),
        }
    }
}
