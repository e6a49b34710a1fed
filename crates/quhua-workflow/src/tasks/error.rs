//! Why a task action is refused, in both languages.

use quhua_core::date::Date;
use quhua_core::i18n::{Bilingual, Text};

/// A refused task action or invalid task data. `Display` is "中文 / English"; [`TaskError::zh`]
/// and [`TaskError::en`] give each language alone.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TaskError {
    /// A SHA-256 that is not 64 hex digits.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadSha256(String),
    /// A required text is empty.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Empty(&'static str),
    /// The task is closed.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Closed(String),
    /// The actor is not of a lead unit.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotLead {
        /// Task id.
        task: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// The actor is not of the supervising office.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotSupervisor {
        /// Task id.
        task: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// Someone tries to verify what they reported, or their own unit's task.
    #[error("{} / {}", self.text().zh, self.text().en)]
    SelfVerification {
        /// Task id.
        task: String,
        /// Account.
        account: String,
    },
    /// Verification without a pending done report.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NothingToVerify(String),
    /// A done report while one is already pending.
    #[error("{} / {}", self.text().zh, self.text().en)]
    AlreadyReported(String),
    /// Subtasks still open.
    #[error("{} / {}", self.text().zh, self.text().en)]
    OpenSubtasks {
        /// Task id.
        task: String,
        /// Open subtask ids.
        open: String,
    },
    /// An event dated before the last one.
    #[error("{} / {}", self.text().zh, self.text().en)]
    DateOrder {
        /// Attempted date.
        at: Date,
        /// Last recorded date.
        last: Date,
    },
    /// An unknown target.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownTarget {
        /// Task id.
        task: String,
        /// Target id.
        target: String,
    },
    /// An unknown milestone.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownMilestone {
        /// Task id.
        task: String,
        /// Milestone id.
        milestone: String,
    },
    /// A value that is not finite.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadValue(String),
    /// An extension filed on or after the deadline.
    #[error("{} / {}", self.text().zh, self.text().en)]
    ExtensionTooLate {
        /// Deadline in force.
        due: Date,
        /// Filing date.
        at: Date,
    },
    /// The new date is not after the current one, or beyond the limit.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadExtensionDate {
        /// Requested date.
        new_date: Date,
        /// Deadline in force.
        due: Date,
        /// Limit text (Chinese).
        limit_zh: String,
        /// Limit text (English).
        limit_en: String,
    },
    /// A request is already pending.
    #[error("{} / {}", self.text().zh, self.text().en)]
    ExtensionPending(String),
    /// Nothing to decide.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NoExtensionPending(String),
    /// Nothing to escalate.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NothingToEscalate(String),
    /// Plan without approval.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotApproved(String),
    /// Invalid task definition.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Invalid {
        /// Task id.
        task: String,
        /// Problem (Chinese).
        zh: String,
        /// Problem (English).
        en: String,
    },
}

impl Bilingual for TaskError {
    fn text(&self) -> Text {
        match self {
            Self::BadSha256(f0) => Text::new(
                format!("“{f0}”不是SHA-256摘要（64位十六进制）"),
                format!("\"{f0}\" is not a SHA-256 digest (64 hex digits)"),
            ),
            Self::Empty(f0) => Text::new(
                format!("“{f0}”不能为空"),
                format!("\"{f0}\" must not be empty"),
            ),
            Self::Closed(f0) => Text::new(
                format!("任务“{f0}”已销号，不能再操作"),
                format!("task \"{f0}\" is closed"),
            ),
            Self::NotLead { task, account, org } => Text::new(
                format!("{account}（{org}）不是任务“{task}”的牵头单位"),
                format!("{account} ({org}) is not of a lead unit of task \"{task}\""),
            ),
            Self::NotSupervisor { task, account, org } => Text::new(
                format!("{account}（{org}）不是任务“{task}”的督办单位"),
                format!("{account} ({org}) is not of the supervising office of task \"{task}\""),
            ),
            Self::SelfVerification { task, account } => Text::new(
                format!("{account}不能为自己报送（或本单位承办）的任务“{task}”销号或退办"),
                format!(
                    "{account} cannot verify task \"{task}\": they reported it, or their own unit is responsible"
                ),
            ),
            Self::NothingToVerify(f0) => Text::new(
                format!("任务“{f0}”没有待核验的完成报告"),
                format!("task \"{f0}\" has no completion report waiting for verification"),
            ),
            Self::AlreadyReported(f0) => Text::new(
                format!("任务“{f0}”已报完成，等待核验"),
                format!("task \"{f0}\" is already reported done and waits for verification"),
            ),
            Self::OpenSubtasks { task, open } => Text::new(
                format!("任务“{task}”还有未销号的子任务：{open}"),
                format!("task \"{task}\" has open subtasks: {open}"),
            ),
            Self::DateOrder { at, last } => Text::new(
                format!("日期 {at} 早于任务最近一次记录的日期 {last}"),
                format!("date {at} is before the task's last record on {last}"),
            ),
            Self::UnknownTarget { task, target } => Text::new(
                format!("任务“{task}”没有指标“{target}”"),
                format!("task \"{task}\" has no target \"{target}\""),
            ),
            Self::UnknownMilestone { task, milestone } => Text::new(
                format!("任务“{task}”没有节点“{milestone}”"),
                format!("task \"{task}\" has no milestone \"{milestone}\""),
            ),
            Self::BadValue(f0) => Text::new(
                format!("指标“{f0}”的数值无效"),
                format!("target \"{f0}\" has an invalid value"),
            ),
            Self::ExtensionTooLate { due, at } => Text::new(
                format!("延期申请须在期限 {due} 之前提出，{at} 已不能申请"),
                format!(
                    "an extension must be filed before the deadline {due}; on {at} it is too late"
                ),
            ),
            Self::BadExtensionDate {
                new_date,
                due,
                limit_zh,
                limit_en,
            } => Text::new(
                format!("延期后的日期 {new_date} 须晚于现期限 {due}{limit_zh}"),
                format!(
                    "the new date {new_date} must be after the current deadline {due}{limit_en}"
                ),
            ),
            Self::ExtensionPending(f0) => Text::new(
                format!("任务“{f0}”已有待审批的延期申请"),
                format!("task \"{f0}\" already has a pending extension request"),
            ),
            Self::NoExtensionPending(f0) => Text::new(
                format!("任务“{f0}”没有待审批的延期申请"),
                format!("task \"{f0}\" has no pending extension request"),
            ),
            Self::NothingToEscalate(f0) => Text::new(
                format!("任务“{f0}”当前没有需要升级的督办事项"),
                format!("task \"{f0}\" has nothing to escalate now"),
            ),
            Self::NotApproved(f0) => Text::new(
                format!("方案“{f0}”尚未批复，不能生成法定任务"),
                format!("plan \"{f0}\" is not approved; statutory tasks cannot be generated"),
            ),
            Self::Invalid { task, zh, en } => Text::new(
                format!("任务“{task}”定义有误：{zh}"),
                format!("task \"{task}\" is invalid: {en}"),
            ),
        }
    }
}

impl TaskError {
    /// The Chinese message.
    pub fn zh(&self) -> String {
        self.text().zh
    }

    /// The English message.
    pub fn en(&self) -> String {
        self.text().en
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn task_error_text() {
        let e = TaskError::NotLead {
            task: "T1".into(),
            account: "li".into(),
            org: "mzj".into(),
        };
        assert_bilingual(
            &e,
            "li（mzj）不是任务“T1”的牵头单位",
            "li (mzj) is not of a lead unit of task \"T1\"",
        );
        assert_eq!(e.zh(), e.text().zh);
        assert_eq!(e.en(), e.text().en);
        assert_bilingual(
            &TaskError::BadExtensionDate {
                new_date: Date::from_ymd_opt(2024, 1, 1).unwrap(),
                due: Date::from_ymd_opt(2024, 2, 1).unwrap(),
                limit_zh: String::new(),
                limit_en: String::new(),
            },
            "延期后的日期 2024-01-01 须晚于现期限 2024-02-01",
            "the new date 2024-01-01 must be after the current deadline 2024-02-01",
        );
        assert_bilingual(
            &TaskError::Empty("title"),
            "“title”不能为空",
            "\"title\" must not be empty",
        );
    }
}
