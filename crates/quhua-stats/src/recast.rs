//! Recasting a table of observations onto the units of another date.
//!
//! Each figure is put onto the townships in force on the target date through the crosswalk
//! from the date of its own boundaries. Extensive figures (totals) are apportioned by the
//! forward weights with exact largest-remainder rounding, so every total is preserved to the
//! last fixed-point unit; intensive figures (rates, per-head) become means weighted by the
//! measure each source contributes. Each result says how it was obtained.

use crate::apportion::apportion;
use crate::crosswalk::{Crosswalk, CrosswalkOptions, state_at};
use crate::error::StatsError;
use crate::observation::{Nature, Observation, ObservationTable};
use quhua_core::DivisionCode;
use quhua_core::attr::Amount;
use quhua_core::date::Date;
use quhua_core::registry::Registry;
use quhua_core::unit::UnitId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// One recast figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecastValue {
    /// The target township's code on the target date.
    pub code: DivisionCode,
    /// Its name.
    pub name: String,
    /// Indicator.
    pub indicator: String,
    /// Period.
    pub period: i32,
    /// The value.
    pub value: Amount,
    /// Unit of measure.
    pub unit: String,
    /// How it was obtained.
    pub method: Method,
    /// The source units' codes.
    pub sources: Vec<DivisionCode>,
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
                indicator: v.indicator.clone(),
                period: v.period,
                value: v.value,
                unit: v.unit.clone(),
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
/// (the last day of the period the unit was in force).
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
    if first > end || last_to.is_some_and(|t| t <= start) {
        return Err(not_in_force());
    }
    Ok(match last_to {
        Some(t) if t <= end => t.pred_opt().unwrap_or(t),
        _ => end,
    })
}

#[derive(Default)]
struct Acc {
    sum: i128,
    wsum: i128,
    method: Option<Method>,
    sources: BTreeSet<DivisionCode>,
}

/// Recasts `table` onto the townships in force on `to`.
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
    table.validate()?;
    // Group the township figures by the date of their boundaries.
    let mut by_date: BTreeMap<Date, Vec<(usize, UnitId)>> = BTreeMap::new();
    let mut passed = Vec::new();
    let mut units: HashMap<DivisionCode, UnitId> = HashMap::new();
    for (i, o) in table.observations.iter().enumerate() {
        let id = match units.get(&o.code) {
            Some(id) => *id,
            None => {
                let id = reg
                    .unit_by_code(o.code)
                    .map_err(|_| StatsError::UnknownCode {
                        code: o.code,
                        context: format!("{} {}", o.indicator, o.period),
                    })?;
                units.insert(o.code, id);
                id
            }
        };
        let d = boundary_date(reg, table, id, o)?;
        if state_at(reg, id, d).is_some_and(|s| s.level() == quhua_core::Level::Township) {
            by_date.entry(d).or_default().push((i, id));
        } else {
            passed.push(o.clone());
        }
    }
    let natures: HashMap<&str, Nature> = table
        .indicators()
        .into_iter()
        .map(|k| {
            let n = table.nature(&k);
            (
                table
                    .observations
                    .iter()
                    .find(|o| o.indicator == k)
                    .map(|o| o.indicator.as_str())
                    .unwrap_or(""),
                n,
            )
        })
        .collect();
    let mut acc: HashMap<(UnitId, &str, i32), Acc> = HashMap::new();
    let mut target_ref: HashMap<UnitId, (DivisionCode, String)> = HashMap::new();
    let mut units_of: HashMap<&str, &str> = HashMap::new();
    for (date, items) in &by_date {
        let cw = Crosswalk::build(reg, *date, to, opts)?;
        for u in &cw.to_units {
            target_ref
                .entry(u.id)
                .or_insert_with(|| (u.code, u.name.clone()));
        }
        for &(i, id) in items {
            let o = &table.observations[i];
            units_of
                .entry(o.indicator.as_str())
                .or_insert(o.unit.as_str());
            let Some(fi) = cw.from_index(id) else {
                return Err(StatsError::UnknownCode {
                    code: o.code,
                    context: format!(
                        "{} {}：不在所选范围内 / outside the selected county",
                        o.indicator, o.period
                    ),
                });
            };
            let links = cw.links_from(fi);
            let nature = natures
                .get(o.indicator.as_str())
                .copied()
                .unwrap_or(Nature::Extensive);
            match nature {
                Nature::Extensive => {
                    let weights: Vec<i128> =
                        links.iter().map(|l| cw.forward_fraction(l).0).collect();
                    let parts = apportion(o.value, &weights);
                    for (l, part) in links.iter().zip(parts) {
                        let t = cw.to_units[l.to].id;
                        let a = acc.entry((t, o.indicator.as_str(), o.period)).or_default();
                        a.sum += part.0 as i128;
                        let m = if links.len() > 1 || l.split {
                            Method::Apportioned
                        } else if t == id && a.method.is_none() {
                            Method::Unchanged
                        } else {
                            Method::Summed
                        };
                        a.method = Some(match (a.method, m) {
                            (None, m) => m,
                            (Some(Method::Apportioned), _) | (_, Method::Apportioned) => {
                                Method::Apportioned
                            }
                            _ => Method::Summed,
                        });
                        a.sources.insert(o.code);
                    }
                }
                Nature::Intensive => {
                    for l in links {
                        let t = cw.to_units[l.to].id;
                        let a = acc.entry((t, o.indicator.as_str(), o.period)).or_default();
                        // Measure in fixed-point units; village counts when nothing is measured.
                        let w = if cw.to_total[l.to] > 0 {
                            l.measure
                        } else {
                            l.villages as i128
                        };
                        a.sum += o.value.0 as i128 * w;
                        a.wsum += w;
                        let single = links.len() == 1 && t == id && a.method.is_none();
                        a.method = Some(if single {
                            Method::Unchanged
                        } else {
                            Method::Weighted
                        });
                        a.sources.insert(o.code);
                    }
                }
            }
        }
    }
    let mut values: Vec<RecastValue> = acc
        .into_iter()
        .filter_map(|((t, ind, period), a)| {
            let (code, name) = target_ref.get(&t).cloned()?;
            let nature = natures.get(ind).copied().unwrap_or(Nature::Extensive);
            let value = match nature {
                Nature::Extensive => Amount(a.sum as i64),
                Nature::Intensive => Amount(if a.wsum > 0 {
                    round_div(a.sum, a.wsum) as i64
                } else {
                    0
                }),
            };
            Some(RecastValue {
                code,
                name,
                indicator: ind.to_string(),
                period,
                value,
                unit: units_of.get(ind).map(|s| s.to_string()).unwrap_or_default(),
                method: a.method.unwrap_or(Method::Summed),
                sources: a.sources.into_iter().collect(),
            })
        })
        .collect();
    values.sort_by(|a, b| (a.code, &a.indicator, a.period).cmp(&(b.code, &b.indicator, b.period)));
    Ok(Recast {
        to_date: to,
        values,
        passed_through: passed,
    })
}

/// Rounds a / b to the nearest integer, halves away from zero (b > 0).
fn round_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    let r = a % b;
    if 2 * r.abs() >= b { q + a.signum() } else { q }
}
