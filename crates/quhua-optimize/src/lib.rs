//! # quhua-optimize — regionalization planner for township mergers
//!
//! Given areal units (townships or villages), their adjacency, populations,
//! areas and attributes, proposes several *diverse* schemes that merge units
//! into contiguous regions meeting a population floor (and optionally an area
//! ceiling), keeping locked units alone, putting every seed (county seat,
//! central town) at the head of its own region, never crossing group (county)
//! boundaries and honouring together/apart sets.
//!
//! ## Algorithm
//! A max-p regionalization heuristic after Wei, Rey & Knaap (2020,
//! *Efficient regionalization for spatially explicit neighborhood
//! delineation*, IJGIS 34(2):252–268) and Duque, Anselin & Rey (2012,
//! *The max-p-regions problem*, J. Regional Science 52(3)):
//! 1. pre-checks ([`Infeasibility`]) explain impossible inputs before searching;
//! 2. many randomised constructions ([`construct`](crate::construct)) run in
//!    parallel (rayon), each with its own SplitMix64-derived stream; the ones
//!    with most regions (or closest to `target_p`) and best objective are kept;
//! 3. each kept partition is improved by simulated annealing plus greedy
//!    descent over contiguity-preserving single-unit moves with O(k)
//!    incremental statistics ([`local_search`](crate::local_search));
//! 4. at county scale (up to 400 units), each feasible scheme is then raised to more
//!    regions where it can be: a region and its neighbours are dissolved and regrown
//!    corner-first, the result kept when it stays feasible with more regions (or as many,
//!    half of the time), until the `Σ ⌊pop/floor⌋` bound, `4n + 8` rebuilds bring no new
//!    region or the units regrown reach the annealing's move count (`construct::raise`);
//!    the scheme it started from stays a candidate;
//! 5. results are sorted by (feasibility, p, objective, restart index) —
//!    deterministic whatever the thread count — and near-duplicates are
//!    filtered ([`diversity::difference`]).
//!
//! With an area ceiling, units that are hard to place (thinly settled, far
//! from population) get *rescue regions* first: the minimum-area path to
//! where the floor is reached, completed densest-first (`rescue`); schemes
//! that still end with a region over the ceiling go through a
//! destroy-and-rebuild repair of that region and its neighbours; and the
//! pre-check proves a unit unplaceable when even the densest units within
//! path-area reach cannot fill the floor under the ceiling
//! ([`Infeasible::FloorOutOfReach`]).
//!
//! [`refine`] takes a finished scheme down a level (townships → villages):
//! single-unit transfers are made only where they repair floor or ceiling or
//! improve the objective by more than the disruption they cost.
//!
//! Every scheme carries the [`Violation`]s found by the independent verifier
//! [`check`]; an empty list means every hard constraint holds.

#![warn(missing_docs)]
// Flat-array kernels index several parallel arrays by the same unit/region index.
#![allow(clippy::needless_range_loop)]

pub mod check;
pub mod conflict;
mod construct;
pub mod county;
pub mod diversity;
mod error;
pub mod exact;
pub mod graph;
pub mod infeasible;
pub mod io;
mod local_search;
pub mod objectives;
mod problem;
pub mod province;
mod rescue;
mod rng;
mod search;

pub use check::{Violation, check};
pub use conflict::{Broken, Conflict, Prefer, Proof, ProvenUnit};
pub use error::PlanError;
pub use graph::Graph;
pub use infeasible::{Infeasibility, Infeasible};
pub use objectives::{Objectives, cut_edges, wss};
pub use problem::{EXCLUDED, IslandPolicy, Params, Problem, Weights};
pub use rng::{Rng, derive as derive_seed};

use construct::canonicalize;

use local_search::Search;
use problem::Model;
use search::search;
use serde::Serialize;
use std::sync::atomic::AtomicBool;

/// Phase reported by [`Progress`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Randomised constructions.
    Construct,
    /// Local search on the best constructions.
    Improve,
}

/// Progress report passed to the callback (called from worker threads).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// Current phase.
    pub phase: Phase,
    /// Tasks finished in this phase.
    pub done: usize,
    /// Tasks in this phase.
    pub total: usize,
    /// Largest number of regions seen so far.
    pub best_p: usize,
}

/// One proposed scheme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scheme {
    /// Region index per unit, in input order (regions numbered by first
    /// appearance; [`EXCLUDED`] for excluded islands).
    pub assignment: Vec<u32>,
    /// Number of regions.
    pub p: usize,
    /// Objective values.
    pub objectives: Objectives,
    /// Violated hard constraints (empty = feasible).
    pub violations: Vec<Violation>,
    /// Seat (head unit) of each region: its seed if any, else the
    /// population-weighted medoid (with coordinates) or the most populous unit.
    pub seats: Vec<u32>,
    /// Index of the restart that produced it (for reproduction).
    pub restart: u64,
    /// Proven upper bound on the number of regions of any scheme meeting the rules that
    /// hold here (see [`exact`]); `None` where no bound applies (regions below the floor
    /// allowed by [`Prefer::Ceiling`] or forced by a proof).
    pub bound: Option<usize>,
    /// Whether `p` is proven the largest possible (`p == bound`, no target p).
    pub optimal: bool,
    /// Regions breaking the floor or the ceiling, each with the proven units explaining it.
    pub conflicts: Vec<Conflict>,
    /// Total excess of the rule that gives way, over the regions in `conflicts`: km² over
    /// the ceiling under [`Prefer::Floor`], people under the floor under [`Prefer::Ceiling`].
    pub excess: f64,
}

impl Scheme {
    /// Conflicts no proof explains (empty when the optimizer kept its promise).
    pub fn unexplained(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicts.iter().filter(|c| !c.explained())
    }
}

/// What happened to an island.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IslandAction {
    /// Connected through a planner-supplied extra edge.
    Attached,
    /// Kept as a region on its own.
    KeptAlone,
    /// Left out of every region.
    Excluded,
}

/// A unit without neighbours in the adjacency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Island {
    /// Unit index.
    pub unit: u32,
    /// Its population.
    pub population: f64,
    /// How it was handled.
    pub action: IslandAction,
}

/// Result of [`suggest`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Solution {
    /// Diverse schemes, best first.
    pub schemes: Vec<Scheme>,
    /// Pre-check report when some hard constraint cannot be met.
    pub infeasibility: Option<Infeasibility>,
    /// Islands of the adjacency graph.
    pub islands: Vec<Island>,
}

/// Runs the pre-checks only.
pub fn precheck(problem: &Problem, params: &Params) -> Result<Infeasibility, PlanError> {
    let m = Model::prepare(problem, params)?;
    Ok(infeasible::precheck(&m, problem))
}

/// Proposes up to `params.schemes` diverse schemes.
///
/// `progress` is called from worker threads after each construction and each
/// improvement; `cancel` is polled regularly (every few hundred regions or
/// 1024 moves) and makes the call return [`PlanError::Cancelled`].
/// Output is identical for identical inputs and `params.seed`, whatever the
/// number of threads.
pub fn suggest(
    problem: &Problem,
    params: &Params,
    progress: Option<&(dyn Fn(Progress) + Sync)>,
    cancel: Option<&AtomicBool>,
) -> Result<Solution, PlanError> {
    let m = Model::prepare(problem, params)?;
    let report = infeasible::precheck(&m, problem);
    let islands = m
        .islands
        .iter()
        .map(|&u| {
            let ui = u as usize;
            Island {
                unit: u,
                population: m.pop[ui],
                action: if m.excluded[ui] {
                    IslandAction::Excluded
                } else if m.full.degree(ui) > 0 {
                    IslandAction::Attached
                } else {
                    IslandAction::KeptAlone
                },
            }
        })
        .collect();
    let proofs = conflict::Proofs::from_report(m.n, &report);
    let in_pool = |f: &(dyn Fn() -> Result<Vec<Scheme>, PlanError> + Sync)| match params.threads {
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t.max(1))
            .build()
            .map_err(|e| PlanError::ThreadPool(e.to_string()))?
            .install(f),
        None => f(),
    };
    let conflicting =
        m.ceiling.is_finite() && m.floor > 0.0 && conflict::has_conflict_proofs(&report);
    let mut schemes = if conflicting {
        // search on the reformulated problem, judge on the original one
        let (p2, params2) = conflict::reformulate(&m, problem, params, &report);
        let m2 = Model::prepare(&p2, &params2)?;
        let none = conflict::Proofs::from_report(m.n, &Infeasibility::default());
        let raw = in_pool(&|| search(&m2, &p2, &params2, &none, progress, cancel))?;
        rejudge(&m, problem, params, &proofs, raw)
    } else {
        in_pool(&|| search(&m, problem, params, &proofs, progress, cancel))?
    };
    prove(&m, problem, params, &proofs, &mut schemes);
    Ok(Solution {
        schemes,
        infeasibility: (!report.reasons.is_empty()).then_some(report),
        islands,
    })
}

/// Refines a finished scheme by single-unit moves (at village level: village transfers,
/// 村划归): a move is taken when it repairs the floor or the ceiling, or when it improves
/// the weighted objective by more than it costs in disruption (`weights.disruption` times
/// the share of units moved out of the region they started in). Greedy and deterministic
/// for a given `params.seed`. Region labels stay those of `initial` (no region is ever
/// emptied), so the result maps back onto the scheme it came from; `objectives.moved_units`
/// counts the units that changed region.
pub fn refine(problem: &Problem, params: &Params, initial: &[u32]) -> Result<Scheme, PlanError> {
    let m = Model::prepare(problem, params)?;
    if initial.len() != m.n {
        return Err(PlanError::LengthMismatch {
            field: "initial",
            got: initial.len(),
            expected: m.n,
        });
    }
    let p = construct::label_bound(initial);
    let mut used = vec![false; p.min(m.n)];
    for (u, &r) in initial.iter().enumerate() {
        match used.get_mut(r as usize) {
            Some(x) => *x = true,
            None if r == EXCLUDED => {}
            None => {
                return Err(PlanError::InvalidParam {
                    zh: format!("初始方案第 {u} 个单位的新单位编号 {r} 超出范围（应小于单位数）"),
                    en: format!(
                        "initial scheme: unit {u} has region {r}, beyond the number of units"
                    ),
                });
            }
        }
    }
    if let Some(r) = used.iter().position(|&x| !x) {
        return Err(PlanError::InvalidParam {
            zh: format!("初始方案的新单位编号不连续：缺少 {r}"),
            en: format!("initial scheme: region numbers must be 0..p without gaps; {r} is missing"),
        });
    }
    let assign = initial.to_vec();
    let seats = objectives::choose_seats(&m, &assign, p);
    let mut s = Search::new(&m, assign, p, seats, params.weights);
    s.set_home();
    let mut rng = Rng::new(rng::derive(params.seed ^ 0x7EF1_4E00, 0));
    s.descend(1_000, &mut rng, &|| false);
    // moves never empty a region, so the labels (and p) are those of `initial`
    let assign = s.assign;
    let seats = objectives::choose_seats(&m, &assign, p);
    let mut objectives = objectives::evaluate(&m, problem, &assign, p, &seats, &params.weights);
    objectives.moved_units = assign.iter().zip(initial).filter(|(a, b)| a != b).count();
    objectives.score +=
        params.weights.disruption * objectives.moved_units as f64 / m.n.max(1) as f64;
    let violations = check(problem, params, &assign);
    let report = infeasible::precheck(&m, problem);
    let proofs = conflict::Proofs::from_report(m.n, &report);
    Ok(finish_scheme(
        &m, params, &proofs, assign, p, objectives, violations, seats, 0,
    ))
}

/// Schemes found on a reformulated problem, judged on the original one: settled where a
/// break is left that no proof explains, then re-evaluated and sorted as in [`search`].
fn rejudge(
    m: &Model,
    problem: &Problem,
    params: &Params,
    proofs: &conflict::Proofs,
    raw: Vec<Scheme>,
) -> Vec<Scheme> {
    let mut out: Vec<Scheme> = raw
        .into_iter()
        .map(|s| {
            let mut assign = s.assignment;
            if conflict::conflicts(m, proofs, params.prefer, &assign)
                .iter()
                .any(|c| !c.explained())
            {
                assign = conflict::settle(m, proofs, params.prefer, assign);
            }
            let p = canonicalize(&mut assign);
            let seats = objectives::choose_seats(m, &assign, p);
            let objectives = objectives::evaluate(m, problem, &assign, p, &seats, &params.weights);
            let violations = check(problem, params, &assign);
            finish_scheme(
                m, params, proofs, assign, p, objectives, violations, seats, s.restart,
            )
        })
        .collect();
    sort_schemes(params, &mut out);
    out
}

fn sort_schemes(params: &Params, schemes: &mut [Scheme]) {
    schemes.sort_by(|a, b| {
        let key = |s: &Scheme| {
            (
                s.unexplained().count(),
                s.violations.len(),
                p_key(params, s.p),
            )
        };
        key(a)
            .cmp(&key(b))
            .then(a.excess.total_cmp(&b.excess))
            .then(a.objectives.score.total_cmp(&b.objectives.score))
            .then(a.restart.cmp(&b.restart))
    });
}

/// A scheme with its conflicts and excess (bound filled in by [`prove`]).
#[allow(clippy::too_many_arguments)]
fn finish_scheme(
    m: &Model,
    params: &Params,
    proofs: &conflict::Proofs,
    assignment: Vec<u32>,
    p: usize,
    objectives: Objectives,
    violations: Vec<Violation>,
    seats: Vec<u32>,
    restart: u64,
) -> Scheme {
    let conflicts = conflict::conflicts(m, proofs, params.prefer, &assignment);
    let excess = conflicts
        .iter()
        .filter(|c| match params.prefer {
            Prefer::Floor => c.broken == Broken::Ceiling,
            Prefer::Ceiling => c.broken == Broken::Floor,
        })
        .map(|c| c.excess)
        .sum();
    Scheme {
        assignment,
        p,
        objectives,
        violations,
        seats,
        restart,
        bound: None,
        optimal: false,
        conflicts,
        excess,
    }
}

/// Fills in `bound` and `optimal` of every scheme: the exact check of [`exact`] on problems
/// of at most [`exact::EXACT_MAX_UNITS`] units within `params.exact_time_limit`, the root
/// bound elsewhere. A scheme with more regions found by the exact check goes first.
fn prove(
    m: &Model,
    problem: &Problem,
    params: &Params,
    proofs: &conflict::Proofs,
    schemes: &mut Vec<Scheme>,
) {
    let Some(first) = schemes.first() else { return };
    // which bound applies: every region at the floor, within the ceiling unless it gives way
    let floor_breaks = first
        .conflicts
        .iter()
        .any(|c| c.broken == Broken::Floor || !c.explained());
    if floor_breaks
        || first
            .violations
            .iter()
            .any(|v| !matches!(v, Violation::AboveCeiling { .. }))
    {
        return;
    }
    let use_ceiling = first.conflicts.is_empty();
    let limit = if m.n <= exact::EXACT_MAX_UNITS {
        params.exact_time_limit.max(0.0)
    } else {
        0.0
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(limit);
    let lower = schemes.iter().map(|s| s.p).max().unwrap_or(0);
    let out = exact::max_p(m, problem, params, lower, use_ceiling, deadline);
    if let Some(assign) = out.better {
        let mut assign = assign;
        let p = canonicalize(&mut assign);
        let seats = objectives::choose_seats(m, &assign, p);
        let objectives = objectives::evaluate(m, problem, &assign, p, &seats, &params.weights);
        let violations = check(problem, params, &assign);
        let s = finish_scheme(
            m,
            params,
            proofs,
            assign,
            p,
            objectives,
            violations,
            seats,
            u64::MAX,
        );
        schemes.insert(0, s);
        schemes.truncate(params.schemes);
    }
    for s in schemes.iter_mut() {
        let applies = s
            .conflicts
            .iter()
            .all(|c| c.broken == Broken::Ceiling && c.explained());
        if applies {
            s.bound = Some(out.bound.max(s.p));
            s.optimal = params.target_p.is_none() && s.p >= out.bound;
        }
    }
}

fn p_key(params: &Params, p: usize) -> i64 {
    match params.target_p {
        Some(t) => (p as i64 - t as i64).abs(),
        None => -(p as i64),
    }
}
