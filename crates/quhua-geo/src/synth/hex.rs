//! A perturbed hexagonal tessellation: hexagon corners live on an integer
//! lattice and every corner is displaced by a hash of its lattice key, so
//! cells sharing a corner share the bit-identical coordinate (exact tiling,
//! exact adjacency). Displacement ≤ 0.22 × the hexagon size keeps each cell
//! a simple polygon, star-shaped from its centre (so the centre is inside).

use super::rng::hash;
use std::collections::HashMap;

/// Axial hex coordinates.
pub type Axial = (i32, i32);

/// The six neighbours in counter-clockwise order, so that consecutive
/// entries are neighbours of each other.
pub const DIRS: [Axial; 6] = [(1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1)];

/// Corner offsets of a pointy-top hexagon on the doubled lattice (X in units
/// of √3/2·size, Y in units of size/2), counter-clockwise from 30°.
const CORNERS: [(i64, i64); 6] = [(1, 1), (0, 2), (-1, 1), (-1, -1), (0, -2), (1, -1)];

/// Lattice parameters.
#[derive(Debug, Clone, Copy)]
pub struct HexLattice {
    /// Hexagon circumradius (plane units, e.g. metres).
    pub size: f64,
    /// Seed of the corner displacement.
    pub seed: u64,
    /// Maximum displacement as a fraction of `size`.
    pub jitter: f64,
}

impl HexLattice {
    /// Centre of a cell.
    pub fn center(&self, (q, r): Axial) -> (f64, f64) {
        let s3 = 3f64.sqrt();
        (
            self.size * s3 * (q as f64 + r as f64 / 2.0),
            self.size * 1.5 * r as f64,
        )
    }
    /// Integer lattice keys of the 6 corners (counter-clockwise).
    pub fn corner_keys(&self, (q, r): Axial) -> [(i64, i64); 6] {
        let (x, y) = (2 * q as i64 + r as i64, 3 * r as i64);
        CORNERS.map(|(dx, dy)| (x + dx, y + dy))
    }
    /// Displaced position of a corner key (deterministic in the key only).
    pub fn corner_pos(&self, (x, y): (i64, i64)) -> (f64, f64) {
        let s3h = 3f64.sqrt() / 2.0;
        let h1 = hash(self.seed, &[x, y]);
        let u = (h1 >> 11) as f64 / (1u64 << 53) as f64;
        let v = (hash(h1, &[1]) >> 11) as f64 / (1u64 << 53) as f64;
        let rad = self.jitter * self.size * u.sqrt();
        let ang = std::f64::consts::TAU * v;
        (
            x as f64 * s3h * self.size + rad * ang.cos(),
            y as f64 * 0.5 * self.size + rad * ang.sin(),
        )
    }
}

/// Cells indexed densely with their lattice adjacency.
#[derive(Debug, Clone)]
pub struct CellSet {
    /// Axial coordinates of each cell.
    pub cells: Vec<Axial>,
    /// Neighbour indices of each cell, in [`DIRS`] order (`u32::MAX` = none).
    pub nbr: Vec<[u32; 6]>,
}

impl CellSet {
    /// Builds the neighbour table.
    pub fn new(cells: Vec<Axial>) -> Self {
        let index: HashMap<Axial, u32> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i as u32))
            .collect();
        let nbr = cells
            .iter()
            .map(|&(q, r)| {
                DIRS.map(|(dq, dr)| index.get(&(q + dq, r + dr)).copied().unwrap_or(u32::MAX))
            })
            .collect();
        CellSet { cells, nbr }
    }
    /// True when the cells in `mask` form one connected set.
    pub fn connected(&self, mask: &[bool]) -> bool {
        let Some(start) = mask.iter().position(|&m| m) else {
            return true;
        };
        let total = mask.iter().filter(|&&m| m).count();
        let mut seen = vec![false; mask.len()];
        let mut stack = vec![start];
        seen[start] = true;
        let mut count = 1;
        while let Some(c) = stack.pop() {
            for &n in &self.nbr[c] {
                if n != u32::MAX && mask[n as usize] && !seen[n as usize] {
                    seen[n as usize] = true;
                    count += 1;
                    stack.push(n as usize);
                }
            }
        }
        count == total
    }
}
