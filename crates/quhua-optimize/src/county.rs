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
    /// Groups of townships (code or name) that must end up in the same new unit.
    pub together: Vec<Vec<String>>,
    /// Groups of townships (code or name) of which no two may share a new unit.
    pub apart: Vec<Vec<String>>,
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
    let groups = |gs: &[Vec<String>]| -> Result<Vec<Vec<u32>>, PlanError> {
        gs.iter()
            .map(|g| {
                let mut ids = g.iter().map(find).collect::<Result<Vec<_>, _>>()?;
                ids.sort_unstable();
                ids.dedup();
                Ok(ids)
            })
            .collect()
    };
    p.together = groups(&wishes.together)?;
    p.apart = groups(&wishes.apart)?;
    Ok(p)
}

/// Service points of the townships, each with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct TownshipPoints {
    /// Longitude/latitude per township of the base.
    pub coords: Vec<(f64, f64)>,
    /// Whether each township's point is its seat (驻地: the recorded seat point, else the
    /// seat village's point) rather than the population-weighted centroid of its villages.
    pub at_seat: Vec<bool>,
}

/// Township service points for the service-distance objective: each township's seat (驻地)
/// where known — `seat_xy` (the registry's seat point per township), else the point of its
/// seat village in `village_xy` — and the population-weighted centroid of its villages
/// ([`township_coords`]) otherwise.
pub fn township_seat_coords(
    base: &Base,
    village_xy: &[Option<(f64, f64)>],
    seat_xy: &[Option<(f64, f64)>],
) -> TownshipPoints {
    let centroids = township_coords(base, village_xy);
    let finite = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let mut at_seat = Vec::with_capacity(centroids.len());
    let coords = base
        .townships
        .iter()
        .zip(centroids)
        .enumerate()
        .map(|(i, (t, c))| {
            let seat = seat_xy
                .get(i)
                .copied()
                .flatten()
                .filter(finite)
                .or_else(|| {
                    t.seat_village
                        .and_then(|v| village_xy.get(v as usize).copied().flatten())
                        .filter(finite)
                });
            at_seat.push(seat.is_some());
            seat.unwrap_or(c)
        })
        .collect();
    TownshipPoints { coords, at_seat }
}

/// Township coordinates (lon/lat) as the population-weighted mean of their villages'
/// coordinates (`village_xy` per village of `base`); townships without located villages
/// get the plain mean of all located villages, so every township has a point.
pub fn township_coords(base: &Base, village_xy: &[Option<(f64, f64)>]) -> Vec<(f64, f64)> {
    let located: Vec<(f64, f64)> = village_xy.iter().flatten().copied().collect();
    let n = located.len().max(1) as f64;
    let fallback = located
        .iter()
        .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
    base.townships
        .iter()
        .map(|t| {
            let (mut x, mut y, mut w) = (0.0, 0.0, 0.0);
            for &v in &t.villages {
                if let Some(Some(p)) = village_xy.get(v as usize) {
                    let pop = base
                        .pop_key
                        .and_then(|k| base.villages[v as usize].attrs[k])
                        .map(|a| a.to_f64())
                        .unwrap_or(0.0)
                        .max(1.0);
                    x += p.0 * pop;
                    y += p.1 * pop;
                    w += pop;
                }
            }
            if w > 0.0 { (x / w, y / w) } else { fallback }
        })
        .collect()
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
        note: Some("由方案推荐（quhua-optimize）生成 / generated by the optimizer".into()),
        ops,
    }
}

/// A township scheme taken down to villages (村级调整), ready for [`crate::refine`]: the
/// villages of every township that is not locked are the units, each starting in the new
/// unit its township went to, so village transfers (村划归) can repair the floor or the
/// area cap, or improve the objective where that outweighs the disruption.
#[derive(Debug, Clone)]
pub struct VillageStage {
    /// The village-level problem.
    pub problem: Problem,
    /// Index in [`Base::villages`] of each unit.
    pub villages: Vec<u32>,
    /// Starting assignment: the township scheme, village by village.
    pub initial: Vec<u32>,
    /// Township (index in [`Base::townships`]) heading each region: the scheme's seat.
    pub hosts: Vec<u32>,
}

/// Builds the village stage of township scheme `scheme` (found on `township`, the
/// [`township_problem`] of `base`). The seat village of every heading township is a seed,
/// so seats never move; attributes `attrs` are read at village level; `coords` (lon/lat per
/// village of `base`, when known) enable the service-distance objective.
pub fn village_stage(
    base: &Base,
    township: &Problem,
    scheme: &Scheme,
    attrs: &[String],
    coords: Option<&[(f64, f64)]>,
) -> Result<VillageStage, PlanError> {
    let adj = base.adjacency.as_ref().ok_or_else(|| {
        invalid(
            format!("{} 没有邻接关系（缺少边界）", base.county_name),
            format!("{} has no adjacency (no boundaries)", base.county_name),
        )
    })?;
    let nt = base.townships.len();
    if scheme.assignment.len() != nt || township.n != nt {
        return Err(PlanError::LengthMismatch {
            field: "scheme",
            got: scheme.assignment.len(),
            expected: nt,
        });
    }
    let mut locked = vec![false; nt];
    for &t in &township.locked {
        locked[t as usize] = true;
    }
    // regions of unlocked townships, relabelled in order of first appearance
    let mut label = vec![u32::MAX; scheme.p];
    let mut hosts = Vec::new();
    let mut villages = Vec::new();
    let mut initial = Vec::new();
    let mut unit_of = vec![u32::MAX; base.villages.len()];
    for (vi, v) in base.villages.iter().enumerate() {
        let t = v.township as usize;
        if locked[t] {
            continue;
        }
        let r = scheme.assignment[t] as usize;
        if label[r] == u32::MAX {
            label[r] = hosts.len() as u32;
            hosts.push(scheme.seats[r]);
        }
        unit_of[vi] = villages.len() as u32;
        villages.push(vi as u32);
        initial.push(label[r]);
    }
    let mut edges = Vec::new();
    for (&vi, u) in villages.iter().zip(0u32..) {
        for &w in &adj[vi as usize] {
            let w = unit_of[w as usize];
            if w != u32::MAX && u < w {
                edges.push((u, w));
            }
        }
    }
    let value = |k: Option<usize>, vi: u32| {
        k.and_then(|k| base.villages[vi as usize].attrs[k])
            .map(|a| a.to_f64())
            .unwrap_or(0.0)
    };
    let pop = villages.iter().map(|&v| value(base.pop_key, v)).collect();
    let mut problem = Problem::new(Graph::from_edges(villages.len(), &edges)?, pop);
    problem.area = villages.iter().map(|&v| value(base.area_key, v)).collect();
    for a in attrs {
        let k =
            base.keys.iter().position(|x| x == a).ok_or_else(|| {
                invalid(format!("没有属性“{a}”"), format!("no attribute \"{a}\""))
            })?;
        problem
            .attrs
            .push(villages.iter().map(|&v| value(Some(k), v)).collect());
    }
    if let Some(c) = coords.filter(|c| c.len() == base.villages.len()) {
        problem.coords = Some(villages.iter().map(|&v| c[v as usize]).collect());
    }
    problem.seeds = hosts
        .iter()
        .filter_map(|&t| base.townships[t as usize].seat_village)
        .map(|sv| unit_of[sv as usize])
        .filter(|&u| u != u32::MAX)
        .collect();
    problem.seeds.sort_unstable();
    Ok(VillageStage {
        problem,
        villages,
        initial,
        hosts,
    })
}

/// The refined village-level scheme as scenario operations: the township merges of the
/// scheme (撤销并入 into each region's heading township), then every village that changed
/// region transferred (村划归) to its new region's heading township.
pub fn village_scenario(
    base: &Base,
    township_scheme: &Scheme,
    stage: &VillageStage,
    refined: &Scheme,
    k: usize,
) -> Scenario {
    let mut scenario = scheme_scenario(base, township_scheme, k);
    let mut moved: Vec<Vec<String>> = vec![Vec::new(); stage.hosts.len()];
    for (u, (&to, &from)) in refined.assignment.iter().zip(&stage.initial).enumerate() {
        if to != from && (to as usize) < moved.len() {
            let v = &base.villages[stage.villages[u] as usize];
            moved[to as usize].push(v.code.to_string());
        }
    }
    for (r, villages) in moved.into_iter().enumerate() {
        if !villages.is_empty() {
            scenario.ops.push(Operation::Transfer {
                villages,
                to: base.townships[stage.hosts[r] as usize].code.to_string(),
            });
        }
    }
    scenario.name = format!("{}（含村级调整）", scenario.name);
    scenario
}
