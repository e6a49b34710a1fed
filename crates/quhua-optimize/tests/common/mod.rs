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

/// A generated county of `n` townships on a jittered grid (rook links plus random
/// diagonals), populations log-normal around 22,000 and areas around 50 km², like a
/// pre-reform county (synthetic).
pub fn county(n: usize, seed: u64) -> Problem {
    let mut rng = Rng::new(seed);
    let w = ((n as f64).sqrt().ceil() as usize).max(2);
    let mut edges = Vec::new();
    for u in 0..n {
        let (x, y) = (u % w, u / w);
        if x + 1 < w && u + 1 < n {
            edges.push((u as u32, u as u32 + 1));
        }
        if u + w < n {
            edges.push((u as u32, (u + w) as u32));
            if x + 1 < w && u + w + 1 < n && rng.below(3) == 0 {
                edges.push((u as u32, (u + w + 1) as u32));
            }
        }
        let _ = y;
    }
    let pop = (0..n)
        .map(|_| (22_000.0 * (0.6 * (rng.f64() - 0.5) * 2.0).exp()).round())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).unwrap(), pop);
    p.area = (0..n).map(|_| 30.0 + 40.0 * rng.f64()).collect();
    p.attrs = vec![(0..n).map(|_| rng.f64()).collect()];
    p
}
