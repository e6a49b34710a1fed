//! Property tests of the scenario engine over generated counties and operation sequences:
//! exact conservation, every village in exactly one resulting township, incremental
//! evaluation equal to a fresh full evaluation, refused operations change nothing.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use quhua_core::attr::{Amount, keys};
use quhua_core::indicators::Accum;
use quhua_core::policy::Policy;
use quhua_core::scenario::{Base, MergeTarget, NewUnitSpec, Operation, Session};
use quhua_core::{DivisionCode, TownshipKind};
use std::cell::RefCell;

fn base_of(spec: &CountySpec, extra_edges: &[(usize, usize)]) -> Base {
    let reg = build(spec);
    let snap = reg.as_of(genesis_date());
    let base = Base::from_snapshot(
        &snap,
        DivisionCode::parse("130634").unwrap(),
        keys::POP_HUKOU,
    )
    .unwrap();
    // A path through all villages keeps the county connected; extra edges add shortcuts.
    let ids: Vec<_> = base.villages.iter().map(|v| v.id).collect();
    let mut pairs: Vec<_> = ids.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.extend(
        extra_edges
            .iter()
            .map(|(a, b)| (ids[a % ids.len()], ids[b % ids.len()])),
    );
    base.with_adjacency(pairs)
}

fn op_strategy() -> impl Strategy<Value = (u8, usize, usize, usize)> {
    (0u8..6, 0usize..64, 0usize..64, 0usize..64)
}

/// Turns abstract choices into an operation against the session's current units.
fn make_op(s: &Session, base: &Base, (kind, a, b, c): (u8, usize, usize, usize)) -> Operation {
    let alive: Vec<String> = s.state().alive().map(|(_, u)| u.name.clone()).collect();
    let pick = |i: usize| alive[i % alive.len()].clone();
    let village = |i: usize| base.villages[i % base.villages.len()].code.to_string();
    match kind {
        0 => Operation::Merge {
            units: vec![pick(a)],
            target: MergeTarget::Into(pick(b)),
        },
        1 => Operation::Merge {
            units: vec![pick(a), pick(b)],
            target: MergeTarget::New(NewUnitSpec {
                name: format!("新{c}镇"),
                kind: TownshipKind::Town,
                seat: None,
            }),
        },
        2 => Operation::Convert {
            unit: pick(a),
            to: [
                TownshipKind::Town,
                TownshipKind::Subdistrict,
                TownshipKind::Township,
            ][b % 3],
            name: None,
        },
        3 => Operation::Transfer {
            villages: vec![village(a)],
            to: pick(b),
        },
        4 => Operation::Rename {
            unit: pick(a),
            name: format!("改{c}镇"),
        },
        _ => Operation::Lock {
            units: vec![pick(a)],
        },
    }
}

/// What one generated case did: operations tried and accepted, findings at the end.
#[derive(Default)]
struct Tally {
    tried: usize,
    accepted: usize,
    with_findings: usize,
}

/// Pushes generated operations one by one and checks, after each accepted one, the partition
/// against recounts that do not use the session's incremental bookkeeping.
fn check_case(
    spec: &CountySpec,
    extra: &[(usize, usize)],
    choices: Vec<(u8, usize, usize, usize)>,
    tally: &mut Tally,
) -> Result<(), TestCaseError> {
    let base = base_of(spec, extra);
    let policy = Policy::default_policy();
    let pop = base.keys.iter().position(|k| k == keys::POP_HUKOU).unwrap();
    let area = base.keys.iter().position(|k| k == keys::AREA_KM2).unwrap();
    let (pop0, area0) = (base.total(pop), base.total(area));
    let mut s = Session::new(&base, &policy);
    for c in choices {
        tally.tried += 1;
        let op = make_op(&s, &base, c);
        let before = s.state().clone();
        if s.push(op).is_err() {
            prop_assert_eq!(s.state(), &before, "a refused operation changed the state");
            continue;
        }
        let st = s.state();
        // Conservation, exactly.
        let sum = |k: usize| -> Amount { st.alive().filter_map(|(_, u)| u.attrs[k]).sum() };
        prop_assert_eq!(sum(pop), pop0);
        prop_assert_eq!(sum(area), area0);
        // Every village in exactly one alive unit, consistently indexed.
        let mut seen = vec![0u32; base.villages.len()];
        for (i, u) in st.alive() {
            prop_assert!(!u.villages.is_empty());
            for &v in &u.villages {
                seen[v as usize] += 1;
                prop_assert_eq!(st.village_unit[v as usize], i);
            }
            if let Some(seat) = u.seat_village {
                prop_assert_eq!(st.village_unit[seat as usize], i, "seat outside its unit");
            }
        }
        prop_assert!(seen.iter().all(|&c| c == 1));
        // Incremental accumulators equal a recount: each unit's aggregates summed again
        // from the base villages it holds now, and the accumulators rebuilt from those.
        let mut rebuilt = Accum::default();
        for (i, u) in st.alive() {
            let village_sum = |k: usize| -> Amount {
                u.villages
                    .iter()
                    .filter_map(|&v| base.villages[v as usize].attrs[k])
                    .sum()
            };
            let (p, a) = (village_sum(pop), village_sum(area));
            prop_assert_eq!(u.attrs[pop], Some(p), "population of unit {}", i);
            prop_assert_eq!(u.attrs[area], Some(a), "area of unit {}", i);
            rebuilt.add(u.kind, Some(p), Some(a));
        }
        prop_assert_eq!(&st.accum, &rebuilt);
        prop_assert_eq!(
            s.indicators().after,
            rebuilt.indicators(&policy),
            "indicators differ from the recount"
        );
        // Findings from the warm session (its cache filled by the previous calls) equal
        // those of a cold session that computes every unit afresh.
        let warm = s.findings();
        let mut cold = Session::new(&base, &policy);
        cold.reset(s.ops().to_vec())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&warm, &cold.findings(), "cached findings went stale");
        tally.accepted += 1;
    }
    // Incremental evaluation equals a fresh full evaluation of the same operations.
    let incremental = s.evaluation();
    let mut fresh = Session::new(&base, &policy);
    fresh
        .reset(s.ops().to_vec())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    if !incremental.findings.is_empty() {
        tally.with_findings += 1;
    }
    prop_assert_eq!(incremental, fresh.evaluation());
    Ok(())
}

#[test]
fn scenario_invariants() {
    let mut runner = TestRunner::new(ProptestConfig::with_cases(128));
    let tally = RefCell::new(Tally::default());
    let cases = 128;
    let strategy = (
        county_spec(9),
        proptest::collection::vec((0usize..64, 0usize..64), 0..20),
        proptest::collection::vec(op_strategy(), 1..12),
    );
    let result = runner.run(&strategy, |(spec, extra, choices)| {
        check_case(&spec, &extra, choices, &mut tally.borrow_mut())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must exercise the engine: most operations accepted, rules firing.
    let t = tally.into_inner();
    assert!(
        t.accepted * 2 > t.tried,
        "only {} of {} generated operations were accepted",
        t.accepted,
        t.tried
    );
    assert!(
        t.with_findings * 2 > cases,
        "findings in only {} of {cases} cases",
        t.with_findings
    );
}

#[test]
fn merging_a_unit_twice_names_where_it_went() {
    let spec = CountySpec {
        townships: vec![
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Township, vec![(500, 10_000)]),
            (TownshipKind::Township, vec![(500, 10_000)]),
        ],
    };
    let base = base_of(&spec, &[]);
    let policy = Policy::default_policy();
    let mut s = Session::new(&base, &policy);
    s.push(Operation::Merge {
        units: vec!["测1乡".into()],
        target: MergeTarget::Into("测0镇".into()),
    })
    .unwrap();
    let err = s
        .push(Operation::Merge {
            units: vec!["测1乡".into()],
            target: MergeTarget::Into("测2乡".into()),
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("第 2 项") && err.contains("测0镇"), "{err}");
    let e = s.evaluation();
    assert_eq!(e.indicators.before.count, 3);
    assert_eq!(e.indicators.after.count, 2);
    assert_eq!(e.indicators.reduction, 1);
    assert_eq!(e.abolished.len(), 1);
}

#[test]
fn non_contiguous_merge_is_an_error_finding() {
    // Villages in a path 0-1-2: merging townships 0 and 2 skips over 1.
    let spec = CountySpec {
        townships: vec![
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Town, vec![(1000, 10_000)]),
        ],
    };
    let base = base_of(&spec, &[]);
    let policy = Policy::default_policy();
    let mut s = Session::new(&base, &policy);
    s.push(Operation::Merge {
        units: vec!["测2镇".into()],
        target: MergeTarget::Into("测0镇".into()),
    })
    .unwrap();
    let f = s.findings();
    assert!(
        f.iter()
            .any(|f| f.rule == "contiguity" && f.severity == quhua_core::policy::Severity::Error),
        "{f:?}"
    );
    let mut ok = Session::new(&base, &policy);
    ok.push(Operation::Merge {
        units: vec!["测1镇".into()],
        target: MergeTarget::Into("测0镇".into()),
    })
    .unwrap();
    assert!(!ok.findings().iter().any(|f| f.rule == "contiguity"));
}
