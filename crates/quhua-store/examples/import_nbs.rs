//! Benchmark: import the whole national list (NBS 2023: 31 provinces, 342 cities, 2,978
//! counties, 41,352 townships, 620,573 villages) into a store, and read it back.
//!
//! ```text
//! cargo run --release -p quhua-store --example import_nbs -- [DATA_DIR] [URL]
//! ```
//! DATA_DIR defaults to `data/nbs-2023` in the workspace; URL to a fresh SQLite file in the
//! temp dir (removed first). Prints the time of each phase; the import is one transaction.

use flate2::read::GzDecoder;
use quhua_core::codes::{DivisionCode, Level};
use quhua_core::date::parse_date;
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_store::{ImportMeta, Store};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::error::Error;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

type Res<T> = Result<T, Box<dyn Error>>;

/// Reads one CSV (optionally gzipped) into records, hashing its bytes.
fn read_csv(path: &Path, hasher: &mut Sha256) -> Res<Vec<csv::StringRecord>> {
    let mut bytes = Vec::new();
    File::open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .read_to_end(&mut bytes)?;
    hasher.update(&bytes);
    let text: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(GzDecoder::new(&bytes[..]))
    } else {
        Box::new(&bytes[..])
    };
    let mut r = csv::Reader::from_reader(text);
    Ok(r.records().collect::<Result<_, _>>()?)
}

fn code(s: &str) -> Res<DivisionCode> {
    Ok(DivisionCode::parse(s).map_err(|e| format!("{s}: {e}"))?)
}

/// Builds the registry from the NBS CSVs: parent of a city = province, of a county = its city
/// (or its province when the city is not listed), of a township = county, of a village = township.
fn load_nbs(dir: &Path) -> Res<(Registry, String)> {
    let mut h = Sha256::new();
    let provinces = read_csv(&dir.join("provinces.csv"), &mut h)?;
    let cities = read_csv(&dir.join("cities.csv"), &mut h)?;
    let areas = read_csv(&dir.join("areas.csv"), &mut h)?;
    let streets = read_csv(&dir.join("streets.csv"), &mut h)?;
    let villages = read_csv(&dir.join("villages.csv.gz"), &mut h)?;
    let mut b = RegistryBuilder::new();
    // Placeholder rows whose code names a higher level (金门县 350527000 / 350527000000) are skipped.
    let mut skipped = 0;
    let mut push = |b: &mut RegistryBuilder,
                    c: DivisionCode,
                    level: Level,
                    name: &str,
                    parent: Option<DivisionCode>| {
        if c.level() == level {
            b.push(RawUnit::new(c, name, parent));
        } else {
            skipped += 1;
        }
    };
    for r in &provinces {
        push(&mut b, code(&r[0])?, Level::Province, &r[1], None);
    }
    let city_set: HashSet<DivisionCode> = cities.iter().filter_map(|r| code(&r[0]).ok()).collect();
    for r in &cities {
        push(&mut b, code(&r[0])?, Level::City, &r[1], Some(code(&r[2])?));
    }
    let mut fallbacks = 0;
    for r in &areas {
        let city = code(&r[2])?;
        let parent = if city_set.contains(&city) {
            city
        } else {
            fallbacks += 1;
            code(&r[3])?
        };
        push(&mut b, code(&r[0])?, Level::County, &r[1], Some(parent));
    }
    for r in &streets {
        push(
            &mut b,
            code(&r[0])?,
            Level::Township,
            &r[1],
            Some(code(&r[2])?),
        );
    }
    for r in &villages {
        push(
            &mut b,
            code(&r[0])?,
            Level::Village,
            &r[1],
            Some(code(&r[2])?),
        );
    }
    eprintln!(
        "counties whose city is not listed (parent = province): {fallbacks}; placeholder rows skipped: {skipped}"
    );
    let date = parse_date("2023-06-30").ok_or("date")?;
    let (reg, _warnings) = b.build(date)?;
    Ok((reg, hex::encode(h.finalize())))
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(&*manifest_dir()).join("../../data/nbs-2023"));
    let url = match args.next() {
        Some(u) => u,
        None => {
            let p = std::env::temp_dir().join("quhua-nbs-bench.db");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
            }
            format!("sqlite:{}", p.display())
        }
    };
    let t = Instant::now();
    let (reg, sha) = load_nbs(&dir)?;
    eprintln!(
        "read + build registry: {:?} ({} units)",
        t.elapsed(),
        reg.unit_count()
    );
    let store = Store::open(&url)?;
    let meta = ImportMeta {
        actor: "bench".into(),
        source_name: "nbs-2023 (provinces, cities, areas, streets, villages)".into(),
        source_sha256: sha,
    };
    let t = Instant::now();
    let id = store.save_registry_import(&reg, &meta)?;
    let import = t.elapsed();
    println!(
        "import {} units into {url}: {import:?} (import id {})",
        reg.unit_count(),
        id.0
    );
    let t = Instant::now();
    let back = store.load_registry()?.ok_or("nothing stored")?;
    println!(
        "load_registry: {:?} ({} units)",
        t.elapsed(),
        back.unit_count()
    );
    let t = Instant::now();
    let n = store.units_as_of(reg.genesis_date())?.len();
    println!("units_as_of by SQL: {:?} ({n} units)", t.elapsed());
    let t = Instant::now();
    let again = store.save_registry_import(&reg, &meta)?;
    println!(
        "re-import (replace): {:?} (import id {})",
        t.elapsed(),
        again.0
    );
    assert_eq!(
        quhua_store::content_digest(&back),
        quhua_store::content_digest(&reg)
    );
    assert!(store.audit_verify()?.is_ok());
    Ok(())
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
