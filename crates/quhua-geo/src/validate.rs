//! Boundary checks in the spirit of the US Census Boundary and Annexation
//! Survey: invalid rings, self-intersections, overlaps and gaps between
//! neighbours, each located by feature index and a coordinate.

use crate::area::{area_km2, label_point};
use geo::{BooleanOps, BoundingRect};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree, RTreeObject};

/// Kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IssueKind {
    /// Feature without any polygon.
    Empty,
    /// Ring whose last position differs from the first.
    UnclosedRing,
    /// Ring with fewer than 4 positions.
    TooFewPoints,
    /// Ring with zero area.
    ZeroArea,
    /// Ring crossing itself or another ring of the same feature.
    SelfIntersection,
    /// Two features overlapping by more than the threshold.
    Overlap,
    /// A small hole in the union of all features (a gap between neighbours).
    Gap,
}

/// A located problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// What is wrong.
    pub kind: IssueKind,
    /// Feature index (for a gap: a feature bordering it).
    pub feature: usize,
    /// The other feature of an overlap.
    pub other: Option<usize>,
    /// Where (lon, lat).
    pub at: Coord<f64>,
    /// Area in km² (overlaps and gaps).
    pub area_km2: Option<f64>,
    /// Message, Chinese first then English.
    pub message: String,
}

/// Thresholds for [`validate`].
#[derive(Debug, Clone, Copy)]
pub struct ValidateOptions {
    /// Overlaps smaller than this (km²) are ignored (numerical noise).
    pub min_overlap_km2: f64,
    /// Holes in the union smaller than this (km²) are reported as gaps;
    /// larger holes are assumed to be real (lakes, other jurisdictions).
    pub max_gap_km2: f64,
    /// Skip the pairwise overlap test (O(pairs of intersecting bounding boxes)).
    pub check_overlaps: bool,
    /// Skip the gap test (one union of everything).
    pub check_gaps: bool,
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            min_overlap_km2: 1e-6,
            max_gap_km2: 0.5,
            check_overlaps: true,
            check_gaps: true,
        }
    }
}

fn ring_issues(i: usize, r: &LineString<f64>, out: &mut Vec<Issue>) {
    let at = r.0.first().copied().unwrap_or(Coord {
        x: f64::NAN,
        y: f64::NAN,
    });
    let mk = |kind, message: String| Issue {
        kind,
        feature: i,
        other: None,
        at,
        area_km2: None,
        message,
    };
    if r.0.len() < 4 {
        out.push(mk(
            IssueKind::TooFewPoints,
            format!(
                "环只有 {} 个点（至少 4 个） / ring has {} positions (at least 4 needed)",
                r.0.len(),
                r.0.len()
            ),
        ));
        return;
    }
    if r.0.first() != r.0.last() {
        out.push(mk(
            IssueKind::UnclosedRing,
            "环未闭合 / ring not closed".into(),
        ));
    }
    if crate::io::rings::signed_area2(&r.0) == 0.0 {
        out.push(mk(
            IssueKind::ZeroArea,
            "环面积为零 / ring has zero area".into(),
        ));
    }
}

fn cross(o: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// First proper crossing between segments of a polygon's rings.
fn find_crossing(p: &Polygon<f64>) -> Option<Coord<f64>> {
    let segs: Vec<(Coord<f64>, Coord<f64>, usize, usize)> = std::iter::once(p.exterior())
        .chain(p.interiors())
        .enumerate()
        .flat_map(|(ri, r)| {
            r.0.windows(2)
                .enumerate()
                .map(move |(k, w)| (w[0], w[1], ri, k))
        })
        .collect();
    let items: Vec<GeomWithData<Rectangle<[f64; 2]>, usize>> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            GeomWithData::new(
                Rectangle::from_corners(
                    [s.0.x.min(s.1.x), s.0.y.min(s.1.y)],
                    [s.0.x.max(s.1.x), s.0.y.max(s.1.y)],
                ),
                i,
            )
        })
        .collect();
    let ring_len: Vec<usize> = std::iter::once(p.exterior())
        .chain(p.interiors())
        .map(|r| r.0.len().saturating_sub(1))
        .collect();
    let tree = RTree::bulk_load(items.clone());
    for it in &items {
        let (a, b, ra, ka) = segs[it.data];
        for c in tree.locate_in_envelope_intersecting(&it.geom().envelope()) {
            if c.data <= it.data {
                continue;
            }
            let (cc, d, rc, kc) = segs[c.data];
            let n = if ra == rc { ring_len[ra] } else { 0 };
            if ra == rc && (ka.abs_diff(kc) <= 1 || ka.abs_diff(kc) + 1 == n) {
                continue; // adjacent segments share an endpoint
            }
            let (d1, d2, d3, d4) = (
                cross(a, b, cc),
                cross(a, b, d),
                cross(cc, d, a),
                cross(cc, d, b),
            );
            if ((d1 > 0.0) != (d2 > 0.0)) && ((d3 > 0.0) != (d4 > 0.0)) && d1 != 0.0 && d2 != 0.0 {
                let t = d3 / (d3 - d4);
                return Some(Coord {
                    x: a.x + t * (b.x - a.x),
                    y: a.y + t * (b.y - a.y),
                });
            }
        }
    }
    None
}

/// Validates a set of polygons (lon/lat). Issues are sorted by feature.
pub fn validate(geoms: &[MultiPolygon<f64>], opts: &ValidateOptions) -> Vec<Issue> {
    let mut issues: Vec<Issue> = geoms
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, mp)| {
            let mut out = Vec::new();
            if mp.0.is_empty() {
                out.push(Issue { kind: IssueKind::Empty, feature: i, other: None, at: Coord { x: f64::NAN, y: f64::NAN }, area_km2: None, message: "要素没有几何 / feature has no geometry".into() });
            }
            for p in &mp.0 {
                for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                    ring_issues(i, r, &mut out);
                }
                // The R-tree crossing search alone (O(n log n)); geo's `is_valid` is
                // quadratic in the ring size and found nothing this reports.
                if p.exterior().0.len() >= 4
                    && let Some(at) = find_crossing(p)
                {
                    out.push(Issue { kind: IssueKind::SelfIntersection, feature: i, other: None, at, area_km2: None, message: format!("边界自相交于 ({:.6}, {:.6}) / boundary crosses itself at ({:.6}, {:.6})", at.x, at.y, at.x, at.y) });
                }
            }
            out
        })
        .collect();
    let boxes: Vec<GeomWithData<Rectangle<[f64; 2]>, usize>> = geoms
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            g.bounding_rect().map(|r| {
                GeomWithData::new(
                    Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
                    i,
                )
            })
        })
        .collect();
    if opts.check_overlaps {
        let tree = RTree::bulk_load(boxes.clone());
        let overlaps: Vec<Issue> = boxes
            .par_iter()
            .flat_map_iter(|b| {
                let env: AABB<[f64; 2]> = b.geom().envelope();
                let mut out = Vec::new();
                for c in tree.locate_in_envelope_intersecting(&env) {
                    if c.data <= b.data {
                        continue;
                    }
                    let inter = geoms[b.data].intersection(&geoms[c.data]);
                    let a = area_km2(&inter);
                    if a > opts.min_overlap_km2 {
                        let at = label_point(&inter).map(|p| p.0).unwrap_or(Coord { x: f64::NAN, y: f64::NAN });
                        out.push(Issue { kind: IssueKind::Overlap, feature: b.data, other: Some(c.data), at, area_km2: Some(a), message: format!("与第 {} 个要素重叠 {a:.6} km²，位于 ({:.6}, {:.6}) / overlaps feature {} by {a:.6} km² at ({:.6}, {:.6})", c.data, at.x, at.y, c.data, at.x, at.y) });
                    }
                }
                out
            })
            .collect();
        issues.extend(overlaps);
    }
    if opts.check_gaps && !geoms.is_empty() {
        let all: Vec<Polygon<f64>> = geoms
            .iter()
            .flat_map(|g| g.0.iter().filter(|p| p.exterior().0.len() >= 4).cloned())
            .collect();
        let union = crate::dissolve::union_polygons(&all);
        let tree = RTree::bulk_load(boxes);
        for p in &union.0 {
            for h in p.interiors() {
                let hole = MultiPolygon(vec![Polygon::new(h.clone(), vec![])]);
                let a = area_km2(&hole);
                if a <= opts.max_gap_km2 {
                    let at = label_point(&hole).map(|p| p.0).unwrap_or(h.0[0]);
                    let near = h.0[0];
                    let feature = tree
                        .locate_in_envelope_intersecting(&AABB::from_point([near.x, near.y]))
                        .map(|g| g.data)
                        .min()
                        .unwrap_or(0);
                    issues.push(Issue { kind: IssueKind::Gap, feature, other: None, at, area_km2: Some(a), message: format!("相邻要素之间有 {a:.6} km² 的缝隙，位于 ({:.6}, {:.6}) / gap of {a:.6} km² between neighbours at ({:.6}, {:.6})", at.x, at.y, at.x, at.y) });
                }
            }
        }
    }
    issues.sort_by(|a, b| {
        a.feature
            .cmp(&b.feature)
            .then((a.kind as u8).cmp(&(b.kind as u8)))
    });
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sq(x: f64, y: f64, s: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]),
            vec![],
        )])
    }

    #[test]
    fn finds_each_kind() {
        let bowtie = MultiPolygon(vec![Polygon::new(
            LineString::from(vec![
                (10.0, 10.0),
                (10.01, 10.01),
                (10.01, 10.0),
                (10.0, 10.01),
                (10.0, 10.0),
            ]),
            vec![],
        )]);
        let geoms = vec![
            sq(0.0, 0.0, 0.01),
            sq(0.009, 0.0, 0.01), // overlaps 0 by 0.001°
            bowtie,
            MultiPolygon(vec![]),
        ];
        let issues = validate(&geoms, &ValidateOptions::default());
        let kinds: Vec<(IssueKind, usize)> = issues.iter().map(|i| (i.kind, i.feature)).collect();
        assert!(kinds.contains(&(IssueKind::Overlap, 0)), "{kinds:?}");
        assert!(
            kinds.contains(&(IssueKind::SelfIntersection, 2)),
            "{kinds:?}"
        );
        assert!(kinds.contains(&(IssueKind::Empty, 3)), "{kinds:?}");
        assert!(!kinds.iter().any(|k| k.0 == IssueKind::Gap), "{kinds:?}");
        let si = issues
            .iter()
            .find(|i| i.kind == IssueKind::SelfIntersection)
            .unwrap();
        assert!((si.at.x - 10.005).abs() < 1e-9 && (si.at.y - 10.005).abs() < 1e-9);
    }

    #[test]
    fn finds_gap_in_ring_of_cells() {
        let mut g = Vec::new();
        for j in 0..3 {
            for i in 0..3 {
                if (i, j) != (1, 1) {
                    g.push(sq(114.0 + i as f64 * 0.001, 38.0 + j as f64 * 0.001, 0.001));
                }
            }
        }
        let issues = validate(&g, &ValidateOptions::default());
        assert_eq!(issues.len(), 1, "{issues:?}");
        let gap = &issues[0];
        assert_eq!(gap.kind, IssueKind::Gap);
        assert!((gap.at.x - 114.0015).abs() < 0.0005 && (gap.at.y - 38.0015).abs() < 0.0005);
        assert!(
            (gap.area_km2.unwrap() - 0.00975).abs() < 0.0003,
            "{:?}",
            gap.area_km2
        );
    }
}
