//! Validation of one large ring (issue 15: `geo check` was quadratic in ring size):
//! a wavy circle of N vertices (no self-crossing), and the same with one bow-tie twist.
//! Run: `cargo bench -p quhua-geo --bench validate`.
use divan::Bencher;
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use quhua_geo::adjacency::{AdjacencyOptions, adjacency};
use quhua_geo::validate::{ValidateOptions, validate};

fn main() {
    divan::main();
}

/// A closed wavy ring of `n` vertices around (114.5, 38.5), about 20 km across.
fn ring(n: usize, twist: bool) -> MultiPolygon<f64> {
    let mut pts: Vec<Coord<f64>> = (0..n)
        .map(|k| {
            let t = k as f64 / n as f64 * std::f64::consts::TAU;
            let r = 0.1 * (1.0 + 0.05 * (t * 37.0).sin());
            Coord {
                x: 114.5 + r * t.cos(),
                y: 38.5 + r * t.sin(),
            }
        })
        .collect();
    if twist {
        pts.swap(n / 2, n / 2 + 1);
    }
    pts.push(pts[0]);
    MultiPolygon(vec![Polygon::new(LineString(pts), vec![])])
}

const SIZES: [usize; 4] = [12_500, 50_000, 100_000, 400_000];

#[divan::bench(args = SIZES, sample_count = 3)]
fn validate_ring(b: Bencher, n: usize) {
    let g = vec![ring(n, false)];
    b.bench(|| validate(&g, &ValidateOptions::default()));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn validate_twisted_ring(b: Bencher, n: usize) {
    let g = vec![ring(n, true)];
    b.bench(|| validate(&g, &ValidateOptions::default()));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn adjacency_ring(b: Bencher, n: usize) {
    let g = vec![ring(n, false)];
    b.bench(|| adjacency(&g, &AdjacencyOptions::default()));
}
