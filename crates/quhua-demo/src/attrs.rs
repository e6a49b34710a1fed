//! Synthetic (示意) attributes for the demo county, reproducible from [`crate::SEED`].
//!
//! Calibration (shared/data/README.md): about 2.2万 registered residents per township before
//! the reform; villages sum exactly to their township; areas are the geodesic areas of the
//! schematic polygons, so the county totals 1,084 km² like the real 曲阳县.

use crate::SEED;
use crate::geometry::DemoGeometry;
use crate::units::Layout;
use quhua_core::attr::{Amount, AttrValue, Attrs, keys};
use quhua_core::registry::RawUnit;
use quhua_core::synth::{SplitMix64, split_exact};
use quhua_core::unit::Seat;
use quhua_core::{Level, TownshipKind, UnitKind};

/// Mean registered persons per household (示意), for the villages' 户数.
const HOUSEHOLD_SIZE: f64 = 3.1;

/// Mean registered population per township before the reform (≈2.2万).
const MEAN_TOWNSHIP_POP: i64 = 22_000;

fn put(a: &mut Attrs, key: &str, value: Amount, source: u32) {
    a.insert(key.to_string(), AttrValue { value, source });
}

/// Fills populations, areas, economy, staffing, assets and debts, and seats.
pub fn fill(rows: &mut [RawUnit], layout: &Layout, geometry: &DemoGeometry, source: u32) {
    let mut rng = SplitMix64::new(SEED);
    let n = layout.townships.len();
    let weights: Vec<f64> = (0..n).map(|_| rng.lognormal(1.0, 0.45)).collect();
    let town_pops = split_exact(MEAN_TOWNSHIP_POP * n as i64, &weights);
    let mut geo_index = 0usize;
    let mut county = Attrs::new();
    for ((t, villages), pop) in layout.townships.iter().zip(town_pops) {
        let vweights: Vec<f64> = villages.iter().map(|_| rng.lognormal(1.0, 0.5)).collect();
        let vpops = split_exact(pop, &vweights);
        let mut town = Attrs::new();
        for (&v, vpop) in villages.iter().zip(vpops) {
            let area = Amount::from_f64(geometry.areas_km2[geo_index]).unwrap_or_default();
            let resident = (vpop as f64 * rng.range(0.80, 0.96)).round() as i64;
            let point = geometry.label_points[geo_index];
            geo_index += 1;
            let mut a = Attrs::new();
            put(&mut a, keys::POP_HUKOU, Amount::from_int(vpop), source);
            put(
                &mut a,
                keys::POP_RESIDENT,
                Amount::from_int(resident),
                source,
            );
            put(&mut a, keys::AREA_KM2, area, source);
            // 户数 (示意): registered persons over a mean household of 3.1, no draw from the
            // generator (the other figures stay as they were).
            let households = (vpop as f64 / HOUSEHOLD_SIZE).round().max(1.0) as i64;
            put(
                &mut a,
                keys::HOUSEHOLDS,
                Amount::from_int(households),
                source,
            );
            quhua_core::attr::add_attrs(&mut town, &a);
            rows[v].attrs = a;
            rows[v].seat = Some(Seat {
                village: None,
                point: Some(point),
            });
        }
        let is_town = matches!(rows[*t].kind, Some(UnitKind::Township(TownshipKind::Town)));
        let per_capita = rng.range(2.6, 4.4); // 万元 GDP per 1,000… expressed as 万元 per person × 10⁴
        let gdp = (pop as f64 * per_capita).round();
        let builtup = pop as f64
            * if is_town {
                rng.range(0.15, 0.35)
            } else {
                rng.range(0.05, 0.14)
            };
        put(
            &mut town,
            keys::GDP,
            Amount::from_f64(gdp).unwrap_or_default(),
            source,
        );
        put(
            &mut town,
            keys::FISCAL_REVENUE,
            Amount::from_f64((gdp * rng.range(0.03, 0.06)).round()).unwrap_or_default(),
            source,
        );
        put(
            &mut town,
            keys::STAFF_QUOTA,
            Amount::from_int(18 + (rng.next_u64() % 12) as i64),
            source,
        );
        put(
            &mut town,
            keys::INSTITUTION_QUOTA,
            Amount::from_int(20 + (rng.next_u64() % 25) as i64),
            source,
        );
        put(
            &mut town,
            keys::ASSETS,
            Amount::from_f64(rng.range(800.0, 3000.0).round()).unwrap_or_default(),
            source,
        );
        put(
            &mut town,
            keys::DEBTS,
            Amount::from_f64(rng.range(100.0, 1500.0).round()).unwrap_or_default(),
            source,
        );
        put(
            &mut town,
            keys::BUILTUP_POP,
            Amount::from_f64(builtup.round()).unwrap_or_default(),
            source,
        );
        // The seat: the first 居委会 if any, else the most populous village.
        let seat = villages
            .iter()
            .copied()
            .find(|&v| {
                matches!(
                    rows[v].kind,
                    Some(UnitKind::Village(quhua_core::VillageKind::Residents))
                )
            })
            .or_else(|| {
                villages
                    .iter()
                    .copied()
                    .max_by_key(|&v| rows[v].attrs.get(keys::POP_HUKOU).map(|a| a.value))
            });
        let seat_point = seat.and_then(|v| rows[v].seat.as_ref().and_then(|s| s.point));
        rows[*t].seat = seat.map(|_| Seat {
            village: None,
            point: seat_point,
        });
        rows[*t].attrs = town.clone();
        quhua_core::attr::add_attrs(&mut county, &town);
        // Record the seat village by position; ids are assigned by the builder in row order.
        if let Some(v) = seat {
            rows[*t].seat = Some(Seat {
                village: Some(quhua_core::unit::UnitId(v as u32)),
                point: seat_point,
            });
        }
    }
    for r in rows.iter_mut().filter(|r| r.code.level() == Level::County) {
        r.attrs = county.clone();
    }
}
