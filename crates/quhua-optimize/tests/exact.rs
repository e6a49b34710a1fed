//! The exact check (`quhua_optimize::exact`) against the heuristic on generated counties of
//! 10–40 townships: every scheme carries a bound at least its p; the check proves the
//! optimum in most of them within 2 s; and where it does, the heuristic's own p (schemes
//! other than the exact check's) must already reach it in at least 95 % of the counties of
//! the first family and 92 % of a second, differently generated one.

mod common;

use quhua_optimize::{Graph, Params, Problem, Rng, suggest};

/// Solves every case; checks bounds; returns (proven, heuristic hits among proven).
fn measure(cases: impl Iterator<Item = (usize, Problem, Params)>) -> (usize, usize) {
    let mut proven = 0;
    let mut heuristic_hits = 0;
    for (n, p, params) in cases {
        let sol = suggest(&p, &params, None, None).unwrap();
        for s in &sol.schemes {
            if s.violations.is_empty() {
                let b = s.bound.expect("a bound on a feasible scheme");
                assert!(b >= s.p, "bound {b} below p {}", s.p);
                assert_eq!(s.optimal, s.p == b);
            }
        }
        let best = &sol.schemes[0];
        if best.optimal {
            proven += 1;
            // the heuristic's schemes (the exact check's own has restart u64::MAX)
            let heuristic_p = sol
                .schemes
                .iter()
                .filter(|s| s.restart != u64::MAX)
                .map(|s| s.p)
                .max()
                .unwrap_or(0);
            if heuristic_p == best.p {
                heuristic_hits += 1;
            } else if std::env::var("EXACT_DEBUG").is_ok() {
                eprintln!(
                    "n {n} seed {} heuristic {heuristic_p} optimum {} ps {:?}",
                    params.seed,
                    best.p,
                    sol.schemes
                        .iter()
                        .map(|s| (s.p, s.restart, s.violations.len()))
                        .collect::<Vec<_>>(),
                );
            }
        }
    }
    (proven, heuristic_hits)
}

#[test]
fn heuristic_reaches_the_proven_optimum() {
    let total = 120;
    let cases = (0..total).map(|i| {
        let n = 10 + (i * 7) % 31;
        let p = common::county(n, 1000 + i as u64);
        // floors of 1.5–3 townships' population, ceilings of 4–6 townships' area
        let floor = 22_000.0 * (1.5 + 1.5 * ((i * 13) % 10) as f64 / 10.0);
        let ceiling = 50.0 * (4.0 + ((i * 3) % 3) as f64);
        let params = Params {
            min_pop: floor,
            max_area: Some(ceiling),
            schemes: 3,
            seed: i as u64,
            exact_time_limit: 2.0,
            ..Params::default()
        };
        (n, p, params)
    });
    let (proven, heuristic_hits) = measure(cases);
    eprintln!(
        "exact: {proven}/{total} counties proven optimal; heuristic p = optimum in {heuristic_hits}/{proven}"
    );
    assert!(proven * 10 >= total * 9, "{proven}/{total} proven");
    // Measured 116/116 (100 %; 29/115 before the destroy-and-rebuild raising p). The issue
    // asks for 95 %.
    assert!(
        heuristic_hits * 100 >= proven * 95,
        "{heuristic_hits}/{proven}"
    );
}

/// A second, differently generated family: sparse (rook links only) to dense (both
/// diagonals) townships on grids of varying width, a wider population spread, floors of
/// 1.2–3.5 townships and ceilings 1.5–3.5 townships' area above the floor's, other seeds. Guards against tuning to the first family.
fn county_mixed(n: usize, seed: u64) -> Problem {
    let mut rng = Rng::new(seed ^ 0xC0FF_EE00);
    let w = ((n as f64).sqrt().ceil() as usize + (seed % 2) as usize).max(2);
    let density = seed % 3; // 0 sparse, 1 one diagonal, 2 both
    let mut edges = Vec::new();
    for u in 0..n {
        let x = u % w;
        if x + 1 < w && u + 1 < n {
            edges.push((u as u32, u as u32 + 1));
        }
        if u + w < n {
            edges.push((u as u32, (u + w) as u32));
            if density >= 1 && x + 1 < w && u + w + 1 < n && rng.below(2) == 0 {
                edges.push((u as u32, (u + w + 1) as u32));
            }
            if density == 2 && x > 0 {
                edges.push((u as u32, (u + w - 1) as u32));
            }
        }
    }
    let pop = (0..n)
        .map(|_| (20_000.0 * (0.9 * (rng.f64() - 0.5) * 2.0).exp()).round())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).unwrap(), pop);
    p.area = (0..n).map(|_| 20.0 + 60.0 * rng.f64()).collect();
    p.attrs = vec![(0..n).map(|_| rng.f64()).collect()];
    p
}

#[test]
fn heuristic_reaches_the_proven_optimum_on_a_second_family() {
    let total = 120;
    let cases = (0..total).map(|i| {
        let n = 10 + (i * 11) % 31;
        let p = county_mixed(n, 70_000 + i as u64);
        let townships = 1.2 + 2.3 * ((i * 7) % 11) as f64 / 10.0;
        let floor = 20_000.0 * townships;
        let ceiling = 50.0 * (townships + 1.5 + 0.5 * ((i * 5) % 5) as f64);
        let params = Params {
            min_pop: floor,
            max_area: Some(ceiling),
            schemes: 3,
            seed: 500 + i as u64,
            exact_time_limit: 2.0,
            ..Params::default()
        };
        (n, p, params)
    });
    let (proven, heuristic_hits) = measure(cases);
    eprintln!(
        "exact (second family): {proven}/{total} counties proven optimal; heuristic p = optimum in {heuristic_hits}/{proven}"
    );
    // measured 95–104 (ceilings tighter than the first family's make more counties hard)
    assert!(proven * 4 >= total * 3, "{proven}/{total} proven");
    // Measured 96–100 of 101–104 proven (95–96 %; 26/95 before the raising step) over several
    // runs: which counties the 2 s check proves varies with machine load, and the three or
    // four misses are counties where only one tight packing reaches the optimum (the growth's
    // least-overshoot finish passes it by). On 200 further counties of each family (other
    // seeds) the shares were 99 % and 98 %.
    assert!(
        heuristic_hits * 100 >= proven * 92,
        "{heuristic_hits}/{proven}"
    );
}

/// On a county small enough to enumerate, the bound equals the largest p found by trying
/// every partition (brute force over restricted growth strings), and the best scheme is
/// optimal.
#[test]
fn bound_matches_brute_force_on_tiny_counties() {
    for seed in 0..30u64 {
        let n = 7 + (seed % 3) as usize;
        let p = common::county(n, seed);
        let floor = 22_000.0 * (1.3 + (seed % 4) as f64 * 0.4);
        let ceiling = 150.0 + 20.0 * (seed % 5) as f64;
        let params = Params {
            min_pop: floor,
            max_area: Some(ceiling),
            schemes: 1,
            seed,
            ..Params::default()
        };
        let best_p = brute_force(&p, &params);
        let sol = suggest(&p, &params, None, None).unwrap();
        let s = &sol.schemes[0];
        match best_p {
            Some(bp) => {
                assert!(s.violations.is_empty(), "seed {seed}: {:?}", s.violations);
                assert_eq!(s.p, bp, "seed {seed}");
                assert_eq!(s.bound, Some(bp), "seed {seed}");
                assert!(s.optimal);
            }
            None => assert!(!s.violations.is_empty() || s.p == 0, "seed {seed}"),
        }
    }
}

fn brute_force(p: &Problem, params: &Params) -> Option<usize> {
    let n = p.n;
    let mut a = vec![0u32; n];
    let mut best = None;
    fn rec(
        i: usize,
        k: u32,
        a: &mut Vec<u32>,
        p: &Problem,
        params: &Params,
        best: &mut Option<usize>,
    ) {
        if i == a.len() {
            if quhua_optimize::check(p, params, a).is_empty() {
                *best = Some(best.map_or(k as usize, |b: usize| b.max(k as usize)));
            }
            return;
        }
        for r in 0..=k {
            a[i] = r;
            rec(i + 1, if r == k { k + 1 } else { k }, a, p, params, best);
        }
    }
    rec(0, 0, &mut a, p, params, &mut best);
    best
}
