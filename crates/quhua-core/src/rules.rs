//! Rule findings on a scenario's result: each with severity, rule id, units, a message in
//! Chinese and English, and the citation from the policy.

use crate::attr::Amount;
use crate::i18n::Text;
use crate::policy::{Cited, Policy, Severity, Threshold};
use crate::scenario::{Base, ResultUnit, State};
use pinyin::ToPinyin;
use quhua_codes::{TownshipKind, VillageKind};
use serde::Serialize;
use std::collections::HashMap;

/// One rule finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Rule id (stable, for filtering): `area_cap`, `contiguity`, …
    pub rule: &'static str,
    /// The units concerned (labels).
    pub units: Vec<String>,
    /// The message.
    pub message: Text,
    /// Where the rule comes from.
    pub citation: String,
}

/// `name（code）` or `name（新设）`.
pub fn label(u: &ResultUnit) -> String {
    match u.code {
        Some(c) => format!("{}（{}）", u.name, c),
        None => format!("{}（新设）", u.name),
    }
}

fn finding(
    sev: Severity,
    rule: &'static str,
    units: Vec<String>,
    zh: String,
    en: String,
    citation: &str,
) -> Finding {
    Finding {
        severity: sev,
        rule,
        units,
        message: Text::new(zh, en),
        citation: citation.to_string(),
    }
}

/// Findings that concern one unit alone.
pub fn unit_findings(base: &Base, policy: &Policy, state: &State, i: u32) -> Vec<Finding> {
    let u = &state.units[i as usize];
    let mut out = Vec::new();
    let me = vec![label(u)];
    if !u.alive {
        dead_unit_findings(base, policy, state, u, &mut out);
        return out;
    }
    let changed = u.territory_changed || u.converted_from.is_some() || u.base.is_none();
    let pop = crate::scenario::state_pick(&u.attrs, base.pop_key);
    let area = crate::scenario::state_pick(&u.attrs, base.area_key);
    if let (Some(cap), Some(a)) = (&policy.area_cap_km2, area)
        && a.to_f64() > cap.value
    {
        let sev = if changed {
            cap.severity
        } else {
            Severity::Info
        };
        out.push(finding(
            sev,
            "area_cap",
            me.clone(),
            format!(
                "{} 面积 {:.2} km²，超过上限 {} km²{}",
                u.name,
                a.to_f64(),
                cap.value,
                if changed { "" } else { "（未调整单位）" }
            ),
            format!(
                "{} has {:.2} km², above the cap of {} km²{}",
                u.name,
                a.to_f64(),
                cap.value,
                if changed { "" } else { " (unchanged unit)" }
            ),
            &cap.citation,
        ));
    }
    if let (Some(floor), Some(p)) = (&policy.population_floor, pop)
        && p.to_f64() < floor.value
    {
        out.push(finding(
            floor.severity,
            "population_floor",
            me.clone(),
            format!("{} 人口 {} 人，低于下限 {} 人", u.name, p, floor.value),
            format!(
                "{} has {} people, below the floor of {}",
                u.name, p, floor.value
            ),
            &floor.citation,
        ));
    }
    if let Some(rule) = &policy.contiguity
        && u.territory_changed
    {
        match &base.adjacency {
            Some(adj) => {
                let parts = components(&u.villages, adj, base.villages.len());
                if parts > 1 {
                    out.push(finding(
                        rule.severity,
                        "contiguity",
                        me.clone(),
                        format!("{} 的辖区不连片（分为 {} 块）", u.name, parts),
                        format!("{} is not contiguous ({} separate parts)", u.name, parts),
                        &rule.citation,
                    ));
                }
            }
            None => out.push(finding(
                Severity::Info,
                "contiguity_unchecked",
                me.clone(),
                format!("无边界或邻接数据，未核查 {} 是否连片", u.name),
                format!(
                    "no boundaries or adjacency: contiguity of {} not checked",
                    u.name
                ),
                &rule.citation,
            )),
        }
    }
    if let Some(rule) = &policy.county_seat_protected
        && u.flags.county_seat
        && u.lost_villages
    {
        out.push(cited(
            rule,
            "county_seat",
            me.clone(),
            format!("县城驻地镇 {} 的辖区被划出，规模缩小", u.name),
            format!("the county-seat town {} loses territory", u.name),
        ));
    }
    locked_finding(policy, u, &me, &mut out);
    if let Some(rule) = &policy.historic_name_kept
        && u.flags.historic
        && let Some(old) = &u.renamed_from
    {
        out.push(cited(
            rule,
            "historic_name",
            me.clone(),
            format!("历史文化名镇“{old}”更名为“{}”", u.name),
            format!("historic town \"{old}\" renamed to \"{}\"", u.name),
        ));
    }
    if let Some(rule) = &policy.ethnic_consultation {
        let ethnic: Vec<&str> = u
            .origins
            .iter()
            .map(|&o| &base.townships[o as usize])
            .filter(|t| t.kind.is_ethnic() || t.flags.ethnic)
            .map(|t| t.name.as_str())
            .collect();
        if !ethnic.is_empty() && (u.territory_changed || u.converted_from.is_some()) {
            out.push(cited(
                rule,
                "ethnic_consultation",
                me.clone(),
                format!("调整涉及民族乡（{}），须与有关民族代表充分协商", ethnic.join("、")),
                format!("the change involves ethnic township(s) {}; consultation with the ethnic groups' representatives is required", ethnic.join(", ")),
            ));
        }
    }
    standard_findings(base, policy, u, pop, area, &me, &mut out);
    out
}

fn cited(rule: &Cited, id: &'static str, units: Vec<String>, zh: String, en: String) -> Finding {
    finding(rule.severity, id, units, zh, en, &rule.citation)
}

fn locked_finding(policy: &Policy, u: &ResultUnit, me: &[String], out: &mut Vec<Finding>) {
    if u.locked && u.changed_while_locked {
        let citation = policy
            .border_kept_whole
            .as_ref()
            .map(|r| r.citation.as_str())
            .unwrap_or("方案锁定 / locked by the planner");
        let (zh, en) = if u.flags.border {
            (
                format!("边境乡镇 {} 应成建制保留，方案改变了它", u.name),
                format!(
                    "border township {} must be kept whole, but the scheme changes it",
                    u.name
                ),
            )
        } else {
            (
                format!("{} 已锁定，方案仍改变了它", u.name),
                format!("{} is locked, but the scheme changes it", u.name),
            )
        };
        out.push(finding(
            Severity::Error,
            "locked",
            me.to_vec(),
            zh,
            en,
            citation,
        ));
    }
}

fn dead_unit_findings(
    base: &Base,
    policy: &Policy,
    state: &State,
    u: &ResultUnit,
    out: &mut Vec<Finding>,
) {
    let me = vec![label(u)];
    let into = u.absorbed_into.map(|j| &state.units[j as usize]);
    let into_name = into.map(|j| j.name.clone()).unwrap_or_default();
    if let Some(rule) = &policy.county_seat_protected
        && u.flags.county_seat
    {
        out.push(cited(
            rule,
            "county_seat",
            me.clone(),
            format!("县城驻地镇 {} 被撤销并入 {}", u.name, into_name),
            format!(
                "the county-seat town {} is merged into {}",
                u.name, into_name
            ),
        ));
    }
    locked_finding(policy, u, &me, out);
    if let Some(rule) = &policy.historic_name_kept
        && u.flags.historic
        && into.is_some_and(|j| j.name != u.name)
    {
        out.push(cited(
            rule,
            "historic_name",
            me.clone(),
            format!("历史文化名镇 {} 并入 {} 后名称不再保留", u.name, into_name),
            format!("historic town {} loses its name in {}", u.name, into_name),
        ));
    }
    let _ = base;
}

fn standard_findings(
    base: &Base,
    policy: &Policy,
    u: &ResultUnit,
    pop: Option<Amount>,
    area: Option<Amount>,
    me: &[String],
    out: &mut Vec<Finding>,
) {
    let newly = |k: TownshipKind| {
        u.kind == k
            && (u.converted_from.is_some_and(|f| f != k)
                || (u.base.is_none()
                    && u.origins
                        .iter()
                        .any(|&o| base.townships[o as usize].kind != k)))
    };
    let check = |t: &Option<Threshold>,
                 v: Option<f64>,
                 what_zh: &str,
                 what_en: &str,
                 std_zh: &str,
                 min: bool,
                 out: &mut Vec<Finding>| {
        let Some(t) = t else { return };
        match v {
            Some(v) if (min && v < t.value) || (!min && v > t.value) => out.push(finding(
                t.severity,
                if std_zh == "设镇" {
                    "town_standard"
                } else {
                    "street_standard"
                },
                me.to_vec(),
                format!(
                    "{} 拟{}，{} {:.2}{}标准 {}",
                    u.name,
                    std_zh,
                    what_zh,
                    v,
                    if min { "低于" } else { "高于" },
                    t.value
                ),
                format!(
                    "{} to become a {}: {} {:.2} is {} the standard of {}",
                    u.name,
                    if std_zh == "设镇" {
                        "town"
                    } else {
                        "subdistrict"
                    },
                    what_en,
                    v,
                    if min { "below" } else { "above" },
                    t.value
                ),
                &t.citation,
            )),
            Some(_) => {}
            None => out.push(finding(
                Severity::Info,
                if std_zh == "设镇" {
                    "town_standard"
                } else {
                    "street_standard"
                },
                me.to_vec(),
                format!(
                    "{} 拟{}，缺少“{}”数据，无法核查标准 {}",
                    u.name, std_zh, what_zh, t.value
                ),
                format!(
                    "{}: no {} data, the standard of {} cannot be checked",
                    u.name, what_en, t.value
                ),
                &t.citation,
            )),
        }
    };
    let builtup = base
        .keys
        .iter()
        .position(|k| k == crate::attr::keys::BUILTUP_POP)
        .and_then(|k| u.attrs[k])
        .map(Amount::to_f64);
    if newly(TownshipKind::Town)
        && let Some(s) = &policy.town_standard
    {
        check(
            &s.min_population,
            pop.map(Amount::to_f64),
            "人口",
            "population",
            "设镇",
            true,
            out,
        );
        check(
            &s.min_builtup_population,
            builtup,
            "建成区人口",
            "built-up population",
            "设镇",
            true,
            out,
        );
        check(
            &s.min_area_km2,
            area.map(Amount::to_f64),
            "面积",
            "area",
            "设镇",
            true,
            out,
        );
        check(
            &s.max_area_km2,
            area.map(Amount::to_f64),
            "面积",
            "area",
            "设镇",
            false,
            out,
        );
    }
    if newly(TownshipKind::Subdistrict)
        && let Some(s) = &policy.street_standard
    {
        check(
            &s.min_population,
            pop.map(Amount::to_f64),
            "人口",
            "population",
            "设街道",
            true,
            out,
        );
        check(
            &s.min_area_km2,
            area.map(Amount::to_f64),
            "面积",
            "area",
            "设街道",
            true,
            out,
        );
        let residents = u
            .villages
            .iter()
            .filter(|&&v| {
                matches!(
                    base.villages[v as usize].kind,
                    VillageKind::Residents | VillageKind::SimilarResidents
                )
            })
            .count();
        let share = (!u.villages.is_empty()).then(|| residents as f64 / u.villages.len() as f64);
        check(
            &s.min_residents_share,
            share,
            "居委会占比",
            "share of residents' committees",
            "设街道",
            true,
            out,
        );
    }
}

/// Findings about the result as a whole: names, the number of units.
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
                "unique_name",
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
                if base.other_names.contains(&u.name) {
                    out.push(cited(
                        rule,
                        "unique_name",
                        vec![label(u)],
                        format!("新名称“{}”与省内其他县的乡镇重名", u.name),
                        format!(
                            "the new name \"{}\" is already used elsewhere in the province",
                            u.name
                        ),
                    ));
                } else if let Some(other) = base.other_sounds.get(&toneless(&u.name)) {
                    out.push(finding(
                        Severity::Warning,
                        "homophone",
                        vec![label(u)],
                        format!("新名称“{}”与省内“{other}”同音", u.name),
                        format!(
                            "the new name \"{}\" sounds like \"{other}\" elsewhere in the province",
                            u.name
                        ),
                        &rule.citation,
                    ));
                }
                if let Some(same) = county_sounds.get(&toneless(&u.name))
                    && same.iter().any(|o| o.name != u.name)
                {
                    let other = same
                        .iter()
                        .find(|o| o.name != u.name)
                        .map(|o| o.name.clone())
                        .unwrap_or_default();
                    out.push(finding(
                        Severity::Warning,
                        "homophone",
                        vec![label(u)],
                        format!("新名称“{}”与县内“{other}”同音", u.name),
                        format!(
                            "the new name \"{}\" sounds like \"{other}\" in the county",
                            u.name
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
            "no_increase",
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

/// The name in toneless pinyin (characters without a reading kept as they are).
pub fn toneless(name: &str) -> String {
    name.chars()
        .zip(name.to_pinyin())
        .map(|(c, p)| {
            p.map(|p| p.plain().to_string())
                .unwrap_or_else(|| c.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Number of connected parts of `villages` under `adj`.
pub fn components(villages: &[u32], adj: &[Vec<u32>], n: usize) -> usize {
    if villages.is_empty() {
        return 0;
    }
    let mut member = vec![false; n];
    for &v in villages {
        member[v as usize] = true;
    }
    let mut seen = vec![false; n];
    let mut parts = 0;
    let mut stack = Vec::new();
    for &s in villages {
        if seen[s as usize] {
            continue;
        }
        parts += 1;
        seen[s as usize] = true;
        stack.push(s);
        while let Some(x) = stack.pop() {
            for &y in &adj[x as usize] {
                if member[y as usize] && !seen[y as usize] {
                    seen[y as usize] = true;
                    stack.push(y);
                }
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homophones() {
        assert_eq!(toneless("下河镇"), toneless("夏河镇"));
        assert_ne!(toneless("下河镇"), toneless("上河镇"));
    }

    #[test]
    fn counts_components() {
        let adj = vec![vec![1], vec![0], vec![3], vec![2]];
        assert_eq!(components(&[0, 1, 2, 3], &adj, 4), 2);
        assert_eq!(components(&[0, 1], &adj, 4), 1);
    }
}
