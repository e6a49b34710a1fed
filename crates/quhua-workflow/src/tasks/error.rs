//! Why a task action is refused, in both languages.

use quhua_core::date::Date;

/// A refused task action or invalid task data. `Display` is "中文 / English"; [`TaskError::zh`]
/// and [`TaskError::en`] give each language alone.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TaskError {
    /// A SHA-256 that is not 64 hex digits.
    #[error(
        "“{0}”不是SHA-256摘要（64位十六进制） / \"{0}\" is not a SHA-256 digest (64 hex digits)"
    )]
    BadSha256(String),
    /// A required text is empty.
    #[error("“{0}”不能为空 / \"{0}\" must not be empty")]
    Empty(&'static str),
    /// The task is closed.
    #[error("任务“{0}”已销号，不能再操作 / task \"{0}\" is closed")]
    Closed(String),
    /// The actor is not of a lead unit.
    #[error(
        "{account}（{org}）不是任务“{task}”的牵头单位 / {account} ({org}) is not of a lead unit of task \"{task}\""
    )]
    NotLead {
        /// Task id.
        task: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// The actor is not of the supervising office.
    #[error(
        "{account}（{org}）不是任务“{task}”的督办单位 / {account} ({org}) is not of the supervising office of task \"{task}\""
    )]
    NotSupervisor {
        /// Task id.
        task: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// Someone tries to verify what they reported, or their own unit's task.
    #[error(
        "{account}不能为自己报送（或本单位承办）的任务“{task}”销号或退办 / {account} cannot verify task \"{task}\": they reported it, or their own unit is responsible"
    )]
    SelfVerification {
        /// Task id.
        task: String,
        /// Account.
        account: String,
    },
    /// Verification without a pending done report.
    #[error(
        "任务“{0}”没有待核验的完成报告 / task \"{0}\" has no completion report waiting for verification"
    )]
    NothingToVerify(String),
    /// A done report while one is already pending.
    #[error(
        "任务“{0}”已报完成，等待核验 / task \"{0}\" is already reported done and waits for verification"
    )]
    AlreadyReported(String),
    /// Subtasks still open.
    #[error("任务“{task}”还有未销号的子任务：{open} / task \"{task}\" has open subtasks: {open}")]
    OpenSubtasks {
        /// Task id.
        task: String,
        /// Open subtask ids.
        open: String,
    },
    /// An event dated before the last one.
    #[error(
        "日期 {at} 早于任务最近一次记录的日期 {last} / date {at} is before the task's last record on {last}"
    )]
    DateOrder {
        /// Attempted date.
        at: Date,
        /// Last recorded date.
        last: Date,
    },
    /// An unknown target.
    #[error("任务“{task}”没有指标“{target}” / task \"{task}\" has no target \"{target}\"")]
    UnknownTarget {
        /// Task id.
        task: String,
        /// Target id.
        target: String,
    },
    /// An unknown milestone.
    #[error("任务“{task}”没有节点“{milestone}” / task \"{task}\" has no milestone \"{milestone}\"")]
    UnknownMilestone {
        /// Task id.
        task: String,
        /// Milestone id.
        milestone: String,
    },
    /// A value that is not finite.
    #[error("指标“{0}”的数值无效 / target \"{0}\" has an invalid value")]
    BadValue(String),
    /// An extension filed on or after the deadline.
    #[error(
        "延期申请须在期限 {due} 之前提出，{at} 已不能申请 / an extension must be filed before the deadline {due}; on {at} it is too late"
    )]
    ExtensionTooLate {
        /// Deadline in force.
        due: Date,
        /// Filing date.
        at: Date,
    },
    /// The new date is not after the current one, or beyond the limit.
    #[error(
        "延期后的日期 {new_date} 须晚于现期限 {due}{limit_zh} / the new date {new_date} must be after the current deadline {due}{limit_en}"
    )]
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
    #[error("任务“{0}”已有待审批的延期申请 / task \"{0}\" already has a pending extension request")]
    ExtensionPending(String),
    /// Nothing to decide.
    #[error("任务“{0}”没有待审批的延期申请 / task \"{0}\" has no pending extension request")]
    NoExtensionPending(String),
    /// Nothing to escalate.
    #[error("任务“{0}”当前没有需要升级的督办事项 / task \"{0}\" has nothing to escalate now")]
    NothingToEscalate(String),
    /// Plan without approval.
    #[error(
        "方案“{0}”尚未批复，不能生成法定任务 / plan \"{0}\" is not approved; statutory tasks cannot be generated"
    )]
    NotApproved(String),
    /// Invalid task definition.
    #[error("任务“{task}”定义有误：{zh} / task \"{task}\" is invalid: {en}")]
    Invalid {
        /// Task id.
        task: String,
        /// Problem (Chinese).
        zh: String,
        /// Problem (English).
        en: String,
    },
}

impl TaskError {
    /// The Chinese message.
    pub fn zh(&self) -> String {
        split(&self.to_string(), 0)
    }

    /// The English message.
    pub fn en(&self) -> String {
        split(&self.to_string(), 1)
    }
}

/// Part `i` of a "中文 / English" message.
pub(crate) fn split(s: &str, i: usize) -> String {
    match s.split_once(" / ") {
        Some((zh, en)) => if i == 0 { zh } else { en }.to_string(),
        None => s.to_string(),
    }
}
