//! 村级建制调整 on generated counties: any sequence of village merges (into an existing or a
//! new village), splits, conversions (撤村设居), renames and 村划归, in the registry and in a
//! scenario. Population, households and area are conserved exactly; no code is ever reused;
//! every village lies in exactly one township in force on every date; a scheme's evaluation
//! agrees with the registry after it is applied.

mod common;

use proptest::prelude::*;
use quhua_core::attr::{Amount, AttrValue, Attrs, Source, keys};
use quhua_core::date::Date;
use quhua_core::event::{ChangeRequest, SplitTarget};
use quhua_core::policy::Policy;
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::scenario::{
    Base, Fraction, NewVillageSpec, Operation, Scenario, Session, VillageTarget, apply_scenario,
};
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind};
use std::collections::{HashMap, HashSet};

const KEYS: [&str; 3] = [keys::POP_HUKOU, keys::AREA_KM2, keys::HOUSEHOLDS];

/// Villages per township: (population, area raw, households, is 居委会).
type Spec = Vec<Vec<(i64, i64, i64, bool)>>;

fn spec() -> impl Strategy<Value = Spec> {
    proptest::collection::vec(
        proptest::collection::vec(
            (
                100i64..5_000,
                1i64..9_000_000,
                30i64..1_500,
                proptest::bool::weighted(0.2),
            ),
            1..7,
        ),
        2..6,
    )
}

fn genesis() -> Date {
    Date::from_ymd_opt(2023, 6, 30).expect("date")
}

fn attrs(pop: i64, area: i64, hh: i64) -> Attrs {
    [
        (keys::POP_HUKOU, Amount::from_int(pop)),
        (keys::AREA_KM2, Amount(area)),
        (keys::HOUSEHOLDS, Amount::from_int(hh)),
    ]
    .into_iter()
    .map(|(k, v)| {
        (
            k.to_string(),
            AttrValue {
                value: v,
                source: 0,
            },
        )
    })
    .collect()
}

/// County 130634: townships 1xx (镇), villages numbered in their kind's range, figures on
/// villages and (summed) on townships.
fn build(spec: &Spec) -> Registry {
    let mut b = RegistryBuilder::new();
    b.source(Source {
        label: "示意".into(),
        synthetic: true,
    });
    let county = DivisionCode::parse("130634").expect("code");
    b.push(RawUnit::new(county, "测试县", None));
    let mut row = 1u32;
    for (ti, villages) in spec.iter().enumerate() {
        let code = DivisionCode::township(county, 100 + ti as u16).expect("code");
        let sum = villages
            .iter()
            .fold((0, 0, 0), |s, v| (s.0 + v.0, s.1 + v.1, s.2 + v.2));
        let mut t = RawUnit::new(code, format!("测{ti}镇"), Some(county));
        t.kind = Some(UnitKind::Township(TownshipKind::Town));
        t.attrs = attrs(sum.0, sum.1, sum.2);
        t.seat = Some(Seat {
            village: Some(UnitId(row + 1)),
            point: None,
        });
        b.push(t);
        row += 1;
        let (mut nr, mut nv) = (1u16, 200u16);
        for (vi, &(p, a, h, residents)) in villages.iter().enumerate() {
            let (seq, kind, name) = if residents {
                nr += 1;
                (nr - 1, VillageKind::Residents, format!("测{ti}社区{vi}"))
            } else {
                nv += 1;
                (nv - 1, VillageKind::Villagers, format!("测{ti}村{vi}"))
            };
            let mut v = RawUnit::new(
                DivisionCode::village(code, seq).expect("code"),
                name,
                Some(code),
            );
            v.kind = Some(UnitKind::Village(kind));
            v.attrs = attrs(p, a, h);
            b.push(v);
            row += 1;
        }
    }
    b.build(genesis()).expect("valid generated registry").0
}

fn total(s: &Snapshot, level: Level, key: &str) -> Amount {
    s.at_level(level)
        .filter_map(|u| u.attrs.get(key))
        .map(|a| a.value)
        .sum()
}

/// An abstract village change, resolved against the state in force.
#[derive(Debug, Clone)]
enum Step {
    MergeInto(usize, usize),
    MergeNew(usize, usize, u16),
    Convert(usize, bool),
    Split(usize, usize, u32, bool),
    Rename(usize, u16),
    Transfer(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..99, 0usize..99).prop_map(|(a, b)| Step::MergeInto(a, b)),
        2 => (0usize..99, 0usize..99, 0u16..500).prop_map(|(a, b, n)| Step::MergeNew(a, b, n)),
        2 => (0usize..99, any::<bool>()).prop_map(|(a, r)| Step::Convert(a, r)),
        2 => (0usize..99, 0usize..99, 1u32..999_999, any::<bool>()).prop_map(|(a, b, s, n)| Step::Split(a, b, s, n)),
        1 => (0usize..99, 0u16..500).prop_map(|(a, n)| Step::Rename(a, n)),
        2 => (0usize..99, 0usize..99).prop_map(|(a, b)| Step::Transfer(a, b)),
    ]
}

/// A request for the step: villages picked among those in force, the partner preferably in
/// the same township (so most merges are valid; the rest must be refused cleanly).
fn request(reg: &Registry, date: Date, step: &Step) -> Option<ChangeRequest> {
    let s = reg.as_of(date);
    let vs: Vec<&quhua_core::unit::UnitState> = s.at_level(Level::Village).collect();
    let ts: Vec<UnitId> = s.at_level(Level::Township).map(|u| u.id).collect();
    let pick = |i: usize| vs.get(i % vs.len().max(1)).copied();
    let partner = |a: &quhua_core::unit::UnitState, j: usize| {
        let same: Vec<_> = vs
            .iter()
            .filter(|v| v.parent == a.parent && v.id != a.id)
            .collect();
        if j.is_multiple_of(5) || same.is_empty() {
            pick(j)
        } else {
            Some(*same[j % same.len()])
        }
    };
    Some(match step {
        Step::MergeInto(a, b) => {
            let a = pick(*a)?;
            ChangeRequest::VillageAbolishMerge {
                abolished: a.id,
                into: partner(a, *b)?.id,
            }
        }
        Step::MergeNew(a, b, n) => {
            let a = pick(*a)?;
            ChangeRequest::VillageMergeEstablish {
                abolished: vec![a.id, partner(a, *b)?.id],
                name: format!("合{n}村"),
                kind: VillageKind::Villagers,
                code: None,
            }
        }
        Step::Convert(a, to_residents) => ChangeRequest::VillageConvert {
            village: pick(*a)?.id,
            to: if *to_residents {
                VillageKind::Residents
            } else {
                VillageKind::Villagers
            },
            name: None,
            code: None,
        },
        Step::Split(a, b, share, new) => {
            let a = pick(*a)?;
            ChangeRequest::VillageSplit {
                village: a.id,
                to: if *new {
                    SplitTarget::New {
                        name: format!("分{share}村"),
                        kind: VillageKind::Villagers,
                    }
                } else {
                    SplitTarget::Into(partner(a, *b)?.id)
                },
                share: *share,
                key_shares: vec![(keys::HOUSEHOLDS.into(), (*share / 2).max(1))],
            }
        }
        Step::Rename(a, n) => ChangeRequest::Rename {
            unit: pick(*a)?.id,
            name: format!("更{n}村"),
        },
        Step::Transfer(a, t) => ChangeRequest::VillageTransfer {
            villages: vec![pick(*a)?.id],
            to: ts[*t % ts.len()],
        },
    })
}

/// How many generated changes each kind of step had accepted (the generator must exercise them).
#[derive(Default, Debug)]
struct Tally {
    accepted: HashMap<&'static str, usize>,
}

impl Tally {
    fn note(&mut self, st: &Step) {
        *self.accepted.entry(step_name(st)).or_default() += 1;
    }

    fn assert_every_kind(&self, at_least: usize) {
        for k in [
            "merge_into",
            "merge_new",
            "convert",
            "split",
            "rename",
            "transfer",
        ] {
            let n = self.accepted.get(k).copied().unwrap_or(0);
            assert!(n >= at_least, "only {n} accepted {k} steps: {self:?}");
        }
    }
}

fn step_name(st: &Step) -> &'static str {
    match st {
        Step::MergeInto(..) => "merge_into",
        Step::MergeNew(..) => "merge_new",
        Step::Convert(..) => "convert",
        Step::Split(..) => "split",
        Step::Rename(..) => "rename",
        Step::Transfer(..) => "transfer",
    }
}

fn runner() -> proptest::test_runner::TestRunner {
    proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(128))
}

#[test]
fn village_changes_conserve_and_never_reuse_codes() {
    let tally = std::cell::RefCell::new(Tally::default());
    let strategy = (spec(), proptest::collection::vec((step(), 0u16..40), 1..16));
    if let Err(e) = runner().run(&strategy, |(spec, plan)| {
        registry_case(&spec, &plan, &mut tally.borrow_mut())
    }) {
        panic!("{e}");
    }
    tally.into_inner().assert_every_kind(8);
}

#[test]
fn scenario_village_layer_conserves_and_matches_the_registry() {
    let tally = std::cell::RefCell::new(Tally::default());
    let strategy = (spec(), proptest::collection::vec(step(), 1..12));
    if let Err(e) = runner().run(&strategy, |(spec, plan)| {
        scenario_case(&spec, &plan, &mut tally.borrow_mut())
    }) {
        panic!("{e}");
    }
    tally.into_inner().assert_every_kind(8);
}

fn registry_case(
    spec: &Spec,
    plan: &[(Step, u16)],
    tally: &mut Tally,
) -> Result<(), TestCaseError> {
    {
        let mut reg = build(spec);
        let g = reg.as_of(genesis());
        let totals0: Vec<Amount> = KEYS.iter().map(|k| total(&g, Level::Village, k)).collect();
        let mut date = genesis();
        let mut dates = vec![date];
        let mut applied = 0;
        for (st, gap) in plan {
            date = date + chrono::Days::new(u64::from(*gap));
            let Some(req) = request(&reg, date, st) else {
                continue;
            };
            let before = serde_json::to_string(&reg).expect("serialise");
            match reg.apply(req, date, "曲政字〔2026〕1号") {
                Ok(_) => {
                    dates.push(date);
                    applied += 1;
                    tally.note(st);
                }
                Err(_) => prop_assert_eq!(
                    &before,
                    &serde_json::to_string(&reg).expect("serialise"),
                    "a refused change left a trace"
                ),
            }
        }
        for d in dates.iter().flat_map(|d| [*d, *d + chrono::Days::new(1)]) {
            let s = reg.as_of(d);
            prop_assert_eq!(&s, &reg.replay(d));
            for (k, t0) in KEYS.iter().zip(&totals0) {
                prop_assert_eq!(
                    total(&s, Level::Village, k),
                    *t0,
                    "village {} total on {}",
                    k,
                    d
                );
                prop_assert_eq!(
                    total(&s, Level::Township, k),
                    *t0,
                    "township {} total on {}",
                    k,
                    d
                );
            }
            for t in s.at_level(Level::Township) {
                for k in KEYS {
                    let sum: Amount = s
                        .children(t.id)
                        .iter()
                        .filter_map(|v| s.get(*v)?.attrs.get(k))
                        .map(|a| a.value)
                        .sum();
                    prop_assert_eq!(
                        t.attrs.get(k).map(|a| a.value),
                        Some(sum),
                        "{} of {}",
                        k,
                        t.label()
                    );
                }
                if let Some(seat) = t.seat.as_ref().and_then(|x| x.village) {
                    prop_assert_eq!(
                        s.get(seat).and_then(|v| v.parent),
                        Some(t.id),
                        "seat of {} not among its villages",
                        t.label()
                    );
                }
            }
            // Every village in exactly one township in force, its code inside that township's,
            // in its kind's range.
            for v in s.at_level(Level::Village) {
                let p = v.parent.and_then(|p| s.get(p));
                prop_assert!(
                    p.is_some_and(|p| p.level() == Level::Township),
                    "village {} orphaned",
                    v.label()
                );
                prop_assert!(v.code.is_within(p.map(|p| p.code).unwrap_or(v.code)));
                if let UnitKind::Village(k) = v.kind {
                    prop_assert!(
                        k.range().numbers().contains(&v.code.village_seq()),
                        "{} outside the {} range",
                        v.label(),
                        k.zh()
                    );
                }
            }
            let codes: HashSet<DivisionCode> = s.units().iter().map(|u| u.code).collect();
            prop_assert_eq!(codes.len(), s.len());
        }
        // No code ever carried by two units.
        let mut holder: HashMap<DivisionCode, UnitId> = HashMap::new();
        for id in 0..reg.unit_count() {
            for v in reg.history(UnitId(id as u32)).unwrap_or(&[]) {
                let h = *holder.entry(v.state.code).or_insert(v.state.id);
                prop_assert_eq!(h, v.state.id, "code {} reused", v.state.code);
            }
        }
        // Every abolished village has a successor in its event's lineage.
        for e in reg.events() {
            for a in e.abolished() {
                prop_assert!(
                    e.lineage.iter().any(|l| l.from == a),
                    "{:?} abolished without a successor",
                    a
                );
            }
        }
        let rebuilt = Registry::from_parts(
            reg.genesis_date(),
            reg.genesis().to_vec(),
            reg.sources().to_vec(),
            reg.events().to_vec(),
        )
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for d in &dates {
            prop_assert_eq!(rebuilt.as_of(*d), reg.as_of(*d));
        }
        let _ = applied;
    }
    Ok(())
}

fn scenario_case(spec: &Spec, plan: &[Step], tally: &mut Tally) -> Result<(), TestCaseError> {
    {
        let reg = build(spec);
        let snap = reg.as_of(genesis());
        let base = Base::from_snapshot(
            &snap,
            DivisionCode::parse("130634").expect("code"),
            keys::POP_HUKOU,
        )
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .with_code_history(reg.codes());
        let policy = Policy::default_policy();
        let mut s = Session::new(&base, &policy);
        let k = |key: &str| base.keys.iter().position(|x| x == key).expect("key");
        let ks: Vec<usize> = KEYS.iter().map(|x| k(x)).collect();
        let totals0: Vec<Amount> = ks.iter().map(|&i| base.total(i)).collect();
        for (n, st) in plan.iter().enumerate() {
            let Some(op) = op_for(&s, st, n) else {
                continue;
            };
            let before = s.state().clone();
            if s.push(op).is_err() {
                prop_assert_eq!(s.state(), &before, "a refused operation changed the state");
                continue;
            }
            tally.note(st);
            let state = s.state();
            let layer = &state.villages;
            for (&ki, t0) in ks.iter().zip(&totals0) {
                let sum: Amount = layer.alive().filter_map(|(_, v)| v.attrs[ki]).sum();
                prop_assert_eq!(sum, *t0, "village total of {}", base.keys[ki]);
            }
            // Each township's villages hold exactly its figures; every base village is held by
            // at least one alive village, and each village's parts lie in one township.
            let mut held = vec![0usize; base.villages.len()];
            for (i, v) in layer.alive() {
                let t = layer.township_of(i, &state.village_unit);
                for &p in &v.parts {
                    held[p as usize] += 1;
                    prop_assert_eq!(
                        state.village_unit[p as usize],
                        t,
                        "parts of {} in two townships",
                        v.name
                    );
                }
            }
            prop_assert!(held.iter().all(|&h| h >= 1));
            for (t, u) in state.alive() {
                for &ki in &ks {
                    let sum: Amount = layer
                        .alive()
                        .filter(|(i, _)| layer.township_of(*i, &state.village_unit) == t)
                        .filter_map(|(_, v)| v.attrs[ki])
                        .sum();
                    prop_assert_eq!(u.attrs[ki], Some(sum), "{} of {}", base.keys[ki], u.name);
                }
            }
        }
        // Incremental evaluation equals a fresh one.
        let ev = s.evaluation();
        let mut fresh = Session::new(&base, &policy);
        fresh
            .reset(s.ops().to_vec())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&ev, &fresh.evaluation());
        // Applied to the registry, the scheme gives the villages the evaluation shows.
        let scenario = Scenario {
            name: "示意".into(),
            county: "130634".into(),
            policy: None,
            base_date: None,
            note: None,
            ops: s.ops().to_vec(),
        };
        let mut applied = reg.clone();
        let d = Date::from_ymd_opt(2024, 1, 1).expect("date");
        apply_scenario(&mut applied, &scenario, genesis(), d, "曲政字〔2024〕1号")
            .map_err(|e| TestCaseError::fail(format!("{e} for {:?}", scenario.ops)))?;
        let after = applied.as_of(d);
        prop_assert_eq!(
            after.at_level(Level::Village).count(),
            ev.villages.indicators.after.count
        );
        let mut names_after: Vec<(String, i64)> = after
            .at_level(Level::Village)
            .map(|v| (v.name.clone(), v.attrs[keys::POP_HUKOU].value.0))
            .collect();
        let mut names_ev: Vec<(String, i64)> = s
            .state()
            .villages
            .alive()
            .map(|(_, v)| {
                (
                    v.name.clone(),
                    v.attrs[k(keys::POP_HUKOU)].map_or(0, |a| a.0),
                )
            })
            .collect();
        names_after.sort();
        names_ev.sort();
        prop_assert_eq!(names_after, names_ev);
        // The proposed codes are the ones the registry assigned.
        for v in &ev.villages.changed {
            if let Some(c) = &v.proposed_code {
                let got = after
                    .at_level(Level::Village)
                    .find(|u| u.name == v.name)
                    .map(|u| u.code.to_string());
                prop_assert_eq!(got.as_deref(), Some(c.as_str()), "code of {}", v.name);
            }
        }
    }
    Ok(())
}

/// The scenario operation for a step, against the session's villages (names unique: each
/// generated name carries its step number).
fn op_for(s: &Session, st: &Step, n: usize) -> Option<Operation> {
    let state = s.state();
    let layer = &state.villages;
    let alive: Vec<(u32, &quhua_core::scenario::ResultVillage)> = layer.alive().collect();
    let code_or_name =
        |v: &quhua_core::scenario::ResultVillage| v.code.map_or(v.name.clone(), |c| c.to_string());
    let pick = |i: usize| alive.get(i % alive.len().max(1)).copied();
    let partner = |a: u32, j: usize| {
        let t = layer.township_of(a, &state.village_unit);
        let same: Vec<_> = alive
            .iter()
            .filter(|(i, _)| *i != a && layer.township_of(*i, &state.village_unit) == t)
            .collect();
        if j.is_multiple_of(5) || same.is_empty() {
            pick(j)
        } else {
            Some(*same[j % same.len()])
        }
    };
    Some(match st {
        Step::MergeInto(a, b) => {
            let (ai, av) = pick(*a)?;
            let (_, bv) = partner(ai, *b)?;
            Operation::MergeVillages {
                villages: vec![code_or_name(av)],
                target: VillageTarget::Into(code_or_name(bv)),
            }
        }
        Step::MergeNew(a, b, m) => {
            let (ai, av) = pick(*a)?;
            let (_, bv) = partner(ai, *b)?;
            Operation::MergeVillages {
                villages: vec![code_or_name(av), code_or_name(bv)],
                target: VillageTarget::New(NewVillageSpec {
                    name: format!("合{m}村{n}"),
                    kind: None,
                }),
            }
        }
        Step::Convert(a, r) => Operation::ConvertVillage {
            village: code_or_name(pick(*a)?.1),
            to: Some(if *r {
                VillageKind::Residents
            } else {
                VillageKind::Villagers
            }),
            name: Some(format!("转{n}")),
        },
        Step::Split(a, b, share, new) => {
            let (ai, av) = pick(*a)?;
            Operation::SplitVillage {
                village: code_or_name(av),
                share: Fraction(f64::from(*share) / 1e6),
                population_share: None,
                area_share: None,
                households_share: Some(Fraction(f64::from((*share / 2).max(1)) / 1e6)),
                target: if *new {
                    VillageTarget::New(NewVillageSpec {
                        name: format!("分{n}村"),
                        kind: None,
                    })
                } else {
                    VillageTarget::Into(code_or_name(partner(ai, *b)?.1))
                },
            }
        }
        Step::Rename(a, m) => Operation::RenameVillage {
            village: code_or_name(pick(*a)?.1),
            name: format!("更{m}村{n}"),
        },
        Step::Transfer(a, t) => {
            let towns: Vec<String> = state.alive().map(|(_, u)| u.name.clone()).collect();
            Operation::Transfer {
                villages: vec![code_or_name(pick(*a)?.1)],
                to: towns[*t % towns.len()].clone(),
            }
        }
    })
}
