//! 方案推荐 (propose): merger schemes for a county of the registry, found by the optimizer
//! (quhua-optimize) on its townships, each as scenario operations with an evaluation.
//!
//! One pipeline for every adapter (`POST /api/counties/{code}/propose` and
//! `quhua plan suggest`): the county's base is built by [`crate::county`] (with the demo
//! county's schematic coordinates), the township problem is built once from it — border
//! townships locked, the county seat and key towns seeded, plus the planner's `lock` and
//! `seed_units`, the groups kept `together` or `apart` — with the policy's population floor
//! and area cap (or the planner's own); each scheme becomes
//! merges of its regions' townships into the region's seat and, with `villages`, the village
//! transfers (村划归) of [`quhua_optimize::refine`]. Service distance is measured from the
//! townships' seats (驻地) where known. The answer echoes the wishes it honoured
//! ([`Honoured`]). It changes nothing, so every actor who may see the county may call it.

mod conflicts;
mod explain;
mod pipeline;
pub mod region;
pub mod units;
pub mod village_region;
pub mod villages;
mod wishes;

pub use conflicts::{ProposedConflict, ProvenTownship, proof_text};
pub use explain::explain;
/// The optimizer's types the proposals carry (adapters name them from here).
pub use quhua_optimize::{Infeasibility, Infeasible, Island, Phase, Progress, Scheme, Weights};

use crate::access::Actor;
use crate::county;
use crate::{App, AppError, AppResult};
use quhua_core::scenario::{Evaluation, Operation, Scenario};
use quhua_optimize::{Objectives, Prefer, Violation};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicBool;

/// Most schemes a request may ask for.
pub const MAX_SCHEMES: usize = 8;
/// Schemes proposed when the request does not say.
pub const DEFAULT_SCHEMES: usize = 4;
/// The largest work multiplier (100× the default already takes minutes for a county).
pub const MAX_EFFORT: f64 = 100.0;
/// The longest time limit (seconds) of the exact check.
pub const MAX_EXACT_TIME_LIMIT: f64 = 60.0;
/// The largest population floor a request may set.
pub const MAX_POPULATION_FLOOR: f64 = 5_000_000.0;
/// The largest area cap (km²) a request may set.
pub const MAX_AREA_CAP: f64 = 200_000.0;
/// The largest objective weight a request may set.
pub const MAX_WEIGHT: f64 = 1_000.0;
/// The most townships a request's groups (`together` and `apart`) may name in all.
pub const MAX_GROUP_MEMBERS: usize = 2_000;

/// Which rule gives way where the population floor and the area cap cannot both hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreferRule {
    /// The floor holds everywhere; regions holding a proven unit may exceed the cap.
    Floor,
    /// The cap holds everywhere; regions holding a proven unit may stay below the floor.
    Ceiling,
}

impl From<PreferRule> for Prefer {
    fn from(p: PreferRule) -> Prefer {
        match p {
            PreferRule::Floor => Prefer::Floor,
            PreferRule::Ceiling => Prefer::Ceiling,
        }
    }
}

/// What the planner asks for (every field optional: `{}` is fine).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeRequest {
    /// Schemes wanted (default 4, at most 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes: Option<usize>,
    /// Random seed (default 1); the result is the same for the same county, request and seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Policy: a built-in id (`hebei`, `default` …) or a stored policy's name; none: the
    /// county's own province's policy (the national reference where there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Allow village transfers (村划归) after the township merges where they repair the
    /// population floor or area cap, or beat the disruption they cause.
    #[serde(default)]
    pub villages: bool,
    /// Townships kept exactly as they are (code or name), on top of the border townships.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lock: Vec<String>,
    /// Townships that each head a different new unit (code or name), on top of the county
    /// seat and the key towns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seed_units: Vec<String>,
    /// Which rule gives way where floor and cap cannot both hold (default `floor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefer: Option<PreferRule>,
    /// Time limit in seconds of the exact bound check after the heuristic (default 2, at
    /// most 60; 0 skips it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact_time_limit: Option<f64>,
    /// Population floor instead of the policy's (people, above 0, at most 5 000 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_pop: Option<f64>,
    /// Area cap (km²) instead of the policy's (above 0, at most 200 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_area: Option<f64>,
    /// Groups of townships (code or name, at least 2 each) that must end up in the same new
    /// unit; a township belongs to one group at most, and no locked township may be in one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub together: Vec<Vec<String>>,
    /// Groups of townships (code or name, at least 2 each) of which no two may share a new
    /// unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<Vec<String>>,
    /// Objective weights (default: homogeneity 1, compactness 0, service distance 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<ObjectiveWeights>,
    /// The local operator's tuning (not accepted over HTTP).
    #[serde(skip)]
    #[schemars(skip)]
    pub tuning: Tuning,
}

/// Weights of the objectives the search minimises once the number of new units is fixed;
/// each finite, at least 0 and at most 1000, not all 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveWeights {
    /// Homogeneity (同质性, WSS): townships alike in the homogeneity attributes share a new
    /// unit (the CLI's `--attrs`; without attributes it has no effect).
    #[serde(default)]
    pub wss: f64,
    /// Compactness (紧凑度): fewer boundaries between new units (cut edges).
    #[serde(default)]
    pub compactness: f64,
    /// Service distance (服务距离): population-weighted distance of the townships to their
    /// new unit's seat.
    #[serde(default)]
    pub service: f64,
}

impl Default for ObjectiveWeights {
    fn default() -> Self {
        let w = Weights::default();
        ObjectiveWeights {
            wss: w.wss,
            compactness: w.compactness,
            service: w.service,
        }
    }
}

/// Optimizer knobs only the local operator sets (the CLI): homogeneity attributes, the
/// weight of disruption in the village stage and the work multiplier.
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Attribute keys for homogeneity (WSS).
    pub attrs: Vec<String>,
    /// Weight of disruption (share of villages transferred) in the village stage.
    pub disruption: f64,
    /// Work multiplier in (0, 100].
    pub effort: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            attrs: Vec::new(),
            disruption: Weights::default().disruption,
            effort: 1.0,
        }
    }
}

/// A township as named in the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TownshipRef {
    /// Its 9-digit code.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// The wishes the schemes were made under, as honoured (resolved townships, the floor and
/// cap actually used), so an adapter can show them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Honoured {
    /// Schemes asked for (after clamping to 1–8).
    pub schemes: usize,
    /// Population floor used (0: none).
    pub min_pop: f64,
    /// Area cap used (km²; none: no cap).
    pub max_area: Option<f64>,
    /// The policy's own floor (none where it has none).
    pub policy_min_pop: Option<f64>,
    /// The policy's own cap (km²; none where it has none).
    pub policy_max_area: Option<f64>,
    /// Objective weights used.
    pub weights: ObjectiveWeights,
    /// Which rule gives way where floor and cap cannot both hold.
    pub prefer: PreferRule,
    /// The planner's locked townships (border townships are locked on top).
    pub lock: Vec<TownshipRef>,
    /// The planner's seed units (the county seat and key towns are seeds on top).
    pub seed_units: Vec<TownshipRef>,
    /// Groups kept in one new unit.
    pub together: Vec<Vec<TownshipRef>>,
    /// Groups kept in different new units.
    pub apart: Vec<Vec<TownshipRef>>,
}

/// Where service distance was measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PointBasis {
    /// Every township's seat (驻地).
    Seats,
    /// Seats where known, the centroid of the villages elsewhere.
    Mixed,
    /// The population-weighted centroid of each township's villages (no seat known).
    Centroids,
    /// No coordinates: service distance not measured (its weight has no effect).
    None,
}

/// The points service distance was measured from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ServicePoints {
    /// Seats, centroids, both or none.
    pub basis: PointBasis,
    /// Townships measured from their seat.
    pub seats: usize,
    /// Townships measured from the centroid of their villages.
    pub centroids: usize,
}

/// Evaluation figures of a proposed scheme.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SchemeSummary {
    /// Township-level units before.
    pub count_before: usize,
    /// Township-level units after.
    pub count_after: usize,
    /// Mean population per township before.
    pub mean_population_before: f64,
    /// Mean population per township after.
    pub mean_population_after: f64,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

/// One proposed scheme.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProposedScheme {
    /// Position, best first (0-based).
    pub index: usize,
    /// Scenario name.
    pub name: String,
    /// The scheme as scenario operations (`quhua_core::scenario::Operation`: merges, then
    /// village transfers).
    pub ops: Vec<Operation>,
    /// New township-level units.
    pub p: usize,
    /// Proven upper bound on the new units of any scheme meeting the rules that hold (none
    /// where no bound applies: units below the floor allowed or forced by a proof).
    pub bound: Option<usize>,
    /// Whether `p` is proven the largest possible (the exact check, within its time limit).
    pub optimal: bool,
    /// Total excess of the rule that gives way, over `conflicts`: km² over the cap (the
    /// floor preferred) or people under the floor (the cap preferred).
    pub excess: f64,
    /// New units breaking the rule that gives way, each with the townships whose proof
    /// makes it unavoidable (of the township scheme, before any village transfer).
    pub conflicts: Vec<ProposedConflict>,
    /// Names of the townships heading each new unit.
    pub seats: Vec<String>,
    /// Objective values of the township scheme (`quhua_optimize::Objectives`).
    pub objectives: Objectives,
    /// Hard constraints broken (`quhua_optimize::Violation`), after the village stage when
    /// it ran; empty means every rule holds.
    pub violations: Vec<Violation>,
    /// Villages transferred by the village stage (0 without it).
    pub moved_villages: usize,
    /// The optimizer restart that produced it (for reproduction).
    pub restart: u64,
    /// Evaluation figures.
    pub summary: SchemeSummary,
    /// The township scheme as the optimizer returned it.
    #[serde(skip)]
    #[schemars(skip)]
    pub scheme: Scheme,
    /// The village-level scheme, with `villages`.
    #[serde(skip)]
    #[schemars(skip)]
    pub refined: Option<Scheme>,
    /// The scenario of `ops`.
    #[serde(skip)]
    #[schemars(skip)]
    pub scenario: Scenario,
    /// Its full evaluation.
    #[serde(skip)]
    #[schemars(skip)]
    pub evaluation: Evaluation,
}

/// A township without neighbours in the adjacency.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProposedIsland {
    /// Its name.
    pub unit: Option<String>,
    /// How the optimizer handled it (`attached`, `kept_alone`, `excluded`).
    pub action: quhua_optimize::IslandAction,
    /// Its population.
    pub population: f64,
}

/// The answer: schemes best first, with the optimizer's infeasibility report and islands.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Proposal {
    /// County code.
    pub county: String,
    /// The policy the schemes were made and checked under (its floor and cap): the one
    /// requested, else the county's own province's.
    pub policy: String,
    /// Schemes, best first.
    pub schemes: Vec<ProposedScheme>,
    /// Why some hard rule cannot be met, when it cannot (`quhua_optimize::Infeasibility`;
    /// units are indices into the county's townships).
    pub infeasibility: Option<Infeasibility>,
    /// The infeasibility report in words, one text per reason, in both languages.
    pub reasons: Vec<quhua_core::i18n::Text>,
    /// Townships without neighbours.
    pub islands: Vec<ProposedIsland>,
    /// Whether figures include synthetic (示意) values.
    pub synthetic: bool,
    /// The wishes honoured: floor and cap used, weights, locks, seeds and groups.
    pub wishes: Honoured,
    /// Where service distance was measured from (the townships' seats or centroids).
    pub service_points: ServicePoints,
    /// Township names by optimizer unit index (to explain the infeasibility report).
    #[serde(skip)]
    #[schemars(skip)]
    pub township_names: Vec<String>,
    /// The islands as the optimizer reported them (unit indices).
    #[serde(skip)]
    #[schemars(skip)]
    pub raw_islands: Vec<Island>,
}

/// Progress reporting and cancellation for a long run (the CLI's progress bar and Ctrl-C).
#[derive(Clone, Copy, Default)]
pub struct Hooks<'a> {
    /// Called from worker threads as the search advances.
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// Polled regularly; when set the run ends with a "cancelled" error.
    pub cancel: Option<&'a AtomicBool>,
}

/// Proposes schemes for a county (see the module documentation).
///
/// ```no_run
/// # let app = quhua_app::App::open("sqlite:quhua.db").unwrap();
/// use quhua_app::{access::Actor, propose::{ProposeRequest, propose}};
/// let req = ProposeRequest { seed: Some(7), lock: vec!["党城镇".into()], ..Default::default() };
/// let p = propose(&app, &Actor::operator("me"), "130634", &req).unwrap();
/// println!("{} schemes", p.schemes.len());
/// ```
pub fn propose(
    app: &App,
    actor: &Actor,
    county: &str,
    req: &ProposeRequest,
) -> AppResult<Proposal> {
    propose_with(app, actor, county, req, Hooks::default())
}

/// [`propose`] with progress reporting and cancellation.
pub fn propose_with(
    app: &App,
    actor: &Actor,
    county: &str,
    req: &ProposeRequest,
    hooks: Hooks<'_>,
) -> AppResult<Proposal> {
    if !actor.sees(county) {
        return Err(AppError::forbidden(
            "无权访问：超出本账号的辖区范围",
            "forbidden: outside this account's jurisdiction",
        ));
    }
    let policy_id = crate::policy::reference_for(req.policy.as_deref(), county);
    let policy = crate::policy::resolve_for(app, actor, Some(&policy_id), county)?;
    let params = pipeline::params(req, &policy)?;
    let cb = county::load(app, county, &policy)?;
    pipeline::run(&cb, &policy, &policy_id, req, &params, hooks)
}
