//! A stable-Rust stand-in for cargo-fuzz (libFuzzer needs nightly) for the geometry
//! readers: deterministic mutations of the fuzz seed corpus (GeoJSON, Shapefile) and of a
//! generated GeoPackage, for a given number of executions each; prints counts. A panic
//! aborts with the input saved.
//!
//! ```sh
//! cargo run --release -p quhua-geo --example fuzz_geo -- 1000000 [geojson|shapefile|gpkg]
//! ```
use quhua_geo::io::{gpkg::read_gpkg, read_geojson_str, read_shapefile_bytes};
use quhua_geo::synth::rng::SplitMix64;
use std::path::{Path, PathBuf};

fn mutate(seed: &[u8], r: &mut SplitMix64) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + r.next_u64() % 4 {
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
                for (k, x) in i32::MAX.to_le_bytes().iter().enumerate() {
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
                // A NaN or infinity over 8 bytes.
                let b = if r.next_u64().is_multiple_of(2) {
                    f64::NAN
                } else {
                    f64::INFINITY
                }
                .to_le_bytes();
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

fn corpus(kind: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fuzz corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

fn run(name: &str, n: u64, seeds: &[Vec<u8>], mut f: impl FnMut(&[u8]) -> bool) {
    let mut r = SplitMix64::new(name.len() as u64 + 11);
    let (mut ok, mut refused) = (0u64, 0u64);
    let t0 = std::time::Instant::now();
    for i in 0..n {
        let input = mutate(&seeds[(i as usize) % seeds.len()], &mut r);
        if i > 0 && i % 50_000 == 0 {
            println!("{name}: {i} executions so far, panics 0");
        }
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&input))) {
            Ok(true) => ok += 1,
            Ok(false) => refused += 1,
            Err(_) => {
                let saved = std::env::temp_dir().join(format!("quhua-fuzz-last-{name}"));
                let _ = std::fs::write(&saved, &input);
                panic!("{name}: panic; input saved to {}", saved.display());
            }
        }
    }
    println!(
        "{name}: {n} executions in {:.1} s, accepted {ok}, refused {refused}, panics 0",
        t0.elapsed().as_secs_f64()
    );
}

/// A small valid GeoPackage (two polygons, CGCS2000) as bytes.
fn gpkg_seed(dir: &Path) -> Vec<u8> {
    let p = dir.join("seed.gpkg");
    let c = rusqlite::Connection::open(&p).expect("sqlite");
    c.execute_batch(
        "PRAGMA page_size=512;
         CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
         CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
         CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
         INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]', '');
         INSERT INTO gpkg_contents VALUES ('t', 'features', 't', '', '', 0, 0, 0, 0, 4326);
         INSERT INTO gpkg_geometry_columns VALUES ('t', 'geom', 'POLYGON', 4326, 0, 0);
         CREATE TABLE t (fid INTEGER PRIMARY KEY, code TEXT, geom BLOB);",
    )
    .expect("schema");
    for k in 0..2 {
        let x0 = 114.0 + k as f64 * 0.01;
        let ring: [(f64, f64); 5] = [
            (x0, 38.0),
            (x0 + 0.01, 38.0),
            (x0 + 0.01, 38.01),
            (x0, 38.01),
            (x0, 38.0),
        ];
        let mut b = b"GP\x00\x01".to_vec();
        b.extend(4326i32.to_le_bytes());
        b.push(1);
        b.extend(3u32.to_le_bytes());
        b.extend(1u32.to_le_bytes());
        b.extend((ring.len() as u32).to_le_bytes());
        for (x, y) in ring {
            b.extend(x.to_le_bytes());
            b.extend(y.to_le_bytes());
        }
        c.execute(
            "INSERT INTO t (code, geom) VALUES (?1, ?2)",
            rusqlite::params![format!("13063410{k}"), b],
        )
        .expect("insert");
    }
    drop(c);
    std::fs::read(&p).expect("read seed")
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    // Optional second argument: run only the named target.
    let only = std::env::args().nth(2);
    let want = |t: &str| only.as_deref().is_none_or(|o| o == t);
    let dir = tempfile::tempdir().expect("temp dir");
    if want("geojson") {
        run("geojson", n, &corpus("geojson"), |b| {
            read_geojson_str(&String::from_utf8_lossy(b), Path::new("fuzz.geojson")).is_ok()
        });
    }
    if want("shapefile") {
        run("shapefile", n, &corpus("shapefile"), |b| {
            if b.len() < 4 {
                return false;
            }
            let k = (u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize).min(b.len() - 4);
            let (shp, dbf) = b[4..].split_at(k);
            read_shapefile_bytes(shp, dbf, None, None, Path::new("fuzz.shp")).is_ok()
        });
    }
    if !want("gpkg") {
        return;
    }
    let seed = vec![gpkg_seed(dir.path())];
    let p = dir.path().join("fuzz.gpkg");
    run("gpkg", n, &seed, |b| {
        std::fs::write(&p, b).is_ok() && read_gpkg(&p, None).is_ok()
    });
}
