//! The registry's accessors and guards on one small county: recorded events are appended only
//! in order, survey values are set only before the first change, sources are kept apart.

mod common;

use common::*;
use quhua_core::DivisionCode;
use quhua_core::TownshipKind;
use quhua_core::attr::{Amount, AttrValue, Attrs, Source, keys};
use quhua_core::date::Date;
use quhua_core::event::{AttrUpdate, ChangeRequest};
use quhua_core::registry::{Registry, RegistryError};
use quhua_core::unit::UnitId;

fn county() -> Registry {
    build(&CountySpec {
        townships: vec![
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Township, vec![(500, 10_000), (700, 20_000)]),
        ],
    })
}

fn day(m: u32, d: u32) -> Date {
    Date::from_ymd_opt(2025, m, d).unwrap()
}

fn unit(reg: &Registry, code: &str) -> UnitId {
    reg.unit_by_code(DivisionCode::parse(code).unwrap())
        .unwrap()
}

fn merged() -> Registry {
    let mut reg = county();
    let (xiang, zhen) = (unit(&reg, "130634200"), unit(&reg, "130634100"));
    reg.apply(
        ChangeRequest::AbolishMerge {
            abolished: xiang,
            into: zhen,
        },
        day(3, 1),
        "冀政字〔2025〕3号",
    )
    .unwrap();
    reg
}

#[test]
fn recorded_events_are_appended_only_in_order() {
    let full = merged();
    let event = full.events()[0].clone();
    let empty = || {
        Registry::from_parts(
            full.genesis_date(),
            full.genesis().to_vec(),
            full.genesis_sources().to_vec(),
            Vec::new(),
        )
        .unwrap()
    };
    // An event numbered out of sequence is refused and changes nothing.
    let mut reg = empty();
    let mut wrong_id = event.clone();
    wrong_id.id.0 = 5;
    let before = serde_json::to_string(&reg).unwrap();
    assert!(matches!(
        reg.append_recorded(wrong_id.clone()),
        Err(RegistryError::Internal(_))
    ));
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
    assert!(
        Registry::from_parts(
            full.genesis_date(),
            full.genesis().to_vec(),
            Vec::new(),
            vec![wrong_id]
        )
        .is_err()
    );
    // In order it is replayed: the 乡 has ended and its code is retired on that day.
    reg.append_recorded(event.clone()).unwrap();
    assert_eq!(reg.events().len(), 1);
    let xiang = unit(&full, "130634200");
    assert!(reg.current(xiang).is_none());
    assert_eq!(reg.latest(xiang).map(|s| s.name.as_str()), Some("测1乡"));
    let retired = reg
        .codes()
        .get(DivisionCode::parse("130634200").unwrap())
        .unwrap();
    assert_eq!((retired.unit, retired.valid_to), (xiang, Some(day(3, 1))));
    // An event dated before the last one is refused.
    let mut early = event;
    early.id.0 = 1;
    early.date = day(2, 1);
    let before = serde_json::to_string(&reg).unwrap();
    let err = reg.append_recorded(early).unwrap_err();
    assert!(
        matches!(err, RegistryError::OutOfOrder { date, last } if date == day(2, 1) && last == day(3, 1)),
        "{err}"
    );
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
}

#[test]
fn survey_values_are_set_only_before_the_first_change() {
    let mut reg = county();
    let zhen = unit(&reg, "130634100");
    let mut attrs = Attrs::new();
    attrs.insert(
        keys::POP_HUKOU.into(),
        AttrValue {
            value: Amount::from_int(4321),
            source: 0,
        },
    );
    reg.set_attrs(zhen, &attrs).unwrap();
    let pop = |reg: &Registry| {
        reg.as_of(day(1, 2))
            .get(zhen)
            .and_then(|u| u.attrs.get(keys::POP_HUKOU))
            .map(|a| a.value)
    };
    assert_eq!(pop(&reg), Some(Amount::from_int(4321)));
    // The initial list carries the value too, so a rebuild from the stored parts keeps it.
    let rebuilt = Registry::from_parts(
        reg.genesis_date(),
        reg.genesis().to_vec(),
        reg.genesis_sources().to_vec(),
        Vec::new(),
    )
    .unwrap();
    assert_eq!(pop(&rebuilt), Some(Amount::from_int(4321)));
    assert!(matches!(
        reg.set_attrs(UnitId(99), &attrs),
        Err(RegistryError::UnknownUnit(UnitId(99)))
    ));
    // After a recorded change the survey goes through an event.
    let mut reg = merged();
    let err = reg.set_attrs(zhen, &attrs).unwrap_err();
    assert!(
        err.to_string().contains("摸底数据更新须作为事件登记"),
        "{err}"
    );
}

#[test]
fn sources_added_by_events_are_kept_apart_from_the_initial_ones() {
    let mut reg = merged();
    assert_eq!(reg.sources().len(), 1);
    let zhen = unit(&reg, "130634100");
    let source = Source {
        label: "2025年摸底表.xlsx".into(),
        synthetic: false,
    };
    reg.apply(
        ChangeRequest::UpdateAttrs {
            source: source.clone(),
            updates: vec![AttrUpdate {
                unit: zhen,
                values: vec![(keys::POP_HUKOU.into(), Amount::from_int(2300))],
            }],
        },
        day(4, 1),
        "摸底更新",
    )
    .unwrap();
    assert_eq!(reg.sources().len(), 2);
    assert_eq!(reg.sources()[1], source);
    assert_eq!(reg.genesis_sources().len(), 1);
    assert_eq!(reg.genesis_sources()[0].label, "test");
    assert_eq!(reg.genesis_date(), genesis_date());
}

/// 甲镇 (历史文化名镇, 重点镇), 乙镇 (县城驻地镇), 丙乡, each with one village.
fn flagged() -> Registry {
    use quhua_core::registry::{RawUnit, RegistryBuilder};
    use quhua_core::unit::Flags;
    let mut b = RegistryBuilder::new();
    let county = DivisionCode::parse("130634").unwrap();
    b.push(RawUnit::new(county, "测试县", None));
    let towns = [
        (
            "130634100",
            "甲镇",
            Flags {
                historic: true,
                key_town: true,
                ..Flags::default()
            },
        ),
        (
            "130634101",
            "乙镇",
            Flags {
                county_seat: true,
                ..Flags::default()
            },
        ),
        ("130634200", "丙乡", Flags::default()),
    ];
    for (code, name, flags) in towns {
        let code = DivisionCode::parse(code).unwrap();
        let mut t = RawUnit::new(code, name, Some(county));
        t.flags = flags;
        b.push(t);
        let village = DivisionCode::village(code, 200).unwrap();
        b.push(RawUnit::new(village, format!("{name}村"), Some(code)));
    }
    b.build(genesis_date()).unwrap().0
}

fn merge_new(reg: &mut Registry, codes: &[&str], name: &str) -> Result<UnitId, RegistryError> {
    let abolished = codes.iter().map(|c| unit(reg, c)).collect();
    let e = reg.apply(
        ChangeRequest::MergeEstablish {
            abolished,
            name: name.into(),
            kind: TownshipKind::Town,
            seat: None,
            code: None,
        },
        day(5, 1),
        "冀政字〔2025〕5号",
    )?;
    Ok(e.established().next().unwrap().id)
}

#[test]
fn a_merged_unit_inherits_its_predecessors_flags() {
    // Keeping the historic town's name keeps the 历史文化名镇 flag; 重点镇 carries over.
    let mut reg = flagged();
    let new = merge_new(&mut reg, &["130634100", "130634200"], "甲镇").unwrap();
    let flags = reg.current(new).unwrap().flags;
    assert!(
        flags.historic && flags.key_town && !flags.county_seat,
        "{flags:?}"
    );
    // Under another name the historic flag does not follow; the county seat does.
    let mut reg = flagged();
    let new = merge_new(&mut reg, &["130634100", "130634101"], "新城镇").unwrap();
    let flags = reg.current(new).unwrap().flags;
    assert!(
        !flags.historic && flags.key_town && flags.county_seat,
        "{flags:?}"
    );
}

#[test]
fn a_merger_needs_two_units() {
    let mut reg = flagged();
    let err = merge_new(&mut reg, &["130634200"], "新镇").unwrap_err();
    assert!(
        err.to_string().contains("合并设立至少需要两个被撤销单位"),
        "{err}"
    );
    assert!(reg.events().is_empty());
    merge_new(&mut reg, &["130634101", "130634200"], "新镇").unwrap();
    assert_eq!(reg.events().len(), 1);
}

#[test]
fn apply_all_records_every_request_or_none() {
    let mut reg = flagged();
    let (jia, yi, bing) = (
        unit(&reg, "130634100"),
        unit(&reg, "130634101"),
        unit(&reg, "130634200"),
    );
    let rename = ChangeRequest::Rename {
        unit: jia,
        name: "甲城镇".into(),
    };
    let merge = ChangeRequest::AbolishMerge {
        abolished: bing,
        into: yi,
    };
    // The second request is impossible (丙乡 was merged away by the first): nothing is kept.
    let before = serde_json::to_string(&reg).unwrap();
    let again = ChangeRequest::AbolishMerge {
        abolished: bing,
        into: jia,
    };
    assert!(
        reg.apply_all(vec![merge.clone(), again], day(6, 1), "冀政字〔2025〕6号")
            .is_err()
    );
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
    let ids = reg
        .apply_all(vec![rename, merge], day(6, 1), "冀政字〔2025〕6号")
        .unwrap();
    assert_eq!(ids.iter().map(|i| i.0).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(reg.events().len(), 2);
    assert!(reg.current(bing).is_none());
    assert_eq!(reg.current(jia).unwrap().name, "甲城镇");
}

#[test]
fn a_code_ever_used_is_refused_before_anything_changes() {
    let mut reg = flagged();
    let bing = unit(&reg, "130634200");
    // 乙镇 holds 101; 丙乡's own code 200 would be a reuse after its conversion.
    for (code, to) in [
        ("130634101", TownshipKind::Town),
        ("130634100", TownshipKind::Town),
    ] {
        let before = serde_json::to_string(&reg).unwrap();
        let err = reg
            .apply(
                ChangeRequest::Convert {
                    unit: bing,
                    to,
                    name: None,
                    code: Some(DivisionCode::parse(code).unwrap()),
                },
                day(7, 1),
                "冀政字〔2025〕7号",
            )
            .unwrap_err();
        assert!(err.to_string().contains("废码不用"), "{err}");
        assert_eq!(serde_json::to_string(&reg).unwrap(), before);
    }
    let before = serde_json::to_string(&reg).unwrap();
    let abolished = vec![unit(&reg, "130634100"), bing];
    let err = reg
        .apply(
            ChangeRequest::MergeEstablish {
                abolished,
                name: "新镇".into(),
                kind: TownshipKind::Town,
                seat: None,
                code: Some(DivisionCode::parse("130634101").unwrap()),
            },
            day(7, 1),
            "冀政字〔2025〕7号",
        )
        .unwrap_err();
    assert!(err.to_string().contains("废码不用"), "{err}");
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
}

#[test]
fn a_transfer_of_two_villages_moves_both_of_their_figures() {
    let mut reg = build(&CountySpec {
        townships: vec![
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (
                TownshipKind::Township,
                vec![(500, 10_000), (700, 20_000), (900, 30_000)],
            ),
        ],
    });
    let (zhen, xiang) = (unit(&reg, "130634100"), unit(&reg, "130634200"));
    let moved = vec![unit(&reg, "130634200201"), unit(&reg, "130634200202")];
    reg.apply(
        ChangeRequest::VillageTransfer {
            villages: moved,
            to: zhen,
        },
        day(3, 1),
        "冀民函〔2025〕3号",
    )
    .unwrap();
    let s = reg.as_of(day(3, 1));
    let figure = |u: UnitId, key: &str| s.get(u).and_then(|u| u.attrs.get(key)).map(|a| a.value);
    assert_eq!(figure(zhen, keys::POP_HUKOU), Some(Amount::from_int(2600)));
    assert_eq!(figure(xiang, keys::POP_HUKOU), Some(Amount::from_int(500)));
    assert_eq!(figure(zhen, keys::AREA_KM2), Some(Amount(60_000)));
    assert_eq!(figure(xiang, keys::AREA_KM2), Some(Amount(10_000)));
}

#[test]
fn the_builder_counts_rows_and_sources_and_names_the_bad_row() {
    use quhua_core::registry::{RawUnit, RegistryBuilder};
    use quhua_core::{UnitKind, VillageKind};
    let code = |c: &str| DivisionCode::parse(c).unwrap();
    let mut b = RegistryBuilder::new();
    assert!(b.is_empty());
    let first = Source {
        label: "a".into(),
        synthetic: true,
    };
    let second = Source {
        label: "b".into(),
        synthetic: true,
    };
    assert_eq!((b.source(first), b.source(second)), (0, 1));
    b.push(RawUnit::new(code("130634"), "测试县", None));
    assert_eq!((b.len(), b.is_empty()), (1, false));
    let (reg, _) = b.build(genesis_date()).unwrap();
    assert_eq!(reg.genesis_sources().len(), 2);

    // Each refusal names its 1-based row.
    let bad = |rows: Vec<RawUnit>| {
        let mut b = RegistryBuilder::new();
        b.push(RawUnit::new(code("130634"), "测试县", None));
        b.push(RawUnit::new(
            code("130634100"),
            "甲镇",
            Some(code("130634")),
        ));
        for r in rows {
            b.push(r);
        }
        b.build(genesis_date()).unwrap_err().to_string()
    };
    let mut wrong_kind = RawUnit::new(code("130634101"), "乙镇", Some(code("130634")));
    wrong_kind.kind = Some(UnitKind::Village(VillageKind::Villagers));
    let err = bad(vec![wrong_kind]);
    assert!(err.contains("第 3 行") && err.contains("级别不符"), "{err}");
    let err = bad(vec![RawUnit::new(
        code("130634101"),
        "乙镇",
        Some(code("130635")),
    )]);
    assert!(
        err.contains("第 3 行") && err.contains("不在名录中"),
        "{err}"
    );
    let err = bad(vec![
        RawUnit::new(code("130634101"), "乙镇", Some(code("130634"))),
        RawUnit::new(code("130634102"), "丙镇", Some(code("130634101"))),
    ]);
    assert!(
        err.contains("第 4 行") && err.contains("级别不高于本级"),
        "{err}"
    );
    let err = bad(vec![RawUnit::new(
        code("130634101"),
        " ",
        Some(code("130634")),
    )]);
    assert!(err.contains("第 3 行") && err.contains("名称为空"), "{err}");
    let mut seated = RawUnit::new(code("130634101"), "乙镇", Some(code("130634")));
    seated.seat = Some(quhua_core::unit::Seat {
        village: Some(UnitId(1)),
        point: None,
    });
    let err = bad(vec![seated]);
    assert!(
        err.contains("第 3 行") && err.contains("驻地村不属于该乡镇"),
        "{err}"
    );
}
