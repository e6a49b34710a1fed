//! Property tests of the registry over generated counties and change sequences:
//! conservation, every village in exactly one township, no code reused, as-of = replay,
//! lineage consistent both ways, rebuild from stored parts, refused changes change nothing.

mod common;

use common::*;
use proptest::prelude::*;
use quhua_core::attr::{Amount, keys};
use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::registry::{Direction, Registry};
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, Level};
use std::collections::{HashMap, HashSet};

fn towns(s: &Snapshot) -> Vec<UnitId> {
    s.at_level(Level::Township).map(|u| u.id).collect()
}

fn villages(s: &Snapshot) -> Vec<UnitId> {
    s.at_level(Level::Village).map(|u| u.id).collect()
}

fn total(s: &Snapshot, level: Level, key: &str) -> Amount {
    s.at_level(level)
        .filter_map(|u| u.attrs.get(key))
        .map(|a| a.value)
        .sum()
}

/// Resolves an abstract step into a request against the current state.
fn request(reg: &Registry, date: Date, step: &Step) -> Option<ChangeRequest> {
    let s = reg.as_of(date);
    let t = towns(&s);
    let v = villages(&s);
    let pick = |i: usize, from: &[UnitId]| from.get(i % from.len().max(1)).copied();
    Some(match step {
        Step::Merge(a, b) => ChangeRequest::AbolishMerge {
            abolished: pick(*a, &t)?,
            into: pick(*b, &t)?,
        },
        Step::MergeNew(list, n) => ChangeRequest::MergeEstablish {
            abolished: list.iter().filter_map(|i| pick(*i, &t)).collect(),
            name: format!("新{n}镇"),
            kind: quhua_core::TownshipKind::Town,
            seat: None,
            code: None,
        },
        Step::Convert(a, k) => ChangeRequest::Convert {
            unit: pick(*a, &t)?,
            to: *k,
            name: None,
            code: None,
        },
        Step::Rename(a, n) => ChangeRequest::Rename {
            unit: pick(*a, &t)?,
            name: format!("名{n}镇"),
        },
        Step::Transfer(vi, ti) => ChangeRequest::VillageTransfer {
            villages: vec![pick(*vi, &v)?],
            to: pick(*ti, &t)?,
        },
        Step::SeatMove(ti, vi) => {
            let town = pick(*ti, &t)?;
            let own: Vec<UnitId> = s.children(town).to_vec();
            ChangeRequest::SeatMove {
                unit: town,
                seat: Seat {
                    village: pick(*vi, &own),
                    point: None,
                },
            }
        }
    })
}

/// Applies the steps; returns the registry and the dates used.
fn run(spec: &CountySpec, plan: &[(Step, u16)]) -> (Registry, Vec<Date>) {
    let mut reg = build(spec);
    let mut date = genesis_date();
    let mut dates = vec![date];
    for (step, gap) in plan {
        date = date + chrono::Days::new(u64::from(*gap));
        let Some(req) = request(&reg, date, step) else {
            continue;
        };
        let before = serde_json::to_string(&reg).expect("serialize");
        if reg.apply(req, date, "测试〔2026〕1号").is_err() {
            // A refused change leaves no trace.
            assert_eq!(before, serde_json::to_string(&reg).expect("serialize"));
        } else {
            dates.push(date);
        }
    }
    (reg, dates)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn registry_invariants(spec in county_spec(8), plan in steps(14)) {
        let (reg, dates) = run(&spec, &plan);
        let g = reg.as_of(genesis_date());
        let pop0 = total(&g, Level::Township, keys::POP_HUKOU);
        let area0 = total(&g, Level::Township, keys::AREA_KM2);
        let vpop0 = total(&g, Level::Village, keys::POP_HUKOU);
        let nv = villages(&g).len();
        let mut probe = dates.clone();
        probe.extend(dates.iter().map(|d| *d + chrono::Days::new(1)));
        probe.push(genesis_date() - chrono::Days::new(1));
        for d in probe {
            let s = reg.as_of(d);
            // as-of equals replay.
            prop_assert_eq!(&s, &reg.replay(d));
            if d < genesis_date() {
                prop_assert!(s.is_empty());
                continue;
            }
            // Conservation, exactly.
            prop_assert_eq!(total(&s, Level::Township, keys::POP_HUKOU), pop0);
            prop_assert_eq!(total(&s, Level::Township, keys::AREA_KM2), area0);
            prop_assert_eq!(total(&s, Level::Village, keys::POP_HUKOU), vpop0);
            // Every village in exactly one township in force; townships' totals match their villages.
            prop_assert_eq!(villages(&s).len(), nv);
            for v in s.at_level(Level::Village) {
                let p = v.parent.and_then(|p| s.get(p));
                prop_assert!(p.is_some_and(|p| p.level() == Level::Township), "village {} orphaned", v.label());
                prop_assert!(v.code.is_within(p.map(|p| p.code).unwrap_or(v.code)), "village code {} outside its township", v.code);
            }
            for t in s.at_level(Level::Township) {
                prop_assert!(!s.children(t.id).is_empty(), "township {} without villages", t.label());
                let sum: Amount = s.children(t.id).iter().filter_map(|v| s.get(*v)?.attrs.get(keys::POP_HUKOU)).map(|a| a.value).sum();
                prop_assert_eq!(t.attrs.get(keys::POP_HUKOU).map(|a| a.value), Some(sum));
                if let Some(seat) = t.seat.as_ref().and_then(|x| x.village) {
                    prop_assert_eq!(s.get(seat).and_then(|v| v.parent), Some(t.id));
                }
            }
            // Codes unique within the snapshot.
            let codes: HashSet<DivisionCode> = s.units().iter().map(|u| u.code).collect();
            prop_assert_eq!(codes.len(), s.len());
        }
        // No code ever carried by two units, across all history.
        let mut holder: HashMap<DivisionCode, UnitId> = HashMap::new();
        for id in 0..reg.unit_count() {
            for v in reg.history(UnitId(id as u32)).unwrap_or(&[]) {
                let h = *holder.entry(v.state.code).or_insert(v.state.id);
                prop_assert_eq!(h, v.state.id, "code {} reused", v.state.code);
            }
        }
        // The code book, recounted from the histories alone: each code's holder, first day,
        // and the day it was retired (the end of the last version carrying it, unless that
        // version is still in force).
        let mut expected: HashMap<DivisionCode, (UnitId, Date, Option<Date>)> = HashMap::new();
        for id in 0..reg.unit_count() {
            for v in reg.history(UnitId(id as u32)).unwrap_or(&[]) {
                let e = expected.entry(v.state.code).or_insert((v.state.id, v.valid_from, None));
                e.2 = v.valid_to;
            }
        }
        // A code assigned and replaced on one day leaves no version behind (same-day versions
        // are merged), but the code book keeps it, used for no day at all.
        for (code, u) in reg.codes().iter() {
            prop_assert!(expected.contains_key(code) || u.valid_to == Some(u.valid_from), "code {} in no history", code);
        }
        for (code, (unit, from, to)) in &expected {
            let u = reg.codes().get(*code);
            prop_assert!(u.is_some(), "code {} missing from the code book", code);
            let u = u.unwrap();
            prop_assert_eq!((u.unit, u.valid_from, u.valid_to), (*unit, *from, *to), "code {}", code);
        }
        // Each unit's codes, from the same recount, in order of first use.
        for id in (0..reg.unit_count()).map(|i| UnitId(i as u32)) {
            let mut mine: Vec<(DivisionCode, Date, Option<Date>)> = expected
                .iter()
                .filter(|(_, (u, _, _))| *u == id)
                .map(|(c, (_, from, to))| (*c, *from, *to))
                .collect();
            mine.sort_by_key(|(c, from, _)| (*from, *c));
            let mut got = reg.codes_of(id);
            // Zero-length uses (assigned and replaced on one day) may or may not leave a version.
            got.retain(|(_, from, to)| *to != Some(*from));
            mine.retain(|(_, from, to)| *to != Some(*from));
            got.sort_by_key(|(c, from, _)| (*from, *c));
            prop_assert_eq!(got, mine);
        }
        // The changes between two dates: the events after the first and on or before the second.
        for from in &dates {
            for to in &dates {
                let want: Vec<u32> = reg.events().iter().filter(|e| e.date > *from && e.date <= *to).map(|e| e.id.0).collect();
                let got: Vec<u32> = reg.changes_between(*from, *to).iter().map(|e| e.id.0).collect();
                prop_assert_eq!(got, want, "{} .. {}", from, to);
            }
        }
        // Units ever recorded: the initial list and every establishment; the latest state is
        // the last version's, in force or not.
        let established: usize = reg.events().iter().map(|e| e.established().count()).sum();
        prop_assert_eq!(reg.unit_count(), reg.genesis().len() + established);
        prop_assert_eq!(reg.genesis_date(), genesis_date());
        for id in (0..reg.unit_count()).map(|i| UnitId(i as u32)) {
            let last = reg.history(id).and_then(|h| h.last());
            prop_assert_eq!(reg.latest(id), last.map(|v| &v.state));
            prop_assert_eq!(reg.current(id).is_some(), last.is_some_and(|v| v.valid_to.is_none()));
        }
        // Appending the recorded events one by one to the initial list gives the same registry.
        let mut appended = Registry::from_parts(reg.genesis_date(), reg.genesis().to_vec(), reg.genesis_sources().to_vec(), Vec::new())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for e in reg.events() {
            appended.append_recorded(e.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert_eq!(appended.codes(), reg.codes());
        prop_assert_eq!(appended.sources(), reg.sources());
        for d in &dates {
            prop_assert_eq!(appended.as_of(*d), reg.as_of(*d));
        }
        // Lineage consistent forwards and backwards.
        for e in reg.events() {
            for l in &e.lineage {
                prop_assert!(reg.lineage(l.from, Direction::Forward).iter().any(|s| s.to == l.to && s.event == e.id));
                prop_assert!(reg.lineage(l.to, Direction::Backward).iter().any(|s| s.from == l.from && s.event == e.id));
            }
        }
        // Rebuilding from the stored parts gives the same registry.
        let rebuilt = Registry::from_parts(reg.genesis_date(), reg.genesis().to_vec(), reg.sources().to_vec(), reg.events().to_vec());
        let rebuilt = rebuilt.map_err(|e| TestCaseError::fail(e.to_string()))?;
        for d in &dates {
            prop_assert_eq!(rebuilt.as_of(*d), reg.as_of(*d));
        }
    }
}

#[test]
fn quyang_conversion_takes_next_town_number_and_retires_code() {
    use quhua_core::TownshipKind;
    let spec = CountySpec {
        townships: vec![
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Town, vec![(1000, 10_000)]),
            (TownshipKind::Township, vec![(500, 10_000), (700, 20_000)]),
        ],
    };
    let mut reg = build(&spec);
    let xiang = reg
        .unit_by_code(DivisionCode::parse("130634200").unwrap())
        .unwrap();
    let d = Date::from_ymd_opt(2025, 1, 1).unwrap();
    let e = reg
        .apply(
            ChangeRequest::Convert {
                unit: xiang,
                to: TownshipKind::Town,
                name: None,
                code: None,
            },
            d,
            "冀政字〔2025〕1号",
        )
        .unwrap()
        .clone();
    assert_eq!(e.kind.zh(), "撤乡设镇");
    let new = e.established().next().unwrap();
    assert_eq!(new.code.short(), "130634102");
    assert_eq!(new.name, "测2镇");
    // The villages keep their numbers under the new code.
    let s = reg.as_of(d);
    let mut vcodes: Vec<String> = s
        .children(new.id)
        .iter()
        .map(|v| s.get(*v).unwrap().code.short())
        .collect();
    vcodes.sort();
    assert_eq!(vcodes, vec!["130634102200", "130634102201"]);
    // The retired code cannot come back.
    let other = reg
        .unit_by_code(DivisionCode::parse("130634100").unwrap())
        .unwrap();
    let err = reg
        .apply(
            ChangeRequest::Convert {
                unit: other,
                to: TownshipKind::Township,
                name: None,
                code: Some(DivisionCode::parse("130634200").unwrap()),
            },
            d,
            "冀政字〔2025〕2号",
        )
        .unwrap_err();
    assert!(err.to_string().contains("废码不用"), "{err}");
    // Lineage: where did the 乡 go?
    let steps = reg.lineage(xiang, Direction::Forward);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].to, new.id);
    assert_eq!(steps[0].villages.len(), 2);
}

#[test]
fn cross_county_merge_is_refused() {
    use quhua_core::registry::{RawUnit, RegistryBuilder};
    let mut b = RegistryBuilder::new();
    let c1 = DivisionCode::parse("130634").unwrap();
    let c2 = DivisionCode::parse("130635").unwrap();
    b.push(RawUnit::new(
        DivisionCode::parse("1306").unwrap(),
        "保定市",
        None,
    ));
    b.push(RawUnit::new(
        c1,
        "甲县",
        Some(DivisionCode::parse("1306").unwrap()),
    ));
    b.push(RawUnit::new(
        c2,
        "乙县",
        Some(DivisionCode::parse("1306").unwrap()),
    ));
    let t1 = DivisionCode::township(c1, 100).unwrap();
    let t2 = DivisionCode::township(c2, 100).unwrap();
    b.push(RawUnit::new(t1, "甲镇", Some(c1)));
    b.push(RawUnit::new(t2, "乙镇", Some(c2)));
    let (mut reg, _) = b.build(genesis_date()).unwrap();
    let err = reg
        .apply(
            ChangeRequest::AbolishMerge {
                abolished: UnitId(3),
                into: UnitId(4),
            },
            genesis_date(),
            "x",
        )
        .unwrap_err();
    assert!(err.to_string().contains("跨县"), "{err}");
    assert!(reg.events().is_empty());
}

#[test]
fn genesis_errors_name_the_row() {
    use quhua_core::registry::{RawUnit, RegistryBuilder};
    let mut b = RegistryBuilder::new();
    let c = DivisionCode::parse("130634").unwrap();
    b.push(RawUnit::new(c, "曲阳县", None));
    b.push(RawUnit::new(
        DivisionCode::parse("130634100").unwrap(),
        "恒州镇",
        Some(c),
    ));
    b.push(RawUnit::new(
        DivisionCode::parse("130634100").unwrap(),
        "重复镇",
        Some(c),
    ));
    let err = b.build(genesis_date()).unwrap_err().to_string();
    assert!(err.contains("第 3 行") && err.contains("重复"), "{err}");
    let mut b = RegistryBuilder::new();
    b.push(RawUnit::new(
        DivisionCode::parse("130634100").unwrap(),
        "恒州镇",
        Some(c),
    ));
    let err = b.build(genesis_date()).unwrap_err().to_string();
    assert!(err.contains("第 1 行") && err.contains("130634"), "{err}");
}
