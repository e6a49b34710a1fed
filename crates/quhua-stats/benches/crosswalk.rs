//! Crosswalk and recast over the national list (NBS 2023: ≈41k townships, ≈620k villages)
//! with a reproducible synthetic set of changes (fixed seed): township merges in every
//! seventh county, then village transfers.
//!
//! `cargo bench -p quhua-stats --bench crosswalk`

use quhua_core::attr::{Amount, Source};
use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::registry::{Registry, RegistryBuilder};
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};
use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightBy, state_at};
use quhua_stats::observation::{Observation, ObservationTable};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd_opt(y, m, day).expect("valid date")
}

/// A small fixed-seed generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

struct Fixture {
    reg: Registry,
    table: ObservationTable,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/nbs-2023");
        let list = quhua_io::read_nbs_dir(&dir).expect("NBS list");
        let mut b = RegistryBuilder::new();
        b.source(Source {
            label: "NBS 2023".into(),
            synthetic: false,
        });
        for u in list.units {
            b.push(u);
        }
        let (mut reg, _) = b.build(d(2023, 6, 30)).expect("registry");
        // Townships by county, on the genesis list.
        let snap = reg.as_of(d(2023, 6, 30));
        let mut by_county: BTreeMap<UnitId, Vec<UnitId>> = BTreeMap::new();
        for u in snap.at_level(Level::Township) {
            if let Some(p) = u.parent {
                by_county.entry(p).or_default().push(u.id);
            }
        }
        let mut rng = Rng(20_261_201);
        let mut merges = Vec::new();
        for (i, towns) in by_county.values().enumerate() {
            if i % 7 == 0 && towns.len() >= 3 {
                let a = towns[(rng.next() as usize) % towns.len()];
                let b = towns[((rng.next() as usize) % (towns.len() - 1)
                    + 1
                    + towns.iter().position(|t| *t == a).unwrap_or(0))
                    % towns.len()];
                if a != b {
                    merges.push(ChangeRequest::AbolishMerge {
                        abolished: a,
                        into: b,
                    });
                }
            }
        }
        // Merges in two rounds (2024, 2025), then transfers (2026).
        let half = merges.len() / 2;
        let second = merges.split_off(half);
        let _ = reg.apply_all(merges, d(2024, 3, 1), "示意〔2024〕1号");
        let _ = reg.apply_all(second, d(2025, 3, 1), "示意〔2025〕1号");
        let snap = reg.as_of(d(2025, 3, 1));
        let towns: Vec<UnitId> = snap.at_level(Level::Township).map(|u| u.id).collect();
        for _ in 0..100 {
            let t = towns[(rng.next() as usize) % towns.len()];
            let Some(ts) = state_at(&reg, t, d(2026, 1, 1)) else {
                continue;
            };
            let vs = reg.villages_of(t);
            if vs.len() < 2 {
                continue;
            }
            let county: DivisionCode = ts.code.prefix(Level::County);
            let dest = towns.iter().copied().find(|o| {
                *o != t
                    && state_at(&reg, *o, d(2026, 1, 1)).is_some_and(|s| s.code.is_within(county))
            });
            if let Some(dest) = dest {
                let _ = reg.apply(
                    ChangeRequest::VillageTransfer {
                        villages: vec![vs[0]],
                        to: dest,
                    },
                    d(2026, 3, 1),
                    "示意〔2026〕1号",
                );
            }
        }
        // 10 indicators × 10 years on the 2023 boundaries.
        let mut obs = Vec::new();
        let genesis = reg.as_of(d(2023, 6, 30));
        for u in genesis.at_level(Level::Township) {
            for k in 0..10 {
                for y in 2014..2024 {
                    obs.push(Observation {
                        code: u.code,
                        indicator: format!("指标{k}"),
                        period: y,
                        value: Amount((rng.next() % 100_000_000) as i64),
                        unit: "万元".into(),
                        source: "示意 synthetic".into(),
                    });
                }
            }
        }
        let mut table = ObservationTable::new(obs);
        table.boundaries = Some(d(2023, 6, 30));
        eprintln!(
            "fixture: {} units, {} events, {} observations",
            reg.unit_count(),
            reg.events().len(),
            table.observations.len()
        );
        Fixture { reg, table }
    })
}

#[divan::bench(sample_count = 5)]
fn national_crosswalk_2023_to_2026() -> usize {
    let f = fixture();
    let cw = Crosswalk::build(
        &f.reg,
        d(2023, 6, 30),
        d(2026, 12, 31),
        &CrosswalkOptions::new(WeightBy::Villages),
    )
    .expect("crosswalk");
    cw.links.len()
}

#[divan::bench(sample_count = 5)]
fn national_crosswalk_2026_to_2023() -> usize {
    let f = fixture();
    let cw = Crosswalk::build(
        &f.reg,
        d(2026, 12, 31),
        d(2023, 6, 30),
        &CrosswalkOptions::new(WeightBy::Villages),
    )
    .expect("crosswalk");
    cw.links.len()
}

#[divan::bench(sample_count = 3)]
fn national_recast_10_indicators_10_years() -> usize {
    let f = fixture();
    let r = quhua_stats::recast::recast(
        &f.reg,
        &f.table,
        d(2026, 12, 31),
        &CrosswalkOptions::new(WeightBy::Villages),
    )
    .expect("recast");
    r.values.len()
}
