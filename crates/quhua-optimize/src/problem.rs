//! Problem and parameter types, and their preparation into the flat
//! internal [`Model`] used by the search.

use crate::error::PlanError;
use crate::graph::Graph;
use serde::{Deserialize, Serialize};

/// Marker in an assignment for a unit that belongs to no region (an island
/// excluded under [`IslandPolicy::Exclude`]).
pub const EXCLUDED: u32 = u32::MAX;
pub(crate) const NONE: u32 = u32::MAX;

/// A regionalization problem: units, adjacency, data and the planner's
/// hard requirements. All unit references are indices `0..n` in input order.
#[derive(Clone, Debug, Default)]
pub struct Problem {
    /// Number of units.
    pub n: usize,
    /// Contiguity graph (queen or rook adjacency of the unit polygons).
    pub adjacency: Graph,
    /// Extra edges supplied by the planner, e.g. attaching an island to a
    /// named neighbour (a ferry link). They count as adjacency everywhere.
    pub extra_edges: Vec<(u32, u32)>,
    /// Population per unit (≥ 0).
    pub population: Vec<f64>,
    /// Area per unit in km² (≥ 0). May be empty when no ceiling is used.
    pub area: Vec<f64>,
    /// Attribute columns for homogeneity (each of length `n`); z-scored internally.
    pub attrs: Vec<Vec<f64>>,
    /// Optional group per unit (e.g. county): no region crosses a group boundary.
    pub group: Option<Vec<u32>>,
    /// Optional unit centroids as (longitude, latitude) in degrees, for the
    /// service-distance objective and seat choice.
    pub coords: Option<Vec<(f64, f64)>>,
    /// Locked units: each stays a region on its own, exactly as it is.
    pub locked: Vec<u32>,
    /// Seed units (county seat, named central towns): each heads (is the seat
    /// of) a different region.
    pub seeds: Vec<u32>,
    /// Sets of units that must end up in the same region. Each set must be
    /// contiguous on its own (else it is reported infeasible).
    pub together: Vec<Vec<u32>>,
    /// Sets of units of which no two may share a region.
    pub apart: Vec<Vec<u32>>,
}

impl Problem {
    /// A problem with only adjacency and population; other inputs empty.
    pub fn new(adjacency: Graph, population: Vec<f64>) -> Self {
        Problem {
            n: population.len(),
            adjacency,
            population,
            ..Default::default()
        }
    }
}

/// What to do with islands (units with no neighbour at all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IslandPolicy {
    /// Keep the island as a region on its own (infeasible if below the floor).
    #[default]
    KeepAlone,
    /// Leave the island out of every region (assignment [`EXCLUDED`]).
    Exclude,
}

/// Weights of the objectives minimised once the number of regions is fixed.
/// Each term is normalised by a problem constant (see [`crate::objectives`]),
/// so weights of 1 give comparable influence.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Within-region sum of squares on z-scored attributes (homogeneity).
    pub wss: f64,
    /// Compactness: number of cut edges (adjacent unit pairs in different regions).
    pub compactness: f64,
    /// Population-weighted distance from units to their region's seat (needs coords).
    pub service: f64,
    /// Least disruption when refining a scheme ([`crate::refine`]): the share of units
    /// moved out of the region they started in (village transfers).
    #[serde(default = "default_disruption")]
    pub disruption: f64,
}

fn default_disruption() -> f64 {
    1.0
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            wss: 1.0,
            compactness: 0.0,
            service: 0.0,
            disruption: default_disruption(),
        }
    }
}

/// Search parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// Population floor of every region.
    pub min_pop: f64,
    /// Optional area ceiling (km²) of every region.
    pub max_area: Option<f64>,
    /// Target number of regions; `None` maximises it (max-p).
    pub target_p: Option<usize>,
    /// Objective weights.
    pub weights: Weights,
    /// Number of diverse schemes wanted.
    pub schemes: usize,
    /// Randomised constructions (0 = automatic from `n`).
    pub restarts: usize,
    /// Master seed; every restart derives its own stream from it.
    pub seed: u64,
    /// Worker threads (`None` = rayon's global pool).
    pub threads: Option<usize>,
    /// Simulated-annealing move attempts per improved scheme (0 = automatic: 30 per unit up to
    /// 50k units, 20 per further unit, at least 5,000, times `effort`).
    pub local_search_iters: usize,
    /// Work multiplier for the automatic restarts and move attempts (1 = default; 4–8
    /// trades a few times the run time for lower within-unit spread).
    pub effort: f64,
    /// Island handling.
    pub islands: IslandPolicy,
    /// Locked units below the floor are accepted (otherwise reported infeasible).
    pub locked_exempt_from_floor: bool,
    /// Two schemes are near-duplicates when fewer than this fraction of units
    /// end up in a differently composed region.
    pub min_difference: f64,
    /// Which rule gives way where floor and ceiling cannot both hold (only in regions
    /// holding a unit proven unable to meet both; see [`crate::conflict`]).
    #[serde(default)]
    pub prefer: crate::conflict::Prefer,
    /// Time limit in seconds for the exact check run after the heuristic on problems of at
    /// most [`crate::exact::EXACT_MAX_UNITS`] units (0 = no exact check; see [`crate::exact`]).
    #[serde(default = "default_exact_limit")]
    pub exact_time_limit: f64,
}

fn default_exact_limit() -> f64 {
    2.0
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_pop: 0.0,
            max_area: None,
            target_p: None,
            weights: Weights::default(),
            schemes: 3,
            restarts: 0,
            seed: 0,
            threads: None,
            local_search_iters: 0,
            effort: 1.0,
            islands: IslandPolicy::KeepAlone,
            locked_exempt_from_floor: false,
            min_difference: 0.02,
            prefer: crate::conflict::Prefer::Floor,
            exact_time_limit: default_exact_limit(),
        }
    }
}

/// Prepared, validated problem in flat arrays.
pub(crate) struct Model {
    pub n: usize,
    /// Base adjacency plus extra edges.
    pub full: Graph,
    /// `full` minus edges crossing groups and edges touching inactive units:
    /// the graph regions grow on.
    pub work: Graph,
    pub pop: Vec<f64>,
    pub area: Vec<f64>,
    /// Row-major z-scored attributes, `n * k`.
    pub z: Vec<f64>,
    pub k: usize,
    /// Squared norm of each z row.
    pub znorm: Vec<f64>,
    pub locked: Vec<bool>,
    pub excluded: Vec<bool>,
    /// Seed index per unit, or NONE.
    pub seed_of: Vec<u32>,
    pub seeds: Vec<u32>,
    /// Together-set index per unit, or NONE.
    pub together_of: Vec<u32>,
    pub together: Vec<Vec<u32>>,
    pub together_pop: Vec<f64>,
    pub together_area: Vec<f64>,
    /// Apart sets per unit (CSR).
    pub apart_off: Vec<usize>,
    pub apart_ids: Vec<u32>,
    pub apart: Vec<Vec<u32>>,
    pub floor: f64,
    pub ceiling: f64,
    /// Planar coordinates in km (equirectangular around the mean latitude).
    pub xy: Option<Vec<(f64, f64)>>,
    /// Islands of the base adjacency (no neighbour), ascending.
    pub islands: Vec<u32>,
    pub wss_scale: f64,
    pub cut_scale: f64,
    pub service_scale: f64,
    pub locked_exempt: bool,
    /// Units hard to place under the ceiling, hardest first (see `rescue`).
    pub hard: Vec<u32>,
}

impl Model {
    #[inline]
    pub fn active(&self, u: usize) -> bool {
        !self.locked[u] && !self.excluded[u]
    }

    #[inline]
    pub fn apart_sets(&self, u: usize) -> &[u32] {
        &self.apart_ids[self.apart_off[u]..self.apart_off[u + 1]]
    }

    /// Population and area of the block that moves with `u` (its together set).
    #[inline]
    pub fn block(&self, u: usize) -> (f64, f64) {
        let t = self.together_of[u];
        if t == NONE {
            (self.pop[u], self.area[u])
        } else {
            (
                self.together_pop[t as usize],
                self.together_area[t as usize],
            )
        }
    }

    #[inline]
    pub fn dist(&self, a: usize, b: usize) -> f64 {
        match &self.xy {
            Some(xy) => {
                let (dx, dy) = (xy[a].0 - xy[b].0, xy[a].1 - xy[b].1);
                (dx * dx + dy * dy).sqrt()
            }
            None => 0.0,
        }
    }

    pub fn prepare(problem: &Problem, params: &Params) -> Result<Model, PlanError> {
        let n = problem.n;
        let chk_len = |field: &'static str, got: usize| {
            if got != n {
                Err(PlanError::LengthMismatch {
                    field,
                    got,
                    expected: n,
                })
            } else {
                Ok(())
            }
        };
        chk_len("adjacency", problem.adjacency.n())?;
        chk_len("population", problem.population.len())?;
        let area = if problem.area.is_empty() {
            if params.max_area.is_some() {
                return Err(PlanError::param(
                    "设置了面积上限但未提供面积",
                    "max_area set but no area given",
                ));
            }
            vec![0.0; n]
        } else {
            chk_len("area", problem.area.len())?;
            problem.area.clone()
        };
        for (field, v) in [("population", &problem.population), ("area", &area)] {
            for (u, &x) in v.iter().enumerate() {
                if !x.is_finite() || x < 0.0 {
                    return Err(PlanError::InvalidValue {
                        field,
                        unit: u,
                        value: x,
                    });
                }
            }
        }
        if !params.min_pop.is_finite() || params.min_pop < 0.0 {
            return Err(PlanError::param(
                "人口下限无效",
                "min_pop must be finite and >= 0",
            ));
        }
        if !params.effort.is_finite() || params.effort <= 0.0 {
            return Err(PlanError::param(
                "计算量倍数须为正数",
                "effort must be a positive number",
            ));
        }
        if let Some(c) = params.max_area
            && (!c.is_finite() || c <= 0.0)
        {
            return Err(PlanError::param(
                "面积上限无效",
                "max_area must be finite and > 0",
            ));
        }
        if params.schemes == 0 {
            return Err(PlanError::param("方案数至少为 1", "schemes must be >= 1"));
        }
        if params.target_p == Some(0) {
            return Err(PlanError::param(
                "目标区数至少为 1",
                "target_p must be >= 1",
            ));
        }
        let w = params.weights;
        for x in [w.wss, w.compactness, w.service, w.disruption] {
            if !x.is_finite() || x < 0.0 {
                return Err(PlanError::param(
                    "目标权重无效",
                    "weights must be finite and >= 0",
                ));
            }
        }
        let idx = |field: &'static str, u: u32| -> Result<usize, PlanError> {
            if (u as usize) < n {
                Ok(u as usize)
            } else {
                Err(PlanError::UnitOutOfRange {
                    field,
                    unit: u as u64,
                    n,
                })
            }
        };
        for &(a, b) in &problem.extra_edges {
            idx("extra_edges", a)?;
            idx("extra_edges", b)?;
        }
        let full = problem.adjacency.with_extra_edges(&problem.extra_edges)?;

        // z-scored attributes, row-major.
        let k = problem.attrs.len();
        let mut z = vec![0.0; n * k];
        for (j, col) in problem.attrs.iter().enumerate() {
            chk_len("attrs", col.len())?;
            if let Some(u) = col.iter().position(|x| !x.is_finite()) {
                return Err(PlanError::InvalidValue {
                    field: "attrs",
                    unit: u,
                    value: col[u],
                });
            }
            let (mean, sd) = mean_sd(col);
            for u in 0..n {
                z[u * k + j] = if sd > 0.0 { (col[u] - mean) / sd } else { 0.0 };
            }
        }
        let znorm: Vec<f64> = (0..n)
            .map(|u| z[u * k..(u + 1) * k].iter().map(|x| x * x).sum())
            .collect();

        let group = match &problem.group {
            Some(g) => {
                chk_len("group", g.len())?;
                Some(g.as_slice())
            }
            None => None,
        };

        let mut locked = vec![false; n];
        for &u in &problem.locked {
            locked[idx("locked", u)?] = true;
        }
        let mut seed_of = vec![NONE; n];
        for (i, &u) in problem.seeds.iter().enumerate() {
            let u = idx("seeds", u)?;
            if seed_of[u] != NONE {
                return Err(PlanError::param(
                    format!("种子单元 {u} 重复"),
                    format!("seed unit {u} listed twice"),
                ));
            }
            seed_of[u] = i as u32;
        }
        let islands: Vec<u32> = (0..n)
            .filter(|&u| problem.adjacency.degree(u) == 0)
            .map(|u| u as u32)
            .collect();
        let mut excluded = vec![false; n];
        if params.islands == IslandPolicy::Exclude {
            for &u in &islands {
                let u = u as usize;
                if full.degree(u) == 0 && seed_of[u] == NONE && !locked[u] {
                    excluded[u] = true;
                }
            }
        }

        let mut together_of = vec![NONE; n];
        let mut together = Vec::new();
        for set in &problem.together {
            let mut s: Vec<u32> = Vec::with_capacity(set.len());
            for &u in set {
                let ui = idx("together", u)?;
                if locked[ui] || excluded[ui] {
                    continue; // reported by the pre-checks
                }
                if together_of[ui] != NONE && together_of[ui] != together.len() as u32 {
                    return Err(PlanError::param(
                        format!("单元 {u} 属于多个必须合并的集合"),
                        format!("unit {u} is in more than one together set"),
                    ));
                }
                if together_of[ui] == NONE {
                    s.push(u);
                }
                together_of[ui] = together.len() as u32;
            }
            if s.len() <= 1 {
                for &u in &s {
                    together_of[u as usize] = NONE;
                }
                continue;
            }
            together.push(s);
        }
        let together_pop = together
            .iter()
            .map(|s| s.iter().map(|&u| problem.population[u as usize]).sum())
            .collect();
        let together_area = together
            .iter()
            .map(|s| s.iter().map(|&u| area[u as usize]).sum())
            .collect();

        let mut apart = Vec::new();
        let mut per_unit: Vec<Vec<u32>> = vec![Vec::new(); n];
        for set in &problem.apart {
            let mut s = Vec::with_capacity(set.len());
            for &u in set {
                idx("apart", u)?;
                if !s.contains(&u) {
                    s.push(u);
                }
            }
            if s.len() < 2 {
                continue;
            }
            for &u in &s {
                per_unit[u as usize].push(apart.len() as u32);
            }
            apart.push(s);
        }
        let mut apart_off = vec![0usize; n + 1];
        let mut apart_ids = Vec::new();
        for u in 0..n {
            apart_ids.extend_from_slice(&per_unit[u]);
            apart_off[u + 1] = apart_ids.len();
        }

        let work = full.filtered(|a, b| {
            let (a, b) = (a as usize, b as usize);
            !(locked[a] || locked[b] || excluded[a] || excluded[b])
                && group.is_none_or(|g| g[a] == g[b])
        });

        let xy = match &problem.coords {
            Some(c) => {
                chk_len("coords", c.len())?;
                if let Some(u) = c.iter().position(|p| !p.0.is_finite() || !p.1.is_finite()) {
                    return Err(PlanError::InvalidValue {
                        field: "coords",
                        unit: u,
                        value: f64::NAN,
                    });
                }
                let lat0 = if n > 0 {
                    c.iter().map(|p| p.1).sum::<f64>() / n as f64
                } else {
                    0.0
                };
                let kx = 111.320 * lat0.to_radians().cos();
                Some(
                    c.iter()
                        .map(|p| (p.0 * kx, p.1 * 110.574))
                        .collect::<Vec<_>>(),
                )
            }
            None => None,
        };

        let active_n = (0..n).filter(|&u| !locked[u] && !excluded[u]).count();
        let wss_scale = (active_n * k).max(1) as f64;
        let cut_scale = full.edge_count().max(1) as f64;
        let service_scale = match &xy {
            Some(xy) => {
                let tp: f64 = problem.population.iter().sum::<f64>().max(1e-12);
                let cx = (0..n).map(|u| problem.population[u] * xy[u].0).sum::<f64>() / tp;
                let cy = (0..n).map(|u| problem.population[u] * xy[u].1).sum::<f64>() / tp;
                let s: f64 = (0..n)
                    .map(|u| {
                        problem.population[u]
                            * ((xy[u].0 - cx).powi(2) + (xy[u].1 - cy).powi(2)).sqrt()
                    })
                    .sum();
                s.max(1e-12)
            }
            None => 1.0,
        };

        let mut model = Model {
            n,
            full,
            work,
            pop: problem.population.clone(),
            area,
            z,
            k,
            znorm,
            locked,
            excluded,
            seed_of,
            seeds: problem.seeds.clone(),
            together_of,
            together,
            together_pop,
            together_area,
            apart_off,
            apart_ids,
            apart,
            floor: params.min_pop,
            ceiling: params.max_area.unwrap_or(f64::INFINITY),
            xy,
            islands,
            wss_scale,
            cut_scale,
            service_scale,
            locked_exempt: params.locked_exempt_from_floor,
            hard: Vec::new(),
        };
        model.hard = crate::rescue::hard_units(&model);
        Ok(model)
    }
}

/// Population mean and standard deviation (divisor n).
pub(crate) fn mean_sd(col: &[f64]) -> (f64, f64) {
    if col.is_empty() {
        return (0.0, 0.0);
    }
    let n = col.len() as f64;
    let mean = col.iter().sum::<f64>() / n;
    let var = col.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}
