//! Dissolve: the union of the polygons of each group, one MultiPolygon per
//! group, groups in parallel. Uses `geo::unary_union` (i_overlay) on
//! consistently oriented input; output is valid OGC geometry with holes kept.

use crate::error::{GeoError, Result};
use geo::orient::{Direction, Orient};
use geo_types::{MultiPolygon, Polygon};
use rayon::prelude::*;

/// Unions `geoms[i]` into group `group[i]` (`0..n_groups`). Groups with no
/// member get an empty MultiPolygon.
pub fn dissolve(
    geoms: &[MultiPolygon<f64>],
    group: &[usize],
    n_groups: usize,
) -> Result<Vec<MultiPolygon<f64>>> {
    if geoms.len() != group.len() {
        return Err(GeoError::InvalidArgument(format!(
            "几何数 {} 与分组数 {} 不一致 / {} geometries but {} group indices",
            geoms.len(),
            group.len(),
            geoms.len(),
            group.len()
        )));
    }
    if let Some((i, g)) = group.iter().enumerate().find(|(_, g)| **g >= n_groups) {
        return Err(GeoError::InvalidArgument(format!(
            "第 {i} 个要素的分组 {g} 超出范围 {n_groups} / group {g} of feature {i} is out of range {n_groups}"
        )));
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_groups];
    for (i, &g) in group.iter().enumerate() {
        members[g].push(i);
    }
    Ok(members
        .par_iter()
        .map(|m| {
            let polys: Vec<Polygon<f64>> = m
                .iter()
                .flat_map(|&i| geoms[i].0.iter())
                .filter(|p| p.exterior().0.len() >= 4)
                .map(|p| p.orient(Direction::Default))
                .collect();
            union_polygons(&polys)
        })
        .collect())
}

/// Union of a set of polygons (any orientation).
pub fn union_polygons(polys: &[Polygon<f64>]) -> MultiPolygon<f64> {
    match polys.len() {
        0 => MultiPolygon(vec![]),
        1 => MultiPolygon(vec![polys[0].orient(Direction::Default)]),
        _ => {
            let oriented: Vec<Polygon<f64>> =
                polys.iter().map(|p| p.orient(Direction::Default)).collect();
            geo::unary_union(&oriented)
        }
    }
}

/// Maps arbitrary group labels to dense indices: returns the index of each
/// element and the distinct labels in first-seen order.
pub fn group_indices<T: Eq + std::hash::Hash + Clone>(labels: &[T]) -> (Vec<usize>, Vec<T>) {
    let mut map = std::collections::HashMap::new();
    let mut distinct = Vec::new();
    let idx = labels
        .iter()
        .map(|l| {
            *map.entry(l.clone()).or_insert_with(|| {
                distinct.push(l.clone());
                distinct.len() - 1
            })
        })
        .collect();
    (idx, distinct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::area_km2;
    use geo_types::LineString;

    fn sq(x: f64, y: f64, s: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]),
            vec![],
        )])
    }

    #[test]
    fn ring_of_cells_keeps_hole_and_area() {
        // 3×3 grid without the centre, dissolved into one group → one polygon with one hole.
        let mut g = Vec::new();
        for j in 0..3 {
            for i in 0..3 {
                if (i, j) != (1, 1) {
                    g.push(sq(114.0 + i as f64 * 0.01, 38.0 + j as f64 * 0.01, 0.01));
                }
            }
        }
        let out = dissolve(&g, &vec![0; g.len()], 1).unwrap();
        assert_eq!(out[0].0.len(), 1);
        assert_eq!(out[0].0[0].interiors().len(), 1);
        let parts: f64 = g.iter().map(area_km2).sum();
        let whole = area_km2(&out[0]);
        assert!((whole - parts).abs() / parts < 1e-6, "{whole} vs {parts}");
        assert!(dissolve(&g, &[0], 1).is_err());
    }
}

/// Fast dissolve for groups whose members tile without overlap and share
/// bit-identical vertices along common boundaries (e.g. the synthetic
/// tessellation, or data that passed [`crate::validate`]): shared interior
/// edges cancel by hashing, the remaining boundary edges are chained into
/// rings. Falls back to [`union_polygons`] for a group whose boundary cannot
/// be chained unambiguously (pinch vertices, T-junctions). Members that
/// overlap are not detected here — use [`dissolve`] for untrusted input.
pub fn dissolve_tiling(
    geoms: &[MultiPolygon<f64>],
    group: &[usize],
    n_groups: usize,
) -> Result<Vec<MultiPolygon<f64>>> {
    if geoms.len() != group.len() {
        return Err(GeoError::InvalidArgument(format!(
            "几何数 {} 与分组数 {} 不一致 / {} geometries but {} group indices",
            geoms.len(),
            group.len(),
            geoms.len(),
            group.len()
        )));
    }
    if let Some((i, g)) = group.iter().enumerate().find(|(_, g)| **g >= n_groups) {
        return Err(GeoError::InvalidArgument(format!(
            "第 {i} 个要素的分组 {g} 超出范围 {n_groups} / group {g} of feature {i} is out of range {n_groups}"
        )));
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_groups];
    for (i, &g) in group.iter().enumerate() {
        members[g].push(i);
    }
    Ok(members
        .par_iter()
        .map(|m| {
            let polys: Vec<&Polygon<f64>> = m.iter().flat_map(|&i| geoms[i].0.iter()).collect();
            match chain_boundary(&polys) {
                Some(mp) => mp,
                None => union_polygons(&polys.into_iter().cloned().collect::<Vec<_>>()),
            }
        })
        .collect())
}

type Key = (u64, u64);

fn key(c: geo_types::Coord<f64>) -> Key {
    // +0.0 and -0.0 must hash alike.
    ((c.x + 0.0).to_bits(), (c.y + 0.0).to_bits())
}

fn chain_boundary(polys: &[&Polygon<f64>]) -> Option<MultiPolygon<f64>> {
    use crate::io::rings::{point_in_ring, signed_area2};
    use geo_types::{Coord, LineString};
    use std::collections::HashMap;
    if polys.len() == 1 {
        return Some(MultiPolygon(vec![polys[0].orient(Direction::Default)]));
    }
    // Directed edges with exteriors counter-clockwise and holes clockwise.
    let mut edges: HashMap<(Key, Key), i32> = HashMap::new();
    let mut coord: HashMap<Key, Coord<f64>> = HashMap::new();
    for p in polys {
        let p = p.orient(Direction::Default);
        for r in std::iter::once(p.exterior()).chain(p.interiors()) {
            for w in r.0.windows(2) {
                let (a, b) = (key(w[0]), key(w[1]));
                if a == b {
                    continue;
                }
                coord.insert(a, w[0]);
                // An edge cancels against its reverse.
                match edges.get_mut(&(b, a)) {
                    Some(c) if *c > 0 => *c -= 1,
                    _ => *edges.entry((a, b)).or_insert(0) += 1,
                }
            }
        }
    }
    let mut next: HashMap<Key, Key> = HashMap::new();
    for (&(a, b), &c) in &edges {
        if c == 0 {
            continue;
        }
        if c > 1 || next.insert(a, b).is_some() {
            return None; // duplicated edge or pinch vertex: ambiguous
        }
    }
    let mut rings: Vec<Vec<Coord<f64>>> = Vec::new();
    let mut starts: Vec<Key> = next.keys().copied().collect();
    starts.sort_unstable();
    let mut used: std::collections::HashSet<Key> = std::collections::HashSet::new();
    for s in starts {
        if used.contains(&s) {
            continue;
        }
        let mut ring = Vec::new();
        let mut cur = s;
        loop {
            if !used.insert(cur) {
                return None;
            }
            ring.push(*coord.get(&cur)?);
            cur = *next.get(&cur)?;
            if cur == s {
                break;
            }
        }
        ring.push(ring[0]);
        if ring.len() >= 4 {
            rings.push(ring);
        }
    }
    let mut ext: Vec<(Vec<Coord<f64>>, f64)> = Vec::new();
    let mut holes = Vec::new();
    for r in rings {
        let a = signed_area2(&r);
        if a > 0.0 {
            ext.push((r, a));
        } else {
            holes.push(r);
        }
    }
    let mut interiors: Vec<Vec<LineString<f64>>> = vec![Vec::new(); ext.len()];
    for h in holes {
        let probe = Coord {
            x: (h[0].x + h[1].x) / 2.0,
            y: (h[0].y + h[1].y) / 2.0,
        };
        let i = ext
            .iter()
            .enumerate()
            .filter(|(_, (e, _))| point_in_ring(probe, e))
            .min_by(|a, b| a.1.1.total_cmp(&b.1.1))
            .map(|(i, _)| i)?;
        interiors[i].push(LineString(h));
    }
    Some(MultiPolygon(
        ext.into_iter()
            .zip(interiors)
            .map(|((e, _), h)| Polygon::new(LineString(e), h))
            .collect(),
    ))
}

#[cfg(test)]
mod tiling_tests {
    use super::*;
    use crate::area::area_km2;
    use geo_types::LineString;

    #[test]
    fn tiling_matches_boolean_union() {
        let sq = |x: f64, y: f64| {
            MultiPolygon(vec![Polygon::new(
                LineString::from(vec![
                    (x, y),
                    (x + 0.01, y),
                    (x + 0.01, y + 0.01),
                    (x, y + 0.01),
                    (x, y),
                ]),
                vec![],
            )])
        };
        let mut g = Vec::new();
        let mut grp = Vec::new();
        for j in 0..4 {
            for i in 0..4 {
                g.push(sq(i as f64 * 0.01, j as f64 * 0.01));
                // ring group 0 around a 2×2 core group 1
                grp.push(if (1..3).contains(&i) && (1..3).contains(&j) {
                    1
                } else {
                    0
                });
            }
        }
        let fast = dissolve_tiling(&g, &grp, 2).unwrap();
        let slow = dissolve(&g, &grp, 2).unwrap();
        for k in 0..2 {
            let (a, b) = (area_km2(&fast[k]), area_km2(&slow[k]));
            // i_overlay snaps to an integer grid: agree to ~1e-7, not bit-exact.
            assert!((a - b).abs() / b < 1e-6, "{a} {b}");
        }
        let parts: f64 = (0..16)
            .filter(|&i| grp[i] == 0)
            .map(|i| area_km2(&g[i]))
            .sum();
        assert!((area_km2(&fast[0]) - parts).abs() / parts < 1e-12);
        assert_eq!(fast[0].0.len(), 1);
        assert_eq!(fast[0].0[0].interiors().len(), 1);
        assert_eq!(fast[1].0[0].interiors().len(), 0);
    }
}
