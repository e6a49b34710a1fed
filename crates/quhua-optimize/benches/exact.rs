//! Divan benchmark of the exact check on generated counties of 10–40 townships (synthetic,
//! as in `tests/exact.rs`): the heuristic followed by the exact check within its default
//! 2 s limit, one county per sample, and the exact check's share of proven counties printed.
//!
//! `cargo bench -p quhua-optimize --bench exact`

use quhua_optimize::{Graph, Params, Problem, Rng, suggest};

fn main() {
    // the shares first (one pass, not timed): proven by the exact check, and reached by the
    // heuristic alone (schemes other than the exact check's, whose restart is u64::MAX)
    for n in [10, 20, 30, 40] {
        let (mut proven, mut hits) = (0, 0);
        for i in 0..8 {
            let sol =
                suggest(&county(n, 1000 + i as u64), &params(i), None, None).expect("suggest");
            let best = &sol.schemes[0];
            if best.optimal {
                proven += 1;
                let heuristic = sol.schemes.iter().filter(|s| s.restart != u64::MAX);
                hits += (heuristic.map(|s| s.p).max() == Some(best.p)) as usize;
            }
        }
        println!("n {n}: {proven}/8 proven optimal, heuristic p = optimum in {hits}/{proven}");
    }
    divan::main();
}

fn county(n: usize, seed: u64) -> Problem {
    let mut rng = Rng::new(seed);
    let w = ((n as f64).sqrt().ceil() as usize).max(2);
    let mut edges = Vec::new();
    for u in 0..n {
        if u % w + 1 < w && u + 1 < n {
            edges.push((u as u32, u as u32 + 1));
        }
        if u + w < n {
            edges.push((u as u32, (u + w) as u32));
            if u % w + 1 < w && u + w + 1 < n && rng.below(3) == 0 {
                edges.push((u as u32, (u + w + 1) as u32));
            }
        }
    }
    let pop = (0..n)
        .map(|_| (22_000.0 * (0.6 * (rng.f64() - 0.5) * 2.0).exp()).round())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).expect("graph"), pop);
    p.area = (0..n).map(|_| 30.0 + 40.0 * rng.f64()).collect();
    p.attrs = vec![(0..n).map(|_| rng.f64()).collect()];
    p
}

fn params(i: usize) -> Params {
    Params {
        min_pop: 22_000.0 * (1.5 + 1.5 * ((i * 13) % 10) as f64 / 10.0),
        max_area: Some(50.0 * (4.0 + ((i * 3) % 3) as f64)),
        schemes: 3,
        seed: i as u64,
        threads: Some(2),
        ..Params::default()
    }
}

/// Heuristic plus exact check on 8 counties of `n` townships (one sample = all 8).
#[divan::bench(args = [10, 20, 30, 40], sample_count = 3, sample_size = 1)]
fn suggest_with_exact_check(bencher: divan::Bencher, n: usize) {
    let cases: Vec<(Problem, Params)> = (0..8)
        .map(|i| (county(n, 1000 + i as u64), params(i)))
        .collect();
    bencher.bench(|| {
        let mut proven = 0;
        for (p, prm) in &cases {
            let sol = suggest(divan::black_box(p), prm, None, None).expect("suggest");
            proven += sol.schemes[0].optimal as usize;
        }
        proven
    });
}

/// The heuristic alone (exact check off), for comparison.
#[divan::bench(args = [10, 20, 30, 40], sample_count = 3, sample_size = 1)]
fn heuristic_only(bencher: divan::Bencher, n: usize) {
    let cases: Vec<(Problem, Params)> = (0..8)
        .map(|i| {
            (
                county(n, 1000 + i as u64),
                Params {
                    exact_time_limit: 0.0,
                    ..params(i)
                },
            )
        })
        .collect();
    bencher.bench(|| {
        for (p, prm) in &cases {
            suggest(divan::black_box(p), prm, None, None).expect("suggest");
        }
    });
}
