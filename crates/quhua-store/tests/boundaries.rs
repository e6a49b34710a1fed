//! Boundaries on both backends: a set is stored whole with its audit row, replaced whole,
//! refused whole, read back exactly, and cleared by a registry import.

mod common;

use quhua_store::{BoundaryFeature, BoundarySet, Store};

fn set(county: &str, level: &str) -> BoundarySet {
    BoundarySet {
        county: county.into(),
        level: level.into(),
        source: "边界.geojson".into(),
        source_sha256: "ab12".into(),
        as_of: "2024-01-01".into(),
        synthetic: false,
    }
}

fn feature(id: i64, x: f64) -> BoundaryFeature {
    BoundaryFeature {
        unit_id: id,
        code: format!("130634{id:03}000"),
        geometry: format!(
            "[[[[{x},38.1],[{},38.1],[{},38.2],[{x},38.1]]]]",
            x + 0.1,
            x + 0.1
        ),
    }
}

#[test]
fn boundaries_on_sqlite() {
    let db = common::TestDb::sqlite();
    exercise(&db.url);
}

#[test]
fn boundaries_on_postgres() {
    let db = common::pg::PgDatabase::create("quhua_store_boundaries");
    exercise(&db.url);
}

fn exercise(url: &str) {
    let store = Store::open(url).unwrap();
    let feats = vec![feature(2, 114.123_456_789_012_3), feature(1, 114.5)];
    assert_eq!(
        store
            .import_boundaries(&set("130634", "village"), &feats, "民政局")
            .unwrap(),
        0
    );
    let got = store.boundaries("130634").unwrap();
    assert_eq!(got.len(), 1);
    let (info, back) = &got[0];
    assert_eq!(info.features, 2);
    assert_eq!(info.set, set("130634", "village"));
    assert_eq!(info.imported_by, "民政局");
    // Read back in unit-id order, text exact (full f64 precision kept).
    assert_eq!(back, &vec![feats[1].clone(), feats[0].clone()]);
    let log = store.audit_log().unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, "boundaries_import");
    assert!(
        last.after
            .as_deref()
            .unwrap()
            .contains(&quhua_store::boundary_content_sha256(&feats)),
        "the audit row commits to the content"
    );
    // A replacing import of the same county and level.
    let replaced = store
        .import_boundaries(&set("130634", "village"), &[feature(3, 115.0)], "民政局")
        .unwrap();
    assert_eq!(replaced, 2);
    assert_eq!(store.boundaries("130634").unwrap()[0].1.len(), 1);
    // Refused whole: duplicate unit, bad level, empty set; nothing changes, no audit row.
    let before = store.audit_log().unwrap().len();
    let dup = vec![feature(4, 114.0), feature(4, 114.2)];
    assert!(
        store
            .import_boundaries(&set("130634", "village"), &dup, "x")
            .is_err()
    );
    assert!(
        store
            .import_boundaries(&set("130634", "county"), &feats, "x")
            .is_err()
    );
    assert!(
        store
            .import_boundaries(&set("130634", "township"), &[], "x")
            .is_err()
    );
    assert_eq!(store.audit_log().unwrap().len(), before);
    assert_eq!(
        store.boundaries("130634").unwrap()[0].1,
        vec![feature(3, 115.0)]
    );
    // Other counties and levels are independent.
    store
        .import_boundaries(&set("130623", "township"), &feats, "x")
        .unwrap();
    let sets = store.boundary_sets().unwrap();
    let keys: Vec<(String, String)> = sets
        .iter()
        .map(|s| (s.set.county.clone(), s.set.level.clone()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("130623".into(), "township".into()),
            ("130634".into(), "village".into())
        ]
    );
    assert!(
        store.audit_verify().unwrap().is_ok(),
        "the chain still verifies"
    );
    // A registry import renumbers units: the stored boundaries go with the old registry.
    let reg = common::generate(1, 2, 2, "2020-01-01");
    store
        .save_registry_import(
            &reg,
            &quhua_store::ImportMeta::from_bytes("x", "r.csv", b"r"),
        )
        .unwrap();
    assert!(store.boundary_sets().unwrap().is_empty());
    // The clearing is audited: the log and the database still agree.
    assert!(
        store.audit_verify().unwrap().is_ok(),
        "{:?}",
        store.audit_verify().unwrap().issues
    );
    let log = store.audit_log().unwrap();
    assert!(log.iter().any(|r| r.action == "boundaries_clear"));
}
