//! Exact check of the number of regions at county scale: an upper bound on p, proven by
//! branch and bound, and a scheme that reaches it when one exists.
//!
//! **Relaxation.** Every region of a feasible scheme contains a connected subset that meets
//! the floor, stays within the ceiling (a subset of a region within the ceiling), holds at
//! most one seed and no two units of an apart set. So p is at most the number of locked
//! units plus the largest number of *disjoint* such subsets (a packing). Conversely, a
//! packing whose left-over units can be attached to the subsets (contiguity, ceiling, seeds,
//! apart and together sets, checked by the independent verifier [`crate::check`]) is a
//! scheme with that many regions.
//!
//! **Search.** Units are renumbered in breadth-first order. At each node the lowest
//! undecided unit `u` either starts a subset (of which it is the smallest member) or is left
//! over. Subsets containing `u` with all other members larger are enumerated without repeats
//! by the ESU scheme (Wernicke 2006, *Efficient detection of network motifs*, IEEE/ACM TCBB
//! 3(4)), cut as soon as the floor is met (any packing can be shrunk to such subsets). A node
//! is pruned when its count plus `Σ ⌊pop(c)/floor⌋` over the connected pieces `c` of the
//! undecided units cannot beat the best packing so far, which starts at the heuristic's p.
//! A search that finishes proves its best packing size an upper bound (`optimal` when a
//! scheme reaches it); one stopped by the time limit reports the root bound instead.
//!
//! Why not a MIP (HiGHS with flow contiguity): building HiGHS from source adds cmake and a
//! C++ toolchain to every cold build, and max-p MIPs with flow contiguity are known to be
//! slow even at 30–50 units (Duque et al. 2012 report hours); the bound above settles most
//! counties at the root, because the heuristic usually reaches `Σ ⌊pop/floor⌋`.

use crate::problem::{EXCLUDED, Model, NONE, Params, Problem};
use std::time::Instant;

/// Largest problem (units) the exact check runs on after the heuristic.
pub const EXACT_MAX_UNITS: usize = 60;

/// Outcome of the exact check.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactOutcome {
    /// Proven upper bound on the number of regions of any feasible scheme.
    pub bound: usize,
    /// Whether the search finished within the time limit.
    pub finished: bool,
    /// A feasible scheme with more regions than the heuristic's, when found.
    pub better: Option<Vec<u32>>,
    /// Search nodes visited.
    pub nodes: u64,
}

const FREE: u8 = 0;
const USED: u8 = 1;
const OUT: u8 = 2;

struct Bb<'a> {
    m: &'a Model,
    problem: &'a Problem,
    params: &'a Params,
    /// Internal order: `order[i]` is the unit at position i; `pos[u]` its position.
    order: Vec<usize>,
    pos: Vec<usize>,
    status: Vec<u8>,
    /// Region (packing index) per unit, or NONE.
    set_of: Vec<u32>,
    sets: usize,
    best: usize,
    better: Option<Vec<u32>>,
    ceiling: f64,
    locked: usize,
    deadline: Instant,
    timed_out: bool,
    nodes: u64,
    comp: Vec<u32>,
    stack: Vec<usize>,
}

/// Runs the exact check: `lower` is the heuristic's p (a feasible scheme), `use_ceiling`
/// whether subsets must stay within the ceiling (false where the planner lets the ceiling
/// give way).
pub(crate) fn max_p(
    m: &Model,
    problem: &Problem,
    params: &Params,
    lower: usize,
    use_ceiling: bool,
    deadline: Instant,
) -> ExactOutcome {
    let n = m.n;
    // breadth-first order over the working graph, component by component
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for s in 0..n {
        if seen[s] || !m.active(s) {
            continue;
        }
        seen[s] = true;
        let start = order.len();
        order.push(s);
        let mut i = start;
        while i < order.len() {
            let u = order[i];
            i += 1;
            for &v in m.work.neighbors(u) {
                let v = v as usize;
                if !seen[v] && m.active(v) {
                    seen[v] = true;
                    order.push(v);
                }
            }
        }
    }
    let mut pos = vec![usize::MAX; n];
    for (i, &u) in order.iter().enumerate() {
        pos[u] = i;
    }
    let locked = (0..n).filter(|&u| m.locked[u]).count();
    let mut bb = Bb {
        m,
        problem,
        params,
        pos,
        status: vec![FREE; n],
        set_of: vec![NONE; n],
        sets: 0,
        best: lower.saturating_sub(locked),
        better: None,
        ceiling: if use_ceiling {
            m.ceiling
        } else {
            f64::INFINITY
        },
        locked,
        deadline,
        timed_out: false,
        nodes: 0,
        comp: vec![NONE; n],
        stack: Vec::new(),
        order,
    };
    let root = bb.upper();
    if m.floor <= 0.0 || n > EXACT_MAX_UNITS {
        // every active unit alone meets a zero floor; the ceiling caps nothing below a unit
        // (or too many units to search: the root bound only)
        let all = if m.floor <= 0.0 { bb.order.len() } else { root };
        return ExactOutcome {
            bound: (all + locked).max(lower),
            finished: m.floor <= 0.0,
            better: None,
            nodes: 0,
        };
    }
    if root > bb.best {
        bb.dfs(0);
    }
    let finished = !bb.timed_out;
    ExactOutcome {
        bound: if finished { bb.best } else { root.max(bb.best) } + locked,
        finished,
        better: bb.better,
        nodes: bb.nodes,
    }
}

impl Bb<'_> {
    /// Σ ⌊pop/floor⌋ over connected pieces of free units, plus the subsets so far.
    fn upper(&mut self) -> usize {
        let m = self.m;
        let mut total = self.sets;
        for &u in &self.order {
            self.comp[u] = NONE;
        }
        for i in 0..self.order.len() {
            let s = self.order[i];
            if self.status[s] != FREE || self.comp[s] != NONE {
                continue;
            }
            self.comp[s] = 0;
            self.stack.clear();
            self.stack.push(s);
            let mut pop = 0.0;
            while let Some(u) = self.stack.pop() {
                pop += m.pop[u];
                for &v in m.work.neighbors(u) {
                    let v = v as usize;
                    if self.status[v] == FREE && self.comp[v] == NONE && m.active(v) {
                        self.comp[v] = 0;
                        self.stack.push(v);
                    }
                }
            }
            total += (pop / m.floor + 1e-9).floor() as usize;
        }
        total
    }

    fn dfs(&mut self, from: usize) {
        self.nodes += 1;
        if self.nodes.is_multiple_of(256) && Instant::now() > self.deadline {
            self.timed_out = true;
        }
        if self.timed_out {
            return;
        }
        let Some(i) = (from..self.order.len()).find(|&i| self.status[self.order[i]] == FREE) else {
            if self.sets > self.best {
                self.best = self.sets;
                if let Some(a) = self.complete() {
                    self.better = Some(a);
                }
            }
            return;
        };
        if self.upper() <= self.best {
            return;
        }
        let u = self.order[i];
        // u starts a subset: enumerate them (ESU, cut at the floor)
        let mut set = vec![u];
        let mut ext: Vec<usize> = Vec::new();
        for &v in self.m.work.neighbors(u) {
            let v = v as usize;
            if self.pos[v] > i && self.status[v] == FREE {
                ext.push(v);
            }
        }
        let seeds = (self.m.seed_of[u] != NONE) as usize;
        self.status[u] = USED;
        self.extend(i, &mut set, ext, self.m.pop[u], self.m.area[u], seeds);
        self.status[u] = FREE;
        if self.timed_out {
            return;
        }
        // u left over
        self.status[u] = OUT;
        self.dfs(i + 1);
        self.status[u] = FREE;
    }

    /// ESU extension of `set` (members marked USED) rooted at order position `root`.
    fn extend(
        &mut self,
        root: usize,
        set: &mut Vec<usize>,
        mut ext: Vec<usize>,
        pop: f64,
        area: f64,
        seeds: usize,
    ) {
        if self.timed_out {
            return;
        }
        let m = self.m;
        if pop >= m.floor {
            let r = self.sets as u32;
            for &w in set.iter() {
                self.set_of[w] = r;
            }
            self.sets += 1;
            self.dfs(root + 1);
            self.sets -= 1;
            for &w in set.iter() {
                self.set_of[w] = NONE;
            }
            return;
        }
        while let Some(w) = ext.pop() {
            if self.timed_out {
                return;
            }
            let na = area + m.area[w];
            let ns = seeds + (m.seed_of[w] != NONE) as usize;
            if na > self.ceiling || ns > 1 || !self.apart_ok(set, w) {
                continue;
            }
            // exclusive neighbours of w: free, after the root, not in or next to the set
            let mut next = ext.clone();
            for &x in m.work.neighbors(w) {
                let x = x as usize;
                if self.pos[x] <= root || self.status[x] != FREE || next.contains(&x) {
                    continue;
                }
                let near_set = m
                    .work
                    .neighbors(x)
                    .iter()
                    .any(|&y| set.contains(&(y as usize)));
                if !near_set {
                    next.push(x);
                }
            }
            self.status[w] = USED;
            set.push(w);
            self.extend(root, set, next, pop + m.pop[w], na, ns);
            set.pop();
            self.status[w] = FREE;
        }
    }

    fn apart_ok(&self, set: &[usize], w: usize) -> bool {
        let m = self.m;
        m.apart_sets(w).iter().all(|&s| {
            m.apart[s as usize]
                .iter()
                .all(|&x| x as usize == w || !set.contains(&(x as usize)))
        })
    }

    /// Attaches left-over units to the subsets (least area first, within the ceiling, one
    /// seed per region); the scheme if the verifier finds nothing wrong.
    fn complete(&self) -> Option<Vec<u32>> {
        let m = self.m;
        let n = m.n;
        let mut assign = vec![NONE; n];
        let mut area = vec![0.0; self.sets];
        let mut seed = vec![false; self.sets];
        for u in 0..n {
            let r = self.set_of[u];
            if r != NONE && self.status[u] == USED {
                assign[u] = r;
                area[r as usize] += m.area[u];
                seed[r as usize] |= m.seed_of[u] != NONE;
            }
        }
        loop {
            let mut moved = false;
            let mut left = false;
            for &u in &self.order {
                if assign[u] != NONE {
                    continue;
                }
                left = true;
                let best = m
                    .work
                    .neighbors(u)
                    .iter()
                    .map(|&v| assign[v as usize])
                    .filter(|&r| {
                        r != NONE
                            && (r as usize) < self.sets
                            && area[r as usize] + m.area[u] <= m.ceiling
                            && !(seed[r as usize] && m.seed_of[u] != NONE)
                    })
                    .min_by(|&a, &b| area[a as usize].total_cmp(&area[b as usize]));
                if let Some(r) = best {
                    assign[u] = r;
                    area[r as usize] += m.area[u];
                    seed[r as usize] |= m.seed_of[u] != NONE;
                    moved = true;
                }
            }
            if !left {
                break;
            }
            if !moved {
                return None;
            }
        }
        let mut next = self.sets as u32;
        for u in 0..n {
            if m.locked[u] {
                assign[u] = next;
                next += 1;
            } else if m.excluded[u] {
                assign[u] = EXCLUDED;
            } else if assign[u] == NONE {
                return None;
            }
        }
        debug_assert_eq!(next as usize, self.sets + self.locked);
        crate::check(self.problem, self.params, &assign)
            .is_empty()
            .then_some(assign)
    }
}
