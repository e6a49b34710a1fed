//! Benchmarks (divan): adjacency on the synthetic national villages and the
//! US bench files; dissolve of ≈30k synthetic villages into townships.
//! Run: `cargo bench -p quhua-geo --bench geo`.
use divan::Bencher;
use geo_types::MultiPolygon;
use quhua_geo::adjacency::{AdjacencyOptions, adjacency};
use quhua_geo::dissolve::{dissolve, dissolve_tiling};
use quhua_geo::io::read_layer;
use quhua_geo::synth::{SynthNational, national};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn data(p: &str) -> PathBuf {
    Path::new(&*manifest_dir()).join("../../data").join(p)
}

fn nat() -> &'static (SynthNational, Vec<MultiPolygon<f64>>) {
    static N: OnceLock<(SynthNational, Vec<MultiPolygon<f64>>)> = OnceLock::new();
    N.get_or_init(|| {
        let n = national(&data("nbs-2023"), 2023).expect("synthetic national set");
        let g = n.villages.iter().map(|v| v.geometry.clone()).collect();
        (n, g)
    })
}

/// ≈30k villages: whole counties in code order; (geometries, township index, n townships).
fn subset() -> &'static (Vec<MultiPolygon<f64>>, Vec<usize>, usize) {
    static S: OnceLock<(Vec<MultiPolygon<f64>>, Vec<usize>, usize)> = OnceLock::new();
    S.get_or_init(|| {
        let (n, g) = nat();
        let mut geoms = Vec::new();
        let mut group = Vec::new();
        let mut t_count = 0;
        for c in &n.counties {
            for t in c.townships.clone() {
                for v in n.townships[t].villages.clone() {
                    geoms.push(g[v].clone());
                    group.push(t_count);
                }
                t_count += 1;
            }
            if geoms.len() >= 30_000 {
                break;
            }
        }
        (geoms, group, t_count)
    })
}

#[divan::bench(sample_count = 5)]
fn adjacency_synth_national_620k(b: Bencher) {
    let (_, g) = nat();
    b.bench(|| adjacency(g, &AdjacencyOptions::exact()));
}

#[divan::bench(sample_count = 5)]
fn adjacency_synth_national_620k_tolerance_1m(b: Bencher) {
    let (_, g) = nat();
    b.bench(|| adjacency(g, &AdjacencyOptions::default()));
}

#[divan::bench(args = ["bench/ia-counties/IA_counties.shp", "bench/nh-wards/NH.shp", "bench/us-counties-nat/nat.shp"], sample_count = 20)]
fn adjacency_us(b: Bencher, file: &str) {
    let g = read_layer(&data(file)).expect("bench file").to_geometries();
    b.bench(|| adjacency(&g, &AdjacencyOptions::exact()));
}

#[divan::bench(sample_count = 10)]
fn dissolve_30k_villages_to_townships(b: Bencher) {
    let (g, grp, n) = subset();
    b.bench(|| dissolve(g, grp, *n));
}

#[divan::bench(sample_count = 10)]
fn dissolve_tiling_30k_villages_to_townships(b: Bencher) {
    let (g, grp, n) = subset();
    b.bench(|| dissolve_tiling(g, grp, *n));
}

#[divan::bench(sample_count = 3)]
fn synth_national_generate(b: Bencher) {
    b.bench(|| national(&data("nbs-2023"), 2023));
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
