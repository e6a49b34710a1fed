//! Observations: statistics kept apart from the registry's events.
//!
//! An observation is (unit, indicator, period, value, unit of measure, source). Units are
//! named by the division code in force in the period; codes are never reused, so a code
//! names one unit for ever. Values are exact fixed-point [`Amount`]s.

use crate::error::StatsError;
use quhua_core::DivisionCode;
use quhua_core::attr::Amount;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// How an indicator combines over territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// A total (population, GDP, revenue, area): summed when units merge, apportioned when split.
    Extensive,
    /// A rate or per-head figure (人均收入, 城镇化率): a weighted mean when units merge.
    Intensive,
}

impl Nature {
    /// Chinese label (总量 / 均量).
    pub fn zh(self) -> &'static str {
        match self {
            Nature::Extensive => "总量",
            Nature::Intensive => "均量",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Nature::Extensive => "extensive",
            Nature::Intensive => "intensive",
        }
    }

    /// Parses 总量/extensive/sum or 均量/强度/intensive/mean/rate.
    pub fn parse(s: &str) -> Option<Nature> {
        match s.trim().to_lowercase().as_str() {
            "总量" | "extensive" | "sum" | "total" => Some(Nature::Extensive),
            "均量" | "强度" | "比率" | "intensive" | "mean" | "rate" => {
                Some(Nature::Intensive)
            }
            _ => None,
        }
    }

    /// The usual nature of an indicator from its name and unit: per-head figures (人均…),
    /// rates (…率, %, ‰) and densities (…/km², 每…) are intensive; everything else is a total.
    pub fn guess(indicator: &str, unit: &str) -> Nature {
        let i = indicator.trim();
        let u = unit.trim();
        let intensive = i.starts_with("人均")
            || i.ends_with('率')
            || i.contains("密度")
            || i.starts_with("per_")
            || i.ends_with("_rate")
            || u.contains('%')
            || u.contains('‰')
            || u.contains('/')
            || u.starts_with('每');
        if intensive {
            Nature::Intensive
        } else {
            Nature::Extensive
        }
    }
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// The unit's code in force in the period.
    pub code: DivisionCode,
    /// Indicator key or name (e.g. `gdp`, 地区生产总值).
    pub indicator: String,
    /// The period (year).
    pub period: i32,
    /// The value.
    pub value: Amount,
    /// Unit of measure (人, 万元, km², %).
    pub unit: String,
    /// Where it came from (e.g. 曲阳县统计年鉴2024).
    pub source: String,
}

/// A table of observations, with the nature of each indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObservationTable {
    /// The figures.
    pub observations: Vec<Observation>,
    /// Nature by indicator; indicators not listed are guessed with [`Nature::guess`].
    pub natures: BTreeMap<String, Nature>,
    /// When set, every figure is on the units in force on this date (e.g. a recast table);
    /// otherwise each is on the units of its own period (its last day in force that year).
    #[serde(default)]
    pub boundaries: Option<quhua_core::date::Date>,
}

impl ObservationTable {
    /// A table from figures, natures guessed.
    pub fn new(observations: Vec<Observation>) -> Self {
        ObservationTable {
            observations,
            natures: BTreeMap::new(),
            boundaries: None,
        }
    }

    /// The nature of an indicator.
    pub fn nature(&self, indicator: &str) -> Nature {
        if let Some(n) = self.natures.get(indicator) {
            return *n;
        }
        let unit = self
            .observations
            .iter()
            .find(|o| o.indicator == indicator)
            .map(|o| o.unit.as_str())
            .unwrap_or("");
        Nature::guess(indicator, unit)
    }

    /// Distinct indicators, sorted.
    pub fn indicators(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .observations
            .iter()
            .map(|o| o.indicator.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        v.sort();
        v
    }

    /// Distinct periods, sorted.
    pub fn periods(&self) -> Vec<i32> {
        self.observations
            .iter()
            .map(|o| o.period)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// Refuses duplicates of (unit, indicator, period) and indicators with two units of measure.
    pub fn validate(&self) -> Result<(), StatsError> {
        let mut seen = HashSet::new();
        let mut units: BTreeMap<&str, &str> = BTreeMap::new();
        for o in &self.observations {
            if !seen.insert((o.code, o.indicator.as_str(), o.period)) {
                return Err(StatsError::Duplicate {
                    code: o.code,
                    indicator: o.indicator.clone(),
                    period: o.period,
                });
            }
            let u = units.entry(o.indicator.as_str()).or_insert(o.unit.as_str());
            if *u != o.unit {
                return Err(StatsError::MixedUnits {
                    indicator: o.indicator.clone(),
                    a: u.to_string(),
                    b: o.unit.clone(),
                });
            }
        }
        Ok(())
    }

    /// Total of an extensive indicator in a period.
    pub fn total(&self, indicator: &str, period: i32) -> Amount {
        self.observations
            .iter()
            .filter(|o| o.indicator == indicator && o.period == period)
            .map(|o| o.value)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natures() {
        assert_eq!(Nature::guess("人均可支配收入", "元"), Nature::Intensive);
        assert_eq!(Nature::guess("城镇化率", "%"), Nature::Intensive);
        assert_eq!(Nature::guess("地区生产总值", "万元"), Nature::Extensive);
        assert_eq!(Nature::parse("均量"), Some(Nature::Intensive));
        assert_eq!(Nature::parse("x"), None);
    }
}
