//! Raising the number of regions of a feasible partition by local destroy-and-rebuild.
//!
//! Randomised construction often stops one to three regions short of the optimum at county
//! scale: a region that could have been split was grown past twice the floor, or a few
//! neighbouring regions share their surplus so that none can give up a unit. This step
//! dissolves a random region together with the regions around it (one ring, or two a
//! quarter of the time), regrows the freed units with the construction's growth (the
//! rebuild of [`super::ceiling`] in its strict form: rescue regions only a third of the
//! time, starts corner-first — the free unit with fewest free neighbours —, nothing forced
//! into a region that does not admit it) and keeps the result when every unit has a region,
//! every region meets the floor and the ceiling and there are more regions — or as many,
//! half of the time, so that the search walks across plateaus of equal p towards a
//! partition where a split becomes possible. It stops at the simple upper bound
//! `Σ ⌊pop(c)/floor⌋` over the connected pieces `c` (plus locked units), after `attempts`
//! rebuilds, or after `patience` rebuilds without a new region.
//!
//! Locked units and regions holding a seed are never dissolved; growth honours the
//! ceiling, seeds, apart and together sets and group boundaries as in the construction, so
//! a feasible partition stays feasible. Deterministic for a given random stream.

use super::ceiling::{Health, regrow};
use super::{canonicalize, label_bound};
use crate::Weights;
use crate::problem::{Model, NONE};
use crate::rng::Rng;

/// Upper bound on p: locked units plus `Σ ⌊pop/floor⌋` over the connected pieces of the
/// active units on the working graph (the exact check's root bound).
pub(crate) fn root_bound(m: &Model) -> usize {
    if m.floor <= 0.0 {
        return m.n;
    }
    let mut seen = vec![false; m.n];
    let mut stack = Vec::new();
    let mut total = (0..m.n).filter(|&u| m.locked[u]).count();
    for s in 0..m.n {
        if seen[s] || !m.active(s) {
            continue;
        }
        seen[s] = true;
        stack.push(s);
        let mut pop = 0.0;
        while let Some(u) = stack.pop() {
            pop += m.pop[u];
            for &v in m.work.neighbors(u) {
                let v = v as usize;
                if !seen[v] && m.active(v) {
                    seen[v] = true;
                    stack.push(v);
                }
            }
        }
        total += (pop / m.floor + 1e-9).floor() as usize;
    }
    total
}

/// Regions of an assignment as far as raising p is concerned.
struct Regions {
    /// Units per region.
    size: Vec<usize>,
    /// Holds a locked unit or a seed: never dissolved.
    fixed: Vec<bool>,
    /// Adjacent regions (CSR over `adj_off`).
    adj_off: Vec<usize>,
    adj: Vec<u32>,
}

impl Regions {
    fn of(m: &Model, assign: &[u32]) -> Regions {
        let p = label_bound(assign);
        let mut fixed = vec![false; p];
        let mut size = vec![0; p];
        // units grouped by region (counting sort)
        let mut off = vec![0usize; p + 1];
        for u in 0..m.n {
            let r = assign[u];
            if r != NONE {
                fixed[r as usize] |= !m.active(u) || m.seed_of[u] != NONE;
                size[r as usize] += 1;
                off[r as usize + 1] += 1;
            }
        }
        for r in 0..p {
            off[r + 1] += off[r];
        }
        let mut fill = off.clone();
        let mut units = vec![0u32; off[p]];
        for u in 0..m.n {
            let r = assign[u];
            if r != NONE {
                units[fill[r as usize]] = u as u32;
                fill[r as usize] += 1;
            }
        }
        let mut mark = vec![NONE; p];
        let mut adj_off = Vec::with_capacity(p + 1);
        let mut adj = Vec::new();
        adj_off.push(0);
        for r in 0..p {
            for &u in &units[off[r]..off[r + 1]] {
                for &v in m.work.neighbors(u as usize) {
                    let s = assign[v as usize];
                    if s != NONE && s as usize != r && mark[s as usize] != r as u32 {
                        mark[s as usize] = r as u32;
                        adj.push(s);
                    }
                }
            }
            adj_off.push(adj.len());
        }
        Regions {
            size,
            fixed,
            adj_off,
            adj,
        }
    }

    fn neighbours(&self, r: u32) -> &[u32] {
        &self.adj[self.adj_off[r as usize]..self.adj_off[r as usize + 1]]
    }
}

/// Regions within `ring` steps of `start` on the region graph (fixed ones left out).
fn rings(regions: &Regions, start: u32, ring: usize) -> Vec<bool> {
    let mut freed = vec![false; regions.fixed.len()];
    freed[start as usize] = true;
    let mut layer = vec![start];
    for _ in 0..ring {
        let mut next = Vec::new();
        for &r in &layer {
            for &s in regions.neighbours(r) {
                if !freed[s as usize] && !regions.fixed[s as usize] {
                    freed[s as usize] = true;
                    next.push(s);
                }
            }
        }
        layer = next;
    }
    freed
}

/// Tries to raise the number of regions of `assign` (see the module note) within `budget`
/// freed units summed over all rebuilds (the work, comparable to local-search moves) and
/// `patience` rebuilds without a new region. `assign` must be feasible on floor and ceiling
/// with every active unit in a region; otherwise it is left as it is. Returns the number of
/// regions at the end.
pub(crate) fn raise_p(
    m: &Model,
    weights: Weights,
    assign: &mut [u32],
    rng: &mut Rng,
    budget: usize,
    patience: usize,
    bound: usize,
) -> usize {
    let health = Health::of(m, assign);
    let mut p = health.p;
    if !health.bad.is_empty() || m.floor <= 0.0 || p >= bound {
        return p;
    }
    if (0..m.n).any(|u| m.active(u) && assign[u] == NONE) {
        return p;
    }
    canonicalize(assign);
    let mut regions = Regions::of(m, assign);
    let mut since = 0usize;
    let mut spent = 0usize;
    while since < patience && spent < budget && p < bound {
        since += 1;
        let start = assign[rng.below(m.n)];
        if start == NONE || regions.fixed[start as usize] {
            continue;
        }
        let ring = 1 + (rng.below(4) == 0) as usize;
        let freed = rings(&regions, start, ring);
        spent += (0..freed.len())
            .filter(|&r| freed[r])
            .map(|r| regions.size[r])
            .sum::<usize>();
        let trial = regrow(m, weights, assign, &freed, rng, true);
        if (0..m.n).any(|u| m.active(u) && trial[u] == NONE) {
            continue;
        }
        let h = Health::of(m, &trial);
        if !h.bad.is_empty() || h.p < p || (h.p == p && rng.below(2) == 0) {
            continue;
        }
        if h.p > p {
            since = 0;
        }
        p = h.p;
        assign.copy_from_slice(&trial);
        canonicalize(assign);
        regions = Regions::of(m, assign);
    }
    p
}
