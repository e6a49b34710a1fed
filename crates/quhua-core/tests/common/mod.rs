//! Generators shared by the property tests: random counties and random change sequences.

#![allow(dead_code)]

pub mod county;

use proptest::prelude::*;
use quhua_core::attr::{Amount, AttrValue, Attrs, Source, keys};
use quhua_core::date::Date;
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, TownshipKind, UnitKind, VillageKind};

/// A generated county: townships (kind, villages' (pop, area)).
#[derive(Debug, Clone)]
pub struct CountySpec {
    pub townships: Vec<(TownshipKind, Vec<(i64, i64)>)>,
}

pub fn township_kind() -> impl Strategy<Value = TownshipKind> {
    prop_oneof![
        3 => Just(TownshipKind::Town),
        3 => Just(TownshipKind::Township),
        1 => Just(TownshipKind::Subdistrict),
        1 => Just(TownshipKind::EthnicTownship),
    ]
}

pub fn county_spec(max_towns: usize) -> impl Strategy<Value = CountySpec> {
    proptest::collection::vec(
        (
            township_kind(),
            proptest::collection::vec((100i64..20_000, 1i64..40_000_000), 1..6),
        ),
        2..max_towns,
    )
    .prop_map(|townships| CountySpec { townships })
}

fn attrs(pop: i64, area_raw: i64) -> Attrs {
    let mut a = Attrs::new();
    a.insert(
        keys::POP_HUKOU.into(),
        AttrValue {
            value: Amount::from_int(pop),
            source: 0,
        },
    );
    a.insert(
        keys::AREA_KM2.into(),
        AttrValue {
            value: Amount(area_raw),
            source: 0,
        },
    );
    a
}

pub fn genesis_date() -> Date {
    Date::from_ymd_opt(2023, 6, 30).expect("valid date")
}

/// Builds a registry: county 130634, townships numbered in their kind's range, villages 200+.
pub fn build(spec: &CountySpec) -> Registry {
    let mut b = RegistryBuilder::new();
    b.source(Source {
        label: "test".into(),
        synthetic: true,
    });
    let county = DivisionCode::parse("130634").expect("code");
    b.push(RawUnit::new(county, "测试县", None));
    let mut next = std::collections::HashMap::new();
    let mut row = 1u32;
    for (ti, (kind, villages)) in spec.townships.iter().enumerate() {
        let n = next
            .entry(kind.range())
            .or_insert(*kind.range().numbers().start());
        let code = DivisionCode::township(county, *n).expect("code");
        *n += 1;
        let town_row = row;
        let (pop, area): (i64, i64) = villages
            .iter()
            .fold((0, 0), |(p, a), (vp, va)| (p + vp, a + va));
        let mut t = RawUnit::new(code, format!("测{ti}{}", kind.suffix()), Some(county));
        t.kind = Some(UnitKind::Township(*kind));
        t.attrs = attrs(pop, area);
        t.seat = Some(Seat {
            village: Some(UnitId(town_row + 1)),
            point: None,
        });
        b.push(t);
        row += 1;
        for (vi, (vp, va)) in villages.iter().enumerate() {
            let vcode = DivisionCode::village(code, 200 + vi as u16).expect("code");
            let mut v = RawUnit::new(vcode, format!("测{ti}村{vi}"), Some(code));
            v.kind = Some(UnitKind::Village(VillageKind::Villagers));
            v.attrs = attrs(*vp, *va);
            b.push(v);
            row += 1;
        }
    }
    b.build(genesis_date()).expect("valid generated registry").0
}

/// An abstract change, resolved against the registry's current state when applied.
#[derive(Debug, Clone)]
pub enum Step {
    Merge(usize, usize),
    MergeNew(Vec<usize>, usize),
    Convert(usize, TownshipKind),
    Rename(usize, u8),
    Transfer(usize, usize),
    SeatMove(usize, usize),
}

pub fn steps(max: usize) -> impl Strategy<Value = Vec<(Step, u16)>> {
    let step = prop_oneof![
        (0usize..50, 0usize..50).prop_map(|(a, b)| Step::Merge(a, b)),
        (proptest::collection::vec(0usize..50, 2..4), 0usize..1000)
            .prop_map(|(v, n)| Step::MergeNew(v, n)),
        (0usize..50, township_kind()).prop_map(|(a, k)| Step::Convert(a, k)),
        (0usize..50, any::<u8>()).prop_map(|(a, n)| Step::Rename(a, n)),
        (0usize..500, 0usize..50).prop_map(|(v, t)| Step::Transfer(v, t)),
        (0usize..50, 0usize..500).prop_map(|(t, v)| Step::SeatMove(t, v)),
    ];
    proptest::collection::vec((step, 0u16..60), 1..max)
}
