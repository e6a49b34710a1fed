//! Stable stand-in for cargo-fuzz: feeds the fuzz seed corpus and thousands
//! of deterministic random mutations of it (bit flips, byte overwrites with
//! interesting values, truncations, splices) into the shapefile and GeoJSON
//! readers and the .prj parser. A panic fails the test; errors are fine.
use quhua_geo::io::{read_geojson_str, read_shapefile_bytes};
use quhua_geo::proj::parse_prj;
use quhua_geo::synth::rng::SplitMix64;
use std::path::{Path, PathBuf};

fn corpus(kind: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(&*manifest_dir())
        .join("../../fuzz/corpus")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

fn mutate(seed: &[u8], r: &mut SplitMix64) -> Vec<u8> {
    let mut v = seed.to_vec();
    let rounds = 1 + (r.next_u64() % 4) as usize;
    for _ in 0..rounds {
        if v.is_empty() {
            v.push(0);
        }
        let at = (r.next_u64() as usize) % v.len();
        match r.next_u64() % 6 {
            0 => v[at] ^= 1 << (r.next_u64() % 8),
            1 => {
                v[at] = [0u8, 0xFF, 0x7F, 0x80, b'[', b'"', b'-', b'9'][(r.next_u64() % 8) as usize]
            }
            2 => v.truncate(at),
            3 => {
                let b = i32::MAX.to_le_bytes();
                for (k, x) in b.iter().enumerate() {
                    if at + k < v.len() {
                        v[at + k] = *x;
                    }
                }
            }
            4 => {
                let from = (r.next_u64() as usize) % v.len();
                let len = ((r.next_u64() % 16) as usize).min(v.len() - from);
                let chunk = v[from..from + len].to_vec();
                v.splice(at..at, chunk);
            }
            _ => {
                let b = (-1i32).to_be_bytes();
                for (k, x) in b.iter().enumerate() {
                    if at + k < v.len() {
                        v[at + k] = *x;
                    }
                }
            }
        }
    }
    v
}

fn shp_case(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let n = (u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize).min(data.len() - 4);
    let (shp, dbf) = data[4..].split_at(n);
    let _ = read_shapefile_bytes(shp, dbf, None, None, Path::new("fuzz.shp"));
    let _ = read_shapefile_bytes(shp, dbf, Some(b"GBK"), None, Path::new("fuzz.shp"));
}

#[test]
fn shapefile_reader_never_panics() {
    let mut r = SplitMix64::new(1);
    for seed in corpus("shapefile") {
        shp_case(&seed);
        for _ in 0..4000 {
            shp_case(&mutate(&seed, &mut r));
        }
    }
}

#[test]
fn geojson_reader_never_panics() {
    let mut r = SplitMix64::new(2);
    for seed in corpus("geojson") {
        for _ in 0..4000 {
            let m = mutate(&seed, &mut r);
            let _ = read_geojson_str(&String::from_utf8_lossy(&m), Path::new("fuzz.geojson"));
        }
    }
}

#[test]
fn prj_parser_never_panics() {
    let nh = std::fs::read(Path::new(&*manifest_dir()).join("../../data/bench/nh-wards/NH.prj"))
        .unwrap();
    let mut r = SplitMix64::new(3);
    for _ in 0..4000 {
        let m = mutate(&nh, &mut r);
        if let Ok(crate_crs) = parse_prj(&String::from_utf8_lossy(&m), Path::new("fuzz.prj"))
            && let quhua_geo::proj::Crs::Projected { proj, .. } = crate_crs
        {
            let _ = proj.inverse(1e6, 1e5);
        }
    }
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
