//! The risk register (风险清单): risk points with category, level, the units, events, tasks
//! and groups concerned, measures, owner and deadline; resolution closed (化解销号) only when a
//! different account of the supervising office verifies it; a table by level and unit.

mod actions;
mod model;
mod table;

pub use actions::RiskError;
pub use model::{
    Measure, Risk, RiskCategory, RiskEvent, RiskEventKind, RiskLevel, RiskState, RiskStatus,
};
pub use table::{RiskTableRow, risk_table};

#[cfg(test)]
mod tests;
