//! The evaluation's per-unit view: each resulting unit's status, predecessors and the code it
//! would take (the next free number of its kind's range, 废码不用), and the abolished units.

mod common;

use common::county::*;
use quhua_core::policy::Policy;
use quhua_core::scenario::{MergeTarget, NewUnitSpec, Operation, Session};
use quhua_core::{DivisionCode, TownshipKind};

use TownshipKind::{Subdistrict, Town, Township};

/// 东镇 100, 西乡 101, 南乡 102, 北乡 103, 中镇 104 (codes in the 镇 range: a county
/// renumbered long ago).
fn five() -> quhua_core::scenario::Base {
    county(vec![
        t("东镇", Town, vs("东", 2, 9000, 20.0)),
        t("西乡", Township, vs("西", 2, 9000, 20.0)),
        t("南乡", Township, vs("南", 2, 9000, 20.0)),
        t("北乡", Township, vs("北", 2, 9000, 20.0)),
        t("中镇", Town, vs("中", 2, 9000, 20.0)),
    ])
}

fn statuses(
    base: &quhua_core::scenario::Base,
    ops: Vec<Operation>,
) -> Vec<(String, String, Option<String>)> {
    let p = Policy::default_policy();
    let mut s = Session::new(base, &p);
    for op in ops {
        s.push(op).unwrap();
    }
    s.evaluation()
        .units
        .into_iter()
        .map(|u| (u.name, u.status, u.proposed_code))
        .collect()
}

fn find<'a>(
    rows: &'a [(String, String, Option<String>)],
    name: &str,
) -> &'a (String, String, Option<String>) {
    rows.iter()
        .find(|r| r.0 == name)
        .unwrap_or_else(|| panic!("{name}: {rows:?}"))
}

#[test]
fn each_unit_says_what_happened_to_it() {
    let base = five();
    let rows = statuses(
        &base,
        vec![
            merge_into(&["西乡"], "东镇"),
            convert("南乡", Town, None),
            Operation::Rename {
                unit: "北乡".into(),
                name: "北山乡".into(),
            },
        ],
    );
    assert_eq!(find(&rows, "东镇").1, "调整");
    assert_eq!(find(&rows, "南镇").1, "建制变更");
    assert_eq!(find(&rows, "北山乡").1, "调整");
    assert_eq!(find(&rows, "中镇").1, "保留");
    // Moving the seat is an adjustment too.
    let rows = statuses(
        &base,
        vec![Operation::MoveSeat {
            unit: "中镇".into(),
            village: "中2村".into(),
        }],
    );
    assert_eq!(find(&rows, "中镇").1, "调整");
    assert_eq!(find(&rows, "东镇").1, "保留");
    let rows = statuses(
        &base,
        vec![Operation::Merge {
            units: vec!["西乡".into(), "南乡".into()],
            target: MergeTarget::New(NewUnitSpec {
                name: "西南镇".into(),
                kind: Town,
                seat: None,
            }),
        }],
    );
    assert_eq!(find(&rows, "西南镇").1, "新设");
}

#[test]
fn new_units_are_proposed_the_next_free_codes_of_their_range_in_order() {
    let base = five();
    let rows = statuses(
        &base,
        vec![
            convert("西乡", Town, None),
            convert("南乡", Subdistrict, None),
            convert("北乡", Town, None),
        ],
    );
    // 镇: after the highest used number (104), one after the other; 街道: the range's first.
    assert_eq!(find(&rows, "西镇").2.as_deref(), Some("130634105"));
    assert_eq!(find(&rows, "南街道").2.as_deref(), Some("130634001"));
    assert_eq!(find(&rows, "北镇").2.as_deref(), Some("130634106"));
    assert_eq!(find(&rows, "东镇").2, None);
    // In the order of the operations, not of the units.
    let rows = statuses(
        &base,
        vec![convert("北乡", Town, None), convert("西乡", Town, None)],
    );
    assert_eq!(find(&rows, "北镇").2.as_deref(), Some("130634105"));
    assert_eq!(find(&rows, "西镇").2.as_deref(), Some("130634106"));
    // With the range's last number used once (retired codes are never reused), the first
    // number never used is taken.
    let mut base = five();
    base.used_codes
        .insert(DivisionCode::parse("130634199").unwrap());
    let rows = statuses(&base, vec![convert("西乡", Town, None)]);
    assert_eq!(find(&rows, "西镇").2.as_deref(), Some("130634105"));
    // A gap below the highest number stays unused (顺序编制 continues after the highest).
    let mut base = five();
    base.used_codes
        .insert(DivisionCode::parse("130634107").unwrap());
    let rows = statuses(&base, vec![convert("西乡", Town, None)]);
    assert_eq!(find(&rows, "西镇").2.as_deref(), Some("130634108"));
}
