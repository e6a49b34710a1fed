//! Tampering with the audit log directly in the database: the append-only triggers refuse it,
//! and after dropping them `audit_verify` names every edited, deleted or reordered row.

mod common;

use common::{Raw, TestDb};
use quhua_store::AuditIssue;

fn issues(db: &TestDb) -> Vec<AuditIssue> {
    db.open().audit_verify().expect("verify").issues
}

fn tampering_is_refused_then_detected(db: &TestDb) {
    let store = db.open();
    let sc = |i: usize| {
        quhua_core::scenario::Scenario::from_toml(&format!(
            "name = \"s{i}\"\ncounty = \"130102\"\n"
        ))
        .unwrap()
    };
    let id = store.create(&sc(0), "alice").unwrap();
    let mut v = 1;
    for i in 1..=5 {
        v = store.update(id, v, &sc(i), "alice").unwrap();
    }
    drop(store);
    assert!(issues(db).is_empty());
    let mut raw = Raw::open(db);
    let pg = matches!(raw, Raw::Pg(_));

    // The triggers refuse changes.
    let e = raw
        .exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
        .unwrap_err();
    assert!(e.contains("append-only"), "{e}");
    let e = raw.exec("DELETE FROM audit_log WHERE seq = 3").unwrap_err();
    assert!(e.contains("append-only"), "{e}");
    if pg {
        assert!(raw.exec("TRUNCATE audit_log").is_err());
        raw.exec("DROP TRIGGER audit_log_no_change ON audit_log")
            .unwrap();
    } else {
        raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
            .unwrap();
    }

    // 1. An edited row.
    raw.exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
        .unwrap();
    let found = issues(db);
    assert_eq!(found, vec![AuditIssue::Modified { seq: 3 }]);
    assert_eq!(
        found[0].to_string(),
        "第 3 条审计记录内容被修改 / audit row 3 was modified"
    );
    raw.exec("UPDATE audit_log SET actor = 'alice' WHERE seq = 3")
        .unwrap();
    assert!(issues(db).is_empty(), "restored");

    // An edited body, with the row's own hash recomputed by a knowing attacker: the next row's
    // link breaks.
    // (The first two hex digits are changed whatever they were: a hash starting with "ab" once
    // in 256 runs left the link intact.)
    raw.exec(
        "UPDATE audit_log SET after = '{}', \
         hash = CASE WHEN substr(hash, 1, 2) = 'ab' THEN 'cd' ELSE 'ab' END || substr(hash, 3) \
         WHERE seq = 4",
    )
    .unwrap();
    let found = issues(db);
    assert!(
        found.contains(&AuditIssue::Modified { seq: 4 }),
        "{found:?}"
    );
    assert!(
        found.contains(&AuditIssue::LinkBroken { seq: 5 }),
        "{found:?}"
    );

    // 2. A deleted row, in the middle and at the end.
    let mut db2 = fresh_copy(db, pg);
    let mut raw2 = Raw::open(&db2);
    raw2.exec("DELETE FROM audit_log WHERE seq = 4").unwrap();
    let found = issues(&db2);
    assert_eq!(found, vec![AuditIssue::Missing { from: 4, to: 4 }]);
    assert!(found[0].to_string().contains("第 4 条审计记录缺失"));
    raw2.exec("DELETE FROM audit_log WHERE seq = 6").unwrap();
    // Row 6 was the scenario's last update: the stored scenario no longer matches the last
    // change the log still holds (row 5).
    assert_eq!(
        issues(&db2),
        vec![
            AuditIssue::Missing { from: 4, to: 4 },
            AuditIssue::Missing { from: 6, to: 6 },
            AuditIssue::ContentChanged {
                entity: "scenario:1".into(),
                seq: 5
            }
        ]
    );

    // 3. Reordered rows: rows 2 and 3 swap places.
    db2 = fresh_copy(db, pg);
    let mut raw3 = Raw::open(&db2);
    raw3.exec("UPDATE audit_log SET seq = -2 WHERE seq = 2")
        .unwrap();
    raw3.exec("UPDATE audit_log SET seq = 2 WHERE seq = 3")
        .unwrap();
    raw3.exec("UPDATE audit_log SET seq = 3 WHERE seq = -2")
        .unwrap();
    let found = issues(&db2);
    assert_eq!(
        found,
        vec![
            AuditIssue::Reordered {
                seq: 2,
                original_seq: Some(3)
            },
            AuditIssue::Reordered {
                seq: 3,
                original_seq: Some(2)
            },
        ]
    );
    assert!(
        found[0].to_string().contains("第 2 条审计记录顺序被打乱"),
        "{}",
        found[0]
    );

    // 4. A row appended behind the store's back.
    db2 = fresh_copy(db, pg);
    let mut raw4 = Raw::open(&db2);
    raw4.exec(
        "INSERT INTO audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash) \
         SELECT seq + 1, at, actor, action, entity, before, after, hash, hash FROM audit_log WHERE seq = 6",
    )
    .unwrap();
    let found = issues(&db2);
    assert!(
        found.contains(&AuditIssue::Unanchored { seq: 7 }),
        "{found:?}"
    );
}

/// A copy of the 6-row log of `db` with the triggers dropped, made by replaying the same
/// changes (timestamps differ; content is the same shape).
fn fresh_copy(_db: &TestDb, pg: bool) -> TestDb {
    let db = if pg {
        TestDb::postgres()
    } else {
        TestDb::sqlite()
    };
    let store = db.open();
    let sc = |i: usize| {
        quhua_core::scenario::Scenario::from_toml(&format!(
            "name = \"s{i}\"\ncounty = \"130102\"\n"
        ))
        .unwrap()
    };
    let id = store.create(&sc(0), "alice").unwrap();
    let mut v = 1;
    for i in 1..=5 {
        v = store.update(id, v, &sc(i), "alice").unwrap();
    }
    drop(store);
    let mut raw = Raw::open(&db);
    if pg {
        raw.exec("DROP TRIGGER audit_log_no_change ON audit_log")
            .unwrap();
    } else {
        raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
            .unwrap();
    }
    db
}

both_backends!(tampering_is_refused_then_detected);
