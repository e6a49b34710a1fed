//! Boundaries as GeoJSON: village polygons, and the townships of an evaluation dissolved
//! from them; every collection and feature says whether the geometry is schematic (示意). Dissolved geometry is cached by village set (the sorted
//! base village indices of a township), so after an edit only the townships whose membership
//! changed are unioned again, and every other outline is spliced in as cached text.

use crate::error::ApiError;
use geo_types::MultiPolygon;
use quhua_app::boundaries::{BoundaryLevel, CountyGeometry};
use quhua_core::scenario::{Base, Evaluation};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// Dissolved cache entries kept at most (then the cache is cleared).
const CACHE_LIMIT: usize = 4_096;

/// One dissolved township: its geometry (serialised) and a label point inside it.
#[derive(Debug)]
struct Dissolved {
    geometry: Box<RawValue>,
    label: [f64; 2],
}

/// Geometry of one county's base villages.
#[derive(Debug)]
pub struct CountyGeo {
    polygons: Vec<MultiPolygon<f64>>,
    labels: Vec<[f64; 2]>,
    geometry_json: Vec<Box<RawValue>>,
    dissolved: Mutex<HashMap<Vec<u32>, Arc<Dissolved>>>,
    /// Whether the geometry is schematic (示意).
    pub synthetic: bool,
    /// The level of the stored boundaries it came from.
    pub level: BoundaryLevel,
    /// Where it came from (file and date).
    pub source: String,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: &'a RawValue,
    properties: Value,
}

impl CountyGeo {
    /// Takes a county's geometry (one polygon and label per base village, in base order).
    pub fn new(g: &CountyGeometry) -> CountyGeo {
        let known: Vec<(f64, f64)> = g.labels.iter().flatten().copied().collect();
        let n = known.len().max(1) as f64;
        let centre = (
            known.iter().map(|p| p.0).sum::<f64>() / n,
            known.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let labels = g
            .labels
            .iter()
            .map(|p| {
                let (x, y) = p.unwrap_or(centre);
                [round6(x), round6(y)]
            })
            .collect();
        let geometry_json = g.polygons.iter().map(multipolygon_json).collect();
        CountyGeo {
            polygons: g.polygons.clone(),
            labels,
            geometry_json,
            dissolved: Mutex::new(HashMap::new()),
            synthetic: g.synthetic,
            level: g.level,
            source: g.source.clone(),
        }
    }

    /// Every village as a feature with code, name, kind, township code and name, figures,
    /// a label point and `"示意"` (whether the geometry is schematic).
    pub fn villages_geojson(&self, base: &Base) -> String {
        let features: Vec<Feature<'_>> = base
            .villages
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let t = &base.townships[v.township as usize];
                Feature {
                    kind: "Feature",
                    geometry: &self.geometry_json[i],
                    properties: json!({
                        "code": v.code.to_string(),
                        "name": v.name,
                        "kind": v.kind.zh(),
                        "township_code": t.code.to_string(),
                        "township_name": t.name,
                        "population": base.pop_key.and_then(|k| v.attrs[k]).map(|a| a.to_f64()),
                        "area_km2": base.area_key.and_then(|k| v.attrs[k]).map(|a| a.to_f64()),
                        "label": self.labels[i],
                        "示意": self.synthetic,
                    }),
                }
            })
            .collect();
        collection(&features, self.synthetic)
    }

    /// Whether every outline of `groups` is already dissolved (then
    /// [`CountyGeo::townships_geojson`] only splices cached text and is cheap).
    pub fn all_cached(&self, groups: &[Vec<u32>]) -> bool {
        let cache = self.dissolved.lock().unwrap_or_else(|e| e.into_inner());
        groups.iter().all(|g| cache.contains_key(g))
    }

    /// The evaluation's townships, dissolved from their villages. `groups[i]` lists the base
    /// village indices (sorted) of `ev.units[i]`. Each dissolved outline is cached by its
    /// village set; the collection is written as text directly (the cached geometry is spliced
    /// in, never parsed again).
    pub fn townships_geojson(
        &self,
        ev: &Evaluation,
        groups: &[Vec<u32>],
    ) -> Result<String, ApiError> {
        let mut found: Vec<Option<Arc<Dissolved>>> = {
            let cache = self.dissolved.lock().unwrap_or_else(|e| e.into_inner());
            groups.iter().map(|g| cache.get(g).cloned()).collect()
        };
        let missing: Vec<usize> = (0..groups.len()).filter(|&i| found[i].is_none()).collect();
        if !missing.is_empty() {
            let mut geoms = Vec::new();
            let mut group = Vec::new();
            for (gi, &ui) in missing.iter().enumerate() {
                for &v in &groups[ui] {
                    geoms.push(self.polygons[v as usize].clone());
                    group.push(gi);
                }
            }
            let merged =
                quhua_geo::dissolve(&geoms, &group, missing.len()).map_err(ApiError::internal)?;
            let labels = quhua_geo::area::label_points(&merged);
            let mut cache = self.dissolved.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() + missing.len() > CACHE_LIMIT {
                cache.clear();
            }
            for ((&ui, mp), label) in missing.iter().zip(&merged).zip(labels) {
                let label = label.map_or_else(
                    || {
                        groups[ui]
                            .first()
                            .map_or([0.0, 0.0], |&v| self.labels[v as usize])
                    },
                    |p| [round6(p.x()), round6(p.y())],
                );
                let d = Arc::new(Dissolved {
                    geometry: multipolygon_json(mp),
                    label,
                });
                cache.insert(groups[ui].clone(), d.clone());
                found[ui] = Some(d);
            }
        }
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(if self.synthetic {
            r#"{"type":"FeatureCollection","示意":true,"features":["#
        } else {
            r#"{"type":"FeatureCollection","示意":false,"features":["#
        });
        let mut first = true;
        for (i, (u, d)) in ev.units.iter().zip(&found).enumerate() {
            let Some(d) = d else { continue };
            if !first {
                out.push(',');
            }
            first = false;
            let code = u.code.as_ref().or(u.proposed_code.as_ref());
            let props = TownshipProps {
                index: i,
                code,
                township_code: code,
                code_kept: u.code.is_some(),
                name: &u.name,
                kind: &u.kind,
                status: &u.status,
                population: u.population,
                area_km2: u.area_km2,
                villages: u.villages,
                seat: u.seat.as_deref(),
                label: d.label,
                schematic: self.synthetic,
            };
            out.push_str(r#"{"type":"Feature","geometry":"#);
            out.push_str(d.geometry.get());
            out.push_str(r#","properties":"#);
            out.push_str(&serde_json::to_string(&props).map_err(ApiError::internal)?);
            out.push('}');
        }
        out.push_str("]}");
        Ok(out)
    }
}

/// Properties of a resulting township feature.
#[derive(Serialize)]
struct TownshipProps<'a> {
    index: usize,
    code: Option<&'a String>,
    township_code: Option<&'a String>,
    code_kept: bool,
    name: &'a str,
    kind: &'a str,
    status: &'a str,
    population: Option<f64>,
    area_km2: Option<f64>,
    villages: usize,
    seat: Option<&'a str>,
    label: [f64; 2],
    #[serde(rename = "示意")]
    schematic: bool,
}

/// A FeatureCollection written directly (serialising the features with serde_json passes
/// their raw geometry through untouched; a `json!` tree would parse it again).
fn collection(features: &[Feature<'_>], synthetic: bool) -> String {
    let features = serde_json::to_string(features).unwrap_or_else(|_| "[]".to_string());
    format!(r#"{{"type":"FeatureCollection","示意":{synthetic},"features":{features}}}"#)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A MultiPolygon as GeoJSON geometry, coordinates rounded to 1e-6° (≈ 0.1 m).
fn multipolygon_json(mp: &MultiPolygon<f64>) -> Box<RawValue> {
    let mut s = String::from(r#"{"type":"MultiPolygon","coordinates":["#);
    for (pi, poly) in mp.0.iter().enumerate() {
        if pi > 0 {
            s.push(',');
        }
        s.push('[');
        for (ri, ring) in std::iter::once(poly.exterior())
            .chain(poly.interiors())
            .enumerate()
        {
            if ri > 0 {
                s.push(',');
            }
            s.push('[');
            for (ci, c) in ring.0.iter().enumerate() {
                if ci > 0 {
                    s.push(',');
                }
                let _ = write!(s, "[{},{}]", round6(c.x), round6(c.y));
            }
            s.push(']');
        }
        s.push(']');
    }
    s.push_str("]}");
    // The text is built from finite numbers and brackets only, so it is valid JSON.
    RawValue::from_string(s).unwrap_or_else(|_| {
        RawValue::from_string(r#"{"type":"MultiPolygon","coordinates":[]}"#.to_string())
            .unwrap_or_default()
    })
}
