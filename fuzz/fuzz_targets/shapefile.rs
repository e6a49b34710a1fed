//! Fuzz the shapefile reader: input = u32 LE length of the .shp part, then
//! the .shp bytes, then the .dbf bytes. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let n = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
    let rest = &data[4..];
    let n = n.min(rest.len());
    let (shp, dbf) = rest.split_at(n);
    let _ = quhua_geo::io::read_shapefile_bytes(shp, dbf, None, None, Path::new("fuzz.shp"));
});
