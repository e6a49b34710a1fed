//! Rules on the village layer (村级建制调整): names, the 居委会 size range, the policy's
//! village floors and the contiguity of merged villages. Only villages the scheme changed or
//! created are judged; the base data's own state is shown by the indicators instead.

use super::fmt::{count_en, count_zh, people_en, people_zh};
use super::unit::cited;
use super::{Finding, RuleId, finding};
use crate::attr::{Amount, keys};
use crate::policy::{Policy, Threshold};
use crate::scenario::{Base, ResultVillage, State};
use quhua_codes::VillageKind;
use std::collections::{HashMap, HashSet};

/// `township village（code）` or `township village（新设）`.
pub fn village_label(state: &State, v: u32) -> String {
    let r = &state.villages.units[v as usize];
    let t = state.villages.township_of(v, &state.village_unit);
    let town = &state.units[t as usize].name;
    match r.code {
        Some(c) => format!("{town} {}（{c}）", r.name),
        None => format!("{town} {}（新设）", r.name),
    }
}

/// Whether the scheme changed or created the village.
pub fn is_changed(r: &ResultVillage) -> bool {
    r.base.is_none()
        || r.territory_changed
        || r.renamed_from.is_some()
        || r.converted_from.is_some()
}

/// The value at key `key`, when the base has the key and the village a value.
pub fn figure(base: &Base, r: &ResultVillage, key: &str) -> Option<Amount> {
    let k = base.keys.iter().position(|k| k == key)?;
    r.attrs.get(k).copied().flatten()
}

/// Findings on the villages the scheme changed or created.
pub fn village_findings(base: &Base, policy: &Policy, state: &State) -> Vec<Finding> {
    let mut out = Vec::new();
    let changed: Vec<u32> = state
        .villages
        .alive()
        .filter(|(_, r)| is_changed(r))
        .map(|(i, _)| i)
        .collect();
    if changed.is_empty() {
        return out;
    }
    names(state, policy, &changed, &mut out);
    let pop_key = policy.population_key.as_str();
    for &v in &changed {
        let r = &state.villages.units[v as usize];
        let me = || vec![village_label(state, v)];
        let households = figure(base, r, keys::HOUSEHOLDS).map(Amount::to_f64);
        if let (Some(range), VillageKind::Residents, Some(h)) =
            (&policy.residents_households, r.kind, households)
            && (h < range.min || h > range.max)
        {
            out.push(finding(
                range.severity,
                RuleId::ResidentsSize,
                me(),
                format!(
                    "居委会 {} 有 {} 户，不在 {}–{} 户范围内",
                    r.name,
                    count_zh(h),
                    count_zh(range.min),
                    count_zh(range.max)
                ),
                format!(
                    "residents' committee {} has {} households, outside {}–{}",
                    r.name,
                    count_en(h),
                    count_en(range.min),
                    count_en(range.max)
                ),
                &range.citation,
            ));
        }
        let pop = figure(base, r, pop_key).map(Amount::to_f64);
        floor(
            &policy.village_population_floor,
            pop,
            RuleId::VillagePopulationFloor,
            me(),
            (people_zh, people_en),
            &r.name,
            &mut out,
        );
        floor(
            &policy.village_households_floor,
            households,
            RuleId::VillageHouseholdsFloor,
            me(),
            (
                |h| format!("{} 户", count_zh(h)),
                |h| format!("{} households", count_en(h)),
            ),
            &r.name,
            &mut out,
        );
        if let (Some(rule), Some(adj)) = (&policy.contiguity, &base.adjacency)
            && r.parts.len() > 1
            && !connected(&r.parts, adj)
        {
            out.push(cited(
                rule,
                RuleId::VillageContiguity,
                me(),
                format!("合并后的 {} 地域不连片", r.name),
                format!("the merged village {} is not in one piece", r.name),
            ));
        }
    }
    out
}

type Fmt = fn(f64) -> String;

fn floor(
    t: &Option<Threshold>,
    value: Option<f64>,
    id: RuleId,
    units: Vec<String>,
    fmt: (Fmt, Fmt),
    name: &str,
    out: &mut Vec<Finding>,
) {
    if let (Some(t), Some(v)) = (t, value)
        && v < t.value
    {
        out.push(finding(
            t.severity,
            id,
            units,
            format!("{name} 为 {}，低于 {}", (fmt.0)(v), (fmt.0)(t.value)),
            format!("{name} has {}, below {}", (fmt.1)(v), (fmt.1)(t.value)),
            &t.citation,
        ));
    }
}

/// Names repeated within a township (among villages the scheme touched), and new names that
/// repeat a village name elsewhere in the county.
fn names(state: &State, policy: &Policy, changed: &[u32], out: &mut Vec<Finding>) {
    let Some(rule) = &policy.village_unique_names else {
        return;
    };
    let touched: HashSet<u32> = changed
        .iter()
        .map(|&v| state.villages.township_of(v, &state.village_unit))
        .collect();
    let mut by_town: HashMap<(u32, &str), Vec<u32>> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, r) in state.villages.alive() {
        let t = state.villages.township_of(i, &state.village_unit);
        by_name.entry(r.name.as_str()).or_default().push(i);
        if touched.contains(&t) {
            by_town.entry((t, r.name.as_str())).or_default().push(i);
        }
    }
    let mut dups: Vec<_> = by_town.into_iter().filter(|(_, v)| v.len() > 1).collect();
    dups.sort();
    for ((t, name), vs) in dups {
        let town = &state.units[t as usize].name;
        out.push(cited(
            rule,
            RuleId::VillageUniqueName,
            vs.iter().map(|&v| village_label(state, v)).collect(),
            format!("{town} 有 {} 个村（居）同名“{name}”", vs.len()),
            format!("{} villages of {town} are named \"{name}\"", vs.len()),
        ));
    }
    for &v in changed {
        let r = &state.villages.units[v as usize];
        if r.renamed_from.is_none() && r.base.is_some() {
            continue;
        }
        let t = state.villages.township_of(v, &state.village_unit);
        let elsewhere: Vec<u32> = by_name[r.name.as_str()]
            .iter()
            .copied()
            .filter(|&o| o != v && state.villages.township_of(o, &state.village_unit) != t)
            .collect();
        if let Some(&o) = elsewhere.first() {
            out.push(finding(
                crate::policy::Severity::Warning,
                RuleId::VillageUniqueName,
                vec![village_label(state, v), village_label(state, o)],
                format!("新名称“{}”与县内其他乡镇的村（居）重名", r.name),
                format!(
                    "the new name \"{}\" repeats a village name elsewhere in the county",
                    r.name
                ),
                &rule.citation,
            ));
        }
    }
}

/// Whether `parts` form one piece in the village adjacency.
fn connected(parts: &[u32], adj: &[Vec<u32>]) -> bool {
    let set: HashSet<u32> = parts.iter().copied().collect();
    let mut seen = HashSet::from([parts[0]]);
    let mut stack = vec![parts[0]];
    while let Some(v) = stack.pop() {
        for &w in adj.get(v as usize).map(Vec::as_slice).unwrap_or(&[]) {
            if set.contains(&w) && seen.insert(w) {
                stack.push(w);
            }
        }
    }
    seen.len() == set.len()
}
