//! Observations on both backends: one transaction with its audit row; a refused import
//! stores nothing.

mod common;

use quhua_core::attr::Amount;
use quhua_store::{ObservationRecord, Store};

fn rec(code: &str, indicator: &str, period: i64, v: i64) -> ObservationRecord {
    ObservationRecord {
        code: code.into(),
        indicator: indicator.into(),
        period,
        value: Amount(v),
        unit: "万元".into(),
        nature: None,
        source: "统计表.xlsx".into(),
    }
}

#[test]
fn import_replace_and_refuse_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    exercise(&format!("sqlite:{}", dir.path().join("o.db").display()));
}

#[test]
fn import_replace_and_refuse_on_postgres() {
    let db = common::pg::PgDatabase::create("quhua_store_observations");
    exercise(&db.url);
}

fn exercise(url: &str) {
    let store = Store::open(url).unwrap();
    let rows = vec![
        rec("130634100000", "gdp", 2024, 10_000),
        rec("130634101000", "gdp", 2024, 25_000),
    ];
    let r = store.import_observations(&rows, "ab12", "统计局").unwrap();
    assert_eq!((r.stored, r.replaced), (2, 0));
    assert_eq!(r.indicators, vec!["gdp".to_string()]);
    let r = store
        .import_observations(&[rec("130634100000", "gdp", 2024, 7)], "cd34", "统计局")
        .unwrap();
    assert_eq!(r.replaced, 1);
    let all = store.observations(Some("gdp")).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].value, Amount(7));
    let before = store.audit_log().unwrap().len();
    // A duplicate inside one file: nothing stored, no audit row.
    let dup = vec![
        rec("130634102000", "gdp", 2024, 1),
        rec("130634102000", "gdp", 2024, 2),
    ];
    let e = store
        .import_observations(&dup, "ef56", "统计局")
        .unwrap_err();
    assert!(e.to_string().contains("重复"), "{e}");
    assert_eq!(store.observations(None).unwrap().len(), 2);
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), before);
    assert_eq!(log.last().unwrap().action, "observations_import");
    assert!(store.audit_verify().unwrap().is_ok());
}
