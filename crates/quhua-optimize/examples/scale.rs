//! Times `suggest` on a synthetic perturbed grid of N units (queen-ish
//! adjacency: rook edges plus one random diagonal per cell, random
//! populations), the national-scale check:
//!
//! `cargo run --release -p quhua-optimize --example scale -- 41000 620000`
use quhua_optimize::{Params, suggest};

#[path = "../benches/support/grid.rs"]
mod support;
use support::grid;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for n in if sizes.is_empty() {
        vec![41_000]
    } else {
        sizes
    } {
        let p = grid(n, 1);
        let mean = p.population.iter().sum::<f64>() / p.n as f64;
        let params = Params {
            min_pop: 0.6 * 10.0 * mean,
            schemes: 3,
            ..Params::default()
        };
        let t = std::time::Instant::now();
        let sol = suggest(&p, &params, None, None).expect("suggest");
        let s = &sol.schemes[0];
        println!(
            "n={} p={} wss={:.1} violations={} schemes={} time={:.2}s",
            p.n,
            s.p,
            s.objectives.wss,
            s.violations.len(),
            sol.schemes.len(),
            t.elapsed().as_secs_f64()
        );
    }
}
