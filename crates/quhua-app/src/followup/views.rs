//! The typed results of the follow-up use cases (JSON for the API and `--json`).

use quhua_workflow::tasks::{Light, Status};
use serde::Serialize;

/// A light with its labels.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LightView {
    /// `done`, `green`, `blue`, `yellow` or `red`.
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
}

impl From<Light> for LightView {
    fn from(l: Light) -> Self {
        LightView {
            id: l.id().into(),
            zh: l.zh().into(),
            en: l.en().into(),
        }
    }
}

/// The life-cycle status id and labels.
pub(crate) fn status_labels(s: Status) -> (&'static str, &'static str, &'static str) {
    match s {
        Status::InProgress => ("in_progress", "推进中", "in progress"),
        Status::Reported => ("reported", "待核验", "reported, awaiting verification"),
        Status::Returned => ("returned", "已退办", "returned"),
        Status::Closed => ("closed", "已销号", "closed"),
    }
}

/// One row of the board.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TaskRow {
    /// Task id.
    pub id: String,
    /// Parent task id.
    pub parent: Option<String>,
    /// `task`, `subtask` or `item`.
    pub level: String,
    /// Task group.
    pub group: Option<String>,
    /// Title (Chinese).
    pub title: String,
    /// Title (English; may be empty).
    pub title_en: String,
    /// Lead units' names, joined with 、.
    pub lead: String,
    /// Lead units' codes.
    pub lead_codes: Vec<String>,
    /// The next open deadline.
    pub due: String,
    /// The task's own light: `blue`, `yellow`, `red`, `green` or `done`.
    pub light: String,
    /// The worst light of the task and everything below it.
    pub subtree_light: String,
    /// Progress 0–1.
    pub progress: f64,
    /// Elapsed-time share 0–1 (序时进度).
    pub schedule: f64,
    /// Status id (`in_progress`, `reported`, `returned`, `closed`).
    pub status: String,
    /// Status (Chinese).
    pub status_zh: String,
    /// Status (English).
    pub status_en: String,
    /// Division codes concerned.
    pub divisions: Vec<String>,
    /// Start of the task's clock.
    pub start: String,
    /// Whether the acting account's organisation leads it.
    pub mine: bool,
    /// Synthetic (示意) history.
    pub synthetic: bool,
}

/// Count of tasks with one light.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LightCount {
    /// The light.
    pub light: LightView,
    /// How many tasks.
    pub count: usize,
}

/// One summary line (a unit, a group).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SummaryView {
    /// Unit code or group name.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Tasks counted.
    pub total: usize,
    /// Red, yellow, blue, green, done counts, in that order.
    pub red: usize,
    /// Yellow.
    pub yellow: usize,
    /// Blue.
    pub blue: usize,
    /// Green.
    pub green: usize,
    /// Closed.
    pub done: usize,
    /// Mean progress 0–1.
    pub mean_progress: f64,
}

/// The worst light of the tasks concerning one division (the board's map).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DivisionLight {
    /// Division code.
    pub code: String,
    /// Its name in the registry, when known.
    pub name: String,
    /// The worst light.
    pub light: String,
    /// How many tasks concern it.
    pub tasks: usize,
}

/// The 挂图作战 board as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BoardView {
    /// The jurisdiction shown.
    pub scope: String,
    /// As of.
    pub date: String,
    /// The acting organisation, if any.
    pub org: Option<String>,
    /// Tasks counted per light (after the filters).
    pub lights: Vec<LightCount>,
    /// The rows (tree order; the acting organisation's own tasks first when asked).
    pub rows: Vec<TaskRow>,
    /// By lead unit.
    pub by_unit: Vec<SummaryView>,
    /// By group.
    pub by_group: Vec<SummaryView>,
    /// The worst light per division.
    pub divisions: Vec<DivisionLight>,
    /// Every group name (for the filter).
    pub groups: Vec<String>,
    /// Every lead unit (code, name) (for the filter).
    pub units: Vec<(String, String)>,
    /// Whether any task's history is synthetic (示意).
    pub synthetic: bool,
    /// The tasks before filtering.
    pub total: usize,
}

/// The summary of a jurisdiction's board without its rows (a city or a province): counts per
/// light and the summaries by lead unit, group and county.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OverviewView {
    /// The jurisdiction summarised.
    pub scope: String,
    /// As of.
    pub date: String,
    /// Tasks counted.
    pub total: usize,
    /// Tasks per light, worst first.
    pub lights: Vec<LightCount>,
    /// By lead unit.
    pub by_unit: Vec<SummaryView>,
    /// By group.
    pub by_group: Vec<SummaryView>,
    /// By county (the first six digits of the divisions a task concerns), with the county's
    /// name from the registry where it holds it.
    pub by_county: Vec<SummaryView>,
    /// Whether any task's history is synthetic (示意).
    pub synthetic: bool,
}

/// One deadline of a task as of the date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CheckpointView {
    /// `task`, `target` or `milestone`.
    pub kind: String,
    /// Target or milestone id (empty for the task).
    pub id: String,
    /// What it is (Chinese).
    pub label: String,
    /// Metric unit (targets).
    pub unit: String,
    /// Deadline in force.
    pub deadline: String,
    /// Target value in force.
    pub value: Option<f64>,
    /// Baseline (targets).
    pub baseline: Option<f64>,
    /// Value reached.
    pub reached: Option<f64>,
    /// When it was met.
    pub met: Option<String>,
    /// Progress 0–1.
    pub fraction: f64,
    /// Elapsed-time share 0–1.
    pub expected: f64,
}

/// One entry of a task's history.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EventView {
    /// Sequence number.
    pub seq: u32,
    /// Date.
    pub at: String,
    /// Account.
    pub account: String,
    /// Organisation (name).
    pub org: String,
    /// Event type (`progress`, `done_reported`, `closed`, `returned`, `extension_requested`,
    /// `extension_decided`, `escalated`, `reassigned`, `target_revised`).
    pub kind: String,
    /// What happened (Chinese).
    pub zh: String,
    /// What happened (English).
    pub en: String,
    /// Evidence files: (name, SHA-256).
    pub files: Vec<(String, String)>,
}

/// What the acting account may do on the task today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TaskPermissions {
    /// Report progress, report done, ask for an extension (a lead unit).
    pub report: bool,
    /// Verify or return a done report (the supervising office, another account).
    pub verify: bool,
    /// Decide a pending extension (the supervising office).
    pub decide_extension: bool,
    /// Record the escalation steps due (the supervising office).
    pub escalate: bool,
}

/// One task in full as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TaskView {
    /// The row (as on the board).
    pub row: TaskRow,
    /// What is to be done.
    pub description: String,
    /// Legal or policy basis.
    pub basis: String,
    /// Participating units' names.
    pub participants: String,
    /// The supervising office's name.
    pub supervisor: String,
    /// The stored version (for information; actions re-apply on conflict).
    pub version: i64,
    /// Every deadline.
    pub checkpoints: Vec<CheckpointView>,
    /// History up to the date, oldest first.
    pub history: Vec<EventView>,
    /// The pending extension request's sequence number.
    pub pending_extension: Option<u32>,
    /// The account whose done report waits for verification.
    pub reported_by: Option<String>,
    /// Escalation steps due now and not yet recorded, each with the deadline it concerns.
    pub escalations_due: Vec<super::actions::EscalatedStep>,
    /// Subtasks' ids.
    pub children: Vec<String>,
    /// What the actor may do.
    pub can: TaskPermissions,
}

/// One difference between the baseline and the date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ChangeView {
    /// Task id.
    pub id: String,
    /// Title.
    pub title: String,
    /// `status`, `light`, `due`, `lead`, `participants`, `target.<id>`, `progress`.
    pub field: String,
    /// At the baseline.
    pub before: String,
    /// At the date.
    pub after: String,
}
