//! Scenario errors, Chinese first, naming the operation.

/// Why a scenario cannot be evaluated. Names the 1-based operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// A unit reference matches nothing.
    #[error(
        "第 {op} 项操作：找不到单位“{reference}” / operation {op}: no unit matches \"{reference}\""
    )]
    UnknownUnit {
        /// 1-based operation index.
        op: usize,
        /// The reference as written.
        reference: String,
    },
    /// A name matches several units.
    #[error(
        "第 {op} 项操作：名称“{reference}”对应多个单位，请改用代码 / operation {op}: \"{reference}\" matches several units; use a code"
    )]
    Ambiguous {
        /// 1-based operation index.
        op: usize,
        /// The reference.
        reference: String,
    },
    /// The operation cannot be carried out.
    #[error("第 {op} 项操作：{zh} / operation {op}: {en}")]
    Invalid {
        /// 1-based operation index.
        op: usize,
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The scenario file is malformed.
    #[error("方案文件格式错误：{0} / scenario file is malformed: {0}")]
    Parse(String),
    /// The county is not in the snapshot.
    #[error("快照中没有县级单位 {0} / county {0} is not in the snapshot")]
    UnknownCounty(String),
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
