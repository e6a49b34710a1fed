//! Turning a flat list of rings (as stored in shapefiles) into polygons:
//! closing, dropping degenerate rings (with located warnings) and assigning
//! holes to the smallest exterior that contains them.

use crate::layer::{Warning, WarningKind};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};

/// Twice the signed area (positive = counter-clockwise).
pub(crate) fn signed_area2(r: &[Coord<f64>]) -> f64 {
    if r.len() < 3 {
        return 0.0;
    }
    let o = r[0];
    r.windows(2)
        .map(|w| (w[0].x - o.x) * (w[1].y - o.y) - (w[1].x - o.x) * (w[0].y - o.y))
        .sum()
}

/// Crossing-number test of a point against a closed ring.
pub(crate) fn point_in_ring(p: Coord<f64>, r: &[Coord<f64>]) -> bool {
    let mut inside = false;
    for w in r.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if p.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Assembles shapefile rings (exterior clockwise, holes counter-clockwise).
pub(crate) fn assemble_rings(
    rings: Vec<Vec<Coord<f64>>>,
    feature: usize,
    warnings: &mut Vec<Warning>,
) -> MultiPolygon<f64> {
    let mut ext: Vec<(Vec<Coord<f64>>, f64)> = Vec::new();
    let mut holes: Vec<Vec<Coord<f64>>> = Vec::new();
    for (k, mut r) in rings.into_iter().enumerate() {
        if r.len() >= 2 && r.first() != r.last() {
            let p = r[0];
            warnings.push(Warning::new(WarningKind::UnclosedRing, Some(feature), format!("第 {k} 个环未闭合，已闭合（{:.6}, {:.6}） / ring {k} was not closed; closed it at ({:.6}, {:.6})", p.x, p.y, p.x, p.y)));
            r.push(p);
        }
        let a2 = signed_area2(&r);
        // Zero-area rings (a bow-tie's halves cancel) are kept: validation reports them,
        // as it does for every format.
        if r.len() < 4 {
            let at = r
                .first()
                .map(|p| format!(" ({:.6}, {:.6})", p.x, p.y))
                .unwrap_or_default();
            warnings.push(Warning::new(WarningKind::DegenerateRing, Some(feature), format!("第 {k} 个环少于 4 个点，已忽略{at} / ring {k} has fewer than 4 positions; ignored{at}")));
            continue;
        }
        if a2 < 0.0 {
            ext.push((r, -a2));
        } else {
            holes.push(r);
        }
    }
    if ext.is_empty() {
        // Counter-clockwise exteriors (non-conforming writer): treat rings not
        // inside another ring as exteriors.
        let all = std::mem::take(&mut holes);
        let n = all.len();
        let mut is_hole = vec![false; n];
        for i in 0..n {
            for j in 0..n {
                if i != j
                    && point_in_ring(all[i][0], &all[j])
                    && signed_area2(&all[j]).abs() > signed_area2(&all[i]).abs()
                {
                    is_hole[i] = !is_hole[i];
                    break;
                }
            }
        }
        for (r, h) in all.into_iter().zip(is_hole) {
            if h {
                holes.push(r);
            } else {
                let a = signed_area2(&r).abs();
                ext.push((r, a));
            }
        }
    }
    let mut interiors: Vec<Vec<LineString<f64>>> = vec![Vec::new(); ext.len()];
    for h in holes {
        let probe = h[0];
        let best = ext
            .iter()
            .enumerate()
            .filter(|(_, (e, _))| point_in_ring(probe, e) || point_in_ring(midpoint(&h), e))
            .min_by(|a, b| a.1.1.total_cmp(&b.1.1))
            .map(|(i, _)| i);
        match best {
            Some(i) => interiors[i].push(LineString(h)),
            None => {
                let a = signed_area2(&h).abs();
                ext.push((h, a));
                interiors.push(Vec::new());
            }
        }
    }
    MultiPolygon(
        ext.into_iter()
            .zip(interiors)
            .map(|((e, _), i)| Polygon::new(LineString(e), i))
            .collect(),
    )
}

fn midpoint(r: &[Coord<f64>]) -> Coord<f64> {
    if r.len() < 2 {
        return r.first().copied().unwrap_or(Coord { x: 0.0, y: 0.0 });
    }
    Coord {
        x: (r[0].x + r[1].x) / 2.0,
        y: (r[0].y + r[1].y) / 2.0,
    }
}
