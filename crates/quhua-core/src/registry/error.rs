//! Registry errors, Chinese first.

use crate::codebook::CodeBookError;
use crate::date::Date;
use crate::i18n::{Bilingual, Text};
use crate::unit::UnitId;
use quhua_codes::DivisionCode;

/// Why a registry operation was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RegistryError {
    /// No such unit, or not in force.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownUnit(UnitId),
    /// No unit carries this code.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownCode(DivisionCode),
    /// Wrong level for the operation.
    #[error("{} / {}", self.text().zh, self.text().en)]
    WrongLevel {
        /// Unit label.
        unit: String,
        /// Expected level (Chinese).
        expected: &'static str,
        /// Expected level (English).
        expected_en: &'static str,
    },
    /// Units in different counties.
    #[error("{} / {}", self.text().zh, self.text().en)]
    CrossCounty {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// Events must be appended in date order.
    #[error("{} / {}", self.text().zh, self.text().en)]
    OutOfOrder {
        /// The date asked.
        date: Date,
        /// The latest date recorded.
        last: Date,
    },
    /// A 批准文号 is required.
    #[error("{} / {}", self.text().zh, self.text().en)]
    MissingApproval,
    /// A request that makes no sense (same unit twice, empty list, same kind …).
    #[error("{} / {}", self.text().zh, self.text().en)]
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
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadGenesis {
        /// 1-based row in the list as given.
        row: usize,
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// A bug: recorded facts did not fit the state.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Internal(String),
}

impl Bilingual for RegistryError {
    fn text(&self) -> Text {
        match self {
            Self::UnknownUnit(f0) => Text::new(
                format!("单位 {f0} 不存在或已撤销"),
                format!("unit {f0} does not exist or is no longer in force"),
            ),
            Self::UnknownCode(f0) => Text::new(
                format!("代码 {f0} 未找到对应单位"),
                format!("no unit carries code {f0}"),
            ),
            Self::WrongLevel {
                unit,
                expected,
                expected_en,
            } => Text::new(
                format!("{unit} 应为{expected}单位"),
                format!("{unit} must be a {expected_en}-level unit"),
            ),
            Self::CrossCounty { a, b } => Text::new(
                format!(
                    "{a} 与 {b} 不属于同一县级单位；跨县调整属县级行政区域界线变更，须另行报批"
                ),
                format!(
                    "{a} and {b} are in different counties; a cross-county change is a county boundary change with its own approval"
                ),
            ),
            Self::OutOfOrder { date, last } => Text::new(
                format!("生效日期 {date} 早于已登记的最近一次变更（{last}）或初始名录日期"),
                format!(
                    "effective date {date} is before the latest recorded change or the initial list ({last})"
                ),
            ),
            Self::MissingApproval => Text::new(
                "缺少批准文号",
                "the approval document number (批准文号) is missing",
            ),
            Self::Invalid { zh, en } => Text::new(zh.clone(), en.clone()),
            Self::Code(e) => e.text(),
            Self::BadGenesis { row, zh, en } => Text::new(
                format!("初始名录第 {row} 行：{zh}"),
                format!("initial list row {row}: {en}"),
            ),
            Self::Internal(f0) => {
                Text::new(format!("内部错误：{f0}"), format!("internal error: {f0}"))
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_bilingual;

    #[test]
    fn registry_error_text() {
        assert_bilingual(
            &RegistryError::UnknownUnit(UnitId(3)),
            "单位 #3 不存在或已撤销",
            "unit #3 does not exist or is no longer in force",
        );
        assert_bilingual(
            &RegistryError::WrongLevel {
                unit: "130634201".into(),
                expected: "乡级",
                expected_en: "township",
            },
            "130634201 应为乡级单位",
            "130634201 must be a township-level unit",
        );
    }

    #[test]
    fn transparent_variant_delegates() {
        let inner = CodeBookError::NotInForce(DivisionCode::parse("130634201").unwrap());
        let e = RegistryError::from(inner.clone());
        assert_eq!(e.text(), inner.text());
        assert_eq!(e.to_string(), inner.to_string());
        assert_bilingual(
            &RegistryError::BadGenesis {
                row: 4,
                zh: "代码重复".into(),
                en: "duplicate code".into(),
            },
            "初始名录第 4 行：代码重复",
            "initial list row 4: duplicate code",
        );
    }
}
