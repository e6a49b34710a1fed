//! Writing a scheme's resulting townships as GeoJSON: the villages of each unit dissolved
//! into its new boundary, from the county's stored boundaries ([`quhua_app::county`]).

use crate::context::{CliResult, fail};
use geo_types::MultiPolygon;
use quhua_app::county::CountyBase;
use quhua_core::scenario::Evaluation;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::path::Path;

/// The error for a county without stored boundaries: how to import them.
pub fn no_boundaries(county: &str) -> Box<dyn std::error::Error> {
    fail(
        format!(
            "县 {county} 没有边界数据，无法输出 GeoJSON：请先用 quhua import boundaries 文件 导入乡镇界或村界"
        ),
        format!(
            "county {county} has no boundaries, so no GeoJSON can be written: import township or village boundaries with quhua import boundaries FILE first"
        ),
    )
}

/// Writes the evaluation's units (of `county`'s base) dissolved from the county's stored
/// boundaries, labelled 示意 where those are schematic; an error saying how to import
/// boundaries when the county has none.
pub fn write_county(path: &Path, ev: &Evaluation, county: &CountyBase) -> CliResult {
    let code = county.base.county_code.to_string();
    let g = county
        .geometry
        .as_ref()
        .ok_or_else(|| no_boundaries(&code))?;
    // With township boundaries only, a township's polygon is carried by one of its villages
    // and the others carry none: whole townships dissolve exactly.
    let villages: HashMap<String, MultiPolygon<f64>> = county
        .base
        .villages
        .iter()
        .zip(&g.polygons)
        .map(|(v, p)| (v.code.to_string(), p.clone()))
        .collect();
    write(path, ev, &villages, g.synthetic)
}

/// Dissolves village polygons (keyed by the base's village codes) into the evaluation's units
/// and writes them with their figures. Synthetic boundaries are labelled 示意.
pub fn write(
    path: &Path,
    ev: &Evaluation,
    villages: &HashMap<String, MultiPolygon<f64>>,
    synthetic: bool,
) -> CliResult {
    let mut geoms = Vec::new();
    let mut group = Vec::new();
    for (i, u) in ev.units.iter().enumerate() {
        for c in &u.village_codes {
            let g = villages.get(c).ok_or_else(|| {
                fail(
                    format!("村 {c} 缺少边界"),
                    format!("village {c} has no geometry"),
                )
            })?;
            geoms.push(g.clone());
            group.push(i);
        }
    }
    let merged = quhua_geo::dissolve(&geoms, &group, ev.units.len()).map_err(|e| e.to_string())?;
    let props: Vec<Map<String, Value>> = ev
        .units
        .iter()
        .map(|u| {
            let v = json!({
                "name": u.name,
                "kind": u.kind,
                "code": u.code,
                "proposed_code": u.proposed_code,
                "status": u.status,
                "predecessors": u.predecessors,
                "villages": u.villages,
                "population": u.population,
                "area_km2": u.area_km2,
                "示意": synthetic,
                "synthetic": synthetic,
            });
            match v {
                Value::Object(m) => m,
                _ => Map::new(),
            }
        })
        .collect();
    let features: Vec<(&MultiPolygon<f64>, &Map<String, Value>)> =
        merged.iter().zip(&props).collect();
    quhua_geo::io::geojson::write_geojson(path, &features).map_err(|e| e.to_string())?;
    Ok(())
}
