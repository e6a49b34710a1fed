//! 村级撤并推荐: village mergers proposed inside each township of a county, by the same max-p
//! optimizer as the townships (floor on population or households, ceiling on area, every new
//! village in one piece, the township's seat village heading its own, no 村 merged with a
//! 居), with the same honesty about conflicts: a township whose villages cannot all meet the
//! floor reports the bound and the rule that gave way. The proposal is a list of scenario
//! operations (合并村) evaluated on the county's base, ready for the editor.

use crate::access::Actor;
use crate::{App, AppError, AppResult, county};
use quhua_core::attr::keys;
use quhua_core::policy::Policy;
use quhua_core::scenario::{
    Base, Operation, Session, VillageComparison, VillageTarget, village_indicators,
};
use quhua_core::{VillageKind, rules::Finding};
use quhua_optimize::{Graph, Params, Prefer, Problem, suggest};
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the planner asks for (every field optional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VillageRequest {
    /// The floor per merged village (people, or households with `by_households`); by default
    /// the policy's village floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<f64>,
    /// The floor counts households (户数) instead of people.
    #[serde(default)]
    pub by_households: bool,
    /// Area cap per merged village (km²), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_area: Option<f64>,
    /// Which rule gives way where floor and cap cannot both hold (default: the floor holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefer: Option<super::PreferRule>,
    /// Policy: a built-in id or a stored policy's name; none: the county's own province's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Random seed (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Exact-check time limit per township, seconds (default 0.2, at most 5; 0 skips it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact_time_limit: Option<f64>,
}

/// One township's outcome.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VillageTownshipRun {
    /// Township name.
    pub township: String,
    /// Villages before.
    pub before: usize,
    /// Villages after.
    pub after: usize,
    /// Proven upper bound on the villages any scheme meeting the rules can keep, if known.
    pub bound: Option<usize>,
    /// Whether `after` is proven the largest possible.
    pub optimal: bool,
    /// New villages breaking the rule that gives way (each contains a village proven unable
    /// to meet both rules).
    pub conflicts: usize,
}

/// The proposal: operations, each township's outcome and the village indicators.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VillageProposal {
    /// County code.
    pub county: String,
    /// The policy the scheme was checked under.
    pub policy: String,
    /// The floor used, and what it counts (`population` or `households`).
    pub floor: f64,
    /// `population` or `households`.
    pub floor_basis: String,
    /// The area cap used, if any.
    pub max_area: Option<f64>,
    /// Whether the figures include synthetic (示意) data.
    pub synthetic: bool,
    /// The 合并村 operations, township by township.
    pub ops: Vec<Operation>,
    /// Each township's outcome, in code order.
    pub townships: Vec<VillageTownshipRun>,
    /// Village indicators before and after.
    pub indicators: VillageComparison,
    /// The findings on the villages the proposal changes.
    pub findings: Vec<Finding>,
}

/// Proposes village mergers for a county (any role that reads it).
pub fn propose_villages(
    app: &App,
    actor: &Actor,
    county_code: &str,
    req: &VillageRequest,
) -> AppResult<VillageProposal> {
    if !actor.sees(county_code) {
        return Err(AppError::forbidden(
            "无权访问：超出本账号的辖区范围",
            "forbidden: outside this account's jurisdiction",
        ));
    }
    let policy_id = crate::policy::reference_for(req.policy.as_deref(), county_code);
    let policy = crate::policy::resolve_for(app, actor, Some(&policy_id), county_code)?;
    let cb = county::load(app, county_code, &policy)?;
    solve(&cb.base, &policy, &policy_id, req)
}

/// The proposal on a county's base (pure; [`propose_villages`] loads the base).
pub fn solve(
    base: &Base,
    policy: &Policy,
    policy_id: &str,
    req: &VillageRequest,
) -> AppResult<VillageProposal> {
    let (floor, key) = floor_of(policy, req)?;
    if let Some(a) = req.max_area
        && !(a.is_finite() && a > 0.0 && a <= 10_000.0)
    {
        return Err(AppError::invalid(
            format!("面积上限 {a} 超出范围（应大于 0 且不超过 10000 平方公里）"),
            format!("area cap {a} is out of range (above 0, at most 10,000 km²)"),
        ));
    }
    let exact = req.exact_time_limit.unwrap_or(0.2);
    if !(0.0..=5.0).contains(&exact) {
        return Err(AppError::invalid(
            format!("精确检验时限 {exact} 秒超出范围（0 到 5 秒）"),
            format!("exact time limit {exact} s is out of range (0 to 5 s)"),
        ));
    }
    let adjacency = base.adjacency.as_ref().ok_or_else(|| {
        AppError::refused(
            format!(
                "{} 尚未导入村级边界，无法判断村与村是否相邻",
                base.county_name
            ),
            format!(
                "{} has no village boundaries: which villages touch is unknown",
                base.county_name
            ),
        )
    })?;
    let params = Params {
        min_pop: floor,
        max_area: req.max_area,
        schemes: 1,
        seed: req.seed.unwrap_or(1),
        prefer: req.prefer.map(Prefer::from).unwrap_or_default(),
        exact_time_limit: exact,
        ..Params::default()
    };
    let (ops, townships) = run_groups(base, adjacency, &params, key, true);
    let mut session = Session::new(base, policy);
    let before = village_indicators(base, policy, session.state());
    session.reset(ops.clone())?;
    let ev = session.evaluation();
    let findings = ev
        .findings
        .into_iter()
        .filter(|f| f.rule.as_str().starts_with("village") || f.rule.as_str() == "residents_size")
        .collect();
    debug_assert_eq!(before, ev.villages.indicators.before);
    Ok(VillageProposal {
        county: base.county_code.to_string(),
        policy: policy_id.to_string(),
        floor,
        floor_basis: if req.by_households {
            "households"
        } else {
            "population"
        }
        .into(),
        max_area: req.max_area,
        synthetic: base.synthetic,
        ops,
        townships,
        indicators: ev.villages.indicators,
        findings,
    })
}

/// Every township's groups solved in parallel: the merge operations and each township's outcome.
pub(super) fn run_groups(
    base: &Base,
    adjacency: &[Vec<u32>],
    params: &Params,
    key: &str,
    parallel: bool,
) -> (Vec<Operation>, Vec<VillageTownshipRun>) {
    let keys_at = |k: &str| base.keys.iter().position(|x| x == k);
    let (value_at, area_at) = (keys_at(key), keys_at(keys::AREA_KM2));
    let groups = groups(base);
    let one = |g: &Group| {
        let (ops, run) = solve_group(base, adjacency, g, value_at, area_at, params);
        (g.township, ops, run)
    };
    // A region run is parallel over its counties already.
    let results: Vec<(usize, Vec<Operation>, VillageTownshipRun)> = if parallel {
        groups.par_iter().map(one).collect()
    } else {
        groups.iter().map(one).collect()
    };
    let mut townships: Vec<VillageTownshipRun> = Vec::new();
    let mut last: Option<usize> = None;
    let mut ops = Vec::new();
    for (t, group_ops, run) in results {
        ops.extend(group_ops);
        // a township's groups (村, then 居) come one after the other
        match townships.last_mut().filter(|_| last == Some(t)) {
            Some(x) => {
                x.before += run.before;
                x.after += run.after;
                x.bound = x.bound.zip(run.bound).map(|(a, b)| a + b);
                x.optimal &= run.optimal;
                x.conflicts += run.conflicts;
            }
            None => townships.push(run),
        }
        last = Some(t);
    }
    (ops, townships)
}

/// The floor and the key it reads: the request's, else the policy's village floor.
pub(super) fn floor_of(policy: &Policy, req: &VillageRequest) -> AppResult<(f64, &'static str)> {
    let (policy_floor, key) = if req.by_households {
        (&policy.village_households_floor, keys::HOUSEHOLDS)
    } else {
        (&policy.village_population_floor, population_key(policy))
    };
    let floor = req
        .floor
        .or_else(|| policy_floor.as_ref().map(|t| t.value))
        .ok_or_else(|| {
            AppError::invalid(
                "政策未规定村（居）规模下限，请给出人口或户数下限",
                "the policy sets no village floor: give a population or households floor",
            )
        })?;
    if !(floor.is_finite() && floor > 0.0 && floor <= 1_000_000.0) {
        return Err(AppError::invalid(
            format!("村（居）规模下限 {floor} 超出范围（应大于 0 且不超过 100 万）"),
            format!("village floor {floor} is out of range (above 0, at most 1,000,000)"),
        ));
    }
    Ok((floor, key))
}

fn population_key(policy: &Policy) -> &'static str {
    if policy.population_key == keys::POP_RESIDENT {
        keys::POP_RESIDENT
    } else {
        keys::POP_HUKOU
    }
}

/// The villages of one township of one kind class (村 or 居): they may merge with each other.
struct Group {
    township: usize,
    villages: Vec<u32>,
}

fn groups(base: &Base) -> Vec<Group> {
    let residents =
        |k: VillageKind| matches!(k, VillageKind::Residents | VillageKind::SimilarResidents);
    let mut out = Vec::new();
    for (t, town) in base.townships.iter().enumerate() {
        for class in [false, true] {
            let villages: Vec<u32> = town
                .villages
                .iter()
                .copied()
                .filter(|&v| residents(base.villages[v as usize].kind) == class)
                .collect();
            if !villages.is_empty() {
                out.push(Group {
                    township: t,
                    villages,
                });
            }
        }
    }
    out
}

/// One group's problem, its best scheme, and the merges it implies.
fn solve_group(
    base: &Base,
    adjacency: &[Vec<u32>],
    g: &Group,
    value_at: Option<usize>,
    area_at: Option<usize>,
    params: &Params,
) -> (Vec<Operation>, VillageTownshipRun) {
    let town = &base.townships[g.township];
    let n = g.villages.len();
    let local = |v: u32| g.villages.iter().position(|&x| x == v);
    let mut edges = Vec::new();
    for (i, &v) in g.villages.iter().enumerate() {
        for &w in adjacency.get(v as usize).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(j) = local(w)
                && i < j
            {
                edges.push((i as u32, j as u32));
            }
        }
    }
    let figure = |v: u32, k: Option<usize>| {
        k.and_then(|k| base.villages[v as usize].attrs[k])
            .map_or(0.0, |a| a.to_f64())
    };
    let pop: Vec<f64> = g.villages.iter().map(|&v| figure(v, value_at)).collect();
    let unchanged = VillageTownshipRun {
        township: town.name.clone(),
        before: n,
        after: n,
        bound: None,
        optimal: false,
        conflicts: 0,
    };
    let Ok(graph) = Graph::from_edges(n, &edges) else {
        return (Vec::new(), unchanged);
    };
    let mut problem = Problem::new(graph, pop.clone());
    problem.area = g.villages.iter().map(|&v| figure(v, area_at)).collect();
    problem.seeds = town
        .seat_village
        .and_then(local)
        .map(|i| i as u32)
        .into_iter()
        .collect();
    let Ok(sol) = suggest(&problem, params, None, None) else {
        return (Vec::new(), unchanged);
    };
    let Some(best) = sol.schemes.first() else {
        return (Vec::new(), unchanged);
    };
    let mut regions: Vec<Vec<usize>> = vec![Vec::new(); best.p];
    for (i, &r) in best.assignment.iter().enumerate() {
        if let Some(members) = regions.get_mut(r as usize) {
            members.push(i);
        }
    }
    let code = |i: usize| base.villages[g.villages[i] as usize].code.to_string();
    let mut ops = Vec::new();
    let mut after = 0;
    for members in regions.iter().filter(|m| !m.is_empty()) {
        after += 1;
        if members.len() < 2 {
            continue;
        }
        // The seat village heads its new village; else the most populous keeps its code.
        let head = members
            .iter()
            .copied()
            .find(|&i| problem.seeds.contains(&(i as u32)))
            .unwrap_or_else(|| {
                members
                    .iter()
                    .copied()
                    .max_by(|&a, &b| pop[a].total_cmp(&pop[b]).then(b.cmp(&a)))
                    .unwrap_or(members[0])
            });
        ops.push(Operation::MergeVillages {
            villages: members
                .iter()
                .filter(|&&i| i != head)
                .map(|&i| code(i))
                .collect(),
            target: VillageTarget::Into(code(head)),
        });
    }
    let run = VillageTownshipRun {
        township: town.name.clone(),
        before: n,
        after,
        bound: best.bound,
        optimal: best.optimal,
        conflicts: best.conflicts.len(),
    };
    (ops, run)
}
