//! GeoJSON (RFC 7946) polygon layers. Parsed with serde_json directly so
//! malformed positions become located errors, not panics.

use crate::error::{GeoError, Result};
use crate::layer::{Feature, Layer, Warning, WarningKind};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};
use std::io::Write;
use std::path::Path;

/// Reads a GeoJSON FeatureCollection (or a single Feature / geometry).
pub fn read_geojson(path: &Path) -> Result<Layer> {
    let bytes = std::fs::read(path).map_err(|e| GeoError::io(path, e))?;
    read_geojson_str(geojson_text(&bytes, path)?, path)
}

/// The bytes of a GeoJSON file as text: UTF-8 (RFC 7946), with or without a BOM (the BOM
/// is skipped by [`read_geojson_str`]); anything else is an encoding error naming `path`.
pub(crate) fn geojson_text<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let (zh, en) = if utf16 {
            (
                "（文件是 UTF-16，请另存为 UTF-8）",
                " (the file is UTF-16; save it as UTF-8)",
            )
        } else {
            ("", "")
        };
        GeoError::Encoding {
            path: path.to_path_buf(),
            detail: format!("GeoJSON 必须是 UTF-8{zh} / GeoJSON must be UTF-8{en}: {e}"),
        }
    })
}

/// Reads GeoJSON text; `path` is used in messages and for the layer name.
pub fn read_geojson_str(text: &str, path: &Path) -> Result<Layer> {
    let root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        GeoError::malformed(
            path,
            None,
            format!("JSON 语法错误 / JSON syntax error: {e}"),
        )
    })?;
    let mut warnings = Vec::new();
    let feats: Vec<&Value> = match root.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => match root.get("features") {
            Some(Value::Array(a)) => a.iter().collect(),
            _ => {
                return Err(GeoError::malformed(
                    path,
                    None,
                    "FeatureCollection 缺少 features 数组 / FeatureCollection without a features array",
                ));
            }
        },
        Some("Feature") => vec![&root],
        Some(_) => vec![&root],
        None => {
            return Err(GeoError::malformed(
                path,
                None,
                "缺少 type 成员 / missing \"type\" member",
            ));
        }
    };
    if let Some(crs) = root.get("crs") {
        let name = crs
            .pointer("/properties/name")
            .and_then(Value::as_str)
            .unwrap_or("");
        let ok = name.is_empty()
            || name.contains("4326")
            || name.contains("4490")
            || name.contains("CRS84")
            || name.contains("4269");
        if !ok {
            return Err(GeoError::UnsupportedProjection {
                path: path.to_path_buf(),
                projection: name.to_string(),
            });
        }
    }
    let mut features = Vec::with_capacity(feats.len());
    for (i, f) in feats.into_iter().enumerate() {
        let is_feature = f.get("type").and_then(Value::as_str) == Some("Feature");
        let (geom, properties, id) = if is_feature {
            let props = match f.get("properties") {
                Some(Value::Object(m)) => m.clone(),
                _ => Map::new(),
            };
            let id = match f.get("id") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            (f.get("geometry").unwrap_or(&Value::Null), props, id)
        } else {
            (f, Map::new(), None)
        };
        let geometry = geometry_to_mp(geom, i, path, &mut warnings)?;
        features.push(Feature {
            index: i,
            id,
            properties,
            geometry,
        });
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::finish::finish_layer(
        Layer {
            name,
            features,
            warnings,
            encoding: Some("UTF-8".into()),
            source_crs: Some("lon/lat (GeoJSON)".into()),
        },
        path,
    )
}

fn position(v: &Value, i: usize, path: &Path) -> Result<Coord<f64>> {
    let bad = || GeoError::malformed(path, Some(i), format!("坐标无效 / invalid position {v}"));
    let a = v.as_array().ok_or_else(bad)?;
    if a.len() < 2 {
        return Err(bad());
    }
    let x = a[0].as_f64().ok_or_else(bad)?;
    let y = a[1].as_f64().ok_or_else(bad)?;
    if !(-540.0..=540.0).contains(&x) || !(-90.0..=90.0).contains(&y) {
        return Err(GeoError::malformed(
            path,
            Some(i),
            format!("坐标不是经纬度 / position ({x}, {y}) is not lon/lat"),
        ));
    }
    Ok(Coord { x, y })
}

fn ring(
    v: &Value,
    i: usize,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<Option<LineString<f64>>> {
    let a = v
        .as_array()
        .ok_or_else(|| GeoError::malformed(path, Some(i), "环不是数组 / ring is not an array"))?;
    let mut pts = a
        .iter()
        .map(|p| position(p, i, path))
        .collect::<Result<Vec<_>>>()?;
    if pts.len() >= 2 && pts.first() != pts.last() {
        let p = pts[0];
        warnings.push(Warning::new(
            WarningKind::UnclosedRing,
            Some(i),
            format!(
                "环未闭合，已闭合（{:.6}, {:.6}） / ring not closed; closed at ({:.6}, {:.6})",
                p.x, p.y, p.x, p.y
            ),
        ));
        pts.push(p);
    }
    if pts.len() < 4 {
        let at = pts
            .first()
            .map(|p| format!(" ({:.6}, {:.6})", p.x, p.y))
            .unwrap_or_default();
        warnings.push(Warning::new(
            WarningKind::DegenerateRing,
            Some(i),
            format!("环少于 4 个点，已忽略{at} / ring with fewer than 4 positions ignored{at}"),
        ));
        return Ok(None);
    }
    Ok(Some(LineString(pts)))
}

fn polygon(
    v: &Value,
    i: usize,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Polygon<f64>>> {
    let a = v.as_array().ok_or_else(|| {
        GeoError::malformed(path, Some(i), "面不是数组 / polygon is not an array")
    })?;
    let mut rings = Vec::with_capacity(a.len());
    for (k, r) in a.iter().enumerate() {
        match ring(r, i, path, warnings)? {
            Some(r) => rings.push(r),
            None if k == 0 => return Ok(None),
            None => {}
        }
    }
    if rings.is_empty() {
        return Ok(None);
    }
    let ext = rings.remove(0);
    Ok(Some(Polygon::new(ext, rings)))
}

fn geometry_to_mp(
    g: &Value,
    i: usize,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<MultiPolygon<f64>> {
    if g.is_null() {
        warnings.push(Warning::new(
            WarningKind::NullGeometry,
            Some(i),
            "几何为空 / null geometry",
        ));
        return Ok(MultiPolygon(vec![]));
    }
    let kind = g.get("type").and_then(Value::as_str).unwrap_or("");
    let coords = g.get("coordinates");
    let bad = |m: &str| GeoError::malformed(path, Some(i), m.to_string());
    match kind {
        "Polygon" => {
            let c = coords.ok_or_else(|| bad("缺少 coordinates / missing coordinates"))?;
            Ok(MultiPolygon(
                polygon(c, i, path, warnings)?.into_iter().collect(),
            ))
        }
        "MultiPolygon" => {
            let c = coords
                .and_then(Value::as_array)
                .ok_or_else(|| bad("缺少 coordinates / missing coordinates"))?;
            let mut out = Vec::with_capacity(c.len());
            for p in c {
                if let Some(p) = polygon(p, i, path, warnings)? {
                    out.push(p);
                }
            }
            Ok(MultiPolygon(out))
        }
        "GeometryCollection" => {
            let gs = g
                .get("geometries")
                .and_then(Value::as_array)
                .ok_or_else(|| bad("缺少 geometries / missing geometries"))?;
            let mut out = Vec::new();
            for sub in gs.iter().take(10_000) {
                if sub.get("type").and_then(Value::as_str) == Some("GeometryCollection") {
                    continue;
                }
                out.extend(geometry_to_mp(sub, i, path, warnings)?.0);
            }
            Ok(MultiPolygon(out))
        }
        other => {
            warnings.push(Warning::new(WarningKind::NotPolygon, Some(i), format!("几何类型 {other} 不是面，已置空 / geometry type {other} is not polygonal; left empty")));
            Ok(MultiPolygon(vec![]))
        }
    }
}

fn ring_json(ls: &LineString<f64>, ccw: bool) -> Value {
    let mut pts: Vec<Value> = ls.0.iter().map(|c| serde_json::json!([c.x, c.y])).collect();
    let a = super::rings::signed_area2(&ls.0);
    if (a > 0.0) != ccw {
        pts.reverse();
    }
    Value::Array(pts)
}

/// GeoJSON geometry object of a MultiPolygon (RFC 7946 winding: exteriors
/// counter-clockwise, holes clockwise).
pub fn multipolygon_json(mp: &MultiPolygon<f64>) -> Value {
    let polys: Vec<Value> =
        mp.0.iter()
            .map(|p| {
                let mut rings = vec![ring_json(p.exterior(), true)];
                rings.extend(p.interiors().iter().map(|h| ring_json(h, false)));
                Value::Array(rings)
            })
            .collect();
    serde_json::json!({"type": "MultiPolygon", "coordinates": polys})
}

/// Writes features as a GeoJSON FeatureCollection (UTF-8, lon/lat).
pub fn write_geojson(
    path: &Path,
    features: &[(&MultiPolygon<f64>, &Map<String, Value>)],
) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| GeoError::io(path, e))?;
    let mut w = std::io::BufWriter::new(file);
    let io = |e: std::io::Error| GeoError::io(path, e);
    w.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
        .map_err(io)?;
    for (k, (mp, props)) in features.iter().enumerate() {
        if k > 0 {
            w.write_all(b",\n").map_err(io)?;
        }
        let f = serde_json::json!({"type": "Feature", "properties": props, "geometry": multipolygon_json(mp)});
        serde_json::to_writer(&mut w, &f).map_err(|e| io(e.into()))?;
    }
    w.write_all(b"\n]}\n").map_err(io)?;
    w.flush().map_err(io)
}
