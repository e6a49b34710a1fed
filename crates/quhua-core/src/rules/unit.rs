//! Rules on one unit of the result.

use super::fmt::{area_en, area_zh, people_en, people_zh, people_zh_beside};
use super::population::choose;
use super::{Finding, RuleId, finding, label};
use crate::policy::{Cited, Policy, Severity};
use crate::scenario::{Base, ResultUnit, State};

/// Findings that concern one unit alone (unit `i` of `state`).
pub fn unit_findings(base: &Base, policy: &Policy, state: &State, i: u32) -> Vec<Finding> {
    let u = &state.units[i as usize];
    let mut out = Vec::new();
    let me = vec![label(u)];
    if !u.alive {
        dead_unit_findings(policy, state, u, &mut out);
        return out;
    }
    let changed = u.territory_changed || u.converted_from.is_some() || u.base.is_none();
    let area = crate::scenario::state_pick(&u.attrs, base.area_key).map(|a| a.to_f64());
    if let (Some(cap), Some(a)) = (&policy.area_cap_km2, area)
        && a > cap.value
    {
        let sev = if changed {
            cap.severity
        } else {
            Severity::Info
        };
        out.push(finding(
            sev,
            RuleId::AreaCap,
            me.clone(),
            format!(
                "{} 面积 {}，超过上限 {}{}",
                u.name,
                area_zh(a),
                area_zh(cap.value),
                if changed { "" } else { "（未调整单位）" }
            ),
            format!(
                "{} covers {}, above the cap of {}{}",
                u.name,
                area_en(a),
                area_en(cap.value),
                if changed { " (unchanged unit)" } else { "" }
            ),
            &cap.citation,
        ));
    }
    if let Some(floor) = &policy.population_floor
        && let Some(p) = choose(base, floor.basis, &u.attrs)
        && p.value < floor.value
    {
        let (nzh, nen) = p
            .note()
            .map(|(z, e)| (format!("；{z}"), format!("; {e}")))
            .unwrap_or_default();
        out.push(finding(
            floor.severity,
            RuleId::PopulationFloor,
            me.clone(),
            format!(
                "{} {} {}，低于下限 {}{nzh}",
                u.name,
                p.count.zh(),
                people_zh_beside(p.value, floor.value),
                people_zh(floor.value)
            ),
            format!(
                "{} has a {} of {}, below the floor of {}{nen}",
                u.name,
                p.count.en(),
                people_en(p.value),
                people_en(floor.value)
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
                        RuleId::Contiguity,
                        me.clone(),
                        format!("{} 的辖区不连片（分为 {} 块）", u.name, parts),
                        format!("{} is not contiguous ({} separate parts)", u.name, parts),
                        &rule.citation,
                    ));
                }
            }
            None => out.push(finding(
                Severity::Info,
                RuleId::ContiguityUnchecked,
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
            RuleId::CountySeat,
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
            RuleId::HistoricName,
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
                RuleId::EthnicConsultation,
                me.clone(),
                format!("调整涉及民族乡（{}），须与有关民族的代表充分协商", ethnic.join("、")),
                format!(
                    "the change involves the ethnic township(s) {}: the representatives of the ethnic groups concerned must be consulted",
                    ethnic.join(", ")
                ),
            ));
        }
    }
    if let Some(rule) = &policy.name_kind_match
        && (u.renamed_from.is_some() || u.converted_from.is_some() || u.base.is_none())
        && let Some(f) = super::names::name_kind_finding(rule, u, &me)
    {
        out.push(f);
    }
    super::standards::standard_findings(base, policy, u, &me, &mut out);
    out
}

pub(super) fn cited(
    rule: &Cited,
    id: RuleId,
    units: Vec<String>,
    zh: String,
    en: String,
) -> Finding {
    finding(rule.severity, id, units, zh, en, &rule.citation)
}

/// What a planner's lock rests on when no border rule applies.
const PLANNER_LOCK: &str = "方案编制人员锁定（工作约定，非法规要求） / locked by the planner (a working agreement, not a legal requirement)";

fn locked_finding(policy: &Policy, u: &ResultUnit, me: &[String], out: &mut Vec<Finding>) {
    if !(u.locked && u.changed_while_locked) {
        return;
    }
    let border_rule = policy.border_kept_whole.as_ref().filter(|_| u.flags.border);
    let citation = border_rule.map_or(PLANNER_LOCK, |r| r.citation.as_str());
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
        RuleId::Locked,
        me.to_vec(),
        zh,
        en,
        citation,
    ));
}

fn dead_unit_findings(policy: &Policy, state: &State, u: &ResultUnit, out: &mut Vec<Finding>) {
    let me = vec![label(u)];
    let into = u.absorbed_into.map(|j| &state.units[j as usize]);
    let into_name = into.map(|j| j.name.clone()).unwrap_or_default();
    if let Some(rule) = &policy.county_seat_protected
        && u.flags.county_seat
    {
        out.push(cited(
            rule,
            RuleId::CountySeat,
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
            RuleId::HistoricName,
            me.clone(),
            format!("历史文化名镇 {} 并入 {} 后名称不再保留", u.name, into_name),
            format!("historic town {} loses its name in {}", u.name, into_name),
        ));
    }
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
    fn counts_components() {
        let adj = vec![vec![1], vec![0], vec![3], vec![2]];
        assert_eq!(components(&[0, 1, 2, 3], &adj, 4), 2);
        assert_eq!(components(&[0, 1], &adj, 4), 1);
        assert_eq!(components(&[], &adj, 4), 0);
    }
}
