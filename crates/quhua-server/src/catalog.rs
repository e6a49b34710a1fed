//! The counties the server knows (from the registry stored by quhua-store) and, per county
//! and population key, the scenario [`Base`] and schematic geometry, built once and shared
//! (`Arc`) by every request.
//!
//! Geometry: the boundaries stored for a county (quhua-app's `boundaries`: imported from a
//! file, or the demo county's schematic polygons stored on its import), built into the base
//! by quhua-app's `county`; counties without stored boundaries answer 404 for GeoJSON.

use crate::contract::CountyBase;
use crate::error::ApiError;
use crate::evalcache::ResultCache;
use crate::evaluation::{Evaluated, evaluation_json};
use crate::geojson::{self, CountyGeo};
use axum::body::Bytes;
use quhua_app::App;
use quhua_core::date::Date;
use quhua_core::policy::Policy;
use quhua_core::registry::Registry;
use quhua_core::scenario::{Base, Scenario};
use quhua_core::{DivisionCode, Level};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

/// A county as listed by `GET /api/counties`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CountyInfo {
    /// 6-digit code.
    pub code: String,
    /// Name.
    pub name: String,
    /// The city's name.
    pub city: Option<String>,
    /// The province's name.
    pub province: Option<String>,
    /// Township-level units.
    pub townships: usize,
    /// Whether boundaries are stored for it (a map can be drawn).
    pub geometry: bool,
    /// Whether the stored boundaries are schematic (示意).
    pub geometry_synthetic: bool,
    /// Whether figures include synthetic (示意) values.
    pub synthetic: bool,
}

/// One county ready for evaluation.
#[derive(Debug)]
pub struct CountyData {
    /// The scenario base.
    pub base: Base,
    /// Base village index by village code.
    pub village_index: HashMap<String, u32>,
    /// Schematic geometry, when known.
    pub geo: Option<CountyGeo>,
    /// Finished evaluation responses (see [`crate::evalcache`]).
    pub results: ResultCache,
    base_json: OnceLock<Bytes>,
    villages_geojson: OnceLock<Bytes>,
}

impl CountyData {
    /// Evaluates operations (incremental session under `quhua_core::scenario::evaluate`):
    /// the evaluation with each unit's base village indices. A few hundred microseconds on
    /// the demo county.
    pub fn evaluate(&self, policy: &Policy, scenario: &Scenario) -> Result<Evaluated, ApiError> {
        Ok(Evaluated::evaluate(
            &self.base,
            policy,
            scenario,
            &self.village_index,
        )?)
    }

    /// Whether [`CountyData::respond`] with geometry needs no dissolving (no geometry, or
    /// every outline cached): then it is cheap enough for an async thread.
    pub fn outlines_cached(&self, ev: &Evaluated) -> bool {
        self.geo.as_ref().is_none_or(|g| g.all_cached(&ev.groups))
    }

    /// The response text `{"evaluation", "geojson"}`; with `with_geojson` and known geometry
    /// the resulting townships are dissolved (cached per village set) — CPU-bound when an
    /// outline is not cached yet, so call it off the async threads unless
    /// [`CountyData::outlines_cached`].
    pub fn respond(&self, ev: &Evaluated, with_geojson: bool) -> Result<Vec<u8>, ApiError> {
        let gj = match (&self.geo, with_geojson) {
            (Some(g), true) => Some(g.townships_geojson(&ev.ev, &ev.groups)?),
            _ => None,
        };
        evaluation_json(ev, gj.as_deref())
    }

    /// The resulting townships of `ev` as GeoJSON, if geometry is known.
    pub fn townships_geojson(&self, ev: &Evaluated) -> Result<Option<String>, ApiError> {
        self.geo
            .as_ref()
            .map(|g| g.townships_geojson(&ev.ev, &ev.groups))
            .transpose()
    }

    /// The base as JSON (`GET /api/counties/{code}/base`), serialised once.
    pub fn base_json(&self) -> Bytes {
        self.base_json
            .get_or_init(|| {
                // Plain structs with string keys: serialising cannot fail.
                Bytes::from(serde_json::to_vec(&CountyBase::new(&self.base)).unwrap_or_default())
            })
            .clone()
    }

    /// Village boundaries as GeoJSON, serialised once.
    pub fn villages_geojson(&self) -> Option<Bytes> {
        let geo = self.geo.as_ref()?;
        Some(
            self.villages_geojson
                .get_or_init(|| Bytes::from(geo.villages_geojson(&self.base)))
                .clone(),
        )
    }
}

/// Registry, counties and per-county caches.
pub struct Catalog {
    registry: Option<Arc<Registry>>,
    counties: Vec<CountyInfo>,
    policies: HashMap<String, Arc<Policy>>,
    app: Option<App>,
    data: Mutex<HashMap<(String, String), Arc<CountyData>>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("counties", &self.counties.len())
            .finish()
    }
}

impl Catalog {
    /// A catalog over the app's current registry and stored boundaries.
    pub fn new(app: &App) -> Catalog {
        Catalog::build_over(Some(app.clone()), app.registry_opt())
    }

    /// A catalog over a registry without stored boundaries (`None`: nothing imported yet).
    pub fn from_registry(registry: Option<Arc<Registry>>) -> Catalog {
        Catalog::build_over(None, registry)
    }

    fn build_over(app: Option<App>, registry: Option<Arc<Registry>>) -> Catalog {
        let policies = Policy::builtin_ids()
            .filter_map(|id| Policy::builtin(id).map(|p| (id.to_string(), Arc::new(p))))
            .collect();
        let Some(registry) = registry else {
            return Catalog {
                registry: None,
                counties: Vec::new(),
                policies,
                app,
                data: Mutex::new(HashMap::new()),
            };
        };
        // Counties with stored boundaries, and whether those are schematic.
        let sets = app
            .as_ref()
            .and_then(|a| a.store().boundary_sets().ok())
            .unwrap_or_default();
        let with_geometry: HashSet<&str> = sets.iter().map(|s| s.set.county.as_str()).collect();
        let schematic: HashSet<&str> = sets
            .iter()
            .filter(|s| s.set.synthetic)
            .map(|s| s.set.county.as_str())
            .collect();
        let date = latest_date(&registry);
        let snapshot = registry.as_of(date);
        let synthetic = registry.sources().iter().any(|s| s.synthetic);
        let name_of = |code: DivisionCode, level: Level| {
            snapshot.by_code(code.prefix(level)).map(|u| u.name.clone())
        };
        let mut counties: Vec<CountyInfo> = snapshot
            .at_level(Level::County)
            .map(|c| CountyInfo {
                code: c.code.to_string(),
                name: c.name.clone(),
                city: name_of(c.code, Level::City),
                province: name_of(c.code, Level::Province),
                townships: snapshot
                    .children(c.id)
                    .iter()
                    .filter(|t| {
                        snapshot
                            .get(**t)
                            .is_some_and(|s| s.level() == Level::Township)
                    })
                    .count(),
                geometry: with_geometry.contains(c.code.to_string().as_str()),
                geometry_synthetic: schematic.contains(c.code.to_string().as_str()),
                synthetic,
            })
            .collect();
        counties.sort_by(|a, b| a.code.cmp(&b.code));
        Catalog {
            registry: Some(registry),
            counties,
            policies,
            app,
            data: Mutex::new(HashMap::new()),
        }
    }

    /// Every county in the registry.
    pub fn counties(&self) -> &[CountyInfo] {
        &self.counties
    }

    /// One county.
    pub fn county(&self, code: &str) -> Option<&CountyInfo> {
        self.counties.iter().find(|c| c.code == code)
    }

    /// The policy `county` is checked against: a built-in by id, else a policy stored under
    /// that name; `None` → the county's own province's ([`quhua_app::policy::default_for`]).
    pub fn policy(&self, county: &str, id: Option<&str>) -> Result<Arc<Policy>, ApiError> {
        let id = quhua_app::policy::reference_for(id, county);
        if let Some(p) = self.policies.get(&id) {
            return Ok(p.clone());
        }
        match &self.app {
            Some(app) => Ok(Arc::new(quhua_app::policy::resolve_named(
                app,
                Some(&id),
                county,
            )?)),
            None => {
                let ids = Policy::builtin_ids().collect::<Vec<_>>();
                Err(ApiError::bad_request(
                    format!("未知政策“{id}”，可用：{}", ids.join("、")),
                    format!("unknown policy \"{id}\"; available: {}", ids.join(", ")),
                ))
            }
        }
    }

    /// The county's data if already built.
    pub fn cached(&self, county: &str, policy: &Policy) -> Option<Arc<CountyData>> {
        self.data
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(county.to_string(), policy.population_key.clone()))
            .cloned()
    }

    /// The county's base and geometry for a policy's population key (built once, then shared).
    pub fn data(&self, county: &str, policy: &Policy) -> Result<Arc<CountyData>, ApiError> {
        if self.county(county).is_none() {
            return Err(ApiError::not_found(
                format!("县级单位 {county}"),
                format!("county {county}"),
            ));
        }
        let key = (county.to_string(), policy.population_key.clone());
        if let Some(d) = self
            .data
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(d.clone());
        }
        // Built outside the lock; two concurrent first requests may both build (harmless).
        let built = Arc::new(self.build(county, policy)?);
        let mut map = self.data.lock().unwrap_or_else(|e| e.into_inner());
        Ok(map.entry(key).or_insert(built).clone())
    }

    fn build(&self, county: &str, policy: &Policy) -> Result<CountyData, ApiError> {
        let Some(registry) = &self.registry else {
            return Err(ApiError::not_found("区划名录", "registry"));
        };
        let sets = match &self.app {
            Some(app) => app.store().boundaries(county).map_err(ApiError::internal)?,
            None => Vec::new(),
        };
        let cb = quhua_app::county::build_with(registry, county, policy, &sets)?;
        let geo = cb.geometry.as_deref().map(geojson::CountyGeo::new);
        let base = cb.base;
        let village_index = base
            .villages
            .iter()
            .enumerate()
            .map(|(i, v)| (v.code.to_string(), i as u32))
            .collect();
        Ok(CountyData {
            base,
            village_index,
            geo,
            results: ResultCache::default(),
            base_json: OnceLock::new(),
            villages_geojson: OnceLock::new(),
        })
    }
}

/// The latest date of the registry (its last event, or its genesis).
fn latest_date(registry: &Registry) -> Date {
    registry
        .events()
        .iter()
        .map(|e| e.date)
        .max()
        .map_or(registry.genesis_date(), |d| d.max(registry.genesis_date()))
}
