//! Property tests: every scheme's reported violations equal the independent
//! verifier's, and schemes reported feasible really are.
mod common;

use proptest::prelude::*;
use quhua_optimize::{Params, check, suggest, wss};

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn schemes_are_verified(
        w in 2usize..10, h in 2usize..10, seed in 0u64..1000,
        floor in 50.0f64..600.0, ceil in proptest::option::of(4.0f64..40.0),
        groups in any::<bool>(), nlock in 0usize..2, nseed in 0usize..3,
        apart in any::<bool>(),
    ) {
        let mut p = common::grid(w, h, seed, 10.0, 200.0);
        let n = p.n;
        if groups {
            p.group = Some((0..n).map(|u| ((u % w) * 2 / w) as u32).collect());
        }
        let mut rng = quhua_optimize::Rng::new(seed ^ 99);
        let mut used = Vec::new();
        for _ in 0..nlock {
            let u = rng.below(n) as u32;
            if !used.contains(&u) { used.push(u); p.locked.push(u); }
        }
        for _ in 0..nseed {
            let u = rng.below(n) as u32;
            if !used.contains(&u) { used.push(u); p.seeds.push(u); }
        }
        if apart && n >= 4 {
            p.apart = vec![vec![0, (n - 1) as u32, (n / 2) as u32]];
        }
        let params = Params {
            min_pop: floor, max_area: ceil, schemes: 3, restarts: 4, seed,
            local_search_iters: 3000, threads: Some(1), locked_exempt_from_floor: true,
            ..Params::default()
        };
        let sol = suggest(&p, &params, None, None).unwrap();
        prop_assert!(!sol.schemes.is_empty());
        for s in &sol.schemes {
            prop_assert_eq!(s.assignment.len(), n);
            let v = check(&p, &params, &s.assignment);
            prop_assert_eq!(&v, &s.violations);
            // contiguity, locks, seeds, groups and apart are never traded away
            for x in &v {
                let hard = matches!(x,
                    quhua_optimize::Violation::NotContiguous { .. }
                    | quhua_optimize::Violation::LockedNotAlone { .. }
                    | quhua_optimize::Violation::SeedsShareRegion { .. }
                    | quhua_optimize::Violation::CrossesGroup { .. }
                    | quhua_optimize::Violation::Unassigned { .. });
                prop_assert!(!hard, "hard violation {:?}", x);
            }
            let mut regions: Vec<u32> = s.assignment.clone();
            regions.sort_unstable();
            regions.dedup();
            prop_assert_eq!(regions.len(), s.p);
            prop_assert_eq!(s.seats.len(), s.p);
            for &sd in &p.seeds {
                prop_assert_eq!(s.seats[s.assignment[sd as usize] as usize], sd);
            }
            let w2 = wss(&p, &s.assignment);
            prop_assert!((w2 - s.objectives.wss).abs() < 1e-6 * (1.0 + w2));
        }
        // a problem that passed the pre-checks with no ceiling and no extras
        // on a connected grid must be solved feasibly
        if sol.infeasibility.is_none() && ceil.is_none() && !groups && nlock == 0 && !apart {
            prop_assert!(sol.schemes[0].violations.is_empty(), "{:?}", sol.schemes[0].violations);
        }
    }
}

#[test]
fn feasible_grid_meets_floor_and_ceiling() {
    let p = common::grid(20, 20, 3, 50.0, 150.0);
    let params = Params {
        min_pop: 800.0,
        max_area: Some(40.0),
        schemes: 3,
        seed: 5,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    assert!(sol.infeasibility.is_none());
    for s in &sol.schemes {
        assert!(s.violations.is_empty(), "{:?}", s.violations);
        // upper bound: total / floor
        assert!(s.p as f64 <= p.population.iter().sum::<f64>() / 800.0);
        assert!(s.p >= 30, "p = {}", s.p);
    }
    // diversity between returned schemes
    for i in 0..sol.schemes.len() {
        for j in 0..i {
            let d = quhua_optimize::diversity::difference(
                &sol.schemes[i].assignment,
                &sol.schemes[j].assignment,
            );
            assert!(d >= params.min_difference);
        }
    }
}

#[test]
fn target_p_is_met_by_merging() {
    let p = common::grid(12, 12, 8, 50.0, 150.0);
    let params = Params {
        min_pop: 500.0,
        target_p: Some(10),
        seed: 1,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    let s = &sol.schemes[0];
    assert_eq!(s.p, 10);
    assert!(s.violations.is_empty(), "{:?}", s.violations);
}

#[test]
fn together_sets_stay_together_and_groups_hold() {
    let mut p = common::grid(10, 10, 4, 50.0, 150.0);
    p.together = vec![vec![0, 1, 2], vec![55, 56]];
    p.group = Some((0..100).map(|u| (u / 50) as u32).collect());
    let params = Params {
        min_pop: 400.0,
        seed: 2,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    for s in &sol.schemes {
        assert!(s.violations.is_empty(), "{:?}", s.violations);
        assert_eq!(s.assignment[0], s.assignment[2]);
        assert_eq!(s.assignment[55], s.assignment[56]);
    }
}
