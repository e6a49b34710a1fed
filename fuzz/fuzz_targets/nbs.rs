//! Fuzz the national-list reader: the input is split at 0xFF bytes into provinces.csv,
//! cities.csv, areas.csv, streets.csv and villages.csv. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 5] = [
    "provinces.csv",
    "cities.csv",
    "areas.csv",
    "streets.csv",
    "villages.csv",
];

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("quhua-fuzz-nbs-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut parts = data.split(|b| *b == 0xFF);
    for f in FILES {
        let _ = std::fs::write(dir.join(f), parts.next().unwrap_or(b""));
    }
    let _ = quhua_io::read_nbs_dir(&dir);
});
