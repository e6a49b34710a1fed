//! A whole city or province in one run: every county under a code prefix solved on its own
//! (townships as building blocks, so no new unit ever crosses a county boundary), the
//! counties in parallel (rayon), and one summary: townships before and after per county and
//! the totals.

use crate::county::{Wishes, township_problem};
use crate::{Params, PlanError, suggest};
use quhua_core::attr::keys;
use quhua_core::policy::Policy;
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};
use rayon::prelude::*;
use serde::Serialize;

/// The outcome for one county.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyRun {
    /// County code (6 digits).
    pub code: String,
    /// County name.
    pub name: String,
    /// Townships before.
    pub before: usize,
    /// New units after (the best scheme's p; `before` when the county could not be solved).
    pub after: usize,
    /// Proven upper bound on p (see [`crate::exact`]).
    pub bound: Option<usize>,
    /// Whether `after` is proven the largest possible.
    pub optimal: bool,
    /// Regions breaking the floor or the ceiling in the best scheme.
    pub conflicts: usize,
    /// Of those, regions no proof explains.
    pub unexplained: usize,
    /// Total excess of the rule that gives way ([`crate::Scheme::excess`]).
    pub excess: f64,
    /// The best scheme's region per township (in township code order), empty on error.
    pub assignment: Vec<u32>,
    /// Why the county was not solved (Chinese / English), if it was not.
    pub error: Option<String>,
}

/// The summary of a province or city.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvinceRun {
    /// The code prefix solved (e.g. "13" for 河北省, "1306" for 保定市).
    pub prefix: String,
    /// Counties in code order.
    pub counties: Vec<CountyRun>,
    /// Townships before, all counties.
    pub before: usize,
    /// New units after, all counties.
    pub after: usize,
    /// Counties whose best scheme is proven optimal.
    pub proven: usize,
    /// Counties that could not be solved.
    pub failed: usize,
    /// Whether the attributes include synthetic (示意) values.
    pub synthetic: bool,
}

/// Solves every county whose code starts with `prefix` (digits; empty = the whole list)
/// independently and in parallel, with the floor and cap of `policy` unless `params` sets
/// them (`params.min_pop > 0` or `params.max_area`). `adjacency(county)` gives the village
/// adjacency of a county as pairs of registry ids; `synthetic` marks the attributes as
/// 示意 in the summary. A county that cannot be solved (no adjacency, no townships, bad
/// data) is reported with its error and counted in `failed`; the others are unaffected.
///
/// ```
/// use quhua_optimize::{Params, province};
/// use quhua_core::policy::Policy;
/// use quhua_core::snapshot::Snapshot;
/// let date = quhua_core::date::parse_date("2024-01-01").unwrap();
/// let snap = Snapshot::new(date, Vec::new());
/// let policy = Policy::default_policy();
/// let run = province::solve(&snap, "13", &policy, &Params::default(), &|_| Vec::new(), true)
///     .unwrap();
/// assert_eq!(run.counties.len(), 0);
/// ```
pub fn solve(
    snapshot: &Snapshot,
    prefix: &str,
    policy: &Policy,
    params: &Params,
    adjacency: &(dyn Fn(DivisionCode) -> Vec<(UnitId, UnitId)> + Sync),
    synthetic: bool,
) -> Result<ProvinceRun, PlanError> {
    if !prefix.chars().all(|c| c.is_ascii_digit()) || prefix.len() > 6 {
        return Err(PlanError::param(
            format!("区划代码前缀“{prefix}”无效（应为 2、4 或 6 位数字）"),
            format!("invalid code prefix \"{prefix}\" (2, 4 or 6 digits expected)"),
        ));
    }
    let mut counties: Vec<(DivisionCode, String)> = snapshot
        .at_level(Level::County)
        .filter(|c| c.code.to_string().starts_with(prefix))
        .map(|c| (c.code, c.name.clone()))
        .collect();
    counties.sort_by_key(|c| c.0);
    let pop_key = if policy.population_key.is_empty() {
        keys::POP_HUKOU.to_string()
    } else {
        policy.population_key.clone()
    };
    let mut params = params.clone();
    if params.min_pop <= 0.0 {
        params.min_pop = policy
            .population_floor
            .as_ref()
            .map(|t| t.value)
            .unwrap_or(0.0);
    }
    if params.max_area.is_none() {
        params.max_area = policy.area_cap_km2.as_ref().map(|t| t.value);
    }
    let runs: Vec<CountyRun> = counties
        .par_iter()
        .map(|(code, name)| one(snapshot, *code, name, &pop_key, &params, adjacency))
        .collect();
    Ok(ProvinceRun {
        prefix: prefix.to_string(),
        before: runs.iter().map(|c| c.before).sum(),
        after: runs.iter().map(|c| c.after).sum(),
        proven: runs.iter().filter(|c| c.optimal).count(),
        failed: runs.iter().filter(|c| c.error.is_some()).count(),
        counties: runs,
        synthetic,
    })
}

fn one(
    snapshot: &Snapshot,
    code: DivisionCode,
    name: &str,
    pop_key: &str,
    params: &Params,
    adjacency: &(dyn Fn(DivisionCode) -> Vec<(UnitId, UnitId)> + Sync),
) -> CountyRun {
    let mut run = CountyRun {
        code: code.to_string(),
        name: name.to_string(),
        before: 0,
        after: 0,
        bound: None,
        optimal: false,
        conflicts: 0,
        unexplained: 0,
        excess: 0.0,
        assignment: Vec::new(),
        error: None,
    };
    let base = match quhua_core::scenario::Base::from_snapshot(snapshot, code, pop_key) {
        Ok(b) => b.with_adjacency(adjacency(code)),
        Err(e) => {
            run.error = Some(e.to_string());
            return run;
        }
    };
    run.before = base.townships.len();
    run.after = run.before;
    if base.townships.is_empty() {
        return run;
    }
    let result =
        township_problem(&base, &Wishes::default()).and_then(|p| suggest(&p, params, None, None));
    match result {
        Ok(sol) => {
            if let Some(s) = sol.schemes.first() {
                run.after = s.p;
                // p can never exceed the townships: a looser bound says no more than that.
                run.bound = s.bound.map(|b| b.min(run.before));
                run.optimal = s.optimal;
                run.conflicts = s.conflicts.len();
                run.unexplained = s.unexplained().count();
                run.excess = s.excess;
                run.assignment = s.assignment.clone();
            }
        }
        Err(e) => run.error = Some(e.to_string()),
    }
    run
}
