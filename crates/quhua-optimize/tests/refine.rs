//! Village-level refinement (`refine`): transfers repair floor and ceiling, nothing moves
//! without a reason, labels are kept, population and area are conserved.
mod common;

use common::verify;
use proptest::prelude::*;
use quhua_optimize::{EXCLUDED, Params, PlanError, Scheme, Weights, check, refine};

/// Independent checks of a refined scheme: every unit still in exactly one of the `p`
/// regions, the moved-unit count and the reported extremes equal a recount, and the
/// violations those of the second verifier.
fn recount(
    problem: &quhua_optimize::Problem,
    params: &Params,
    initial: &[u32],
    s: &Scheme,
) -> Result<(), String> {
    if s.assignment.len() != initial.len() || s.assignment.contains(&EXCLUDED) {
        return Err("a unit left every region".into());
    }
    let regs = verify::regions(problem, &s.assignment);
    if !regs.keys().copied().eq(0..s.p as u32) {
        return Err(format!("labels {:?} for p = {}", regs.keys(), s.p));
    }
    let moved = s
        .assignment
        .iter()
        .zip(initial)
        .filter(|(a, b)| a != b)
        .count();
    if moved != s.objectives.moved_units {
        return Err(format!(
            "{moved} units moved, {} reported",
            s.objectives.moved_units
        ));
    }
    let min_pop = regs
        .values()
        .map(|r| r.population)
        .fold(f64::INFINITY, f64::min);
    let max_area = regs.values().map(|r| r.area).fold(0.0, f64::max);
    if (min_pop - s.objectives.min_region_pop).abs() > 1e-9 * min_pop
        || (max_area - s.objectives.max_region_area).abs() > 1e-9 * max_area
    {
        return Err(format!(
            "extremes {min_pop}/{max_area} vs {:?}",
            s.objectives
        ));
    }
    verify::agree(problem, params, &s.assignment, &s.violations)
}

/// 12 × 12 grid cut into four vertical strips of 3 columns (36 units): strip `s` is region
/// `s`, except that the first `extra` (< 3) columns of strip 1 belong to region 0.
fn strips(extra: usize) -> Vec<u32> {
    (0..144)
        .map(|u| {
            let x = u % 12;
            let s = (x / 3) as u32;
            if s == 1 && x < 3 + extra { 0 } else { s }
        })
        .collect()
}

fn sums(values: &[f64], assign: &[u32], p: usize) -> Vec<f64> {
    let mut out = vec![0.0; p];
    for (u, &r) in assign.iter().enumerate() {
        out[r as usize] += values[u];
    }
    out
}

#[test]
fn transfers_repair_an_area_ceiling() {
    let mut problem = common::grid(12, 12, 7, 50.0, 150.0);
    problem.area = vec![1.0; 144];
    // region 0 holds 5 columns: 60 km², 20 over the ceiling; region 1 keeps one column
    let initial = strips(2);
    let params = Params {
        min_pop: 1_000.0,
        max_area: Some(40.0),
        ..Params::default()
    };
    assert!(!check(&problem, &params, &initial).is_empty());
    let s = refine(&problem, &params, &initial).unwrap();
    assert!(s.violations.is_empty(), "{:?}", s.violations);
    assert_eq!(check(&problem, &params, &s.assignment), vec![]);
    // labels kept, every region still there
    assert_eq!(s.p, 4);
    for r in 0..4u32 {
        assert!(s.assignment.contains(&r));
    }
    // at least the 20 units over the ceiling moved, and only out of region 0
    assert!(s.objectives.moved_units >= 20);
    for (u, (&a, &b)) in s.assignment.iter().zip(&initial).enumerate() {
        if a != b {
            assert_eq!(b, 0, "unit {u} moved from region {b}");
        }
    }
    recount(&problem, &params, &initial, &s).unwrap();
    // region 0 now holds at most 40 units of area 1, the others took the rest
    let areas = sums(&problem.area, &s.assignment, 4);
    assert!(areas.iter().all(|&a| a <= 40.0), "{areas:?}");
}

#[test]
fn nothing_moves_without_a_reason() {
    let problem = common::grid(12, 12, 7, 50.0, 150.0);
    let initial = strips(0);
    // no attributes weighed, no ceiling: every transfer only costs disruption
    let params = Params {
        min_pop: 1_000.0,
        weights: Weights {
            wss: 0.0,
            ..Weights::default()
        },
        ..Params::default()
    };
    let s = refine(&problem, &params, &initial).unwrap();
    assert_eq!(s.objectives.moved_units, 0);
    assert_eq!(s.assignment, initial);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Whatever the start, refinement never creates a violation, never empties a region,
    /// keeps every unit in exactly one region and reports what it did truthfully.
    #[test]
    fn refinement_conserves_and_never_worsens(seed in 0u64..1_000, extra in 0usize..3, ceiling in 30.0f64..90.0) {
        let problem = common::grid(12, 12, seed, 50.0, 150.0);
        let initial = strips(extra);
        let params = Params { min_pop: 1_000.0, max_area: Some(ceiling), seed, ..Params::default() };
        let before = check(&problem, &params, &initial).len();
        let s = refine(&problem, &params, &initial).unwrap();
        prop_assert!(s.violations.len() <= before, "{} > {}", s.violations.len(), before);
        prop_assert_eq!(s.p, 4);
        recount(&problem, &params, &initial, &s).map_err(TestCaseError::fail)?;
        let split = s.violations.iter().any(|v| matches!(v, quhua_optimize::Violation::NotContiguous { .. }));
        prop_assert!(!split);
    }
}

#[test]
fn bad_starting_schemes_and_weights_are_refused() {
    let problem = common::grid(12, 12, 7, 50.0, 150.0);
    let params = Params {
        min_pop: 1_000.0,
        ..Params::default()
    };
    // a gap in the region numbers (region 1 missing)
    let gap: Vec<u32> = strips(0)
        .iter()
        .map(|&r| if r == 1 { 2 } else { r })
        .collect();
    match refine(&problem, &params, &gap) {
        Err(PlanError::InvalidParam { zh, en }) => {
            assert!(zh.ends_with("缺少 1"), "{zh}");
            assert!(en.ends_with("; 1 is missing"), "{en}");
        }
        other => panic!("{other:?}"),
    }
    // a label far beyond the number of units, and a wrong length
    let mut huge = strips(0);
    huge[5] = 1_000_000;
    assert!(refine(&problem, &params, &huge).is_err());
    assert!(refine(&problem, &params, &strips(0)[..10]).is_err());
    // a negative disruption weight
    let neg = Params {
        weights: Weights {
            disruption: -1.0,
            ..Weights::default()
        },
        ..params
    };
    assert!(refine(&problem, &neg, &strips(0)).is_err());
}
