//! The 设镇/设街道 standards of each policy, at their edges and by tier, and the citations
//! users are shown: real documents, never a file of this repository; each county under its
//! own province's policy.

mod common;

use common::county::*;
use quhua_core::policy::{Policy, Severity};
use quhua_core::rules::RuleId;
use quhua_core::scenario::{MergeTarget, NewUnitSpec, Operation};
use quhua_core::{DivisionCode, TownshipKind, VillageKind};

use TownshipKind::{EthnicTownship, Subdistrict, Town, Township};

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
