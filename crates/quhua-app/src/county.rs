//! A county of the registry ready for the optimizer and the scenario engine: its scenario
//! [`Base`] as of the registry's latest date and, for the demo county (曲阳县 130634), the
//! schematic (示意) village geometry of quhua-demo — adjacency and one label point per
//! village — matched by registry unit id.
//!
//! This is the one place a county's base is built for a use case, so every adapter proposes
//! and evaluates on the same data.

use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::policy::Policy;
use quhua_core::registry::Registry;
use quhua_core::scenario::Base;
use quhua_core::{DivisionCode, Level};
use quhua_demo::Demo;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

/// A county's base and, where known, its villages' coordinates.
#[derive(Debug, Clone)]
pub struct CountyBase {
    /// The scenario base (villages, townships, adjacency, figures).
    pub base: Base,
    /// Longitude/latitude of each village of `base` (schematic), when geometry is known.
    pub village_xy: Option<Vec<Option<(f64, f64)>>>,
}

/// The embedded demo county, built once per process (its geometry takes a moment).
fn demo() -> Option<Arc<Demo>> {
    static DEMO: OnceLock<Option<Arc<Demo>>> = OnceLock::new();
    DEMO.get_or_init(|| Demo::load().ok().map(Arc::new)).clone()
}

/// The latest date of the registry (its last event, or its genesis).
pub fn latest_date(registry: &Registry) -> Date {
    registry
        .events()
        .iter()
        .map(|e| e.date)
        .max()
        .map_or(registry.genesis_date(), |d| d.max(registry.genesis_date()))
}

/// Parses a 6-digit county code.
pub fn county_code(county: &str) -> AppResult<DivisionCode> {
    let code = DivisionCode::parse(county)?;
    if code.level() != Level::County {
        return Err(AppError::invalid(
            format!("“{county}”不是县级区划代码（应为 6 位）"),
            format!("\"{county}\" is not a county code (6 digits expected)"),
        ));
    }
    Ok(code)
}

/// The county's base for a policy's population key, from the app's current registry.
pub fn load(app: &App, county: &str, policy: &Policy) -> AppResult<CountyBase> {
    let registry = app.registry()?;
    build(&registry, county, policy)
}

/// The county's base from a registry (see the module documentation).
pub fn build(registry: &Registry, county: &str, policy: &Policy) -> AppResult<CountyBase> {
    let code = county_code(county)?;
    let snapshot = registry.as_of(latest_date(registry));
    if snapshot.by_code(code).is_none() {
        return Err(AppError::not_found(
            format!("县级单位 {county}"),
            format!("county {county}"),
        ));
    }
    let pop_key = if policy.population_key.is_empty() {
        quhua_core::attr::keys::POP_HUKOU
    } else {
        policy.population_key.as_str()
    };
    let province = code.prefix(Level::Province);
    let mut other: BTreeSet<String> = snapshot
        .at_level(Level::Township)
        .filter(|t| t.code.is_within(province) && !t.code.is_within(code))
        .map(|t| t.name.clone())
        .collect();
    let demo = (code == quhua_demo::county_code()).then(demo).flatten();
    if let Some(d) = &demo {
        other.extend(d.other_names.iter().cloned());
    }
    let synthetic = registry.sources().iter().any(|s| s.synthetic);
    let mut base = Base::from_snapshot(&snapshot, code, pop_key)?
        .with_code_history(registry.codes())
        .with_other_names(other.into_iter().collect())
        .mark_synthetic(synthetic);
    let mut village_xy = None;
    if let Some(d) = &demo {
        let index: HashMap<_, usize> = d
            .geometry
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let picks: Option<Vec<usize>> = base
            .villages
            .iter()
            .map(|v| index.get(&v.id).copied())
            .collect();
        if let Some(picks) = picks {
            base = base.with_adjacency(d.geometry.adjacency_ids());
            village_xy = Some(
                picks
                    .iter()
                    .map(|&i| {
                        d.geometry
                            .polygons
                            .get(i)
                            .and_then(quhua_geo::label_point)
                            .map(|p| (p.x(), p.y()))
                    })
                    .collect(),
            );
        }
    }
    Ok(CountyBase { base, village_xy })
}
