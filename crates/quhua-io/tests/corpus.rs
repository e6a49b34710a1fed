//! The malformed-input corpus (issue 15): well over 500 files generated at test time from a
//! fixed seed — survey tables (CSV in LF, CRLF and CR; XLSX), national lists and code
//! lists — each with the kind of error it must produce and, where the error is about a
//! cell, the row it must name. No panic, no silent accept, no wrong row.
use quhua_io::{
    IoError, Plausibility, ReadLimits, ReadOptions, read_code_list, read_nbs_dir, read_table_with,
};
use std::io::Write;
use std::path::{Path, PathBuf};

/// SplitMix64: a fixed-seed generator so the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const EOLS: [(&str, &str); 3] = [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")];

/// A valid table: header + `n` township rows of county 130634 (no county seat flagged).
fn valid_rows(rng: &mut Rng, n: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|i| {
            vec![
                format!("130634{:03}", 100 + i),
                format!("示意{}镇", i + 1),
                (5_000 + rng.below(60_000)).to_string(),
                format!("{}.{}", 20 + rng.below(200), rng.below(10)),
                "否".to_string(),
            ]
        })
        .collect()
}

const HEADER: [&str; 5] = ["代码", "名称", "户籍人口", "面积（km²）", "县城驻地"];

/// One broken table: what to change, the expected kind, and whether the error names the
/// broken row.
struct Case {
    name: &'static str,
    kind: &'static str,
    names_row: bool,
    header: fn(&mut Vec<String>),
    row: fn(&mut Vec<String>, &mut Rng),
}

fn no_header_change(_: &mut Vec<String>) {}
fn no_row_change(_: &mut Vec<String>, _: &mut Rng) {}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "short_row",
            kind: "row_width",
            names_row: true,
            header: no_header_change,
            row: |r, _| {
                r.truncate(3);
            },
        },
        Case {
            name: "long_row",
            kind: "row_width",
            names_row: true,
            header: no_header_change,
            row: |r, _| r.push("多余".into()),
        },
        Case {
            name: "negative_pop",
            kind: "out_of_range",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[2] = format!("-{}", 1 + g.below(9999)),
        },
        Case {
            name: "fractional_pop",
            kind: "out_of_range",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[2] = format!("{}.{}", 1 + g.below(99), 1 + g.below(9)),
        },
        Case {
            name: "zero_area",
            kind: "out_of_range",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[3] = "0".into(),
        },
        Case {
            name: "negative_area",
            kind: "out_of_range",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[3] = format!("-{}", 1 + g.below(50)),
        },
        Case {
            name: "huge_pop",
            kind: "out_of_range",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[2] = format!("1e{}", 20 + g.below(280)),
        },
        Case {
            name: "implausible_pop",
            kind: "implausible",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[2] = (3_000_000 + g.below(90_000_000)).to_string(),
        },
        Case {
            name: "implausible_area",
            kind: "implausible",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[3] = (70_000 + g.below(900_000)).to_string(),
        },
        Case {
            name: "nul_in_name",
            kind: "control_char",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[1] = "路庄\0子乡".into(),
        },
        Case {
            name: "tab_in_name",
            kind: "control_char",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[1] = "路庄\t子乡".into(),
        },
        Case {
            name: "long_name",
            kind: "too_long",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[1] = "乡".repeat(101 + g.below(5000) as usize),
        },
        Case {
            name: "formula_name",
            kind: "formula_text",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[1] = "=HYPERLINK(\"http://x\";\"点击\")".into(),
        },
        Case {
            name: "at_name",
            kind: "formula_text",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[1] = "@SUM(A1)".into(),
        },
        Case {
            name: "bad_code",
            kind: "bad_code",
            names_row: true,
            header: no_header_change,
            row: |r, g| r[0] = format!("13063{}A", g.below(9999)),
        },
        Case {
            name: "not_a_number",
            kind: "bad_number",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[2] = "约三万".into(),
        },
        Case {
            name: "nan",
            kind: "bad_number",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[2] = "NaN".into(),
        },
        Case {
            name: "bad_flag",
            kind: "bad_flag",
            names_row: true,
            header: no_header_change,
            row: |r, _| r[4] = "也许".into(),
        },
        Case {
            name: "dup_name_header",
            kind: "duplicate_header",
            names_row: false,
            header: |h| h[4] = "名称".into(),
            row: no_row_change,
        },
        Case {
            name: "dup_attr_header",
            kind: "duplicate_header",
            names_row: false,
            header: |h| h[3] = "户籍人口".into(),
            row: no_row_change,
        },
        Case {
            name: "bad_unit",
            kind: "bad_unit",
            names_row: false,
            header: |h| h[3] = "面积（亩）".into(),
            row: no_row_change,
        },
        Case {
            name: "no_code_header",
            kind: "no_header",
            names_row: false,
            header: |h| h[0] = "编号".into(),
            row: no_row_change,
        },
    ]
}

fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Checks one result: the expected kind, the file named, and (if given) the row.
fn expect(
    r: Result<impl std::fmt::Debug, IoError>,
    kind: &str,
    path: &Path,
    row: Option<usize>,
) -> Result<(), String> {
    match r {
        Ok(v) => Err(format!(
            "{}: accepted, expected {kind}: {:?}",
            path.display(),
            format!("{v:?}").chars().take(200).collect::<String>()
        )),
        Err(e) => {
            if e.kind() != kind {
                return Err(format!(
                    "{}: got {} ({e}), expected {kind}",
                    path.display(),
                    e.kind()
                ));
            }
            if e.path() != path {
                return Err(format!(
                    "{}: error names {}",
                    path.display(),
                    e.path().display()
                ));
            }
            if !e.to_string().contains(&*path.display().to_string()) {
                return Err(format!(
                    "{}: message does not name the file: {e}",
                    path.display()
                ));
            }
            if let Some(row) = row {
                let got = e.loc().map(|l| l.row);
                if got != Some(row) {
                    return Err(format!(
                        "{}: row {got:?}, expected {row}: {e}",
                        path.display()
                    ));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn malformed_corpus_is_refused_with_the_right_kind_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(20_261_201);
    let mut failures = Vec::new();
    let mut count = 0usize;
    let opts = ReadOptions::default();

    // Survey tables, CSV: every case × line ending × 8 placements/values.
    for case in cases() {
        for (eol_name, eol) in EOLS {
            for k in 0..8 {
                let n = 2 + rng.below(12) as usize;
                let mut rows = valid_rows(&mut rng, n);
                let mut header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
                (case.header)(&mut header);
                let bad = rng.below(n as u64) as usize;
                (case.row)(&mut rows[bad], &mut rng);
                // A title row above the header half of the time: rows still count.
                let title = k % 2 == 1;
                let mut text = String::new();
                if title {
                    text.push_str("示意数据 synthetic 摸底表");
                    text.push_str(eol);
                }
                text.push_str(&csv_line(&header));
                for r in &rows {
                    text.push_str(eol);
                    text.push_str(&csv_line(r));
                }
                if k % 3 == 0 {
                    text.push_str(eol);
                }
                let p = write(
                    dir.path(),
                    &format!("{}-{eol_name}-{k}.csv", case.name),
                    text.as_bytes(),
                );
                let row = case.names_row.then_some(bad + 2 + usize::from(title));
                if let Err(m) = expect(read_table_with(&p, None, &opts), case.kind, &p, row) {
                    failures.push(m);
                }
                count += 1;
            }
        }
    }

    // Whole-file cases, several seeds each.
    let bomb = gzip_zeros(4 << 20);
    for k in 0..10 {
        let eol = EOLS[k % 3].1;
        let header = csv_line(&HEADER.map(String::from));
        let cases: Vec<(String, Vec<u8>, &str, ReadOptions)> = vec![
            (
                format!("empty-{k}.csv"),
                Vec::new(),
                "empty_file",
                opts.clone(),
            ),
            (
                format!("blank-{k}.csv"),
                format!("{eol}{eol}").into_bytes(),
                "empty_file",
                opts.clone(),
            ),
            (
                format!("header-only-{k}.csv"),
                format!("{header}{eol}").into_bytes(),
                "empty_file",
                opts.clone(),
            ),
            (
                format!("bad-bytes-{k}.csv"),
                [
                    header.as_bytes(),
                    b"\n130634100,\xFF\xFE\x80\x80,1,1,\xFF\n",
                ]
                .concat(),
                "encoding",
                opts.clone(),
            ),
            (
                format!("not-gzip-{k}.csv.gz"),
                b"\x1f\x8b\x08\x00garbage".to_vec(),
                "gzip",
                opts.clone(),
            ),
            (
                format!("bomb-{k}.csv.gz"),
                bomb.clone(),
                "too_large",
                ReadOptions {
                    limits: ReadLimits {
                        max_expanded_bytes: 1 << 20,
                        ..ReadLimits::default()
                    },
                    ..ReadOptions::default()
                },
            ),
            (
                format!("too-wide-{k}.csv"),
                format!("代码{}{eol}", ",x".repeat(600)).into_bytes(),
                "too_large",
                opts.clone(),
            ),
        ];
        for (name, bytes, kind, o) in cases {
            let p = write(dir.path(), &name, &bytes);
            if let Err(m) = expect(read_table_with(&p, None, &o), kind, &p, None) {
                failures.push(m);
            }
            count += 1;
        }
        // Two county seats in one county: implausible unless the user states an override.
        let mut rows = valid_rows(&mut rng, 4);
        rows[1][4] = "是".into();
        rows[3][4] = "是".into();
        let text = std::iter::once(header.clone())
            .chain(rows.iter().map(|r| csv_line(r)))
            .collect::<Vec<_>>()
            .join(eol);
        let p = write(dir.path(), &format!("two-seats-{k}.csv"), text.as_bytes());
        if let Err(m) = expect(read_table_with(&p, None, &opts), "implausible", &p, Some(5)) {
            failures.push(m);
        }
        let allowed = ReadOptions {
            plausibility: Plausibility::new().allow("county_seats", 2.0),
            ..ReadOptions::default()
        };
        assert!(
            read_table_with(&p, None, &allowed).is_ok(),
            "stated override"
        );
        count += 1;
    }

    // XLSX: a formula without a cached value, and a zip bomb.
    for k in 0..10 {
        let p = dir.path().join(format!("formula-{k}.xlsx"));
        let bad_row = 2 + k % 4;
        xlsx_with_uncached_formula(&p, bad_row as u32);
        match read_table_with(&p, None, &opts) {
            Err(IoError::FormulaWithoutValue { cell, sheet, .. }) => {
                assert_eq!(cell, format!("C{bad_row}"));
                assert_eq!(sheet, "Sheet1");
            }
            other => failures.push(format!("{}: {other:?}", p.display())),
        }
        count += 1;
        if k >= 3 {
            continue;
        }
        let p = dir.path().join(format!("bomb-{k}.xlsx"));
        xlsx_bomb(&p, 3 << 20);
        let small = ReadOptions {
            limits: ReadLimits {
                max_expanded_bytes: 1 << 20,
                ..ReadLimits::default()
            },
            ..ReadOptions::default()
        };
        if let Err(m) = expect(read_table_with(&p, None, &small), "too_large", &p, None) {
            failures.push(m);
        }
        count += 1;
    }

    // National lists and code lists.
    count += nbs_cases(dir.path(), &mut rng, &mut failures);
    count += code_list_cases(dir.path(), &mut failures);

    eprintln!("corpus: {count} generated files");
    assert!(
        failures.is_empty(),
        "{} of {count} cases wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 500, "only {count} corpus files");
}

fn gzip_zeros(n: usize) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b'0'; 64 * 1024];
    let mut left = n;
    while left > 0 {
        let k = left.min(chunk.len());
        e.write_all(&chunk[..k]).unwrap();
        left -= k;
    }
    e.finish().unwrap()
}

/// An XLSX (written by rust_xlsxwriter) whose C{row} formula has its cached value removed,
/// as a script that never calculates would write it.
fn xlsx_with_uncached_formula(path: &Path, row: u32) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["代码", "名称", "户籍人口"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..6u32 {
        ws.write_string(r, 0, format!("130634{}", 100 + r)).unwrap();
        ws.write_string(r, 1, format!("示意{r}镇")).unwrap();
        if r + 1 == row {
            ws.write_formula(r, 2, "=1000*3").unwrap();
        } else {
            ws.write_number(r, 2, 1000.0 * r as f64).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    rewrite_zip(&bytes, path, |name, data| {
        if name.ends_with("sheet1.xml") {
            let s = String::from_utf8(data).unwrap();
            let re_start = s.find("</f><v>").unwrap();
            let end = s[re_start..].find("</v>").unwrap() + re_start + 4;
            format!("{}</f>{}", &s[..re_start], &s[end..]).into_bytes()
        } else {
            data
        }
    });
}

/// An XLSX whose sheet is padded with `n` bytes of XML whitespace (compresses to almost
/// nothing).
fn xlsx_bomb(path: &Path, n: usize) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "代码").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    rewrite_zip(&bytes, path, |name, data| {
        if name.ends_with("sheet1.xml") {
            let mut d = data;
            d.extend(std::iter::repeat_n(b' ', n));
            d
        } else {
            data
        }
    });
}

fn rewrite_zip(bytes: &[u8], path: &Path, f: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    use std::io::Read;
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..src.len() {
        let mut e = src.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        let data = f(&name, data);
        out.start_file(
            name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap();
}

/// A small valid national list; `edit` breaks one file.
fn nbs_dir(root: &Path, name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let d = root.join(name);
    std::fs::create_dir_all(&d).unwrap();
    let files = [
        ("provinces.csv", "code,name\n13,河北省\n"),
        ("cities.csv", "code,name,provinceCode\n1306,保定市,13\n"),
        (
            "areas.csv",
            "code,name,cityCode,provinceCode\n130634,曲阳县,1306,13\n",
        ),
        (
            "streets.csv",
            "code,name,areaCode,provinceCode,cityCode\n130634100,恒州镇,130634,13,1306\n130634101,灵山镇,130634,13,1306\n",
        ),
        (
            "villages.csv",
            "code,name,streetCode,provinceCode,cityCode,areaCode\n130634100201,东关村委会,130634100,13,1306,130634\n130634101201,灵山村委会,130634101,13,1306,130634\n",
        ),
    ];
    for (f, t) in files {
        std::fs::write(d.join(f), t).unwrap();
    }
    edit(&d);
    d
}

fn nbs_cases(root: &Path, rng: &mut Rng, failures: &mut Vec<String>) -> usize {
    let mut count = 0;
    assert!(read_nbs_dir(&nbs_dir(root, "nbs-ok", |_| {})).is_ok());
    type Edit = fn(&Path, &str);
    let cases: Vec<(&str, &str, &str, Option<usize>, Edit)> = vec![
        (
            "header-only-cities",
            "empty_file",
            "cities.csv",
            None,
            |d, eol| {
                std::fs::write(d.join("cities.csv"), format!("code,name,provinceCode{eol}"))
                    .unwrap()
            },
        ),
        (
            "empty-villages",
            "empty_file",
            "villages.csv",
            None,
            |d, _| std::fs::write(d.join("villages.csv"), "").unwrap(),
        ),
        (
            "short-row",
            "row_width",
            "streets.csv",
            Some(3),
            |d, eol| {
                std::fs::write(d.join("streets.csv"), format!("code,name,areaCode,provinceCode,cityCode{eol}130634100,恒州镇,130634,13,1306{eol}130634101,灵山镇,130634{eol}")).unwrap()
            },
        ),
        (
            "dup-header",
            "duplicate_header",
            "areas.csv",
            None,
            |d, eol| {
                std::fs::write(
                    d.join("areas.csv"),
                    format!("code,name,cityCode,name{eol}130634,曲阳县,1306,x{eol}"),
                )
                .unwrap()
            },
        ),
        (
            "nul-name",
            "control_char",
            "villages.csv",
            Some(3),
            |d, eol| {
                std::fs::write(d.join("villages.csv"), format!("code,name,streetCode,provinceCode,cityCode,areaCode{eol}130634100201,东关村委会,130634100,13,1306,130634{eol}130634101201,灵山\0村委会,130634101,13,1306,130634{eol}")).unwrap()
            },
        ),
        (
            "code-length",
            "code_length",
            "streets.csv",
            Some(2),
            |d, eol| {
                std::fs::write(d.join("streets.csv"), format!("code,name,areaCode,provinceCode,cityCode{eol}13063410,恒州镇,130634,13,1306{eol}")).unwrap()
            },
        ),
        (
            "unknown-parent",
            "unknown_parent",
            "streets.csv",
            Some(3),
            |d, eol| {
                std::fs::write(d.join("streets.csv"), format!("code,name,areaCode,provinceCode,cityCode{eol}130634100,恒州镇,130634,13,1306{eol}130635101,灵山镇,130635,13,1306{eol}")).unwrap()
            },
        ),
        (
            "dup-code",
            "duplicate_code",
            "streets.csv",
            Some(3),
            |d, eol| {
                std::fs::write(d.join("streets.csv"), format!("code,name,areaCode,provinceCode,cityCode{eol}130634100,恒州镇,130634,13,1306{eol}130634100,灵山镇,130634,13,1306{eol}")).unwrap()
            },
        ),
        (
            "ambiguous-villages",
            "ambiguous",
            "villages.csv",
            None,
            |d, _| std::fs::write(d.join("villages.csv.gz"), gzip_zeros(10)).unwrap(),
        ),
    ];
    for (name, kind, file, row, edit) in cases {
        for (eol_name, eol) in EOLS {
            let tag = format!("nbs-{name}-{eol_name}-{}", rng.below(1_000_000));
            let d = nbs_dir(root, &tag, |d| edit(d, eol));
            let p = d.join(file);
            if let Err(m) = expect(read_nbs_dir(&d).map(|l| l.counts), kind, &p, row) {
                failures.push(m);
            }
            count += 1;
        }
    }
    count
}

fn code_list_cases(root: &Path, failures: &mut Vec<String>) -> usize {
    let mut count = 0;
    let cases: Vec<(String, String, &str, Option<usize>)> = EOLS
        .iter()
        .flat_map(|(n, eol)| {
            vec![
                (format!("zero-{n}"), String::new(), "empty_file", None),
                (
                    format!("header-only-{n}"),
                    format!("代码,名称{eol}"),
                    "empty_file",
                    None,
                ),
                (
                    format!("short-{n}"),
                    format!("代码,名称{eol}130634100,恒州镇{eol}130634101{eol}"),
                    "row_width",
                    Some(3),
                ),
                (
                    format!("nul-{n}"),
                    format!("code,name{eol}130634100,恒\0州镇{eol}"),
                    "control_char",
                    Some(2),
                ),
                (
                    format!("dup-{n}"),
                    format!("code,name{eol}130634100,恒州镇{eol}130634100,灵山镇{eol}"),
                    "duplicate_code",
                    Some(3),
                ),
                (
                    format!("dup-header-{n}"),
                    format!("code,name,name{eol}130634100,恒州镇,x{eol}"),
                    "duplicate_header",
                    None,
                ),
                (
                    format!("bad-code-{n}"),
                    format!("code,name{eol}13063410X,恒州镇{eol}"),
                    "bad_code",
                    Some(2),
                ),
            ]
        })
        .collect();
    for (name, text, kind, row) in cases {
        let p = write(root, &format!("codes-{name}.csv"), text.as_bytes());
        if let Err(m) = expect(read_code_list(&p), kind, &p, row) {
            failures.push(m);
        }
        count += 1;
    }
    count
}
