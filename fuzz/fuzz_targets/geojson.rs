//! Fuzz the GeoJSON reader. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = quhua_geo::io::read_geojson_str(text, Path::new("fuzz.geojson"));
    }
});
