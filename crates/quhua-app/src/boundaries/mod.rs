//! Boundaries: township or village polygons imported from a file (GeoJSON, zipped Shapefile,
//! GeoPackage), linked to the registry's units by their codes, checked feature by feature and
//! stored whole — or, with any problem, not at all — and the geometry of a county built from
//! what is stored (see [`geometry`]).
//!
//! One use case for every adapter: `quhua import boundaries FILE` and the browser's upload
//! both call [`import`]; the demo county's schematic polygons are stored through it too.

pub mod geometry;
mod link;

use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult};
use geo_types::MultiPolygon;
use quhua_store::{BoundaryFeature, BoundarySet};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use geometry::{CountyGeometry, county_geometry};
pub use link::{FeatureProblem, ProblemKind};

/// Which units a boundary file outlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoundaryLevel {
    /// Township-level units (乡级：乡、镇、街道).
    Township,
    /// Villages and communities (村级：村委会、居委会).
    Village,
}

impl BoundaryLevel {
    /// The id stored and used in the API (`township`, `village`).
    pub fn id(self) -> &'static str {
        match self {
            BoundaryLevel::Township => "township",
            BoundaryLevel::Village => "village",
        }
    }

    /// Parses an id (`township`/`village`, or 乡镇/村).
    pub fn parse(s: &str) -> Option<BoundaryLevel> {
        match s.trim() {
            "township" | "乡镇" | "乡级" => Some(BoundaryLevel::Township),
            "village" | "村" | "村级" => Some(BoundaryLevel::Village),
            _ => None,
        }
    }

    /// Chinese and English names.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            BoundaryLevel::Township => ("乡镇界", "township boundaries"),
            BoundaryLevel::Village => ("村界", "village boundaries"),
        }
    }
}

/// How to read a boundary file.
#[derive(Debug, Clone, Default)]
pub struct BoundaryOptions {
    /// The units outlined; `None`: whichever level the codes match.
    pub level: Option<BoundaryLevel>,
    /// The attribute holding the codes; `None`: the field whose values match most codes.
    pub code_field: Option<String>,
    /// Store the boundaries when nothing is wrong (`false`: a preview, nothing stored).
    pub commit: bool,
    /// Mark the geometry as schematic (示意), as for the demo county.
    pub synthetic: bool,
}

/// What an import found and did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct BoundaryImport {
    /// The county (6 digits).
    pub county: String,
    /// The file's name.
    pub file: String,
    /// The level the features were linked at.
    pub level: BoundaryLevel,
    /// The attribute the codes were read from.
    pub code_field: String,
    /// Features in the file.
    pub features: usize,
    /// Features linked to a unit of the county.
    pub matched: usize,
    /// Units of the level in the county.
    pub units: usize,
    /// Total area of the linked features, km² (ellipsoidal).
    pub area_km2: f64,
    /// Everything that stops the import, by feature (1-based) — empty when it can be stored.
    pub problems: Vec<FeatureProblem>,
    /// Notes that do not stop it (encoding detected, small overlaps or gaps, …), "中文 / English".
    pub warnings: Vec<String>,
    /// Whether the boundaries were stored.
    pub stored: bool,
    /// Features of the set it replaced (0: none).
    pub replaced: usize,
}

/// A boundary file to import: its name (the extension decides the format) and content.
#[derive(Debug, Clone)]
pub struct BoundaryFile {
    /// File name as given (`曲阳县村界.zip`).
    pub name: String,
    /// Content.
    pub bytes: Vec<u8>,
}

impl BoundaryFile {
    /// Reads a file from disk.
    pub fn read(path: &std::path::Path) -> AppResult<BoundaryFile> {
        let bytes = std::fs::read(path).map_err(|e| {
            AppError::invalid(
                format!("无法读取 {}：{e}", path.display()),
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        Ok(BoundaryFile {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            bytes,
        })
    }
}

fn geo_err(e: quhua_geo::GeoError) -> AppError {
    let (zh, en) = crate::text::split_pair(&e.to_string());
    AppError::invalid(zh, en)
}

/// Imports (or, without `commit`, previews) the boundaries of `county` from a file: every
/// feature is linked to a unit of the county by its code and checked (geometry, codes, one
/// feature per unit, every unit outlined); only with no problem at all and `commit` is the
/// set stored, in one transaction with its audit row, replacing the county's set of that
/// level. An unreadable file is an error; problems are reported feature by feature.
///
/// ```no_run
/// use quhua_app::boundaries::{import, BoundaryFile, BoundaryOptions};
/// let app = quhua_app::App::open("sqlite:quhua.db").unwrap();
/// let actor = quhua_app::access::Actor::operator("民政局");
/// let file = BoundaryFile::read("曲阳县村界.geojson".as_ref()).unwrap();
/// let opts = BoundaryOptions { commit: true, ..Default::default() };
/// let r = import(&app, &actor, Some("130634"), &file, &opts).unwrap();
/// println!("{} of {} features linked, stored: {}", r.matched, r.features, r.stored);
/// ```
pub fn import(
    app: &App,
    actor: &Actor,
    county: Option<&str>,
    file: &BoundaryFile,
    opts: &BoundaryOptions,
) -> AppResult<BoundaryImport> {
    // Refused before the file is read: by role, and by jurisdiction when the county is given.
    may_import(actor, county.unwrap_or(""))?;
    let layer = quhua_geo::io::read_layer_bytes(&file.name, &file.bytes).map_err(geo_err)?;
    let registry = app.registry()?;
    let date = crate::county::latest_date(&registry);
    let snapshot = registry.as_of(date);
    let county = match county {
        Some(c) => c.to_string(),
        None => link::detect_county(&snapshot, &layer, opts).ok_or_else(|| {
            AppError::invalid(
                format!("“{}”中没有本库名录里的乡镇或村代码，无法确定所属县；请用 --county 指定", file.name),
                format!("\"{}\" holds no township or village code of the registry, so its county is unknown; name it with --county", file.name),
            )
        })?,
    };
    let county = county.as_str();
    may_import(actor, county)?;
    crate::county::county_code(county)?;
    let linked = link::link(&snapshot, county, &layer, opts)?;
    let mut report = BoundaryImport {
        county: county.to_string(),
        file: file.name.clone(),
        level: linked.level,
        code_field: linked.field.clone(),
        features: layer.features.len(),
        matched: linked.units.len(),
        units: linked.expected,
        area_km2: linked
            .units
            .iter()
            .map(|(_, fi)| quhua_geo::area_km2(&layer.features[*fi].geometry))
            .sum(),
        problems: linked.problems,
        warnings: linked.warnings,
        stored: false,
        replaced: 0,
    };
    report
        .warnings
        .extend(layer.warnings.iter().map(ToString::to_string));
    if !report.problems.is_empty() || !opts.commit {
        return Ok(report);
    }
    let features: Vec<BoundaryFeature> = linked
        .units
        .iter()
        .map(|(unit, fi)| BoundaryFeature {
            unit_id: i64::from(unit.id.0),
            code: unit.code.to_string(),
            geometry: geometry_json(&layer.features[*fi].geometry),
        })
        .collect();
    let set = BoundarySet {
        county: county.to_string(),
        level: linked.level.id().to_string(),
        source: file.name.clone(),
        source_sha256: hex::encode(Sha256::digest(&file.bytes)),
        as_of: date.to_string(),
        synthetic: opts.synthetic,
    };
    report.replaced = app
        .store()
        .import_boundaries(&set, &features, &actor.name)?;
    report.stored = true;
    app.refresh()?;
    Ok(report)
}

/// Only a county editor of the county (or the local operator) imports its boundaries; with
/// `county` empty, only the role is checked.
fn may_import(actor: &Actor, county: &str) -> AppResult<()> {
    if actor.is(Role::CountyEditor) && (county.is_empty() || actor.sees(county)) {
        return Ok(());
    }
    Err(AppError::forbidden(
        format!("只有本县（{county}）的县级编辑可以导入边界"),
        format!("only a county editor of {county} may import its boundaries"),
    ))
}

/// A MultiPolygon's coordinates as JSON, full precision (`[[[[lon, lat], …], …], …]`).
pub fn geometry_json(mp: &MultiPolygon<f64>) -> String {
    let rings = |p: &geo_types::Polygon<f64>| -> Vec<Vec<[f64; 2]>> {
        std::iter::once(p.exterior())
            .chain(p.interiors())
            .map(|r| r.0.iter().map(|c| [c.x, c.y]).collect())
            .collect()
    };
    let polys: Vec<Vec<Vec<[f64; 2]>>> = mp.0.iter().map(rings).collect();
    serde_json::to_string(&polys).unwrap_or_else(|_| "[]".into())
}

/// Parses [`geometry_json`]'s text.
pub fn parse_geometry(text: &str) -> Option<MultiPolygon<f64>> {
    let polys: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_str(text).ok()?;
    let ring = |r: &Vec<[f64; 2]>| -> geo_types::LineString<f64> {
        r.iter()
            .map(|&[x, y]| geo_types::coord! { x: x, y: y })
            .collect()
    };
    Some(MultiPolygon(
        polys
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| geo_types::Polygon::new(ring(&p[0]), p[1..].iter().map(ring).collect()))
            .collect(),
    ))
}

/// Stores the demo county's schematic village polygons (through [`import`]'s store path).
pub fn store_demo(app: &App, actor: &Actor, demo: &quhua_demo::Demo) -> AppResult<usize> {
    let registry = app.registry()?;
    let date = crate::county::latest_date(&registry);
    let snapshot = registry.as_of(date);
    let features: Vec<BoundaryFeature> = demo
        .geometry
        .ids
        .iter()
        .zip(&demo.geometry.polygons)
        .filter_map(|(id, poly)| {
            let unit = snapshot.get(*id)?;
            Some(BoundaryFeature {
                unit_id: i64::from(id.0),
                code: unit.code.to_string(),
                geometry: geometry_json(poly),
            })
        })
        .collect();
    if features.is_empty() {
        return Ok(0);
    }
    let text: String = features.iter().map(|f| f.geometry.as_str()).collect();
    let set = BoundarySet {
        county: quhua_demo::county_code().to_string(),
        level: BoundaryLevel::Village.id().to_string(),
        source: "quhua-demo（曲阳县示意村界 / schematic village boundaries）".into(),
        source_sha256: hex::encode(Sha256::digest(text.as_bytes())),
        as_of: date.to_string(),
        synthetic: true,
    };
    app.store()
        .import_boundaries(&set, &features, &actor.name)?;
    app.refresh()?;
    Ok(features.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_text_round_trips_exactly() {
        let p = geo_types::Polygon::new(
            vec![
                (114.123_456_789_012_34, 38.1),
                (114.2, 38.1),
                (114.2, 38.2),
                (114.123_456_789_012_34, 38.1),
            ]
            .into(),
            vec![],
        );
        let mp = MultiPolygon(vec![p]);
        assert_eq!(parse_geometry(&geometry_json(&mp)), Some(mp));
        assert_eq!(parse_geometry("not json"), None);
    }

    #[test]
    fn levels_parse_both_languages() {
        assert_eq!(BoundaryLevel::parse("村"), Some(BoundaryLevel::Village));
        assert_eq!(
            BoundaryLevel::parse("township"),
            Some(BoundaryLevel::Township)
        );
        assert_eq!(BoundaryLevel::parse("county"), None);
    }
}
