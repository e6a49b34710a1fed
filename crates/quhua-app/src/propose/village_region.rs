//! 村级撤并推荐 for a province, a city or the national list in one run: every county's
//! townships solved on their own villages, counties in parallel, with one summary. A list of
//! codes and names only (the national NBS list, about 620,000 villages) has neither figures
//! nor boundaries: with `schematic`, villages without a population get **synthetic (示意)**
//! population, households and area (log-normal, seeded by the village code) and each
//! township a schematic adjacency of its villages (a square grid, rook links plus seeded
//! diagonals). Nothing synthetic is stored, and the answer says it is 示意.

use super::villages::{VillageRequest, floor_of, run_groups};
use crate::access::Actor;
use crate::{App, AppError, AppResult, county, policy};
use quhua_core::attr::{Amount, AttrValue, keys};
use quhua_core::policy::Policy;
use quhua_core::scenario::Base;
use quhua_core::snapshot::Snapshot;
use quhua_core::synth::SplitMix64;
use quhua_core::{DivisionCode, Level};
use quhua_optimize::Params;
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

/// One county's outcome.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VillageCountyRun {
    /// County code.
    pub code: String,
    /// County name.
    pub name: String,
    /// Villages before.
    pub before: usize,
    /// Villages after.
    pub after: usize,
    /// Townships whose result is proven optimal.
    pub proven_townships: usize,
    /// Townships in all.
    pub townships: usize,
    /// Why the county could not be solved, if it could not (both languages).
    pub error: Option<String>,
}

/// The run's summary.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VillageRegionRun {
    /// Code prefix solved ("" for the whole list).
    pub prefix: String,
    /// The registry date.
    pub date: String,
    /// Counties in code order.
    pub counties: Vec<VillageCountyRun>,
    /// Villages before and after, in all.
    pub before: usize,
    /// Villages after.
    pub after: usize,
    /// Townships solved, and those proven optimal.
    pub townships: usize,
    /// Townships proven optimal.
    pub proven_townships: usize,
    /// Counties that could not be solved.
    pub failed: usize,
    /// Whether synthetic (示意) figures or adjacency were used.
    pub synthetic: bool,
}

/// Solves every county under `prefix` (2 digits, 4 digits, or empty for all). The actor must
/// see the whole prefix (the operator, or an account whose jurisdiction covers it).
pub fn region(
    app: &App,
    actor: &Actor,
    prefix: &str,
    schematic: bool,
    req: &VillageRequest,
) -> AppResult<VillageRegionRun> {
    let prefix = super::region::checked_prefix(actor, prefix)?;
    let reg = app.registry()?;
    let date = county::latest_date(&reg);
    let mut snapshot = reg.as_of(date);
    let seed = req.seed.unwrap_or(1);
    let mut synthetic = reg.sources().iter().any(|s| s.synthetic);
    if schematic {
        let (s, added) = with_synthetic_villages(&snapshot, prefix, seed);
        snapshot = s;
        synthetic |= added;
    }
    let counties: Vec<(DivisionCode, String)> = snapshot
        .at_level(Level::County)
        .filter(|c| c.code.to_string().starts_with(prefix))
        .map(|c| (c.code, c.name.clone()))
        .collect();
    let stored: std::collections::HashSet<String> = app
        .store()
        .boundary_sets()?
        .into_iter()
        .map(|s| s.set.county)
        .collect();
    let exact = req.exact_time_limit.unwrap_or(0.0);
    let mut runs: Vec<VillageCountyRun> = counties
        .par_iter()
        .map(|(code, name)| {
            let county_id = policy::default_for(&code.to_string());
            let pol = Policy::builtin(county_id).unwrap_or_else(Policy::default_policy);
            let base = if stored.contains(&code.to_string()) {
                county::load(app, &code.to_string(), &pol).map(|cb| cb.base)
            } else {
                Base::from_snapshot(&snapshot, *code, keys::POP_HUKOU)
                    .map(|b| {
                        if schematic {
                            with_schematic_adjacency(b, seed)
                        } else {
                            b
                        }
                    })
                    .map_err(AppError::from)
            };
            solve_county(*code, name, base, &pol, req, exact)
        })
        .collect();
    runs.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(VillageRegionRun {
        prefix: prefix.to_string(),
        date: date.to_string(),
        before: runs.iter().map(|c| c.before).sum(),
        after: runs.iter().map(|c| c.after).sum(),
        townships: runs.iter().map(|c| c.townships).sum(),
        proven_townships: runs.iter().map(|c| c.proven_townships).sum(),
        failed: runs.iter().filter(|c| c.error.is_some()).count(),
        counties: runs,
        synthetic,
    })
}

fn solve_county(
    code: DivisionCode,
    name: &str,
    base: AppResult<Base>,
    policy: &Policy,
    req: &VillageRequest,
    exact: f64,
) -> VillageCountyRun {
    let mut run = VillageCountyRun {
        code: code.to_string(),
        name: name.to_string(),
        before: 0,
        after: 0,
        proven_townships: 0,
        townships: 0,
        error: None,
    };
    let outcome = base.and_then(|base| {
        run.before = base.villages.len();
        let (floor, key) = floor_of(policy, req)?;
        let adjacency = base.adjacency.as_ref().ok_or_else(|| {
            AppError::refused(
                format!("{name} 没有村级边界：请先导入，或用 --schematic 以示意邻接试算"),
                format!("{name} has no village boundaries: import them, or use --schematic"),
            )
        })?;
        let params = Params {
            min_pop: floor,
            max_area: req.max_area,
            schemes: 1,
            seed: req.seed.unwrap_or(1),
            exact_time_limit: exact,
            ..Params::default()
        };
        Ok(run_groups(&base, adjacency, &params, key, false).1)
    });
    match outcome {
        Ok(towns) => {
            run.after = towns.iter().map(|t| t.after).sum();
            run.townships = towns.len();
            run.proven_townships = towns.iter().filter(|t| t.optimal).count();
        }
        Err(e) => {
            run.after = run.before;
            run.error = Some(format!("{} / {}", e.zh, e.en));
        }
    }
    run
}

/// The snapshot with synthetic population, households and area on the villages under
/// `prefix` that have no population (log-normal around 1,800 people and 15 km², seeded by
/// the code), and whether any was added.
fn with_synthetic_villages(snapshot: &Snapshot, prefix: &str, seed: u64) -> (Snapshot, bool) {
    let mut added = false;
    let units = snapshot
        .units()
        .iter()
        .cloned()
        .map(|mut u| {
            let here = u.level() == Level::Village && u.code.to_string().starts_with(prefix);
            if here && !u.attrs.contains_key(keys::POP_HUKOU) {
                let mut r = SplitMix64::new(seed ^ u.code.to_string().parse::<u64>().unwrap_or(0));
                let pop = r.lognormal(1_800.0, 0.6).round().max(50.0) as i64;
                let area = r.lognormal(15.0, 0.8);
                for (key, value) in [
                    (keys::POP_HUKOU, Amount::from_int(pop)),
                    (
                        keys::HOUSEHOLDS,
                        Amount::from_int((pop as f64 / 3.1).round() as i64),
                    ),
                    (keys::AREA_KM2, Amount::from_f64(area).unwrap_or_default()),
                ] {
                    u.attrs.insert(
                        key.into(),
                        AttrValue {
                            value,
                            source: u32::MAX,
                        },
                    );
                }
                added = true;
            }
            u
        })
        .collect();
    (Snapshot::new(snapshot.date, units), added)
}

/// A schematic village adjacency: each township's villages in code order on a square grid,
/// joined to the right and lower neighbours and, seeded, to the lower-right one.
fn with_schematic_adjacency(base: Base, seed: u64) -> Base {
    let mut pairs = Vec::new();
    for t in &base.townships {
        let vs = &t.villages;
        let w = (vs.len() as f64).sqrt().ceil().max(1.0) as usize;
        let mut r = SplitMix64::new(seed ^ t.code.to_string().parse::<u64>().unwrap_or(0));
        for i in 0..vs.len() {
            let id = |k: usize| base.villages[vs[k] as usize].id;
            if i % w + 1 < w && i + 1 < vs.len() {
                pairs.push((id(i), id(i + 1)));
            }
            if i + w < vs.len() {
                pairs.push((id(i), id(i + w)));
                if i % w + 1 < w && i + w + 1 < vs.len() && r.next_u64().is_multiple_of(3) {
                    pairs.push((id(i), id(i + w + 1)));
                }
            }
        }
    }
    base.with_adjacency(pairs)
}
