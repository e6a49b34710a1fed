//! Each county is checked against its own province's policy when a scheme names none: on
//! generated counties in every province (a survey table each, not the demo), the resolver
//! gives the province's built-in policy where one is on file and the national reference
//! elsewhere; a 撤镇设街道 is then checked against that province's standard or told that the
//! province's standard is not on file — never another province's.

use quhua_app::access::Actor;
use quhua_app::{App, imports, policy};
use quhua_core::policy::Policy;
use quhua_core::rules::RuleId;
use quhua_core::scenario::{Operation, Scenario};
use quhua_core::{DivisionCode, Level, TownshipKind};

/// The 31 provincial-level codes of the mainland.
const PROVINCES: [&str; 31] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
];

/// Province names as they appear in the policies' citations.
const NAMES: [(&str, &str); 4] = [
    ("13", "河北"),
    ("33", "浙江"),
    ("43", "湖南"),
    ("51", "四川"),
];

/// A survey table of one county with three townships of four villages (`seed` varies the
/// county code and the figures).
fn table(province: &str, seed: u64) -> (String, String) {
    let county = format!("{province}{:02}{:02}", 1 + seed % 9, 21 + seed % 7);
    let mut t = format!("代码,名称,户籍人口\n{county},示意县,\n");
    for k in 0..3u64 {
        let kind = if k == 0 { "镇" } else { "乡" };
        t.push_str(&format!("{county}{:03},示意{}{kind},\n", 100 + k, k + 1));
        for v in 0..4u64 {
            let pop = 800 + (seed * 131 + k * 17 + v * 7) % 3000;
            t.push_str(&format!(
                "{county}{:03}{:03},示意{}-{}村民委员会,{pop}\n",
                100 + k,
                200 + v,
                k + 1,
                v + 1
            ));
        }
    }
    (county, t)
}

#[test]
fn every_province_is_checked_against_its_own_policy_or_the_national_reference() {
    let operator = Actor::operator("民政局");
    for (i, province) in PROVINCES.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
        let (county, text) = table(province, i as u64 * 7 + 3);
        let file = dir.path().join("摸底表.csv");
        std::fs::write(&file, text).unwrap();
        imports::table(&app, &operator, &file, "2025-12-31", None).unwrap();

        let own = NAMES.iter().find(|(p, _)| p == province).map(|(_, n)| *n);
        let resolved = policy::resolve_named(&app, None, &county).unwrap();
        let choices = policy::choices(&county);
        assert_eq!(choices.own_province, own.is_some(), "{county}");
        assert_eq!(choices.policies[0].id, choices.default, "default first");
        match own {
            Some(_) => assert_eq!(resolved.meta.province_code.as_deref(), Some(*province)),
            None => {
                assert_eq!(resolved, Policy::default_policy(), "{county}");
                assert_eq!(choices.default, "default");
            }
        }

        // 撤镇设街道 of the town, under the resolved policy.
        let cb = quhua_app::county::load(&app, &county, &resolved).unwrap();
        let town = format!("{county}100");
        let sc = Scenario {
            name: "示意".into(),
            county: county.clone(),
            policy: None,
            base_date: None,
            note: None,
            ops: vec![Operation::Convert {
                unit: town,
                to: TownshipKind::Subdistrict,
                name: None,
            }],
        };
        let ev = quhua_core::scenario::evaluate(&cb.base, &resolved, &sc).unwrap();
        let street: Vec<_> = ev
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::StreetStandard)
            .collect();
        assert!(!street.is_empty(), "{county}: {:#?}", ev.findings);
        for f in &street {
            // No other province's name in what the planner is shown.
            for (p, name) in NAMES {
                if p != *province {
                    assert!(
                        !f.citation.contains(name) && !f.message.zh.contains(name),
                        "{county} shows {name}: {f:#?}"
                    );
                }
            }
            if own.is_none() {
                assert!(f.message.zh.contains("未收录"), "{county}: {f:#?}");
                assert!(f.message.en.contains("not on file"), "{county}: {f:#?}");
            }
        }
        let code = DivisionCode::parse(&county).unwrap();
        assert_eq!(
            code.prefix(Level::Province).to_string().get(..2),
            Some(*province)
        );
    }
}

#[test]
fn a_named_policy_wins_over_the_province_and_unknown_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
    let z = policy::resolve_named(&app, Some("zhejiang"), "130634").unwrap();
    assert_eq!(z.meta.province_code.as_deref(), Some("33"));
    let blank = policy::resolve_named(&app, Some("  "), "130634").unwrap();
    assert_eq!(blank.meta.province_code.as_deref(), Some("13"));
    let e = policy::resolve_named(&app, Some("nowhere"), "130634").unwrap_err();
    let msg = format!("{e}");
    for id in Policy::builtin_ids() {
        assert!(msg.contains(id), "the refusal lists {id}: {msg}");
    }
    // Accounts never reach a file, even one that exists.
    let file = dir.path().join("p.toml");
    std::fs::write(&file, quhua_core::policy::BUILTIN[1].1).unwrap();
    let path = file.display().to_string();
    assert!(policy::resolve_named(&app, Some(&path), "130634").is_err());
    assert!(policy::resolve(&app, Some(&path), "130634").is_ok());
}
