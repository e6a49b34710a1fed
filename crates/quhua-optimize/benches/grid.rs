//! Divan benchmarks of `suggest` on synthetic perturbed grids (rook edges plus
//! one random diagonal per cell, i.e. planar queen-like adjacency; random
//! populations; one attribute), floor = 0.6 × 10 × mean unit population.
//!
//! `CARGO_TARGET_DIR=/root/.cache/quhua-target-plan cargo bench -p quhua-optimize`

use quhua_optimize::{Params, Problem, suggest};

fn main() {
    divan::main();
}

#[path = "support/grid.rs"]
mod support;
use support::grid;

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
