//! What the village layer of an evaluation shows: indicators before and after (counts by kind,
//! population and households per village, villages per township, against the policy's
//! floors), the villages the scheme changed or created, and those it merged away.

use super::base::Base;
use super::state::State;
use crate::attr::{Amount, keys};
use crate::indicators::{Multiset, Stats};
use crate::policy::Policy;
use crate::rules::{figure, is_changed};
use quhua_codes::{DivisionCode, Level, VillageKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What a set of villages looks like.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VillageIndicators {
    /// Number of villages (村 + 居).
    pub count: usize,
    /// Count by kind (Chinese kind name: 村委会, 居委会 …).
    pub by_kind: BTreeMap<String, usize>,
    /// Population per village (the policy's key).
    pub population: Stats,
    /// Households per village (`households`), where known.
    pub households: Stats,
    /// Villages per township.
    pub per_township: Stats,
    /// Villages below the policy's village population floor, if it has one.
    pub under_population_floor: Option<usize>,
    /// Villages below the policy's village households floor, if it has one.
    pub under_households_floor: Option<usize>,
}

/// Before and after.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VillageComparison {
    /// Before the scheme.
    pub before: VillageIndicators,
    /// After the scheme.
    pub after: VillageIndicators,
    /// Villages removed (before − after).
    pub reduction: i64,
}

/// A village the scheme changed or created.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VillageView {
    /// Name.
    pub name: String,
    /// Kind (Chinese).
    pub kind: String,
    /// The code kept, if any.
    pub code: Option<String>,
    /// For a village needing a new code: the next free number in its kind's range under its
    /// township, when the township keeps its code (拟用代码).
    pub proposed_code: Option<String>,
    /// 合并 / 新设 / 撤村设居 (建制变更) / 拆分 / 更名.
    pub status: String,
    /// Its township (result name).
    pub township: String,
    /// Former villages whose territory it holds (names).
    pub predecessors: Vec<String>,
    /// Former village codes whose territory it holds.
    pub predecessor_codes: Vec<String>,
    /// Population under the policy's key.
    pub population: Option<f64>,
    /// Households.
    pub households: Option<f64>,
    /// Area, km².
    pub area_km2: Option<f64>,
}

/// A village merged away by the scheme.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AbolishedVillageView {
    /// Name.
    pub name: String,
    /// Its code (retired), if it had one.
    pub code: Option<String>,
    /// Its township.
    pub township: String,
    /// Where it went.
    pub into: String,
}

/// The village layer of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VillageEvaluation {
    /// Indicators before and after.
    pub indicators: VillageComparison,
    /// Villages changed or created, by township and name.
    pub changed: Vec<VillageView>,
    /// Villages merged away.
    pub abolished: Vec<AbolishedVillageView>,
}

/// The indicators of the villages alive in `state`.
pub fn village_indicators(base: &Base, policy: &Policy, state: &State) -> VillageIndicators {
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pop, mut hh) = (Multiset::default(), Multiset::default());
    let mut per_town: BTreeMap<u32, i64> = state.alive().map(|(i, _)| (i, 0)).collect();
    let (mut under_pop, mut under_hh) = (0, 0);
    let pf = policy.village_population_floor.as_ref().map(|t| t.value);
    let hf = policy.village_households_floor.as_ref().map(|t| t.value);
    let mut count = 0;
    for (i, r) in state.villages.alive() {
        count += 1;
        *by_kind.entry(r.kind.zh().to_string()).or_default() += 1;
        *per_town
            .entry(state.villages.township_of(i, &state.village_unit))
            .or_default() += 1;
        if let Some(p) = figure(base, r, &policy.population_key) {
            pop.insert(p);
            under_pop += usize::from(pf.is_some_and(|f| p.to_f64() < f));
        }
        if let Some(h) = figure(base, r, keys::HOUSEHOLDS) {
            hh.insert(h);
            under_hh += usize::from(hf.is_some_and(|f| h.to_f64() < f));
        }
    }
    let mut towns = Multiset::default();
    for c in per_town.values() {
        towns.insert(Amount::from_int(*c));
    }
    VillageIndicators {
        count,
        by_kind,
        population: pop.stats(),
        households: hh.stats(),
        per_township: towns.stats(),
        under_population_floor: pf.map(|_| under_pop),
        under_households_floor: hf.map(|_| under_hh),
    }
}

/// The village layer's evaluation (`before`: the indicators with no operation applied).
pub fn village_evaluation(
    base: &Base,
    policy: &Policy,
    state: &State,
    before: &VillageIndicators,
) -> VillageEvaluation {
    let after = village_indicators(base, policy, state);
    let layer = &state.villages;
    let proposed = proposed_village_codes(base, state);
    let town_name = |v: u32| {
        state.units[layer.township_of(v, &state.village_unit) as usize]
            .name
            .clone()
    };
    let mut changed: Vec<VillageView> = layer
        .alive()
        .filter(|(_, r)| is_changed(r))
        .map(|(i, r)| {
            let status = if r.base.is_none() {
                "新设"
            } else if r.converted_from.is_some() {
                "建制变更"
            } else if r.parts.len() > 1 {
                "合并"
            } else if !r.split_to.is_empty() || !r.split_from.is_empty() {
                "拆分"
            } else {
                "更名"
            };
            VillageView {
                name: r.name.clone(),
                kind: r.kind.zh().to_string(),
                code: r.code.map(|c| c.to_string()),
                proposed_code: proposed.get(&i).map(|c| c.to_string()),
                status: status.to_string(),
                township: town_name(i),
                predecessors: r
                    .parts
                    .iter()
                    .map(|&p| base.villages[p as usize].name.clone())
                    .collect(),
                predecessor_codes: r
                    .parts
                    .iter()
                    .map(|&p| base.villages[p as usize].code.to_string())
                    .collect(),
                population: figure(base, r, &policy.population_key).map(Amount::to_f64),
                households: figure(base, r, keys::HOUSEHOLDS).map(Amount::to_f64),
                area_km2: figure(base, r, keys::AREA_KM2).map(Amount::to_f64),
            }
        })
        .collect();
    changed.sort_by(|a, b| (&a.township, &a.name).cmp(&(&b.township, &b.name)));
    let abolished = layer
        .units
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.alive)
        .map(|(i, r)| AbolishedVillageView {
            name: r.name.clone(),
            code: r.code.map(|c| c.to_string()),
            township: town_name(i as u32),
            into: r
                .absorbed_into
                .map(|j| layer.units[j as usize].name.clone())
                .unwrap_or_default(),
        })
        .collect();
    VillageEvaluation {
        indicators: VillageComparison {
            reduction: before.count as i64 - after.count as i64,
            before: before.clone(),
            after,
        },
        changed,
        abolished,
    }
}

/// The codes the registry will assign (顺序编制, 废码不用): every new code the scheme makes a
/// village take, in operation order, each the next free number in its kind's range under the
/// township. Only where the township keeps its code and its territory: a township that
/// receives villages recodes them, taking numbers this does not model, so no code is promised
/// there.
fn proposed_village_codes(base: &Base, state: &State) -> BTreeMap<u32, DivisionCode> {
    let mut used: BTreeSet<DivisionCode> = base.used_village_codes.clone();
    used.extend(base.villages.iter().map(|v| v.code));
    let mut claims: Vec<(usize, u32, VillageKind)> = state
        .villages
        .units
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.code_claims.iter().map(move |(op, k)| (*op, i as u32, *k)))
        .collect();
    claims.sort_unstable_by_key(|(op, i, _)| (*op, *i));
    let mut out = BTreeMap::new();
    for (_, i, kind) in claims {
        let t = &state.units[state.villages.township_of(i, &state.village_unit) as usize];
        let Some(town) = t.code.filter(|_| !t.territory_changed) else {
            continue;
        };
        if let Some(c) = next_free_village(town, kind, &used) {
            used.insert(c);
            out.insert(i, c);
        }
    }
    out.retain(|i, _| {
        let r = &state.villages.units[*i as usize];
        r.alive && r.code.is_none()
    });
    out
}

/// The number after the highest used in the kind's range under `town`, else the first unused.
fn next_free_village(
    town: DivisionCode,
    kind: VillageKind,
    used: &BTreeSet<DivisionCode>,
) -> Option<DivisionCode> {
    let nums = kind.range().numbers();
    let codes: Vec<DivisionCode> = nums
        .clone()
        .filter_map(|s| DivisionCode::village(town, s).ok())
        .collect();
    let highest = codes.iter().rposition(|c| used.contains(c));
    match highest {
        None => codes.first().copied(),
        Some(h) if h + 1 < codes.len() => Some(codes[h + 1]),
        Some(_) => codes.into_iter().find(|c| !used.contains(c)),
    }
    .filter(|c| c.level() == Level::Village)
}
