//! The optimizer on a county of the registry: townships as building blocks, adjacency from
//! the villages' adjacency, seeds and locks from the units' flags, floor and cap from the
//! policy; and each scheme back as scenario operations the scenario engine evaluates.

use crate::{Graph, Params, PlanError, Problem, Scheme};
use quhua_core::policy::Policy;
use quhua_core::scenario::{Base, MergeTarget, Operation, Scenario};

/// The planner's wishes on top of what the registry's flags say.
#[derive(Debug, Clone, Default)]
pub struct Wishes {
    /// Extra townships kept exactly as they are (code or name).
    pub lock: Vec<String>,
    /// Extra townships that each head a different new unit (code or name).
    pub seed: Vec<String>,
    /// Attribute keys for homogeneity (WSS).
    pub attrs: Vec<String>,
}

/// Why the county cannot be turned into a problem.
fn invalid(zh: String, en: String) -> PlanError {
    PlanError::InvalidParam { zh, en }
}

/// The township-level problem of a county: border townships locked, the county-seat town and
/// key towns seeded (each heads a different new unit), plus the planner's wishes.
pub fn township_problem(base: &Base, wishes: &Wishes) -> Result<Problem, PlanError> {
    let n = base.townships.len();
    let adj = base.adjacency.as_ref().ok_or_else(|| {
        invalid(
            format!("{} 没有邻接关系（缺少边界）", base.county_name),
            format!("{} has no adjacency (no boundaries)", base.county_name),
        )
    })?;
    let mut edges = Vec::new();
    for (v, list) in adj.iter().enumerate() {
        let a = base.villages[v].township;
        for &w in list {
            let b = base.villages[w as usize].township;
            if a < b {
                edges.push((a, b));
            }
        }
    }
    let value = |k: Option<usize>, t: &quhua_core::scenario::BaseTownship| {
        k.and_then(|k| t.attrs[k])
            .map(|a| a.to_f64())
            .unwrap_or(0.0)
    };
    let pop = base
        .townships
        .iter()
        .map(|t| value(base.pop_key, t))
        .collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges)?, pop);
    p.area = base
        .townships
        .iter()
        .map(|t| value(base.area_key, t))
        .collect();
    for a in &wishes.attrs {
        let k =
            base.keys.iter().position(|x| x == a).ok_or_else(|| {
                invalid(format!("没有属性“{a}”"), format!("no attribute \"{a}\""))
            })?;
        p.attrs
            .push(base.townships.iter().map(|t| value(Some(k), t)).collect());
    }
    let find = |r: &String| -> Result<u32, PlanError> {
        match base.township_index(r).as_slice() {
            [i] => Ok(*i as u32),
            _ => Err(invalid(
                format!("找不到乡镇“{r}”"),
                format!("no township \"{r}\""),
            )),
        }
    };
    p.locked = base
        .townships
        .iter()
        .enumerate()
        .filter(|(_, t)| t.flags.border)
        .map(|(i, _)| i as u32)
        .collect();
    p.locked.extend(
        wishes
            .lock
            .iter()
            .map(find)
            .collect::<Result<Vec<_>, _>>()?,
    );
    p.locked.sort_unstable();
    p.locked.dedup();
    p.seeds = base
        .townships
        .iter()
        .enumerate()
        .filter(|(_, t)| t.flags.county_seat || t.flags.key_town)
        .map(|(i, _)| i as u32)
        .collect();
    p.seeds.extend(
        wishes
            .seed
            .iter()
            .map(find)
            .collect::<Result<Vec<_>, _>>()?,
    );
    p.seeds.sort_unstable();
    p.seeds.dedup();
    Ok(p)
}

/// Parameters from the policy: its population floor and area cap (overridable).
pub fn policy_params(
    policy: &Policy,
    min_pop: Option<f64>,
    max_area: Option<f64>,
    schemes: usize,
    seed: u64,
) -> Params {
    Params {
        min_pop: min_pop
            .or(policy.population_floor.as_ref().map(|t| t.value))
            .unwrap_or(0.0),
        max_area: max_area.or(policy.area_cap_km2.as_ref().map(|t| t.value)),
        schemes,
        seed,
        ..Params::default()
    }
}

/// A scheme as scenario operations: each region's other townships merge into its seat
/// (撤销并入, so the seat keeps its code).
pub fn scheme_scenario(base: &Base, s: &Scheme, k: usize) -> Scenario {
    let mut ops = Vec::new();
    for (r, &seat) in s.seats.iter().enumerate() {
        let members: Vec<String> = (0..base.townships.len())
            .filter(|&i| s.assignment[i] == r as u32 && i != seat as usize)
            .map(|i| base.townships[i].code.to_string())
            .collect();
        if !members.is_empty() {
            ops.push(Operation::Merge {
                units: members,
                target: MergeTarget::Into(base.townships[seat as usize].code.to_string()),
            });
        }
    }
    Scenario {
        name: format!("推荐方案{}（优化器，种子 {}）", k + 1, s.restart),
        county: base.county_code.to_string(),
        policy: Some("default".into()),
        base_date: Some(base.date.to_string()),
        note: Some("由方案推荐（quhua-plan）生成 / generated by the optimizer".into()),
        ops,
    }
}
