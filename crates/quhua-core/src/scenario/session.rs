//! Evaluating a scenario, incrementally: a session applies operations one by one and
//! recomputes findings only for the units each operation touched.

use super::base::Base;
use super::error::ScenarioError;
use super::ops::{Operation, Scenario};
use super::state::{State, pick};
use super::village_view::{
    VillageEvaluation, VillageIndicators, village_evaluation, village_indicators,
};
use crate::indicators::{Comparison, Indicators};
use crate::policy::Policy;
use crate::rules::{self, Finding};
use quhua_codes::{DivisionCode, TownshipKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A township in the evaluated result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultUnitView {
    /// Name.
    pub name: String,
    /// Kind (Chinese).
    pub kind: String,
    /// The code kept, if any.
    pub code: Option<String>,
    /// For units needing a new code: the next free number in the kind's range (拟用代码).
    pub proposed_code: Option<String>,
    /// 保留 / 调整 / 新设 / 建制变更.
    pub status: String,
    /// Former townships whose territory it holds.
    pub predecessors: Vec<String>,
    /// Number of villages (村/居).
    pub villages: usize,
    /// Population under the policy's key.
    pub population: Option<f64>,
    /// Area, km².
    pub area_km2: Option<f64>,
    /// All attributes by key.
    pub attrs: BTreeMap<String, f64>,
    /// The seat village's name.
    pub seat: Option<String>,
    /// Flag labels.
    pub flags: Vec<String>,
    /// Village codes (base codes) in this unit.
    pub village_codes: Vec<String>,
}

/// A township abolished by the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AbolishedView {
    /// Name.
    pub name: String,
    /// Its code (retired).
    pub code: Option<String>,
    /// Where it went.
    pub into: String,
}

/// The full evaluation of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// County code.
    pub county: String,
    /// County name.
    pub county_name: String,
    /// The base snapshot's date.
    pub base_date: String,
    /// The policy's name.
    pub policy: String,
    /// Whether the figures include synthetic (示意) data.
    pub synthetic: bool,
    /// Operations applied.
    pub operations: usize,
    /// Resulting townships.
    pub units: Vec<ResultUnitView>,
    /// Townships abolished.
    pub abolished: Vec<AbolishedView>,
    /// Indicators before and after.
    pub indicators: Comparison,
    /// Rule findings, most serious first.
    pub findings: Vec<Finding>,
    /// The village layer (村级建制调整): indicators, villages changed and merged away.
    pub villages: VillageEvaluation,
}

impl Evaluation {
    /// The number of findings of each severity (errors, warnings, info).
    pub fn finding_counts(&self) -> (usize, usize, usize) {
        use crate::policy::Severity::*;
        let c = |s| self.findings.iter().filter(|f| f.severity == s).count();
        (c(Error), c(Warning), c(Info))
    }
}

/// A scenario being edited: the partition, its aggregates and cached findings.
#[derive(Debug, Clone)]
pub struct Session<'a> {
    base: &'a Base,
    policy: &'a Policy,
    state: State,
    ops: Vec<Operation>,
    cache: Vec<Option<Vec<Finding>>>,
    before: Indicators,
    count_before: usize,
    villages_before: VillageIndicators,
}

impl<'a> Session<'a> {
    /// A session on `base` with no operations.
    pub fn new(base: &'a Base, policy: &'a Policy) -> Self {
        let state = State::new(base);
        let before = state.accum.indicators(policy);
        let villages_before = village_indicators(base, policy, &state);
        Session {
            villages_before,
            base,
            policy,
            count_before: state.accum.n,
            cache: vec![None; state.units.len()],
            state,
            ops: Vec::new(),
            before,
        }
    }

    /// Appends an operation and updates the partition incrementally. On error nothing changes.
    pub fn push(&mut self, op: Operation) -> Result<(), ScenarioError> {
        let n = self.ops.len() + 1;
        let mut trial = None;
        // State::apply validates before it mutates for every operation; keep a guard anyway
        // for merges, which touch several units.
        if matches!(op, Operation::Merge { .. }) {
            trial = Some(self.state.clone());
        }
        if let Err(e) = self.state.apply(self.base, &op, n) {
            if let Some(s) = trial {
                self.state = s;
            }
            return Err(e);
        }
        self.ops.push(op);
        Ok(())
    }

    /// Replaces all operations (full recompute).
    pub fn reset(&mut self, ops: Vec<Operation>) -> Result<(), ScenarioError> {
        let mut fresh = Session::new(self.base, self.policy);
        for op in ops {
            fresh.push(op)?;
        }
        *self = fresh;
        Ok(())
    }

    /// The operations so far.
    pub fn ops(&self) -> &[Operation] {
        &self.ops
    }

    /// The partition.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Indicators after the operations so far (from the incremental accumulators).
    pub fn indicators(&self) -> Comparison {
        Comparison::new(
            self.before.clone(),
            self.state.accum.indicators(self.policy),
        )
    }

    /// Findings, recomputing only the units touched since the last call.
    pub fn findings(&mut self) -> Vec<Finding> {
        self.cache.resize(self.state.units.len(), None);
        let dirty = std::mem::take(&mut self.state.dirty);
        for i in dirty {
            self.cache[i as usize] =
                Some(rules::unit_findings(self.base, self.policy, &self.state, i));
        }
        for i in 0..self.cache.len() {
            if self.cache[i].is_none() {
                self.cache[i] = Some(rules::unit_findings(
                    self.base,
                    self.policy,
                    &self.state,
                    i as u32,
                ));
            }
        }
        let mut out: Vec<Finding> = self.cache.iter().flatten().flatten().cloned().collect();
        out.extend(rules::global_findings(
            self.base,
            self.policy,
            &self.state,
            self.count_before,
        ));
        out.extend(rules::village_findings(self.base, self.policy, &self.state));
        out.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.rule.cmp(&b.rule))
                .then(a.units.cmp(&b.units))
        });
        out
    }

    /// The full evaluation (indicators, units, findings).
    pub fn evaluation(&mut self) -> Evaluation {
        let findings = self.findings();
        let base = self.base;
        let proposed = proposed_codes(base, &self.state);
        let mut village_counts: BTreeMap<u32, usize> = BTreeMap::new();
        for (v, _) in self.state.villages.alive() {
            let t = self.state.villages.township_of(v, &self.state.village_unit);
            *village_counts.entry(t).or_default() += 1;
        }
        let units: Vec<ResultUnitView> = self
            .state
            .alive()
            .map(|(i, u)| {
                let status = if u.base.is_none() {
                    "新设"
                } else if u.converted_from.is_some() {
                    "建制变更"
                } else if u.territory_changed
                    || u.renamed_from.is_some()
                    || u.seat_village
                        != u.base.and_then(|b| base.townships[b as usize].seat_village)
                {
                    "调整"
                } else {
                    "保留"
                };
                ResultUnitView {
                    name: u.name.clone(),
                    kind: u.kind.zh().to_string(),
                    code: u.code.map(|c| c.to_string()),
                    proposed_code: proposed.get(&i).map(|c| c.to_string()),
                    status: status.to_string(),
                    predecessors: u
                        .origins
                        .iter()
                        .map(|&o| base.townships[o as usize].name.clone())
                        .collect(),
                    villages: village_counts.get(&i).copied().unwrap_or(0),
                    population: pick(&u.attrs, base.pop_key).map(|a| a.to_f64()),
                    area_km2: pick(&u.attrs, base.area_key).map(|a| a.to_f64()),
                    attrs: base
                        .keys
                        .iter()
                        .zip(&u.attrs)
                        .filter_map(|(k, v)| v.map(|v| (k.clone(), v.to_f64())))
                        .collect(),
                    seat: u.seat_village.map(|v| self.state.seat_name(base, v)),
                    flags: u.flags.labels_zh().into_iter().map(String::from).collect(),
                    village_codes: u
                        .villages
                        .iter()
                        .map(|&v| base.villages[v as usize].code.to_string())
                        .collect(),
                }
            })
            .collect();
        let mut units: Vec<ResultUnitView> = units;
        units.sort_by(|a, b| {
            let key = |u: &ResultUnitView| {
                u.code
                    .clone()
                    .or_else(|| u.proposed_code.clone())
                    .unwrap_or_default()
            };
            key(a).cmp(&key(b)).then(a.name.cmp(&b.name))
        });
        let abolished = self
            .state
            .units
            .iter()
            .filter(|u| !u.alive)
            .map(|u| AbolishedView {
                name: u.name.clone(),
                code: u.code.map(|c| c.to_string()),
                into: u
                    .absorbed_into
                    .map(|j| self.state.units[j as usize].name.clone())
                    .unwrap_or_default(),
            })
            .collect();
        Evaluation {
            county: base.county_code.to_string(),
            county_name: base.county_name.clone(),
            base_date: base.date.to_string(),
            policy: self.policy.meta.name.clone(),
            synthetic: base.synthetic,
            operations: self.ops.len(),
            units,
            abolished,
            indicators: self.indicators(),
            findings,
            villages: village_evaluation(base, self.policy, &self.state, &self.villages_before),
        }
    }
}

/// The next free codes for units that need one, in unit order (顺序编制, 废码不用).
fn proposed_codes(base: &Base, state: &State) -> BTreeMap<u32, DivisionCode> {
    let mut used: BTreeSet<DivisionCode> = base.used_codes.clone();
    let mut out = BTreeMap::new();
    let mut due: Vec<(usize, u32, &super::state::ResultUnit)> = state
        .alive()
        .filter(|(_, u)| u.code.is_none())
        .map(|(i, u)| (u.code_due_at.unwrap_or(usize::MAX), i, u))
        .collect();
    due.sort_by_key(|(at, i, _)| (*at, *i));
    for (_, i, u) in due {
        if let Some(c) = next_free(base.county_code, u.kind, &used) {
            used.insert(c);
            out.insert(i, c);
        }
    }
    out
}

fn next_free(
    county: DivisionCode,
    kind: TownshipKind,
    used: &BTreeSet<DivisionCode>,
) -> Option<DivisionCode> {
    let nums = kind.range().numbers();
    let lo = DivisionCode::township(county, *nums.start()).ok()?;
    let hi = DivisionCode::township(county, *nums.end()).ok()?;
    match used.range(lo..=hi).rev().find(|c| c.level() == lo.level()) {
        None => Some(lo),
        Some(h) if *h < hi => DivisionCode::township(county, h.township_seq() + 1).ok(),
        Some(_) => nums
            .filter_map(|s| DivisionCode::township(county, s).ok())
            .find(|c| !used.contains(c)),
    }
}

/// Evaluates a whole scenario from scratch.
pub fn evaluate(
    base: &Base,
    policy: &Policy,
    scenario: &Scenario,
) -> Result<Evaluation, ScenarioError> {
    let mut s = Session::new(base, policy);
    for op in &scenario.ops {
        s.push(op.clone())?;
    }
    Ok(s.evaluation())
}
