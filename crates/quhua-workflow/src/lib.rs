//! quhua-workflow: the statutory procedure and the follow-up registers, as pure domain logic.
//!
//! - [`procedure`]: a plan (报批方案) through the steps of the 行政区划管理条例 (2018), with
//!   gating, consultation, returns for revision, approval and the statutory clocks;
//! - [`org`]: organisations (the county's departments, the leadership-group office, township
//!   governments, city and province) that accounts belong to and that steps and tasks name.
//!
//! Storage, authorization and rendering live elsewhere (quhua-store, quhua-app, the adapters).

pub mod calendar;
pub mod org;
pub mod procedure;
pub mod tasks;
