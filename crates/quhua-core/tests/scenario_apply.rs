//! Carrying out a scheme: every operation becomes registry events on one date under one
//! 批准文号, all or nothing; refusals name the operation; a scheme drafted before its units
//! changed is refused.

mod common;

use common::*;
use quhua_core::DivisionCode;
use quhua_core::TownshipKind;
use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::registry::Registry;
use quhua_core::scenario::{ApplyError, MergeTarget, Operation, Scenario, apply_scenario};
use quhua_core::unit::UnitId;

/// 测0镇 100, 测1镇 101, 测2乡 200, 测3乡 201, each with villages 200 and 201 (seat 200).
fn county() -> Registry {
    let two = || vec![(1000, 10_000), (2000, 20_000)];
    build(&CountySpec {
        townships: vec![
            (TownshipKind::Town, two()),
            (TownshipKind::Town, two()),
            (TownshipKind::Township, two()),
            (TownshipKind::Township, two()),
        ],
    })
}

fn scheme(ops: Vec<Operation>) -> Scenario {
    Scenario {
        name: "测试方案".into(),
        county: "130634".into(),
        policy: None,
        base_date: None,
        note: None,
        ops,
    }
}

fn effective() -> Date {
    Date::from_ymd_opt(2026, 3, 1).unwrap()
}

fn id(reg: &Registry, code: &str) -> UnitId {
    reg.unit_by_code(DivisionCode::parse(code).unwrap())
        .unwrap()
}

fn into(units: &[&str], target: &str) -> Operation {
    Operation::Merge {
        units: units.iter().map(|s| s.to_string()).collect(),
        target: MergeTarget::Into(target.into()),
    }
}

fn rename(unit: &str, name: &str) -> Operation {
    Operation::Rename {
        unit: unit.into(),
        name: name.into(),
    }
}

#[test]
fn every_operation_becomes_events_on_one_date_under_one_number() {
    let mut reg = county();
    let ops = vec![
        into(&["130634200"], "130634100"),
        Operation::Convert {
            unit: "测3乡".into(),
            to: TownshipKind::Town,
            name: None,
        },
        rename("130634101", "新城镇"),
        // 测2乡's village 201 by its code of the base date, although operation 1 recoded it.
        Operation::Transfer {
            villages: vec!["130634200201".into()],
            to: "130634101".into(),
        },
        Operation::MoveSeat {
            unit: "130634100".into(),
            village: "130634100201".into(),
        },
        Operation::Lock {
            units: vec!["130634100".into()],
        },
    ];
    let ids = apply_scenario(
        &mut reg,
        &scheme(ops),
        genesis_date(),
        effective(),
        "冀政字〔2026〕1号",
    )
    .unwrap();
    assert_eq!(ids.iter().map(|e| e.0).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert!(
        reg.events()
            .iter()
            .all(|e| e.date == effective() && e.approval_no == "冀政字〔2026〕1号")
    );
    let kinds: Vec<&str> = reg.events().iter().map(|e| e.kind.zh()).collect();
    assert_eq!(
        kinds,
        ["撤销并入", "撤乡设镇", "更名", "村划归", "驻地迁移"]
    );
    let village = id(&reg, "130634200201");
    assert_eq!(
        reg.current(village).unwrap().parent,
        Some(id(&reg, "130634101"))
    );
    assert_eq!(reg.current(id(&reg, "130634101")).unwrap().name, "新城镇");
    let seat = reg
        .current(id(&reg, "130634100"))
        .unwrap()
        .seat
        .as_ref()
        .and_then(|s| s.village);
    assert_eq!(seat, Some(id(&reg, "130634100201")));
    assert!(matches!(
        reg.events()[1].request,
        ChangeRequest::Convert {
            to: TownshipKind::Town,
            ..
        }
    ));
}

#[test]
fn a_refusal_names_its_operation_and_records_nothing() {
    let mut reg = county();
    let before = serde_json::to_string(&reg).unwrap();
    // Operation 3 renames 测1镇 to the name 测0镇 still carries.
    let ops = vec![
        into(&["130634200"], "130634100"),
        rename("130634201", "测3镇"),
        rename("130634101", "测0镇"),
    ];
    let err = apply_scenario(
        &mut reg,
        &scheme(ops),
        genesis_date(),
        effective(),
        "冀政字〔2026〕2号",
    )
    .unwrap_err();
    assert!(matches!(err, ApplyError::Registry { op: 3, .. }), "{err}");
    assert!(err.to_string().starts_with("第 3 项操作："), "{err}");
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
    // Operation 2 refers to the 乡 operation 1 merged away: named, with why.
    let ops = vec![
        into(&["130634200"], "130634100"),
        rename("130634200", "新乡"),
    ];
    let err = apply_scenario(
        &mut reg,
        &scheme(ops),
        genesis_date(),
        effective(),
        "冀政字〔2026〕2号",
    )
    .unwrap_err();
    match &err {
        ApplyError::Unknown {
            op,
            reference,
            hint,
            ..
        } => {
            assert_eq!((*op, reference.as_str()), (2, "130634200"));
            assert!(hint.contains("测2乡") && hint.contains("已撤销"), "{hint}");
        }
        other => panic!("{other}"),
    }
    assert_eq!(serde_json::to_string(&reg).unwrap(), before);
    let ops = vec![rename("测9镇", "新镇")];
    let err = apply_scenario(&mut reg, &scheme(ops), genesis_date(), effective(), "x").unwrap_err();
    assert!(matches!(err, ApplyError::Unknown { op: 1, .. }), "{err}");
}

/// The county with 测1镇 renamed 新城镇 on 2026-01-10 (冀政字〔2026〕3号).
fn renamed_later() -> (Registry, Date) {
    let mut reg = county();
    let later = Date::from_ymd_opt(2026, 1, 10).unwrap();
    let unit = id(&reg, "130634101");
    reg.apply(
        ChangeRequest::Rename {
            unit,
            name: "新城镇".into(),
        },
        later,
        "冀政字〔2026〕3号",
    )
    .unwrap();
    (reg, later)
}

#[test]
fn a_scheme_drafted_before_its_units_changed_is_refused() {
    let (mut reg, later) = renamed_later();
    // Drafted on the genesis list, the scheme merges the renamed town: refused.
    let ops = vec![into(&["130634200"], "130634101")];
    let apply = |reg: &mut Registry, ops: &[Operation], drafted: Date| {
        apply_scenario(
            reg,
            &scheme(ops.to_vec()),
            drafted,
            effective(),
            "冀政字〔2026〕4号",
        )
    };
    let err = apply(&mut reg, &ops, genesis_date()).unwrap_err();
    match &err {
        ApplyError::ChangedSince {
            unit,
            date,
            kind,
            approval,
            ..
        } => {
            assert!(unit.contains("测1镇"), "{unit}");
            assert_eq!(
                (*date, kind.as_str(), approval.as_str()),
                (later, "更名", "冀政字〔2026〕3号")
            );
        }
        other => panic!("{other}"),
    }
    assert_eq!(reg.events().len(), 1);
    // Drafted on the day of the change, the same scheme goes through.
    apply(&mut reg, &ops, later).unwrap();
    // A scheme leaving the renamed unit alone was never affected.
    let (mut reg, _) = renamed_later();
    apply(
        &mut reg,
        &[into(&["130634200"], "130634100")],
        genesis_date(),
    )
    .unwrap();
}
