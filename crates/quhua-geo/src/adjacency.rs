//! Rook and queen contiguity from polygons.
//!
//! 1. Every vertex is snapped to a fine grid (`snap`, default 1e-9°) and given
//!    an id by one parallel sort; polygons sharing a vertex id are queen
//!    neighbours, polygons sharing an edge (pair of consecutive vertex ids)
//!    are rook neighbours. This is exact for topologically clean data and
//!    costs two sorts.
//! 2. Only edges that no other polygon shares (the study-area boundary, and
//!    edges next to slivers, gaps, T-junctions or snapping misses) go into an
//!    R-tree; pairs of such edges from different polygons that come within
//!    `tolerance` are contacts: a rook contact when they run alongside each
//!    other for at least `min_shared_length`, else a point (queen) contact.
//!
//! Output is CSR with `u32` indices, symmetric, rows sorted.

use geo_types::MultiPolygon;
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Line};
use rstar::{AABB, RTree};

/// Options for [`adjacency`].
#[derive(Debug, Clone, Copy)]
pub struct AdjacencyOptions {
    /// Grid for snapping vertices before hashing, in degrees.
    pub snap: f64,
    /// Near-miss tolerance in degrees (0 disables the geometric fallback).
    pub tolerance: f64,
    /// Minimum length (degrees) two near edges must run alongside each other
    /// to count as a rook (shared-edge) contact.
    pub min_shared_length: f64,
}

impl Default for AdjacencyOptions {
    /// snap 1e-9° (0.1 mm), tolerance ≈ 1 m, rook needs ≈ 2 m of shared boundary.
    fn default() -> Self {
        AdjacencyOptions::metres(1.0)
    }
}

impl AdjacencyOptions {
    /// Exact matching only (same as libpysal/GeoDa: identical vertices/edges).
    pub fn exact() -> Self {
        AdjacencyOptions {
            snap: 1e-9,
            tolerance: 0.0,
            min_shared_length: 0.0,
        }
    }
    /// Tolerance given in metres (converted with 1° ≈ 111 320 m).
    pub fn metres(tol_m: f64) -> Self {
        let t = tol_m / 111_320.0;
        AdjacencyOptions {
            snap: 1e-9,
            tolerance: t,
            min_shared_length: 2.0 * t,
        }
    }
}

/// Compressed sparse rows: neighbours of `i` are `neighbors[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Csr {
    /// Row offsets, length n + 1.
    pub offsets: Vec<u32>,
    /// Concatenated sorted neighbour lists.
    pub neighbors: Vec<u32>,
}

impl Csr {
    /// Builds a symmetric CSR from undirected pairs (any order, duplicates allowed).
    pub fn from_pairs(n: usize, pairs: &[(u32, u32)]) -> Csr {
        let mut deg = vec![0u32; n + 1];
        for &(a, b) in pairs {
            deg[a as usize + 1] += 1;
            deg[b as usize + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let mut fill = deg.clone();
        let mut nb = vec![0u32; deg[n] as usize];
        for &(a, b) in pairs {
            nb[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
            nb[fill[b as usize] as usize] = a;
            fill[b as usize] += 1;
        }
        // Sort and dedup each row, then compact.
        let mut offsets = vec![0u32; n + 1];
        let mut out = Vec::with_capacity(nb.len());
        for i in 0..n {
            let row = &mut nb[deg[i] as usize..deg[i + 1] as usize];
            row.sort_unstable();
            let start = out.len();
            for &v in row.iter() {
                if out.len() == start || out.last() != Some(&v) {
                    out.push(v);
                }
            }
            offsets[i + 1] = out.len() as u32;
        }
        Csr {
            offsets,
            neighbors: out,
        }
    }
    /// Number of units.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    /// True when there are no units.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Neighbours of `i`, sorted.
    pub fn neighbors(&self, i: usize) -> &[u32] {
        &self.neighbors[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.neighbors.len() / 2
    }
    /// Undirected edges (i < j).
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.len()).flat_map(move |i| {
            self.neighbors(i)
                .iter()
                .filter(move |&&j| j as usize > i)
                .map(move |&j| (i as u32, j))
        })
    }
    /// Units without neighbours.
    pub fn islands(&self) -> Vec<u32> {
        (0..self.len())
            .filter(|&i| self.offsets[i] == self.offsets[i + 1])
            .map(|i| i as u32)
            .collect()
    }
}

/// Result of [`adjacency`].
#[derive(Debug, Clone, Default)]
pub struct AdjacencyReport {
    /// Shared-edge contiguity.
    pub rook: Csr,
    /// Shared-vertex (or point) contiguity; a superset of rook.
    pub queen: Csr,
    /// Units with no queen neighbour.
    pub islands: Vec<u32>,
    /// Units with queen neighbours but no rook neighbour.
    pub rook_only_islands: Vec<u32>,
    /// Pairs that touch only at a point (queen but not rook), i < j.
    pub point_contacts: Vec<(u32, u32)>,
    /// Pairs found only by the tolerance fallback (not sharing exact
    /// vertices/edges), i < j, with `true` when counted as rook.
    pub near_misses: Vec<(u32, u32, bool)>,
}

/// Snapped vertex key and an edge as two sorted keys.
type VKey = (i64, i64);
type EdgeKey = (VKey, VKey);

fn dedup_pairs(mut v: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    v.par_sort_unstable();
    v.dedup();
    v
}

/// Emits all pairs within runs of equal keys (sorted `(key, poly)` entries).
fn pairs_from_runs<K: PartialEq + Sync>(entries: &[(K, u32)]) -> Vec<(u32, u32)> {
    // Split into run boundaries, then process runs in parallel chunks.
    let mut starts: Vec<usize> = Vec::new();
    for i in 0..entries.len() {
        if i == 0 || entries[i].0 != entries[i - 1].0 {
            starts.push(i);
        }
    }
    starts.push(entries.len());
    starts
        .par_windows(2)
        .flat_map_iter(|w| {
            let run = &entries[w[0]..w[1]];
            let mut out = Vec::new();
            if run.len() > 1 {
                for a in 0..run.len() {
                    for b in a + 1..run.len() {
                        let (x, y) = (run[a].1, run[b].1);
                        if x != y {
                            out.push((x.min(y), x.max(y)));
                        }
                    }
                }
            }
            out
        })
        .collect()
}

/// Computes rook and queen contiguity of `geoms` (lon/lat), in parallel.
pub fn adjacency(geoms: &[MultiPolygon<f64>], opts: &AdjacencyOptions) -> AdjacencyReport {
    let n = geoms.len();
    let inv = if opts.snap > 0.0 {
        1.0 / opts.snap
    } else {
        1e9
    };
    // Per polygon: ring vertex keys (without the closing repeat), rings separated.
    let per_poly: Vec<Vec<Vec<(i64, i64)>>> = geoms
        .par_iter()
        .map(|mp| {
            let mut rings = Vec::new();
            for p in &mp.0 {
                for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                    let mut keys: Vec<(i64, i64)> =
                        r.0.iter()
                            .map(|c| ((c.x * inv).round() as i64, (c.y * inv).round() as i64))
                            .collect();
                    keys.dedup();
                    if keys.len() > 1 && keys.first() == keys.last() {
                        keys.pop();
                    }
                    if keys.len() >= 2 {
                        rings.push(keys);
                    }
                }
            }
            rings
        })
        .collect();
    // Queen: unique (vertex key, poly) sorted.
    let mut vtx: Vec<((i64, i64), u32)> = per_poly
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, rings)| {
            let mut v: Vec<(i64, i64)> = rings.iter().flatten().copied().collect();
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(move |k| (k, i as u32))
        })
        .collect();
    vtx.par_sort_unstable();
    let queen_exact = pairs_from_runs(&vtx);
    // Rook: edges as sorted key pairs.
    let mut edges: Vec<(EdgeKey, u32)> = per_poly
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, rings)| {
            let mut v = Vec::new();
            for r in rings {
                for k in 0..r.len() {
                    let (a, b) = (r[k], r[(k + 1) % r.len()]);
                    if a != b {
                        v.push((a.min(b), a.max(b)));
                    }
                }
            }
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(move |e| (e, i as u32))
        })
        .collect();
    edges.par_sort_unstable();
    let rook_exact = pairs_from_runs(&edges);
    let mut queen_pairs = queen_exact;
    let mut rook_pairs = rook_exact;
    let mut near_misses = Vec::new();
    if opts.tolerance > 0.0 {
        // Unmatched edges: runs of length 1.
        let mut lonely: Vec<GeomWithData<Line<[f64; 2]>, u32>> = Vec::new();
        let mut i = 0;
        while i < edges.len() {
            let mut j = i + 1;
            while j < edges.len() && edges[j].0 == edges[i].0 {
                j += 1;
            }
            if j - i == 1 {
                let ((a, b), p) = edges[i];
                let pa = [a.0 as f64 / inv, a.1 as f64 / inv];
                let pb = [b.0 as f64 / inv, b.1 as f64 / inv];
                lonely.push(GeomWithData::new(Line::new(pa, pb), p));
            }
            i = j;
        }
        let tree = RTree::bulk_load(lonely.clone());
        let tol = opts.tolerance;
        let mut found: Vec<(u32, u32, bool)> = lonely
            .par_iter()
            .flat_map_iter(|s| {
                let env = rstar::RTreeObject::envelope(s);
                let (lo, hi) = (env.lower(), env.upper());
                let q = AABB::from_corners([lo[0] - tol, lo[1] - tol], [hi[0] + tol, hi[1] + tol]);
                let mut out = Vec::new();
                for c in tree.locate_in_envelope_intersecting(&q) {
                    if c.data <= s.data {
                        continue;
                    }
                    let (a, b) = (s.geom(), c.geom());
                    if seg_distance(a, b) <= tol {
                        let rook = shared_length(a, b, tol) >= opts.min_shared_length;
                        out.push((s.data, c.data, rook));
                    }
                }
                out
            })
            .collect();
        found.par_sort_unstable();
        // Merge per pair: rook if any segment pair is rook.
        let mut merged: Vec<(u32, u32, bool)> = Vec::new();
        for (a, b, r) in found {
            match merged.last_mut() {
                Some(l) if l.0 == a && l.1 == b => l.2 |= r,
                _ => merged.push((a, b, r)),
            }
        }
        let queen_set = dedup_pairs(queen_pairs);
        let rook_set = dedup_pairs(rook_pairs);
        for &(a, b, r) in &merged {
            let in_q = queen_set.binary_search(&(a, b)).is_ok();
            let in_r = rook_set.binary_search(&(a, b)).is_ok();
            if (!in_q) || (r && !in_r) {
                near_misses.push((a, b, r));
            }
        }
        queen_pairs = queen_set;
        rook_pairs = rook_set;
        for &(a, b, r) in &near_misses {
            queen_pairs.push((a, b));
            if r {
                rook_pairs.push((a, b));
            }
        }
    }
    let queen_pairs = dedup_pairs(queen_pairs);
    let rook_pairs = dedup_pairs(rook_pairs);
    let point_contacts: Vec<(u32, u32)> = queen_pairs
        .iter()
        .filter(|p| rook_pairs.binary_search(p).is_err())
        .copied()
        .collect();
    let queen = Csr::from_pairs(n, &queen_pairs);
    let rook = Csr::from_pairs(n, &rook_pairs);
    let islands = queen.islands();
    let rook_only_islands = rook
        .islands()
        .into_iter()
        .filter(|i| islands.binary_search(i).is_err())
        .collect();
    AdjacencyReport {
        rook,
        queen,
        islands,
        rook_only_islands,
        point_contacts,
        near_misses,
    }
}

fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}
fn dot(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}
fn cross(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] - a[1] * b[0]
}

fn point_seg_dist(p: [f64; 2], s: &Line<[f64; 2]>) -> f64 {
    let d = sub(s.to, s.from);
    let l2 = dot(d, d);
    let t = if l2 > 0.0 {
        (dot(sub(p, s.from), d) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = [s.from[0] + t * d[0], s.from[1] + t * d[1]];
    dot(sub(p, q), sub(p, q)).sqrt()
}

fn segments_cross(a: &Line<[f64; 2]>, b: &Line<[f64; 2]>) -> bool {
    let d1 = cross(sub(a.to, a.from), sub(b.from, a.from));
    let d2 = cross(sub(a.to, a.from), sub(b.to, a.from));
    let d3 = cross(sub(b.to, b.from), sub(a.from, b.from));
    let d4 = cross(sub(b.to, b.from), sub(a.to, b.from));
    (d1 > 0.0) != (d2 > 0.0)
        && (d3 > 0.0) != (d4 > 0.0)
        && d1 != 0.0
        && d2 != 0.0
        && d3 != 0.0
        && d4 != 0.0
}

/// Minimum distance between two segments.
pub(crate) fn seg_distance(a: &Line<[f64; 2]>, b: &Line<[f64; 2]>) -> f64 {
    if segments_cross(a, b) {
        return 0.0;
    }
    point_seg_dist(a.from, b)
        .min(point_seg_dist(a.to, b))
        .min(point_seg_dist(b.from, a))
        .min(point_seg_dist(b.to, a))
}

/// Length over which `b` runs within `tol` of `a` (projection of the part of
/// `b` close to `a` onto `a`; 0 unless nearly parallel).
fn shared_length(a: &Line<[f64; 2]>, b: &Line<[f64; 2]>, tol: f64) -> f64 {
    let (la, lb) = (a.length_2().sqrt(), b.length_2().sqrt());
    if la == 0.0 || lb == 0.0 {
        return 0.0;
    }
    let (long, short) = if la >= lb { (a, b) } else { (b, a) };
    let d = sub(long.to, long.from);
    let l = dot(d, d).sqrt();
    let u = [d[0] / l, d[1] / l];
    // Both endpoints of the shorter segment must lie within tol of the longer line.
    let off1 = cross(u, sub(short.from, long.from)).abs();
    let off2 = cross(u, sub(short.to, long.from)).abs();
    if off1 > tol || off2 > tol {
        return 0.0;
    }
    let t1 = dot(u, sub(short.from, long.from)).clamp(0.0, l);
    let t2 = dot(u, sub(short.to, long.from)).clamp(0.0, l);
    (t1 - t2).abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo_types::{LineString, Polygon};

    fn sq(x: f64, y: f64, s: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]),
            vec![],
        )])
    }

    #[test]
    fn grid_rook_and_queen() {
        let mut g = Vec::new();
        for j in 0..3 {
            for i in 0..3 {
                g.push(sq(i as f64 * 0.01, j as f64 * 0.01, 0.01));
            }
        }
        let r = adjacency(&g, &AdjacencyOptions::exact());
        assert_eq!(r.rook.edge_count(), 12);
        assert_eq!(r.queen.edge_count(), 20);
        assert_eq!(r.rook.neighbors(4), &[1, 3, 5, 7]);
        assert_eq!(r.point_contacts.len(), 8);
        assert!(r.islands.is_empty());
    }

    #[test]
    fn near_miss_gap_and_t_junction() {
        // b is shifted by 1e-7° (≈1 cm): no shared vertices, a gap of 1 cm.
        let a = sq(0.0, 0.0, 0.01);
        let b = sq(0.01 + 1e-7, 0.0, 0.01);
        // c sits on top of a and b and has a single bottom edge (T-junctions).
        let c = MultiPolygon(vec![Polygon::new(
            LineString::from(vec![
                (0.0, 0.01),
                (0.02 + 1e-7, 0.01),
                (0.02 + 1e-7, 0.02),
                (0.0, 0.02),
                (0.0, 0.01),
            ]),
            vec![],
        )]);
        let far = sq(1.0, 1.0, 0.01);
        let g = vec![a, b, c, far];
        let exact = adjacency(&g, &AdjacencyOptions::exact());
        assert_eq!(exact.rook.edge_count(), 0);
        let r = adjacency(&g, &AdjacencyOptions::metres(1.0));
        assert_eq!(r.rook.neighbors(0), &[1, 2]);
        assert_eq!(r.rook.neighbors(1), &[0, 2]);
        assert_eq!(r.islands, vec![3]);
        assert!(r.near_misses.iter().all(|m| m.2));
    }
}
