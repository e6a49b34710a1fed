//! A county of the registry ready for the optimizer and the scenario engine: its scenario
//! [`Base`] as of the registry's latest date and, where boundaries are stored for it (see
//! [`crate::boundaries`]; the demo county's schematic village polygons are stored on its
//! import), its geometry — one polygon and label point per village and their adjacency.
//!
//! This is the one place a county's base is built for a use case, so every adapter proposes
//! and evaluates on the same data.

use crate::boundaries::CountyGeometry;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::policy::Policy;
use quhua_core::registry::Registry;
use quhua_core::scenario::Base;
use quhua_core::{DivisionCode, Level};
use quhua_store::{BoundaryFeature, BoundarySetInfo};
use std::collections::BTreeSet;
use std::sync::Arc;

/// A county's base and, where known, its villages' coordinates.
#[derive(Debug, Clone)]
pub struct CountyBase {
    /// The scenario base (villages, townships, adjacency, figures).
    pub base: Base,
    /// Longitude/latitude of each village of `base`, when geometry is known.
    pub village_xy: Option<Vec<Option<(f64, f64)>>>,
    /// Longitude/latitude of each township's seat (驻地) as the registry records it, per
    /// township of `base` (`None` where no seat point is recorded).
    pub seat_xy: Vec<Option<(f64, f64)>>,
    /// The geometry the base's adjacency and coordinates came from, when stored.
    pub geometry: Option<Arc<CountyGeometry>>,
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
    build(app, &registry, county, policy)
}

/// [`load`] as of `date` (the registry's latest date when `None`), e.g. a scheme's base date.
pub fn load_at(
    app: &App,
    county: &str,
    policy: &Policy,
    date: Option<Date>,
) -> AppResult<CountyBase> {
    let registry = app.registry()?;
    let sets = app.store().boundaries(county)?;
    build_at(&registry, county, policy, &sets, date)
}

/// The county's base from a registry, with the county's stored boundaries (see the module
/// documentation).
pub fn build(
    app: &App,
    registry: &Registry,
    county: &str,
    policy: &Policy,
) -> AppResult<CountyBase> {
    let sets = app.store().boundaries(county)?;
    build_with(registry, county, policy, &sets)
}

/// [`build`] with the boundary sets given.
pub fn build_with(
    registry: &Registry,
    county: &str,
    policy: &Policy,
    sets: &[(BoundarySetInfo, Vec<BoundaryFeature>)],
) -> AppResult<CountyBase> {
    build_at(registry, county, policy, sets, None)
}

/// [`build_with`] as of `date` (the registry's latest date when `None`).
pub fn build_at(
    registry: &Registry,
    county: &str,
    policy: &Policy,
    sets: &[(BoundarySetInfo, Vec<BoundaryFeature>)],
    date: Option<Date>,
) -> AppResult<CountyBase> {
    let code = county_code(county)?;
    let snapshot = registry.as_of(date.unwrap_or_else(|| latest_date(registry)));
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
    if code == quhua_demo::county_code() {
        other.extend(quhua_demo::other_names().iter().map(|n| n.to_string()));
    }
    let synthetic = registry.sources().iter().any(|s| s.synthetic);
    let mut base = Base::from_snapshot(&snapshot, code, pop_key)?
        .with_code_history(registry.codes())
        .with_other_names(other.into_iter().collect())
        .mark_synthetic(synthetic);
    let geometry = crate::boundaries::county_geometry(registry, &base, sets).map(Arc::new);
    let mut village_xy = None;
    if let Some(g) = &geometry {
        base = base.with_adjacency(g.adjacency.iter().copied());
        village_xy = Some(g.labels.clone());
    }
    let seat_xy = base
        .townships
        .iter()
        .map(|t| {
            snapshot
                .get(t.id)
                .and_then(|u| u.seat.as_ref())
                .and_then(|s| s.point)
                .map(|p| (p.lon, p.lat))
        })
        .collect();
    Ok(CountyBase {
        base,
        village_xy,
        seat_xy,
        geometry,
    })
}
