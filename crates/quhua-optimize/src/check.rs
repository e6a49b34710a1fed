//! Independent verifier of hard constraints.
//!
//! Deliberately written without the search's data structures (only the
//! [`Problem`] and a plain assignment), so tests can trust it to judge the
//! optimiser's output.

use crate::problem::{EXCLUDED, IslandPolicy, Params, Problem};
use serde::Serialize;

/// A violated hard constraint in a scheme.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Violation {
    /// The assignment does not have one entry per unit.
    Length {
        /// Entries found.
        got: usize,
        /// Units.
        expected: usize,
    },
    /// A unit is in no region although it may not be excluded.
    Unassigned {
        /// Unit.
        unit: u32,
    },
    /// A region is not contiguous.
    NotContiguous {
        /// Region.
        region: u32,
        /// Number of connected pieces.
        pieces: usize,
    },
    /// A region's population is below the floor.
    BelowFloor {
        /// Region.
        region: u32,
        /// Its population.
        population: f64,
        /// The floor.
        floor: f64,
    },
    /// A region's area exceeds the ceiling.
    AboveCeiling {
        /// Region.
        region: u32,
        /// Its area.
        area: f64,
        /// The ceiling.
        ceiling: f64,
    },
    /// A locked unit shares its region.
    LockedNotAlone {
        /// Locked unit.
        unit: u32,
        /// Its region.
        region: u32,
    },
    /// Two or more seeds are in the same region.
    SeedsShareRegion {
        /// Region.
        region: u32,
        /// The seeds in it.
        seeds: Vec<u32>,
    },
    /// A region spans more than one group (county).
    CrossesGroup {
        /// Region.
        region: u32,
        /// Groups it touches.
        groups: Vec<u32>,
    },
    /// A together set is split.
    TogetherSplit {
        /// Index in `Problem::together`.
        set: usize,
    },
    /// Two units of an apart set share a region.
    ApartJoined {
        /// Index in `Problem::apart`.
        set: usize,
        /// Region.
        region: u32,
    },
}

/// Lists every violated hard constraint of `assignment` (empty = feasible).
pub fn check(problem: &Problem, params: &Params, assignment: &[u32]) -> Vec<Violation> {
    let n = problem.n;
    let mut out = Vec::new();
    if assignment.len() != n {
        out.push(Violation::Length {
            got: assignment.len(),
            expected: n,
        });
        return out;
    }
    let graph = match problem.adjacency.with_extra_edges(&problem.extra_edges) {
        Ok(g) => g,
        Err(_) => return out,
    };
    let seeds: Vec<usize> = problem
        .seeds
        .iter()
        .map(|&u| u as usize)
        .filter(|&u| u < n)
        .collect();
    let locked: Vec<usize> = problem
        .locked
        .iter()
        .map(|&u| u as usize)
        .filter(|&u| u < n)
        .collect();
    for u in 0..n {
        if assignment[u] == EXCLUDED {
            let may = params.islands == IslandPolicy::Exclude
                && graph.degree(u) == 0
                && !seeds.contains(&u)
                && !locked.contains(&u);
            if !may {
                out.push(Violation::Unassigned { unit: u as u32 });
            }
        }
    }
    // Members per region, by sorting (region, unit) pairs.
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .filter(|&u| assignment[u] != EXCLUDED)
        .map(|u| (assignment[u], u as u32))
        .collect();
    pairs.sort_unstable();
    let mut mark = vec![false; n];
    let mut i = 0;
    while i < pairs.len() {
        let r = pairs[i].0;
        let mut j = i;
        while j < pairs.len() && pairs[j].0 == r {
            j += 1;
        }
        let mem: Vec<usize> = pairs[i..j].iter().map(|p| p.1 as usize).collect();
        i = j;
        // contiguity by DFS restricted to the region
        let mut pieces = 0;
        let mut stack = Vec::new();
        for &s in &mem {
            if mark[s] {
                continue;
            }
            pieces += 1;
            mark[s] = true;
            stack.push(s);
            while let Some(u) = stack.pop() {
                for &v in graph.neighbors(u) {
                    let v = v as usize;
                    if !mark[v] && assignment[v] == r {
                        mark[v] = true;
                        stack.push(v);
                    }
                }
            }
        }
        if pieces > 1 {
            out.push(Violation::NotContiguous { region: r, pieces });
        }
        let pop: f64 = mem.iter().map(|&u| problem.population[u]).sum();
        let lone_locked = mem.len() == 1 && locked.contains(&mem[0]);
        if pop < params.min_pop * (1.0 - 1e-12) && !(lone_locked && params.locked_exempt_from_floor)
        {
            out.push(Violation::BelowFloor {
                region: r,
                population: pop,
                floor: params.min_pop,
            });
        }
        if let Some(c) = params.max_area {
            let area: f64 = mem
                .iter()
                .map(|&u| problem.area.get(u).copied().unwrap_or(0.0))
                .sum();
            if area > c * (1.0 + 1e-12) {
                out.push(Violation::AboveCeiling {
                    region: r,
                    area,
                    ceiling: c,
                });
            }
        }
        if mem.len() > 1 {
            for &u in &mem {
                if locked.contains(&u) {
                    out.push(Violation::LockedNotAlone {
                        unit: u as u32,
                        region: r,
                    });
                }
            }
        }
        let s: Vec<u32> = mem
            .iter()
            .filter(|u| seeds.contains(u))
            .map(|&u| u as u32)
            .collect();
        if s.len() > 1 {
            out.push(Violation::SeedsShareRegion {
                region: r,
                seeds: s,
            });
        }
        if let Some(g) = &problem.group {
            let mut gs: Vec<u32> = mem.iter().map(|&u| g[u]).collect();
            gs.sort_unstable();
            gs.dedup();
            if gs.len() > 1 {
                out.push(Violation::CrossesGroup {
                    region: r,
                    groups: gs,
                });
            }
        }
    }
    for (si, set) in problem.together.iter().enumerate() {
        let mut rs: Vec<u32> = set
            .iter()
            .filter(|&&u| (u as usize) < n)
            .map(|&u| assignment[u as usize])
            .collect();
        rs.sort_unstable();
        rs.dedup();
        if rs.len() > 1 || rs.first() == Some(&EXCLUDED) {
            out.push(Violation::TogetherSplit { set: si });
        }
    }
    for (si, set) in problem.apart.iter().enumerate() {
        let mut rs: Vec<u32> = set
            .iter()
            .filter(|&&u| (u as usize) < n)
            .map(|&u| assignment[u as usize])
            .filter(|&r| r != EXCLUDED)
            .collect();
        rs.sort_unstable();
        for w in rs.windows(2) {
            if w[0] == w[1] {
                out.push(Violation::ApartJoined {
                    set: si,
                    region: w[0],
                });
                break;
            }
        }
    }
    out
}
