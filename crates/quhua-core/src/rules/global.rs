//! Rules on the result as a whole: unique names, homophones, the number of units.

use super::unit::cited;
use super::{Finding, RuleId, finding, label, toneless};
use crate::policy::{Policy, Severity};
use crate::scenario::{Base, ResultUnit, State};
use std::collections::HashMap;

/// Findings about the result as a whole: names, the number of units. `count_before` is the
/// number of township-level units before the scheme.
pub fn global_findings(
    base: &Base,
    policy: &Policy,
    state: &State,
    count_before: usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(rule) = &policy.unique_names {
        let mut names: HashMap<&str, Vec<String>> = HashMap::new();
        for (_, u) in state.alive() {
            names.entry(u.name.as_str()).or_default().push(label(u));
        }
        let mut dup: Vec<_> = names.iter().filter(|(_, v)| v.len() > 1).collect();
        dup.sort();
        for (name, units) in dup {
            out.push(cited(
                rule,
                RuleId::UniqueName,
                units.clone(),
                format!("县内有 {} 个单位同名“{name}”", units.len()),
                format!("{} units in the county are named \"{name}\"", units.len()),
            ));
        }
        let new_names: Vec<&ResultUnit> = state
            .alive()
            .map(|(_, u)| u)
            .filter(|u| u.renamed_from.is_some() || u.base.is_none())
            .collect();
        if !new_names.is_empty() {
            let mut county_sounds: HashMap<String, Vec<&ResultUnit>> = HashMap::new();
            for (_, u) in state.alive() {
                county_sounds.entry(toneless(&u.name)).or_default().push(u);
            }
            for u in new_names {
                let sound = toneless(&u.name);
                if base.other_names.contains(&u.name) {
                    out.push(cited(
                        rule,
                        RuleId::UniqueName,
                        vec![label(u)],
                        format!("新名称“{}”与省内其他县的乡镇重名", u.name),
                        format!(
                            "the new name \"{}\" is already used elsewhere in the province",
                            u.name
                        ),
                    ));
                } else if let Some(other) = base.other_sounds.get(&sound) {
                    out.push(finding(
                        Severity::Warning,
                        RuleId::Homophone,
                        vec![label(u)],
                        format!("新名称“{}”与省内“{other}”同音", u.name),
                        format!(
                            "the new name \"{}\" sounds like \"{other}\" elsewhere in the province",
                            u.name
                        ),
                        &rule.citation,
                    ));
                }
                if let Some(other) = county_sounds
                    .get(&sound)
                    .and_then(|same| same.iter().find(|o| o.name != u.name))
                {
                    out.push(finding(
                        Severity::Warning,
                        RuleId::Homophone,
                        vec![label(u)],
                        format!("新名称“{}”与县内“{}”同音", u.name, other.name),
                        format!(
                            "the new name \"{}\" sounds like \"{}\" in the county",
                            u.name, other.name
                        ),
                        &rule.citation,
                    ));
                }
            }
        }
    }
    if let Some(rule) = &policy.no_increase
        && state.accum.n > count_before
    {
        out.push(cited(
            rule,
            RuleId::NoIncrease,
            Vec::new(),
            format!("乡级单位由 {count_before} 个增至 {} 个", state.accum.n),
            format!(
                "township-level units increase from {count_before} to {}",
                state.accum.n
            ),
        ));
    }
    out
}
