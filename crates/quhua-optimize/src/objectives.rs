//! Objective functions.
//!
//! * **WSS** – within-region sum of squares of the z-scored attributes
//!   (each column standardised over all units, population standard deviation):
//!   `Σ_r Σ_{u∈r} ‖z_u − z̄_r‖²`. Kept incrementally in the search as per-region
//!   sums and sums of squared norms, so `WSS_r = Σ‖z‖² − ‖Σz‖²/|r|`.
//! * **Compactness** – number of *cut edges*: adjacent unit pairs (in the
//!   adjacency plus extra edges) that lie in different regions. It is the
//!   graph analogue of total perimeter: fewer cut edges, rounder regions.
//! * **Service distance** – population-weighted mean distance (km, on an
//!   equirectangular projection of lon/lat) from units to their region's seat.
//!
//! In the search the three are combined as
//! `w_wss·WSS/(n·k) + w_cmp·cut/|E| + w_srv·Σ pop·d / Σ pop·d(centroid)`,
//! i.e. each term divided by its value for "one region = everything" (WSS,
//! service) or "every unit alone" (cut edges).

use crate::problem::{EXCLUDED, Model, Problem, mean_sd};
use serde::Serialize;

/// Objective values of one scheme.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Objectives {
    /// Within-region sum of squares on z-scored attributes.
    pub wss: f64,
    /// Adjacent unit pairs in different regions (compactness proxy).
    pub cut_edges: usize,
    /// Population-weighted mean distance (km) from units to their seat; `None` without coordinates.
    pub service_distance: Option<f64>,
    /// Smallest region population.
    pub min_region_pop: f64,
    /// Largest region area (km²).
    pub max_region_area: f64,
    /// Seeds that are the seat of their region (least disruption: all of them).
    pub seeds_kept_as_seats: usize,
    /// The weighted, normalised objective the search minimised.
    pub score: f64,
    /// Units moved out of the region they started in ([`crate::refine`]; 0 otherwise).
    pub moved_units: usize,
}

/// WSS of `assignment` on the z-scored `problem.attrs` (independent of the search;
/// [`EXCLUDED`] units are ignored).
pub fn wss(problem: &Problem, assignment: &[u32]) -> f64 {
    let n = problem.n.min(assignment.len());
    let cols: Vec<Vec<f64>> = problem
        .attrs
        .iter()
        .map(|c| {
            let (m, s) = mean_sd(c);
            c.iter()
                .map(|x| if s > 0.0 { (x - m) / s } else { 0.0 })
                .collect()
        })
        .collect();
    let p = assignment[..n]
        .iter()
        .filter(|&&r| r != EXCLUDED)
        .map(|&r| r as usize + 1)
        .max()
        .unwrap_or(0);
    let mut cnt = vec![0usize; p];
    for &r in &assignment[..n] {
        if r != EXCLUDED {
            cnt[r as usize] += 1;
        }
    }
    let mut total = 0.0;
    for col in &cols {
        let mut sum = vec![0.0; p];
        for u in 0..n {
            if assignment[u] != EXCLUDED {
                sum[assignment[u] as usize] += col[u];
            }
        }
        for u in 0..n {
            let r = assignment[u];
            if r != EXCLUDED {
                let d = col[u] - sum[r as usize] / cnt[r as usize] as f64;
                total += d * d;
            }
        }
    }
    total
}

/// Number of adjacency (plus extra) edges whose ends are in different regions.
pub fn cut_edges(problem: &Problem, assignment: &[u32]) -> usize {
    let g = &problem.adjacency;
    let mut c = 0;
    let mut seen = |a: u32, b: u32| {
        if a < b && assignment[a as usize] != assignment[b as usize] {
            c += 1;
        }
    };
    for u in 0..g.n().min(assignment.len()) {
        for &v in g.neighbors(u) {
            seen(u as u32, v);
        }
    }
    for &(a, b) in &problem.extra_edges {
        if g.neighbors(a as usize).binary_search(&b).is_err() {
            seen(a.min(b), a.max(b));
        }
    }
    c
}

/// Chooses a seat per region: the seed if the region has one; otherwise the
/// population-weighted medoid (with coordinates; among the 64 most populous
/// members for large regions) or the most populous member.
pub(crate) fn choose_seats(m: &Model, assign: &[u32], p: usize) -> Vec<u32> {
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); p];
    for u in 0..m.n {
        if assign[u] != EXCLUDED {
            members[assign[u] as usize].push(u as u32);
        }
    }
    let mut seats = vec![EXCLUDED; p];
    for (r, mem) in members.iter().enumerate() {
        if let Some(&s) = mem.iter().find(|&&u| m.seed_of[u as usize] != EXCLUDED) {
            seats[r] = s;
            continue;
        }
        let mut by_pop = mem.clone();
        by_pop.sort_by(|&a, &b| {
            m.pop[b as usize]
                .total_cmp(&m.pop[a as usize])
                .then(a.cmp(&b))
        });
        if m.xy.is_none() || by_pop.len() <= 2 {
            seats[r] = by_pop.first().copied().unwrap_or(EXCLUDED);
            continue;
        }
        let mut best = (f64::INFINITY, EXCLUDED);
        for &s in by_pop.iter().take(64) {
            let c: f64 = mem
                .iter()
                .map(|&v| m.pop[v as usize] * m.dist(v as usize, s as usize))
                .sum();
            if c < best.0 {
                best = (c, s);
            }
        }
        seats[r] = best.1;
    }
    seats
}

/// Computes all objectives of a canonical assignment (regions `0..p`).
pub(crate) fn evaluate(
    m: &Model,
    problem: &Problem,
    assign: &[u32],
    p: usize,
    seats: &[u32],
    weights: &crate::Weights,
) -> Objectives {
    let mut rpop = vec![0.0; p];
    let mut rarea = vec![0.0; p];
    let mut cnt = vec![0usize; p];
    let k = m.k;
    let mut sum = vec![0.0; p * k];
    let mut sq = vec![0.0; p];
    for u in 0..m.n {
        let r = assign[u];
        if r == EXCLUDED {
            continue;
        }
        let r = r as usize;
        rpop[r] += m.pop[u];
        rarea[r] += m.area[u];
        cnt[r] += 1;
        sq[r] += m.znorm[u];
        for j in 0..k {
            sum[r * k + j] += m.z[u * k + j];
        }
    }
    let mut wss = 0.0;
    for r in 0..p {
        if cnt[r] > 0 {
            let s2: f64 = sum[r * k..(r + 1) * k].iter().map(|x| x * x).sum();
            wss += (sq[r] - s2 / cnt[r] as f64).max(0.0);
        }
    }
    let cut = cut_edges(problem, assign);
    let service = m.xy.as_ref().map(|_| {
        let mut tot = 0.0;
        let mut tp = 0.0;
        for u in 0..m.n {
            let r = assign[u];
            if r != EXCLUDED && seats[r as usize] != EXCLUDED {
                tot += m.pop[u] * m.dist(u, seats[r as usize] as usize);
                tp += m.pop[u];
            }
        }
        (tot, if tp > 0.0 { tot / tp } else { 0.0 })
    });
    let seeds_kept = seats
        .iter()
        .filter(|&&s| s != EXCLUDED && m.seed_of[s as usize] != EXCLUDED)
        .count();
    let score = weights.wss * wss / m.wss_scale
        + weights.compactness * cut as f64 / m.cut_scale
        + weights.service * service.map_or(0.0, |s| s.0) / m.service_scale;
    Objectives {
        wss,
        cut_edges: cut,
        service_distance: service.map(|s| s.1),
        min_region_pop: rpop
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .min(if p == 0 { 0.0 } else { f64::INFINITY }),
        max_region_area: rarea.iter().copied().fold(0.0, f64::max),
        seeds_kept_as_seats: seeds_kept,
        score,
        moved_units: 0,
    }
}
