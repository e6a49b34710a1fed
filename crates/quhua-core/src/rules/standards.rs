//! The 设镇 and 设街道 standards: a unit newly becoming a 镇 or 街道 is checked against its
//! province's standard, in the population count the standard is written in, tier by tier;
//! where the province's standard is not on file the finding says so.

use super::fmt::{
    area_en, area_zh, count_en, count_zh, density_en, density_zh, people_en, people_zh,
    people_zh_beside, percent, points_en, points_zh,
};
use super::population::{Chosen, choose};
use super::{Finding, RuleId, finding};
use crate::attr::keys;
use crate::policy::{Policy, STANDARD_BY_PROVINCE_CITATION, Severity, Threshold};
use crate::scenario::{Base, ResultUnit};
use quhua_codes::{TownshipKind, VillageKind};

/// What a threshold measures, for formatting.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantity {
    People,
    Area,
    Count,
    Share,
}

impl Quantity {
    /// `v` in Chinese, a head count kept distinct from `beside` (the standard it is read against).
    fn zh(self, v: f64, beside: f64) -> String {
        match self {
            Quantity::People => people_zh_beside(v, beside),
            q => q.zh_plain(v),
        }
    }
    fn zh_plain(self, v: f64) -> String {
        match self {
            Quantity::People => people_zh(v),
            Quantity::Area => area_zh(v),
            Quantity::Count => count_zh(v),
            Quantity::Share => percent(v),
        }
    }
    fn en(self, v: f64) -> String {
        match self {
            Quantity::People => people_en(v),
            Quantity::Area => area_en(v),
            Quantity::Count => count_en(v),
            Quantity::Share => percent(v),
        }
    }
    fn gap_zh(self, d: f64) -> String {
        match self {
            Quantity::Share => points_zh(d),
            q => q.zh_plain(d.abs()),
        }
    }
    fn gap_en(self, d: f64) -> String {
        match self {
            Quantity::Share => points_en(d),
            q => q.en(d.abs()),
        }
    }
}

/// One measured value, ready to compare with a threshold.
struct Measure {
    what_zh: String,
    what_en: String,
    quantity: Quantity,
    value: Option<f64>,
    /// A note when the count read is not the one the standard is written in.
    note: Option<(String, String)>,
    /// Population density of the unit (persons per km²), for density tiers.
    density: Option<f64>,
}

impl Measure {
    fn plain(what_zh: &str, what_en: &str, quantity: Quantity, value: Option<f64>) -> Measure {
        Measure {
            what_zh: what_zh.to_string(),
            what_en: what_en.to_string(),
            quantity,
            value,
            note: None,
            density: None,
        }
    }

    fn population(c: Option<Chosen>, prefix_zh: &str, prefix_en: &str) -> Measure {
        Measure {
            what_zh: format!("{prefix_zh}{}", c.map_or("人口", |c| c.count.zh())),
            what_en: format!("{prefix_en}{}", c.map_or("population", |c| c.count.en())),
            quantity: Quantity::People,
            value: c.map(|c| c.value),
            note: c.and_then(|c| c.note()),
            density: None,
        }
    }
}

/// The standard being applied, for messages.
struct Context<'a> {
    unit: &'a ResultUnit,
    me: &'a [String],
    rule: RuleId,
    /// 设镇 / 设街道.
    verb_zh: &'static str,
    /// town / subdistrict.
    noun_en: &'static str,
    scope_zh: String,
    scope_en: String,
}

impl Context<'_> {
    fn head_zh(&self) -> String {
        format!("{} 拟{}（{}）", self.unit.name, self.verb_zh, self.scope_zh)
    }
    fn head_en(&self) -> String {
        format!(
            "{} to become a {} ({})",
            self.unit.name, self.noun_en, self.scope_en
        )
    }
    fn push(&self, sev: Severity, zh: String, en: String, citation: &str, out: &mut Vec<Finding>) {
        out.push(finding(sev, self.rule, self.me.to_vec(), zh, en, citation));
    }
}

/// The value a threshold asks for, once its tier is known.
enum Required<'a> {
    Value(f64, Option<&'a crate::policy::Tier>),
    /// The tier depends on something the data does not say (terrain): lowest and all tiers.
    Undetermined(f64),
    /// The tier could not be found: the reason (zh, en).
    NoTier(String, String),
}

fn required(t: &Threshold, density: Option<f64>) -> Required<'_> {
    if t.tiers.is_empty() {
        return Required::Value(t.value, None);
    }
    if t.tiers.iter().all(|x| x.min_density.is_some()) {
        let Some(d) = density else {
            return Required::NoTier(
                "缺少人口或面积数据，无法确定人口密度所属档次".into(),
                "no population or area data: the density tier cannot be determined".into(),
            );
        };
        let tier = t
            .tiers
            .iter()
            .filter(|x| x.min_density.is_some_and(|m| d >= m))
            .max_by(|a, b| {
                a.min_density
                    .partial_cmp(&b.min_density)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        return match tier {
            Some(x) => Required::Value(x.value, Some(x)),
            None => Required::NoTier(
                format!("{}，低于标准所列最低档，标准未作规定", density_zh(d)),
                format!(
                    "a density of {} is below the lowest tier the standard lists",
                    density_en(d)
                ),
            ),
        };
    }
    let lowest = t
        .tiers
        .iter()
        .map(|x| x.value)
        .fold(f64::INFINITY, f64::min);
    Required::Undetermined(lowest)
}

fn tiers_listed(t: &Threshold, q: Quantity) -> (String, String) {
    let zh: Vec<String> = t
        .tiers
        .iter()
        .map(|x| format!("{}{}", x.label, q.zh_plain(x.value)))
        .collect();
    let en: Vec<String> = t
        .tiers
        .iter()
        .map(|x| format!("{} {}", x.label_en, q.en(x.value)))
        .collect();
    (zh.join("、"), en.join(", "))
}

/// Checks one threshold (`min`: a lower bound) and records a finding when it is not met or
/// cannot be checked.
fn check(ctx: &Context, t: &Option<Threshold>, m: Measure, min: bool, out: &mut Vec<Finding>) {
    let Some(t) = t else { return };
    let q = m.quantity;
    let (note_zh, note_en) = m
        .note
        .clone()
        .map(|(z, e)| (format!("；{z}"), format!("; {e}")))
        .unwrap_or_default();
    let Some(v) = m.value else {
        ctx.push(
            Severity::Info,
            format!(
                "{}：缺少“{}”数据，无法核查标准 {}",
                ctx.head_zh(),
                m.what_zh,
                q.zh_plain(t.value)
            ),
            format!(
                "{}: no {} data, the standard of {} cannot be checked",
                ctx.head_en(),
                m.what_en,
                q.en(t.value)
            ),
            &t.citation,
            out,
        );
        return;
    };
    let fails = |r: f64| if min { v < r } else { v > r };
    let (dir_zh, dir_en) = if min {
        ("低于", "below")
    } else {
        ("高于", "above")
    };
    match required(t, m.density) {
        Required::NoTier(zh, en) => ctx.push(
            Severity::Info,
            format!(
                "{}：{} {}，{zh}，未核查{note_zh}",
                ctx.head_zh(),
                m.what_zh,
                q.zh_plain(v)
            ),
            format!(
                "{}: {} {}; {en}, not checked{note_en}",
                ctx.head_en(),
                m.what_en,
                q.en(v)
            ),
            &t.citation,
            out,
        ),
        Required::Value(r, tier) => {
            let (tier_zh, tier_en) = match (tier, m.density) {
                (Some(x), Some(d)) => (
                    format!("（{}，属“{}”档）", density_zh(d), x.label),
                    format!(" ({}, tier {})", density_en(d), x.label_en),
                ),
                _ => (String::new(), String::new()),
            };
            if fails(r) {
                ctx.push(
                    t.severity,
                    format!(
                        "{}：{} {}，{dir_zh}标准 {}{tier_zh}，相差{}{note_zh}",
                        ctx.head_zh(),
                        m.what_zh,
                        q.zh(v, r),
                        q.zh_plain(r),
                        q.gap_zh(v - r)
                    ),
                    format!(
                        "{}: {} {} is {} {dir_en} the standard of {}{tier_en}{note_en}",
                        ctx.head_en(),
                        m.what_en,
                        q.en(v),
                        q.gap_en(v - r),
                        q.en(r)
                    ),
                    &t.citation,
                    out,
                );
            } else if min && m.note.is_some() {
                ctx.push(
                    Severity::Info,
                    format!(
                        "{}：{} {} 满足标准 {}{tier_zh}{note_zh}，须以标准所指人口复核",
                        ctx.head_zh(),
                        m.what_zh,
                        q.zh(v, r),
                        q.zh_plain(r)
                    ),
                    format!(
                        "{}: {} {} meets the standard of {}{tier_en}{note_en}; to be confirmed on the count the standard names",
                        ctx.head_en(),
                        m.what_en,
                        q.en(v),
                        q.en(r)
                    ),
                    &t.citation,
                    out,
                );
            }
        }
        Required::Undetermined(lowest) => {
            let (list_zh, list_en) = tiers_listed(t, q);
            if fails(lowest) {
                ctx.push(
                    t.severity,
                    format!(
                        "{}：{} {}，{dir_zh}各档中最低的标准 {}（{list_zh}）{note_zh}",
                        ctx.head_zh(),
                        m.what_zh,
                        q.zh(v, lowest),
                        q.zh_plain(lowest)
                    ),
                    format!(
                        "{}: {} {} is {dir_en} even the lowest tier's standard of {} ({list_en}){note_en}",
                        ctx.head_en(),
                        m.what_en,
                        q.en(v),
                        q.en(lowest)
                    ),
                    &t.citation,
                    out,
                );
            } else if t.tiers.iter().any(|x| fails(x.value)) {
                ctx.push(
                    Severity::Info,
                    format!(
                        "{}：{} {}，是否达标取决于本县所属档次（{list_zh}），须人工核对{note_zh}",
                        ctx.head_zh(),
                        m.what_zh,
                        q.zh_plain(v)
                    ),
                    format!(
                        "{}: whether the {} of {} meets the standard depends on the county's tier ({list_en}); to be checked by hand{note_en}",
                        ctx.head_en(),
                        m.what_en,
                        q.en(v)
                    ),
                    &t.citation,
                    out,
                );
            }
        }
    }
}

fn not_on_file(ctx: &Context, policy: &Policy, out: &mut Vec<Finding>) {
    let (whose_zh, whose_en, national_zh, national_en) = match &policy.meta.province {
        Some(p) => (
            p.clone(),
            format!(
                "the {}",
                policy.meta.name_en.as_deref().unwrap_or(p.as_str())
            ),
            "",
            "",
        ),
        None => (
            "本省".to_string(),
            "the province's".to_string(),
            "（当前为全国参考政策）",
            " (under the national reference policy)",
        ),
    };
    out.push(finding(
        Severity::Info,
        ctx.rule,
        ctx.me.to_vec(),
        format!(
            "{} 拟{}：{whose_zh}{}标准未收录{national_zh}，未作数值核查（不以其他省份的标准代替），须按本省批准的标准核对",
            ctx.unit.name, ctx.verb_zh, ctx.verb_zh
        ),
        format!(
            "{} to become a {}: {whose_en} {} standard is not on file{national_en}, so no figures were checked (no other province's standard is used instead); check against the standard the province approved",
            ctx.unit.name, ctx.noun_en, ctx.noun_en
        ),
        STANDARD_BY_PROVINCE_CITATION,
    ));
}

fn key(base: &Base, k: &str) -> Option<usize> {
    base.keys.iter().position(|x| x == k)
}

/// Findings of the 设镇/设街道 standards for unit `u`.
pub(super) fn standard_findings(
    base: &Base,
    policy: &Policy,
    u: &ResultUnit,
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
    let town = newly(TownshipKind::Town);
    let street = newly(TownshipKind::Subdistrict);
    if !town && !street {
        return;
    }
    let (scope_zh, scope_en) = match &policy.meta.province {
        Some(p) => (
            format!("{p}标准"),
            format!(
                "{} standard",
                policy.meta.name_en.as_deref().unwrap_or(p.as_str())
            ),
        ),
        None => (
            "全国参考，本省标准未收录".to_string(),
            "national reference; the province's standard is not on file".to_string(),
        ),
    };
    let ctx = Context {
        unit: u,
        me,
        rule: if town {
            RuleId::TownStandard
        } else {
            RuleId::StreetStandard
        },
        verb_zh: if town { "设镇" } else { "设街道" },
        noun_en: if town { "town" } else { "subdistrict" },
        scope_zh,
        scope_en,
    };
    let area = crate::scenario::state_pick(&u.attrs, base.area_key).map(|a| a.to_f64());
    let density = |c: Option<Chosen>| match (c, area) {
        (Some(c), Some(a)) if a > 0.0 => Some(c.value / a),
        _ => None,
    };
    let population = |t: &Option<Threshold>| {
        let c = choose(base, t.as_ref().and_then(|t| t.basis), &u.attrs);
        let mut m = Measure::population(c, "", "");
        m.density = density(c);
        m
    };
    let area_measure = || Measure::plain("面积", "area", Quantity::Area, area);
    if town {
        let Some(s) = &policy.town_standard else {
            not_on_file(&ctx, policy, out);
            return;
        };
        check(
            &ctx,
            &s.min_population,
            population(&s.min_population),
            true,
            out,
        );
        let builtup = key(base, keys::BUILTUP_POP)
            .and_then(|k| u.attrs[k])
            .map(|a| a.to_f64());
        check(
            &ctx,
            &s.min_builtup_population,
            Measure::plain(
                "建成区人口",
                "built-up-area population",
                Quantity::People,
                builtup,
            ),
            true,
            out,
        );
        if let Some(t) = &s.min_seat_population {
            let seat = u.seat_village.map(|v| &base.villages[v as usize]);
            let c = seat.and_then(|v| choose(base, t.basis, &v.attrs));
            let seat_name = seat.map_or(String::new(), |v| v.name.clone());
            let mut m = Measure::population(
                c,
                &format!("驻地村（{seat_name}）"),
                &format!("seat village ({seat_name}) "),
            );
            // The density tier is the unit's, in the count its population threshold reads.
            let unit_basis = match &s.min_population {
                Some(p) => p.basis,
                None => t.basis,
            };
            m.density = density(choose(base, unit_basis, &u.attrs));
            check(&ctx, &s.min_seat_population, m, true, out);
        }
        check(&ctx, &s.min_area_km2, area_measure(), true, out);
        check(&ctx, &s.max_area_km2, area_measure(), false, out);
    } else {
        let Some(s) = &policy.street_standard else {
            not_on_file(&ctx, policy, out);
            return;
        };
        check(
            &ctx,
            &s.min_population,
            population(&s.min_population),
            true,
            out,
        );
        check(
            &ctx,
            &s.max_population,
            population(&s.max_population),
            false,
            out,
        );
        check(&ctx, &s.min_area_km2, area_measure(), true, out);
        let residents = u
            .villages
            .iter()
            .filter(|&&v| {
                matches!(
                    base.villages[v as usize].kind,
                    VillageKind::Residents | VillageKind::SimilarResidents
                )
            })
            .count() as f64;
        let count = || {
            Measure::plain(
                "居委会（社区）数",
                "number of residents' committees",
                Quantity::Count,
                Some(residents),
            )
        };
        check(&ctx, &s.min_residents_committees, count(), true, out);
        check(&ctx, &s.max_residents_committees, count(), false, out);
        let share = (!u.villages.is_empty()).then(|| residents / u.villages.len() as f64);
        check(
            &ctx,
            &s.min_residents_share,
            Measure::plain(
                "居委会占村（居）委会比例",
                "share of residents' committees",
                Quantity::Share,
                share,
            ),
            true,
            out,
        );
    }
}
