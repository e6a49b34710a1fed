//! Construction steps for the area ceiling: rescue regions for hard units
//! (see [`crate::rescue`]) and a destroy-and-rebuild repair of regions that
//! ended above the ceiling.

use super::{Builder, Strategy, canonicalize, label_bound};
use crate::Weights;
use crate::problem::{Model, NONE};
use crate::rng::Rng;

impl Builder<'_> {
    /// Gives each still unassigned hard unit (see [`crate::rescue`]) a region
    /// along the minimum-area path to where the path's population reaches the
    /// floor, completed densest-first within the ceiling. Regions that still
    /// miss the floor are undone and left to ordinary growth.
    pub(super) fn rescue(&mut self, hard: &[u32], members: &mut Vec<u32>, frontier: &mut Vec<u32>) {
        let m = self.m;
        for &h in hard {
            let h = h as usize;
            if self.assign[h] != NONE {
                continue;
            }
            let usable = |v: usize| {
                self.assign[v] == NONE
                    && m.active(v)
                    && m.together_of[v] == NONE
                    && m.seed_of[v] == NONE
            };
            let mut target = None;
            let mut reacher = self
                .reacher
                .take()
                .unwrap_or_else(|| crate::rescue::Reacher::new(m.n));
            let reached = reacher.reach(m, h, m.ceiling, usable, |r| r.pop >= m.floor);
            if let Some(last) = reached.last()
                && last.pop >= m.floor
            {
                target = Some(reached.len() - 1);
            }
            let target = target.unwrap_or_else(|| {
                // no single path reaches the floor: head for the most populous path
                (0..reached.len())
                    .max_by(|&a, &b| reached[a].pop.total_cmp(&reached[b].pop))
                    .unwrap_or(0)
            });
            let r = self.new_region();
            members.clear();
            frontier.clear();
            let mut ok = true;
            let path = crate::rescue::path(reached, target);
            self.reacher = Some(reacher);
            for u in path {
                let u = u as usize;
                if !self.can_join(r, u, false) {
                    ok = false;
                    break;
                }
                self.add_block(r, u, members, frontier);
            }
            while ok && self.rpop[r as usize] < m.floor {
                ok = self.densest_step(r, frontier, members);
            }
            if !ok || self.rpop[r as usize] < m.floor {
                for &w in members.iter() {
                    self.assign[w as usize] = NONE;
                }
                self.pop_region();
            }
        }
    }

    /// Adds to `r` the frontier unit that finishes the floor with least area,
    /// else the densest one; false if none can join.
    fn densest_step(&mut self, r: u32, frontier: &mut Vec<u32>, members: &mut Vec<u32>) -> bool {
        let floor = self.m.floor;
        let need = floor - self.rpop[r as usize];
        let mut best: Option<(usize, (bool, f64))> = None;
        let mut i = 0;
        while i < frontier.len() {
            let v = frontier[i] as usize;
            if self.assign[v] != NONE || !self.can_join(r, v, false) {
                frontier.swap_remove(i);
                continue;
            }
            let (bp, ba) = self.m.block(v);
            let key = if bp >= need {
                (true, -ba)
            } else {
                (false, bp / ba.max(1e-12))
            };
            if best.is_none_or(|(_, b)| (key.0 & !b.0) || (key.0 == b.0 && key.1 > b.1)) {
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
}

/// State of an assignment as far as the repair is concerned.
pub(super) struct Health {
    /// Regions violating floor or ceiling.
    pub bad: Vec<u32>,
    /// Those of them a rebuild could change (not a lone island).
    fixable: Vec<u32>,
    /// Number of regions.
    pub p: usize,
    /// Sum of relative violations (area over the ceiling, population short
    /// of the floor), a gradient towards feasibility.
    excess: f64,
}

impl Health {
    pub(super) fn of(m: &Model, assign: &[u32]) -> Health {
        let p = label_bound(assign);
        let mut pop = vec![0.0; p];
        let mut area = vec![0.0; p];
        let mut cnt = vec![0u32; p];
        let mut locked = vec![false; p];
        let mut linked = vec![false; p];
        for u in 0..m.n {
            let r = assign[u];
            if r == NONE {
                continue;
            }
            let r = r as usize;
            pop[r] += m.pop[u];
            area[r] += m.area[u];
            cnt[r] += 1;
            locked[r] |= m.locked[u];
            linked[r] |= m.work.degree(u) > 0;
        }
        let mut bad = Vec::new();
        let mut fixable = Vec::new();
        let mut excess = 0.0;
        for r in 0..p {
            if cnt[r] == 0 {
                continue;
            }
            let short = pop[r] < m.floor && !(locked[r] && m.locked_exempt);
            let over = area[r] > m.ceiling;
            if short {
                excess += 1.0 - pop[r] / m.floor;
            }
            if over {
                excess += area[r] / m.ceiling - 1.0;
            }
            if short || over {
                bad.push(r as u32);
                if linked[r] {
                    fixable.push(r as u32);
                }
            }
        }
        Health {
            bad,
            fixable,
            p: cnt.iter().filter(|&&c| c > 0).count(),
            excess,
        }
    }

    /// Fewer violating regions; as many but smaller violations; or as good
    /// and more regions.
    fn better_than(&self, o: &Health) -> bool {
        use std::cmp::Ordering::*;
        match self.bad.len().cmp(&o.bad.len()) {
            Less => true,
            Greater => false,
            Equal if self.bad.is_empty() => self.p > o.p,
            Equal => self.excess < o.excess * (1.0 - 1e-9),
        }
    }
}

/// Repairs regions that violate the ceiling (or floor) by destroy-and-rebuild:
/// the region and its neighbouring regions (one, then two, then three rings)
/// are dissolved and rebuilt hardest unit first with [`Builder::rescue`],
/// then by ordinary growth, enclaves and leftovers as in the construction.
/// A rebuild is kept when [`Health::better_than`] the current state, so the
/// repair walks down the total violation even when a region cannot be fixed
/// in one step. Regions holding locked units or seeds are never dissolved.
/// Returns whether the assignment changed.
pub(crate) fn repair(
    m: &Model,
    weights: Weights,
    assign: &mut [u32],
    rng: &mut Rng,
    attempts: usize,
) -> bool {
    let mut changed = false;
    let mut health = Health::of(m, assign);
    for attempt in 0..attempts {
        if health.fixable.is_empty() {
            break;
        }
        let ring = 1 + attempt * 3 / attempts.max(1);
        let target = health.fixable[rng.below(health.fixable.len())];
        let Some(trial) = rebuild(m, weights, assign, target, ring, rng, false) else {
            continue;
        };
        let h = Health::of(m, &trial);
        if h.better_than(&health) {
            assign.copy_from_slice(&trial);
            canonicalize(assign);
            health = Health::of(m, assign);
            changed = true;
        }
    }
    changed
}

/// One destroy-and-rebuild around region `target`; None if nothing can be freed. With
/// `strict`, enclaves only join regions that admit them (ceiling, seeds, apart sets) and
/// nothing is forced: units left without a region stay unassigned ([`NONE`]).
pub(super) fn rebuild(
    m: &Model,
    weights: Weights,
    assign: &[u32],
    target: u32,
    ring: usize,
    rng: &mut Rng,
    strict: bool,
) -> Option<Vec<u32>> {
    let p = label_bound(assign);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); p];
    let mut fixed = vec![false; p];
    for u in 0..m.n {
        let r = assign[u];
        if r != NONE {
            members[r as usize].push(u as u32);
            fixed[r as usize] |= !m.active(u) || m.seed_of[u] != NONE;
        }
    }
    if fixed[target as usize] {
        return None;
    }
    // regions within `ring` hops of the target
    let mut freed = vec![false; p];
    freed[target as usize] = true;
    let mut layer = vec![target];
    for _ in 0..ring {
        let mut next = Vec::new();
        for &r in &layer {
            for &u in &members[r as usize] {
                for &v in m.work.neighbors(u as usize) {
                    let s = assign[v as usize];
                    if s != NONE && !freed[s as usize] && !fixed[s as usize] {
                        freed[s as usize] = true;
                        next.push(s);
                    }
                }
            }
        }
        layer = next;
    }
    Some(regrow(m, weights, assign, &freed, rng, strict))
}

/// Dissolves the regions `freed` marks and grows the freed units again (see [`rebuild`]).
pub(super) fn regrow(
    m: &Model,
    weights: Weights,
    assign: &[u32],
    freed: &[bool],
    rng: &mut Rng,
    strict: bool,
) -> Vec<u32> {
    let mut b = Builder::from_partial(m, weights, assign, |r| !freed[r as usize]);
    let free_units: Vec<u32> = (0..m.n as u32)
        .filter(|&u| assign[u as usize] != NONE && freed[assign[u as usize] as usize])
        .collect();
    // raising p: rescue regions (densest-first, loose on population) only now and then
    let rescue = !strict || rng.below(3) == 0;
    // hardest first, judged on what is free now
    let mut reacher = rescue.then(|| crate::rescue::Reacher::new(m.n));
    let mut order: Vec<(f64, u64, u32)> = free_units
        .iter()
        .map(|&u| {
            let ui = u as usize;
            let mut found = f64::INFINITY;
            if m.pop[ui] >= m.floor {
                found = m.area[ui];
            } else if let Some(reacher) = reacher.as_mut() {
                // only "more than 0.3 × ceiling" matters below
                reacher.reach(
                    m,
                    ui,
                    0.3 * m.ceiling,
                    |v| b.assign[v] == NONE && m.active(v) && m.together_of[v] == NONE,
                    |r| {
                        let done = r.pop >= m.floor;
                        if done {
                            found = r.area;
                        }
                        done
                    },
                );
            }
            // noise so that repeated attempts explore different orders
            let noise = 0.6 + 0.8 * rng.f64();
            (found * noise, rng.next_u64(), u)
        })
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let hard: Vec<u32> = order
        .iter()
        .filter(|x| rescue && x.0 > 0.3 * m.ceiling)
        .map(|x| x.2)
        .collect();
    b.reacher = reacher;
    let (mut mem, mut fr) = (Vec::new(), Vec::new());
    b.rescue(&hard, &mut mem, &mut fr);
    // ordinary growth for the rest, random starts (raising p: corners first, fewest free
    // neighbours, which leaves fewer stranded pockets)
    let st = Strategy::from_index(rng.next_u64());
    let mut starts: Vec<u32> = order.iter().map(|x| x.2).collect();
    rng.shuffle(&mut starts);
    let mut next = 0;
    // free neighbours of each free unit (corner-first starts), kept up to date below
    let mut free_deg: Vec<u32> = Vec::new();
    if strict {
        free_deg = vec![0; m.n];
        for &v in &starts {
            let v = v as usize;
            if b.assign[v] == NONE {
                free_deg[v] = m
                    .work
                    .neighbors(v)
                    .iter()
                    .filter(|&&x| b.assign[x as usize] == NONE)
                    .count() as u32;
            }
        }
    }
    loop {
        let s0 = if strict {
            let mut best: Option<(usize, u32)> = None;
            for &v in &starts {
                let v = v as usize;
                if b.assign[v] == NONE && !b.tried[v] && best.is_none_or(|(_, d)| free_deg[v] < d) {
                    best = Some((v, free_deg[v]));
                }
            }
            match best {
                Some((v, _)) => v,
                None => break,
            }
        } else {
            let Some(&s0) = starts.get(next) else { break };
            next += 1;
            s0 as usize
        };
        if b.assign[s0] != NONE || b.tried[s0] {
            continue;
        }
        let r = b.new_region();
        mem.clear();
        fr.clear();
        b.add_block(r, s0, &mut mem, &mut fr);
        while b.rpop[r as usize] < m.floor {
            if !b.grow_step(r, &mut fr, &mut mem, st, rng) {
                break;
            }
        }
        if b.rpop[r as usize] < m.floor {
            for &w in &mem {
                b.assign[w as usize] = NONE;
                b.tried[w as usize] = true;
            }
            b.pop_region();
        }
        // the region's units (or the tried ones) are no longer free
        if strict {
            for &w in &mem {
                for &x in m.work.neighbors(w as usize) {
                    let x = x as usize;
                    free_deg[x] = free_deg[x].saturating_sub(1);
                }
            }
        }
    }
    b.assign_enclaves(false);
    if !strict {
        b.assign_enclaves(true);
        b.place_leftovers(&mut mem, &mut fr);
    }
    b.assign
}
