//! Recasting a table of observations onto the units of another date.
//!
//! Each figure is put onto the townships in force on the target date through the crosswalk
//! from the date of its own boundaries. Extensive figures (totals) are apportioned by the
//! forward weights with exact largest-remainder rounding, so every total is preserved to the
//! last fixed-point unit; intensive figures (rates, per-head) become means weighted by the
//! measure each source contributes. Each result says how it was obtained.

mod index;
mod slots;

use crate::crosswalk::CrosswalkOptions;
use crate::error::StatsError;
use crate::observation::{Nature, Observation, ObservationTable};
use quhua_core::DivisionCode;
use quhua_core::attr::Amount;
use quhua_core::date::Date;
use quhua_core::registry::Registry;
use quhua_core::unit::UnitId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How a recast figure was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The same unit on both dates: copied.
    Unchanged,
    /// Whole units added up.
    Summed,
    /// At least one source unit was split and its figure shared out by the weights.
    Apportioned,
    /// An intensive figure: a weighted mean of its sources.
    Weighted,
}

impl Method {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Method::Unchanged => "未变",
            Method::Summed => "加总",
            Method::Apportioned => "按权重分摊",
            Method::Weighted => "加权平均",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Method::Unchanged => "unchanged",
            Method::Summed => "summed",
            Method::Apportioned => "apportioned",
            Method::Weighted => "weighted mean",
        }
    }
}

/// One recast figure. Names, indicators, units and source lists are shared between the
/// figures that have the same (a national table has millions of figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecastValue {
    /// The target township's code on the target date.
    pub code: DivisionCode,
    /// Its name.
    pub name: Arc<str>,
    /// Indicator.
    pub indicator: Arc<str>,
    /// Period.
    pub period: i32,
    /// The value.
    pub value: Amount,
    /// Unit of measure.
    pub unit: Arc<str>,
    /// How it was obtained.
    pub method: Method,
    /// The source units' codes (sorted).
    pub sources: Arc<[DivisionCode]>,
}

/// A table recast onto the townships of `to_date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recast {
    /// The target date.
    pub to_date: Date,
    /// The figures, by (code, indicator, period).
    pub values: Vec<RecastValue>,
    /// Figures of units other than townships, passed through unchanged.
    pub passed_through: Vec<Observation>,
}

impl Recast {
    /// How many figures were apportioned rather than summed or copied.
    pub fn apportioned(&self) -> usize {
        self.values
            .iter()
            .filter(|v| v.method == Method::Apportioned)
            .count()
    }

    /// The result as a table on the target date's boundaries (recast it again, e.g. back).
    pub fn to_table(&self, natures: &BTreeMap<String, Nature>) -> ObservationTable {
        let mut obs: Vec<Observation> = self
            .values
            .iter()
            .map(|v| Observation {
                code: v.code,
                indicator: v.indicator.to_string(),
                period: v.period,
                value: v.value,
                unit: v.unit.to_string(),
                source: format!(
                    "按 {} 区划口径换算 / recast onto {}",
                    self.to_date, self.to_date
                ),
            })
            .collect();
        obs.extend(self.passed_through.iter().cloned());
        ObservationTable {
            observations: obs,
            natures: natures.clone(),
            boundaries: Some(self.to_date),
        }
    }
}

/// The date whose boundaries an observation is on: the table's, or the end of its period
/// (the last day of the period the unit was in force). Figures of years before the registry
/// begins are on the boundaries of its first list.
fn boundary_date(
    reg: &Registry,
    table: &ObservationTable,
    id: UnitId,
    o: &Observation,
) -> Result<Date, StatsError> {
    if let Some(d) = table.boundaries {
        return Ok(d);
    }
    let not_in_force = || StatsError::NotInForce {
        code: o.code,
        name: reg.latest(id).map(|s| s.name.clone()).unwrap_or_default(),
        period: o.period,
    };
    let start = Date::from_ymd_opt(o.period, 1, 1).ok_or_else(not_in_force)?;
    let end = Date::from_ymd_opt(o.period, 12, 31).ok_or_else(not_in_force)?;
    let h = reg.history(id).ok_or_else(not_in_force)?;
    let first = h.first().map(|v| v.valid_from).ok_or_else(not_in_force)?;
    let last_to = h.last().and_then(|v| v.valid_to);
    // Before the registry begins nothing is known of earlier changes: a unit of its first
    // list stands on the boundaries first recorded.
    if first == reg.genesis_date() && end < first && last_to.is_none_or(|t| t > first) {
        return Ok(first);
    }
    if first > end || last_to.is_some_and(|t| t <= start) {
        return Err(not_in_force());
    }
    Ok(match last_to {
        Some(t) if t <= end => t.pred_opt().unwrap_or(t),
        _ => end,
    })
}

/// Recasts `table` onto the townships in force on `to`.
///
/// Every figure is first placed (its unit, the date of its boundaries, its source township
/// in that date's crosswalk); then each target township gathers what its sources carry to
/// it, in code order, so the result needs no sorting — in parallel over the targets.
///
/// ```
/// # use quhua_stats::observation::ObservationTable;
/// # use quhua_stats::crosswalk::{CrosswalkOptions, WeightBy};
/// # let reg = quhua_core::registry::RegistryBuilder::new()
/// #     .build(chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()).unwrap().0;
/// let empty = ObservationTable::default();
/// let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
/// let r = quhua_stats::recast::recast(&reg, &empty, to, &CrosswalkOptions::new(WeightBy::Population)).unwrap();
/// assert!(r.values.is_empty());
/// ```
pub fn recast(
    reg: &Registry,
    table: &ObservationTable,
    to: Date,
    opts: &CrosswalkOptions,
) -> Result<Recast, StatsError> {
    let interned = index::Interned::new(table)?;
    let placed = index::place(reg, table, &interned, to, opts)?;
    let values = slots::gather(table, &interned, &placed);
    Ok(Recast {
        to_date: to,
        values,
        passed_through: placed.passed,
    })
}

/// Rounds a / b to the nearest integer, halves away from zero (b > 0).
pub(crate) fn round_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    let r = a % b;
    if 2 * r.abs() >= b { q + a.signum() } else { q }
}
