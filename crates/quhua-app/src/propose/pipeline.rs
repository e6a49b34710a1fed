//! The pipeline behind [`propose`](super::propose): request → optimizer parameters, then the
//! township problem on the county base (once), the optimizer, the optional village stage,
//! and the evaluation of every scheme.

use super::{
    DEFAULT_SCHEMES, Honoured, Hooks, MAX_AREA_CAP, MAX_EFFORT, MAX_EXACT_TIME_LIMIT,
    MAX_POPULATION_FLOOR, MAX_SCHEMES, MAX_WEIGHT, ObjectiveWeights, PointBasis, PreferRule,
    Proposal, ProposeRequest, ProposedIsland, ProposedScheme, SchemeSummary, ServicePoints,
};
use crate::county::CountyBase;
use crate::{AppError, AppResult};
use quhua_core::scenario::{Base, Evaluation, Scenario, evaluate};
use quhua_optimize::county::{
    policy_params, scheme_scenario, township_problem, township_seat_coords, village_scenario,
    village_stage,
};
use quhua_optimize::{Params, Prefer, Scheme, Weights};

/// The optimizer parameters of a request under a policy (checked).
pub(super) fn params(
    req: &ProposeRequest,
    policy: &quhua_core::policy::Policy,
) -> AppResult<Params> {
    let (schemes, exact) = checked(req)?;
    let t = &req.tuning;
    Ok(Params {
        effort: t.effort,
        weights: weights(req),
        prefer: req.prefer.map(Prefer::from).unwrap_or_default(),
        exact_time_limit: exact,
        ..policy_params(
            policy,
            req.min_pop,
            req.max_area,
            schemes,
            req.seed.unwrap_or(1),
        )
    })
}

/// The optimizer's weights of a request: its objective weights and the operator's
/// disruption weight.
fn weights(req: &ProposeRequest) -> Weights {
    let w = req.weights.unwrap_or_default();
    Weights {
        wss: w.wss,
        compactness: w.compactness,
        service: w.service,
        disruption: req.tuning.disruption,
    }
}

/// The optimizer parameters of a request on units outside the registry: no policy, so the
/// floor is the request's (0 without one) and the cap only when asked for (checked).
pub(super) fn unit_params(req: &ProposeRequest) -> AppResult<Params> {
    let (schemes, exact) = checked(req)?;
    let t = &req.tuning;
    Ok(Params {
        min_pop: req.min_pop.unwrap_or(0.0),
        max_area: req.max_area,
        schemes,
        seed: req.seed.unwrap_or(1),
        effort: t.effort,
        weights: weights(req),
        prefer: req.prefer.map(Prefer::from).unwrap_or_default(),
        exact_time_limit: exact,
        ..Params::default()
    })
}

/// Checks a request's numbers; returns the schemes wanted and the exact check's time limit.
fn checked(req: &ProposeRequest) -> AppResult<(usize, f64)> {
    let schemes = req.schemes.unwrap_or(DEFAULT_SCHEMES).clamp(1, MAX_SCHEMES);
    let t = &req.tuning;
    if !(t.effort > 0.0 && t.effort <= MAX_EFFORT) {
        return Err(AppError::invalid(
            format!(
                "计算量倍数 {} 超出范围，应大于 0 且不超过 {MAX_EFFORT}",
                t.effort
            ),
            format!(
                "effort {} is out of range: it must be above 0 and at most {MAX_EFFORT}",
                t.effort
            ),
        ));
    }
    let exact = req
        .exact_time_limit
        .unwrap_or(Params::default().exact_time_limit);
    if !(0.0..=MAX_EXACT_TIME_LIMIT).contains(&exact) {
        return Err(AppError::invalid(
            format!("精确检验时限 {exact} 秒超出范围，应在 0 到 {MAX_EXACT_TIME_LIMIT} 秒之间"),
            format!("exact time limit {exact} s is out of range: 0 to {MAX_EXACT_TIME_LIMIT} s"),
        ));
    }
    for (v, max, zh, en, unit_zh, unit_en) in [
        (
            req.min_pop,
            MAX_POPULATION_FLOOR,
            "人口下限",
            "population floor",
            "人",
            "",
        ),
        (
            req.max_area,
            MAX_AREA_CAP,
            "面积上限",
            "area cap",
            " 平方公里",
            " km²",
        ),
    ] {
        if let Some(v) = v
            && !(v.is_finite() && v > 0.0 && v <= max)
        {
            return Err(AppError::invalid(
                format!("{zh} {v} 无效，应大于 0 且不超过 {max}{unit_zh}"),
                format!("{en} {v} is invalid: it must be above 0 and at most {max}{unit_en}"),
            ));
        }
    }
    if let Some(w) = req.weights {
        for (v, zh, en) in [
            (w.wss, "同质性", "homogeneity"),
            (w.compactness, "紧凑度", "compactness"),
            (w.service, "服务距离", "service distance"),
        ] {
            if !(v.is_finite() && (0.0..=MAX_WEIGHT).contains(&v)) {
                return Err(AppError::invalid(
                    format!("{zh}权重 {v} 无效，应在 0 到 {MAX_WEIGHT} 之间"),
                    format!("{en} weight {v} is invalid: it must be from 0 to {MAX_WEIGHT}"),
                ));
            }
        }
        if w.wss + w.compactness + w.service <= 0.0 {
            return Err(AppError::invalid(
                "目标权重不能全为 0：至少给同质性、紧凑度或服务距离之一一个正的权重",
                "the objective weights cannot all be 0: give homogeneity, compactness or service distance a positive weight",
            ));
        }
    }
    Ok((schemes, exact))
}

/// Runs the optimizer on a county base and evaluates each scheme.
pub(super) fn run(
    cb: &CountyBase,
    policy: &quhua_core::policy::Policy,
    policy_id: &str,
    req: &ProposeRequest,
    params: &Params,
    hooks: Hooks<'_>,
) -> AppResult<Proposal> {
    let base = &cb.base;
    let resolved = super::wishes::resolve(base, req)?;
    let attrs = req.tuning.attrs.clone();
    let mut problem = township_problem(base, &resolved.wishes(base, attrs.clone()))?;
    let mut service_points = ServicePoints {
        basis: PointBasis::None,
        seats: 0,
        centroids: 0,
    };
    if let Some(xy) = &cb.village_xy {
        let points = township_seat_coords(base, xy, &cb.seat_xy);
        let seats = points.at_seat.iter().filter(|&&s| s).count();
        let centroids = points.at_seat.len() - seats;
        service_points = ServicePoints {
            basis: match (seats, centroids) {
                (_, 0) => PointBasis::Seats,
                (0, _) => PointBasis::Centroids,
                _ => PointBasis::Mixed,
            },
            seats,
            centroids,
        };
        problem.coords = Some(points.coords);
    }
    let village_coords: Option<Vec<(f64, f64)>> = cb
        .village_xy
        .as_ref()
        .and_then(|xy| xy.iter().copied().collect());
    let sol = quhua_optimize::suggest(&problem, params, hooks.progress, hooks.cancel)?;
    let mut schemes = Vec::with_capacity(sol.schemes.len());
    for (k, s) in sol.schemes.iter().enumerate() {
        let (mut scenario, refined) = if req.villages {
            let stage = village_stage(base, &problem, s, &attrs, village_coords.as_deref())?;
            let r = quhua_optimize::refine(&stage.problem, params, &stage.initial)?;
            (village_scenario(base, s, &stage, &r, k), Some(r))
        } else {
            (scheme_scenario(base, s, k), None)
        };
        scenario.policy = Some(policy_id.to_string());
        let evaluation = evaluate(base, policy, &scenario)?;
        schemes.push(scheme(base, k, s, refined, scenario, evaluation));
    }
    let township_names: Vec<String> = base.townships.iter().map(|t| t.name.clone()).collect();
    let islands = sol
        .islands
        .iter()
        .map(|i| ProposedIsland {
            unit: township_names.get(i.unit as usize).cloned(),
            action: i.action,
            population: i.population,
        })
        .collect();
    let refs = |ids: &[usize]| -> Vec<super::TownshipRef> {
        ids.iter()
            .map(|&i| super::wishes::township_ref(base, i))
            .collect()
    };
    let wishes = Honoured {
        schemes: params.schemes,
        min_pop: params.min_pop,
        max_area: params.max_area,
        policy_min_pop: policy.population_floor.as_ref().map(|t| t.value),
        policy_max_area: policy.area_cap_km2.as_ref().map(|t| t.value),
        weights: ObjectiveWeights {
            wss: params.weights.wss,
            compactness: params.weights.compactness,
            service: params.weights.service,
        },
        prefer: req.prefer.unwrap_or(PreferRule::Floor),
        lock: refs(&resolved.lock),
        seed_units: refs(&resolved.seed),
        together: resolved.together.iter().map(|g| refs(g)).collect(),
        apart: resolved.apart.iter().map(|g| refs(g)).collect(),
    };
    let reasons = sol
        .infeasibility
        .iter()
        .flat_map(|i| &i.reasons)
        .map(|r| super::explain(r, &township_names))
        .collect();
    Ok(Proposal {
        county: base.county_code.to_string(),
        policy: policy_id.to_string(),
        schemes,
        infeasibility: sol.infeasibility,
        reasons,
        islands,
        synthetic: base.synthetic,
        wishes,
        service_points,
        township_names,
        raw_islands: sol.islands,
    })
}

/// One scheme as proposed.
fn scheme(
    base: &Base,
    index: usize,
    s: &Scheme,
    refined: Option<Scheme>,
    scenario: Scenario,
    evaluation: Evaluation,
) -> ProposedScheme {
    let (errors, warnings, infos) = evaluation.finding_counts();
    let ind = &evaluation.indicators;
    let summary = SchemeSummary {
        count_before: ind.before.count,
        count_after: ind.after.count,
        mean_population_before: ind.before.population.mean,
        mean_population_after: ind.after.population.mean,
        errors,
        warnings,
        infos,
    };
    let (violations, moved_villages) = match &refined {
        Some(r) => (r.violations.clone(), r.objectives.moved_units),
        None => (s.violations.clone(), 0),
    };
    ProposedScheme {
        index,
        name: scenario.name.clone(),
        ops: scenario.ops.clone(),
        p: s.p,
        bound: s.bound,
        optimal: s.optimal,
        excess: s.excess,
        conflicts: super::conflicts::conflicts(
            s,
            &base
                .townships
                .iter()
                .map(|t| t.name.clone())
                .collect::<Vec<_>>(),
        ),
        seats: s
            .seats
            .iter()
            .filter_map(|&i| base.townships.get(i as usize).map(|t| t.name.clone()))
            .collect(),
        objectives: s.objectives.clone(),
        violations,
        moved_villages,
        restart: s.restart,
        summary,
        scheme: s.clone(),
        refined,
        scenario,
        evaluation,
    }
}
