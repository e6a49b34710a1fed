//! The heuristic search behind [`crate::suggest`]: randomised constructions in parallel,
//! the most promising kept, each improved by local search, repaired where a rule is broken,
//! raised to more regions by destroy-and-rebuild, and the results sorted and filtered for
//! diversity.

use crate::construct::{self, Builder, Strategy, canonicalize};
use crate::local_search::Search;
use crate::problem::Model;
use crate::{
    Params, Phase, PlanError, Problem, Progress, Rng, Scheme, Weights, check, conflict, diversity,
    finish_scheme, objectives, p_key, rng, sort_schemes,
};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Constructions by problem size: 32 for a county (up to 750 units), fewer as `n` grows
/// (about 24,000 unit-constructions, at least 8), 4 at national village scale, where each
/// construction already explores a large space and time is the constraint. Scaled by
/// `effort`.
fn auto_restarts(n: usize, effort: f64) -> usize {
    let base = if n > 100_000 {
        4.0
    } else {
        (24_000 / n.max(1)).clamp(8, 32) as f64
    };
    ((base * effort).round() as usize).max(1)
}

/// Annealing moves per improved scheme: 30 per unit up to 50k units, then 20 per further
/// unit, at least 5,000; scaled by `effort`.
fn auto_iterations(n: usize, effort: f64) -> usize {
    let full = 30 * n.min(50_000);
    let rest = 20 * n.saturating_sub(50_000);
    let base = (full + rest).clamp(5_000, 200_000_000) as f64;
    ((base * effort).round() as usize).max(1)
}

/// Work allowed for raising p on each improved scheme: freed units summed over all rebuilds
/// up to the annealing moves `iters` (so raising costs at most about what the local search
/// does: on Iowa's 99 counties it stops there, at 10–40 units the patience binds first), and
/// the patience (`4n + 8` rebuilds without a new region before giving up, scaled by
/// `effort`); up to 400 units, none beyond.
fn auto_raise(n: usize, effort: f64, iters: usize) -> (usize, usize) {
    if n > 400 {
        return (0, 0);
    }
    let patience = ((4 * n + 8) as f64 * effort).round() as usize;
    (iters, patience.max(1))
}

/// A local search on `assign` relabelled in order of appearance, with seats chosen afresh.
fn search_on(m: &Model, mut assign: Vec<u32>, weights: Weights) -> Search<'_> {
    let p = canonicalize(&mut assign);
    let seats = objectives::choose_seats(m, &assign, p);
    Search::new(m, assign, p, seats, weights)
}

struct Built {
    restart: u64,
    assign: Vec<u32>,
    p: usize,
    key: (usize, i64, f64),
}

pub(crate) fn search(
    m: &Model,
    problem: &Problem,
    params: &Params,
    proofs: &conflict::Proofs,
    progress: Option<&(dyn Fn(Progress) + Sync)>,
    cancel: Option<&AtomicBool>,
) -> Result<Vec<Scheme>, PlanError> {
    let cancelled = || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let restarts = if params.restarts > 0 {
        params.restarts
    } else {
        auto_restarts(m.n, params.effort)
    };
    let done = AtomicUsize::new(0);
    let best_p = AtomicUsize::new(0);
    let report = |phase, total| {
        let d = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(f) = progress {
            f(Progress {
                phase,
                done: d,
                total,
                best_p: best_p.load(Ordering::Relaxed),
            });
        }
    };
    let built: Vec<Option<Built>> = (0..restarts as u64)
        .into_par_iter()
        .map(|i| {
            if cancelled() {
                return None;
            }
            let mut rng = Rng::new(rng::derive(params.seed, i));
            let mut b = Builder::new(m, params.weights);
            b.build(Strategy::from_index(i), &mut rng, &cancelled)?;
            if let Some(t) = params.target_p {
                b.merge_to_target(t);
            }
            let mut assign = b.assign;
            let p = canonicalize(&mut assign);
            let seats = objectives::choose_seats(m, &assign, p);
            let s = Search::new(m, assign, p, seats, params.weights);
            let (pen, base) = s.score();
            best_p.fetch_max(p, Ordering::Relaxed);
            report(Phase::Construct, restarts);
            Some(Built {
                restart: i,
                assign: s.assign,
                p,
                key: ((pen > 0.0) as usize, p_key(params, p), base),
            })
        })
        .collect();
    if cancelled() {
        return Err(PlanError::Cancelled);
    }
    let mut built: Vec<Built> = built.into_iter().flatten().collect();
    built.sort_by(|a, b| {
        (a.key.0, a.key.1)
            .cmp(&(b.key.0, b.key.1))
            .then(a.key.2.total_cmp(&b.key.2))
            .then(a.restart.cmp(&b.restart))
    });
    // keep candidates that differ from each other already
    let want = (params.schemes + 1).min(built.len());
    let mut chosen: Vec<Built> = Vec::with_capacity(want);
    let mut rest = Vec::new();
    for b in built {
        if chosen.len() < want
            && chosen
                .iter()
                .all(|c| diversity::difference(&c.assign, &b.assign) >= params.min_difference)
        {
            chosen.push(b);
        } else {
            rest.push(b);
        }
    }
    for b in rest {
        if chosen.len() >= want {
            break;
        }
        chosen.push(b);
    }
    let iters = if params.local_search_iters > 0 {
        params.local_search_iters
    } else {
        auto_iterations(m.n, params.effort)
    };
    done.store(0, Ordering::Relaxed);
    let total = chosen.len();
    let raise = if params.target_p.is_none() {
        auto_raise(m.n, params.effort, iters)
    } else {
        (0, 0)
    };
    let bound = construct::root_bound(m);
    // conflict settling where floor and ceiling cannot both hold, then the scheme itself
    let finish = |mut assign: Vec<u32>, restart: u64, rng: &mut Rng| -> Option<Scheme> {
        // floor and ceiling in conflict: only proven units' regions may break a rule
        if proofs.any() && !check(problem, params, &assign).is_empty() {
            assign = conflict::settle(m, proofs, params.prefer, assign);
            let mut s = search_on(m, assign.clone(), params.weights);
            if !s.descend(20, rng, &cancelled) {
                return None;
            }
            // the polish must not move a break out of a proven region
            let unexplained = |a: &[u32]| {
                let c = conflict::conflicts(m, proofs, params.prefer, a);
                (c.iter().filter(|c| !c.explained()).count(), c.len())
            };
            if unexplained(&s.assign) <= unexplained(&assign) {
                assign = s.assign;
            }
        }
        let p = canonicalize(&mut assign);
        let seats = objectives::choose_seats(m, &assign, p);
        let objectives = objectives::evaluate(m, problem, &assign, p, &seats, &params.weights);
        let violations = check(problem, params, &assign);
        Some(finish_scheme(
            m, params, proofs, assign, p, objectives, violations, seats, restart,
        ))
    };
    let improved: Vec<Option<Vec<Scheme>>> = chosen
        .into_par_iter()
        .map(|b| {
            let mut rng = Rng::new(rng::derive(params.seed ^ 0x5EED_1A55, b.restart));
            let seats = objectives::choose_seats(m, &b.assign, b.p);
            let initial = b.assign.clone();
            let mut s = Search::new(m, b.assign, b.p, seats, params.weights);
            let before = s.score();
            if !s.run(iters, &mut rng, &cancelled) {
                return None;
            }
            let after = s.score();
            let mut assign = if (after.0, after.1) <= (before.0, before.1) {
                s.assign
            } else {
                initial
            };
            if after.0 > 0.0 && m.ceiling.is_finite() {
                let mut repair_rng = Rng::new(rng::derive(params.seed ^ 0x0CE1_11A6, b.restart));
                if construct::repair(m, params.weights, &mut assign, &mut repair_rng, 48) {
                    let mut s = search_on(m, assign, params.weights);
                    if !s.run(iters / 4, &mut rng, &cancelled) {
                        return None;
                    }
                    assign = s.assign;
                }
            }
            // a region still below the floor cannot be emptied by single moves:
            // dissolve it into a neighbour (one region fewer, feasible), then polish
            let mut fix = Builder::from_assignment(m, params.weights, &assign);
            if fix.has_region_below_floor() {
                fix.dissolve_below_floor();
                let mut s = search_on(m, fix.assign, params.weights);
                if !s.descend(20, &mut rng, &cancelled) {
                    return None;
                }
                assign = s.assign;
            }
            // more regions by destroy-and-rebuild (feasible schemes only), then a polish; the
            // scheme it started from stays a candidate (diversity when all rise alike)
            let mut out = Vec::with_capacity(2);
            if raise.0 > 0 {
                let before = canonicalize(&mut assign);
                let mut raised = assign.clone();
                let mut raise_rng = Rng::new(rng::derive(params.seed ^ 0x0A15_E0F9, b.restart));
                let after = construct::raise_p(
                    m,
                    params.weights,
                    &mut raised,
                    &mut raise_rng,
                    raise.0,
                    raise.1,
                    bound,
                );
                if after > before {
                    let mut s = search_on(m, raised, params.weights);
                    if !s.run(iters / 2, &mut rng, &cancelled) {
                        return None;
                    }
                    out.push(finish(s.assign, b.restart, &mut rng)?);
                }
            }
            out.push(finish(assign, b.restart, &mut rng)?);
            report(Phase::Improve, total);
            Some(out)
        })
        .collect();
    if cancelled() {
        return Err(PlanError::Cancelled);
    }
    let mut schemes: Vec<Scheme> = improved.into_iter().flatten().flatten().collect();
    sort_schemes(params, &mut schemes);
    let mut out: Vec<Scheme> = Vec::with_capacity(params.schemes);
    for s in schemes {
        if out.len() >= params.schemes {
            break;
        }
        if out
            .iter()
            .all(|o| diversity::difference(&o.assignment, &s.assignment) >= params.min_difference)
        {
            out.push(s);
        }
    }
    Ok(out)
}
