//! The task aggregate: what is to be done, by whom, by when, and its whole history.

use super::error::TaskError;
use crate::org::Actor;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// A file attached to a task, a report or a feedback item (stored elsewhere by content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// File name as uploaded.
    pub name: String,
    /// SHA-256 of the content, 64 lowercase hex digits.
    pub sha256: String,
}

impl Attachment {
    /// An attachment; refused unless `sha256` is 64 hex digits (stored lowercase).
    pub fn new(name: &str, sha256: &str) -> Result<Attachment, TaskError> {
        let h = sha256.trim().to_ascii_lowercase();
        if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(TaskError::BadSha256(sha256.to_string()));
        }
        if name.trim().is_empty() {
            return Err(TaskError::Empty("name"));
        }
        Ok(Attachment {
            name: name.trim().to_string(),
            sha256: h,
        })
    }
}

/// Where a task sits in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskLevel {
    /// A task of the plan (重点任务).
    Task,
    /// A subtask (子任务).
    Subtask,
    /// A county-level item (县级事项): one county's share of a subtask.
    CountyItem,
}

impl TaskLevel {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            TaskLevel::Task => "重点任务",
            TaskLevel::Subtask => "子任务",
            TaskLevel::CountyItem => "县级事项",
        }
    }
}

/// A quantitative target (量化指标).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Id within the task (`roads`).
    pub id: String,
    /// What is measured, in Chinese (新改建撤并建制村直连道路).
    pub metric: String,
    /// What is measured, in English.
    pub metric_en: String,
    /// Unit (公里, 名, 台, 个).
    pub unit: String,
    /// Value at the start. A target below its baseline is a reduction target.
    pub baseline: f64,
    /// Value to reach.
    pub value: f64,
    /// Deadline.
    pub deadline: Date,
}

impl Target {
    /// Share of the way from baseline to target that `reached` represents, clamped to 0–1.
    pub fn fraction(&self, reached: f64) -> f64 {
        let span = self.value - self.baseline;
        if span == 0.0 {
            return 1.0;
        }
        ((reached - self.baseline) / span).clamp(0.0, 1.0)
    }
}

/// A qualitative milestone (节点): met when a progress report says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// Id within the task.
    pub id: String,
    /// What is to be achieved, in Chinese.
    pub title: String,
    /// In English.
    pub title_en: String,
    /// Deadline.
    pub due: Date,
}

/// A task, subtask or county-level item with its history. Everything the board shows is
/// derived from the fields and `history` as of a date, so any past day can be shown again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Stable id (`6`, `6.1`, `6.3.510824`, `G-130634-codes`).
    pub id: String,
    /// Parent task id.
    pub parent: Option<String>,
    /// Level in the tree.
    pub level: TaskLevel,
    /// The plan's task group (优化资源配置 …), if any.
    pub group: Option<String>,
    /// Title in Chinese.
    pub title: String,
    /// Title in English.
    pub title_en: String,
    /// What is to be done (the plan's text).
    pub description: String,
    /// Lead units (牵头单位), organisation codes; at least one.
    pub lead: Vec<String>,
    /// Participating units (配合单位), organisation codes.
    pub participants: Vec<String>,
    /// The supervising office (督查督办) that verifies and closes, an organisation code.
    pub supervisor: String,
    /// Division codes the task concerns.
    pub divisions: Vec<String>,
    /// When the clock starts (序时进度 runs from here).
    pub start: Date,
    /// Final deadline.
    pub due: Date,
    /// Latest date an extension may reach (e.g. 12 + 6 months, 条例第十五条), if limited.
    pub extension_limit: Option<Date>,
    /// Quantitative targets.
    pub targets: Vec<Target>,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Files attached to the task itself (the plan, a work programme).
    pub attachments: Vec<Attachment>,
    /// Legal or policy basis, as cited to users (条例第十七条, the plan's article).
    pub basis: String,
    /// Whether the task's history is synthetic (示意).
    pub synthetic: bool,
    /// Everything that happened, in date order.
    pub history: Vec<TaskEvent>,
}

/// One entry of a task's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskEvent {
    /// 1-based sequence number within the task.
    pub seq: u32,
    /// Date of the event.
    pub at: Date,
    /// Who recorded it.
    pub by: Actor,
    /// What happened.
    pub kind: EventKind,
}

/// A value reached for one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reached {
    /// Target id.
    pub target: String,
    /// Cumulative value reached.
    pub value: f64,
}

/// A progress report (进度报送) by the responsible unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressReport {
    /// Values reached (cumulative).
    pub values: Vec<Reached>,
    /// Milestones met with this report.
    pub milestones_met: Vec<String>,
    /// What was done.
    pub text: String,
    /// Evidence files.
    pub evidence: Vec<Attachment>,
}

/// Which deadline an extension or escalation concerns.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Checkpoint {
    /// The task's final deadline.
    Task,
    /// A target's deadline.
    Target(String),
    /// A milestone's deadline.
    Milestone(String),
}

/// The escalation ladder (督办升级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationStep {
    /// 催办: a reminder as the deadline nears.
    Urge,
    /// 催办通知书: a written notice the day after the deadline.
    Notice,
    /// 通报: a circular after the configured working days overdue.
    Circular,
}

impl EscalationStep {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            EscalationStep::Urge => "催办",
            EscalationStep::Notice => "催办通知书",
            EscalationStep::Circular => "通报",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            EscalationStep::Urge => "reminder",
            EscalationStep::Notice => "written reminder notice",
            EscalationStep::Circular => "circular",
        }
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum EventKind {
    /// A progress report.
    Progress(ProgressReport),
    /// The responsible unit reports the task done (申请销号), with evidence.
    DoneReported {
        /// Final report.
        report: ProgressReport,
    },
    /// The supervising office verified and closed it (销号).
    Closed {
        /// Verification note.
        note: String,
    },
    /// The supervising office sent it back (退办).
    Returned {
        /// Why (one line each).
        reasons: Vec<String>,
    },
    /// An extension request (延期申请), filed before the deadline.
    ExtensionRequested {
        /// The deadline concerned.
        checkpoint: Checkpoint,
        /// The deadline in force when filed.
        current: Date,
        /// Requested new deadline.
        new_date: Date,
        /// Reason.
        reason: String,
        /// Progress so far, as stated.
        progress: String,
    },
    /// The supervising office's decision on the pending request.
    ExtensionDecided {
        /// Sequence number of the request.
        request: u32,
        /// Granted or refused.
        approved: bool,
        /// Note.
        note: String,
    },
    /// An escalation step recorded.
    Escalated {
        /// The step.
        step: EscalationStep,
        /// The deadline concerned.
        checkpoint: Checkpoint,
        /// That deadline.
        deadline: Date,
    },
    /// Lead or participating units changed by the supervising office.
    Reassigned {
        /// New lead units.
        lead: Vec<String>,
        /// New participating units.
        participants: Vec<String>,
        /// Why.
        reason: String,
    },
    /// A target's value or deadline revised by the supervising office.
    TargetRevised {
        /// Target id.
        target: String,
        /// New value.
        value: f64,
        /// New deadline.
        deadline: Date,
        /// Why.
        reason: String,
    },
}

impl Task {
    /// The target with this id.
    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// Whether an organisation leads this task.
    pub fn is_lead(&self, org: &str) -> bool {
        self.lead.iter().any(|l| l == org)
    }

    /// Events on or before `date`.
    pub fn history_until(&self, date: Date) -> impl Iterator<Item = &TaskEvent> {
        self.history.iter().take_while(move |e| e.at <= date)
    }
}

impl Task {
    /// A top-level task with one lead unit, no targets or milestones and an empty history
    /// (further fields can be set directly).
    pub fn simple(
        id: &str,
        title: &str,
        lead: &str,
        supervisor: &str,
        start: Date,
        due: Date,
    ) -> Task {
        Task {
            id: id.into(),
            parent: None,
            level: TaskLevel::Task,
            group: None,
            title: title.into(),
            title_en: String::new(),
            description: String::new(),
            lead: vec![lead.into()],
            participants: Vec::new(),
            supervisor: supervisor.into(),
            divisions: Vec::new(),
            start,
            due,
            extension_limit: None,
            targets: Vec::new(),
            milestones: Vec::new(),
            attachments: Vec::new(),
            basis: String::new(),
            synthetic: false,
            history: Vec::new(),
        }
    }
}
