//! Times reading the national list: `cargo run --release -p quhua-io --example read_nbs [DIR]`.

use quhua_core::date::parse_date;
use quhua_core::registry::RegistryBuilder;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(&*manifest_dir()).join("../../data/nbs-2023"));
    let t = Instant::now();
    let list = quhua_io::read_nbs_dir(&dir)?;
    let read = t.elapsed();
    let c = list.counts;
    println!(
        "read {} units in {read:.2?}: {} provinces, {} cities, {} counties, {} townships, {} villages; {} placeholder rows skipped; {} city fallbacks",
        c.total(),
        c.provinces,
        c.cities,
        c.counties,
        c.townships,
        c.villages,
        list.placeholders.len(),
        list.city_fallbacks.len()
    );
    println!("township kinds: {:?}", list.township_kinds);
    println!("village kinds:  {:?}", list.village_kinds);
    let mut b = RegistryBuilder::new();
    for u in list.units {
        b.push(u);
    }
    let t = Instant::now();
    let date = parse_date("2023-06-30").ok_or("bad date")?;
    let (reg, warnings) = b.build(date)?;
    println!(
        "built registry of {} units in {:.2?}; {} range warnings",
        reg.unit_count(),
        t.elapsed(),
        warnings.len()
    );
    Ok(())
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
