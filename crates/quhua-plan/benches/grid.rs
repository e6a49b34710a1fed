//! Divan benchmarks of `suggest` on synthetic perturbed grids (rook edges plus
//! one random diagonal per cell, i.e. planar queen-like adjacency; random
//! populations; one attribute), floor = 0.6 × 10 × mean unit population.
//!
//! `CARGO_TARGET_DIR=/root/.cache/quhua-target-plan cargo bench -p quhua-plan`

use quhua_plan::{Graph, Params, Problem, Rng, suggest};

fn main() {
    divan::main();
}

fn grid(n: usize, seed: u64) -> Problem {
    let w = (n as f64).sqrt().ceil() as usize;
    let h = n.div_ceil(w);
    let n = w * h;
    let mut rng = Rng::new(seed);
    let mut edges = Vec::with_capacity(3 * n);
    for y in 0..h {
        for x in 0..w {
            let u = (y * w + x) as u32;
            if x + 1 < w {
                edges.push((u, u + 1));
            }
            if y + 1 < h {
                edges.push((u, u + w as u32));
                if x + 1 < w {
                    if rng.below(2) == 0 {
                        edges.push((u, u + w as u32 + 1));
                    } else {
                        edges.push((u + 1, u + w as u32));
                    }
                }
            }
        }
    }
    let pop: Vec<f64> = (0..n)
        .map(|_| (2000.0 * (1.0 + 3.0 * rng.f64() * rng.f64())).round())
        .collect();
    let attr: Vec<f64> = (0..n)
        .map(|i| (i % w) as f64 / w as f64 + rng.f64())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).expect("grid"), pop);
    p.attrs = vec![attr];
    p
}

fn params(p: &Problem) -> Params {
    let mean = p.population.iter().sum::<f64>() / p.n as f64;
    Params {
        min_pop: 0.6 * 10.0 * mean,
        schemes: 3,
        threads: Some(2),
        ..Params::default()
    }
}

#[divan::bench(args = [10_000, 100_000], sample_count = 2, sample_size = 1)]
fn suggest_grid(bencher: divan::Bencher, n: usize) {
    let p = grid(n, 1);
    let prm = params(&p);
    bencher.bench(|| suggest(divan::black_box(&p), &prm, None, None).expect("suggest"));
}

#[divan::bench(args = [10_000, 100_000], sample_count = 2, sample_size = 1)]
fn construct_only(bencher: divan::Bencher, n: usize) {
    let p = grid(n, 1);
    let prm = Params {
        local_search_iters: 1,
        ..params(&p)
    };
    bencher.bench(|| suggest(divan::black_box(&p), &prm, None, None).expect("suggest"));
}
