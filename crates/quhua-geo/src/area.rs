//! Measures on the ellipsoid (WGS84/CGCS2000): geodesic area (Karney's
//! algorithm via `geo::GeodesicArea`), perimeter, interior label points and
//! geodesic distances. Never planar degrees.

use geo::{Area, Distance, Geodesic, GeodesicArea, InteriorPoint};
use geo_types::{MultiPolygon, Point};
use rayon::prelude::*;

/// Geodesic area in km² (holes subtracted), whatever the ring orientation
/// (polygons smaller than a hemisphere). Empty geometry → 0.
///
/// Uses the signed area: `geo`'s `geodesic_area_unsigned` returns the
/// complement (Earth minus the polygon) for a clockwise exterior ring.
pub fn area_km2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter()
        .map(|p| p.geodesic_area_signed().abs())
        .sum::<f64>()
        / 1e6
}

/// Geodesic areas in km² of many geometries, in parallel.
pub fn areas_km2(geoms: &[MultiPolygon<f64>]) -> Vec<f64> {
    geoms.par_iter().map(area_km2).collect()
}

/// Geodesic perimeter in km (exterior and hole rings).
pub fn perimeter_km(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter().map(|p| p.geodesic_perimeter()).sum::<f64>() / 1e3
}

/// A point guaranteed to lie inside the geometry (in its largest polygon),
/// suitable for labels. `None` for empty geometry.
pub fn label_point(mp: &MultiPolygon<f64>) -> Option<Point<f64>> {
    let largest =
        mp.0.iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    largest.interior_point()
}

/// Label points of many geometries, in parallel.
pub fn label_points(geoms: &[MultiPolygon<f64>]) -> Vec<Option<Point<f64>>> {
    geoms.par_iter().map(label_point).collect()
}

/// Geodesic distance in km between two lon/lat points.
pub fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Geodesic.distance(a, b) / 1e3
}

/// Geodesic distances in km from each point to a seat.
pub fn distances_to_seat_km(points: &[Point<f64>], seat: Point<f64>) -> Vec<f64> {
    points.par_iter().map(|p| distance_km(*p, seat)).collect()
}

/// Area in km² of the ellipsoidal zone between latitudes `lat1` < `lat2`
/// spanning `dlon` degrees, from the closed form of the authalic integral:
/// A = a²(1−e²)·Δλ·[q(φ)/2] between the parallels, with
/// q(φ) = sinφ/(1−e²sin²φ) + (1/2e)·ln((1+e sinφ)/(1−e sinφ)).
/// Used to check `area_km2` independently (exact for a lon/lat rectangle
/// only when its sides are geodesics — parallels are not, so expect a small
/// difference that shrinks with the cell size).
pub fn ellipsoidal_zone_area_km2(lat1: f64, lat2: f64, dlon: f64, a: f64, f: f64) -> f64 {
    let e2 = f * (2.0 - f);
    let e = e2.sqrt();
    let q = |phi: f64| {
        let s = phi.to_radians().sin();
        s / (1.0 - e2 * s * s) + (1.0 / (2.0 * e)) * ((1.0 + e * s) / (1.0 - e * s)).ln()
    };
    a * a * (1.0 - e2) * dlon.to_radians() * (q(lat2) - q(lat1)) / 2.0 / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo_types::polygon;

    fn cell(lon: f64, lat: f64, d: f64, n: usize) -> MultiPolygon<f64> {
        // Densified so the parallels are well approximated by geodesics.
        let mut pts = Vec::new();
        for i in 0..n {
            pts.push((lon + d * i as f64 / n as f64, lat));
        }
        for i in 0..n {
            pts.push((lon + d, lat + d * i as f64 / n as f64));
        }
        for i in 0..n {
            pts.push((lon + d - d * i as f64 / n as f64, lat + d));
        }
        for i in 0..n {
            pts.push((lon, lat + d - d * i as f64 / n as f64));
        }
        pts.push((lon, lat));
        MultiPolygon(vec![geo_types::Polygon::new(pts.into(), vec![])])
    }

    #[test]
    fn one_degree_cells_match_zone_formula() {
        let (a, f) = (6_378_137.0, 1.0 / 298.257_223_563);
        for lat in [0.0, 38.0] {
            let exact = ellipsoidal_zone_area_km2(lat, lat + 1.0, 1.0, a, f);
            let ours = area_km2(&cell(114.0, lat, 1.0, 200));
            let rel = (ours - exact).abs() / exact;
            assert!(rel < 1e-5, "lat {lat}: {ours} vs {exact} ({rel:e})");
        }
        // Equator 1°×1° ≈ 12 308 km².
        let eq = ellipsoidal_zone_area_km2(0.0, 1.0, 1.0, a, f);
        assert!((eq - 12_308.0).abs() < 5.0, "{eq}");
    }

    #[test]
    fn orientation_and_holes() {
        let ccw = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let mut cw = ccw.clone();
        cw.exterior_mut(|r| r.0.reverse());
        let a1 = area_km2(&MultiPolygon(vec![ccw]));
        let a2 = area_km2(&MultiPolygon(vec![cw]));
        assert!(
            (a1 - a2).abs() < 1e-6 && a1 > 12_000.0 && a1 < 12_400.0,
            "{a1} {a2}"
        );
        let p = label_point(&cell(10.0, 10.0, 0.5, 3)).unwrap();
        assert!(p.x() > 10.0 && p.x() < 10.5);
        let d = distance_km(Point::new(114.0, 38.0), Point::new(114.0, 39.0));
        assert!((d - 111.05).abs() < 0.1, "{d}");
    }
}
