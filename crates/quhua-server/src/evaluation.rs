//! Evaluation responses: `{"evaluation": …, "geojson": …|null}`.
//!
//! Units carry `village_idx`, indices into the county base's `villages` (the order of
//! `GET /api/counties/{code}/base` and of the village GeoJSON), instead of repeating every
//! village code per request; the client maps them with the base it already holds.

use crate::error::ApiError;
use quhua_core::indicators::Comparison;
use quhua_core::policy::Policy;
use quhua_core::rules::Finding;
use quhua_core::scenario::{
    AbolishedView, Base, Evaluation, ResultUnitView, Scenario, ScenarioError, Session,
    VillageEvaluation,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A core evaluation with the base village indices of each resulting unit (sorted).
#[derive(Debug)]
pub struct Evaluated {
    /// The evaluation.
    pub ev: Evaluation,
    /// `groups[i]`: base village indices of `ev.units[i]`.
    pub groups: Vec<Vec<u32>>,
}

impl Evaluated {
    /// Evaluates a scenario (exactly `quhua_core::scenario::evaluate`) and takes each unit's
    /// villages from the session's partition: one code lookup per unit instead of one per
    /// village.
    pub fn evaluate(
        base: &Base,
        policy: &Policy,
        scenario: &Scenario,
        village_index: &HashMap<String, u32>,
    ) -> Result<Evaluated, ScenarioError> {
        let mut session = Session::new(base, policy);
        for op in &scenario.ops {
            session.push(op.clone())?;
        }
        let ev = session.evaluation();
        let state = session.state();
        let groups = ev
            .units
            .iter()
            .map(|u| {
                let unit = u
                    .village_codes
                    .first()
                    .and_then(|c| village_index.get(c))
                    .and_then(|&v| state.village_unit.get(v as usize))
                    .and_then(|&i| state.units.get(i as usize));
                match unit {
                    Some(r) if r.villages.len() == u.village_codes.len() => r.villages.clone(),
                    _ => indices(&u.village_codes, village_index),
                }
            })
            .collect();
        Ok(Evaluated { ev, groups })
    }

    /// Maps each unit's village codes to base indices.
    pub fn new(ev: Evaluation, village_index: &HashMap<String, u32>) -> Evaluated {
        let groups = ev
            .units
            .iter()
            .map(|u| indices(&u.village_codes, village_index))
            .collect();
        Evaluated { ev, groups }
    }
}

/// Base indices of village codes, sorted.
fn indices(codes: &[String], village_index: &HashMap<String, u32>) -> Vec<u32> {
    let mut g: Vec<u32> = codes
        .iter()
        .filter_map(|c| village_index.get(c).copied())
        .collect();
    g.sort_unstable();
    g
}

/// A resulting unit of an evaluation; `village_idx` indexes the county base's villages.
#[derive(Serialize, schemars::JsonSchema)]
pub struct UnitOut<'a> {
    name: &'a str,
    kind: &'a str,
    code: &'a Option<String>,
    proposed_code: &'a Option<String>,
    status: &'a str,
    predecessors: &'a [String],
    villages: usize,
    population: Option<f64>,
    area_km2: Option<f64>,
    attrs: &'a BTreeMap<String, f64>,
    seat: &'a Option<String>,
    flags: &'a [String],
    village_idx: &'a [u32],
}

impl<'a> UnitOut<'a> {
    fn new(u: &'a ResultUnitView, idx: &'a [u32]) -> Self {
        UnitOut {
            name: &u.name,
            kind: &u.kind,
            code: &u.code,
            proposed_code: &u.proposed_code,
            status: &u.status,
            predecessors: &u.predecessors,
            villages: u.villages,
            population: u.population,
            area_km2: u.area_km2,
            attrs: &u.attrs,
            seat: &u.seat,
            flags: &u.flags,
            village_idx: idx,
        }
    }
}

/// An evaluation as the client receives it: units carry `village_idx` instead of village
/// codes.
#[derive(Serialize, schemars::JsonSchema)]
pub struct EvaluationOut<'a> {
    county: &'a str,
    county_name: &'a str,
    base_date: &'a str,
    policy: &'a str,
    synthetic: bool,
    operations: usize,
    units: Vec<UnitOut<'a>>,
    abolished: &'a [AbolishedView],
    indicators: &'a Comparison,
    findings: &'a [Finding],
    /// The village layer (村级建制调整): indicators, villages changed and merged away.
    villages: &'a VillageEvaluation,
}

/// `{"evaluation": …, "geojson": …}` ([`crate::contract::EvaluationResult`]) as JSON bytes,
/// written into one buffer: the evaluation (units with `village_idx`, no village codes)
/// serialised in place and the GeoJSON, already JSON text, copied in unparsed.
pub fn evaluation_json(e: &Evaluated, geojson: Option<&str>) -> Result<Vec<u8>, ApiError> {
    let ev = &e.ev;
    let out = EvaluationOut {
        county: &ev.county,
        county_name: &ev.county_name,
        base_date: &ev.base_date,
        policy: &ev.policy,
        synthetic: ev.synthetic,
        operations: ev.operations,
        units: ev
            .units
            .iter()
            .zip(&e.groups)
            .map(|(u, g)| UnitOut::new(u, g))
            .collect(),
        abolished: &ev.abolished,
        indicators: &ev.indicators,
        findings: &ev.findings,
        villages: &ev.villages,
    };
    let geojson = geojson.unwrap_or("null");
    let mut buf = Vec::with_capacity(16 * 1024 + geojson.len());
    buf.extend_from_slice(b"{\"evaluation\":");
    serde_json::to_writer(&mut buf, &out).map_err(ApiError::internal)?;
    buf.extend_from_slice(b",\"geojson\":");
    buf.extend_from_slice(geojson.as_bytes());
    buf.push(b'}');
    Ok(buf)
}
