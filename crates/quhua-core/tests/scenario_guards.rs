//! Every guard of a scenario operation on the hand-built county: the refusal names what is
//! wrong, and the allowed neighbour of each case does what it says.

mod common;

use common::county::*;
use quhua_core::TownshipKind;
use quhua_core::policy::Policy;
use quhua_core::rules::RuleId;
use quhua_core::scenario::{Base, MergeTarget, NewUnitSpec, Operation, ResultUnitView, Session};
use quhua_core::unit::Flags;

use TownshipKind::{Subdistrict, Town, Township};

/// 城关镇 (县城驻地镇), 东镇 (历史文化名镇, 重点镇), 西乡, 南乡, two villages each.
fn base() -> Base {
    let mut seat = t("城关镇", Town, vs("城", 2, 9000, 20.0));
    seat.flags = Flags {
        county_seat: true,
        ..Flags::default()
    };
    let mut east = t("东镇", Town, vs("东", 2, 9000, 20.0));
    east.flags = Flags {
        historic: true,
        key_town: true,
        ..Flags::default()
    };
    county(vec![
        seat,
        east,
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
        t("南乡", Township, vs("南", 2, 5000, 20.0)),
    ])
}

fn push(base: &Base, ops: Vec<Operation>) -> Result<Vec<ResultUnitView>, String> {
    let p = Policy::default_policy();
    let mut s = Session::new(base, &p);
    for op in ops {
        s.push(op).map_err(|e| e.to_string())?;
    }
    Ok(s.evaluation().units)
}

fn refused(base: &Base, ops: Vec<Operation>, says: &str) {
    match push(base, ops) {
        Ok(_) => panic!("accepted; expected “{says}”"),
        Err(msg) => assert!(msg.contains(says), "{msg}"),
    }
}

fn merge_new(units: &[&str], name: &str, seat: Option<&str>) -> Operation {
    Operation::Merge {
        units: units.iter().map(|s| s.to_string()).collect(),
        target: MergeTarget::New(NewUnitSpec {
            name: name.into(),
            kind: Town,
            seat: seat.map(String::from),
        }),
    }
}

fn unit<'a>(units: &'a [ResultUnitView], name: &str) -> &'a ResultUnitView {
    units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn a_new_unit_needs_two_members_a_name_and_a_seat_among_them() {
    let b = base();
    refused(
        &b,
        vec![merge_new(&["西乡"], "新镇", None)],
        "至少需要两个乡镇",
    );
    refused(
        &b,
        vec![merge_new(&["西乡", "南乡"], " ", None)],
        "新单位名称为空",
    );
    refused(
        &b,
        vec![merge_new(&["西乡", "南乡"], "新镇", Some("东1村"))],
        "不在合并范围内",
    );
    let units = push(
        &b,
        vec![merge_new(&["西乡", "南乡"], "新镇", Some("南2村"))],
    )
    .unwrap();
    assert_eq!(unit(&units, "新镇").seat.as_deref(), Some("南2村"));
    // Without a seat named, the most populous member's seat (西乡 has 18,000, 南乡 10,000).
    let units = push(&b, vec![merge_new(&["南乡", "西乡"], "新镇", None)]).unwrap();
    assert_eq!(unit(&units, "新镇").seat.as_deref(), Some("西1村"));
}

#[test]
fn a_new_unit_carries_its_members_county_seat_and_key_town_flags() {
    let b = base();
    let units = push(&b, vec![merge_new(&["城关镇", "西乡"], "新城镇", None)]).unwrap();
    assert_eq!(unit(&units, "新城镇").flags, ["县城驻地镇"]);
    let units = push(&b, vec![merge_new(&["东镇", "西乡"], "新东镇", None)]).unwrap();
    assert_eq!(unit(&units, "新东镇").flags, ["重点镇"]);
}

#[test]
fn a_conversion_keeping_the_name_is_no_rename() {
    let b = base();
    let p = Policy::default_policy();
    let historic = |ops: Vec<Operation>| {
        let mut s = Session::new(&b, &p);
        for op in ops {
            s.push(op).unwrap();
        }
        s.findings()
            .into_iter()
            .filter(|f| f.rule == RuleId::HistoricName)
            .count()
    };
    assert_eq!(
        historic(vec![convert("东镇", Subdistrict, Some("东镇"))]),
        0
    );
    assert_eq!(historic(vec![convert("东镇", Subdistrict, None)]), 1);
    refused(&b, vec![convert("东镇", Town, None)], "已是");
}

#[test]
fn renames_and_seat_moves_are_checked() {
    let b = base();
    let rename = |name: &str| Operation::Rename {
        unit: "西乡".into(),
        name: name.into(),
    };
    refused(&b, vec![rename(" ")], "新名称为空或与原名相同");
    refused(&b, vec![rename("西乡")], "新名称为空或与原名相同");
    assert!(
        push(&b, vec![rename("西山乡")])
            .unwrap()
            .iter()
            .any(|u| u.name == "西山乡")
    );
    let seat = |village: &str| Operation::MoveSeat {
        unit: "西乡".into(),
        village: village.into(),
    };
    refused(&b, vec![seat("东1村")], "不在 西乡 辖区内");
    let units = push(&b, vec![seat("西2村")]).unwrap();
    assert_eq!(unit(&units, "西乡").seat.as_deref(), Some("西2村"));
}

#[test]
fn village_transfers_refuse_repeats_own_villages_seats_and_emptying() {
    let mut b = base();
    let transfer = |villages: &[&str], to: &str| Operation::Transfer {
        villages: villages.iter().map(|s| s.to_string()).collect(),
        to: to.into(),
    };
    refused(
        &b,
        vec![transfer(&["西2村", "西2村"], "东镇")],
        "西2村 重复列出",
    );
    refused(&b, vec![transfer(&["西2村"], "西乡")], "已属于目标乡镇");
    refused(&b, vec![transfer(&["西1村"], "东镇")], "须先迁移驻地");
    let units = push(&b, vec![transfer(&["西2村"], "东镇")]).unwrap();
    assert_eq!(
        (unit(&units, "东镇").villages, unit(&units, "西乡").villages),
        (3, 1)
    );
    // 南乡 without a seat on record: both its villages leaving is refused.
    b.townships[3].seat_village = None;
    refused(
        &b,
        vec![transfer(&["南1村", "南2村"], "东镇")],
        "的全部村将被划出",
    );
}

#[test]
fn references_by_code_follow_conversions_and_say_where_a_unit_went() {
    let b = base();
    let code = |i: usize| common::county::code(i).to_string();
    // 西乡 by its code, after a conversion gave it a new kind and no code yet.
    let units = push(
        &b,
        vec![
            convert(&code(2), Town, None),
            Operation::Rename {
                unit: code(2),
                name: "西城镇".into(),
            },
        ],
    )
    .unwrap();
    assert!(units.iter().any(|u| u.name == "西城镇"));
    // 南乡 merged away: its code and its name both say so.
    for r in [code(3), "南乡".to_string()] {
        refused(
            &b,
            vec![
                merge_into(&["南乡"], "东镇"),
                Operation::Rename {
                    unit: r,
                    name: "南山乡".into(),
                },
            ],
            "第 2 项操作",
        );
    }
    refused(
        &b,
        vec![convert("130634199", Town, None)],
        "找不到单位“130634199”",
    );
    // Villages: an unknown name is unknown, not ambiguous.
    let transfer = Operation::Transfer {
        villages: vec!["无此村".into()],
        to: "东镇".into(),
    };
    refused(&b, vec![transfer], "找不到单位“无此村”");
}

#[test]
fn a_receiving_unit_lists_each_origin_once() {
    let b = county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 3, 9000, 20.0)),
    ]);
    let transfer = |v: &str| Operation::Transfer {
        villages: vec![v.into()],
        to: "东镇".into(),
    };
    let units = push(&b, vec![transfer("西2村"), transfer("西3村")]).unwrap();
    assert_eq!(unit(&units, "东镇").predecessors, ["东镇", "西乡"]);
    assert_eq!(unit(&units, "东镇").villages, 4);
}
