//! A small hand-built county for rule and evaluation tests: townships with villages
//! (户籍 and 常住 population, area), a chain adjacency, and helpers to run operations.

use quhua_core::attr::{Amount, keys};
use quhua_core::date::Date;
use quhua_core::policy::{Policy, Severity};
use quhua_core::rules::{Finding, RuleId};
use quhua_core::scenario::{Base, BaseTownship, BaseVillage, MergeTarget, Operation, Session};
use quhua_core::unit::{Flags, UnitId};
use quhua_core::{DivisionCode, TownshipKind, VillageKind};
use std::collections::{BTreeSet, HashMap};

/// A village: name, kind, 户籍人口, 常住人口 (if known), area (km²).
#[derive(Clone)]
pub struct V(
    pub &'static str,
    pub VillageKind,
    pub i64,
    pub Option<i64>,
    pub f64,
);

/// A township: name, kind, flags, villages (the first is the seat), 建成区人口.
pub struct T {
    pub name: &'static str,
    pub kind: TownshipKind,
    pub flags: Flags,
    pub villages: Vec<V>,
    pub builtup: Option<i64>,
}

pub fn t(name: &'static str, kind: TownshipKind, villages: Vec<V>) -> T {
    T {
        name,
        kind,
        flags: Flags::default(),
        villages,
        builtup: None,
    }
}

/// `n` villagers' committees named `{prefix}1…` with `pop` people each (户籍 only).
pub fn vs(prefix: &'static str, n: usize, pop: i64, area: f64) -> Vec<V> {
    (0..n)
        .map(|i| {
            let name: &'static str = Box::leak(format!("{prefix}{}村", i + 1).into_boxed_str());
            V(name, VillageKind::Villagers, pop, None, area)
        })
        .collect()
}

pub const KEYS: [&str; 4] = [
    keys::AREA_KM2,
    keys::BUILTUP_POP,
    keys::POP_HUKOU,
    keys::POP_RESIDENT,
];

pub fn county_code() -> DivisionCode {
    DivisionCode::parse("130634").expect("county code")
}

pub fn code(i: usize) -> DivisionCode {
    DivisionCode::township(county_code(), 100 + i as u16).expect("township code")
}

/// The county, its villages adjacent in a chain in the order given.
pub fn county(towns: Vec<T>) -> Base {
    let mut townships = Vec::new();
    let mut villages = Vec::new();
    for (ti, tw) in towns.into_iter().enumerate() {
        let tcode = code(ti);
        let mut sum = [None::<Amount>; 4];
        let mut members = Vec::new();
        for (vi, V(name, kind, hukou, resident, area)) in tw.villages.into_iter().enumerate() {
            let attrs = vec![
                Amount::from_f64(area),
                None,
                Some(Amount::from_int(hukou)),
                resident.map(Amount::from_int),
            ];
            for (s, a) in sum.iter_mut().zip(&attrs) {
                if let Some(a) = a {
                    *s = Some(s.unwrap_or_default() + *a);
                }
            }
            members.push(villages.len() as u32);
            villages.push(BaseVillage {
                id: UnitId(1000 + villages.len() as u32),
                code: DivisionCode::village(tcode, 200 + vi as u16).expect("village code"),
                name: name.to_string(),
                kind,
                township: ti as u32,
                attrs,
            });
        }
        sum[1] = tw.builtup.map(Amount::from_int);
        townships.push(BaseTownship {
            id: UnitId(ti as u32 + 1),
            code: tcode,
            name: tw.name.to_string(),
            kind: tw.kind,
            flags: tw.flags,
            seat_village: members.first().copied(),
            attrs: sum.to_vec(),
            villages: members,
        });
    }
    let n = villages.len();
    let adjacency = (0..n)
        .map(|i| {
            let mut a = Vec::new();
            if i > 0 {
                a.push(i as u32 - 1);
            }
            if i + 1 < n {
                a.push(i as u32 + 1);
            }
            a
        })
        .collect();
    Base {
        date: Date::from_ymd_opt(2025, 12, 31).expect("date"),
        county_code: county_code(),
        county_name: "示意县".into(),
        keys: KEYS.iter().map(|k| k.to_string()).collect(),
        pop_key: Some(2),
        area_key: Some(0),
        used_codes: townships.iter().map(|t| t.code).collect::<BTreeSet<_>>(),
        used_village_codes: villages.iter().map(|v| v.code).collect::<BTreeSet<_>>(),
        townships,
        villages,
        adjacency: Some(adjacency),
        other_names: Vec::new(),
        other_sounds: HashMap::new(),
        synthetic: true,
    }
}

pub fn policy(id: &str) -> Policy {
    Policy::builtin(id).unwrap_or_else(|| panic!("built-in policy {id}"))
}

pub fn run(base: &Base, policy: &Policy, ops: Vec<Operation>) -> Vec<Finding> {
    let mut s = Session::new(base, policy);
    for op in ops {
        s.push(op).expect("operation applies");
    }
    s.findings()
}

pub fn of(findings: &[Finding], rule: RuleId) -> Vec<&Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// The single finding of `rule`, asserting its severity and units.
pub fn only<'a>(
    findings: &'a [Finding],
    rule: RuleId,
    sev: Severity,
    units: &[&str],
) -> &'a Finding {
    let hits = of(findings, rule);
    assert_eq!(hits.len(), 1, "{rule}: {findings:#?}");
    let f = hits[0];
    assert_eq!(f.severity, sev, "{f:#?}");
    assert_eq!(f.units, units, "{f:#?}");
    f
}

pub fn merge_into(units: &[&str], into: &str) -> Operation {
    Operation::Merge {
        units: units.iter().map(|s| s.to_string()).collect(),
        target: MergeTarget::Into(into.to_string()),
    }
}

pub fn convert(unit: &str, to: TownshipKind, name: Option<&str>) -> Operation {
    Operation::Convert {
        unit: unit.into(),
        to,
        name: name.map(String::from),
    }
}

pub fn label(i: usize, name: &str) -> String {
    format!("{name}（{}）", code(i))
}
