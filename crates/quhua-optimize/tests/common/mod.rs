#![allow(dead_code)]
use quhua_optimize::{Graph, Problem, Rng};

/// w × h rook grid with random populations in `lo..hi` and one attribute.
pub fn grid(w: usize, h: usize, seed: u64, lo: f64, hi: f64) -> Problem {
    let mut rng = Rng::new(seed);
    let n = w * h;
    let mut edges = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let u = (y * w + x) as u32;
            if x + 1 < w {
                edges.push((u, u + 1));
            }
            if y + 1 < h {
                edges.push((u, u + w as u32));
            }
        }
    }
    let pop = (0..n)
        .map(|_| (lo + (hi - lo) * rng.f64()).round())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).unwrap(), pop);
    p.attrs = vec![
        (0..n).map(|_| rng.f64()).collect(),
        (0..n).map(|i| (i % w) as f64).collect(),
    ];
    p.area = (0..n).map(|_| 1.0 + rng.f64()).collect();
    p
}
