//! Finishing a construction: enclaves attached to the best neighbouring region,
//! leftover pieces made regions, and merging down to a target number of regions.

use super::Builder;
use crate::problem::NONE;
use std::collections::BinaryHeap;

impl<'m> Builder<'m> {
    /// A builder holding `assign` (regions numbered `0..p`, [`NONE`] = unassigned).
    pub(crate) fn from_assignment(
        m: &'m crate::problem::Model,
        weights: crate::Weights,
        assign: &[u32],
    ) -> Self {
        Self::from_partial(m, weights, assign, |_| true)
    }

    /// Like [`Builder::from_assignment`], but only the regions `keep` accepts
    /// get their units; the others stay as empty regions and their units
    /// unassigned (for rebuilding them).
    pub(super) fn from_partial(
        m: &'m crate::problem::Model,
        weights: crate::Weights,
        assign: &[u32],
        keep: impl Fn(u32) -> bool,
    ) -> Self {
        let mut b = Builder::new(m, weights);
        let p = super::label_bound(assign);
        b.reserve_regions(2 * p + 4);
        for _ in 0..p {
            b.new_region();
        }
        for (u, &r) in assign.iter().enumerate() {
            if r != NONE && keep(r) {
                b.add_unit(r, u);
                b.rlocked[r as usize] |= m.locked[u];
            }
        }
        b
    }

    /// Makes every connected piece of still unassigned units a region.
    pub(super) fn place_leftovers(&mut self, members: &mut Vec<u32>, frontier: &mut Vec<u32>) {
        let m = self.m;
        for u in 0..m.n {
            if m.active(u) && self.assign[u] == NONE {
                let r = self.new_region();
                members.clear();
                frontier.clear();
                self.add_block(r, u, members, frontier);
                while let Some(v) = frontier.pop() {
                    if self.assign[v as usize] == NONE {
                        self.add_block(r, v as usize, members, frontier);
                    }
                }
            }
        }
    }

    /// Attaches unassigned units to adjacent regions, best (WSS/compactness)
    /// first, breadth-first from the regions. With `relax`, ceiling (and, if
    /// needed, apart sets) are ignored so that every unit gets a region.
    pub(super) fn assign_enclaves(&mut self, relax: bool) {
        let m = self.m;
        let k = m.k;
        let mut queue: Vec<u32> = (0..m.n as u32)
            .filter(|&u| {
                let u = u as usize;
                m.active(u)
                    && self.assign[u] == NONE
                    && m.work
                        .neighbors(u)
                        .iter()
                        .any(|&v| self.assign[v as usize] != NONE)
            })
            .collect();
        let mut head = 0;
        let mut cand: Vec<(u32, u32)> = Vec::new();
        let mut sink = Vec::new();
        let mut bsum = vec![0.0; k];
        while head < queue.len() {
            let u = queue[head] as usize;
            head += 1;
            if self.assign[u] != NONE {
                continue;
            }
            cand.clear();
            for &v in m.work.neighbors(u) {
                let r = self.assign[v as usize];
                if r == NONE {
                    continue;
                }
                match cand.iter_mut().find(|c| c.0 == r) {
                    Some(c) => c.1 += 1,
                    None => cand.push((r, 1)),
                }
            }
            // block statistics
            let t = m.together_of[u];
            bsum.iter_mut().for_each(|x| *x = 0.0);
            let (mut bsq, mut bcnt) = (0.0, 0.0);
            let mut addrow = |w: usize, bsum: &mut Vec<f64>| {
                for j in 0..k {
                    bsum[j] += m.z[w * k + j];
                }
                bsq += m.znorm[w];
                bcnt += 1.0;
            };
            if t == NONE {
                addrow(u, &mut bsum);
            } else {
                for &w in &m.together[t as usize] {
                    addrow(w as usize, &mut bsum);
                }
            }
            let mut best: Option<(u32, f64, f64)> = None;
            for pass in 0..2 {
                for &(r, links) in &cand {
                    let ok = if relax && pass == 1 {
                        true
                    } else {
                        self.can_join(r, u, relax)
                    };
                    if !ok || self.rlocked[r as usize] {
                        continue;
                    }
                    let ri = r as usize;
                    let c = self.rcnt[ri] as f64;
                    let (mut s_old, mut s_new) = (0.0, 0.0);
                    for j in 0..k {
                        let a = self.rsum[ri * k + j];
                        s_old += a * a;
                        let b = a + bsum[j];
                        s_new += b * b;
                    }
                    let dw = (self.rsq[ri] + bsq - s_new / (c + bcnt))
                        - (self.rsq[ri] - s_old / c.max(1.0));
                    let mut cost = self.weights.wss * dw / m.wss_scale
                        - self.weights.compactness * links as f64 / m.cut_scale;
                    if relax {
                        cost += 1e6 * (self.rarea[ri] / m.ceiling.max(1e-300)).min(1e12);
                    }
                    let tie = -(links as f64);
                    if best.is_none_or(|b| (cost, tie) < (b.1, b.2)) {
                        best = Some((r, cost, tie));
                    }
                }
                if best.is_some() || !relax {
                    break;
                }
            }
            if let Some((r, _, _)) = best {
                {
                    let start = sink.len();
                    let mut fr = Vec::new();
                    self.add_block(r, u, &mut sink, &mut fr);
                    for i in start..sink.len() {
                        for &v in m.work.neighbors(sink[i] as usize) {
                            if self.assign[v as usize] == NONE {
                                queue.push(v);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Merges regions (smallest population first, into its smallest feasible
    /// neighbour) until `target` regions remain or no merge is feasible.
    pub fn merge_to_target(&mut self, target: usize) {
        self.merge_smallest(target, false);
    }

    /// Whether a region (other than a lone locked unit) is below the floor.
    pub fn has_region_below_floor(&self) -> bool {
        (0..self.p()).any(|r| self.rcnt[r] > 0 && !self.rlocked[r] && self.rpop[r] < self.m.floor)
    }

    /// Dissolves regions below the floor into a neighbouring region (smallest
    /// first, into the least populated neighbour the seeds, locks, apart sets
    /// and ceiling allow), trading regions for feasibility: single-unit moves
    /// can shrink a region's deficit but never empty it.
    pub fn dissolve_below_floor(&mut self) {
        self.merge_smallest(0, true);
    }

    fn merge_smallest(&mut self, target: usize, only_below_floor: bool) {
        let m = self.m;
        let p = self.p();
        if p <= target {
            return;
        }
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); p];
        for u in 0..m.n {
            if self.assign[u] != NONE {
                members[self.assign[u] as usize].push(u as u32);
            }
        }
        let mut alive = vec![true; p];
        let mut live = p;
        #[derive(PartialEq)]
        struct Item(f64, u32);
        impl Eq for Item {}
        impl PartialOrd for Item {
            fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(o))
            }
        }
        impl Ord for Item {
            fn cmp(&self, o: &Self) -> std::cmp::Ordering {
                o.0.total_cmp(&self.0).then(o.1.cmp(&self.1))
            }
        }
        let mut heap: BinaryHeap<Item> = (0..p)
            .filter(|&r| !self.rlocked[r])
            .map(|r| Item(self.rpop[r], r as u32))
            .collect();
        let mut nb: Vec<u32> = Vec::new();
        while live > target {
            let Some(Item(pp, a)) = heap.pop() else { break };
            let ai = a as usize;
            if !alive[ai] || pp != self.rpop[ai] || members[ai].is_empty() {
                continue;
            }
            if only_below_floor && pp >= m.floor {
                break;
            }
            nb.clear();
            for &w in &members[ai] {
                for &v in m.work.neighbors(w as usize) {
                    let r = self.assign[v as usize];
                    if r != a && r != NONE && !nb.contains(&r) {
                        nb.push(r);
                    }
                }
            }
            let mut best: Option<u32> = None;
            for &b in &nb {
                let bi = b as usize;
                if self.rlocked[bi]
                    || (self.rseed[ai] && self.rseed[bi])
                    || self.rarea[ai] + self.rarea[bi] > m.ceiling
                {
                    continue;
                }
                let apart_ok = members[ai].iter().all(|&w| {
                    m.apart_sets(w as usize).iter().all(|&s| {
                        m.apart[s as usize]
                            .iter()
                            .all(|&x| self.assign[x as usize] != b)
                    })
                });
                if !apart_ok {
                    continue;
                }
                if best.is_none_or(|c| self.rpop[bi] < self.rpop[c as usize]) {
                    best = Some(b);
                }
            }
            let Some(b) = best else { continue };
            let bi = b as usize;
            let moved = std::mem::take(&mut members[ai]);
            for &w in &moved {
                self.assign[w as usize] = b;
            }
            members[bi].extend_from_slice(&moved);
            self.rpop[bi] += self.rpop[ai];
            self.rarea[bi] += self.rarea[ai];
            self.rseed[bi] |= self.rseed[ai];
            self.rpop[ai] = 0.0;
            self.rarea[ai] = 0.0;
            alive[ai] = false;
            live -= 1;
            heap.push(Item(self.rpop[bi], b));
        }
    }
}
