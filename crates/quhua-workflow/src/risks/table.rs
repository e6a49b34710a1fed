//! The risk table (风险清单) by level and unit as of a date.

use super::model::{Risk, RiskLevel, RiskStatus};
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One line of the risk table: a unit and a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskTableRow {
    /// Organisation code (each unit concerned; the owner counts too).
    pub unit: String,
    /// Level in force.
    pub level: RiskLevel,
    /// Risks counted.
    pub total: usize,
    /// Open (化解中 or returned).
    pub open: usize,
    /// Reported, awaiting verification.
    pub reported: usize,
    /// Closed (已化解销号).
    pub closed: usize,
    /// Open past the deadline.
    pub overdue: usize,
}

/// The risk table as of `date`: one row per (unit, level) with at least one risk, sorted by
/// unit then level (most serious first). A risk counts once for every unit concerned.
///
/// ```
/// use quhua_workflow::risks::{risk_table, Risk, RiskCategory, RiskLevel};
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let r = Risk::new("R1", "债务移交", RiskCategory::AssetsDebts, RiskLevel::Major,
///     "finance", "office", d("2021-09-01"), d("2021-10-31"));
/// let t = risk_table(&[r], d("2021-11-15"));
/// assert_eq!((t[0].unit.as_str(), t[0].total, t[0].overdue), ("finance", 1, 1));
/// ```
pub fn risk_table(risks: &[Risk], date: Date) -> Vec<RiskTableRow> {
    let mut acc: BTreeMap<(String, RiskLevel), RiskTableRow> = BTreeMap::new();
    for r in risks.iter().filter(|r| r.identified <= date) {
        let st = r.state(date);
        let mut units: Vec<&String> = r.units.iter().collect();
        if !units.contains(&&r.owner) {
            units.push(&r.owner);
        }
        for u in units {
            let row = acc
                .entry((u.clone(), st.level))
                .or_insert_with(|| RiskTableRow {
                    unit: u.clone(),
                    level: st.level,
                    total: 0,
                    open: 0,
                    reported: 0,
                    closed: 0,
                    overdue: 0,
                });
            row.total += 1;
            match st.status {
                RiskStatus::Open | RiskStatus::Returned => row.open += 1,
                RiskStatus::Reported => row.reported += 1,
                RiskStatus::Closed => row.closed += 1,
            }
            if st.overdue {
                row.overdue += 1;
            }
        }
    }
    acc.into_values().collect()
}
