//! A second verifier of hard constraints, written for the tests without reading
//! `quhua_optimize::check`: per-region sums in a `BTreeMap`, contiguity by union-find over
//! the edge list, every rule restated from the documentation of [`Problem`] and [`Params`].
//! The tests compare its verdict with the violations a scheme reports.

use quhua_optimize::{EXCLUDED, IslandPolicy, Params, Problem, Violation};
use std::collections::{BTreeMap, BTreeSet};

/// What is wrong with a scheme, as comparable keys (floats kept aside).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Length,
    Unassigned(u32),
    NotContiguous(u32, usize),
    BelowFloor(u32),
    AboveCeiling(u32),
    LockedNotAlone(u32, u32),
    SeedsShareRegion(u32, Vec<u32>),
    CrossesGroup(u32, Vec<u32>),
    TogetherSplit(usize),
    ApartJoined(usize, u32),
}

/// The key of a reported violation.
pub fn key(v: &Violation) -> Key {
    match v {
        Violation::Length { .. } => Key::Length,
        Violation::Unassigned { unit } => Key::Unassigned(*unit),
        Violation::NotContiguous { region, pieces } => Key::NotContiguous(*region, *pieces),
        Violation::BelowFloor { region, .. } => Key::BelowFloor(*region),
        Violation::AboveCeiling { region, .. } => Key::AboveCeiling(*region),
        Violation::LockedNotAlone { unit, region } => Key::LockedNotAlone(*unit, *region),
        Violation::SeedsShareRegion { region, seeds } => {
            Key::SeedsShareRegion(*region, seeds.clone())
        }
        Violation::CrossesGroup { region, groups } => Key::CrossesGroup(*region, groups.clone()),
        Violation::TogetherSplit { set } => Key::TogetherSplit(*set),
        Violation::ApartJoined { set, region } => Key::ApartJoined(*set, *region),
    }
}

/// Per-region totals, computed here.
#[derive(Debug, Default, Clone)]
pub struct Region {
    pub members: Vec<usize>,
    pub population: f64,
    pub area: f64,
}

/// Regions of an assignment (excluded units left out), by label.
pub fn regions(problem: &Problem, assignment: &[u32]) -> BTreeMap<u32, Region> {
    let mut out: BTreeMap<u32, Region> = BTreeMap::new();
    for (u, &r) in assignment.iter().enumerate() {
        if r == EXCLUDED {
            continue;
        }
        let e = out.entry(r).or_default();
        e.members.push(u);
        e.population += problem.population[u];
        e.area += problem.area.get(u).copied().unwrap_or(0.0);
    }
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Every violated hard constraint, sorted.
pub fn verify(problem: &Problem, params: &Params, assignment: &[u32]) -> Vec<Key> {
    let n = problem.n;
    if assignment.len() != n {
        return vec![Key::Length];
    }
    let mut edges = problem.adjacency.edges();
    edges.extend(problem.extra_edges.iter().copied());
    let mut degree = vec![0usize; n];
    for &(a, b) in &edges {
        if a != b {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
    }
    let locked: BTreeSet<usize> = problem.locked.iter().map(|&u| u as usize).collect();
    let seeds: BTreeSet<usize> = problem.seeds.iter().map(|&u| u as usize).collect();
    let mut out = Vec::new();
    for u in 0..n {
        let excusable = params.islands == IslandPolicy::Exclude
            && degree[u] == 0
            && !locked.contains(&u)
            && !seeds.contains(&u);
        if assignment[u] == EXCLUDED && !excusable {
            out.push(Key::Unassigned(u as u32));
        }
    }
    // Contiguity: union the endpoints of every edge inside one region.
    let mut parent: Vec<usize> = (0..n).collect();
    for &(a, b) in &edges {
        let (a, b) = (a as usize, b as usize);
        if assignment[a] != EXCLUDED && assignment[a] == assignment[b] {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    for (r, reg) in regions(problem, assignment) {
        let roots: BTreeSet<usize> = reg.members.iter().map(|&u| find(&mut parent, u)).collect();
        if roots.len() > 1 {
            out.push(Key::NotContiguous(r, roots.len()));
        }
        let exempt = params.locked_exempt_from_floor
            && reg.members.len() == 1
            && locked.contains(&reg.members[0]);
        if reg.population < params.min_pop * (1.0 - 1e-12) && !exempt {
            out.push(Key::BelowFloor(r));
        }
        if let Some(c) = params.max_area
            && reg.area > c * (1.0 + 1e-12)
        {
            out.push(Key::AboveCeiling(r));
        }
        if reg.members.len() > 1 {
            for &u in &reg.members {
                if locked.contains(&u) {
                    out.push(Key::LockedNotAlone(u as u32, r));
                }
            }
        }
        let s: Vec<u32> = reg
            .members
            .iter()
            .filter(|u| seeds.contains(u))
            .map(|&u| u as u32)
            .collect();
        if s.len() > 1 {
            out.push(Key::SeedsShareRegion(r, s));
        }
        if let Some(g) = &problem.group {
            let gs: BTreeSet<u32> = reg.members.iter().map(|&u| g[u]).collect();
            if gs.len() > 1 {
                out.push(Key::CrossesGroup(r, gs.into_iter().collect()));
            }
        }
    }
    for (i, set) in problem.together.iter().enumerate() {
        let labels: BTreeSet<u32> = set.iter().map(|&u| assignment[u as usize]).collect();
        if labels.len() > 1 || labels.contains(&EXCLUDED) {
            out.push(Key::TogetherSplit(i));
        }
    }
    for (i, set) in problem.apart.iter().enumerate() {
        let mut seen = BTreeSet::new();
        let mut joined = BTreeSet::new();
        for &u in set {
            let r = assignment[u as usize];
            if r != EXCLUDED && !seen.insert(r) {
                joined.insert(r);
            }
        }
        // One finding per set, naming the lowest region that holds two of it.
        if let Some(&r) = joined.first() {
            out.push(Key::ApartJoined(i, r));
        }
    }
    out.sort();
    out
}

/// Checks the reported violations against [`verify`], and the reported populations and
/// areas against the sums here. Returns a description of the first difference.
pub fn agree(
    problem: &Problem,
    params: &Params,
    assignment: &[u32],
    reported: &[Violation],
) -> Result<(), String> {
    let mine = verify(problem, params, assignment);
    let mut theirs: Vec<Key> = reported.iter().map(key).collect();
    theirs.sort();
    if mine != theirs {
        return Err(format!("verifier {mine:?} vs reported {theirs:?}"));
    }
    let regs = regions(problem, assignment);
    for v in reported {
        let (r, got, want) = match v {
            Violation::BelowFloor {
                region, population, ..
            } => (*region, *population, regs[region].population),
            Violation::AboveCeiling { region, area, .. } => (*region, *area, regs[region].area),
            _ => continue,
        };
        if (got - want).abs() > 1e-9 * (1.0 + want.abs()) {
            return Err(format!("region {r}: reported {got}, recounted {want}"));
        }
    }
    Ok(())
}
