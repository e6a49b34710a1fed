//! Local search: simulated annealing over single-unit boundary moves,
//! followed by greedy descent, as in the improvement phase of Wei, Rey &
//! Knaap (2020) (which in turn follows Openshaw's AZP and Duque et al. 2012).
//!
//! A move takes a unit `u` from its region `A` to an adjacent region `B`.
//! It is admissible when `u` is not pinned (seeds, seats when the service
//! objective is on, together-set members, locked units), `A` keeps at least
//! one unit and stays contiguous, `B` gets no second member of an apart set.
//! Floor and ceiling are handled lexicographically: a move that increases the
//! total violation penalty is never taken, one that decreases it always is,
//! so a feasible partition stays feasible and an infeasible one is repaired
//! where moves allow. All region statistics (population, area, attribute sums
//! and sums of squared norms) are updated in O(k) per move; the only
//! non-constant test is contiguity of `A \ {u}`: trivially true when `u` has a
//! single neighbour in `A`, else a breadth-first search inside `A` that stops
//! as soon as all of `u`'s neighbours in `A` are reached.

use crate::Weights;
use crate::problem::{Model, NONE};
use crate::rng::Rng;

pub(crate) struct Search<'m> {
    m: &'m Model,
    pub assign: Vec<u32>,
    pop: Vec<f64>,
    area: Vec<f64>,
    cnt: Vec<u32>,
    sum: Vec<f64>,
    sq: Vec<f64>,
    seats: Vec<u32>,
    movable: Vec<u32>,
    w: Weights,
    use_service: bool,
    // scratch
    visit: Vec<u32>,
    epoch: u32,
    stack: Vec<u32>,
    /// `u`'s neighbours in its own region (sorted), for [`Search::ring_connected`].
    ring: Vec<u32>,
    /// Second stack for the two-sided search in [`Search::stays_connected`].
    stack2: Vec<u32>,
    cand: Vec<(u32, u32)>,
    /// Regions currently below the floor.
    below: usize,
    /// Membership version per region, bumped whenever a unit leaves or joins.
    rver: Vec<u32>,
    /// `rver + 1` of the unit's region when the unit was last found to be a
    /// cut vertex of it (its removal disconnects the region); 0 = unknown.
    cut_at: Vec<u32>,
    /// Region each unit started in, when moves away from it cost disruption.
    home: Option<Vec<u32>>,
}

#[derive(Clone, Copy)]
struct Move {
    to: u32,
    dpen: f64,
    dbase: f64,
    links_from: u32,
}

impl<'m> Search<'m> {
    pub fn new(m: &'m Model, assign: Vec<u32>, p: usize, seats: Vec<u32>, w: Weights) -> Self {
        let k = m.k;
        let mut s = Search {
            m,
            pop: vec![0.0; p],
            area: vec![0.0; p],
            cnt: vec![0; p],
            sum: vec![0.0; p * k],
            sq: vec![0.0; p],
            seats,
            movable: Vec::new(),
            w,
            use_service: m.xy.is_some() && w.service > 0.0,
            visit: vec![0; m.n],
            epoch: 0,
            stack: Vec::new(),
            ring: Vec::new(),
            stack2: Vec::new(),
            cand: Vec::new(),
            below: 0,
            rver: vec![0; p],
            cut_at: vec![0; m.n],
            home: None,
            assign,
        };
        for u in 0..m.n {
            let r = s.assign[u];
            if r == NONE {
                continue;
            }
            let r = r as usize;
            s.pop[r] += m.pop[u];
            s.area[r] += m.area[u];
            s.cnt[r] += 1;
            s.sq[r] += m.znorm[u];
            for j in 0..k {
                s.sum[r * k + j] += m.z[u * k + j];
            }
        }
        s.below = (0..p)
            .filter(|&r| s.cnt[r] > 0 && s.pop[r] < m.floor)
            .count();
        let mut pinned = vec![false; m.n];
        for u in 0..m.n {
            pinned[u] = !m.active(u) || m.seed_of[u] != NONE || m.together_of[u] != NONE;
        }
        if s.use_service {
            for &st in &s.seats {
                if st != NONE {
                    pinned[st as usize] = true;
                }
            }
        }
        s.movable = (0..m.n as u32).filter(|&u| !pinned[u as usize]).collect();
        s
    }

    #[inline]
    fn pen(&self, pop: f64, area: f64) -> f64 {
        let m = self.m;
        let mut p = 0.0;
        if pop < m.floor {
            p += 1.0 + (m.floor - pop) / m.floor.max(1e-300);
        }
        if area > m.ceiling {
            p += 1.0 + (area - m.ceiling) / m.ceiling;
        }
        p
    }

    /// Total penalty and base objective of the current state.
    pub fn score(&self) -> (f64, f64) {
        let m = self.m;
        let k = m.k;
        let mut pen = 0.0;
        let mut wss = 0.0;
        for r in 0..self.pop.len() {
            if self.cnt[r] == 0 {
                continue;
            }
            let locked_alone = self.cnt[r] == 1
                && self
                    .seats
                    .get(r)
                    .is_some_and(|&s| s != NONE && m.locked[s as usize]);
            if !(locked_alone && m.locked_exempt) {
                pen += self.pen(self.pop[r], self.area[r]);
            }
            let s2: f64 = self.sum[r * k..(r + 1) * k].iter().map(|x| x * x).sum();
            wss += self.sq[r] - s2 / self.cnt[r] as f64;
        }
        let mut cut = 0usize;
        let mut srv = 0.0;
        for u in 0..m.n {
            let r = self.assign[u];
            for &v in m.full.neighbors(u) {
                if (u as u32) < v && self.assign[v as usize] != r {
                    cut += 1;
                }
            }
            if self.use_service && r != NONE {
                let s = self.seats[r as usize];
                if s != NONE {
                    srv += m.pop[u] * m.dist(u, s as usize);
                }
            }
        }
        let moved = self.home.as_ref().map_or(0, |h| {
            (0..m.n)
                .filter(|&u| self.assign[u] != NONE && self.assign[u] != h[u])
                .count()
        });
        let base = self.w.wss * wss / m.wss_scale
            + self.w.compactness * cut as f64 / m.cut_scale
            + self.w.service * srv / m.service_scale
            + self.w.disruption * moved as f64 / self.disruption_scale();
        (pen, base)
    }

    /// Makes moves out of the current assignment cost disruption (each moved
    /// unit `weights.disruption / n`), for refining a finished scheme.
    pub fn set_home(&mut self) {
        self.home = Some(self.assign.clone());
    }

    fn disruption_scale(&self) -> f64 {
        self.m.n.max(1) as f64
    }

    /// WSS change of region `r` when `u` leaves (`sign = -1`) or joins (`+1`).
    #[inline]
    fn dwss(&self, r: usize, u: usize, sign: f64) -> f64 {
        let m = self.m;
        let k = m.k;
        if k == 0 {
            return 0.0;
        }
        let c = self.cnt[r] as f64;
        let zu = &m.z[u * k..(u + 1) * k];
        let sr = &self.sum[r * k..(r + 1) * k];
        let mut s2 = 0.0;
        let mut s2n = 0.0;
        for j in 0..k {
            s2 += sr[j] * sr[j];
            let b = sr[j] + sign * zu[j];
            s2n += b * b;
        }
        let old = self.sq[r] - s2 / c;
        let cn = c + sign;
        let new = if cn > 0.0 {
            self.sq[r] + sign * m.znorm[u] - s2n / cn
        } else {
            0.0
        };
        new - old
    }

    /// Best admissible move of `u` (ignoring contiguity), if any.
    fn best_move(&mut self, u: usize) -> Option<Move> {
        let m = self.m;
        let a = self.assign[u];
        let ai = a as usize;
        if self.cnt[ai] <= 1 || self.cut_at[u] == self.rver[ai].wrapping_add(1) {
            return None;
        }
        // Fast exit: leaving would break A's floor while no region needs repair.
        if self.below == 0 && self.pop[ai] - m.pop[u] < m.floor {
            return None;
        }
        self.cand.clear();
        let mut la = 0u32;
        for &v in m.work.neighbors(u) {
            let r = self.assign[v as usize];
            if r == a {
                la += 1;
            } else if r != NONE {
                match self.cand.iter_mut().find(|c| c.0 == r) {
                    Some(c) => c.1 += 1,
                    None => self.cand.push((r, 1)),
                }
            }
        }
        if self.cand.is_empty() || la == 0 {
            return None;
        }
        let (pu, au) = (m.pop[u], m.area[u]);
        let pen_a = self.pen(self.pop[ai], self.area[ai]);
        let pen_a2 = self.pen(self.pop[ai] - pu, self.area[ai] - au);
        let dw_a = if self.w.wss > 0.0 {
            self.dwss(ai, u, -1.0)
        } else {
            0.0
        };
        let srv_a = if self.use_service {
            m.pop[u] * m.dist(u, self.seats[ai] as usize)
        } else {
            0.0
        };
        let mut best: Option<Move> = None;
        for ci in 0..self.cand.len() {
            let (b, lb) = self.cand[ci];
            let bi = b as usize;
            // apart sets
            let mut ok = true;
            for &s in m.apart_sets(u) {
                if m.apart[s as usize]
                    .iter()
                    .any(|&x| x as usize != u && self.assign[x as usize] == b)
                {
                    ok = false;
                    break;
                }
            }
            if !ok {
                continue;
            }
            let dpen = pen_a2 + self.pen(self.pop[bi] + pu, self.area[bi] + au)
                - pen_a
                - self.pen(self.pop[bi], self.area[bi]);
            let mut dbase = 0.0;
            if self.w.wss > 0.0 {
                dbase += self.w.wss * (dw_a + self.dwss(bi, u, 1.0)) / m.wss_scale;
            }
            if self.w.compactness > 0.0 {
                dbase += self.w.compactness * (la as f64 - lb as f64) / m.cut_scale;
            }
            if self.use_service {
                let d = m.pop[u] * m.dist(u, self.seats[bi] as usize) - srv_a;
                dbase += self.w.service * d / m.service_scale;
            }
            if let Some(h) = &self.home {
                let d = (b != h[u]) as i32 - (a != h[u]) as i32;
                dbase += self.w.disruption * d as f64 / self.disruption_scale();
            }
            let mv = Move {
                to: b,
                dpen,
                dbase,
                links_from: la,
            };
            if best.is_none_or(|x| (mv.dpen, mv.dbase) < (x.dpen, x.dbase)) {
                best = Some(mv);
            }
        }
        best
    }

    /// Local flood over `u`'s neighbours in its own region (`self.ring`,
    /// sorted): the bit set of ring positions connected to `ring[0]` without
    /// leaving the ring, or None when the ring has more than 32 units.
    fn ring_flood(&mut self, u: usize) -> Option<u32> {
        let m = self.m;
        let a = self.assign[u];
        self.ring.clear();
        self.ring.extend(
            m.work
                .neighbors(u)
                .iter()
                .copied()
                .filter(|&v| self.assign[v as usize] == a),
        );
        if self.ring.len() > 32 {
            return None;
        }
        Some(self.flood_from(0))
    }

    /// Ring positions connected to position `start` inside the ring.
    fn flood_from(&self, start: usize) -> u32 {
        let m = self.m;
        let mut seen: u32 = 1 << start;
        let mut frontier: u32 = seen;
        while frontier != 0 {
            let i = frontier.trailing_zeros() as usize;
            frontier &= frontier - 1;
            for &y in m.work.neighbors(self.ring[i] as usize) {
                if let Ok(j) = self.ring.binary_search(&y)
                    && seen & (1 << j) == 0
                {
                    seen |= 1 << j;
                    frontier |= 1 << j;
                }
            }
        }
        seen
    }

    /// Fresh pair of visit marks (`ep`, `ep + 1`) that no earlier search used.
    fn next_epoch(&mut self) -> u32 {
        self.epoch = self.epoch.wrapping_add(2);
        if self.epoch < 2 {
            self.visit.iter_mut().for_each(|x| *x = 0);
            self.epoch = 2;
        }
        self.epoch
    }

    /// Whether region `assign[u]` stays connected without `u`.
    ///
    /// First a local test: on areal maps the neighbours of `u` in its region
    /// usually form a chain around it, and if they are connected among
    /// themselves removing `u` cannot disconnect the region. Otherwise two
    /// searches inside the region (without `u`) run in lockstep, one from the
    /// ring component of `ring[0]`, one from the other ring units: they meet
    /// (connected) or one side runs out (disconnected) after exploring about
    /// twice the smaller side, so cutting off a small peninsula is cheap.
    fn stays_connected(&mut self, u: usize, links_from: u32) -> bool {
        if links_from <= 1 {
            return true;
        }
        let Some(seen) = self.ring_flood(u) else {
            return self.stays_connected_bfs(u, links_from);
        };
        let k = self.ring.len();
        if seen.count_ones() as usize == k {
            return true;
        }
        // two ring pieces: search between them; more: plain search
        let all = if k == 32 { u32::MAX } else { (1u32 << k) - 1 };
        let rest = all & !seen;
        if self.flood_from(rest.trailing_zeros() as usize) != rest {
            return self.stays_connected_bfs(u, links_from);
        }
        let m = self.m;
        let a = self.assign[u];
        // two marks: ep (side 0) and ep + 1 (side 1)
        let ep = self.next_epoch();
        self.stack.clear();
        self.stack2.clear();
        for (j, &v) in self.ring.iter().enumerate() {
            if seen & (1 << j) != 0 {
                self.visit[v as usize] = ep;
                self.stack.push(v);
            } else {
                self.visit[v as usize] = ep + 1;
                self.stack2.push(v);
            }
        }
        let connected = 'search: loop {
            for side in 0..2u32 {
                let (mine, other) = (ep + side, ep + 1 - side);
                let stack = if side == 0 {
                    &mut self.stack
                } else {
                    &mut self.stack2
                };
                let Some(x) = stack.pop() else {
                    // this side is closed without meeting the other
                    break 'search false;
                };
                for &y in m.work.neighbors(x as usize) {
                    let yi = y as usize;
                    if yi == u || self.assign[yi] != a {
                        continue;
                    }
                    let v = self.visit[yi];
                    if v == other {
                        break 'search true;
                    }
                    if v != mine {
                        self.visit[yi] = mine;
                        stack.push(y);
                    }
                }
            }
        };
        if !connected {
            self.cut_at[u] = self.rver[a as usize].wrapping_add(1);
        }
        connected
    }

    /// Plain search for [`Search::stays_connected`] when `u` has too many
    /// neighbours for the local test: from one neighbour in the region until
    /// all of them are reached.
    fn stays_connected_bfs(&mut self, u: usize, links_from: u32) -> bool {
        let m = self.m;
        let a = self.assign[u];
        let ep = self.next_epoch();
        self.visit[u] = ep;
        let Some(&start) = m
            .work
            .neighbors(u)
            .iter()
            .find(|&&v| self.assign[v as usize] == a)
        else {
            return true;
        };
        let mut remaining = links_from - 1;
        self.visit[start as usize] = ep;
        self.stack.clear();
        self.stack.push(start);
        let nbu = m.work.neighbors(u);
        while let Some(x) = self.stack.pop() {
            for &y in m.work.neighbors(x as usize) {
                let yi = y as usize;
                if self.visit[yi] != ep && self.assign[yi] == a {
                    self.visit[yi] = ep;
                    if nbu.binary_search(&y).is_ok() {
                        remaining -= 1;
                        if remaining == 0 {
                            return true;
                        }
                    }
                    self.stack.push(y);
                }
            }
        }
        self.cut_at[u] = self.rver[a as usize].wrapping_add(1);
        false
    }

    fn apply(&mut self, u: usize, b: u32) {
        let m = self.m;
        let k = m.k;
        let a = self.assign[u] as usize;
        let bi = b as usize;
        let f = m.floor;
        let was = (self.pop[a] < f) as usize + (self.pop[bi] < f) as usize;
        self.pop[a] -= m.pop[u];
        self.area[a] -= m.area[u];
        self.cnt[a] -= 1;
        self.sq[a] -= m.znorm[u];
        self.pop[bi] += m.pop[u];
        self.area[bi] += m.area[u];
        self.cnt[bi] += 1;
        self.sq[bi] += m.znorm[u];
        for j in 0..k {
            let z = m.z[u * k + j];
            self.sum[a * k + j] -= z;
            self.sum[bi * k + j] += z;
        }
        self.assign[u] = b;
        self.rver[a] = self.rver[a].wrapping_add(1);
        self.rver[bi] = self.rver[bi].wrapping_add(1);
        let now = (self.pop[a] < f) as usize + (self.pop[bi] < f) as usize;
        self.below = self.below + now - was;
    }

    /// Runs annealing for `iters` attempts then greedy descent. Returns false
    /// if cancelled (the state is still a valid partition).
    pub fn run(&mut self, iters: usize, rng: &mut Rng, cancelled: &dyn Fn() -> bool) -> bool {
        if self.movable.is_empty() {
            return true;
        }
        let nm = self.movable.len();
        // initial temperature from sampled uphill moves
        let mut up = 0.0;
        let mut nup = 0usize;
        for _ in 0..256.min(iters.max(1)) {
            let u = self.movable[rng.below(nm)] as usize;
            if let Some(mv) = self.best_move(u)
                && mv.dpen == 0.0
                && mv.dbase > 0.0
            {
                up += mv.dbase;
                nup += 1;
            }
        }
        // A hot start (three times the mean uphill step) explores more than a
        // lukewarm one: on the US South set it lowers the final WSS by 1–3 %
        // for the same number of moves.
        let t0 = if nup > 0 { 3.0 * up / nup as f64 } else { 0.0 };
        let t_end = t0 * 1e-4;
        let steps = (iters / 1024).max(1) as f64;
        let alpha = if t0 > 0.0 {
            (t_end / t0).powf(1.0 / steps)
        } else {
            0.0
        };
        let mut t = t0;
        for it in 0..iters {
            if it % 1024 == 1023 {
                t *= alpha;
                if cancelled() {
                    return false;
                }
            }
            let u = self.movable[rng.below(nm)] as usize;
            let Some(mv) = self.best_move(u) else {
                continue;
            };
            let accept = if mv.dpen < -1e-12 {
                true
            } else if mv.dpen > 1e-12 {
                false
            } else if mv.dbase <= 0.0 {
                true
            } else {
                t > 0.0 && rng.f64() < (-mv.dbase / t).exp()
            };
            if accept && self.stays_connected(u, mv.links_from) {
                self.apply(u, mv.to);
            }
        }
        self.descend(20, rng, cancelled)
    }

    /// Greedy descent: passes over the movable units in random order taking
    /// every strictly improving move, until a pass improves nothing (at most
    /// `max_passes`). Returns false if cancelled.
    pub fn descend(
        &mut self,
        max_passes: usize,
        rng: &mut Rng,
        cancelled: &dyn Fn() -> bool,
    ) -> bool {
        let mut order = self.movable.clone();
        for _pass in 0..max_passes {
            if cancelled() {
                return false;
            }
            rng.shuffle(&mut order);
            let mut improved = 0usize;
            for i in 0..order.len() {
                let u = order[i] as usize;
                let Some(mv) = self.best_move(u) else {
                    continue;
                };
                let good = mv.dpen < -1e-12 || (mv.dpen <= 1e-12 && mv.dbase < -1e-12);
                if good && self.stays_connected(u, mv.links_from) {
                    self.apply(u, mv.to);
                    improved += 1;
                }
            }
            if improved == 0 {
                break;
            }
        }
        true
    }
}
