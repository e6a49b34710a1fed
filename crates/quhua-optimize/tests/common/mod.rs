#![allow(dead_code)]
pub mod verify;

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

/// A random planar graph: a `w × h` grid where each cell gets one diagonal with probability
/// ½ (a triangulated grid stays planar), each edge is then dropped with probability
/// `drop` (irregular shapes, sometimes several components), and `islands` extra units with
/// no edge at all, of which every other one is tied to a random grid unit by an extra edge
/// (a ferry link). Populations in `lo..hi`, areas in 1..2, two attributes. Returns the
/// problem; `extra_edges` holds the ferry links.
pub fn planar(
    w: usize,
    h: usize,
    islands: usize,
    drop: f64,
    seed: u64,
    lo: f64,
    hi: f64,
) -> Problem {
    let mut rng = Rng::new(seed);
    let grid_n = w * h;
    let n = grid_n + islands;
    let at = |x: usize, y: usize| (y * w + x) as u32;
    let mut edges = Vec::new();
    for y in 0..h {
        for x in 0..w {
            if x + 1 < w {
                edges.push((at(x, y), at(x + 1, y)));
            }
            if y + 1 < h {
                edges.push((at(x, y), at(x, y + 1)));
            }
            if x + 1 < w && y + 1 < h && rng.f64() < 0.5 {
                if rng.f64() < 0.5 {
                    edges.push((at(x, y), at(x + 1, y + 1)));
                } else {
                    edges.push((at(x + 1, y), at(x, y + 1)));
                }
            }
        }
    }
    edges.retain(|_| rng.f64() >= drop);
    let pop = (0..n)
        .map(|_| (lo + (hi - lo) * rng.f64()).round())
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).unwrap(), pop);
    for i in 0..islands {
        if i % 2 == 1 {
            p.extra_edges
                .push(((grid_n + i) as u32, rng.below(grid_n) as u32));
        }
    }
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
