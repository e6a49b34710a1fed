//! Property tests on generated registries: crosswalk weights from each unit sum to exactly 1
//! in both directions, and recasting any generated table forward and back preserves every
//! extensive total exactly.

#[path = "../../quhua-core/tests/common/mod.rs"]
mod common;

use chrono::Datelike;
use common::{CountySpec, Step, build, county_spec, genesis_date, steps};
use proptest::prelude::*;
use quhua_core::attr::Amount;
use quhua_core::date::Date;
use quhua_core::event::{ChangeRequest, EventType};
use quhua_core::registry::Registry;
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, Level};
use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightBy};
use quhua_stats::observation::{Nature, Observation, ObservationTable};
use quhua_stats::recast::{Method, recast};
use std::collections::BTreeMap;

fn at(s: &Snapshot, level: Level) -> Vec<UnitId> {
    s.at_level(level).map(|u| u.id).collect()
}

fn request(reg: &Registry, date: Date, step: &Step) -> Option<ChangeRequest> {
    let s = reg.as_of(date);
    let t = at(&s, Level::Township);
    let v = at(&s, Level::Village);
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
            ChangeRequest::SeatMove {
                unit: town,
                seat: Seat {
                    village: pick(*vi, s.children(town)),
                    point: None,
                },
            }
        }
    })
}

fn run(spec: &CountySpec, plan: &[(Step, u16)]) -> (Registry, Vec<Date>) {
    let mut reg = build(spec);
    let mut date = genesis_date();
    let mut dates = vec![date];
    for (step, gap) in plan {
        date = date + chrono::Days::new(u64::from(*gap) + 1);
        if let Some(req) = request(&reg, date, step)
            && reg.apply(req, date, "测试〔2026〕1号").is_ok()
        {
            dates.push(date);
        }
    }
    (reg, dates)
}

fn weights() -> impl Strategy<Value = WeightBy> {
    prop_oneof![
        Just(WeightBy::Population),
        Just(WeightBy::Area),
        Just(WeightBy::Villages),
        Just(WeightBy::Households),
    ]
}

/// A table on the townships of `date`: `n` indicators, values from `seed`.
fn table(reg: &Registry, date: Date, n: usize, seed: u64, intensive: bool) -> ObservationTable {
    let mut x = seed | 1;
    let mut obs = Vec::new();
    for u in reg.as_of(date).at_level(Level::Township) {
        for k in 0..n {
            for period in [2023, 2024] {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                obs.push(Observation {
                    code: u.code,
                    indicator: format!("i{k}"),
                    period,
                    value: Amount((x % 2_000_000_000) as i64 - 500_000_000),
                    unit: "万元".into(),
                    source: "generated".into(),
                });
            }
        }
    }
    let mut t = ObservationTable::new(obs);
    t.boundaries = Some(date);
    if intensive {
        t.natures.insert("i0".into(), Nature::Intensive);
    }
    t
}

fn totals(t: &ObservationTable) -> BTreeMap<(String, i32), Amount> {
    let mut m = BTreeMap::new();
    for o in &t.observations {
        if t.nature(&o.indicator) == Nature::Extensive {
            *m.entry((o.indicator.clone(), o.period))
                .or_insert(Amount::ZERO) += o.value;
        }
    }
    m
}

/// A figure as the reference computes it: value, method, sources.
type Expected = BTreeMap<(DivisionCode, String, i32), (Amount, Method, Vec<DivisionCode>)>;

/// The recast computed the plain way, figure by figure into a map (an independent path from
/// the library's target-by-target gathering): each figure's value shared over its source's
/// links by the exact forward weights, rates weighted by the measure carried.
fn reference(reg: &Registry, t: &ObservationTable, to: Date, opts: &CrosswalkOptions) -> Expected {
    #[derive(Default)]
    struct A {
        sum: i128,
        wsum: i128,
        n: usize,
        apportioned: bool,
        same: bool,
        sources: std::collections::BTreeSet<DivisionCode>,
    }
    let cw = Crosswalk::build(reg, t.boundaries.unwrap(), to, opts).unwrap();
    let mut acc: BTreeMap<(DivisionCode, String, i32), A> = BTreeMap::new();
    for o in &t.observations {
        let id = reg.unit_by_code(o.code).unwrap();
        let f = cw.from_units.iter().position(|u| u.id == id).unwrap();
        let links = cw.links_from(f);
        let intensive = t.nature(&o.indicator) == Nature::Intensive;
        let single = links.len() == 1 && !links[0].split;
        let w: Vec<i128> = links.iter().map(|l| cw.forward_fraction(l).0).collect();
        let parts = quhua_stats::apportion::apportion(o.value, &w);
        for (l, part) in links.iter().zip(parts) {
            let target = &cw.to_units[l.to];
            let a = acc
                .entry((target.code, o.indicator.clone(), o.period))
                .or_default();
            if intensive {
                let w = if cw.to_total[l.to] > 0 {
                    l.measure
                } else {
                    l.villages as i128
                };
                a.sum += o.value.0 as i128 * w;
                a.wsum += w;
                a.same = links.len() == 1 && target.id == id;
            } else {
                a.sum += part.0 as i128;
                a.apportioned |= !single;
                a.same = single && target.id == id;
            }
            a.n += 1;
            a.sources.insert(o.code);
        }
    }
    acc.into_iter()
        .map(|(k, a)| {
            let intensive = t.nature(&k.1) == Nature::Intensive;
            let value = if !intensive {
                Amount(a.sum as i64)
            } else if a.wsum > 0 {
                let (q, r) = (a.sum / a.wsum, a.sum % a.wsum);
                Amount(
                    (if 2 * r.abs() >= a.wsum {
                        q + a.sum.signum()
                    } else {
                        q
                    }) as i64,
                )
            } else {
                Amount::ZERO
            };
            let method = match (intensive, a.apportioned, a.n == 1 && a.same) {
                (false, true, _) => Method::Apportioned,
                (_, _, true) => Method::Unchanged,
                (false, false, false) => Method::Summed,
                (true, _, false) => Method::Weighted,
            };
            (k, (value, method, a.sources.into_iter().collect()))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn recast_agrees_with_the_figure_by_figure_reference(spec in county_spec(8), plan in steps(12), w in weights(),
                                                         n in 1usize..4, seed in any::<u64>(), intensive in any::<bool>(),
                                                         back in any::<bool>()) {
        let (reg, dates) = run(&spec, &plan);
        let (a, b) = (dates[0], *dates.last().unwrap());
        let (a, b) = if back { (b, a) } else { (a, b) };
        let t0 = table(&reg, a, n, seed, intensive);
        let opts = CrosswalkOptions::new(w);
        let got = recast(&reg, &t0, b, &opts).unwrap();
        // Sorted by (code, indicator, period), one figure per key.
        let keys: Vec<_> = got.values.iter().map(|v| (v.code, v.indicator.to_string(), v.period)).collect();
        prop_assert!(keys.windows(2).all(|k| k[0] < k[1]));
        let got: Expected = got.values.iter()
            .map(|v| ((v.code, v.indicator.to_string(), v.period), (v.value, v.method, v.sources.to_vec())))
            .collect();
        prop_assert_eq!(got, reference(&reg, &t0, b, &opts));
    }

    #[test]
    fn weights_sum_to_one_both_ways(spec in county_spec(8), plan in steps(12), w in weights(),
                                    i in any::<prop::sample::Index>(), j in any::<prop::sample::Index>()) {
        let (reg, dates) = run(&spec, &plan);
        let (a, b) = (dates[i.index(dates.len())], dates[j.index(dates.len())]);
        let county = DivisionCode::parse("130634").unwrap();
        let cw = Crosswalk::build(&reg, a, b, &CrosswalkOptions::new(w).in_county(county)).unwrap();
        prop_assert_eq!(cw.from_units.len(), reg.as_of(a).at_level(Level::Township).count());
        for f in 0..cw.from_units.len() {
            let mut num = 0i128;
            let mut den = None;
            for l in cw.links_from(f) {
                let (n, d) = cw.forward_fraction(l);
                prop_assert!(n >= 0);
                prop_assert!(den.is_none_or(|x| x == d));
                den = Some(d);
                num += n;
            }
            prop_assert_eq!(Some(num), den, "forward weights of {:?}", cw.from_units[f]);
        }
        for t in 0..cw.to_units.len() {
            let fr: Vec<(i128, i128)> = cw.links.iter().filter(|l| l.to == t).map(|l| cw.backward_fraction(l)).collect();
            let num: i128 = fr.iter().map(|x| x.0).sum();
            prop_assert!(fr.iter().all(|x| x.1 == fr[0].1));
            prop_assert_eq!(num, fr[0].1, "backward weights of {:?}", cw.to_units[t]);
        }
        // Every target is a township in force on the target date; every one of them is reached.
        prop_assert_eq!(cw.to_units.len(), reg.as_of(b).at_level(Level::Township).count());
        // The float weights the CLI prints sum to 1 as well.
        let mut sums: BTreeMap<String, f64> = BTreeMap::new();
        for r in cw.rows() { *sums.entry(r.from_code).or_default() += r.weight; }
        prop_assert!(sums.values().all(|s| (s - 1.0).abs() < 1e-9));
    }

    #[test]
    fn recast_forward_and_back_preserves_totals(spec in county_spec(8), plan in steps(12), w in weights(),
                                                n in 1usize..4, seed in any::<u64>(), intensive in any::<bool>()) {
        let (reg, dates) = run(&spec, &plan);
        let (a, b) = (dates[0], *dates.last().unwrap());
        let t0 = table(&reg, a, n, seed, intensive);
        let opts = CrosswalkOptions::new(w);
        let fwd = recast(&reg, &t0, b, &opts).unwrap();
        let t1 = fwd.to_table(&t0.natures);
        prop_assert_eq!(totals(&t0), totals(&t1));
        let back = recast(&reg, &t1, a, &opts).unwrap();
        let t2 = back.to_table(&t0.natures);
        prop_assert_eq!(totals(&t0), totals(&t2));
        // Figures of units that did not change are copied exactly.
        let changed = reg.events().iter().any(|e| e.kind != EventType::Rename && e.kind != EventType::SeatMove);
        if !changed {
            prop_assert!(fwd.values.iter().all(|v| v.method == Method::Unchanged));
        }
        // A township that split (by transfer) is flagged as apportioned.
        let cw = Crosswalk::build(&reg, a, b, &opts).unwrap();
        for (f, u) in cw.from_units.iter().enumerate() {
            if cw.links_from(f).len() > 1 {
                let apportioned = fwd.values.iter().any(|v| v.sources.contains(&u.code) && v.method == Method::Apportioned);
                let intensive_only = intensive && n == 1;
                prop_assert!(apportioned || intensive_only, "{:?} split but nothing apportioned", u);
            }
        }
    }
}

#[test]
fn a_transferred_village_splits_its_township_by_population() {
    let spec = CountySpec {
        townships: vec![
            (quhua_core::TownshipKind::Town, vec![(1000, 10), (3000, 10)]),
            (quhua_core::TownshipKind::Town, vec![(2000, 10)]),
        ],
    };
    let mut reg = build(&spec);
    let d0 = genesis_date();
    let s = reg.as_of(d0);
    let t = at(&s, Level::Township);
    let v = s.children(t[0]).to_vec();
    let d1 = d0 + chrono::Days::new(10);
    reg.apply(
        ChangeRequest::VillageTransfer {
            villages: vec![v[1]],
            to: t[1],
        },
        d1,
        "测试〔2026〕2号",
    )
    .unwrap();
    let cw = Crosswalk::build(&reg, d0, d1, &CrosswalkOptions::new(WeightBy::Population)).unwrap();
    let rows = cw.rows();
    let w: Vec<f64> = rows.iter().map(|r| r.weight).collect();
    assert_eq!(w, vec![0.25, 0.75, 1.0]);
    let back: Vec<f64> = cw.backward_rows().iter().map(|r| r.weight).collect();
    assert_eq!(back, vec![1.0, 0.6, 0.4]);
    // Village counts instead.
    let cw = Crosswalk::build(&reg, d0, d1, &CrosswalkOptions::new(WeightBy::Villages)).unwrap();
    let w: Vec<f64> = cw.rows().iter().map(|r| r.weight).collect();
    assert_eq!(w, vec![0.5, 0.5, 1.0]);
    // GDP 101 (万元) of the first township shared 1:3 exactly: 25.25 + 75.75.
    let mut t0 = ObservationTable::new(vec![Observation {
        code: s.get(t[0]).unwrap().code,
        indicator: "gdp".into(),
        period: 2023,
        value: Amount::from_int(101),
        unit: "万元".into(),
        source: "t".into(),
    }]);
    t0.boundaries = Some(d0);
    let r = recast(&reg, &t0, d1, &CrosswalkOptions::new(WeightBy::Population)).unwrap();
    let vals: Vec<String> = r.values.iter().map(|v| v.value.to_string()).collect();
    assert_eq!(vals, vec!["25.25", "75.75"]);
    assert!(r.values.iter().all(|v| v.method == Method::Apportioned));
}

#[test]
fn stated_split_is_apportioned_and_flagged() {
    let spec = CountySpec {
        townships: vec![
            (quhua_core::TownshipKind::Town, vec![(1000, 10), (3000, 10)]),
            (quhua_core::TownshipKind::Town, vec![(2000, 10)]),
        ],
    };
    let reg = build(&spec);
    let d0 = genesis_date();
    let s = reg.as_of(d0);
    let t = at(&s, Level::Township);
    let v = s.children(t[0]).to_vec();
    let mut opts = CrosswalkOptions::new(WeightBy::Population);
    opts.splits.push(quhua_stats::crosswalk::Split {
        village: v[1],
        shares: vec![(t[0], Amount::from_int(2)), (t[1], Amount::from_int(1))],
    });
    let cw = Crosswalk::build(&reg, d0, d0, &opts).unwrap();
    // 3000 of village 2 split 2:1 → 2000 stay, 1000 go: first township 3000/4000 stay.
    let w: Vec<f64> = cw.rows().iter().map(|r| r.weight).collect();
    assert_eq!(w, vec![0.75, 0.25, 1.0]);
    assert!(cw.links.iter().filter(|l| l.from == 0).all(|l| l.split));
    let bad = CrosswalkOptions {
        splits: vec![quhua_stats::crosswalk::Split {
            village: v[1],
            shares: vec![(v[0], Amount::from_int(1))],
        }],
        ..opts
    };
    let e = Crosswalk::build(&reg, d0, d0, &bad).unwrap_err();
    assert!(e.zh().contains("分割份额无效"), "{e}");
}

#[test]
fn years_before_the_registry_are_on_its_first_boundaries() {
    let spec = CountySpec {
        townships: vec![
            (quhua_core::TownshipKind::Town, vec![(1000, 10), (3000, 10)]),
            (quhua_core::TownshipKind::Town, vec![(2000, 10)]),
        ],
    };
    let mut reg = build(&spec);
    let d0 = genesis_date();
    let s = reg.as_of(d0);
    let t = at(&s, Level::Township);
    let (a, b) = (s.get(t[0]).unwrap().code, s.get(t[1]).unwrap().code);
    let later = d0 + chrono::Days::new(400);
    reg.apply(
        ChangeRequest::AbolishMerge {
            abolished: t[0],
            into: t[1],
        },
        later,
        "示意〔2024〕1号",
    )
    .unwrap();
    // Figures of a year long before the registry's first list: both townships stand on the
    // boundaries first recorded, and merge into one after.
    let year = d0.year() - 8;
    let obs = |code, v| Observation {
        code,
        indicator: "gdp".into(),
        period: year,
        value: Amount::from_int(v),
        unit: "万元".into(),
        source: "t".into(),
    };
    let table = ObservationTable::new(vec![obs(a, 7), obs(b, 5)]);
    let r = recast(
        &reg,
        &table,
        later,
        &CrosswalkOptions::new(WeightBy::Population),
    )
    .unwrap();
    assert_eq!(r.values.len(), 1);
    assert_eq!(r.values[0].value, Amount::from_int(12));
    assert_eq!(r.values[0].sources.to_vec(), vec![a, b]);
}

#[test]
fn a_repeated_figure_is_refused_with_its_code() {
    let spec = CountySpec {
        townships: vec![
            (quhua_core::TownshipKind::Town, vec![(1000, 10)]),
            (quhua_core::TownshipKind::Town, vec![(2000, 10)]),
        ],
    };
    let reg = build(&spec);
    let d0 = genesis_date();
    let s = reg.as_of(d0);
    let t = at(&s, Level::Township);
    let (a, b) = (s.get(t[0]).unwrap().code, s.get(t[1]).unwrap().code);
    let obs = |code, period, v| Observation {
        code,
        indicator: "gdp".into(),
        period,
        value: Amount::from_int(v),
        unit: "万元".into(),
        source: "t".into(),
    };
    let year = chrono::Datelike::year(&d0);
    // The same unit, indicator and year twice, other rows in between.
    let table = ObservationTable::new(vec![
        obs(a, year, 1),
        obs(b, year, 2),
        obs(a, year - 1, 3),
        obs(a, year, 4),
    ]);
    let opts = CrosswalkOptions::new(WeightBy::Population);
    match recast(&reg, &table, d0, &opts) {
        Err(quhua_stats::StatsError::Duplicate { code, period, .. }) => {
            assert_eq!((code, period), (a, year));
        }
        other => panic!("expected a duplicate, got {other:?}"),
    }
    // Without the repeat it recasts.
    let ok = ObservationTable::new(table.observations[..3].to_vec());
    assert_eq!(recast(&reg, &ok, d0, &opts).unwrap().values.len(), 3);
}
