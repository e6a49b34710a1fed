//! Fuzz the survey-table reader (CSV bytes, any encoding, as a file). Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("quhua-fuzz-table-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join("t.csv");
    if std::fs::write(&p, data).is_ok() {
        let _ = quhua_io::read_table(&p);
    }
});
