//! quhua-stats: statistics on consistent boundaries.
//!
//! Every township change in quhua moves whole villages, and the registry records where each
//! village went. That lineage is enough to relate the townships of any two dates exactly:
//!
//! - [`observation`]: statistics kept apart from the registry — (unit, indicator, period,
//!   value, unit of measure, source) with exact fixed-point values;
//! - [`crosswalk`]: township-to-township weights between any two dates, in both directions,
//!   chained across any number of changes, weighted by population, households, area or
//!   village count; villages split between townships are flagged and apportioned by a
//!   stated share;
//! - [`recast`]: a table of observations put onto the units of another date; extensive
//!   figures are summed or apportioned (totals preserved exactly), intensive ones weighted;
//! - [`evaluate`]: before/after evaluation of an applied plan and of a county over time.
//!
//! Pure: no IO. Reading tables is quhua-io's job, storing them quhua-store's.
//!
//! ```
//! use quhua_core::attr::{Amount, AttrValue, Attrs, Source};
//! use quhua_core::event::ChangeRequest;
//! use quhua_core::registry::{RawUnit, RegistryBuilder};
//! use quhua_core::{DivisionCode, TownshipKind, UnitKind, VillageKind};
//! use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightBy};
//!
//! let mut b = RegistryBuilder::new();
//! b.source(Source { label: "示意".into(), synthetic: true });
//! let county = DivisionCode::parse("130634").unwrap();
//! b.push(RawUnit::new(county, "曲阳县", None));
//! for (t, name) in [(101u16, "甲镇"), (102, "乙镇")] {
//!     let tc = DivisionCode::township(county, t).unwrap();
//!     let mut row = RawUnit::new(tc, name, Some(county));
//!     row.kind = Some(UnitKind::Township(TownshipKind::Town));
//!     b.push(row);
//!     for v in 0..2u16 {
//!         let vc = DivisionCode::village(tc, 200 + v).unwrap();
//!         let mut row = RawUnit::new(vc, format!("{name}{v}村"), Some(tc));
//!         row.kind = Some(UnitKind::Village(VillageKind::Villagers));
//!         let mut a = Attrs::new();
//!         a.insert("pop_hukou".into(), AttrValue { value: Amount::from_int(1000 * (v as i64 + 1)), source: 0 });
//!         row.attrs = a;
//!         b.push(row);
//!     }
//! }
//! let d0 = chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
//! let (mut reg, _) = b.build(d0).unwrap();
//! let jia = reg.unit_by_code(DivisionCode::township(county, 101).unwrap()).unwrap();
//! let yi = reg.unit_by_code(DivisionCode::township(county, 102).unwrap()).unwrap();
//! let d1 = chrono::NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
//! reg.apply(ChangeRequest::AbolishMerge { abolished: yi, into: jia }, d1, "冀政字〔2026〕1号").unwrap();
//!
//! let cw = Crosswalk::build(&reg, d0, d1, &CrosswalkOptions::new(WeightBy::Population)).unwrap();
//! // Both old townships go wholly into 甲镇; backwards, 甲镇 came half from each.
//! assert!(cw.rows().iter().all(|r| r.to_name == "甲镇" && r.weight == 1.0));
//! let back: Vec<f64> = cw.backward_rows().iter().map(|r| r.weight).collect();
//! assert_eq!(back, vec![0.5, 0.5]);
//! ```

pub mod apportion;
pub mod crosswalk;
pub mod error;
pub mod evaluate;
pub mod observation;
pub mod recast;

pub use error::StatsError;
