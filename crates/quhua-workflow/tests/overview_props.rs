//! The overview (a province's summary without rows) agrees with the board and its summaries
//! on generated loads and dates, and its light counts agree with lights derived
//! independently from the raw definitions and history.

use proptest::prelude::*;
use quhua_core::date::Date;
use quhua_workflow::tasks::{
    Light, SummaryBy, SummaryRow, Supervision, board, overview, summary, synthetic,
};
use std::collections::BTreeMap;

mod common;
use common::lights::expected_light;

fn day(offset: i64) -> Date {
    Date::from_ymd_opt(2021, 4, 1).unwrap() + chrono::Duration::days(offset)
}

/// The same lines: keys, names, counts and lights exactly; mean progress up to the rounding
/// of summing in another order (the overview adds in parallel).
fn same(a: &[SummaryRow], b: &[SummaryRow]) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        prop_assert_eq!(
            (&x.key, &x.name, x.total, &x.lights),
            (&y.key, &y.name, y.total, &y.lights)
        );
        prop_assert!(
            (x.mean_progress - y.mean_progress).abs() < 1e-9,
            "{x:?} {y:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn overview_agrees_with_board(seed in 0u64..10_000, n in 1usize..400, reports in 0usize..12, offset in 0i64..1400) {
        let tasks = synthetic::load(seed, n, reports);
        let date = day(offset);
        let sup = Supervision { calendar: quhua_workflow::calendar::Calendar::china(), ..Supervision::default() };
        let o = overview(&tasks, date, &sup);
        let rows = board(&tasks, date, &sup);
        prop_assert_eq!(o.total, rows.len());
        same(&o.by_unit, &summary(&rows, SummaryBy::Unit, &sup))?;
        same(&o.by_group, &summary(&rows, SummaryBy::Group, &sup))?;
        same(&o.by_division, &summary(&rows, SummaryBy::Division, &sup))?;
        // Lights: derived independently of Task::state.
        let mut expected: BTreeMap<Light, usize> = Light::ALL.iter().map(|l| (*l, 0)).collect();
        for t in &tasks {
            *expected.entry(expected_light(t, date, &sup.calendar, &sup.config)).or_default() += 1;
        }
        prop_assert_eq!(&o.lights, &expected);
        // Counties: each task once per county its divisions fall in.
        let mut per_county: BTreeMap<String, usize> = BTreeMap::new();
        for t in &tasks {
            let mut cs: Vec<&str> = t.divisions.iter().map(|d| &d[..6.min(d.len())]).collect();
            cs.sort();
            cs.dedup();
            for c in cs {
                *per_county.entry(c.to_string()).or_default() += 1;
            }
        }
        let got: BTreeMap<String, usize> = o.by_county.iter().map(|r| (r.key.clone(), r.total)).collect();
        prop_assert_eq!(got, per_county);
    }
}
