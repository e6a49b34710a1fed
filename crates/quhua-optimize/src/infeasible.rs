//! Pre-checks run before the search: conditions under which no scheme can
//! satisfy every hard constraint, each naming the units and the constraint.

use crate::problem::NONE;
use serde::Serialize;

/// One reason why the hard constraints cannot all hold.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Infeasible {
    /// A locked unit (a region on its own) is below the floor.
    LockedBelowFloor {
        /// Unit.
        unit: u32,
        /// Its population.
        population: f64,
        /// Floor.
        floor: f64,
        /// Whether it has no neighbour at all.
        isolated: bool,
    },
    /// An island (no neighbour, not attached) is kept alone but is below the floor.
    IslandBelowFloor {
        /// Unit.
        unit: u32,
        /// Its population.
        population: f64,
        /// Floor.
        floor: f64,
    },
    /// A single unit is larger than the area ceiling.
    UnitOverCeiling {
        /// Unit.
        unit: u32,
        /// Its area.
        area: f64,
        /// Ceiling.
        ceiling: f64,
    },
    /// No region containing the unit can reach the floor within the area
    /// ceiling: even filling the ceiling with the densest units reachable
    /// from it (along paths within the ceiling, avoiding units already proven
    /// unable to meet both rules, which no such region can hold) gives at most
    /// `max_population`.
    FloorOutOfReach {
        /// Unit.
        unit: u32,
        /// Upper bound on the population of any region containing it.
        max_population: f64,
        /// Floor.
        floor: f64,
        /// Ceiling.
        ceiling: f64,
    },
    /// Two units that can each reach the floor within the ceiling only through the same
    /// unit `needs` (without it [`Infeasible::FloorOutOfReach`] holds for each), while the
    /// three together exceed the ceiling: the region of one of them cannot meet both rules.
    SharedNeed {
        /// The two units.
        units: [u32; 2],
        /// The unit both need.
        needs: u32,
        /// Lower bound on the area of a region holding both: the three units' area, or the
        /// least area of a path joining the two (infinite when none lies within the ceiling).
        area: f64,
        /// Ceiling.
        ceiling: f64,
    },
    /// A connected piece (after removing locked units and cross-group edges)
    /// has less population than the floor.
    ComponentBelowFloor {
        /// Units of the piece.
        units: Vec<u32>,
        /// Its population.
        population: f64,
        /// Floor.
        floor: f64,
    },
    /// A piece holds more seeds than it can hold regions at the floor.
    TooManySeeds {
        /// Seeds in the piece.
        seeds: Vec<u32>,
        /// Upper bound on its regions, `⌊population / floor⌋`.
        max_regions: usize,
        /// Population of the piece.
        population: f64,
    },
    /// Floor and ceiling conflict in a piece: it needs at least
    /// `⌈area / ceiling⌉` regions but can hold at most `⌊population / floor⌋`.
    FloorCeilingConflict {
        /// Smallest unit index of the piece (identifies it).
        first_unit: u32,
        /// Number of units in the piece.
        units: usize,
        /// Regions needed by area.
        min_regions_by_area: usize,
        /// Regions possible by population.
        max_regions_by_pop: usize,
    },
    /// A together set is not contiguous on its own, spans groups, or holds
    /// locked units or more than one seed.
    TogetherImpossible {
        /// Index in `Problem::together`.
        set: usize,
        /// Why (English keyword: `not_contiguous`, `crosses_group`, `locked`, `seeds`).
        reason: String,
    },
}

/// Result of the pre-checks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Infeasibility {
    /// Every reason found (empty = no obstacle detected; the search may
    /// still fail on harder combinatorial conflicts).
    pub reasons: Vec<Infeasible>,
}

pub(crate) fn precheck(m: &crate::problem::Model, problem: &crate::Problem) -> Infeasibility {
    let mut reasons = Vec::new();
    let floor = m.floor;
    let ceiling = m.ceiling;
    for u in 0..m.n {
        if m.locked[u] && m.pop[u] < floor && !m.locked_exempt {
            reasons.push(Infeasible::LockedBelowFloor {
                unit: u as u32,
                population: m.pop[u],
                floor,
                isolated: m.full.degree(u) == 0,
            });
        }
        if m.area[u] > ceiling && !m.excluded[u] {
            reasons.push(Infeasible::UnitOverCeiling {
                unit: u as u32,
                area: m.area[u],
                ceiling,
            });
        }
    }
    if ceiling.is_finite() && floor > 0.0 {
        // Rounds: a region meeting both rules holds no unit already proven unable to, so
        // each round bounds the reach without the units proven so far, until nothing changes.
        let mut reacher = crate::rescue::Reacher::new(m.n);
        let mut proven: Vec<bool> = (0..m.n).map(|u| m.area[u] > ceiling).collect();
        loop {
            let mut more = false;
            for u in 0..m.n {
                if proven[u]
                    || !m.active(u)
                    || m.pop[u] >= floor
                    || m.area[u] > ceiling
                    || m.work.degree(u) == 0
                {
                    continue;
                }
                if let Some(max_population) =
                    crate::rescue::floor_out_of_reach_without(m, &mut reacher, u, |v| proven[v])
                {
                    proven[u] = true;
                    more = true;
                    reasons.push(Infeasible::FloorOutOfReach {
                        unit: u as u32,
                        max_population,
                        floor,
                        ceiling,
                    });
                }
            }
            if !more {
                break;
            }
        }
    }
    if ceiling.is_finite() && floor > 0.0 {
        shared_needs(m, &mut reasons);
    }
    let (comp, nc) = m.work.components();
    let mut cpop = vec![0.0; nc];
    let mut carea = vec![0.0; nc];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); nc];
    for u in 0..m.n {
        if m.active(u) {
            let c = comp[u] as usize;
            cpop[c] += m.pop[u];
            carea[c] += m.area[u];
            members[c].push(u as u32);
        }
    }
    for c in 0..nc {
        let mem = &members[c];
        if mem.is_empty() {
            continue;
        }
        if cpop[c] < floor {
            if mem.len() == 1 && m.full.degree(mem[0] as usize) == 0 {
                reasons.push(Infeasible::IslandBelowFloor {
                    unit: mem[0],
                    population: cpop[c],
                    floor,
                });
            } else {
                reasons.push(Infeasible::ComponentBelowFloor {
                    units: mem.clone(),
                    population: cpop[c],
                    floor,
                });
            }
            continue;
        }
        let max_regions = if floor > 0.0 {
            (cpop[c] / floor + 1e-9).floor() as usize
        } else {
            mem.len()
        };
        let seeds: Vec<u32> = mem
            .iter()
            .copied()
            .filter(|&u| m.seed_of[u as usize] != NONE)
            .collect();
        if seeds.len() > max_regions {
            reasons.push(Infeasible::TooManySeeds {
                seeds,
                max_regions,
                population: cpop[c],
            });
        }
        if ceiling.is_finite() {
            let need = (carea[c] / ceiling - 1e-9).ceil().max(1.0) as usize;
            if need > max_regions {
                reasons.push(Infeasible::FloorCeilingConflict {
                    first_unit: mem[0],
                    units: mem.len(),
                    min_regions_by_area: need,
                    max_regions_by_pop: max_regions,
                });
            }
        }
    }
    // together sets
    for (si, set) in problem.together.iter().enumerate() {
        let set: Vec<usize> = set
            .iter()
            .map(|&u| u as usize)
            .filter(|&u| u < m.n)
            .collect();
        if set.len() < 2 {
            continue;
        }
        let bad = |reason: &str| Infeasible::TogetherImpossible {
            set: si,
            reason: reason.to_string(),
        };
        if set.iter().any(|&u| m.locked[u]) {
            reasons.push(bad("locked"));
            continue;
        }
        if set.iter().filter(|&&u| m.seed_of[u] != NONE).count() > 1 {
            reasons.push(bad("seeds"));
        }
        if let Some(g) = &problem.group
            && set.iter().any(|&u| g[u] != g[set[0]])
        {
            reasons.push(bad("crosses_group"));
            continue;
        }
        // contiguity of the induced subgraph
        let mut seen = vec![set[0]];
        let mut i = 0;
        while i < seen.len() {
            let u = seen[i];
            i += 1;
            for &v in m.work.neighbors(u) {
                let v = v as usize;
                if set.contains(&v) && !seen.contains(&v) {
                    seen.push(v);
                }
            }
        }
        if seen.len() < set.len() {
            reasons.push(bad("not_contiguous"));
        }
    }
    Infeasibility { reasons }
}

/// Pairs of units that both need the same third unit to reach the floor within the ceiling
/// and cannot share a region with it ([`Infeasible::SharedNeed`]). Only hard units (see
/// `rescue::hard_units`) not already proven unplaceable are examined, each against the
/// 64 units nearest it by path area.
fn shared_needs(m: &crate::problem::Model, reasons: &mut Vec<Infeasible>) {
    let proven: Vec<u32> = reasons
        .iter()
        .filter_map(|r| match r {
            Infeasible::FloorOutOfReach { unit, .. } | Infeasible::UnitOverCeiling { unit, .. } => {
                Some(*unit)
            }
            _ => None,
        })
        .collect();
    let mut reacher = crate::rescue::Reacher::new(m.n);
    // (needed unit, dependent unit)
    let mut needs: Vec<(u32, u32)> = Vec::new();
    for &h in &m.hard {
        let hi = h as usize;
        if proven.contains(&h) || !m.active(hi) || m.pop[hi] >= m.floor {
            continue;
        }
        let near: Vec<u32> = reacher
            .reach(m, hi, m.ceiling, |v| m.active(v), |_| false)
            .iter()
            .skip(1)
            .take(64)
            .map(|r| r.unit)
            .collect();
        for v in near {
            if crate::rescue::floor_out_of_reach_without(m, &mut reacher, hi, |x| {
                x == v as usize || proven.contains(&(x as u32))
            })
            .is_some()
            {
                needs.push((v, h));
            }
        }
    }
    needs.sort_unstable();
    let mut named: Vec<u32> = Vec::new();
    for (i, &(v, a)) in needs.iter().enumerate() {
        for &(w, b) in &needs[i + 1..] {
            if w != v {
                break;
            }
            // a region holding a and b holds v and a path from a to b
            let three = m.area[a as usize] + m.area[b as usize] + m.area[v as usize];
            let path = reacher
                .reach(m, a as usize, m.ceiling, |x| m.active(x), |r| r.unit == b)
                .last()
                .filter(|r| r.unit == b)
                .map_or(f64::INFINITY, |r| r.area);
            let area = three.max(path);
            if area > m.ceiling && !(named.contains(&a) && named.contains(&b)) {
                named.push(a);
                named.push(b);
                reasons.push(Infeasible::SharedNeed {
                    units: [a, b],
                    needs: v,
                    area,
                    ceiling: m.ceiling,
                });
            }
        }
    }
}
