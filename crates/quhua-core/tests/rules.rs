//! One small hand-built county per rule: each test makes its rule fire and asserts the rule
//! id, the severity and the units named. The 设镇/设街道 standards and the policies' citations
//! are in `standards.rs`.

mod common;

use common::county::*;
use quhua_core::attr::keys;
use quhua_core::policy::{Policy, Severity};
use quhua_core::rules::{RuleId, global_findings};
use quhua_core::scenario::{Operation, Session, State};
use quhua_core::{TownshipKind, VillageKind};

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
fn the_evaluation_counts_its_findings_by_severity() {
    let base = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 60.0)),
        t("西乡", Township, vs("西", 2, 9000, 50.0)),
        t("大山乡", Township, vs("山", 1, 9000, 210.0)),
    ]);
    let p = policy("zhejiang");
    let mut s = Session::new(&base, &p);
    s.push(merge_into(&["西乡"], "东镇")).unwrap();
    let ev = s.evaluation();
    let mut want = (0, 0, 0);
    for f in &ev.findings {
        match f.severity {
            Severity::Error => want.0 += 1,
            Severity::Warning => want.1 += 1,
            Severity::Info => want.2 += 1,
        }
    }
    assert!(want.1 >= 1 && want.2 >= 1, "{:#?}", ev.findings);
    assert_eq!(ev.finding_counts(), want);
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
