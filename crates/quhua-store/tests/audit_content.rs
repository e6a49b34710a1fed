//! Direct edits of the data (not of the log) on both backends: `audit_verify` names every
//! registry, event, record and policy row changed, inserted or deleted bypassing the store; an
//! anchor kept outside the database names a consistently rewritten chain and a cut tail.

mod common;

use common::{Raw, TestDb, apply_batch, generate};
use quhua_core::scenario::Scenario;
use quhua_store::{AuditIssue, ImportMeta, Store};

fn issues(store: &Store) -> Vec<AuditIssue> {
    store.audit_verify().expect("verify").issues
}

/// A store with a registry (imported with its first events, then two more batches recorded),
/// a scenario edited twice, and a policy.
fn populated(db: &TestDb) -> (Store, i64) {
    let mut reg = generate(3, 6, 4, "2023-01-01");
    apply_batch(&mut reg, 0..1, "2023-03-01", "冀政字〔2023〕1号");
    let store = db.open();
    store
        .save_registry_import(&reg, &ImportMeta::from_bytes("tester", "list.csv", b"list"))
        .unwrap();
    let later = apply_batch(&mut reg, 1..3, "2023-06-01", "冀政字〔2023〕2号");
    assert!(later.len() >= 4);
    store.record_events(&later, "tester").unwrap();
    let sc =
        |i: usize| Scenario::from_toml(&format!("name = \"s{i}\"\ncounty = \"130102\"\n")).unwrap();
    let id = store.create(&sc(0), "alice").unwrap();
    let v = store.update(id, 1, &sc(1), "alice").unwrap();
    store.update(id, v, &sc(2), "alice").unwrap();
    let policy = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../quhua-core/policies/default.toml"
    ))
    .expect("built-in policy");
    store.save_policy("p", &policy, "alice").unwrap();
    (store, id)
}

fn drop_triggers(raw: &mut Raw) {
    match raw {
        Raw::Pg(_) => raw.exec("DROP TRIGGER audit_log_no_change ON audit_log"),
        Raw::Sqlite(_) => {
            raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
        }
    }
    .unwrap();
}

fn direct_edits_of_the_data_are_named(db: &TestDb) {
    let (store, id) = populated(db);
    assert_eq!(issues(&store), vec![], "an untouched store verifies");
    let scenario = format!("scenario:{id}");
    let last_event = {
        let mut raw = Raw::open(db);
        raw.int("SELECT MAX(id) FROM events")
    };
    let mut raw = Raw::open(db);
    let seq_of = |raw: &mut Raw, entity: &str| {
        raw.int(&format!(
            "SELECT MAX(seq) FROM audit_log WHERE entity = '{entity}'"
        ))
    };
    let scenario_seq = seq_of(&mut raw, &scenario);
    let import_seq = seq_of(&mut raw, "registry");
    let event_seq = seq_of(&mut raw, &format!("event:{last_event}"));
    let policy_seq = seq_of(&mut raw, "policy:p");
    let linked_event = raw.int("SELECT MAX(event_id) FROM lineage");
    let linked_seq = seq_of(&mut raw, &format!("event:{linked_event}"));
    assert!(
        linked_seq > import_seq,
        "an event with lineage recorded after the import"
    );

    // Each edit is named, then undone and no longer named.
    let cases: Vec<(String, String, AuditIssue)> = vec![
        (
            format!("UPDATE records SET body = replace(body, 's2', 'sX') WHERE kind = 'scenario' AND id = {id}"),
            format!("UPDATE records SET body = replace(body, 'sX', 's2') WHERE kind = 'scenario' AND id = {id}"),
            AuditIssue::ContentChanged { entity: scenario.clone(), seq: scenario_seq },
        ),
        (
            format!("UPDATE records SET version = version + 7 WHERE kind = 'scenario' AND id = {id}"),
            format!("UPDATE records SET version = version - 7 WHERE kind = 'scenario' AND id = {id}"),
            AuditIssue::ContentChanged { entity: scenario.clone(), seq: scenario_seq },
        ),
        (
            "UPDATE unit_versions SET name = name || 'X' WHERE unit_id = 3 AND version_no = 0".into(),
            "UPDATE unit_versions SET name = substr(name, 1, length(name) - 1) WHERE unit_id = 3 AND version_no = 0".into(),
            AuditIssue::ContentChanged { entity: "registry".into(), seq: import_seq },
        ),
        (
            "UPDATE events SET approval_no = approval_no || 'X' WHERE id = 0".into(),
            "UPDATE events SET approval_no = substr(approval_no, 1, length(approval_no) - 1) WHERE id = 0".into(),
            AuditIssue::ContentChanged { entity: "registry".into(), seq: import_seq },
        ),
        (
            format!("UPDATE events SET approval_no = approval_no || 'X' WHERE id = {last_event}"),
            format!("UPDATE events SET approval_no = substr(approval_no, 1, length(approval_no) - 1) WHERE id = {last_event}"),
            AuditIssue::ContentChanged { entity: format!("event:{last_event}"), seq: event_seq },
        ),
        (
            format!("UPDATE lineage SET to_unit = from_unit WHERE event_id = {linked_event}"),
            String::new(),
            AuditIssue::ContentChanged { entity: format!("event:{linked_event}"), seq: linked_seq },
        ),
        (
            "UPDATE registry_meta SET content_digest = 'ab' || substr(content_digest, 3)".into(),
            String::new(),
            AuditIssue::ContentChanged { entity: "registry".into(), seq: import_seq },
        ),
        (
            "UPDATE policies SET body = body || '# x' WHERE name = 'p'".into(),
            "UPDATE policies SET body = substr(body, 1, length(body) - 3) WHERE name = 'p'".into(),
            AuditIssue::ContentChanged { entity: "policy:p".into(), seq: policy_seq },
        ),
        (
            "INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at) \
             VALUES ('task', 99, '130102', 't', '{}', 1, 'mallory', 'x', 'mallory', 'x')".into(),
            "DELETE FROM records WHERE kind = 'task' AND id = 99".into(),
            AuditIssue::Unaudited { entity: "task:99".into() },
        ),
        (
            "DELETE FROM policies WHERE name = 'p'".into(),
            String::new(),
            AuditIssue::ContentMissing { entity: "policy:p".into(), seq: policy_seq },
        ),
    ];
    for (edit, undo, want) in cases {
        if undo.is_empty() {
            // Irreversible by text: run it on a copy made by the same steps.
            let copy = if matches!(raw, Raw::Pg(_)) {
                TestDb::postgres()
            } else {
                TestDb::sqlite()
            };
            let (s2, _) = populated(&copy);
            assert_eq!(issues(&s2), vec![]);
            Raw::open(&copy).exec(&edit).unwrap();
            let found = issues(&s2);
            // The copy numbers its rows the same way: same steps, same order.
            assert_eq!(found, vec![want.clone()], "{edit}");
            continue;
        }
        raw.exec(&edit).unwrap();
        let found = issues(&store);
        assert_eq!(found, vec![want.clone()], "{edit}");
        assert!(!found[0].to_string().is_empty());
        raw.exec(&undo).unwrap();
        assert_eq!(issues(&store), vec![], "undone: {undo}");
    }
    let e = AuditIssue::ContentChanged {
        entity: scenario,
        seq: scenario_seq,
    };
    assert!(e.to_string().contains("绕过系统被直接修改"), "{e}");
}

/// Rewrites rows `from..` of the chain consistently (as an attacker who knows the format
/// would) after changing row `from`'s actor, and moves the head.
fn rewrite_chain(store: &Store, raw: &mut Raw, from: i64) {
    let mut rows = store.audit_log().unwrap();
    let mut prev = rows[(from - 2) as usize].hash.clone();
    for r in rows.iter_mut().filter(|r| r.seq >= from) {
        if r.seq == from {
            r.actor = "mallory".into();
        }
        r.prev_hash = prev.clone();
        r.hash = r.expected_hash();
        prev = r.hash.clone();
        raw.exec(&format!(
            "UPDATE audit_log SET actor = '{}', prev_hash = '{}', hash = '{}' WHERE seq = {}",
            r.actor, r.prev_hash, r.hash, r.seq
        ))
        .unwrap();
    }
    raw.exec(&format!(
        "UPDATE audit_head SET hash = '{prev}' WHERE id = 1"
    ))
    .unwrap();
}

fn an_anchor_names_a_rewritten_chain_and_a_cut_tail(db: &TestDb) {
    let (store, _) = populated(db);
    let anchor = store.audit_anchor().unwrap();
    assert!(store.audit_verify_anchored(&anchor).unwrap().is_ok());
    // A read logged after the anchor: a row that commits to no content.
    store
        .log_read("auditor", "roster_read", "handover:1", "花名册")
        .unwrap();
    let head = store.audit_verify().unwrap().head_seq;
    assert_eq!(head, anchor.seq + 1);
    assert!(
        store.audit_verify_anchored(&anchor).unwrap().is_ok(),
        "later rows are fine"
    );
    let mut raw = Raw::open(db);
    drop_triggers(&mut raw);

    // 1. The chain rewritten from row 2 on: the chain alone verifies, the anchor does not.
    rewrite_chain(&store, &mut raw, 2);
    assert_eq!(
        issues(&store),
        vec![],
        "a consistent rewrite passes without an anchor"
    );
    let found = store.audit_verify_anchored(&anchor).unwrap().issues;
    assert_eq!(found, vec![AuditIssue::AnchorMismatch { seq: anchor.seq }]);
    assert!(found[0].to_string().contains("被改写"), "{}", found[0]);

    // 2. On the rewritten chain, a new anchor; then the tail cut and the head rewound.
    let anchor2 = store.audit_anchor().unwrap();
    assert_eq!(anchor2.seq, head);
    let prev = raw.text(&format!(
        "SELECT hash FROM audit_log WHERE seq = {}",
        head - 1
    ));
    raw.exec(&format!(
        "DELETE FROM audit_log WHERE seq = {head}; UPDATE audit_head SET seq = {}, hash = '{prev}' WHERE id = 1",
        head - 1
    ))
    .unwrap();
    assert_eq!(
        issues(&store),
        vec![],
        "a cut tail with the head rewound passes without an anchor"
    );
    let found = store.audit_verify_anchored(&anchor2).unwrap().issues;
    assert_eq!(
        found,
        vec![AuditIssue::Truncated {
            anchor_seq: head,
            head_seq: head - 1
        }]
    );
    assert!(found[0].to_string().contains("链尾被截断"), "{}", found[0]);
}

/// A survey update recorded after the import adds a source to the registry; the import's
/// digest covers only the sources it had, so the store still verifies (a regression: the
/// later source used to be counted into the import's digest, and every updated county
/// failed verification).
fn sources_added_after_the_import_verify(db: &TestDb) {
    use quhua_core::attr::{Amount, Source};
    use quhua_core::event::{AttrUpdate, ChangeRequest};
    let (store, _) = populated(db);
    let mut reg = store.load_registry().unwrap().expect("registry");
    let unit = reg.genesis()[reg.genesis().len() - 1].id;
    let before = reg.events().len();
    reg.apply(
        ChangeRequest::UpdateAttrs {
            source: Source {
                label: "摸底表 survey.csv（2023-09-30）".into(),
                synthetic: false,
            },
            updates: vec![AttrUpdate {
                unit,
                values: vec![("pop_hukou".into(), Amount::from_int(1234))],
            }],
        },
        quhua_core::date::parse_date("2023-09-30").unwrap(),
        "摸底表 survey.csv",
    )
    .unwrap();
    store
        .record_events(&reg.events()[before..], "tester")
        .unwrap();
    assert_eq!(issues(&store), vec![]);
    assert_eq!(
        store.load_registry().unwrap().unwrap().sources().len(),
        reg.sources().len()
    );
}

both_backends!(
    sources_added_after_the_import_verify,
    direct_edits_of_the_data_are_named,
    an_anchor_names_a_rewritten_chain_and_a_cut_tail
);
