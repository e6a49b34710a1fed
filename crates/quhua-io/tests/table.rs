//! Survey tables: the real county list, malformed CSV/XLSX, GBK, apply all-or-nothing, and
//! the XLSX round trip through export.

use quhua_codes::{DivisionCode, TownshipKind, UnitKind, VillageKind};
use quhua_core::attr::{Amount, Source, keys};
use quhua_core::date::parse_date;
use quhua_core::registry::Registry;
use quhua_io::{
    ExportCell, ExportTable, IoError, SeatRef, TextEncoding, apply_table_attrs, read_table,
    read_table_sheet, table_to_builder, write_csv, write_xlsx,
};
use std::path::{Path, PathBuf};

fn county_csv() -> PathBuf {
    Path::new(&*manifest_dir()).join("../../data/sample-county-130634/units.csv")
}

fn src(label: &str) -> Source {
    Source {
        label: label.into(),
        synthetic: false,
    }
}

fn code(s: &str) -> DivisionCode {
    DivisionCode::parse(s).unwrap()
}

/// The real county list as a registry.
fn county_registry() -> Registry {
    let t = read_table(&county_csv()).expect("county list reads");
    let b = table_to_builder(&t, src("NBS 2023")).unwrap();
    b.build(parse_date("2023-06-30").unwrap()).unwrap().0
}

#[test]
fn real_county_list_loads_as_builder() {
    let t = read_table(&county_csv()).expect("county list reads");
    assert_eq!(t.rows.len(), 1 + 18 + 378);
    assert_eq!(t.encoding, Some(TextEncoding::Utf8));
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.rows[0].kind, Some(UnitKind::County));
    assert_eq!(t.rows[1].kind, Some(UnitKind::Township(TownshipKind::Town)));
    let similar = t
        .rows
        .iter()
        .filter(|r| r.kind == Some(UnitKind::Village(VillageKind::SimilarResidents)))
        .count();
    assert_eq!(similar, 2);
    let b = table_to_builder(&t, src("NBS 2023")).unwrap();
    let (reg, warnings) = b.build(parse_date("2023-06-30").unwrap()).unwrap();
    assert_eq!(reg.unit_count(), 397);
    eprintln!("county range warnings: {}", warnings.len());
    for w in &warnings {
        eprintln!("  {}", w.message());
    }
    // The county (parent 1306 absent) is the root; townships hang under it.
    let county = reg.unit_by_code(code("130634")).unwrap();
    assert_eq!(reg.current(county).unwrap().parent, None);
    let town = reg.unit_by_code(code("130634110")).unwrap();
    assert_eq!(reg.current(town).unwrap().parent, Some(county));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const SURVEY: &str = "代码,名称,户籍人口(人),面积（km²）,县城驻地,驻地\n\
130634100,恒州镇,\"52,310\",42.21,是,东城社区\n\
130634200,路庄子乡,2.24万,80.58,否,\n";

#[test]
fn survey_csv_fields() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "s.csv", SURVEY);
    let t = read_table(&p).unwrap();
    assert_eq!(t.rows.len(), 2);
    let r = &t.rows[0];
    assert_eq!(r.row, 2);
    assert!(r.flags.county_seat);
    assert_eq!(r.seat, Some(SeatRef::Name("东城社区".into())));
    assert_eq!(
        r.attrs,
        vec![
            (keys::POP_HUKOU.to_string(), Amount::from_int(52_310)),
            (keys::AREA_KM2.to_string(), Amount::parse("42.21").unwrap())
        ]
    );
    assert_eq!(t.rows[1].attrs[0].1, Amount::from_int(22_400));
}

/// Applies a table file to the county registry and checks that on error nothing changed.
fn apply_fails(path: &Path) -> IoError {
    let mut reg = county_registry();
    let before = format!("{reg:?}");
    let e = match read_table(path) {
        Err(e) => e,
        Ok(t) => apply_table_attrs(&mut reg, &t, src("bad"), parse_date("2024-06-30").unwrap())
            .expect_err("must fail"),
    };
    assert_eq!(
        format!("{reg:?}"),
        before,
        "a failing file changed the registry"
    );
    eprintln!("{e}");
    assert!(e.path().ends_with(path.file_name().unwrap()));
    e
}

#[test]
fn apply_updates_existing_units() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "s.csv", SURVEY);
    let mut reg = county_registry();
    let t = read_table(&p).unwrap();
    let rep = apply_table_attrs(
        &mut reg,
        &t,
        src("2024年摸底表"),
        parse_date("2024-06-30").unwrap(),
    )
    .unwrap();
    assert_eq!((rep.units_updated, rep.values_set), (2, 4));
    assert!(
        !rep.warnings.is_empty(),
        "seat column is reported as not applied"
    );
    let id = reg.unit_by_code(code("130634200")).unwrap();
    let a = &reg.current(id).unwrap().attrs[keys::POP_HUKOU];
    assert_eq!(a.value, Amount::from_int(22_400));
    assert_eq!(reg.sources()[a.source as usize].label, "2024年摸底表");
    // Recorded as an event: the value before the survey date is the old one.
    assert_eq!(reg.events().len(), 1);
    assert_eq!(reg.events()[0].kind.zh(), "摸底数据更新");
    let before = reg.as_of(parse_date("2024-06-29").unwrap());
    assert_ne!(
        before
            .get(id)
            .unwrap()
            .attrs
            .get(keys::POP_HUKOU)
            .map(|a| a.value),
        Some(Amount::from_int(22_400))
    );
    assert_eq!(
        reg.replay(parse_date("2024-06-30").unwrap()),
        reg.as_of(parse_date("2024-06-30").unwrap())
    );
}

#[test]
fn unknown_code_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Row 2 is valid and would be applied first if the update were not all-or-nothing.
    let p = write(
        dir.path(),
        "s.csv",
        "代码,名称,户籍人口\n130634100,恒州镇,100\n130634299,无此乡,5\n",
    );
    match apply_fails(&p) {
        IoError::UnknownUnit { loc, code: c } => {
            assert_eq!(
                (loc.row, loc.column.as_str(), c),
                (3, "代码", code("130634299"))
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn non_numeric_population() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "pop.csv",
        "代码,名称,户籍人口\n130634100,恒州镇,100\n130634101,灵山镇,约三万\n",
    );
    match apply_fails(&p) {
        IoError::BadNumber { loc, value } => {
            assert_eq!(
                (loc.row, loc.column.as_str(), value.as_str()),
                (3, "户籍人口", "约三万")
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn missing_code_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "nocode.csv", "名称,户籍人口\n恒州镇,100\n");
    assert!(matches!(apply_fails(&p), IoError::NoHeader { .. }));
    // The name column is required to build a registry from a table.
    let p = write(dir.path(), "noname.csv", "代码,户籍人口\n130634100,100\n");
    let t = read_table(&p).unwrap();
    match table_to_builder(&t, src("x")) {
        Err(IoError::MissingColumn { column, found, .. }) => {
            assert_eq!(column, "名称/name");
            assert_eq!(found, "代码, 户籍人口");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_length_duplicate_and_unknown_parent_in_table() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "len.csv",
        "代码,名称\n130634100,恒州镇\n13063410,灵山镇\n",
    );
    match apply_fails(&p) {
        IoError::BadCode { loc, .. } => assert_eq!((loc.row, loc.column.as_str()), (3, "代码")),
        other => panic!("{other}"),
    }
    let p = write(
        dir.path(),
        "dup.csv",
        "代码,名称,户籍人口\n130634100,恒州镇,1\n130634100,恒州镇,2\n",
    );
    match apply_fails(&p) {
        IoError::DuplicateCode { loc, first_row, .. } => assert_eq!((loc.row, first_row), (3, 2)),
        other => panic!("{other}"),
    }
    let p = write(
        dir.path(),
        "parent.csv",
        "代码,名称,上级代码\n130634,曲阳县,\n130634100,恒州镇,130634\n130634101001,东城社区,130634101\n",
    );
    let t = read_table(&p).unwrap();
    match table_to_builder(&t, src("x")) {
        Err(IoError::UnknownParent { loc, parent }) => {
            assert_eq!(
                (loc.row, loc.column.as_str(), parent),
                (4, "上级代码", code("130634101"))
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn gbk_csv_is_read_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    // "²" is not in GBK: GBK files write 平方公里.
    let survey = SURVEY.replace("km²", "平方公里");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&survey);
    assert!(!unmappable);
    let p = dir.path().join("gbk.csv");
    std::fs::write(&p, &bytes).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let t = read_table(&p).unwrap();
    assert_eq!(t.encoding, Some(TextEncoding::Gbk));
    assert_eq!(t.rows[1].name.as_deref(), Some("路庄子乡"));
    assert_eq!(t.rows[1].attrs[0].1, Amount::from_int(22_400));
    let utf = read_table(&write(dir.path(), "utf.csv", &survey)).unwrap();
    assert_eq!(utf.rows, t.rows);
}

#[test]
fn neither_utf8_nor_gbk() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin.csv");
    std::fs::write(&p, b"code,name\n130634100,\xFF\xFFabc\n").unwrap();
    match apply_fails(&p) {
        IoError::Encoding {
            utf8_offset,
            gbk_offset,
            ..
        } => assert_eq!((utf8_offset, gbk_offset), (20, 20)),
        other => panic!("{other}"),
    }
}

fn survey_export() -> ExportTable {
    let mut t = ExportTable::new(["代码", "名称", "户籍人口（人）", "面积（km²）", "县城驻地"])
        .with_title("曲阳县乡镇摸底表（示意）")
        .with_footnote("示意数据 synthetic：人口与面积为示意值 / synthetic values");
    t.push_row(vec![
        "130634100".into(),
        "恒州镇".into(),
        52_310i64.into(),
        42.21.into(),
        "是".into(),
    ]);
    t.push_row(vec![
        "130634200".into(),
        "路庄子乡".into(),
        Amount::from_int(22_400).into(),
        ExportCell::Empty,
        "否".into(),
    ]);
    t
}

#[test]
fn xlsx_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("round.xlsx");
    write_xlsx(&survey_export().with_sheet_name("摸底表"), &p).unwrap();
    let t = read_table(&p).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("摸底表"));
    assert_eq!(t.header_row, 2, "title row above the header");
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].row, 3);
    assert_eq!(t.rows[0].code, code("130634100"));
    assert_eq!(t.rows[0].name.as_deref(), Some("恒州镇"));
    assert!(t.rows[0].flags.county_seat);
    assert_eq!(
        t.rows[0].attrs,
        vec![
            (keys::POP_HUKOU.to_string(), Amount::from_int(52_310)),
            (keys::AREA_KM2.to_string(), Amount::parse("42.21").unwrap())
        ]
    );
    assert_eq!(
        t.rows[1].attrs,
        vec![(keys::POP_HUKOU.to_string(), Amount::from_int(22_400))]
    );
    assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
    assert!(t.warnings[0].contains("说明行"), "{:?}", t.warnings);
    // The same table via CSV (UTF-8 with BOM) reads identically.
    let c = dir.path().join("round.csv");
    write_csv(&survey_export(), &c).unwrap();
    assert!(std::fs::read(&c).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let tc = read_table(&c).unwrap();
    assert_eq!(tc.encoding, Some(TextEncoding::Utf8Bom));
    assert_eq!(
        tc.rows.iter().map(|r| &r.attrs).collect::<Vec<_>>(),
        t.rows.iter().map(|r| &r.attrs).collect::<Vec<_>>()
    );
    // A named sheet that does not exist.
    assert!(matches!(
        read_table_sheet(&p, "无此表"),
        Err(IoError::SheetNotFound { .. })
    ));
}

#[test]
fn truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.xlsx");
    write_xlsx(&survey_export(), &good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let p = dir.path().join("truncated.xlsx");
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(apply_fails(&p), IoError::Workbook { .. }));
}

#[test]
fn xlsx_text_in_number_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("text.xlsx");
    let mut t = survey_export();
    t.rows[1][2] = "约2万人".into();
    write_xlsx(&t, &p).unwrap();
    match apply_fails(&p) {
        IoError::BadNumber { loc, value } => {
            assert_eq!(
                (loc.row, loc.col, loc.column.as_str(), value.as_str()),
                (4, 2, "户籍人口（人）", "约2万人")
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn unknown_columns_warn() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "u.csv",
        "code,name,pop_hukou,foo,bar\n130634100,恒州镇,5,x,y\n",
    );
    let t = read_table(&p).unwrap();
    assert_eq!(t.warnings.len(), 1);
    assert!(t.warnings[0].contains("foo") && t.warnings[0].contains("bar"));
    assert_eq!(t.rows[0].attrs.len(), 1);
}

#[test]
fn seat_resolves_to_village() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "seat.csv",
        "代码,名称,驻地,户籍人口\n130634,曲阳县,,\n130634100,恒州镇,东城社区,52310\n130634100001,东城社区居民委员会,,3000\n130634100002,西城社区居民委员会,,4000\n",
    );
    let t = read_table(&p).unwrap();
    let (reg, _) = table_to_builder(&t, src("x"))
        .unwrap()
        .build(parse_date("2024-01-01").unwrap())
        .unwrap();
    let town = reg
        .current(reg.unit_by_code(code("130634100")).unwrap())
        .unwrap();
    let seat = town.seat.as_ref().unwrap().village.unwrap();
    assert_eq!(reg.current(seat).unwrap().name, "东城社区居民委员会");
    let bad = write(
        dir.path(),
        "seat2.csv",
        "代码,名称,驻地\n130634100,恒州镇,北城社区\n130634100001,东城社区,\n",
    );
    let t = read_table(&bad).unwrap();
    assert!(matches!(
        table_to_builder(&t, src("x")),
        Err(IoError::BadSeat { .. })
    ));
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
