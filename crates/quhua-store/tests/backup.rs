//! Backup and restore on both backends: the restored database holds what the backup held
//! (registry, records, policies, the audit chain head) and verifies; a database with data is
//! not replaced unless asked; a damaged backup is refused and the target left as it was.

mod common;

use common::{TestDb, apply_batch, assert_same, generate};
use quhua_core::scenario::Scenario;
use quhua_store::{ImportMeta, Store, StoreError, backup, restore};

fn scenario(i: usize) -> Scenario {
    Scenario::from_toml(&format!("name = \"s{i}\"\ncounty = \"130102\"\n")).unwrap()
}

fn backup_and_restore(db: &TestDb) {
    let mut reg = generate(2, 6, 4, "2023-01-01");
    let store = db.open();
    store
        .save_registry_import(&reg, &ImportMeta::from_bytes("tester", "list.csv", b"list"))
        .unwrap();
    let events = apply_batch(&mut reg, 0..2, "2023-06-01", "冀政字〔2023〕2号");
    store.record_events(&events, "tester").unwrap();
    let id = store.create(&scenario(0), "alice").unwrap();
    store.update(id, 1, &scenario(1), "alice").unwrap();
    let head = store.audit_verify().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quhua.backup");
    let made = backup(&db.url, &file).unwrap();
    assert!(made.bytes > 0);
    if db.url.starts_with("sqlite:") {
        assert_eq!(made.head_seq, Some(head.head_seq));
        assert_eq!(made.head_hash.as_deref(), Some(head.head_hash.as_str()));
    }
    // Never overwrites a file.
    assert!(matches!(
        backup(&db.url, &file),
        Err(StoreError::Backup { .. })
    ));

    // Work after the backup: it is not in the restored database.
    store.create(&scenario(2), "alice").unwrap();

    let target = fresh_like(db);
    let restored = restore(&file, &target.url, false).unwrap();
    assert_eq!(restored.head_seq, Some(head.head_seq));
    assert_eq!(restored.head_hash.as_deref(), Some(head.head_hash.as_str()));
    assert_eq!(restored.audit_rows, Some(head.rows));
    let back = Store::open(&target.url).unwrap();
    assert_same(&reg, &back.load_registry().unwrap().unwrap());
    let scenarios = back.list::<Scenario>("").unwrap();
    assert_eq!(scenarios.len(), 1);
    assert_eq!(
        (scenarios[0].version, scenarios[0].body.name.as_str()),
        (2, "s1")
    );
    drop(back);

    // A database that holds data is replaced only when asked.
    let e = restore(&file, &db.url, false).unwrap_err();
    assert!(e.to_string().contains("--replace"), "{e}");
    assert_eq!(
        store.list::<Scenario>("").unwrap().len(),
        2,
        "left as it was"
    );
    drop(store);
    restore(&file, &db.url, true).unwrap();
    assert_eq!(db.open().list::<Scenario>("").unwrap().len(), 1);

    // A damaged backup is refused; the target keeps its data.
    let bytes = std::fs::read(&file).unwrap();
    let damaged = dir.path().join("damaged.backup");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(
        restore(&damaged, &db.url, true),
        Err(StoreError::Backup { .. } | StoreError::Sqlite(_))
    ));
    let after = db.open();
    assert_eq!(after.list::<Scenario>("").unwrap().len(), 1);
    assert!(after.audit_verify().unwrap().is_ok());
    let missing = dir.path().join("none.backup");
    let e = restore(&missing, &db.url, true).unwrap_err();
    assert!(e.to_string().contains("none.backup"), "{e}");
}

/// An empty database of the same backend.
fn fresh_like(db: &TestDb) -> TestDb {
    if db.url.starts_with("sqlite:") {
        TestDb::sqlite()
    } else {
        TestDb::postgres()
    }
}

both_backends!(backup_and_restore);
