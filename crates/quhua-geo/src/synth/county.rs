//! One synthetic county: an irregular outline tiled by perturbed hexagonal
//! village cells, grown into contiguous townships of the requested sizes.

use super::hex::{Axial, CellSet, HexLattice};
use super::rng::SplitMix64;
use crate::dissolve::dissolve_tiling;
use crate::error::{GeoError, Result};
use crate::proj::{Ellipsoid, Projection, TransverseMercator};
use geo_types::{Coord, LineString, MultiPolygon, Point, Polygon};

/// A synthetic county. Villages are ordered by township (all villages of
/// township 0 first, …); within a township the seat village comes first,
/// then by distance from the seat. Everything is lon/lat (CGCS2000).
#[derive(Debug, Clone, PartialEq)]
pub struct SynthCounty {
    /// Village polygons (one hexagon-like cell each).
    pub villages: Vec<MultiPolygon<f64>>,
    /// Township index of each village (non-decreasing).
    pub village_township: Vec<usize>,
    /// Seat of each township: the centre of its seat village (inside it).
    pub township_seat: Vec<Point<f64>>,
    /// Township polygons (union of their villages).
    pub townships: Vec<MultiPolygon<f64>>,
}

/// Plane-coordinate plan of a county (metres around the centre), before
/// placement on the ellipsoid.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub lattice: HexLattice,
    pub cells: CellSet,
    /// Township of each cell.
    pub township: Vec<usize>,
    /// Seat cell of each township.
    pub seat: Vec<usize>,
}

impl Plan {
    /// Maximum |x| and |y| of all corners (metres).
    pub fn extent(&self) -> (f64, f64) {
        let mut mx: (f64, f64) = (0.0, 0.0);
        for &c in &self.cells.cells {
            for k in self.lattice.corner_keys(c) {
                let (x, y) = self.lattice.corner_pos(k);
                mx = (mx.0.max(x.abs()), mx.1.max(y.abs()));
            }
        }
        mx
    }

    /// Cell order: by township, seat first, then by distance to the seat.
    pub fn village_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.cells.cells.len()).collect();
        let d = |i: usize| {
            let s = self.seat[self.township[i]];
            let (a, b) = (
                self.lattice.center(self.cells.cells[i]),
                self.lattice.center(self.cells.cells[s]),
            );
            (a.0 - b.0).hypot(a.1 - b.1)
        };
        order.sort_by(|&a, &b| {
            self.township[a]
                .cmp(&self.township[b])
                .then(d(a).total_cmp(&d(b)))
                .then(a.cmp(&b))
        });
        order
    }

    /// Cell polygon in lon/lat through the projection.
    pub fn cell_polygon(&self, cell: Axial, proj: &TransverseMercator) -> MultiPolygon<f64> {
        let mut pts: Vec<Coord<f64>> = self
            .lattice
            .corner_keys(cell)
            .iter()
            .map(|&k| {
                let (x, y) = self.lattice.corner_pos(k);
                let (lon, lat) = proj.inverse(x, y);
                Coord { x: lon, y: lat }
            })
            .collect();
        pts.push(pts[0]);
        MultiPolygon(vec![Polygon::new(LineString(pts), vec![])])
    }

    /// Centre of a cell in lon/lat.
    pub fn cell_center(&self, cell: Axial, proj: &TransverseMercator) -> Point<f64> {
        let (x, y) = self.lattice.center(cell);
        let (lon, lat) = proj.inverse(x, y);
        Point::new(lon, lat)
    }
}

/// Selects `n` cells inside an irregular star-shaped outline of area ≈ `area_m2`.
fn select_cells(n: usize, size: f64, area_m2: f64, rng: &mut SplitMix64) -> CellSet {
    let r_eq = (area_m2 / std::f64::consts::PI).sqrt();
    for attempt in 0..40 {
        let harm: Vec<(f64, f64, f64)> = if attempt < 39 {
            (2..=5)
                .map(|k| {
                    (
                        k as f64,
                        rng.range(0.0, 0.12) / (k as f64 - 1.0),
                        rng.range(0.0, std::f64::consts::TAU),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let amp: f64 = harm.iter().map(|h| h.1).sum();
        let rmax = r_eq * (1.0 + amp) * 1.15 + 3.0 * size;
        let lattice = HexLattice {
            size,
            seed: 0,
            jitter: 0.0,
        };
        let rr = (rmax / (1.5 * size)).ceil() as i32 + 1;
        let mut cand: Vec<(f64, Axial)> = Vec::new();
        for r in -rr..=rr {
            let qc = -(r as f64) / 2.0;
            let qr = (rmax / (size * 3f64.sqrt())).ceil() as i32 + 1;
            for dq in -qr..=qr {
                let q = qc.round() as i32 + dq;
                let (x, y) = lattice.center((q, r));
                let th = y.atan2(x);
                let rad = r_eq
                    * (1.0
                        + harm
                            .iter()
                            .map(|(k, a, p)| a * (k * th + p).cos())
                            .sum::<f64>());
                cand.push((x.hypot(y) / rad, (q, r)));
            }
        }
        if cand.len() <= n {
            continue;
        }
        cand.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let all = CellSet::new(cand.iter().map(|c| c.1).collect());
        let mut mask = vec![false; all.cells.len()];
        mask[..n].iter_mut().for_each(|m| *m = true);
        // Connected, and the complement connected too (no holes): the last
        // candidate is far outside.
        let outside: Vec<bool> = mask.iter().map(|m| !m).collect();
        if all.connected(&mask) && all.connected(&outside) {
            return CellSet::new(cand[..n].iter().map(|c| c.1).collect());
        }
    }
    // Unreachable in practice: the plain disk (attempt 39) is always hole-free.
    CellSet::new(Vec::new())
}

/// True when removing `v` from `remaining` keeps the remaining cells connected.
fn removable(cells: &CellSet, remaining: &mut [bool], v: usize) -> bool {
    let nb = cells.nbr[v];
    let inr = |i: usize| nb[i] != u32::MAX && remaining[nb[i] as usize];
    let count = (0..6).filter(|&i| inr(i)).count();
    if count <= 1 {
        return true;
    }
    let runs = (0..6).filter(|&i| inr(i) && !inr((i + 5) % 6)).count();
    if runs <= 1 {
        return true;
    }
    remaining[v] = false;
    let ok = cells.connected(remaining);
    remaining[v] = true;
    ok
}

/// Grows townships of exactly `sizes[k]` cells, each contiguous.
fn grow(
    cells: &CellSet,
    lattice: &HexLattice,
    sizes: &[usize],
    rng: &mut SplitMix64,
) -> Option<Vec<usize>> {
    let n = cells.cells.len();
    let centers: Vec<(f64, f64)> = cells.cells.iter().map(|&c| lattice.center(c)).collect();
    let mut township = vec![usize::MAX; n];
    let mut remaining = vec![true; n];
    let last = sizes.len() - 1;
    for (k, &size) in sizes.iter().enumerate().take(last) {
        // Seed: a removable boundary cell of the remaining region, farthest from its centroid.
        let (mut cx, mut cy, mut m) = (0.0, 0.0, 0.0);
        for i in 0..n {
            if remaining[i] {
                cx += centers[i].0;
                cy += centers[i].1;
                m += 1.0;
            }
        }
        let (cx, cy) = (cx / m, cy / m);
        let mut seeds: Vec<(f64, usize)> = (0..n)
            .filter(|&i| remaining[i])
            .map(|i| {
                (
                    (centers[i].0 - cx).hypot(centers[i].1 - cy) * rng.range(0.9, 1.0),
                    i,
                )
            })
            .collect();
        seeds.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let seed = seeds
            .iter()
            .map(|s| s.1)
            .find(|&i| removable(cells, &mut remaining, i))?;
        remaining[seed] = false;
        township[seed] = k;
        let mut members = vec![seed];
        while members.len() < size {
            let mut best: Option<(f64, usize)> = None;
            let mut cands: Vec<usize> = members
                .iter()
                .flat_map(|&c| cells.nbr[c])
                .filter(|&x| x != u32::MAX && remaining[x as usize])
                .map(|x| x as usize)
                .collect();
            cands.sort_unstable();
            cands.dedup();
            let mut scored: Vec<(f64, usize)> = cands
                .into_iter()
                .map(|c| {
                    let inside = cells.nbr[c]
                        .iter()
                        .filter(|&&x| x != u32::MAX && township[x as usize] == k)
                        .count() as f64;
                    let d = (centers[c].0 - centers[seed].0).hypot(centers[c].1 - centers[seed].1)
                        / lattice.size;
                    (inside * 1.0 - 0.35 * d + rng.range(0.0, 0.8), c)
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (s, c) in scored {
                if removable(cells, &mut remaining, c) {
                    best = Some((s, c));
                    break;
                }
            }
            let (_, c) = best?;
            remaining[c] = false;
            township[c] = k;
            members.push(c);
        }
    }
    for i in 0..n {
        if remaining[i] {
            township[i] = last;
        }
    }
    Some(township)
}

/// Builds the plane plan: cells, townships, seats.
pub(crate) fn plan(sizes: &[usize], area_m2: f64, seed: u64) -> Result<Plan> {
    if sizes.is_empty() || sizes.contains(&0) {
        return Err(GeoError::InvalidArgument(
            "每个乡镇至少要有 1 个村 / every township needs at least one village".into(),
        ));
    }
    if !(area_m2 > 0.0 && area_m2.is_finite()) {
        return Err(GeoError::InvalidArgument(format!(
            "面积无效 / invalid area {area_m2}"
        )));
    }
    let n: usize = sizes.iter().sum();
    let size = (area_m2 / (n as f64 * 1.5 * 3f64.sqrt())).sqrt();
    let mut rng = SplitMix64::new(seed);
    for _ in 0..60 {
        let cells = select_cells(n, size, area_m2, &mut rng);
        if cells.cells.len() != n {
            continue;
        }
        let lattice = HexLattice {
            size,
            seed: rng.next_u64(),
            jitter: 0.22,
        };
        if let Some(township) = grow(&cells, &lattice, sizes, &mut rng) {
            let seat = (0..sizes.len())
                .map(|k| {
                    let m: Vec<usize> = (0..n).filter(|&i| township[i] == k).collect();
                    let c: Vec<(f64, f64)> =
                        m.iter().map(|&i| lattice.center(cells.cells[i])).collect();
                    let (mx, my) = (
                        c.iter().map(|p| p.0).sum::<f64>() / c.len() as f64,
                        c.iter().map(|p| p.1).sum::<f64>() / c.len() as f64,
                    );
                    let j = (0..m.len())
                        .min_by(|&a, &b| {
                            (c[a].0 - mx)
                                .hypot(c[a].1 - my)
                                .total_cmp(&(c[b].0 - mx).hypot(c[b].1 - my))
                        })
                        .unwrap_or(0);
                    m[j]
                })
                .collect();
            return Ok(Plan {
                lattice,
                cells,
                township,
                seat,
            });
        }
    }
    Err(GeoError::InvalidArgument(
        "无法生成连通的乡镇划分 / could not grow contiguous townships".into(),
    ))
}

/// Places a plan at `center` (lon, lat) and returns the county geometry.
pub(crate) fn realize(plan: &Plan, center: (f64, f64)) -> Result<SynthCounty> {
    let proj = TransverseMercator::new(Ellipsoid::CGCS2000, center.0, center.1, 1.0, 0.0, 0.0, 1.0);
    let order = plan.village_order();
    let villages: Vec<MultiPolygon<f64>> = order
        .iter()
        .map(|&i| plan.cell_polygon(plan.cells.cells[i], &proj))
        .collect();
    let village_township: Vec<usize> = order.iter().map(|&i| plan.township[i]).collect();
    let township_seat = plan
        .seat
        .iter()
        .map(|&s| plan.cell_center(plan.cells.cells[s], &proj))
        .collect();
    let townships = dissolve_tiling(&villages, &village_township, plan.seat.len())?;
    Ok(SynthCounty {
        villages,
        village_township,
        township_seat,
        townships,
    })
}

/// Geodesic area (m²) of a plan placed at `center`.
fn placed_area_m2(plan: &Plan, center: (f64, f64)) -> f64 {
    let proj = TransverseMercator::new(Ellipsoid::CGCS2000, center.0, center.1, 1.0, 0.0, 0.0, 1.0);
    plan.cells
        .cells
        .iter()
        .map(|&c| crate::area::area_km2(&plan.cell_polygon(c, &proj)) * 1e6)
        .sum()
}

/// Like [`county`] but returns an error instead of panicking on invalid
/// arguments (`villages_per_township.len() != n_townships`, a township with
/// no village, non-positive area).
pub fn try_county(
    outline_center: (f64, f64),
    n_townships: usize,
    villages_per_township: &[usize],
    target_area_km2: f64,
    seed: u64,
) -> Result<SynthCounty> {
    if villages_per_township.len() != n_townships {
        return Err(GeoError::InvalidArgument(format!(
            "乡镇数 {n_townships} 与村数列表长度 {} 不一致 / n_townships {n_townships} but {} village counts",
            villages_per_township.len(),
            villages_per_township.len()
        )));
    }
    let (lon, lat) = outline_center;
    if !(-180.0..=180.0).contains(&lon) || !(-80.0..=80.0).contains(&lat) {
        return Err(GeoError::InvalidArgument(format!(
            "中心点不是经纬度 / centre ({lon}, {lat}) is not lon/lat"
        )));
    }
    let target = target_area_km2 * 1e6;
    let mut p = plan(villages_per_township, target, seed)?;
    // Calibrate the cell size so that the geodesic area hits the target
    // (the projection's area distortion is ~1e-5; two passes reach ~1e-10).
    for _ in 0..2 {
        let a = placed_area_m2(&p, outline_center);
        p.lattice.size *= (target / a).sqrt();
    }
    realize(&p, outline_center)
}

/// Generates a schematic county around `outline_center` (lon, lat) with
/// `n_townships` contiguous townships, township k made of
/// `villages_per_township[k]` village cells, total geodesic area
/// `target_area_km2`; reproducible from `seed` (same seed → identical output).
///
/// Cells tile the county exactly: neighbouring villages share bit-identical
/// vertices, so [`crate::adjacency`] finds every contact by hashing.
///
/// # Panics
/// On invalid arguments; see [`try_county`] for the non-panicking version.
pub fn county(
    outline_center: (f64, f64),
    n_townships: usize,
    villages_per_township: &[usize],
    target_area_km2: f64,
    seed: u64,
) -> SynthCounty {
    match try_county(
        outline_center,
        n_townships,
        villages_per_township,
        target_area_km2,
        seed,
    ) {
        Ok(c) => c,
        Err(e) => panic!("synth::county: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adjacency::{AdjacencyOptions, adjacency};
    use crate::area::area_km2;
    use crate::synth::hex::DIRS;

    #[test]
    fn directions_are_cyclic_neighbours() {
        // Consecutive directions are adjacent to each other (needed by `removable`).
        for i in 0..6 {
            let (a, b) = (DIRS[i], DIRS[(i + 1) % 6]);
            let d = (b.0 - a.0, b.1 - a.1);
            assert!(DIRS.contains(&d));
        }
    }

    #[test]
    fn small_county() {
        let sizes = [5, 3, 8, 1, 4];
        let c = county((114.7, 38.6), 5, &sizes, 200.0, 7);
        assert_eq!(c.villages.len(), 21);
        let total: f64 = c.villages.iter().map(area_km2).sum();
        assert!((total - 200.0).abs() < 1e-6, "{total}");
        for (k, &size) in sizes.iter().enumerate() {
            assert_eq!(c.village_township.iter().filter(|&&t| t == k).count(), size);
            assert_eq!(c.townships[k].0.len(), 1, "township {k} contiguous");
        }
        let adj = adjacency(&c.villages, &AdjacencyOptions::exact());
        assert!(adj.islands.is_empty());
        assert!(adj.point_contacts.is_empty());
    }
}
