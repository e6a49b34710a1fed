//! A stable-Rust stand-in for cargo-fuzz (libFuzzer needs nightly): feeds deterministic
//! mutations (bit flips, interesting bytes, truncations, splices, line-ending swaps) of
//! valid seeds into every table importer — survey tables (CSV and XLSX), code lists, the
//! NBS five-file layout — for a given number of executions each, and reports the counts and
//! how many inputs were accepted or refused. A panic aborts with the input saved.
//! Workbooks are mutated inside (the sheet and shared-string XML, re-zipped) and, one input
//! in eight, as raw zip bytes.
//!
//! ```sh
//! cargo run --release -p quhua-io --example fuzz_io -- 1000000 [survey_table|survey_xlsx|code_list|nbs]
//! ```
use std::path::Path;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn mutate(seed: &[u8], r: &mut Rng) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + r.next() % 4 {
        if v.is_empty() {
            v.push(b'0');
        }
        let at = (r.next() as usize) % v.len();
        match r.next() % 7 {
            0 => v[at] ^= 1 << (r.next() % 8),
            1 => {
                let pick = b"\0\xFF,\"\r\n-=9.e";
                v[at] = pick[(r.next() % pick.len() as u64) as usize]
            }
            2 => v.truncate(at),
            3 => {
                let from = (r.next() as usize) % v.len();
                let len = ((r.next() % 32) as usize).min(v.len() - from);
                let chunk = v[from..from + len].to_vec();
                v.splice(at..at, chunk);
            }
            4 => {
                v.remove(at);
            }
            5 => {
                let s = String::from_utf8_lossy(&v).replace('\n', "\r\n");
                v = s.into_bytes();
            }
            _ => v.splice(at..at, b"1e308".iter().copied()).for_each(drop),
        }
    }
    v
}

const TABLE: &str = "代码,名称,户籍人口,面积（km²）,县城驻地,类型,上级代码\n130634,曲阳县,600000,1084,,县,\n130634100,恒州镇,52000,61.2,是,镇,130634\n130634200,路庄子乡,21000,40.5,否,乡,130634\n130634100201,东关村委会,2100,3.1,,村委会,130634100\n";
const CODES: &str = "代码,名称\n130634100,恒州镇\n130634101,灵山镇\n130634200,路庄子乡\n";
const NBS: [(&str, &str); 5] = [
    ("provinces.csv", "code,name\n13,河北省\n"),
    ("cities.csv", "code,name,provinceCode\n1306,保定市,13\n"),
    (
        "areas.csv",
        "code,name,cityCode,provinceCode\n130634,曲阳县,1306,13\n",
    ),
    (
        "streets.csv",
        "code,name,areaCode,provinceCode,cityCode\n130634100,恒州镇,130634,13,1306\n",
    ),
    (
        "villages.csv",
        "code,name,streetCode,provinceCode,cityCode,areaCode\n130634100201,东关村委会,130634100,13,1306,130634\n",
    ),
];

/// The survey table as a workbook: its entries (name, bytes) as rust_xlsxwriter writes them.
fn xlsx_seed() -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in TABLE.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            let written = match cell.parse::<f64>() {
                Ok(x) if r > 0 && c == 2 => ws.write_number(r, c, x).map(|_| ()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            };
            written.expect("seed cell");
        }
    }
    let bytes = wb.save_to_buffer().expect("seed workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("seed zip");
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).expect("seed entry");
            let mut data = Vec::new();
            e.read_to_end(&mut data).expect("seed entry bytes");
            (e.name().map(|n| n.to_string()).unwrap_or_default(), data)
        })
        .collect()
}

fn zip_entries(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        if out.start_file(name.as_str(), opts).is_err() || out.write_all(data).is_err() {
            return Vec::new();
        }
    }
    out.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn fuzz_xlsx(n: u64, path: &Path) {
    let seed = xlsx_seed();
    let whole = zip_entries(&seed);
    let inner: Vec<usize> = (0..seed.len())
        .filter(|&i| seed[i].0.ends_with("sheet1.xml") || seed[i].0.ends_with("sharedStrings.xml"))
        .collect();
    let draw = |r: &mut Rng| {
        if r.next().is_multiple_of(8) {
            mutate(&whole, r)
        } else {
            let mut entries = seed.clone();
            let k = inner[(r.next() as usize) % inner.len()];
            entries[k].1 = mutate(&entries[k].1, r);
            zip_entries(&entries)
        }
    };
    run_with("survey_xlsx", n, draw, |b| {
        std::fs::write(path, b).is_ok() && quhua_io::read_table(path).is_ok()
    });
}

fn run(name: &str, n: u64, seed: &[u8], f: impl FnMut(&[u8]) -> bool) {
    run_with(name, n, |r| mutate(seed, r), f);
}

/// Runs `n` executions of `f` on inputs drawn by `draw`; a panic aborts with the input saved.
fn run_with(
    name: &str,
    n: u64,
    mut draw: impl FnMut(&mut Rng) -> Vec<u8>,
    mut f: impl FnMut(&[u8]) -> bool,
) {
    let mut r = Rng(name.len() as u64 * 7919 + 1);
    let (mut ok, mut refused) = (0u64, 0u64);
    let t0 = std::time::Instant::now();
    for i in 0..n {
        if i > 0 && i % 50_000 == 0 {
            println!("{name}: {i} executions so far, panics 0");
        }
        let input = draw(&mut r);
        let saved = std::env::temp_dir().join(format!("quhua-fuzz-last-{name}"));
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&input)));
        match res {
            Ok(true) => ok += 1,
            Ok(false) => refused += 1,
            Err(_) => {
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

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    // Optional second argument: run only the named target.
    let only = std::env::args().nth(2);
    let want = |t: &str| only.as_deref().is_none_or(|o| o == t);
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    if want("survey_table") {
        let table = d.join("t.csv");
        run("survey_table", n, TABLE.as_bytes(), |b| {
            std::fs::write(&table, b).is_ok() && quhua_io::read_table(&table).is_ok()
        });
    }
    if want("survey_xlsx") {
        fuzz_xlsx(n, &d.join("t.xlsx"));
    }
    if want("code_list") {
        let codes = d.join("codes.csv");
        run("code_list", n, CODES.as_bytes(), |b| {
            std::fs::write(&codes, b).is_ok() && quhua_io::read_code_list(&codes).is_ok()
        });
    }
    if !want("nbs") {
        return;
    }
    let nbs_dir = d.join("nbs");
    std::fs::create_dir_all(&nbs_dir).expect("nbs dir");
    let joined: Vec<u8> = NBS
        .iter()
        .map(|(_, t)| t.as_bytes())
        .collect::<Vec<_>>()
        .join(&0xFFu8);
    run("nbs", n, &joined, |b| {
        let mut parts = b.split(|x| *x == 0xFF);
        for (f, _) in NBS {
            let _ = std::fs::write(nbs_dir.join(f), parts.next().unwrap_or(b""));
        }
        quhua_io::read_nbs_dir(Path::new(&nbs_dir)).is_ok()
    });
}
