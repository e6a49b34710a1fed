//! The demo's yearly township statistics (示意 / synthetic): ten years of four indicators for
//! every township of the demo county as it was before the reform, generated from a fixed seed
//! so every run stores the same figures.

use crate::access::Actor;
use crate::{App, AppResult};
use quhua_core::Level;
use quhua_core::attr::{Amount, keys};
use quhua_stats::crosswalk::state_at;
use quhua_store::ObservationRecord;
use sha2::{Digest, Sha256};

/// The label every figure carries.
pub const DEMO_SOURCE: &str = "示意统计年表（synthetic, seed 20261201）";

/// The seed.
const SEED: u64 = 20_261_201;

/// A small fixed-seed generator (SplitMix64), uniform in [0, 1).
struct Rng(u64);
impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Stores the demo county's synthetic statistics (2016–2025) unless some are stored already;
/// returns the figures stored.
pub fn seed_demo_observations(app: &App, actor: &Actor) -> AppResult<usize> {
    if !app.store().observations(None)?.is_empty() {
        return Ok(0);
    }
    let reg = app.registry()?;
    let county = quhua_demo::county_code();
    let genesis = reg.genesis_date();
    let mut towns: Vec<_> = (0..reg.unit_count() as u32)
        .filter_map(|i| state_at(&reg, quhua_core::unit::UnitId(i), genesis))
        .filter(|s| s.level() == Level::Township && s.code.is_within(county))
        .collect();
    towns.sort_by_key(|s| s.code);
    let mut rng = Rng(SEED);
    let mut rows = Vec::new();
    let row = |code: String, indicator: &str, period: i64, value: f64, unit: &str, nature: &str| {
        ObservationRecord {
            code,
            indicator: indicator.into(),
            period,
            value: Amount::from_f64(value).unwrap_or(Amount::ZERO),
            unit: unit.into(),
            nature: Some(nature.into()),
            source: DEMO_SOURCE.into(),
        }
    };
    for t in towns {
        let pop = t
            .attrs
            .get(keys::POP_HUKOU)
            .or_else(|| t.attrs.get(keys::POP_RESIDENT))
            .map_or(20_000.0, |a| a.value.to_f64());
        let code = t.code.to_string();
        let per_head = 2.0 + 1.5 * rng.unit();
        let income = 10_500.0 + 2_500.0 * rng.unit();
        let growth = 0.05 + 0.03 * rng.unit();
        for (k, year) in (2016..=2025).enumerate() {
            let k = k as f64;
            let noise = 0.97 + 0.06 * rng.unit();
            let resident = (pop * 0.92 * (1.0 - 0.008 * k)).round();
            let gdp = (resident * per_head * (1.0 + growth).powf(k) * noise).round();
            let revenue = (gdp * (0.025 + 0.01 * rng.unit())).round();
            let rural = (income * 1.075_f64.powf(k)).round();
            rows.push(row(
                code.clone(),
                "常住人口",
                year,
                resident,
                "人",
                "extensive",
            ));
            rows.push(row(
                code.clone(),
                "地区生产总值",
                year,
                gdp,
                "万元",
                "extensive",
            ));
            rows.push(row(
                code.clone(),
                "一般公共预算收入",
                year,
                revenue,
                "万元",
                "extensive",
            ));
            rows.push(row(
                code.clone(),
                "农村居民人均可支配收入",
                year,
                rural,
                "元",
                "intensive",
            ));
        }
    }
    let sha = hex::encode(Sha256::digest(format!("{DEMO_SOURCE}:{SEED}").as_bytes()));
    let r = app.store().import_observations(&rows, &sha, &actor.name)?;
    Ok(r.stored)
}
