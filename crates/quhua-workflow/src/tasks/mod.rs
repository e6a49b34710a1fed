//! Follow-up task supervision (督查督办, 挂图作战, 销号).
//!
//! A [`Task`] is one aggregate: its definition (tree position, lead and participating units,
//! targets, milestones, divisions, attachments) and its whole history (progress reports,
//! completion reports, verifications and returns, extension requests and decisions,
//! escalations, reassignments, target revisions). Every view — the [`Task::state`] as of a
//! date, the [`board`], [`summary`] and [`changes_since`] — is derived from it, so the board
//! of any past day can be shown again. Actions are pure: they return the next version of the
//! task or a bilingual [`TaskError`].
//!
//! Plans come in through [`import_plan`] (TOML); an approved procedure plan yields its
//! statutory tasks through [`statutory_tasks`]; [`synthetic`] makes reproducible 示意
//! progress for the demo and the load for the benchmarks.

mod actions;
mod board;
mod config;
mod error;
mod generate;
mod import;
mod import_error;
mod import_sheets;
mod model;
mod overview;
mod state;
pub mod synthetic;
mod tree;

pub use actions::Verdict;
pub use board::{
    BoardRow, Change, SummaryBy, SummaryRow, Supervision, board, changes_since, summary,
};
pub use config::{EscalationConfig, LightConfig, SupervisionConfig};
pub use error::TaskError;
pub use generate::{RegisterNotice, StatutoryConfig, StatutoryUnits, statutory_tasks};
pub use import::{ImportError, ImportedPlan, import_plan};
pub use import_sheets::{Sheet, import_plan_sheets};
pub use model::{
    Attachment, Checkpoint, EscalationStep, EventKind, Milestone, ProgressReport, Reached, Target,
    Task, TaskEvent, TaskLevel,
};
pub use overview::{Overview, OverviewState, overview};
pub use state::{CheckpointState, Glance, Light, Status, TaskState};

#[cfg(test)]
mod tests;
