//! Property tests: every scheme's reported violations equal those of a second verifier
//! written in the tests (`common::verify`, per-region sums of its own), hard constraints
//! (contiguity, locks, seeds, groups, together and apart sets) are never traded away, and
//! schemes reported feasible really are. Generated inputs: rook grids, and random planar
//! graphs with islands, ferry links, together/apart sets and a target number of regions.
mod common;

use common::verify;
use proptest::prelude::*;
use quhua_optimize::{
    EXCLUDED, IslandPolicy, Params, Problem, Solution, Violation, check, suggest, wss,
};

/// Constraints the optimizer must never give up, whatever the floor or ceiling.
///
/// Apart sets are not among them: the optimizer gives an apart set up for the floor (it
/// joins two members rather than leave a region below the floor), also when the
/// pre-check reports nothing, e.g. a 2 × 2 grid, seed 0, floor 50, apart {0, 2, 3}. What
/// is asserted for them is in [`check_solution`]: never joined when every unit alone
/// meets the floor, so that splitting costs nothing.
fn is_hard(v: &Violation) -> bool {
    matches!(
        v,
        Violation::NotContiguous { .. }
            | Violation::LockedNotAlone { .. }
            | Violation::SeedsShareRegion { .. }
            | Violation::CrossesGroup { .. }
            | Violation::Unassigned { .. }
            | Violation::TogetherSplit { .. }
            | Violation::Length { .. }
    )
}

/// Checks every scheme of a solution against the second verifier and the hard constraints.
fn check_solution(p: &Problem, params: &Params, sol: &Solution) -> Result<(), TestCaseError> {
    prop_assert!(!sol.schemes.is_empty());
    for s in &sol.schemes {
        prop_assert_eq!(s.assignment.len(), p.n);
        verify::agree(p, params, &s.assignment, &s.violations).map_err(TestCaseError::fail)?;
        for x in &s.violations {
            prop_assert!(
                !is_hard(x),
                "hard violation {:?} ({:?})",
                x,
                sol.infeasibility
            );
        }
        let smallest = p.population.iter().copied().fold(f64::INFINITY, f64::min);
        if params.min_pop <= smallest {
            let joined = s
                .violations
                .iter()
                .find(|v| matches!(v, Violation::ApartJoined { .. }));
            prop_assert!(
                joined.is_none(),
                "{:?} although every unit meets the floor",
                joined
            );
        }
        let regs = verify::regions(p, &s.assignment);
        prop_assert_eq!(regs.len(), s.p);
        // labels are 0..p (canonical)
        prop_assert!(
            regs.keys().copied().eq(0..s.p as u32),
            "labels {:?}",
            regs.keys()
        );
        prop_assert_eq!(s.seats.len(), s.p);
        for (&r, reg) in &regs {
            prop_assert!(
                reg.members.contains(&(s.seats[r as usize] as usize)),
                "seat outside region {}",
                r
            );
        }
        for &sd in &p.seeds {
            prop_assert_eq!(s.seats[s.assignment[sd as usize] as usize], sd);
        }
        // the reported extremes are those of the recount
        let min_pop = regs
            .values()
            .map(|r| r.population)
            .fold(f64::INFINITY, f64::min);
        let max_area = regs.values().map(|r| r.area).fold(0.0, f64::max);
        prop_assert!(
            (s.objectives.min_region_pop - min_pop).abs() <= 1e-9 * (1.0 + min_pop),
            "min_region_pop {} vs {}",
            s.objectives.min_region_pop,
            min_pop
        );
        prop_assert!(
            (s.objectives.max_region_area - max_area).abs() <= 1e-9 * (1.0 + max_area),
            "max_region_area {} vs {}",
            s.objectives.max_region_area,
            max_area
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn schemes_are_verified(
        w in 2usize..10, h in 2usize..10, seed in 0u64..1000,
        floor in 50.0f64..600.0, ceil in proptest::option::of(4.0f64..40.0),
        groups in any::<bool>(), nlock in 0usize..2, nseed in 0usize..3,
        apart in any::<bool>(), low_floor in any::<bool>(),
    ) {
        let mut p = common::grid(w, h, seed, 10.0, 200.0);
        // sometimes a floor every unit meets alone
        let floor = if low_floor { p.population.iter().copied().fold(f64::INFINITY, f64::min) } else { floor };
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
        check_solution(&p, &params, &sol)?;
        for s in &sol.schemes {
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    /// Irregular planar graphs with islands and ferry links, together and apart sets, locks,
    /// seeds, groups, a ceiling and a target number of regions.
    #[test]
    fn planar_schemes_are_verified(
        w in 2usize..10, h in 2usize..9, islands in 0usize..4, drop in 0.0f64..0.25,
        seed in 0u64..10_000, floor in 50.0f64..700.0, ceil in proptest::option::of(4.0f64..40.0),
        exclude_islands in any::<bool>(), groups in any::<bool>(),
        nlock in 0usize..3, nseed in 0usize..3, ntogether in 0usize..3, napart in 0usize..2,
        target in proptest::option::of(1usize..12), low_floor in any::<bool>(),
    ) {
        let mut p = common::planar(w, h, islands, drop, seed, 10.0, 200.0);
        let floor = if low_floor { p.population.iter().copied().fold(f64::INFINITY, f64::min) } else { floor };
        let n = p.n;
        let mut edges = p.adjacency.edges();
        edges.extend(p.extra_edges.iter().copied());
        if groups {
            p.group = Some((0..n).map(|u| ((u % w) * 2 / w) as u32).collect());
        }
        let mut rng = quhua_optimize::Rng::new(seed ^ 0x7e57);
        let mut used: Vec<u32> = Vec::new();
        // together sets: an edge and, sometimes, a further neighbour (contiguous by
        // construction), disjoint from locks and seeds, within one group
        let same_group = |a: u32, b: u32| p.group.as_ref().is_none_or(|g| g[a as usize] == g[b as usize]);
        for _ in 0..ntogether {
            if edges.is_empty() { break; }
            let (a, b) = edges[rng.below(edges.len())];
            if used.contains(&a) || used.contains(&b) || !same_group(a, b) { continue; }
            let mut set = vec![a, b];
            if let Some(&(_, c)) = edges.iter().find(|&&(x, y)| x == b && y != a && !used.contains(&y) && same_group(a, y))
                && rng.f64() < 0.5
            {
                set.push(c);
            }
            used.extend(&set);
            p.together.push(set);
        }
        for _ in 0..nlock {
            let u = rng.below(n) as u32;
            if !used.contains(&u) { used.push(u); p.locked.push(u); }
        }
        for _ in 0..nseed {
            let u = rng.below(n) as u32;
            if !used.contains(&u) { used.push(u); p.seeds.push(u); }
        }
        for _ in 0..napart {
            let mut set: Vec<u32> = (0..3).map(|_| rng.below(n) as u32)
                .filter(|u| !p.together.iter().flatten().any(|t| t == u)).collect();
            set.sort_unstable();
            set.dedup();
            if set.len() >= 2 { p.apart.push(set); }
        }
        let params = Params {
            min_pop: floor, max_area: ceil, target_p: target, schemes: 2, restarts: 3, seed,
            local_search_iters: 2000, threads: Some(1), locked_exempt_from_floor: true,
            islands: if exclude_islands { IslandPolicy::Exclude } else { IslandPolicy::KeepAlone },
            ..Params::default()
        };
        match suggest(&p, &params, None, None) {
            Ok(sol) => check_solution(&p, &params, &sol)?,
            // an input the optimizer refuses must say why in both languages
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// `check` itself, on arbitrary (mostly infeasible) assignments, against the second
    /// verifier: split regions, excluded units, locks, seeds, groups, together and apart
    /// sets, floors and ceilings near the regions' own totals.
    #[test]
    fn check_agrees_with_the_second_verifier(
        w in 1usize..7, h in 1usize..6, islands in 0usize..3, drop in 0.0f64..0.3,
        seed in 0u64..100_000, k in 1usize..6, excluded in 0usize..3,
        exclude_islands in any::<bool>(), exempt in any::<bool>(), groups in any::<bool>(),
        nlock in 0usize..3, nseed in 0usize..4, ntogether in 0usize..3, napart in 0usize..3,
        floor_at in 0.0f64..1.2, ceil_at in proptest::option::of(0.3f64..1.2),
    ) {
        let mut p = common::planar(w, h, islands, drop, seed, 10.0, 200.0);
        let n = p.n;
        let mut rng = quhua_optimize::Rng::new(seed ^ 0xc4ec);
        let mut assign: Vec<u32> = (0..n).map(|_| rng.below(k) as u32).collect();
        for _ in 0..excluded {
            assign[rng.below(n)] = EXCLUDED;
        }
        if groups {
            p.group = Some((0..n).map(|_| rng.below(2) as u32).collect());
        }
        for _ in 0..nlock { p.locked.push(rng.below(n) as u32); }
        for _ in 0..nseed { p.seeds.push(rng.below(n) as u32); }
        p.locked.sort_unstable();
        p.locked.dedup();
        p.seeds.sort_unstable();
        p.seeds.dedup();
        for _ in 0..ntogether {
            p.together.push((0..2 + rng.below(2)).map(|_| rng.below(n) as u32).collect());
        }
        for _ in 0..napart {
            p.apart.push((0..2 + rng.below(3)).map(|_| rng.below(n) as u32).collect());
        }
        // floor and ceiling near the totals of the regions actually formed
        let regs = verify::regions(&p, &assign);
        let pops: Vec<f64> = regs.values().map(|r| r.population).collect();
        let areas: Vec<f64> = regs.values().map(|r| r.area).collect();
        let mut pick = |v: &[f64], at: f64| v.get(rng.below(v.len().max(1)).min(v.len().saturating_sub(1))).map_or(100.0, |x| x * at);
        let floor = pick(&pops, floor_at);
        let ceil = ceil_at.map(|c| pick(&areas, c));
        let params = Params {
            min_pop: floor, max_area: ceil, locked_exempt_from_floor: exempt,
            islands: if exclude_islands { IslandPolicy::Exclude } else { IslandPolicy::KeepAlone },
            ..Params::default()
        };
        let got = check(&p, &params, &assign);
        verify::agree(&p, &params, &assign, &got).map_err(TestCaseError::fail)?;
        // a wrong length is named, nothing else
        let short = check(&p, &params, &assign[..n - 1]);
        prop_assert_eq!(short, vec![Violation::Length { got: n - 1, expected: n }]);
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
