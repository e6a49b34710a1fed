//! Indicators of a set of townships: counts by kind, population and area statistics,
//! the 镇+街道 share, units under the floor or over the cap, comparison with national figures.
//!
//! [`Accum`] keeps sorted multisets so that adding or removing one unit is O(log n): the
//! scenario session updates it incrementally.

use crate::attr::Amount;
use crate::policy::Policy;
use quhua_codes::TownshipKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// A multiset of amounts with a running total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Multiset {
    counts: BTreeMap<Amount, u32>,
    n: usize,
    total: Amount,
}

impl Multiset {
    /// Adds a value.
    pub fn insert(&mut self, v: Amount) {
        *self.counts.entry(v).or_default() += 1;
        self.n += 1;
        self.total += v;
    }

    /// Removes one occurrence of a value (no-op if absent).
    pub fn remove(&mut self, v: Amount) {
        if let Some(c) = self.counts.get_mut(&v) {
            *c -= 1;
            if *c == 0 {
                self.counts.remove(&v);
            }
            self.n -= 1;
            self.total -= v;
        }
    }

    /// Number of values below `x`.
    pub fn count_below(&self, x: Amount) -> usize {
        self.counts.range(..x).map(|(_, c)| *c as usize).sum()
    }

    /// Number of values above `x`.
    pub fn count_above(&self, x: Amount) -> usize {
        self.counts
            .range((std::ops::Bound::Excluded(x), std::ops::Bound::Unbounded))
            .map(|(_, c)| *c as usize)
            .sum()
    }

    /// Summary statistics.
    pub fn stats(&self) -> Stats {
        let median = if self.n == 0 {
            0.0
        } else {
            let lo = self.nth((self.n - 1) / 2);
            let hi = self.nth(self.n / 2);
            (lo.to_f64() + hi.to_f64()) / 2.0
        };
        Stats {
            n: self.n,
            total: self.total.to_f64(),
            mean: if self.n == 0 {
                0.0
            } else {
                self.total.to_f64() / self.n as f64
            },
            median,
            min: self.counts.keys().next().map_or(0.0, |a| a.to_f64()),
            max: self.counts.keys().next_back().map_or(0.0, |a| a.to_f64()),
        }
    }

    fn nth(&self, k: usize) -> Amount {
        let mut seen = 0;
        for (v, c) in &self.counts {
            seen += *c as usize;
            if seen > k {
                return *v;
            }
        }
        Amount::ZERO
    }

    /// The exact total.
    pub fn total(&self) -> Amount {
        self.total
    }
}

/// Summary statistics of one attribute over the townships.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Stats {
    /// Number of units with a value.
    pub n: usize,
    /// Total.
    pub total: f64,
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// Minimum.
    pub min: f64,
    /// Maximum.
    pub max: f64,
}

/// Accumulated contributions of the current townships.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Accum {
    /// Units by kind.
    pub by_kind: BTreeMap<TownshipKind, usize>,
    /// Population values.
    pub pop: Multiset,
    /// Area values.
    pub area: Multiset,
    /// Units in all.
    pub n: usize,
}

impl Accum {
    /// Adds a unit's contribution.
    pub fn add(&mut self, kind: TownshipKind, pop: Option<Amount>, area: Option<Amount>) {
        *self.by_kind.entry(kind).or_default() += 1;
        self.n += 1;
        if let Some(p) = pop {
            self.pop.insert(p);
        }
        if let Some(a) = area {
            self.area.insert(a);
        }
    }

    /// Removes a unit's contribution.
    pub fn remove(&mut self, kind: TownshipKind, pop: Option<Amount>, area: Option<Amount>) {
        if let Some(c) = self.by_kind.get_mut(&kind) {
            *c -= 1;
            if *c == 0 {
                self.by_kind.remove(&kind);
            }
        }
        self.n -= 1;
        if let Some(p) = pop {
            self.pop.remove(p);
        }
        if let Some(a) = area {
            self.area.remove(a);
        }
    }

    /// The indicators under a policy.
    pub fn indicators(&self, policy: &Policy) -> Indicators {
        let town_street = self.by_kind.get(&TownshipKind::Town).copied().unwrap_or(0)
            + self
                .by_kind
                .get(&TownshipKind::Subdistrict)
                .copied()
                .unwrap_or(0);
        let pop = self.pop.stats();
        let area = self.area.stats();
        let amount = |t: &Option<crate::policy::Threshold>| {
            t.as_ref().and_then(|t| Amount::from_f64(t.value))
        };
        let ratio = |x: f64, y: f64| if y > 0.0 { x / y } else { 0.0 };
        Indicators {
            count: self.n,
            by_kind: self
                .by_kind
                .iter()
                .map(|(k, c)| (k.zh().to_string(), *c))
                .collect(),
            town_street_share: ratio(town_street as f64, self.n as f64),
            population: pop,
            area_km2: area,
            under_population_floor: amount(&policy.population_floor)
                .map(|f| self.pop.count_below(f)),
            over_area_cap: amount(&policy.area_cap_km2).map(|c| self.area.count_above(c)),
            population_vs_national: ratio(pop.mean, policy.national_avg_population.value),
            area_vs_national: ratio(area.mean, policy.national_avg_area_km2.value),
            population_target: policy.population_target.as_ref().map(|t| t.value),
            population_target_met: policy
                .population_target
                .as_ref()
                .map(|t| pop.mean >= t.value),
        }
    }
}

/// What a set of townships looks like.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Indicators {
    /// Number of township-level units.
    pub count: usize,
    /// Count by kind (Chinese kind name).
    pub by_kind: BTreeMap<String, usize>,
    /// Share of 镇 + 街道.
    pub town_street_share: f64,
    /// Population statistics.
    pub population: Stats,
    /// Area statistics (km²).
    pub area_km2: Stats,
    /// Units under the policy's population floor.
    pub under_population_floor: Option<usize>,
    /// Units over the policy's area cap.
    pub over_area_cap: Option<usize>,
    /// Mean population ÷ national average.
    pub population_vs_national: f64,
    /// Mean area ÷ national average.
    pub area_vs_national: f64,
    /// The policy's population target, if any.
    pub population_target: Option<f64>,
    /// Whether the mean meets the target.
    pub population_target_met: Option<bool>,
}

/// Before and after, with the reduction.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// Before the scheme.
    pub before: Indicators,
    /// After the scheme.
    pub after: Indicators,
    /// Units removed (before − after).
    pub reduction: i64,
    /// Reduction as a share of before.
    pub reduction_share: f64,
}

impl Comparison {
    /// Compares two indicator sets.
    pub fn new(before: Indicators, after: Indicators) -> Self {
        let reduction = before.count as i64 - after.count as i64;
        let reduction_share = if before.count > 0 {
            reduction as f64 / before.count as f64
        } else {
            0.0
        };
        Comparison {
            before,
            after,
            reduction,
            reduction_share,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiset_stats() {
        let mut m = Multiset::default();
        for v in [3, 1, 2, 2, 10] {
            m.insert(Amount::from_int(v));
        }
        let s = m.stats();
        assert_eq!((s.n, s.min, s.max, s.median), (5, 1.0, 10.0, 2.0));
        assert!((s.mean - 3.6).abs() < 1e-12);
        m.remove(Amount::from_int(10));
        assert_eq!(m.stats().median, 2.0);
        assert_eq!(m.count_below(Amount::from_int(2)), 1);
        assert_eq!(m.count_above(Amount::from_int(2)), 1);
    }
}
