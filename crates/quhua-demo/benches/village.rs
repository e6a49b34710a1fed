//! Re-evaluation after one village merge (村级建制调整) in a county of 600 villages: push the
//! merge onto a session that already holds a village scheme, then the whole evaluation the
//! editor receives (townships, villages, indicators, findings). A generated county (示意):
//! 30 townships of 20 villages each, figures from a fixed seed.
//! Run: `cargo bench -p quhua-demo --bench village`.

use divan::Bencher;
use quhua_core::attr::{Amount, AttrValue, Attrs, Source, keys};
use quhua_core::policy::Policy;
use quhua_core::registry::{RawUnit, RegistryBuilder};
use quhua_core::scenario::{Base, NewVillageSpec, Operation, Session, VillageTarget};
use quhua_core::synth::SplitMix64;
use quhua_core::unit::{Seat, UnitId};
use quhua_core::{DivisionCode, TownshipKind, UnitKind, VillageKind};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const TOWNS: usize = 30;
const PER_TOWN: usize = 20;

fn put(a: &mut Attrs, key: &str, v: Amount) {
    a.insert(
        key.into(),
        AttrValue {
            value: v,
            source: 0,
        },
    );
}

/// The generated county and its base (village adjacency: a path within each township).
fn base() -> &'static (Base, Policy) {
    static B: OnceLock<(Base, Policy)> = OnceLock::new();
    B.get_or_init(|| {
        let mut rng = SplitMix64::new(16);
        let mut b = RegistryBuilder::new();
        b.source(Source {
            label: "示意".into(),
            synthetic: true,
        });
        let county = DivisionCode::parse("130634").expect("code");
        b.push(RawUnit::new(county, "示意县", None));
        let mut row = 1u32;
        for t in 0..TOWNS {
            let code = DivisionCode::township(county, 100 + t as u16).expect("code");
            let mut town = RawUnit::new(code, format!("示意{t}镇"), Some(county));
            town.kind = Some(UnitKind::Township(TownshipKind::Town));
            town.seat = Some(Seat {
                village: Some(UnitId(row + 1)),
                point: None,
            });
            let mut sum = Attrs::new();
            let mut villages = Vec::new();
            for v in 0..PER_TOWN {
                let pop = 300 + (rng.range(0.0, 2500.0) as i64);
                let mut a = Attrs::new();
                put(&mut a, keys::POP_HUKOU, Amount::from_int(pop));
                put(&mut a, keys::HOUSEHOLDS, Amount::from_int(pop / 3));
                put(
                    &mut a,
                    keys::AREA_KM2,
                    Amount::from_f64(rng.range(0.5, 6.0)).unwrap_or_default(),
                );
                quhua_core::attr::add_attrs(&mut sum, &a);
                let vcode = DivisionCode::village(code, 200 + v as u16).expect("code");
                let mut village = RawUnit::new(vcode, format!("示意{t}-{v}村"), Some(code));
                village.kind = Some(UnitKind::Village(VillageKind::Villagers));
                village.attrs = a;
                villages.push(village);
            }
            town.attrs = sum;
            b.push(town);
            row += 1;
            for v in villages {
                b.push(v);
                row += 1;
            }
        }
        let reg = b
            .build(quhua_core::date::Date::from_ymd_opt(2025, 12, 31).expect("date"))
            .expect("registry")
            .0;
        let snap = reg.as_of(quhua_core::date::Date::from_ymd_opt(2025, 12, 31).expect("date"));
        let base = Base::from_snapshot(&snap, county, keys::POP_HUKOU).expect("base");
        let pairs: Vec<(UnitId, UnitId)> = base
            .villages
            .windows(2)
            .filter(|w| w[0].township == w[1].township)
            .map(|w| (w[0].id, w[1].id))
            .collect();
        (
            base.with_adjacency(pairs).mark_synthetic(true),
            Policy::for_province("13").policy,
        )
    })
}

fn village(t: usize, v: usize) -> String {
    format!("130634{:03}{:03}", 100 + t, 200 + v)
}

/// A session with a village scheme (one merger in each of ten townships), then one more merge.
fn session() -> (Session<'static>, Operation) {
    let (base, policy) = base();
    let mut s = Session::new(base, policy);
    for t in 0..10 {
        s.push(Operation::MergeVillages {
            villages: vec![village(t, 1), village(t, 2), village(t, 3)],
            target: VillageTarget::New(NewVillageSpec {
                name: format!("合{t}村"),
                kind: None,
            }),
        })
        .expect("valid merge");
    }
    s.evaluation();
    let op = Operation::MergeVillages {
        villages: vec![village(20, 5)],
        target: VillageTarget::Into(village(20, 6)),
    };
    (s, op)
}

/// One more village merge, then the evaluation the editor receives (the session's copy is
/// made outside the timing).
#[divan::bench]
fn reevaluate_after_one_village_merge(b: Bencher) {
    let (s, op) = session();
    b.with_inputs(|| s.clone()).bench_local_values(|mut s| {
        s.push(op.clone()).expect("valid op");
        s.evaluation()
    });
}
