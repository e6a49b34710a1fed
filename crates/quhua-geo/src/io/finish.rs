//! The one step every reader ends with, whatever the format (GeoJSON, Shapefile,
//! GeoPackage), so that the same shape gives the same layer and the same findings:
//!
//! - every coordinate, once in lon/lat, is finite and within −180…180 / −90…90 (a projected
//!   file read without its .prj, or a byte-flipped file, is refused naming file and feature);
//! - a feature has at most [`MAX_VERTICES_PER_FEATURE`] positions;
//! - unclosed rings are closed and rings of fewer than 4 positions dropped, with a located
//!   warning; rings of zero area (collinear, or a bow-tie whose halves cancel) are kept so
//!   that [`crate::validate`] reports them in every format.

use crate::error::{GeoError, Result};
use crate::layer::{Layer, Warning, WarningKind};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use std::path::Path;

/// The most positions one feature may have (a township outline digitised at 1 m has some
/// 10⁵); larger features are refused before any geometry work.
pub const MAX_VERTICES_PER_FEATURE: usize = 2_000_000;

/// Checks and normalises a layer read from `path` (see the module docs).
pub fn finish_layer(mut layer: Layer, path: &Path) -> Result<Layer> {
    let mut warnings = Vec::new();
    for f in &mut layer.features {
        let i = f.index;
        let n: usize = f
            .geometry
            .0
            .iter()
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum();
        if n > MAX_VERTICES_PER_FEATURE {
            return Err(GeoError::TooManyVertices {
                path: path.to_path_buf(),
                feature: i,
                vertices: n,
                max: MAX_VERTICES_PER_FEATURE,
            });
        }
        for p in &f.geometry.0 {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                for c in &r.0 {
                    check_coord(*c, path, i)?;
                }
            }
        }
        let polys = std::mem::take(&mut f.geometry.0);
        f.geometry = MultiPolygon(
            polys
                .into_iter()
                .filter_map(|p| normalise_polygon(p, i, &mut warnings))
                .collect(),
        );
    }
    layer.warnings.extend(warnings);
    Ok(layer)
}

/// A lon/lat coordinate must be finite and on the globe.
pub fn check_coord(c: Coord<f64>, path: &Path, feature: usize) -> Result<()> {
    if !c.x.is_finite() || !c.y.is_finite() {
        return Err(GeoError::BadCoordinate {
            path: path.to_path_buf(),
            feature,
            zh: format!("坐标不是有限数（{}, {}）", c.x, c.y),
            en: format!("coordinate is not a finite number ({}, {})", c.x, c.y),
        });
    }
    if !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y) {
        return Err(GeoError::BadCoordinate {
            path: path.to_path_buf(),
            feature,
            zh: format!(
                "坐标（{}, {}）超出经纬度范围（经度 −180…180，纬度 −90…90）；坐标系是否定义正确？",
                c.x, c.y
            ),
            en: format!(
                "coordinate ({}, {}) is outside lon −180…180, lat −90…90; is the coordinate system right?",
                c.x, c.y
            ),
        });
    }
    Ok(())
}

fn normalise_ring(
    mut r: LineString<f64>,
    feature: usize,
    warnings: &mut Vec<Warning>,
) -> Option<LineString<f64>> {
    if r.0.len() >= 2 && r.0.first() != r.0.last() {
        let p = r.0[0];
        warnings.push(Warning::new(
            WarningKind::UnclosedRing,
            Some(feature),
            format!(
                "环未闭合，已闭合（{:.6}, {:.6}） / ring not closed; closed at ({:.6}, {:.6})",
                p.x, p.y, p.x, p.y
            ),
        ));
        r.0.push(p);
    }
    if r.0.len() < 4 {
        let at =
            r.0.first()
                .map(|p| format!(" ({:.6}, {:.6})", p.x, p.y))
                .unwrap_or_default();
        warnings.push(Warning::new(
            WarningKind::DegenerateRing,
            Some(feature),
            format!("环少于 4 个点，已忽略{at} / ring with fewer than 4 positions ignored{at}"),
        ));
        return None;
    }
    Some(r)
}

fn normalise_polygon(
    p: Polygon<f64>,
    feature: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Polygon<f64>> {
    let (ext, holes) = p.into_inner();
    let ext = normalise_ring(ext, feature, warnings)?;
    let holes = holes
        .into_iter()
        .filter_map(|h| normalise_ring(h, feature, warnings))
        .collect();
    Some(Polygon::new(ext, holes))
}
