//! quhua-core: the domain of township-level division adjustments (乡镇行政区划调整).
//!
//! Pure: no IO, no async. Everything else in quhua stands on these types:
//! - [`unit`]: units (区划单位) with stable ids, kinds, flags, seats and attributes;
//! - [`attr`]: exact fixed-point attribute amounts, so totals are conserved exactly;
//! - [`codebook`]: codes as time-versioned attributes; retired codes are never reused (废码不用);
//! - [`event`]: typed change events (撤销并入, 合并设立, 撤乡设镇, …) with lineage down to villages;
//! - [`registry`]: the event-sourced registry, snapshots as of any date, lineage queries;
//! - [`scenario`]: draft schemes (模拟方案) evaluated incrementally;
//! - [`indicators`], [`rules`], [`policy`]: what a scheme does and which rules it breaks.

pub mod attr;
pub mod codebook;
pub mod date;
pub mod event;
pub mod i18n;
pub mod indicators;
pub mod policy;
pub mod registry;
pub mod rules;
pub mod scenario;
pub mod snapshot;
pub mod synth;
pub mod unit;

pub use quhua_codes as codes;
pub use quhua_codes::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind};
