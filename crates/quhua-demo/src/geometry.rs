//! Schematic (示意) village geometry for the demo county, from quhua-geo's synthetic generator.

use crate::units::Layout;
use crate::{DemoError, SEED};
use geo_types::MultiPolygon;
use quhua_core::DivisionCode;
use quhua_core::registry::{RawUnit, Registry};
use quhua_core::unit::{LonLat, UnitId};
use quhua_geo::AdjacencyOptions;

/// Real total area of 曲阳县 is about 1,084 km²; the schematic county uses it.
pub const COUNTY_AREA_KM2: f64 = 1084.0;
/// Schematic centre (≈ 曲阳县).
pub const CENTER: (f64, f64) = (114.70, 38.62);

/// Village polygons (示意), their adjacency, and label points.
#[derive(Debug, Clone)]
pub struct DemoGeometry {
    /// Villages' codes in the NBS 2023 list, parallel to `polygons`.
    pub codes: Vec<DivisionCode>,
    /// Village polygons (lon/lat).
    pub polygons: Vec<MultiPolygon<f64>>,
    /// Geodesic area of each village, km².
    pub areas_km2: Vec<f64>,
    /// A point inside each village.
    pub label_points: Vec<LonLat>,
    /// Queen adjacency between villages (indices).
    pub adjacency: Vec<(u32, u32)>,
    /// Registry ids of the villages, once bound.
    pub ids: Vec<UnitId>,
}

/// Generates the schematic county: villages grouped into contiguous townships of the real sizes.
pub fn generate(layout: &Layout, rows: &[RawUnit]) -> Result<DemoGeometry, DemoError> {
    let sizes: Vec<usize> = layout.townships.iter().map(|(_, v)| v.len()).collect();
    let synth = quhua_geo::synth::try_county(CENTER, sizes.len(), &sizes, COUNTY_AREA_KM2, SEED)
        .map_err(|e| DemoError::Geo(e.to_string()))?;
    // The generator lists villages township by township; match them to codes in order.
    let mut polygons = Vec::with_capacity(synth.villages.len());
    let mut order: Vec<(usize, usize)> = synth
        .village_township
        .iter()
        .copied()
        .enumerate()
        .map(|(i, t)| (t, i))
        .collect();
    order.sort();
    for (_, i) in &order {
        polygons.push(synth.villages[*i].clone());
    }
    let remap: Vec<u32> = {
        let mut m = vec![0u32; order.len()];
        for (new, (_, old)) in order.iter().enumerate() {
            m[*old] = new as u32;
        }
        m
    };
    // Rook (shared edge) adjacency: touching at a point does not make territory contiguous.
    let report = quhua_geo::adjacency(&synth.villages, &AdjacencyOptions::exact());
    let mut adjacency: Vec<(u32, u32)> = report
        .rook
        .edges()
        .map(|(a, b)| (remap[a as usize], remap[b as usize]))
        .collect();
    for e in &mut adjacency {
        if e.0 > e.1 {
            *e = (e.1, e.0);
        }
    }
    adjacency.sort_unstable();
    let areas_km2 = quhua_geo::areas_km2(&polygons);
    let label_points = quhua_geo::area::label_points(&polygons)
        .into_iter()
        .map(|p| {
            p.map(|p| LonLat {
                lon: p.x(),
                lat: p.y(),
            })
            .unwrap_or(LonLat {
                lon: CENTER.0,
                lat: CENTER.1,
            })
        })
        .collect();
    let codes = layout
        .townships
        .iter()
        .flat_map(|(_, v)| v.iter().map(|&i| rows[i].code))
        .collect();
    Ok(DemoGeometry {
        codes,
        polygons,
        areas_km2,
        label_points,
        adjacency,
        ids: Vec::new(),
    })
}

impl DemoGeometry {
    /// Binds the villages to registry ids by their NBS 2023 codes.
    pub(crate) fn bind(&mut self, registry: &Registry) -> Result<(), DemoError> {
        self.ids = self
            .codes
            .iter()
            .map(|c| registry.unit_by_code(*c))
            .collect::<Result<_, _>>()?;
        Ok(())
    }

    /// Adjacency as pairs of registry ids.
    pub fn adjacency_ids(&self) -> Vec<(UnitId, UnitId)> {
        self.adjacency
            .iter()
            .map(|&(a, b)| (self.ids[a as usize], self.ids[b as usize]))
            .collect()
    }

    /// The polygon of a village by registry id.
    pub fn polygon_of(&self, id: UnitId) -> Option<&MultiPolygon<f64>> {
        self.ids
            .iter()
            .position(|x| *x == id)
            .map(|i| &self.polygons[i])
    }
}
