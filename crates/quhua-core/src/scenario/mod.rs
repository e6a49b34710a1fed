//! Scenarios (模拟方案): a base snapshot of one county plus ordered operations.
//!
//! Evaluation gives the resulting townships with aggregated attributes (population and area
//! conserved exactly), the indicators, and the rule findings. A [`Session`] keeps the
//! partition and its aggregates and re-evaluates incrementally after each edit, in the
//! spirit of GerryChain's updaters: only the units an operation touched are recomputed.

mod apply;
mod base;
mod error;
mod ops;
mod session;
mod state;
mod village_ops;
mod village_view;
mod villages;

pub use apply::{ApplyError, apply_scenario};
pub use base::{Base, BaseTownship, BaseVillage};
pub use error::ScenarioError;
pub use ops::{
    Fraction, MergeTarget, NewUnitSpec, NewVillageSpec, Operation, Scenario, VillageTarget,
};
pub use session::{AbolishedView, Evaluation, ResultUnitView, Session, evaluate};
pub(crate) use state::pick as state_pick;
pub use state::{ResultUnit, State};
pub use village_ops::{is_village_op, village_refs};
pub use village_view::{
    AbolishedVillageView, VillageComparison, VillageEvaluation, VillageIndicators, VillageView,
    village_indicators,
};
pub use villages::{
    ResultVillage, SHARE_SCALE, SplitShares, VillageLayer,
    converted_name as converted_village_name, share_of,
};
