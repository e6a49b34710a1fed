//! The demo county: real codes, the real 撤乡设镇 codes, synthetic figures that add up,
//! schematic geometry that tiles, and a sample scheme that evaluates cleanly.

use quhua_core::attr::keys;
use quhua_core::policy::{Policy, Severity};
use quhua_core::registry::Direction;
use quhua_core::scenario::evaluate;
use quhua_core::{DivisionCode, Level};
use quhua_demo::{Demo, genesis_date, mca_list_date};

#[test]
fn registry_holds_the_real_lists_and_conversions() {
    let demo = Demo::load().unwrap();
    let nbs = demo.registry.as_of(genesis_date());
    assert_eq!(nbs.at_level(Level::Township).count(), 18);
    assert_eq!(nbs.at_level(Level::Village).count(), 378);
    let now = demo.registry.as_of(mca_list_date());
    // The registry's own code assignment reproduces the real 民政部 codes 112 and 113.
    for (old, new, name) in [
        ("130634210", "130634112", "党城镇"),
        ("130634211", "130634113", "郎家庄镇"),
    ] {
        let u = now.by_code(DivisionCode::parse(new).unwrap()).expect(new);
        assert_eq!(u.name, name);
        let old_id = demo
            .registry
            .unit_by_code(DivisionCode::parse(old).unwrap())
            .unwrap();
        let steps = demo.registry.lineage(old_id, Direction::Forward);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].to, u.id);
        assert_eq!(steps[0].kind.zh(), "撤乡设镇");
        assert!(now.get(old_id).is_none());
    }
    assert_eq!(now.at_level(Level::Township).count(), 18);
}

#[test]
fn synthetic_figures_add_up_and_are_calibrated() {
    let demo = Demo::load().unwrap();
    let s = demo.registry.as_of(mca_list_date());
    let mut total = 0.0;
    for t in s.at_level(Level::Township) {
        let pop = t.attrs[keys::POP_HUKOU].value;
        let vsum: quhua_core::attr::Amount = s
            .children(t.id)
            .iter()
            .map(|v| s.get(*v).unwrap().attrs[keys::POP_HUKOU].value)
            .sum();
        assert_eq!(pop, vsum, "{}", t.name);
        let area = t.attrs[keys::AREA_KM2].value;
        let asum: quhua_core::attr::Amount = s
            .children(t.id)
            .iter()
            .map(|v| s.get(*v).unwrap().attrs[keys::AREA_KM2].value)
            .sum();
        assert_eq!(area, asum, "{}", t.name);
        total += pop.to_f64();
        assert!(demo.registry.sources()[t.attrs[keys::POP_HUKOU].source as usize].synthetic);
    }
    assert_eq!(total, 22_000.0 * 18.0);
    let area: f64 = demo.geometry.areas_km2.iter().sum();
    assert!((area - 1084.0).abs() / 1084.0 < 0.01, "{area}");
}

#[test]
fn generation_is_reproducible() {
    let a = Demo::load().unwrap();
    let b = Demo::load().unwrap();
    assert_eq!(
        serde_json::to_string(&a.registry).unwrap(),
        serde_json::to_string(&b.registry).unwrap()
    );
    assert_eq!(a.geometry.polygons, b.geometry.polygons);
}

#[test]
fn sample_scheme_evaluates() {
    let demo = Demo::load().unwrap();
    let policy = Policy::default_policy();
    let base = demo.base(None, &policy).unwrap();
    let ev = evaluate(&base, &policy, &Demo::sample_scenario().unwrap()).unwrap();
    assert_eq!(ev.indicators.before.count, 18);
    assert_eq!(ev.indicators.after.count, 12);
    assert!(ev.synthetic);
    assert!(
        !ev.findings.iter().any(|f| f.severity == Severity::Error),
        "{:#?}",
        ev.findings
    );
    // The new 灵山镇 gets the next free 镇 number after 113 (used by 郎家庄镇).
    let lingshan = ev.units.iter().find(|u| u.name == "灵山镇").unwrap();
    assert_eq!(lingshan.proposed_code.as_deref(), Some("130634114"));
    let luzhuangzi = ev.units.iter().find(|u| u.name == "路庄子镇").unwrap();
    assert_eq!(luzhuangzi.proposed_code.as_deref(), Some("130634115"));
    assert!((ev.indicators.after.population.mean - 33_000.0).abs() < 1e-6);
}

#[test]
fn other_province_names_exclude_the_county() {
    let demo = Demo::load().unwrap();
    assert_eq!(demo.other_names.len(), 2347);
    assert!(!demo.other_names.iter().any(|n| n == "恒州镇"));
}

#[test]
fn applying_the_sample_scheme_records_the_events_and_codes_the_evaluation_promised() {
    use quhua_core::scenario::{ApplyError, Scenario, apply_scenario};
    let mut demo = Demo::load().unwrap();
    let policy = Policy::default_policy();
    let scenario = Demo::sample_scenario().unwrap();
    let ev = evaluate(&demo.base(None, &policy).unwrap(), &policy, &scenario).unwrap();
    let effective = quhua_core::date::parse_date("2026-09-06").unwrap();
    let before = demo.registry.as_of(mca_list_date());
    let ids = apply_scenario(
        &mut demo.registry,
        &scenario,
        mca_list_date(),
        effective,
        "冀政字〔2026〕88号",
    )
    .unwrap();
    let kinds: Vec<&str> = ids
        .iter()
        .map(|i| demo.registry.events()[i.0 as usize].kind.zh())
        .collect();
    assert_eq!(
        kinds,
        [
            "撤销并入",
            "撤销并入",
            "撤销并入",
            "撤销并入",
            "合并设立",
            "撤销并入",
            "撤乡设镇"
        ]
    );
    let after = demo.registry.as_of(effective);
    assert_eq!(after.at_level(Level::Township).count(), 12);
    // The codes the evaluation proposed are the codes the registry assigned.
    for u in &ev.units {
        let code = u.code.clone().or(u.proposed_code.clone()).unwrap();
        let got = after.by_code(DivisionCode::parse(&code).unwrap()).unwrap();
        assert_eq!(got.name, u.name);
        assert_eq!(
            got.attrs[keys::POP_HUKOU].value.to_f64(),
            u.population.unwrap()
        );
    }
    // Conservation across the apply.
    let sum = |s: &quhua_core::snapshot::Snapshot| -> quhua_core::attr::Amount {
        s.at_level(Level::Township)
            .map(|t| t.attrs[keys::POP_HUKOU].value)
            .sum()
    };
    assert_eq!(sum(&before), sum(&after));
    assert_eq!(
        before.at_level(Level::Village).count(),
        after.at_level(Level::Village).count()
    );
    // A second scheme drafted on the old list that touches a changed unit is refused.
    let second = Scenario::from_toml("name = \"第二方案\"\ncounty = \"130634\"\n[[ops]]\nop = \"merge\"\nunits = [\"羊平镇\"]\ninto = \"恒州镇\"\n").unwrap();
    let snapshot = serde_json::to_string(&demo.registry).unwrap();
    let err = apply_scenario(
        &mut demo.registry,
        &second,
        mca_list_date(),
        effective,
        "冀政字〔2026〕99号",
    )
    .unwrap_err();
    assert!(matches!(err, ApplyError::ChangedSince { .. }), "{err}");
    assert!(
        err.to_string().contains("恒州镇") && err.to_string().contains("冀政字〔2026〕88号"),
        "{err}"
    );
    assert_eq!(snapshot, serde_json::to_string(&demo.registry).unwrap());
}

#[test]
fn village_scheme_evaluates_and_applies_with_the_codes_it_promised() {
    use quhua_core::scenario::apply_scenario;
    let mut demo = Demo::load().unwrap();
    let policy = Policy::for_province("13").policy;
    let scenario = Demo::village_scenario().unwrap();
    let base = demo.base(None, &policy).unwrap();
    let ev = evaluate(&base, &policy, &scenario).unwrap();
    let v = &ev.villages;
    // 4 → 1 (西旺), 3 into 大赵邱, 2 → 1 (邸村): 7 fewer villages; two 村 became 居.
    assert_eq!(v.indicators.reduction, 7);
    let kind = |i: &quhua_core::scenario::VillageIndicators, k: &str| {
        i.by_kind.get(k).copied().unwrap_or(0)
    };
    assert_eq!(
        kind(&v.indicators.after, "居委会"),
        kind(&v.indicators.before, "居委会") + 2
    );
    assert_eq!(v.abolished.len(), 9, "4 + 3 + 2 villages merged away");
    let dongguan = v
        .changed
        .iter()
        .find(|c| c.name == "东关社区居民委员会")
        .unwrap();
    assert_eq!(dongguan.status, "建制变更");
    // 居委会 numbers after the highest used in 恒州镇 (009): 010 and 011.
    assert_eq!(dongguan.proposed_code.as_deref(), Some("130634100010"));
    let xiwang = v
        .changed
        .iter()
        .find(|c| c.name == "西旺村民委员会")
        .unwrap();
    assert_eq!(xiwang.predecessors.len(), 4);
    // Households (示意) conserved: the merged village holds its four villages' households.
    let hh = |code: &str| {
        base.villages
            .iter()
            .find(|b| b.code.to_string() == code)
            .and_then(|b| {
                let k = base.keys.iter().position(|k| k == keys::HOUSEHOLDS)?;
                b.attrs[k]
            })
    };
    let sum: f64 = [
        "130634100218",
        "130634100220",
        "130634100221",
        "130634100222",
    ]
    .iter()
    .map(|c| hh(c).unwrap().to_f64())
    .sum();
    assert!((xiwang.households.unwrap() - sum).abs() < 1e-6);
    assert!(ev.synthetic);
    // Applied by the county government: the registry assigns the promised codes.
    let effective = quhua_core::date::parse_date("2026-10-01").unwrap();
    apply_scenario(
        &mut demo.registry,
        &scenario,
        mca_list_date(),
        effective,
        "曲政字〔2026〕9号",
    )
    .unwrap();
    let after = demo.registry.as_of(effective);
    for c in v.changed.iter().filter(|c| c.proposed_code.is_some()) {
        let got = after
            .units()
            .iter()
            .find(|u| u.name == c.name)
            .map(|u| u.code.to_string());
        assert_eq!(got, c.proposed_code, "{}", c.name);
    }
    let old = DivisionCode::parse("130634100206").unwrap();
    assert!(
        after.by_code(old).is_none(),
        "the retired code is out of force"
    );
    assert!(
        demo.registry.codes().was_used(old),
        "and stays in the code book, never reused"
    );
}
