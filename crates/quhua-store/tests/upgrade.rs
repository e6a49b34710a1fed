//! Upgrading a database created by schema version 1 (before policies and the lookup indexes).

mod common;

use common::{Raw, TestDb, apply_batch, assert_same, generate};
use quhua_store::{ImportMeta, Store, migrate};

fn upgrades_v1_database(db: &TestDb) {
    let mut reg = generate(2, 6, 4, "2023-01-01");
    {
        let v1 = Store::open_at_version(&db.url, 1).unwrap();
        assert_eq!(v1.schema_version().unwrap(), 1);
        v1.save_registry_import(&reg, &ImportMeta::from_bytes("old", "v1.csv", b"v1"))
            .unwrap();
        let events = apply_batch(&mut reg, 0..2, "2023-03-01", "冀政字〔2023〕3号");
        v1.record_events(&events, "old").unwrap();
        // A scenario as schema v1 stored it: the TOML file text as saved.
        Raw::open(db)
            .exec("INSERT INTO scenarios (id, name, county, body, format, version, created_by, created_at, updated_by, updated_at) \
                   VALUES (1, '旧方案', '130102', 'name = \"旧方案\"\ncounty = \"130102\"\n', 'toml', 1, 'old', 'x', 'old', 'x')")
            .unwrap();
        // Version 1 has no policies table.
        assert!(v1.save_policy("p", "", "old").is_err());
    }
    let mut raw = Raw::open(db);
    let index_sql = if matches!(raw, Raw::Pg(_)) {
        "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'unit_versions_code'"
    } else {
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'unit_versions_code'"
    };
    assert_eq!(raw.int(index_sql), 0);

    let store = Store::open(&db.url).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST);
    assert_eq!(raw.int(index_sql), 1);
    assert_eq!(
        raw.int("SELECT COUNT(*) FROM schema_version"),
        migrate::LATEST
    );
    assert_same(&reg, &store.load_registry().unwrap().unwrap());
    // Migrated into the generic records, still readable (the TOML body decodes).
    let s = store.list::<quhua_core::scenario::Scenario>("").unwrap();
    assert_eq!((s.len(), s[0].body.name.as_str()), (1, "旧方案"));
    let policy = std::fs::read_to_string(format!(
        "{}/../quhua-core/policies/default.toml",
        manifest_dir()
    ))
    .unwrap();
    assert_eq!(store.save_policy("default", &policy, "new").unwrap(), 1);
    let report = store.audit_verify().unwrap();
    // The chain and the registry verify across the upgrade; the fixture's scenario was written
    // straight into the v1 table, without the audit row the v1 store wrote, and is named so.
    assert_eq!(
        report.issues,
        vec![quhua_store::AuditIssue::Unaudited {
            entity: "scenario:1".into()
        }]
    );
    assert_eq!(report.rows as usize, 1 + reg.events().len() + 1);
}

both_backends!(upgrades_v1_database);

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
