//! A county's geometry from its stored boundaries, in the order of its scenario base's
//! villages: one polygon and one label point per village, and rook adjacency between them.
//!
//! With village boundaries every village has its own polygon. With township boundaries only,
//! each base village stands in its township of the set's date: the township's polygon is
//! carried by one village of it (its seat village where it has one) and the others carry
//! none, so whole townships dissolve exactly; a village's label point is its township's;
//! villages of one township are linked to each other and to every village of a touching
//! township, so contiguity holds for whole townships and for a village moved next door.

use super::{BoundaryLevel, parse_geometry};
use geo_types::MultiPolygon;
use quhua_core::registry::Registry;
use quhua_core::scenario::Base;
use quhua_core::unit::UnitId;
use quhua_geo::AdjacencyOptions;
use quhua_store::{BoundaryFeature, BoundarySetInfo};
use std::collections::HashMap;

/// Geometry of one county's base villages.
#[derive(Debug, Clone)]
pub struct CountyGeometry {
    /// The level of the boundaries it was built from.
    pub level: BoundaryLevel,
    /// One polygon per base village (empty where a township's polygon is carried by
    /// another village of it).
    pub polygons: Vec<MultiPolygon<f64>>,
    /// One label point (lon, lat) per base village.
    pub labels: Vec<Option<(f64, f64)>>,
    /// Rook adjacency between base villages.
    pub adjacency: Vec<(UnitId, UnitId)>,
    /// Whether the geometry is schematic (示意).
    pub synthetic: bool,
    /// Where it came from (file name, import date).
    pub source: String,
}

fn options(synthetic: bool) -> AdjacencyOptions {
    // Schematic polygons share their vertices exactly; surveyed ones within a metre.
    if synthetic {
        AdjacencyOptions::exact()
    } else {
        AdjacencyOptions::metres(1.0)
    }
}

fn label(mp: &MultiPolygon<f64>) -> Option<(f64, f64)> {
    quhua_geo::label_point(mp).map(|p| (p.x(), p.y()))
}

/// The county's geometry from its stored sets: village boundaries when they outline every
/// base village, else township boundaries, else `None`.
pub fn county_geometry(
    registry: &Registry,
    base: &Base,
    sets: &[(BoundarySetInfo, Vec<BoundaryFeature>)],
) -> Option<CountyGeometry> {
    let of = |level: BoundaryLevel| sets.iter().find(|(s, _)| s.set.level == level.id());
    of(BoundaryLevel::Village)
        .and_then(|(info, f)| villages(base, info, f))
        .or_else(|| {
            of(BoundaryLevel::Township).and_then(|(info, f)| townships(registry, base, info, f))
        })
}

fn source(info: &BoundarySetInfo) -> String {
    format!("{}（{}）", info.set.source, info.set.as_of)
}

fn villages(
    base: &Base,
    info: &BoundarySetInfo,
    features: &[BoundaryFeature],
) -> Option<CountyGeometry> {
    let by_id: HashMap<i64, &BoundaryFeature> = features.iter().map(|f| (f.unit_id, f)).collect();
    let polygons: Vec<MultiPolygon<f64>> = base
        .villages
        .iter()
        .map(|v| {
            by_id
                .get(&i64::from(v.id.0))
                .and_then(|f| parse_geometry(&f.geometry))
        })
        .collect::<Option<_>>()?;
    let report = quhua_geo::adjacency(&polygons, &options(info.set.synthetic));
    let adjacency = report
        .rook
        .edges()
        .map(|(a, b)| (base.villages[a as usize].id, base.villages[b as usize].id))
        .collect();
    Some(CountyGeometry {
        level: BoundaryLevel::Village,
        labels: polygons.iter().map(label).collect(),
        polygons,
        adjacency,
        synthetic: info.set.synthetic,
        source: source(info),
    })
}

fn townships(
    registry: &Registry,
    base: &Base,
    info: &BoundarySetInfo,
    features: &[BoundaryFeature],
) -> Option<CountyGeometry> {
    let date = quhua_core::date::parse_date(&info.set.as_of)?;
    let then = registry.as_of(date);
    // Townships of the set, in feature order.
    let index: HashMap<i64, usize> = features
        .iter()
        .enumerate()
        .map(|(i, f)| (f.unit_id, i))
        .collect();
    let shapes: Vec<MultiPolygon<f64>> = features
        .iter()
        .map(|f| parse_geometry(&f.geometry))
        .collect::<Option<_>>()?;
    // Each base village's township on the set's date.
    let home: Vec<usize> = base
        .villages
        .iter()
        .map(|v| {
            let parent = then.get(v.id)?.parent?;
            index.get(&i64::from(parent.0)).copied()
        })
        .collect::<Option<_>>()?;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); shapes.len()];
    for (vi, &t) in home.iter().enumerate() {
        members[t].push(vi);
    }
    // The carrier of each township's polygon: its seat village on the set's date, if still a
    // member, else its first member.
    let mut carrier: Vec<Option<usize>> = vec![None; shapes.len()];
    for (t, f) in features.iter().enumerate() {
        let seat = then
            .get(UnitId(u32::try_from(f.unit_id).ok()?))
            .and_then(|u| u.seat.as_ref())
            .and_then(|s| s.village);
        carrier[t] = members[t]
            .iter()
            .copied()
            .find(|&vi| Some(base.villages[vi].id) == seat)
            .or_else(|| members[t].first().copied());
    }
    let mut polygons = vec![MultiPolygon(Vec::new()); base.villages.len()];
    for (t, c) in carrier.iter().enumerate() {
        if let Some(vi) = c {
            polygons[*vi] = shapes[t].clone();
        }
    }
    let labels: Vec<Option<(f64, f64)>> = home.iter().map(|&t| label(&shapes[t])).collect();
    let touching = quhua_geo::adjacency(&shapes, &options(info.set.synthetic)).rook;
    let id = |vi: usize| base.villages[vi].id;
    let mut adjacency = Vec::new();
    for m in &members {
        for (k, &a) in m.iter().enumerate() {
            for &b in &m[k + 1..] {
                adjacency.push((id(a), id(b)));
            }
        }
    }
    for (ta, tb) in touching.edges() {
        for &a in &members[ta as usize] {
            for &b in &members[tb as usize] {
                adjacency.push((id(a), id(b)));
            }
        }
    }
    Some(CountyGeometry {
        level: BoundaryLevel::Township,
        polygons,
        labels,
        adjacency,
        synthetic: info.set.synthetic,
        source: source(info),
    })
}
