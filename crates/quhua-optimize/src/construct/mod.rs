//! Randomised construction of an initial partition.
//!
//! Follows the construction phase of the max-p heuristic of Wei, Rey & Knaap
//! (2020, "Efficient regionalization for spatially explicit neighborhood
//! delineation", IJGIS 34(2)), itself after Duque, Anselin & Rey (2012,
//! "The max-p-regions problem", J. Regional Science): regions are grown from
//! randomly chosen units by adding adjacent unassigned units until the floor
//! is met; units of regions that cannot reach it become *enclaves* and are
//! finally attached to a neighbouring region. Additions to that scheme:
//!
//! * locked units become singleton regions first; seeds each start a region,
//!   grown round-robin so no seed starves another;
//! * optionally, every unit already above the floor becomes its own region
//!   first (the planner's "a unit above the floor may stay alone");
//! * the next region starts next to the previous one, at the unassigned unit
//!   with the fewest unassigned neighbours (corners first), which leaves fewer
//!   stranded pockets and raises p;
//! * growth completes a region with the *smallest* finishing addition
//!   (least overshoot of the floor), otherwise adds the candidate with the most
//!   links into the region (compactness), ties broken at random or by
//!   attribute similarity depending on the restart's strategy;
//! * every addition respects the area ceiling, apart sets and group boundaries
//!   (cross-group edges are absent from the working graph); together sets
//!   move as one block.
//!
//! If the floor cannot be reached everywhere, the construction still returns a
//! complete assignment (below-floor pieces become regions) so the caller can
//! report violations instead of failing.

use crate::Weights;
use crate::problem::{Model, NONE};
use crate::rng::Rng;

mod ceiling;
mod finish;
mod raise;
pub(crate) use ceiling::repair;
pub(crate) use raise::{raise_p, root_bound};

/// Restart strategy bits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Strategy {
    /// Finish with the most-linked candidate instead of the least overshoot.
    pub compact_finish: bool,
    /// Break ties by attribute similarity instead of at random.
    pub attr_ties: bool,
    /// Units above the floor become singleton regions first.
    pub big_first: bool,
}

impl Strategy {
    pub fn from_index(i: u64) -> Strategy {
        Strategy {
            compact_finish: i % 4 == 3,
            attr_ties: i % 2 == 1,
            // keeping big units alone raises p markedly (US South: +6 regions
            // on average), so only one restart in eight lets them absorb others
            big_first: i % 8 != 7,
        }
    }
}

pub(crate) struct Builder<'m> {
    m: &'m Model,
    pub assign: Vec<u32>,
    rpop: Vec<f64>,
    rarea: Vec<f64>,
    rcnt: Vec<u32>,
    rsum: Vec<f64>,
    rsq: Vec<f64>,
    repoch: Vec<u32>,
    rseed: Vec<bool>,
    rlocked: Vec<bool>,
    tried: Vec<bool>,
    stamp: Vec<u32>,
    /// Links of a frontier unit into the region whose epoch is in `stamp`.
    lk: Vec<u32>,
    epoch: u32,
    weights: Weights,
    /// Scratch for ceiling rescue paths, allocated on first use.
    reacher: Option<crate::rescue::Reacher>,
}

impl<'m> Builder<'m> {
    pub fn new(m: &'m Model, weights: Weights) -> Self {
        Builder {
            m,
            assign: vec![NONE; m.n],
            rpop: Vec::new(),
            rarea: Vec::new(),
            rcnt: Vec::new(),
            rsum: Vec::new(),
            rsq: Vec::new(),
            repoch: Vec::new(),
            rseed: Vec::new(),
            rlocked: Vec::new(),
            tried: vec![false; m.n],
            stamp: vec![0; m.n],
            lk: vec![0; m.n],
            epoch: 0,
            weights,
            reacher: None,
        }
    }

    pub fn p(&self) -> usize {
        self.rpop.len()
    }

    fn new_region(&mut self) -> u32 {
        self.epoch += 1;
        self.rpop.push(0.0);
        self.rarea.push(0.0);
        self.rcnt.push(0);
        self.rsum.extend(std::iter::repeat_n(0.0, self.m.k));
        self.rsq.push(0.0);
        self.repoch.push(self.epoch);
        self.rseed.push(false);
        self.rlocked.push(false);
        (self.rpop.len() - 1) as u32
    }

    /// Room for `extra` more regions in the per-region arrays.
    fn reserve_regions(&mut self, extra: usize) {
        self.rpop.reserve(extra);
        self.rarea.reserve(extra);
        self.rcnt.reserve(extra);
        self.rsum.reserve(extra * self.m.k);
        self.rsq.reserve(extra);
        self.repoch.reserve(extra);
        self.rseed.reserve(extra);
        self.rlocked.reserve(extra);
    }

    fn pop_region(&mut self) {
        self.rpop.pop();
        self.rarea.pop();
        self.rcnt.pop();
        let k = self.m.k;
        self.rsum.truncate(self.rsum.len() - k);
        self.rsq.pop();
        self.repoch.pop();
        self.rseed.pop();
        self.rlocked.pop();
    }

    fn add_unit(&mut self, r: u32, u: usize) {
        let m = self.m;
        let ri = r as usize;
        self.assign[u] = r;
        self.rpop[ri] += m.pop[u];
        self.rarea[ri] += m.area[u];
        self.rcnt[ri] += 1;
        self.rsq[ri] += m.znorm[u];
        let k = m.k;
        for j in 0..k {
            self.rsum[ri * k + j] += m.z[u * k + j];
        }
        if m.seed_of[u] != NONE {
            self.rseed[ri] = true;
        }
    }

    /// Adds `u`'s block (together set or `u`) to region `r`; members go to
    /// `members`, new unassigned neighbours to `frontier`.
    fn add_block(&mut self, r: u32, u: usize, members: &mut Vec<u32>, frontier: &mut Vec<u32>) {
        let t = self.m.together_of[u];
        let start = members.len();
        if t == NONE {
            self.add_unit(r, u);
            members.push(u as u32);
        } else {
            for &w in &self.m.together[t as usize] {
                if self.assign[w as usize] == NONE {
                    self.add_unit(r, w as usize);
                    members.push(w);
                }
            }
        }
        let ep = self.repoch[r as usize];
        for i in start..members.len() {
            let w = members[i] as usize;
            for &v in self.m.work.neighbors(w) {
                let vi = v as usize;
                if self.assign[vi] == NONE {
                    if self.stamp[vi] != ep {
                        self.stamp[vi] = ep;
                        self.lk[vi] = 0;
                        frontier.push(v);
                    }
                    self.lk[vi] += 1;
                }
            }
        }
    }

    /// Whether `v`'s block may join region `r` (ceiling, apart sets).
    fn can_join(&self, r: u32, v: usize, relax: bool) -> bool {
        let (_, ba) = self.m.block(v);
        if !relax && self.rarea[r as usize] + ba > self.m.ceiling {
            return false;
        }
        let t = self.m.together_of[v];
        if t == NONE && self.m.seed_of[v] == NONE && self.m.apart_sets(v).is_empty() {
            return true;
        }
        let block: &[u32] = if t == NONE {
            std::slice::from_ref(&0u32)
        } else {
            &self.m.together[t as usize]
        };
        for (i, &w0) in block.iter().enumerate() {
            let w = if t == NONE && i == 0 { v } else { w0 as usize };
            if self.m.seed_of[w] != NONE && self.rseed[r as usize] {
                return false;
            }
            for &s in self.m.apart_sets(w) {
                for &x in &self.m.apart[s as usize] {
                    if x as usize != w && self.assign[x as usize] == r {
                        return false;
                    }
                }
            }
        }
        true
    }

    fn links(&self, r: u32, v: usize) -> u32 {
        self.m
            .work
            .neighbors(v)
            .iter()
            .filter(|&&x| self.assign[x as usize] == r)
            .count() as u32
    }

    fn attr_dist(&self, r: u32, v: usize) -> f64 {
        let k = self.m.k;
        let c = self.rcnt[r as usize].max(1) as f64;
        let ri = r as usize;
        (0..k)
            .map(|j| {
                let d = self.m.z[v * k + j] - self.rsum[ri * k + j] / c;
                d * d
            })
            .sum()
    }

    /// One growth step of region `r`; false if no candidate can join.
    fn grow_step(
        &mut self,
        r: u32,
        frontier: &mut Vec<u32>,
        members: &mut Vec<u32>,
        st: Strategy,
        rng: &mut Rng,
    ) -> bool {
        let floor = self.m.floor;
        let mut best: Option<(usize, (u8, f64, f64))> = None;
        let mut i = 0;
        while i < frontier.len() {
            let v = frontier[i] as usize;
            if self.assign[v] != NONE || !self.can_join(r, v, false) {
                frontier.swap_remove(i);
                continue;
            }
            let (bp, _) = self.m.block(v);
            let fin = self.rpop[r as usize] + bp >= floor;
            let links = if self.stamp[v] == self.repoch[r as usize] {
                self.lk[v]
            } else {
                self.links(r, v)
            } as f64;
            let tie = if st.attr_ties {
                0.9 / (1.0 + self.attr_dist(r, v))
            } else {
                0.9 * rng.f64()
            };
            let key = if fin {
                if st.compact_finish {
                    (1u8, links, -bp)
                } else {
                    (1u8, -bp, links + tie)
                }
            } else {
                (0u8, links + tie, 0.0)
            };
            let better = match &best {
                None => true,
                Some((_, b)) => {
                    (key.0, key.1, key.2) > (b.0, b.1, b.2)
                        && !(key.0 == b.0 && key.1 == b.1 && key.2 == b.2)
                }
            };
            if better {
                best = Some((i, key));
            }
            i += 1;
        }
        match best {
            Some((i, _)) => {
                let v = frontier.swap_remove(i) as usize;
                self.add_block(r, v, members, frontier);
                true
            }
            None => false,
        }
    }

    /// Full construction. Returns None if cancelled.
    pub fn build(
        &mut self,
        st: Strategy,
        rng: &mut Rng,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<()> {
        let m = self.m;
        let n = m.n;
        let floor = m.floor;
        let mut members = Vec::new();
        let mut frontier = Vec::new();
        // 1. locked units
        for u in 0..n {
            if m.locked[u] {
                let r = self.new_region();
                self.add_unit(r, u);
                self.rlocked[r as usize] = true;
            }
        }
        // 2. seeds, grown round-robin
        let mut seed_regions: Vec<(u32, Vec<u32>, Vec<u32>, bool)> = Vec::new();
        for &s in &m.seeds {
            let s = s as usize;
            if !m.active(s) || self.assign[s] != NONE {
                continue;
            }
            let r = self.new_region();
            let (mut mem, mut fr) = (Vec::new(), Vec::new());
            self.add_block(r, s, &mut mem, &mut fr);
            seed_regions.push((r, mem, fr, false));
        }
        loop {
            let mut any = false;
            for i in 0..seed_regions.len() {
                let (r, mut mem, mut fr, stuck) = std::mem::take(&mut seed_regions[i]);
                let mut stuck = stuck;
                if !stuck && self.rpop[r as usize] < floor {
                    if self.grow_step(r, &mut fr, &mut mem, st, rng) {
                        any = true;
                    } else {
                        stuck = true;
                    }
                }
                seed_regions[i] = (r, mem, fr, stuck);
            }
            if !any {
                break;
            }
        }
        if cancelled() {
            return None;
        }
        // 3. rescue regions for units that are hard to place under the ceiling
        self.rescue(&m.hard, &mut members, &mut frontier);
        // 4. big units alone
        let mut order: Vec<u32> = (0..n as u32).filter(|&u| m.active(u as usize)).collect();
        rng.shuffle(&mut order);
        if st.big_first {
            for &u in &order {
                let u = u as usize;
                if self.assign[u] == NONE
                    && m.together_of[u] == NONE
                    && m.pop[u] >= floor
                    && m.area[u] <= m.ceiling
                {
                    let r = self.new_region();
                    self.add_unit(r, u);
                }
            }
        }
        // 5. grow regions
        let mut next = 0usize;
        let mut near: Vec<u32> = Vec::new();
        let mut near_seen: Vec<u32> = vec![0; n];
        let mut near_epoch = 0u32;
        let mut count = 0usize;
        loop {
            count += 1;
            if count.is_multiple_of(256) && cancelled() {
                return None;
            }
            // start: unassigned near the last region with fewest free neighbours
            let mut start = None;
            let mut best_free = usize::MAX;
            for &v in &near {
                let v = v as usize;
                if self.assign[v] != NONE || self.tried[v] {
                    continue;
                }
                let free = m
                    .work
                    .neighbors(v)
                    .iter()
                    .filter(|&&x| self.assign[x as usize] == NONE)
                    .count();
                if free < best_free || (free == best_free && rng.below(2) == 0) {
                    best_free = free;
                    start = Some(v);
                }
            }
            if start.is_none() {
                while next < order.len() {
                    let v = order[next] as usize;
                    next += 1;
                    if self.assign[v] == NONE && !self.tried[v] {
                        start = Some(v);
                        break;
                    }
                }
            }
            let Some(s) = start else { break };
            let r = self.new_region();
            members.clear();
            frontier.clear();
            self.add_block(r, s, &mut members, &mut frontier);
            while self.rpop[r as usize] < floor {
                if !self.grow_step(r, &mut frontier, &mut members, st, rng) {
                    break;
                }
            }
            if self.rpop[r as usize] >= floor {
                // unassigned neighbours of the region (the frontier lost
                // blocked candidates), each once
                near.clear();
                near_epoch += 1;
                for &w in &members {
                    for &v in m.work.neighbors(w as usize) {
                        let vi = v as usize;
                        if self.assign[vi] == NONE && near_seen[vi] != near_epoch {
                            near_seen[vi] = near_epoch;
                            near.push(v);
                        }
                    }
                }
            } else {
                for &w in &members {
                    self.assign[w as usize] = NONE;
                    self.tried[w as usize] = true;
                }
                self.pop_region();
                near.clear();
            }
        }
        // 6. enclaves
        self.assign_enclaves(false);
        self.assign_enclaves(true);
        // 7. leftovers: pieces with no region at all
        self.place_leftovers(&mut members, &mut frontier);
        Some(())
    }
}

/// One past the highest region label in `assign` (0 when nothing is assigned).
pub(crate) fn label_bound(assign: &[u32]) -> usize {
    assign
        .iter()
        .filter(|&&r| r != NONE)
        .map(|&r| r as usize + 1)
        .max()
        .unwrap_or(0)
}

/// Relabels regions in order of first appearance (input order); returns p.
pub(crate) fn canonicalize(assign: &mut [u32]) -> usize {
    let mut map = vec![NONE; label_bound(assign)];
    let mut p = 0u32;
    for a in assign.iter_mut() {
        if *a == NONE {
            continue;
        }
        let r = *a as usize;
        if map[r] == NONE {
            map[r] = p;
            p += 1;
        }
        *a = map[r];
    }
    p as usize
}
