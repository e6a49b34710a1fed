//! The synthetic perturbed grid shared by the `grid` bench and the `scale` example.

use quhua_optimize::{Graph, Problem, Rng};

/// Perturbed grid: rook edges plus one diagonal per cell chosen at random,
/// log-normal-ish populations, one attribute column.
pub fn grid(n: usize, seed: u64) -> Problem {
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
    let area: Vec<f64> = (0..n).map(|_| 20.0 + 40.0 * rng.f64()).collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).expect("grid edges"), pop);
    p.attrs = vec![attr];
    p.area = area;
    p
}
