//! Fuzz the GeoPackage reader on database bytes. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("quhua-fuzz-gpkg-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join("t.gpkg");
    if std::fs::write(&p, data).is_ok() {
        let _ = quhua_geo::io::gpkg::read_gpkg(&p, None);
    }
});
