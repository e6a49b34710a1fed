//! Area-ceiling support: which units are hard to place, rescue regions for
//! them, and a sound bound that proves a unit cannot be placed at all.
//!
//! With an area ceiling, a thinly populated unit reaches the floor only if its
//! region reaches dense units within the area budget — often one particular
//! city several units away (on the US South set, Brewster County, Texas,
//! needs El Paso through Presidio and Hudspeth). Growth by links alone lets
//! other regions claim that city first and leaves the sparse units as enclaves
//! that push their region over the ceiling.
//!
//! * [`reach`] runs a node-weighted Dijkstra from a unit (cost = area),
//!   bounded by the ceiling: every region containing the unit and within the
//!   ceiling lies inside the reached set, and each reached unit comes with the
//!   minimum-area path to it and that path's population.
//! * [`hard_units`]: units whose cheapest floor-reaching path takes more than
//!   half the ceiling (or that have none), hardest first. The construction
//!   gives each of them a region before ordinary growth
//!   (`Builder::rescue`): the minimum-area path to the first point where the
//!   path's population reaches the floor, completed densest-first.
//! * [`floor_out_of_reach_without`]: fractional-knapsack upper bound on the
//!   population of any contiguous region containing the unit whose area stays
//!   under the ceiling; below the floor it proves infeasibility.

use crate::problem::{Model, NONE};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A unit reached by [`reach`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reached {
    pub unit: u32,
    /// Area of the minimum-area path from the start, both ends included.
    pub area: f64,
    /// Population along that path.
    pub pop: f64,
    /// Index (in the returned list) of the previous unit on the path, or NONE.
    pub parent: u32,
}

#[derive(PartialEq)]
struct Item(f64, u32);
impl Eq for Item {}
impl PartialOrd for Item {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Item {
    fn cmp(&self, o: &Self) -> Ordering {
        o.0.total_cmp(&self.0).then(o.1.cmp(&self.1))
    }
}

/// Scratch space for [`Reacher::reach`], reusable across starts (dense arrays
/// with epoch stamps: no clearing, no hashing).
pub(crate) struct Reacher {
    dist: Vec<f64>,
    pop: Vec<f64>,
    from: Vec<u32>,
    seen: Vec<u32>,
    settled: Vec<u32>,
    index: Vec<u32>,
    epoch: u32,
    heap: BinaryHeap<Item>,
    /// Units settled by the last search, in order of path area.
    pub out: Vec<Reached>,
}

impl Reacher {
    pub fn new(n: usize) -> Self {
        Reacher {
            dist: vec![0.0; n],
            pop: vec![0.0; n],
            from: vec![NONE; n],
            seen: vec![0; n],
            settled: vec![0; n],
            index: vec![0; n],
            epoch: 0,
            heap: BinaryHeap::new(),
            out: Vec::new(),
        }
    }

    /// Units reachable from `start` through units accepted by `usable`, along
    /// paths whose total area (start included) stays within `limit`, settled
    /// in order of path area into [`Reacher::out`]. `stop` is called on each
    /// settled unit and ends the search early when it returns true.
    pub fn reach(
        &mut self,
        m: &Model,
        start: usize,
        limit: f64,
        usable: impl Fn(usize) -> bool,
        mut stop: impl FnMut(&Reached) -> bool,
    ) -> &[Reached] {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.seen.iter_mut().for_each(|x| *x = 0);
            self.settled.iter_mut().for_each(|x| *x = 0);
            self.epoch = 1;
        }
        let ep = self.epoch;
        self.out.clear();
        self.heap.clear();
        self.seen[start] = ep;
        self.dist[start] = m.area[start];
        self.pop[start] = m.pop[start];
        self.from[start] = NONE;
        self.heap.push(Item(m.area[start], start as u32));
        while let Some(Item(d, u)) = self.heap.pop() {
            let ui = u as usize;
            if self.settled[ui] == ep || d > self.dist[ui] {
                continue;
            }
            self.settled[ui] = ep;
            self.index[ui] = self.out.len() as u32;
            let f = self.from[ui];
            let r = Reached {
                unit: u,
                area: d,
                pop: self.pop[ui],
                parent: if f == NONE {
                    NONE
                } else {
                    self.index[f as usize]
                },
            };
            self.out.push(r);
            if stop(&r) {
                break;
            }
            for &v in m.work.neighbors(ui) {
                let vi = v as usize;
                if self.settled[vi] == ep || !usable(vi) {
                    continue;
                }
                let nd = d + m.area[vi];
                if nd > limit {
                    continue;
                }
                if self.seen[vi] != ep || nd < self.dist[vi] {
                    self.seen[vi] = ep;
                    self.dist[vi] = nd;
                    self.pop[vi] = r.pop + m.pop[vi];
                    self.from[vi] = u;
                    self.heap.push(Item(nd, v));
                }
            }
        }
        &self.out
    }
}

/// Whether `u` can take part in ceiling rescue paths (moves alone, no seed).
fn plain(m: &Model, u: usize) -> bool {
    m.active(u) && m.together_of[u] == NONE && m.seed_of[u] == NONE
}

/// Units below the floor whose cheapest floor-reaching path uses more than half
/// the ceiling (or that have none), hardest first. Empty without a ceiling.
pub(crate) fn hard_units(m: &Model) -> Vec<u32> {
    if !m.ceiling.is_finite() || m.floor <= 0.0 {
        return Vec::new();
    }
    let mut hard: Vec<(f64, u32)> = Vec::new();
    let mut reacher = Reacher::new(m.n);
    let limit = 0.5 * m.ceiling;
    for u in 0..m.n {
        if !plain(m, u) || m.pop[u] >= m.floor {
            continue;
        }
        let mut found = f64::INFINITY;
        reacher.reach(
            m,
            u,
            limit,
            |v| plain(m, v),
            |r| {
                if r.pop >= m.floor {
                    found = r.area;
                    true
                } else {
                    false
                }
            },
        );
        if found > limit {
            hard.push((found, u as u32));
        }
    }
    hard.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    hard.into_iter().map(|(_, u)| u).collect()
}

/// Proof that no region containing `u` can meet the floor within the ceiling: the
/// fractional-knapsack upper bound on the population of any contiguous region that
/// contains `u` and stays within the ceiling (densest first over the units within
/// path-area reach), when that bound is below the floor. The search stops as soon as a
/// single path within the ceiling reaches the floor (a witness that `u` can be placed).
///
/// Units accepted by `skip` are taken out of the graph: then `Some` proves that every region
/// containing `u` that meets the floor within the ceiling contains one of them.
pub(crate) fn floor_out_of_reach_without(
    m: &Model,
    reacher: &mut Reacher,
    u: usize,
    skip: impl Fn(usize) -> bool,
) -> Option<f64> {
    let reached = reacher.reach(
        m,
        u,
        m.ceiling,
        |v| !skip(v) && m.active(v),
        |r| r.pop >= m.floor,
    );
    if reached.last().is_some_and(|r| r.pop >= m.floor) {
        return None;
    }
    let mut others: Vec<(f64, f64)> = reached
        .iter()
        .skip(1)
        .map(|r| (m.pop[r.unit as usize], m.area[r.unit as usize]))
        .collect();
    others.sort_by(|a, b| (b.0 * a.1).total_cmp(&(a.0 * b.1)));
    let mut budget = m.ceiling - m.area[u];
    let mut total = m.pop[u];
    for (p, a) in others {
        if budget <= 0.0 {
            break;
        }
        if a <= budget {
            total += p;
            budget -= a;
        } else {
            total += p * budget / a;
            break;
        }
    }
    (total < m.floor).then_some(total)
}

/// The path from the start to `reached[i]` (start first).
pub(crate) fn path(reached: &[Reached], mut i: usize) -> Vec<u32> {
    let mut out = Vec::new();
    loop {
        out.push(reached[i].unit);
        let p = reached[i].parent;
        if p == NONE {
            break;
        }
        i = p as usize;
    }
    out.reverse();
    out
}
