//! The overview (a province's summary without rows) agrees with the board and its summaries
//! on generated loads and dates, and its light counts agree with lights derived
//! independently from the raw definitions and history.

use proptest::prelude::*;
use quhua_core::date::Date;
use quhua_workflow::tasks::{
    Light, OverviewState, SummaryBy, SummaryRow, Supervision, Task, board, overview, summary,
    synthetic,
};
use std::collections::BTreeMap;

mod common;
use common::lights::expected_light;

/// A generated load where every second parent has no target of its own, so that its
/// progress is rolled up from its children.
fn load(seed: u64, n: usize, reports: usize) -> Vec<Task> {
    let mut tasks = synthetic::load(seed, n, reports);
    for t in tasks.iter_mut().take(n / 10).step_by(2) {
        t.targets.clear();
        t.milestones.clear();
    }
    tasks
}

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
        let tasks = load(seed, n, reports);
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

/// One edit of a stored task list, as a write to the store would make it.
#[derive(Debug, Clone)]
enum Edit {
    /// A report withdrawn or the history cut (progress and light move).
    CutHistory(usize, usize),
    /// Another task's history (reports, verification, closure, reassignment …).
    TakeHistory(usize, usize),
    /// Divisions and group of another task.
    TakeKeys(usize, usize),
    /// Another lead unit.
    TakeLead(usize, usize),
    /// Another parent (or none).
    Reparent(usize, Option<usize>),
    /// New tasks at the end, some under existing parents.
    Append(u64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..10_000;
    prop_oneof![
        4 => (i.clone(), 0usize..12).prop_map(|(a, k)| Edit::CutHistory(a, k)),
        4 => (i.clone(), i.clone()).prop_map(|(a, b)| Edit::TakeHistory(a, b)),
        2 => (i.clone(), i.clone()).prop_map(|(a, b)| Edit::TakeKeys(a, b)),
        2 => (i.clone(), i.clone()).prop_map(|(a, b)| Edit::TakeLead(a, b)),
        1 => (i.clone(), proptest::option::of(i)).prop_map(|(a, b)| Edit::Reparent(a, b)),
        1 => (0u64..1000, 1usize..40).prop_map(|(s, n)| Edit::Append(s, n)),
    ]
}

/// Applies an edit; returns the positions replaced.
fn apply(tasks: &mut Vec<Task>, e: &Edit) -> Vec<usize> {
    let n = tasks.len();
    match *e {
        Edit::CutHistory(a, k) => {
            let a = a % n;
            let keep = tasks[a].history.len().min(k);
            tasks[a].history.truncate(keep);
            vec![a]
        }
        Edit::TakeHistory(a, b) => {
            let (a, b) = (a % n, b % n);
            tasks[a].history = tasks[b].history.clone();
            vec![a]
        }
        Edit::TakeKeys(a, b) => {
            let (a, b) = (a % n, b % n);
            tasks[a].divisions = tasks[b].divisions.clone();
            tasks[a].group = tasks[b].group.clone();
            vec![a]
        }
        Edit::TakeLead(a, b) => {
            let (a, b) = (a % n, b % n);
            tasks[a].lead = tasks[b].lead.clone();
            vec![a]
        }
        Edit::Reparent(a, b) => {
            let a = a % n;
            tasks[a].parent = b
                .map(|b| tasks[b % n].id.clone())
                .filter(|p| *p != tasks[a].id);
            vec![a]
        }
        Edit::Append(seed, k) => {
            let mut more = synthetic::load(seed, k, 4);
            for (j, t) in more.iter_mut().enumerate() {
                t.id = format!("N{n}-{j}");
                if j % 2 == 0 {
                    t.parent = Some(tasks[(seed as usize + j) % n].id.clone());
                }
            }
            tasks.extend(more);
            Vec::new()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// After every batch of edits, the kept overview brought up to date with the replaced
    /// positions equals the overview computed afresh — exactly, to the last bit of every
    /// mean progress.
    #[test]
    fn updated_overview_equals_fresh(
        seed in 0u64..10_000,
        n in 1usize..2500,
        offset in 0i64..1400,
        batches in proptest::collection::vec(proptest::collection::vec(edit(), 1..6), 1..6),
    ) {
        let mut tasks = load(seed, n, 6);
        let date = day(offset);
        let sup = Supervision { calendar: quhua_workflow::calendar::Calendar::china(), ..Supervision::default() };
        let mut kept = OverviewState::new(&tasks, date, &sup);
        for batch in &batches {
            let mut changed: Vec<usize> = batch.iter().flat_map(|e| apply(&mut tasks, e)).collect();
            changed.sort_unstable();
            changed.dedup();
            kept.update(&tasks, &changed, date, &sup);
            prop_assert_eq!(kept.overview(&sup), overview(&tasks, date, &sup));
        }
        // A later date starts again and still agrees.
        let later = day(offset + 30);
        kept.update(&tasks, &[], later, &sup);
        prop_assert_eq!(kept.overview(&sup), overview(&tasks, later, &sup));
    }
}
