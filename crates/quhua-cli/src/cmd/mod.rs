//! One module per top-level command.

pub mod assembly;
pub mod audit;
pub mod backup;
pub mod boundaries;
pub mod codes;
pub mod demo;
pub mod feedback;
pub mod geo;
pub mod handover;
pub mod import;
pub mod plan;
pub mod procedure;
pub mod registry;
pub mod report;
pub mod risks;
pub mod scenario;
pub mod serve;
pub mod stats;
pub mod suggest;
mod suggest_region;
mod suggest_run;
pub mod suggest_villages;
pub mod tasks;
pub mod user;
