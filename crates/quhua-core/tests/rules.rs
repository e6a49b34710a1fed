//! One small hand-built county per rule: each test makes its rule fire and asserts the rule
//! id, the severity and the units named; and no citation shown to users points into this
//! repository.

use quhua_core::attr::{Amount, keys};
use quhua_core::date::Date;
use quhua_core::policy::{Policy, Severity};
use quhua_core::rules::{Finding, RuleId, global_findings};
use quhua_core::scenario::{
    Base, BaseTownship, BaseVillage, MergeTarget, NewUnitSpec, Operation, Session, State,
};
use quhua_core::unit::{Flags, UnitId};
use quhua_core::{DivisionCode, TownshipKind, VillageKind};
use std::collections::{BTreeSet, HashMap};

/// A village: name, kind, 户籍人口, 常住人口 (if known), area (km²).
#[derive(Clone)]
struct V(&'static str, VillageKind, i64, Option<i64>, f64);

/// A township: name, kind, flags, villages (the first is the seat), 建成区人口.
struct T {
    name: &'static str,
    kind: TownshipKind,
    flags: Flags,
    villages: Vec<V>,
    builtup: Option<i64>,
}

fn t(name: &'static str, kind: TownshipKind, villages: Vec<V>) -> T {
    T {
        name,
        kind,
        flags: Flags::default(),
        villages,
        builtup: None,
    }
}

/// `n` villagers' committees named `{prefix}1…` with `pop` people each (户籍 only).
fn vs(prefix: &'static str, n: usize, pop: i64, area: f64) -> Vec<V> {
    (0..n)
        .map(|i| {
            let name: &'static str = Box::leak(format!("{prefix}{}村", i + 1).into_boxed_str());
            V(name, VillageKind::Villagers, pop, None, area)
        })
        .collect()
}

const KEYS: [&str; 4] = [
    keys::AREA_KM2,
    keys::BUILTUP_POP,
    keys::POP_HUKOU,
    keys::POP_RESIDENT,
];

fn county_code() -> DivisionCode {
    DivisionCode::parse("130634").expect("county code")
}

fn code(i: usize) -> DivisionCode {
    DivisionCode::township(county_code(), 100 + i as u16).expect("township code")
}

/// The county, its villages adjacent in a chain in the order given.
fn county(towns: Vec<T>) -> Base {
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
        townships,
        villages,
        adjacency: Some(adjacency),
        other_names: Vec::new(),
        other_sounds: HashMap::new(),
        synthetic: true,
    }
}

fn policy(id: &str) -> Policy {
    Policy::builtin(id).unwrap_or_else(|| panic!("built-in policy {id}"))
}

fn run(base: &Base, policy: &Policy, ops: Vec<Operation>) -> Vec<Finding> {
    let mut s = Session::new(base, policy);
    for op in ops {
        s.push(op).expect("operation applies");
    }
    s.findings()
}

fn of(findings: &[Finding], rule: RuleId) -> Vec<&Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// The single finding of `rule`, asserting its severity and units.
fn only<'a>(findings: &'a [Finding], rule: RuleId, sev: Severity, units: &[&str]) -> &'a Finding {
    let hits = of(findings, rule);
    assert_eq!(hits.len(), 1, "{rule}: {findings:#?}");
    let f = hits[0];
    assert_eq!(f.severity, sev, "{f:#?}");
    assert_eq!(f.units, units, "{f:#?}");
    f
}

fn merge_into(units: &[&str], into: &str) -> Operation {
    Operation::Merge {
        units: units.iter().map(|s| s.to_string()).collect(),
        target: MergeTarget::Into(into.to_string()),
    }
}

fn convert(unit: &str, to: TownshipKind, name: Option<&str>) -> Operation {
    Operation::Convert {
        unit: unit.into(),
        to,
        name: name.map(String::from),
    }
}

fn label(i: usize, name: &str) -> String {
    format!("{name}（{}）", code(i))
}

use TownshipKind::{EthnicTownship, Subdistrict, Town, Township};

#[test]
fn area_cap_fires_on_a_changed_unit_and_is_only_noted_on_an_unchanged_one() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 60.0)),
        t("西乡", Township, vs("西", 2, 9000, 50.0)),
        t("大山乡", Township, vs("山", 1, 9000, 210.0)),
    ]);
    let p = policy("zhejiang");
    let f = run(&base, &p, vec![merge_into(&["西乡"], "东镇")]);
    let caps = of(&f, RuleId::AreaCap);
    assert_eq!(caps.len(), 2, "{f:#?}");
    let changed = caps
        .iter()
        .find(|x| x.units == [label(0, "东镇")])
        .expect("东镇");
    assert_eq!(changed.severity, Severity::Warning);
    assert!(
        changed.message.zh.contains("220平方公里") && changed.message.zh.contains("200平方公里")
    );
    assert!(
        changed.message.en.contains("220 km²"),
        "{}",
        changed.message.en
    );
    let unchanged = caps
        .iter()
        .find(|x| x.units == [label(2, "大山乡")])
        .expect("大山乡");
    assert_eq!(unchanged.severity, Severity::Info);
    // A conversion alone is a change too: 撤乡设镇 of 大山乡 (210 km²) meets the cap in full.
    let f = run(&base, &p, vec![convert("大山乡", Town, None)]);
    let converted = of(&f, RuleId::AreaCap)
        .into_iter()
        .find(|x| x.message.zh.starts_with("大山镇"))
        .expect("大山镇");
    assert_eq!(converted.severity, Severity::Warning, "{converted:#?}");
    // Without the merge, 东镇 (120 km²) is under the cap.
    let none = run(&base, &p, vec![]);
    assert!(
        !none
            .iter()
            .any(|x| x.rule == RuleId::AreaCap && x.severity == Severity::Warning)
    );
}

#[test]
fn population_floor_names_the_small_unit_in_the_count_it_reads() {
    let base = county(vec![
        t("东镇", Town, vs("东", 3, 10000, 30.0)),
        t("小乡", Township, vs("小", 1, 15000, 30.0)),
    ]);
    let f = run(&base, &Policy::default_policy(), vec![]);
    let x = only(
        &f,
        RuleId::PopulationFloor,
        Severity::Info,
        &[&label(1, "小乡")],
    );
    assert!(
        x.message.zh.contains("户籍人口 1.5万人，低于下限 2万人"),
        "{}",
        x.message.zh
    );
    assert!(x.message.en.contains("15,000") && x.message.en.contains("20,000"));
}

#[test]
fn population_floor_either_count_suffices_when_the_standard_says_so() {
    // Zhejiang: 户籍人口或常住人口2.5万以上 — 常住 26,000 meets it although 户籍 is 20,000.
    let base = county(vec![
        t("东镇", Town, vs("东", 3, 10000, 30.0)),
        t(
            "小乡",
            Township,
            vec![V("小1村", VillageKind::Villagers, 20000, Some(26000), 30.0)],
        ),
    ]);
    let f = run(&base, &policy("zhejiang"), vec![]);
    assert!(of(&f, RuleId::PopulationFloor).is_empty(), "{f:#?}");
}

#[test]
fn a_unit_exactly_at_the_cap_or_the_floor_meets_it() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 10000, 100.0)),
        t("西乡", Township, vs("西", 1, 20000, 30.0)),
    ]);
    let f = run(&base, &policy("zhejiang"), vec![]);
    assert!(of(&f, RuleId::AreaCap).is_empty(), "{f:#?}");
    let f = run(&base, &Policy::default_policy(), vec![]);
    assert!(of(&f, RuleId::PopulationFloor).is_empty(), "{f:#?}");
}

#[test]
fn population_floor_either_count_takes_the_larger() {
    // 户籍 26,000 meets 2.5万 although 常住 is only 20,000.
    let base = county(vec![
        t("东镇", Town, vs("东", 3, 10000, 30.0)),
        t(
            "小乡",
            Township,
            vec![V("小1村", VillageKind::Villagers, 26000, Some(20000), 30.0)],
        ),
    ]);
    let f = run(&base, &policy("zhejiang"), vec![]);
    assert!(of(&f, RuleId::PopulationFloor).is_empty(), "{f:#?}");
}

#[test]
fn population_floor_on_the_resident_count_says_so() {
    // The county's population key is 常住人口: the floor reads and names it.
    let mut base = county(vec![
        t("东镇", Town, vs("东", 3, 10000, 30.0)),
        t(
            "小乡",
            Township,
            vec![V("小1村", VillageKind::Villagers, 30000, Some(15000), 30.0)],
        ),
    ]);
    base.pop_key = base.keys.iter().position(|k| k == keys::POP_RESIDENT);
    let f = run(&base, &Policy::default_policy(), vec![]);
    let x = only(
        &f,
        RuleId::PopulationFloor,
        Severity::Info,
        &[&label(1, "小乡")],
    );
    assert!(
        x.message.zh.contains("常住人口 1.5万人，低于下限 2万人"),
        "{}",
        x.message.zh
    );
}

#[test]
fn county_seat_losing_villages_or_merged_away_is_an_error() {
    let mk = || {
        let mut seat = t("城关镇", Town, vs("城", 3, 10000, 20.0));
        seat.flags.county_seat = true;
        county(vec![seat, t("北乡", Township, vs("北", 2, 10000, 20.0))])
    };
    let base = mk();
    let p = Policy::default_policy();
    let f = run(
        &base,
        &p,
        vec![Operation::Transfer {
            villages: vec!["城3村".into()],
            to: "北乡".into(),
        }],
    );
    only(
        &f,
        RuleId::CountySeat,
        Severity::Error,
        &[&label(0, "城关镇")],
    );
    let f = run(&base, &p, vec![merge_into(&["城关镇"], "北乡")]);
    let x = only(
        &f,
        RuleId::CountySeat,
        Severity::Error,
        &[&label(0, "城关镇")],
    );
    assert!(x.message.zh.contains("并入 北乡"));
}

#[test]
fn locked_and_border_units_changed_are_errors_with_their_own_basis() {
    let mut border = t("口岸乡", Township, vs("口", 2, 9000, 20.0));
    border.flags.border = true;
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
        border,
    ]);
    let p = Policy::default_policy();
    let f = run(
        &base,
        &p,
        vec![
            Operation::Lock {
                units: vec!["东镇".into()],
            },
            merge_into(&["西乡"], "东镇"),
        ],
    );
    let x = only(&f, RuleId::Locked, Severity::Error, &[&label(0, "东镇")]);
    assert!(x.citation.contains("方案编制人员锁定"), "{}", x.citation);
    let f = run(&base, &p, vec![merge_into(&["口岸乡"], "西乡")]);
    let x = only(&f, RuleId::Locked, Severity::Error, &[&label(2, "口岸乡")]);
    assert!(
        x.citation.contains("《行政区划管理条例》"),
        "{}",
        x.citation
    );
}

#[test]
fn historic_town_renamed_or_merged_under_another_name() {
    let mut old = t("古城镇", Town, vs("古", 2, 9000, 20.0));
    old.flags.historic = true;
    let base = county(vec![old, t("新乡", Township, vs("新", 2, 9000, 20.0))]);
    let p = Policy::default_policy();
    let f = run(
        &base,
        &p,
        vec![Operation::Rename {
            unit: "古城镇".into(),
            name: "新城镇".into(),
        }],
    );
    only(
        &f,
        RuleId::HistoricName,
        Severity::Warning,
        &[&label(0, "新城镇")],
    );
    let f = run(&base, &p, vec![merge_into(&["古城镇"], "新乡")]);
    only(
        &f,
        RuleId::HistoricName,
        Severity::Warning,
        &[&label(0, "古城镇")],
    );
}

#[test]
fn merging_an_ethnic_township_needs_consultation() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("大滩回族乡", EthnicTownship, vs("滩", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
    ]);
    let p = Policy::default_policy();
    let f = run(&base, &p, vec![merge_into(&["大滩回族乡"], "东镇")]);
    let x = only(
        &f,
        RuleId::EthnicConsultation,
        Severity::Warning,
        &[&label(0, "东镇")],
    );
    assert!(x.message.zh.contains("大滩回族乡"));
    // A merger that leaves the 民族乡 alone raises nothing.
    let f = run(&base, &p, vec![merge_into(&["西乡"], "东镇")]);
    assert!(of(&f, RuleId::EthnicConsultation).is_empty());
}

#[test]
fn duplicate_names_in_the_county_and_in_the_province() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("西镇", Town, vs("西", 2, 9000, 20.0)),
    ])
    .with_other_names(vec!["南镇".into()]);
    let p = Policy::default_policy();
    let rename = |name: &str| Operation::Rename {
        unit: "西镇".into(),
        name: name.into(),
    };
    let f = run(&base, &p, vec![rename("东镇")]);
    only(
        &f,
        RuleId::UniqueName,
        Severity::Error,
        &[&label(0, "东镇"), &label(1, "东镇")],
    );
    let f = run(&base, &p, vec![rename("南镇")]);
    let x = only(
        &f,
        RuleId::UniqueName,
        Severity::Error,
        &[&label(1, "南镇")],
    );
    assert!(x.message.zh.contains("省内其他县"));
}

#[test]
fn homophones_in_the_province_and_in_the_county() {
    let base = county(vec![
        t("夏河镇", Town, vs("夏", 2, 9000, 20.0)),
        t("西镇", Town, vs("西", 2, 9000, 20.0)),
    ])
    .with_other_names(vec!["柳林镇".into()]);
    let p = Policy::default_policy();
    let rename = |name: &str| Operation::Rename {
        unit: "西镇".into(),
        name: name.into(),
    };
    let f = run(&base, &p, vec![rename("下河镇")]);
    let x = only(
        &f,
        RuleId::Homophone,
        Severity::Warning,
        &[&label(1, "下河镇")],
    );
    assert!(x.message.zh.contains("县内“夏河镇”"), "{}", x.message.zh);
    let f = run(&base, &p, vec![rename("刘林镇")]);
    let x = only(
        &f,
        RuleId::Homophone,
        Severity::Warning,
        &[&label(1, "刘林镇")],
    );
    assert!(x.message.zh.contains("省内“柳林镇”"), "{}", x.message.zh);
}

#[test]
fn more_units_than_before_breaks_no_increase() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
        t("北乡", Township, vs("北", 2, 9000, 20.0)),
    ]);
    let p = policy("hunan");
    let state = State::new(&base);
    let f = global_findings(&base, &p, &state, 2);
    let x = only(&f, RuleId::NoIncrease, Severity::Warning, &[]);
    assert!(x.message.zh.contains("由 2 个增至 3 个"));
    assert!(
        global_findings(&base, &p, &state, 3)
            .iter()
            .all(|f| f.rule != RuleId::NoIncrease)
    );
    // The national reference has no such rule: it is Hunan's.
    assert!(global_findings(&base, &Policy::default_policy(), &state, 2).is_empty());
}

#[test]
fn non_contiguous_merge_and_unchecked_contiguity() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("中乡", Township, vs("中", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
    ]);
    let p = Policy::default_policy();
    let f = run(&base, &p, vec![merge_into(&["西乡"], "东镇")]);
    let x = only(
        &f,
        RuleId::Contiguity,
        Severity::Error,
        &[&label(0, "东镇")],
    );
    assert!(x.message.zh.contains("分为 2 块"));
    let f = run(&base, &p, vec![merge_into(&["中乡"], "东镇")]);
    assert!(of(&f, RuleId::Contiguity).is_empty(), "{f:#?}");
    let mut blind = base.clone();
    blind.adjacency = None;
    let f = run(&blind, &p, vec![merge_into(&["中乡"], "东镇")]);
    only(
        &f,
        RuleId::ContiguityUnchecked,
        Severity::Info,
        &[&label(0, "东镇")],
    );
}

#[test]
fn a_name_that_does_not_match_the_kind_is_a_finding() {
    let base = county(vec![
        t("北台镇", Town, vs("北", 2, 9000, 20.0)),
        t("南乡", Township, vs("南", 2, 9000, 20.0)),
        t("东乡", Township, vs("东", 2, 9000, 20.0)),
    ]);
    let p = Policy::default_policy();
    // A 乡 named 北台镇.
    let f = run(&base, &p, vec![convert("北台镇", Township, Some("北台镇"))]);
    let x = only(&f, RuleId::NameKind, Severity::Warning, &["北台镇（新设）"]);
    assert!(
        x.message.zh.contains("建制类型为乡") && x.message.zh.contains("“镇”结尾"),
        "{}",
        x.message.zh
    );
    assert!(x.citation.contains("《地名管理条例》"));
    // A 民族乡 should end in 族乡.
    let f = run(
        &base,
        &p,
        vec![convert("东乡", EthnicTownship, Some("东山镇"))],
    );
    let x = only(&f, RuleId::NameKind, Severity::Warning, &["东山镇（新设）"]);
    assert!(x.message.zh.contains("“族乡”结尾"), "{}", x.message.zh);
    // A 镇 named …乡 (renamed).
    let f = run(
        &base,
        &p,
        vec![Operation::Rename {
            unit: "北台镇".into(),
            name: "北台乡".into(),
        }],
    );
    only(
        &f,
        RuleId::NameKind,
        Severity::Warning,
        &[&label(0, "北台乡")],
    );
    // A 街道 named …镇.
    let f = run(
        &base,
        &p,
        vec![convert("南乡", Subdistrict, Some("南关镇"))],
    );
    only(&f, RuleId::NameKind, Severity::Warning, &["南关镇（新设）"]);
    // The default names fit: 南乡 → 南街道, 东乡 → 东镇 … no finding.
    let f = run(
        &base,
        &p,
        vec![
            convert("南乡", Subdistrict, None),
            convert("东乡", Town, None),
        ],
    );
    assert!(of(&f, RuleId::NameKind).is_empty(), "{f:#?}");
}

#[test]
fn hebei_town_standard_picks_the_density_tier() {
    // 35,000 people on 100 km²: 350 per km², the 151–350 tier, which asks for 40,000.
    let mut village = vs("北", 5, 7000, 20.0);
    village[0].3 = Some(5000); // the seat village: 常住 5,000 < 6,000 for that tier
    let base = county(vec![
        t("北台乡", Township, village),
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
    ]);
    let choice = Policy::for_county(base.county_code);
    assert_eq!(choice.id, "hebei");
    let f = run(&base, &choice.policy, vec![convert("北台乡", Town, None)]);
    let hits = of(&f, RuleId::TownStandard);
    assert_eq!(hits.len(), 2, "{f:#?}");
    assert!(
        hits.iter()
            .all(|x| x.severity == Severity::Warning && x.units == ["北台镇（新设）"])
    );
    let pop = hits
        .iter()
        .find(|x| x.message.zh.contains("户籍人口 3.5万人"))
        .expect("population");
    assert!(
        pop.message.zh.contains("低于标准 4万人"),
        "{}",
        pop.message.zh
    );
    assert!(
        pop.message.zh.contains("每平方公里350人"),
        "{}",
        pop.message.zh
    );
    assert!(pop.message.zh.contains("河北省标准"));
    assert!(
        pop.message.en.contains("35,000") && pop.message.en.contains("40,000"),
        "{}",
        pop.message.en
    );
    let seat = hits
        .iter()
        .find(|x| x.message.zh.contains("驻地村"))
        .expect("seat village");
    assert!(
        seat.message.zh.contains("常住人口 5000人，低于标准 6000人"),
        "{}",
        seat.message.zh
    );
    // 45,000 people on 100 km² (450 per km²) ask for 50,000.
    let base = county(vec![t("北台乡", Township, vs("北", 5, 9000, 20.0))]);
    let f = run(&base, &choice.policy, vec![convert("北台乡", Town, None)]);
    assert!(
        f.iter()
            .any(|x| x.rule == RuleId::TownStandard && x.message.zh.contains("低于标准 5万人"))
    );
}

#[test]
fn zhejiang_town_standard_checks_builtup_population_and_the_area_range_at_their_edges() {
    let zhejiang = policy("zhejiang");
    let town_findings = |area: f64, builtup: i64| {
        let mut xiang = t("北台乡", Township, vs("北", 2, 15000, area / 2.0));
        xiang.builtup = Some(builtup);
        let base = county(vec![xiang, t("东镇", Town, vs("东", 2, 9000, 20.0))]);
        let f = run(&base, &zhejiang, vec![convert("北台乡", Town, None)]);
        of(&f, RuleId::TownStandard)
            .into_iter()
            .map(|x| x.message.zh.clone())
            .collect::<Vec<_>>()
    };
    // Exactly on the standard (200 km², 4000 people in the built-up area): it is met.
    assert_eq!(town_findings(200.0, 4000), Vec::<String>::new());
    let f = town_findings(201.0, 3999);
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(
        f.iter()
            .any(|m| m.contains("建成区人口 3999人，低于标准 4000人")),
        "{f:#?}"
    );
    assert!(
        f.iter()
            .any(|m| m.contains("面积 201平方公里，高于标准 200平方公里")),
        "{f:#?}"
    );
}

#[test]
fn a_new_town_from_towns_alone_is_not_checked_against_the_town_standard() {
    let base = county(vec![
        t("北镇", Town, vs("北", 2, 3000, 20.0)),
        t("南镇", Town, vs("南", 2, 3000, 20.0)),
        t("西乡", Township, vs("西", 2, 3000, 20.0)),
    ]);
    let merge_new = |units: &[&str]| Operation::Merge {
        units: units.iter().map(|s| s.to_string()).collect(),
        target: MergeTarget::New(NewUnitSpec {
            name: "新城镇".into(),
            kind: Town,
            seat: None,
        }),
    };
    let p = Policy::for_county(base.county_code).policy;
    let f = run(&base, &p, vec![merge_new(&["北镇", "南镇"])]);
    assert!(of(&f, RuleId::TownStandard).is_empty(), "{f:#?}");
    // With a 乡 among its members the new 镇 must meet the standard.
    let f = run(&base, &p, vec![merge_new(&["北镇", "西乡"])]);
    assert!(
        of(&f, RuleId::TownStandard)
            .iter()
            .all(|x| x.units == ["新城镇（新设）"]),
        "{f:#?}"
    );
    assert!(!of(&f, RuleId::TownStandard).is_empty(), "{f:#?}");
}

#[test]
fn a_unit_without_area_has_no_density_tier() {
    // Hebei's town standard is by density; with 0 km² no tier can be chosen.
    let base = county(vec![
        t("北台乡", Township, vs("北", 5, 7000, 0.0)),
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
    ]);
    let p = Policy::for_county(base.county_code).policy;
    let f = run(&base, &p, vec![convert("北台乡", Town, None)]);
    let x = of(&f, RuleId::TownStandard)
        .into_iter()
        .find(|x| x.message.zh.contains("户籍人口"))
        .expect("population finding");
    assert_eq!(x.severity, Severity::Info);
    assert!(
        x.message.zh.contains("无法确定人口密度所属档次"),
        "{}",
        x.message.zh
    );
}

#[test]
fn street_standard_reads_the_resident_count_and_says_when_only_hukou_exists() {
    // The demo bug: 42,424 户籍 against a 常住 standard, printed as "42424.00低于标准 50000".
    let base = county(vec![
        t("城关镇", Town, vs("城", 4, 10606, 10.0)),
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
    ]);
    let f = run(
        &base,
        &policy("hunan"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let x = of(&f, RuleId::StreetStandard)
        .into_iter()
        .find(|x| x.message.zh.contains("人口"))
        .expect("population finding");
    assert_eq!(x.severity, Severity::Warning);
    assert_eq!(x.units, ["城关街道（新设）"]);
    assert!(
        x.message.zh.contains("户籍人口 4.24万人，低于标准 5万人"),
        "{}",
        x.message.zh
    );
    assert!(
        x.message.zh.contains("缺少常住人口数据，按户籍人口核查"),
        "{}",
        x.message.zh
    );
    assert!(x.message.zh.contains("相差7576人"), "{}", x.message.zh);
    assert!(
        x.message
            .en
            .contains("no resident population data: checked on the registered population"),
        "{}",
        x.message.en
    );
    assert!(
        x.message.en.contains("42,424") && x.message.en.contains("50,000"),
        "{}",
        x.message.en
    );
    assert!(!x.message.zh.contains(".00"));
    // With 常住 data the 常住 count is used and no note is added.
    let mut vill = vs("城", 4, 10606, 10.0);
    for v in &mut vill {
        v.3 = Some(13000);
    }
    let base = county(vec![
        t("城关镇", Town, vill),
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
    ]);
    let f = run(
        &base,
        &policy("hunan"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    assert!(
        of(&f, RuleId::StreetStandard)
            .iter()
            .all(|x| !x.message.zh.contains("人口 ")),
        "{f:#?}"
    );
}

#[test]
fn a_count_just_below_the_standard_is_not_printed_as_the_standard() {
    let base = county(vec![
        t(
            "城关镇",
            Town,
            vec![V("城1村", VillageKind::Villagers, 40000, Some(49999), 10.0)],
        ),
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
    ]);
    let f = run(
        &base,
        &policy("hunan"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let x = of(&f, RuleId::StreetStandard)
        .into_iter()
        .find(|x| x.message.zh.contains("人口"))
        .expect("population finding");
    assert!(
        x.message
            .zh
            .contains("常住人口 4.9999万人，低于标准 5万人，相差1人"),
        "{}",
        x.message.zh
    );
    assert!(
        x.message.zh.starts_with("城关街道 拟设街道（")
            && x.message
                .en
                .starts_with("城关街道 to become a subdistrict (")
            && x.message
                .en
                .contains("49,999 is 1 below the standard of 50,000"),
        "{} / {}",
        x.message.zh,
        x.message.en
    );
}

#[test]
fn street_standard_share_is_in_percent_and_percentage_points() {
    let mut vill = vs("城", 10, 6000, 4.0);
    vill[0].1 = VillageKind::Residents;
    vill[1].1 = VillageKind::Residents;
    let base = county(vec![t("城关镇", Town, vill)]);
    let f = run(
        &base,
        &policy("hunan"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let x = of(&f, RuleId::StreetStandard)
        .into_iter()
        .find(|x| x.message.zh.contains("比例"))
        .expect("share finding");
    assert_eq!(x.severity, Severity::Warning);
    assert!(
        x.message.zh.contains("20%，低于标准 30%") && x.message.zh.contains("10个百分点"),
        "{}",
        x.message.zh
    );
    assert!(
        x.message.en.contains("10 percentage points below"),
        "{}",
        x.message.en
    );
}

#[test]
fn hebei_street_standard_counts_residents_committees() {
    let mut vill = vs("城", 10, 7000, 1.0);
    for v in vill.iter_mut().take(8) {
        v.1 = VillageKind::Residents;
    }
    let base = county(vec![t("城关镇", Town, vill)]);
    let f = run(
        &base,
        &policy("hebei"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let street = of(&f, RuleId::StreetStandard);
    assert!(
        street.iter().all(|x| x.units == ["城关街道（新设）"]),
        "{f:#?}"
    );
    let count = street
        .iter()
        .find(|x| x.message.zh.contains("居委会（社区）数"))
        .expect("count finding");
    assert_eq!(count.severity, Severity::Warning);
    assert!(
        count.message.zh.contains("8个，低于标准 12个"),
        "{}",
        count.message.zh
    );
    // 10 km² meets 9 km²: no area finding.
    assert!(
        !street.iter().any(|x| x.message.zh.contains("面积")),
        "{f:#?}"
    );
    // 7万 户籍 meets 6万 but the standard counts residents: said so, as information.
    let pop = street
        .iter()
        .find(|x| x.message.zh.contains("户籍人口 7万人"))
        .expect("population note");
    assert_eq!(pop.severity, Severity::Info);
    assert!(
        pop.message.zh.contains("缺少常住人口数据"),
        "{}",
        pop.message.zh
    );
}

#[test]
fn a_standard_not_on_file_says_so_instead_of_borrowing() {
    let base = county(vec![
        t("北台乡", Township, vs("北", 2, 9000, 20.0)),
        t("城关镇", Town, vs("城", 2, 9000, 20.0)),
    ]);
    // Sichuan: no 设街道 standard on file.
    let f = run(
        &base,
        &policy("sichuan"),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let x = only(
        &f,
        RuleId::StreetStandard,
        Severity::Info,
        &["城关街道（新设）"],
    );
    assert!(
        x.message.zh.contains("四川省设街道标准未收录"),
        "{}",
        x.message.zh
    );
    assert!(x.citation.contains("《行政区划管理条例》") && x.citation.contains("第十一条"));
    // Hunan: no 设镇 standard on file.
    let f = run(&base, &policy("hunan"), vec![convert("北台乡", Town, None)]);
    let x = only(
        &f,
        RuleId::TownStandard,
        Severity::Info,
        &["北台镇（新设）"],
    );
    assert!(x.message.zh.contains("湖南省设镇标准未收录"));
    // The national reference has no 设街道 standard at all.
    let f = run(
        &base,
        &Policy::default_policy(),
        vec![convert("城关镇", Subdistrict, None)],
    );
    let x = only(
        &f,
        RuleId::StreetStandard,
        Severity::Info,
        &["城关街道（新设）"],
    );
    assert!(
        x.message.zh.contains("本省设街道标准未收录"),
        "{}",
        x.message.zh
    );
}

#[test]
fn sichuan_town_standard_by_terrain_flags_below_the_lowest_and_asks_between() {
    let p = policy("sichuan");
    let small = county(vec![t("北台乡", Township, vs("北", 2, 4000, 20.0))]);
    let f = run(&small, &p, vec![convert("北台乡", Town, None)]);
    let x = only(
        &f,
        RuleId::TownStandard,
        Severity::Warning,
        &["北台镇（新设）"],
    );
    assert!(
        x.message.zh.contains("8000人") && x.message.zh.contains("1万人"),
        "{}",
        x.message.zh
    );
    assert!(x.message.zh.contains("平原地区6万人"), "{}", x.message.zh);
    let mid = county(vec![t("北台乡", Township, vs("北", 2, 10000, 20.0))]);
    let f = run(&mid, &p, vec![convert("北台乡", Town, None)]);
    let x = only(
        &f,
        RuleId::TownStandard,
        Severity::Info,
        &["北台镇（新设）"],
    );
    assert!(
        x.message.zh.contains("取决于本县所属档次"),
        "{}",
        x.message.zh
    );
    let big = county(vec![t("北台乡", Township, vs("北", 2, 31000, 20.0))]);
    let f = run(&big, &p, vec![convert("北台乡", Town, None)]);
    assert!(of(&f, RuleId::TownStandard).is_empty(), "{f:#?}");
}

/// Every citation text of every built-in policy, and the policy notes.
fn shown_texts(p: &Policy) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if matches!(k.as_str(), "citation" | "note" | "name" | "label")
                        && let Some(s) = x.as_str()
                    {
                        out.push(s.to_string());
                    }
                    walk(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(p).expect("serialises"), &mut out);
    out
}

fn points_into_the_repository(s: &str) -> bool {
    [
        ".md",
        ".toml",
        ".rs",
        "DESIGN",
        "procedure",
        "codes.md",
        "crates/",
        "§",
        "STACK",
    ]
    .iter()
    .any(|bad| s.contains(bad))
}

#[test]
fn no_citation_points_into_the_repository() {
    for id in Policy::builtin_ids() {
        let p = policy(id);
        let texts = shown_texts(&p);
        assert!(texts.len() > 5, "{id}");
        for s in texts {
            assert!(!points_into_the_repository(&s), "{id}: {s}");
        }
    }
    // And the findings themselves, on a scheme that fires most rules, under every policy.
    let mut seat = t("城关镇", Town, vs("城", 3, 20000, 40.0));
    seat.flags.county_seat = true;
    let mut old = t("古城镇", Town, vs("古", 2, 9000, 150.0));
    old.flags.historic = true;
    let base = county(vec![
        seat,
        old,
        t("大滩回族乡", EthnicTownship, vs("滩", 2, 9000, 20.0)),
        t("北台乡", Township, vs("北", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
    ]);
    for id in Policy::builtin_ids() {
        let p = policy(id);
        let f = run(
            &base,
            &p,
            vec![
                merge_into(&["城关镇"], "古城镇"),
                merge_into(&["大滩回族乡"], "北台乡"),
                convert("西乡", Subdistrict, Some("西乡镇")),
                convert("北台乡", Town, None),
            ],
        );
        assert!(f.len() >= 5, "{id}: {f:#?}");
        for x in &f {
            assert!(!points_into_the_repository(&x.citation), "{id}: {x:#?}");
            assert!(!x.citation.trim().is_empty(), "{id}: {x:#?}");
            assert!(
                !x.message.zh.contains(".00") && !x.message.en.contains(".00"),
                "{x:#?}"
            );
        }
    }
}

#[test]
fn the_national_reference_cites_no_province() {
    let p = Policy::default_policy();
    assert!(p.meta.province.is_none() && p.meta.province_code.is_none());
    let provinces = [
        "湘", "湖南", "山东", "鲁", "浙", "冀", "河北", "川府", "四川", "豫", "河南",
    ];
    for s in shown_texts(&p) {
        for name in provinces {
            assert!(!s.contains(name), "default policy mentions {name}: {s}");
        }
    }
    assert!(p.street_standard.is_none());
    assert!(p.no_increase.is_none());
}

#[test]
fn each_county_gets_its_own_province_policy() {
    let cases = [
        ("130634", "hebei"),
        ("330106", "zhejiang"),
        ("430124", "hunan"),
        ("510722", "sichuan"),
        ("370102", "default"),
    ];
    for (county, want) in cases {
        let c = DivisionCode::parse(county).expect("code");
        let got = Policy::for_county(c);
        assert_eq!(got.id, want, "{county}");
        assert_eq!(got.own_province, want != "default");
        if want != "default" {
            assert_eq!(got.policy.meta.province_code.as_deref(), Some(&county[..2]));
        }
    }
}
