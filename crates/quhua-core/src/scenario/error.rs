//! Scenario errors, Chinese first, naming the operation.

use crate::i18n::{Bilingual, Text};

/// Why a scenario cannot be evaluated. Names the 1-based operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// A unit reference matches nothing.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownUnit {
        /// 1-based operation index.
        op: usize,
        /// The reference as written.
        reference: String,
    },
    /// A name matches several units.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Ambiguous {
        /// 1-based operation index.
        op: usize,
        /// The reference.
        reference: String,
    },
    /// The operation cannot be carried out.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Invalid {
        /// 1-based operation index.
        op: usize,
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The scenario file is malformed.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Parse(String),
    /// The county is not in the snapshot.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownCounty(String),
}

impl ScenarioError {
    /// The same error naming operation `op` instead (for a session that skipped some).
    ///
    /// ```
    /// use quhua_core::scenario::ScenarioError;
    /// let e = ScenarioError::UnknownUnit { op: 2, reference: "北台乡".into() };
    /// assert!(e.with_op(5).to_string().contains("第 5 项操作"));
    /// ```
    pub fn with_op(self, op: usize) -> Self {
        match self {
            Self::UnknownUnit { reference, .. } => Self::UnknownUnit { op, reference },
            Self::Ambiguous { reference, .. } => Self::Ambiguous { op, reference },
            Self::Invalid { zh, en, .. } => Self::Invalid { op, zh, en },
            other => other,
        }
    }
}

impl Bilingual for ScenarioError {
    fn text(&self) -> Text {
        match self {
            Self::UnknownUnit { op, reference } => Text::new(
                format!("第 {op} 项操作：找不到单位“{reference}”"),
                format!("operation {op}: no unit matches \"{reference}\""),
            ),
            Self::Ambiguous { op, reference } => Text::new(
                format!("第 {op} 项操作：名称“{reference}”对应多个单位，请改用代码"),
                format!("operation {op}: \"{reference}\" matches several units; use a code"),
            ),
            Self::Invalid { op, zh, en } => Text::new(
                format!("第 {op} 项操作：{zh}"),
                format!("operation {op}: {en}"),
            ),
            Self::Parse(f0) => Text::new(
                format!("方案文件格式错误：{f0}"),
                format!("scenario file is malformed: {f0}"),
            ),
            Self::UnknownCounty(f0) => Text::new(
                format!("快照中没有县级单位 {f0}"),
                format!("county {f0} is not in the snapshot"),
            ),
        }
    }
}

impl ScenarioError {
    /// An invalid-operation error.
    pub fn invalid(op: usize, zh: impl Into<String>, en: impl Into<String>) -> Self {
        ScenarioError::Invalid {
            op,
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
    fn scenario_error_text() {
        assert_bilingual(
            &ScenarioError::UnknownUnit {
                op: 2,
                reference: "x".into(),
            },
            "第 2 项操作：找不到单位“x”",
            "operation 2: no unit matches \"x\"",
        );
        assert_bilingual(
            &ScenarioError::invalid(1, "不能合并自身", "cannot merge a unit into itself"),
            "第 1 项操作：不能合并自身",
            "operation 1: cannot merge a unit into itself",
        );
        assert_bilingual(
            &ScenarioError::UnknownCounty("130634".into()),
            "快照中没有县级单位 130634",
            "county 130634 is not in the snapshot",
        );
    }
}
