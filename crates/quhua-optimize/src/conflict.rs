//! Floor and ceiling in conflict: which rule gives way, and only where a proof says one must.
//!
//! The pre-checks prove, unit by unit, that some units cannot meet both rules
//! ([`Infeasible::UnitOverCeiling`], [`Infeasible::FloorOutOfReach`],
//! [`Infeasible::SharedNeed`]) or cannot meet the floor at all (a locked unit, an island or a
//! whole connected piece below it). The planner chooses with [`Prefer`] which rule yields in
//! the regions holding such a unit. [`settle`] then turns a finished scheme into one where
//! **no region breaks a rule unless it holds a proven unit**:
//!
//! * `Prefer::Floor` — every region reaches the floor; a region over the ceiling must hold a
//!   proven unit. Regions below the floor are merged into a neighbour (one with room under the
//!   ceiling first, else one that holds a proven unit); regions over the ceiling without a
//!   proof shed border units to neighbours with room or to a proven region, and are merged
//!   towards the nearest proven region when shedding is not enough.
//! * `Prefer::Ceiling` — every region stays within the ceiling; a region below the floor must
//!   hold a proven unit. Regions over the ceiling shed border units to neighbours with room;
//!   regions below the floor merge into a neighbour with room, take units from neighbours that
//!   can spare them, or are dissolved into neighbours with room.
//!
//! Afterwards the total excess (km² over the ceiling, or people under the floor) of the
//! proven regions is lowered greedily by the same single-unit moves. [`conflicts`] lists each
//! remaining violating region with its excess and the proven units (and proofs) that explain
//! it; a region with an empty list is *unexplained* (the search found no better scheme, but no
//! proof exists either).

use crate::infeasible::{Infeasibility, Infeasible};
use crate::problem::{Model, NONE};
use serde::{Deserialize, Serialize};

/// Which rule gives way where floor and ceiling cannot both hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefer {
    /// The floor holds everywhere; regions holding a proven unit may exceed the ceiling.
    #[default]
    Floor,
    /// The ceiling holds everywhere; regions holding a proven unit may stay below the floor.
    Ceiling,
}

/// The proof naming a unit in a [`Conflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    /// [`Infeasible::UnitOverCeiling`].
    UnitOverCeiling,
    /// [`Infeasible::FloorOutOfReach`].
    FloorOutOfReach,
    /// [`Infeasible::SharedNeed`].
    SharedNeed,
    /// [`Infeasible::LockedBelowFloor`].
    LockedBelowFloor,
    /// [`Infeasible::IslandBelowFloor`].
    IslandBelowFloor,
    /// [`Infeasible::ComponentBelowFloor`].
    ComponentBelowFloor,
}

impl Proof {
    /// Whether the proof says the unit cannot reach the floor under any ceiling.
    fn floor_only(self) -> bool {
        matches!(
            self,
            Proof::LockedBelowFloor | Proof::IslandBelowFloor | Proof::ComponentBelowFloor
        )
    }
}

/// A unit named by a proof.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ProvenUnit {
    /// Unit index.
    pub unit: u32,
    /// The proof.
    pub proof: Proof,
}

/// Which rule a region breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Broken {
    /// Area over the ceiling.
    Ceiling,
    /// Population under the floor.
    Floor,
}

/// A region that breaks the floor or the ceiling.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// Region.
    pub region: u32,
    /// The rule it breaks.
    pub broken: Broken,
    /// km² over the ceiling or people under the floor.
    pub excess: f64,
    /// The proven units in the region that explain the break (empty = unexplained).
    pub units: Vec<ProvenUnit>,
}

impl Conflict {
    /// Whether a proven unit explains the break.
    pub fn explained(&self) -> bool {
        !self.units.is_empty()
    }
}

/// Proofs per unit, from the pre-check report.
pub(crate) struct Proofs {
    pub of: Vec<Vec<Proof>>,
}

impl Proofs {
    pub fn from_report(n: usize, report: &Infeasibility) -> Proofs {
        let mut of: Vec<Vec<Proof>> = vec![Vec::new(); n];
        let mut add = |u: u32, p: Proof| {
            if let Some(v) = of.get_mut(u as usize)
                && !v.contains(&p)
            {
                v.push(p);
            }
        };
        for r in &report.reasons {
            match r {
                Infeasible::UnitOverCeiling { unit, .. } => add(*unit, Proof::UnitOverCeiling),
                Infeasible::FloorOutOfReach { unit, .. } => add(*unit, Proof::FloorOutOfReach),
                Infeasible::SharedNeed { units, .. } => {
                    for &u in units {
                        add(u, Proof::SharedNeed);
                    }
                }
                Infeasible::LockedBelowFloor { unit, .. } => add(*unit, Proof::LockedBelowFloor),
                Infeasible::IslandBelowFloor { unit, .. } => add(*unit, Proof::IslandBelowFloor),
                Infeasible::ComponentBelowFloor { units, .. } => {
                    for &u in units {
                        add(u, Proof::ComponentBelowFloor);
                    }
                }
                _ => {}
            }
        }
        Proofs { of }
    }

    pub fn any(&self) -> bool {
        self.of.iter().any(|v| !v.is_empty())
    }

    /// Proofs of `u` that explain breaking `broken` under `prefer`.
    fn explains(&self, u: usize, broken: Broken, prefer: Prefer) -> impl Iterator<Item = Proof> {
        self.of[u].iter().copied().filter(move |&p| match broken {
            Broken::Floor => {
                p.floor_only() || (prefer == Prefer::Ceiling && p != Proof::UnitOverCeiling)
            }
            Broken::Ceiling => {
                p == Proof::UnitOverCeiling || (prefer == Prefer::Floor && !p.floor_only())
            }
        })
    }
}

/// Region statistics of an assignment, kept up to date by the settle moves.
struct State<'a> {
    m: &'a Model,
    proofs: &'a Proofs,
    prefer: Prefer,
    assign: Vec<u32>,
    pop: Vec<f64>,
    area: Vec<f64>,
    cnt: Vec<u32>,
    /// Proven units (any proof) per region, by kind of break they explain.
    why_floor: Vec<u32>,
    why_ceiling: Vec<u32>,
    seeds: Vec<u32>,
    fixed: Vec<bool>,
    mark: Vec<u32>,
    epoch: u32,
}

impl<'a> State<'a> {
    fn new(m: &'a Model, proofs: &'a Proofs, prefer: Prefer, assign: Vec<u32>) -> Self {
        let p = assign
            .iter()
            .filter(|&&r| r != NONE)
            .map(|&r| r as usize + 1)
            .max()
            .unwrap_or(0);
        let mut s = State {
            m,
            proofs,
            prefer,
            pop: vec![0.0; p],
            area: vec![0.0; p],
            cnt: vec![0; p],
            why_floor: vec![0; p],
            why_ceiling: vec![0; p],
            seeds: vec![0; p],
            fixed: vec![false; p],
            mark: vec![0; m.n],
            epoch: 0,
            assign,
        };
        for u in 0..m.n {
            let r = s.assign[u];
            if r != NONE {
                s.add(u, r as usize, 1);
                if m.locked[u] {
                    s.fixed[r as usize] = true;
                }
            }
        }
        s
    }

    fn add(&mut self, u: usize, r: usize, sign: i32) {
        let m = self.m;
        let f = sign as f64;
        self.pop[r] += f * m.pop[u];
        self.area[r] += f * m.area[u];
        self.cnt[r] = (self.cnt[r] as i32 + sign) as u32;
        let wf = self.proofs.explains(u, Broken::Floor, self.prefer).count() > 0;
        let wc = self
            .proofs
            .explains(u, Broken::Ceiling, self.prefer)
            .count()
            > 0;
        self.why_floor[r] = (self.why_floor[r] as i32 + sign * wf as i32) as u32;
        self.why_ceiling[r] = (self.why_ceiling[r] as i32 + sign * wc as i32) as u32;
        if m.seed_of[u] != NONE {
            self.seeds[r] = (self.seeds[r] as i32 + sign) as u32;
        }
    }

    fn below(&self, r: usize) -> bool {
        self.cnt[r] > 0
            && self.pop[r] < self.m.floor * (1.0 - 1e-12)
            && !(self.fixed[r] && self.m.locked_exempt)
    }

    fn over(&self, r: usize) -> bool {
        self.cnt[r] > 0 && self.area[r] > self.m.ceiling * (1.0 + 1e-12)
    }

    fn bad_floor(&self, r: usize) -> bool {
        self.below(r) && self.why_floor[r] == 0
    }

    fn bad_ceiling(&self, r: usize) -> bool {
        self.over(r) && self.why_ceiling[r] == 0
    }

    fn members(&self, r: u32) -> Vec<u32> {
        (0..self.m.n as u32)
            .filter(|&u| self.assign[u as usize] == r)
            .collect()
    }

    fn neighbours(&self, members: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        let own = members.first().map(|&u| self.assign[u as usize]);
        for &w in members {
            for &v in self.m.work.neighbors(w as usize) {
                let r = self.assign[v as usize];
                if r != NONE && Some(r) != own && !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// Whether the units of `a` may join region `b` (locks, seeds, apart sets).
    fn may_join(&self, units: &[u32], a: u32, b: u32) -> bool {
        let m = self.m;
        if self.fixed[b as usize] || units.iter().any(|&u| m.locked[u as usize]) {
            return false;
        }
        let moving_seeds = units
            .iter()
            .filter(|&&u| m.seed_of[u as usize] != NONE)
            .count();
        if moving_seeds > 0 && self.seeds[b as usize] > 0 {
            return false;
        }
        units.iter().all(|&w| {
            m.apart_sets(w as usize).iter().all(|&s| {
                m.apart[s as usize]
                    .iter()
                    .all(|&x| x == w || self.assign[x as usize] != b || a == b)
            })
        })
    }

    fn merge(&mut self, a: u32, b: u32) {
        for u in self.members(a) {
            self.relabel(u as usize, b);
        }
    }

    fn relabel(&mut self, u: usize, b: u32) {
        let a = self.assign[u] as usize;
        self.add(u, a, -1);
        self.assign[u] = b;
        self.add(u, b as usize, 1);
    }

    /// Whether region `r` stays contiguous (and non-empty) without `u`.
    fn connected_without(&mut self, r: u32, u: usize) -> bool {
        let m = self.m;
        self.epoch += 1;
        let ep = self.epoch;
        let Some(start) = m
            .work
            .neighbors(u)
            .iter()
            .map(|&v| v as usize)
            .find(|&v| self.assign[v] == r)
        else {
            return false;
        };
        let total = self.cnt[r as usize] as usize - 1;
        let mut stack = vec![start];
        self.mark[start] = ep;
        self.mark[u] = ep;
        let mut seen = 1;
        while let Some(x) = stack.pop() {
            for &v in m.full.neighbors(x) {
                let v = v as usize;
                if self.mark[v] != ep && self.assign[v] == r {
                    self.mark[v] = ep;
                    seen += 1;
                    stack.push(v);
                }
            }
        }
        seen == total
    }

    /// A unit of region `r` may leave it alone (not pinned by a seed, lock or together set).
    fn loose(&self, u: usize) -> bool {
        let m = self.m;
        m.active(u) && m.seed_of[u] == NONE && m.together_of[u] == NONE
    }

    /// Moves border units out of `r` while `stop` is false and a move is allowed by
    /// `accept(state, unit, from, to)`; best move by `rank` (lower first). Returns moves made.
    fn shed(
        &mut self,
        r: u32,
        accept: impl Fn(&State, usize, u32) -> bool,
        rank: impl Fn(&State, usize, u32) -> f64,
        stop: impl Fn(&State) -> bool,
    ) -> usize {
        let mut moves = 0;
        while !stop(self) && moves < self.m.n {
            let mut best: Option<(f64, usize, u32)> = None;
            for u in self.members(r) {
                let u = u as usize;
                if !self.loose(u) {
                    continue;
                }
                for &v in self.m.work.neighbors(u) {
                    let b = self.assign[v as usize];
                    if b == NONE || b == r || !self.may_join(&[u as u32], r, b) {
                        continue;
                    }
                    if !accept(self, u, b) {
                        continue;
                    }
                    let k = rank(self, u, b);
                    if best.is_none_or(|x| k < x.0) {
                        best = Some((k, u, b));
                    }
                }
            }
            let Some((_, u, b)) = best else { break };
            if !self.connected_without(r, u) {
                // try the next best by excluding this unit: simplest is to pin it for now
                let mut found = None;
                let mut cands: Vec<(f64, usize, u32)> = Vec::new();
                for w in self.members(r) {
                    let w = w as usize;
                    if !self.loose(w) || w == u {
                        continue;
                    }
                    for &v in self.m.work.neighbors(w) {
                        let b2 = self.assign[v as usize];
                        if b2 == NONE
                            || b2 == r
                            || !self.may_join(&[w as u32], r, b2)
                            || !accept(self, w, b2)
                        {
                            continue;
                        }
                        cands.push((rank(self, w, b2), w, b2));
                    }
                }
                cands.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
                for (_, w, b2) in cands {
                    if self.connected_without(r, w) {
                        found = Some((w, b2));
                        break;
                    }
                }
                let Some((w, b2)) = found else { break };
                self.relabel(w, b2);
            } else {
                self.relabel(u, b);
            }
            moves += 1;
        }
        moves
    }

    /// Hops in the region graph from each region to the nearest region satisfying `goal`.
    fn hops_to(&self, goal: impl Fn(usize) -> bool) -> Vec<u32> {
        let p = self.pop.len();
        let mut adj: Vec<Vec<u32>> = vec![Vec::new(); p];
        for u in 0..self.m.n {
            let a = self.assign[u];
            if a == NONE {
                continue;
            }
            for &v in self.m.work.neighbors(u) {
                let b = self.assign[v as usize];
                if b != NONE && b != a && !adj[a as usize].contains(&b) {
                    adj[a as usize].push(b);
                }
            }
        }
        let mut d = vec![u32::MAX; p];
        let mut q: Vec<u32> = (0..p as u32)
            .filter(|&r| self.cnt[r as usize] > 0 && goal(r as usize))
            .collect();
        for &r in &q {
            d[r as usize] = 0;
        }
        let mut i = 0;
        while i < q.len() {
            let r = q[i] as usize;
            i += 1;
            for &s in &adj[r] {
                if d[s as usize] == u32::MAX {
                    d[s as usize] = d[r] + 1;
                    q.push(s);
                }
            }
        }
        d
    }

    fn first_bad(&self, pred: impl Fn(&State, usize) -> bool, skip: &[bool]) -> Option<u32> {
        (0..self.pop.len())
            .filter(|&r| !skip[r] && pred(self, r))
            .min_by(|&a, &b| self.pop[a].total_cmp(&self.pop[b]).then(a.cmp(&b)))
            .map(|r| r as u32)
    }
}

/// Settles a finished assignment under `prefer` (see the module docs). Returns the new
/// assignment (labels not canonical).
pub(crate) fn settle(m: &Model, proofs: &Proofs, prefer: Prefer, assign: Vec<u32>) -> Vec<u32> {
    if m.floor <= 0.0 && !m.ceiling.is_finite() {
        return assign;
    }
    let mut s = State::new(m, proofs, prefer, assign);
    let ceiling = m.ceiling;
    let floor = m.floor;
    match prefer {
        Prefer::Floor => {
            let mut gave_up = vec![false; s.pop.len()];
            let mut guard = 0;
            while guard < 4 * m.n + 8 {
                guard += 1;
                if let Some(r) = s.first_bad(|s, r| s.bad_floor(r), &gave_up) {
                    let mem = s.members(r);
                    let mut best: Option<((u8, f64), u32)> = None;
                    for b in s.neighbours(&mem) {
                        if !s.may_join(&mem, r, b) {
                            continue;
                        }
                        let bi = b as usize;
                        let area = s.area[r as usize] + s.area[bi];
                        let key = if area <= ceiling {
                            (0, s.pop[bi])
                        } else if s.why_ceiling[bi] + s.why_ceiling[r as usize] > 0 {
                            (1, area)
                        } else {
                            (2, area)
                        };
                        if best.is_none_or(|x| key < x.0) {
                            best = Some((key, b));
                        }
                    }
                    match best {
                        Some((_, b)) => s.merge(r, b),
                        None => gave_up[r as usize] = true,
                    }
                    continue;
                }
                if let Some(r) = s.first_bad(|s, r| s.bad_ceiling(r), &gave_up) {
                    let ri = r as usize;
                    // shed to neighbours with room, then to proven regions
                    s.shed(
                        r,
                        |s, u, b| {
                            let bi = b as usize;
                            s.pop[ri] - m.pop[u] >= floor
                                && (s.area[bi] + m.area[u] <= ceiling || s.why_ceiling[bi] > 0)
                        },
                        |s, u, b| {
                            let bi = b as usize;
                            let added = (s.area[bi] + m.area[u] - ceiling).max(0.0)
                                - (s.area[bi] - ceiling).max(0.0);
                            added * 1e6 - m.area[u]
                        },
                        |s| !s.over(ri),
                    );
                    if !s.over(ri) {
                        continue;
                    }
                    let d = s.hops_to(|x| s.why_ceiling[x] > 0);
                    let mem = s.members(r);
                    let target = s
                        .neighbours(&mem)
                        .into_iter()
                        .filter(|&b| s.may_join(&mem, r, b) && d[b as usize] != u32::MAX)
                        .min_by_key(|&b| (d[b as usize], b));
                    match target {
                        Some(b) => s.merge(r, b),
                        None => gave_up[ri] = true,
                    }
                    continue;
                }
                break;
            }
            // lower the excess of proven regions: shed to neighbours with room
            for r in 0..s.pop.len() as u32 {
                let ri = r as usize;
                if s.over(ri) {
                    s.shed(
                        r,
                        |s, u, b| {
                            let bi = b as usize;
                            s.pop[ri] - m.pop[u] >= floor
                                && s.area[bi] + m.area[u] <= ceiling
                                && !s.below(bi)
                        },
                        |_, u, _| -m.area[u],
                        |s| !s.over(ri),
                    );
                }
            }
        }
        Prefer::Ceiling => {
            let mut gave_up = vec![false; s.pop.len()];
            let mut guard = 0;
            while guard < 4 * m.n + 8 {
                guard += 1;
                if let Some(r) = s.first_bad(|s, r| s.bad_ceiling(r), &gave_up) {
                    let ri = r as usize;
                    s.shed(
                        r,
                        |s, u, b| s.area[b as usize] + m.area[u] <= ceiling,
                        |s, u, b| {
                            // keep the floor on both sides where possible, big units first
                            let lose = (s.pop[ri] - m.pop[u] < floor) as u8 as f64;
                            lose * 1e12 - m.area[u] + 1e-6 * s.area[b as usize]
                        },
                        |s| !s.over(ri),
                    );
                    if s.over(ri) {
                        gave_up[ri] = true;
                    }
                    continue;
                }
                if let Some(r) = s.first_bad(|s, r| s.bad_floor(r), &gave_up) {
                    let ri = r as usize;
                    let mem = s.members(r);
                    // merge with a neighbour under the ceiling
                    let best = s
                        .neighbours(&mem)
                        .into_iter()
                        .filter(|&b| {
                            s.may_join(&mem, r, b) && s.area[ri] + s.area[b as usize] <= ceiling
                        })
                        .min_by(|&a, &b| {
                            let ka = (s.below(a as usize) as u8, s.area[a as usize]);
                            let kb = (s.below(b as usize) as u8, s.area[b as usize]);
                            kb.0.cmp(&ka.0).then(ka.1.total_cmp(&kb.1)).then(a.cmp(&b))
                        });
                    if let Some(b) = best {
                        s.merge(r, b);
                        continue;
                    }
                    // take units from neighbours that can spare them
                    if absorb(&mut s, r) && !s.below(ri) {
                        continue;
                    }
                    // dissolve into neighbours with room
                    let before = s.assign.clone();
                    let snapshot = State::new(m, proofs, prefer, before.clone());
                    loop {
                        if s.cnt[ri] == 0 {
                            break;
                        }
                        let mut moved = false;
                        for u in s.members(r) {
                            let u = u as usize;
                            if !s.loose(u) {
                                continue;
                            }
                            let target = m
                                .work
                                .neighbors(u)
                                .iter()
                                .map(|&v| s.assign[v as usize])
                                .filter(|&b| {
                                    b != NONE
                                        && b != r
                                        && s.may_join(&[u as u32], r, b)
                                        && s.area[b as usize] + m.area[u] <= ceiling
                                })
                                .min_by(|&a, &b| s.area[a as usize].total_cmp(&s.area[b as usize]));
                            let Some(b) = target else { continue };
                            if s.cnt[ri] == 1 || s.connected_without(r, u) {
                                s.relabel(u, b);
                                moved = true;
                                break;
                            }
                        }
                        if !moved {
                            break;
                        }
                    }
                    if s.cnt[ri] > 0 {
                        s = snapshot;
                        gave_up[ri] = true;
                    }
                    continue;
                }
                break;
            }
            // lower the deficit of proven regions: join a neighbour with room (a region at
            // the floor, or another proven one), else take units from neighbours
            for r in 0..s.pop.len() as u32 {
                let ri = r as usize;
                if !s.below(ri) {
                    continue;
                }
                let mem = s.members(r);
                let best = s
                    .neighbours(&mem)
                    .into_iter()
                    .filter(|&b| {
                        s.may_join(&mem, r, b)
                            && s.area[ri] + s.area[b as usize] <= ceiling
                            && (!s.below(b as usize) || s.why_floor[b as usize] > 0)
                    })
                    .min_by(|&a, &b| {
                        let ka = (s.below(a as usize), s.area[a as usize]);
                        let kb = (s.below(b as usize), s.area[b as usize]);
                        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(a.cmp(&b))
                    });
                if let Some(b) = best {
                    s.merge(r, b);
                } else {
                    absorb(&mut s, r);
                }
            }
        }
    }
    s.assign
}

/// Region `r` (below the floor) takes border units from neighbours that stay at the floor,
/// stay contiguous and leave `r` within the ceiling, most populous first. Returns whether a
/// unit moved.
fn absorb(s: &mut State, r: u32) -> bool {
    let m = s.m;
    let ri = r as usize;
    let mut any = false;
    for _ in 0..m.n {
        if !s.below(ri) {
            break;
        }
        let mut cands: Vec<(f64, usize)> = Vec::new();
        for w in s.members(r) {
            for &v in m.work.neighbors(w as usize) {
                let vi = v as usize;
                let b = s.assign[vi];
                if b == NONE || b == r || !s.loose(vi) || !s.may_join(&[v], b, r) {
                    continue;
                }
                let bi = b as usize;
                if s.pop[bi] - m.pop[vi] < m.floor || s.area[ri] + m.area[vi] > m.ceiling {
                    continue;
                }
                if !cands.iter().any(|c| c.1 == vi) {
                    cands.push((m.pop[vi], vi));
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut moved = false;
        for (_, v) in cands {
            let b = s.assign[v];
            if s.connected_without(b, v) {
                s.relabel(v, r);
                moved = true;
                any = true;
                break;
            }
        }
        if !moved {
            break;
        }
    }
    any
}

/// The regions of `assign` that break the floor or the ceiling, each with its excess and the
/// proven units that explain it.
pub(crate) fn conflicts(
    m: &Model,
    proofs: &Proofs,
    prefer: Prefer,
    assign: &[u32],
) -> Vec<Conflict> {
    let s = State::new(m, proofs, prefer, assign.to_vec());
    let mut out = Vec::new();
    for r in 0..s.pop.len() {
        for (broken, bad, excess) in [
            (Broken::Floor, s.below(r), m.floor - s.pop[r]),
            (Broken::Ceiling, s.over(r), s.area[r] - m.ceiling),
        ] {
            if !bad {
                continue;
            }
            let mut units = Vec::new();
            for u in 0..m.n {
                if assign[u] == r as u32 {
                    units.extend(proofs.explains(u, broken, prefer).map(|proof| ProvenUnit {
                        unit: u as u32,
                        proof,
                    }));
                }
            }
            out.push(Conflict {
                region: r as u32,
                broken,
                excess,
                units,
            });
        }
    }
    out
}

/// Whether the report proves some unit unable to meet both rules (the case the
/// reformulation of [`reformulate`] is for).
pub(crate) fn has_conflict_proofs(report: &Infeasibility) -> bool {
    report.reasons.iter().any(|r| {
        matches!(
            r,
            Infeasible::FloorOutOfReach { .. } | Infeasible::SharedNeed { .. }
        )
    })
}

/// The problem the search runs on when floor and ceiling conflict: under
/// [`Prefer::Ceiling`] every unit proven unable to meet both is locked (a region of its own
/// within the ceiling, exempt from the floor), so the rest must meet both rules; under
/// [`Prefer::Floor`] each such unit is tied (a together set) to the minimum-area path that
/// brings it to the floor, ignoring the ceiling, so the excess stays in that one region.
/// Schemes found on it are judged on the original problem.
pub(crate) fn reformulate(
    m: &Model,
    problem: &crate::Problem,
    params: &crate::Params,
    report: &Infeasibility,
) -> (crate::Problem, crate::Params) {
    let mut proven: Vec<u32> = Vec::new();
    for r in &report.reasons {
        match r {
            Infeasible::FloorOutOfReach { unit, .. } => proven.push(*unit),
            Infeasible::SharedNeed { units, .. } => proven.extend_from_slice(units),
            _ => {}
        }
    }
    proven.sort_unstable();
    proven.dedup();
    let mut p2 = problem.clone();
    let mut params2 = params.clone();
    match params.prefer {
        Prefer::Ceiling => {
            for &u in &proven {
                if m.together_of[u as usize] == NONE && !p2.locked.contains(&u) {
                    p2.locked.push(u);
                }
            }
            params2.locked_exempt_from_floor = true;
        }
        Prefer::Floor => {
            let mut used = vec![false; m.n];
            let mut reacher = crate::rescue::Reacher::new(m.n);
            // hardest first (least population within reach)
            for &h in &proven {
                let hi = h as usize;
                if used[hi] || m.together_of[hi] != NONE || !m.active(hi) {
                    continue;
                }
                let usable = |v: usize| {
                    !used[v] && m.active(v) && m.together_of[v] == NONE && m.seed_of[v] == NONE
                };
                let reached = reacher.reach(m, hi, f64::INFINITY, usable, |r| r.pop >= m.floor);
                let Some(last) = reached.last() else { continue };
                if last.pop < m.floor {
                    continue;
                }
                let path = crate::rescue::path(reached, reached.len() - 1);
                for &u in &path {
                    used[u as usize] = true;
                }
                if path.len() > 1 {
                    p2.together.push(path);
                }
            }
        }
    }
    (p2, params2)
}
