//! The scenario base read from a registry snapshot: townships in code order with their seat
//! village, village kinds, the county's code history, lookups by code or name; a scheme's
//! references resolve within its county at the level the operation needs.

use quhua_core::attr::{Amount, AttrValue, Attrs, keys};
use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::scenario::Base;
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, Level, UnitKind, VillageKind};

fn code(c: &str) -> DivisionCode {
    DivisionCode::parse(c).unwrap()
}

fn pop(n: i64) -> Attrs {
    let mut a = Attrs::new();
    a.insert(
        keys::POP_HUKOU.into(),
        AttrValue {
            value: Amount::from_int(n),
            source: 0,
        },
    );
    a
}

/// 测试县 130634: 乙镇 101 (listed first; villages 乙一村 200, 乙社区 001; seat 乙一村) and
/// 甲镇 100 (no seat; its one village is called 乙镇, as villages share township names);
/// 邻县 130635: 丙镇 100 with 丙村 200.
fn registry() -> Registry {
    let mut b = RegistryBuilder::new();
    b.push(RawUnit::new(code("1306"), "保定市", None));
    b.push(RawUnit::new(code("130634"), "测试县", Some(code("1306"))));
    b.push(RawUnit::new(code("130635"), "邻县", Some(code("1306"))));
    let mut yi = RawUnit::new(code("130634101"), "乙镇", Some(code("130634")));
    yi.seat = Some(Seat {
        village: Some(UnitId(5)),
        point: None,
    });
    b.push(yi); // 3
    let mut she = RawUnit::new(code("130634101001"), "乙社区", Some(code("130634101")));
    she.kind = Some(UnitKind::Village(VillageKind::Residents));
    she.attrs = pop(3000);
    b.push(she); // 4
    let mut yi1 = RawUnit::new(code("130634101200"), "乙一村", Some(code("130634101")));
    yi1.attrs = pop(1000);
    b.push(yi1); // 5
    b.push(RawUnit::new(
        code("130634100"),
        "甲镇",
        Some(code("130634")),
    )); // 6
    b.push(RawUnit::new(
        code("130634100200"),
        "乙镇",
        Some(code("130634100")),
    )); // 7
    b.push(RawUnit::new(
        code("130635100"),
        "丙镇",
        Some(code("130635")),
    )); // 8
    b.push(RawUnit::new(
        code("130635100200"),
        "丙村",
        Some(code("130635100")),
    )); // 9
    b.build(Date::from_ymd_opt(2025, 1, 1).unwrap()).unwrap().0
}

fn base(reg: &Registry, date: Date) -> Base {
    Base::from_snapshot(&reg.as_of(date), code("130634"), keys::POP_HUKOU).unwrap()
}

#[test]
fn townships_come_in_code_order_with_their_seat_and_village_kinds() {
    let reg = registry();
    let b = base(&reg, Date::from_ymd_opt(2025, 1, 1).unwrap());
    let names: Vec<&str> = b.townships.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["甲镇", "乙镇"]);
    let yi = &b.townships[1];
    // Villages in code order: 乙社区 001, then 乙一村 200 (the seat).
    let villages: Vec<(&str, VillageKind)> = yi
        .villages
        .iter()
        .map(|&v| {
            (
                b.villages[v as usize].name.as_str(),
                b.villages[v as usize].kind,
            )
        })
        .collect();
    assert_eq!(
        villages,
        [
            ("乙社区", VillageKind::Residents),
            ("乙一村", VillageKind::Villagers)
        ]
    );
    assert_eq!(
        yi.seat_village
            .map(|v| b.villages[v as usize].name.as_str()),
        Some("乙一村")
    );
    assert_eq!(b.townships[0].seat_village, None);
    assert_eq!(b.county_name, "测试县");
    assert!(b.townships.iter().all(|t| t.code.is_within(code("130634"))));
}

#[test]
fn lookups_by_code_or_name_at_their_own_level() {
    let reg = registry();
    let b = base(&reg, Date::from_ymd_opt(2025, 1, 1).unwrap());
    assert_eq!(b.township_index("130634101"), [1]);
    assert_eq!(b.township_index(" 甲镇 "), [0]);
    assert_eq!(b.township_index("丙镇"), Vec::<usize>::new());
    // A village code is no township, and a township code no village.
    assert_eq!(b.township_index("130634101200"), Vec::<usize>::new());
    assert_eq!(b.village_index("130634101"), Vec::<usize>::new());
    let yi1 = b.village_index("130634101200");
    assert_eq!(yi1.len(), 1);
    assert_eq!(b.villages[yi1[0]].name, "乙一村");
    assert_eq!(b.village_index("乙社区").len(), 1);
    assert_eq!(b.village_index("丙村"), Vec::<usize>::new());
}

#[test]
fn the_code_history_adds_the_countys_retired_township_codes_only() {
    let mut reg = registry();
    let d = Date::from_ymd_opt(2025, 6, 1).unwrap();
    let jia = reg.unit_by_code(code("130634100")).unwrap();
    let yi = reg.unit_by_code(code("130634101")).unwrap();
    let bing = reg.unit_by_code(code("130635100")).unwrap();
    reg.apply(
        ChangeRequest::AbolishMerge {
            abolished: jia,
            into: yi,
        },
        d,
        "冀政字〔2025〕1号",
    )
    .unwrap();
    reg.apply(
        ChangeRequest::Convert {
            unit: bing,
            to: quhua_core::TownshipKind::Subdistrict,
            name: None,
            code: None,
        },
        d,
        "冀政字〔2025〕2号",
    )
    .unwrap();
    let b = base(&reg, d);
    assert!(!b.used_codes.contains(&code("130634100")));
    let b = b.with_code_history(reg.codes());
    let used: Vec<String> = b.used_codes.iter().map(|c| c.short()).collect();
    assert_eq!(used, ["130634100", "130634101"]);
    assert!(b.used_codes.iter().all(|c| c.level() == Level::Township));
}

#[test]
fn references_resolve_within_the_county_at_the_operations_level() {
    use quhua_core::scenario::{ApplyError, Operation, Scenario, apply_scenario};
    let scheme = |unit: &str| Scenario {
        name: "测试方案".into(),
        county: "130634".into(),
        policy: None,
        base_date: None,
        note: None,
        ops: vec![Operation::Rename {
            unit: unit.into(),
            name: "乙城镇".into(),
        }],
    };
    let d = Date::from_ymd_opt(2025, 6, 1).unwrap();
    let g = Date::from_ymd_opt(2025, 1, 1).unwrap();
    // 丙镇 is in 邻县.
    let mut reg = registry();
    let err = apply_scenario(&mut reg, &scheme("丙镇"), g, d, "冀政字〔2025〕3号").unwrap_err();
    assert!(matches!(err, ApplyError::Unknown { op: 1, .. }), "{err}");
    // "乙镇" names a township and a village: the rename takes the township.
    apply_scenario(&mut reg, &scheme("乙镇"), g, d, "冀政字〔2025〕3号").unwrap();
    let yi = reg.unit_by_code(code("130634101")).unwrap();
    assert_eq!(reg.current(yi).unwrap().name, "乙城镇");
    let village = reg.unit_by_code(code("130634100200")).unwrap();
    assert_eq!(reg.current(village).unwrap().name, "乙镇");
}
