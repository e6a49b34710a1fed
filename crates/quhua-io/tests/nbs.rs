//! The NBS five-file layout: the real national list, and malformed fixtures.

use quhua_codes::{DivisionCode, TownshipKind, UnitKind, VillageKind};
use quhua_core::date::parse_date;
use quhua_core::registry::RegistryBuilder;
use quhua_io::{IoError, TextEncoding, read_code_list, read_nbs_dir};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn data_dir() -> PathBuf {
    Path::new(&*manifest_dir()).join("../../data/nbs-2023")
}

#[test]
fn real_national_list_reads_and_builds() {
    let dir = data_dir();
    if !dir.exists() {
        eprintln!("skipped: {} absent", dir.display());
        return;
    }
    let t = Instant::now();
    let list = read_nbs_dir(&dir).expect("national list reads");
    let read = t.elapsed();
    let c = list.counts;
    // Every row is read: 31 + 342 + 2,978 + 41,352 + 620,573. Two rows are 金门县 placeholders
    // (350527000, 350527000000) whose codes equal the county's code: skipped and reported.
    let ph: Vec<(&str, &str)> = list
        .placeholders
        .iter()
        .map(|p| (p.code.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        ph,
        vec![("350527000", "金门县"), ("350527000000", "金门县")]
    );
    assert_eq!(
        (
            c.provinces,
            c.cities,
            c.counties,
            c.townships + 1,
            c.villages + 1
        ),
        (31, 342, 2_978, 41_352, 620_573)
    );
    assert_eq!(list.units.len(), c.total());
    assert!(list.files.iter().all(|(_, e)| *e == TextEncoding::Utf8));
    // Parents before children, all set except provinces.
    assert!(list.units[..31].iter().all(|u| u.parent.is_none()));
    assert!(list.units[31..].iter().all(|u| u.parent.is_some()));
    // 东华门街道 is a 街道; 下河镇 a 镇.
    let find = |code: &str| {
        let c = DivisionCode::parse(code).unwrap();
        list.units.iter().find(|u| u.code == c).unwrap().clone()
    };
    assert_eq!(
        find("110101001").kind,
        Some(UnitKind::Township(TownshipKind::Subdistrict))
    );
    assert_eq!(
        find("130634110").kind,
        Some(UnitKind::Township(TownshipKind::Town))
    );
    assert_eq!(
        find("110101001001").kind,
        Some(UnitKind::Village(VillageKind::Residents))
    );
    eprintln!(
        "read in {read:?}; city fallbacks: {}; township kinds {:?}; village kinds {:?}",
        list.city_fallbacks.len(),
        list.township_kinds,
        list.village_kinds
    );

    let mut b = RegistryBuilder::new();
    for u in list.units {
        b.push(u);
    }
    let t = Instant::now();
    let (reg, warnings) = b.build(parse_date("2023-06-30").unwrap()).expect("builds");
    eprintln!(
        "built in {:?}: {} units, {} range warnings",
        t.elapsed(),
        reg.unit_count(),
        warnings.len()
    );
    let tw = warnings
        .iter()
        .filter(|w| matches!(w.kind, UnitKind::Township(_)))
        .count();
    eprintln!(
        "range warnings: {tw} township, {} village",
        warnings.len() - tw
    );
    assert_eq!(reg.unit_count(), 665_276 - 2);
}

/// A small valid directory; `edit` may change a file's text before it is written.
fn fixture(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("provinces.csv", "code,name\n13,\"河北省\"\n"),
        ("cities.csv", "code,name,provinceCode\n1306,\"保定市\",13\n"),
        (
            "areas.csv",
            "code,name,cityCode,provinceCode\n130634,\"曲阳县\",1306,13\n139001,\"辛集市\",1390,13\n",
        ),
        (
            "streets.csv",
            "code,name,areaCode,provinceCode,cityCode\n130634100,\"恒州镇\",130634,13,1306\n130634200,\"路庄子乡\",130634,13,1306\n",
        ),
        (
            "villages.csv",
            "code,name,streetCode,provinceCode,cityCode,areaCode\n130634100001,\"东城社区居民委员会\",130634100,13,1306,130634\n130634200201,\"路庄子村民委员会\",130634200,13,1306,130634\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), edit(name, text.to_string())).unwrap();
    }
    dir
}

fn only(file: &'static str, f: impl Fn(String) -> String) -> impl Fn(&str, String) -> String {
    move |name, text| if name == file { f(text) } else { text }
}

#[test]
fn fixture_reads_with_city_fallback_and_gz() {
    let dir = fixture(|_, t| t);
    let list = read_nbs_dir(dir.path()).unwrap();
    assert_eq!(list.units.len(), 1 + 1 + 2 + 2 + 2);
    // 139001's city 1390 is not in cities.csv: attached to the province.
    let xinji = list.units.iter().find(|u| u.name == "辛集市").unwrap();
    assert_eq!(xinji.parent, Some(DivisionCode::parse("13").unwrap()));
    assert_eq!(
        list.city_fallbacks,
        vec![DivisionCode::parse("139001").unwrap()]
    );

    // The same villages gzipped.
    let v = std::fs::read(dir.path().join("villages.csv")).unwrap();
    std::fs::remove_file(dir.path().join("villages.csv")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&v).unwrap();
    std::fs::write(dir.path().join("villages.csv.gz"), gz.finish().unwrap()).unwrap();
    let again = read_nbs_dir(dir.path()).unwrap();
    assert_eq!(again.units, list.units);
}

fn err_of(dir: &tempfile::TempDir) -> IoError {
    let e = read_nbs_dir(dir.path()).expect_err("must fail");
    eprintln!("{e}");
    e
}

#[test]
fn wrong_code_length_names_file_row_column() {
    let dir = fixture(only("streets.csv", |t| {
        t.replace("130634200,", "13063420,")
    }));
    let e = err_of(&dir);
    let msg = e.to_string();
    assert!(
        matches!(
            e,
            IoError::CodeLength {
                expected: 9,
                found: 8,
                ..
            }
        ),
        "{msg}"
    );
    let loc = e.loc().unwrap();
    assert!(loc.path.ends_with("streets.csv"));
    assert_eq!((loc.row, loc.column.as_str()), (3, "code"));
    assert!(
        msg.contains("streets.csv") && msg.contains("第 3 行") && msg.contains("row 3"),
        "{msg}"
    );
}

#[test]
fn non_numeric_code() {
    let dir = fixture(only("villages.csv", |t| {
        t.replace("130634200201,", "13063420020X,")
    }));
    let e = err_of(&dir);
    assert!(matches!(e, IoError::BadCode { .. }));
    assert_eq!(e.loc().unwrap().row, 3);
}

#[test]
fn unknown_parent() {
    let dir = fixture(only("villages.csv", |t| {
        t.replace(
            "130634200201,\"路庄子村民委员会\",130634200",
            "130634299201,\"路庄子村民委员会\",130634299",
        )
    }));
    let e = err_of(&dir);
    assert!(matches!(e, IoError::UnknownParent { .. }), "{e}");
    let loc = e.loc().unwrap();
    assert_eq!((loc.row, loc.column.as_str()), (3, "streetCode"));
    assert!(e.to_string().contains("130634299"));
}

#[test]
fn prefix_disagreeing_with_parent_column() {
    let dir = fixture(only("streets.csv", |t| {
        t.replace(
            "130634200,\"路庄子乡\",130634,13,1306",
            "130634200,\"路庄子乡\",130634,13,1307",
        )
    }));
    let e = err_of(&dir);
    assert!(matches!(e, IoError::PrefixMismatch { .. }), "{e}");
    assert_eq!(e.loc().unwrap().column, "cityCode");
}

#[test]
fn duplicate_code() {
    let dir = fixture(only("streets.csv", |t| {
        t + "130634100,\"恒州镇\",130634,13,1306\n"
    }));
    let e = err_of(&dir);
    match &e {
        IoError::DuplicateCode { loc, first_row, .. } => {
            assert_eq!((loc.row, *first_row), (4, 2));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn missing_column_lists_columns_found() {
    let dir = fixture(only("areas.csv", |t| {
        t.replace(
            "code,name,cityCode,provinceCode",
            "code,name,city,provinceCode",
        )
    }));
    let e = err_of(&dir);
    match &e {
        IoError::MissingColumn {
            column,
            found,
            path,
        } => {
            assert_eq!(column, "cityCode");
            assert_eq!(found, "code, name, city, provinceCode");
            assert!(path.ends_with("areas.csv"));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn empty_name() {
    let dir = fixture(only("cities.csv", |t| t.replace("\"保定市\"", "\"  \"")));
    let e = err_of(&dir);
    assert!(matches!(e, IoError::EmptyName { .. }));
    assert_eq!(
        (e.loc().unwrap().row, e.loc().unwrap().column.as_str()),
        (2, "name")
    );
}

#[test]
fn code_lists_in_three_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let streets = dir.path().join("streets.csv");
    std::fs::write(
        &streets,
        "code,name,areaCode,provinceCode,cityCode\n130634100,\"恒州镇\",130634,13,1306\n",
    )
    .unwrap();
    let zh = dir.path().join("zh.csv");
    let (gbk, _, _) = encoding_rs::GBK.encode("序号,区划代码,名称\n1,130634100000,恒州镇\n");
    std::fs::write(&zh, gbk).unwrap();
    let bare = dir.path().join("bare.csv");
    std::fs::write(&bare, "130634100,恒州镇\n130634101,灵山镇\n").unwrap();
    let c = DivisionCode::parse("130634100").unwrap();
    assert_eq!(
        read_code_list(&streets).unwrap(),
        vec![(c, "恒州镇".to_string())]
    );
    assert_eq!(
        read_code_list(&zh).unwrap(),
        vec![(c, "恒州镇".to_string())]
    );
    assert_eq!(read_code_list(&bare).unwrap().len(), 2);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "代码,名称\n130634100,恒州镇\n130634100,恒州镇\n").unwrap();
    assert!(matches!(
        read_code_list(&bad),
        Err(IoError::DuplicateCode { .. })
    ));
    let nocol = dir.path().join("nocol.csv");
    std::fs::write(&nocol, "代码,名字\n130634100,恒州镇\n").unwrap();
    let e = read_code_list(&nocol).unwrap_err();
    assert!(matches!(e, IoError::MissingColumn { .. }), "{e}");
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
