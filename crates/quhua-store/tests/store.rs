//! The store's behaviour, on both backends: import/load round trip, appending events, SQL
//! as-of cross-check, atomic rejection, scenarios with optimistic concurrency, policies, imports.

mod common;

use common::{TestDb, apply_batch, assert_as_of, assert_same, d, generate};
use quhua_core::event::{ChangeEvent, EventId};
use quhua_store::{ImportMeta, StoreError};

fn meta(name: &str) -> ImportMeta {
    ImportMeta::from_bytes("tester", name, name.as_bytes())
}

fn import_round_trip(db: &TestDb) {
    let mut reg = generate(3, 6, 8, "2023-01-01");
    apply_batch(&mut reg, 0..2, "2023-06-01", "冀政字〔2023〕1号");
    let mut store = db.open();
    assert!(store.load_registry().unwrap().is_none());
    let id = store.save_registry_import(&reg, &meta("gen.csv")).unwrap();
    let back = store.load_registry().unwrap().expect("stored registry");
    assert_same(&reg, &back);
    for date in [
        "2022-12-31",
        "2023-01-01",
        "2023-05-31",
        "2023-06-01",
        "2024-01-01",
    ] {
        assert_as_of(&mut store, &reg, d(date));
    }
    let imports = store.imports().unwrap();
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].id, id);
    assert_eq!(imports[0].unit_count, reg.unit_count() as i64);
    assert_eq!(imports[0].event_count, reg.events().len() as i64);
    assert_eq!(imports[0].counts["county"], 3);
    assert_eq!(imports[0].source_sha256, meta("gen.csv").source_sha256);
    assert_eq!(imports[0].content_digest, quhua_store::content_digest(&reg));
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), 1, "one audit row per import, however large");
    assert_eq!(log[0].action, "import");
    assert!(store.audit_verify().unwrap().is_ok());
}

fn record_events_appends(db: &TestDb) {
    let base = generate(4, 7, 6, "2023-01-01");
    let mut store = db.open();
    store.save_registry_import(&base, &meta("base")).unwrap();
    let mut reg = store.load_registry().unwrap().unwrap();
    // One event alone, then a batch; some on the genesis date (same-day changes).
    let first = apply_batch(&mut reg, 0..1, "2023-01-01", "冀政字〔2023〕1号");
    store.record_event(&first[0], "alice").unwrap();
    store.record_events(&first[1..], "alice").unwrap();
    let batch = apply_batch(&mut reg, 1..4, "2024-03-01", "冀政字〔2024〕7号");
    store.record_events(&batch, "bob").unwrap();
    let back = store.load_registry().unwrap().unwrap();
    assert_same(&reg, &back);
    for date in ["2023-01-01", "2024-02-29", "2024-03-01"] {
        assert_as_of(&mut store, &reg, d(date));
    }
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), 1 + reg.events().len());
    assert!(log[1..].iter().all(|r| r.action == "record_event"));
    assert_eq!(log.last().unwrap().actor, "bob");
    assert!(store.audit_verify().unwrap().is_ok());
    // A second store on the same database sees the same registry.
    let other = db.open();
    assert_same(&reg, &other.load_registry().unwrap().unwrap());
}

fn rejected_batch_stores_nothing(db: &TestDb) {
    let store = db.open();
    let base = generate(2, 4, 3, "2023-01-01");
    let err = store.record_events(&[], "x").unwrap_err();
    assert!(matches!(err, StoreError::NoRegistry), "{err}");
    store.save_registry_import(&base, &meta("base")).unwrap();
    let mut reg = store.load_registry().unwrap().unwrap();
    let events = apply_batch(&mut reg, 0..2, "2023-05-01", "冀政字〔2023〕2号");
    // Break the last event: a gap in the sequence. The valid ones before it must not be stored.
    let mut bad: Vec<ChangeEvent> = events.clone();
    bad.last_mut().unwrap().id = EventId(99);
    let err = store.record_events(&bad, "x").unwrap_err();
    assert!(err.to_string().contains("不连续"), "{err}");
    let after = store.load_registry().unwrap().unwrap();
    assert_same(&base, &after);
    assert_eq!(store.audit_log().unwrap().len(), 1);
    // The intact batch goes in.
    store.record_events(&events, "x").unwrap();
    assert_same(&reg, &store.load_registry().unwrap().unwrap());
    // A later event giving the surviving township the code its merged neighbour retired:
    // refused for reusing a retired code (废码不用), and nothing stored.
    let first = &events[0];
    let retired = first
        .facts
        .iter()
        .find_map(|f| match f {
            quhua_core::event::Fact::Abolish { code, .. } => Some(*code),
            _ => None,
        })
        .expect("the merge retires a code");
    let quhua_core::event::ChangeRequest::AbolishMerge { into, .. } = first.request.clone() else {
        panic!("the first event is a merge: {:?}", first.request);
    };
    let (current, _, _) = reg
        .codes_of(into)
        .into_iter()
        .find(|(_, _, until)| until.is_none())
        .expect("the survivor has a code in force");
    let mut reuse = events.last().unwrap().clone();
    reuse.id = EventId(reuse.id.0 + 1);
    reuse.facts = vec![quhua_core::event::Fact::Recode {
        unit: into,
        old: current,
        new: retired,
    }];
    reuse.lineage.clear();
    let audit_before = store.audit_log().unwrap().len();
    let err = store.record_event(&reuse, "x").unwrap_err();
    assert!(
        err.to_string().contains("废码不用") || err.to_string().contains("never reused"),
        "not the retired-code refusal: {err}"
    );
    assert_same(&reg, &store.load_registry().unwrap().unwrap());
    assert_eq!(store.audit_log().unwrap().len(), audit_before);
    // Replaying the same batch is refused (stale ids).
    assert!(store.record_events(&events, "x").is_err());
    assert!(store.audit_verify().unwrap().is_ok());
}

fn import_replaces(db: &TestDb) {
    let mut store = db.open();
    let a = generate(3, 3, 3, "2023-01-01");
    let b = generate(2, 5, 4, "2024-01-01");
    store.save_registry_import(&a, &meta("a")).unwrap();
    let mut reg = store.load_registry().unwrap().unwrap();
    let ev = apply_batch(&mut reg, 0..1, "2023-02-01", "x号");
    store.record_events(&ev, "x").unwrap();
    store.save_registry_import(&b, &meta("b")).unwrap();
    assert_same(&b, &store.load_registry().unwrap().unwrap());
    assert_as_of(&mut store, &b, d("2024-01-01"));
    assert_eq!(store.units_as_of(d("2023-06-01")).unwrap().len(), 0);
    let imports = store.imports().unwrap();
    assert_eq!(
        imports
            .iter()
            .map(|i| i.source_name.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    let log = store.audit_log().unwrap();
    assert_eq!(
        log.iter()
            .map(|r| r.action.as_str())
            .collect::<Vec<_>>()
            .len(),
        2 + ev.len()
    );
    assert!(
        log.last()
            .unwrap()
            .before
            .as_deref()
            .unwrap_or_default()
            .contains("content_digest")
    );
    assert!(store.audit_verify().unwrap().is_ok());
}

fn scenarios_with_optimistic_concurrency(db: &TestDb) {
    use quhua_core::scenario::Scenario;
    let store = db.open();
    let sc = |name: &str, county: &str| {
        Scenario::from_toml(&format!("name = \"{name}\"\ncounty = \"{county}\"\n")).unwrap()
    };
    let id = store.create(&sc("示意方案", "130102"), "alice").unwrap();
    let v2 = store
        .update(id, 1, &sc("示意方案 edit 1", "130102"), "alice")
        .unwrap();
    assert_eq!(v2, 2);
    // Bob still holds version 1.
    match store.update(id, 1, &sc("bob", "130102"), "bob") {
        Err(StoreError::Conflict {
            current_version,
            current_body,
            ..
        }) => {
            assert_eq!(current_version, 2);
            assert!(current_body.contains("edit 1"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let rec = store.get::<Scenario>(id).unwrap().unwrap();
    assert_eq!(
        (rec.version, rec.body.name.as_str(), rec.updated_by.as_str()),
        (2, "示意方案 edit 1", "alice")
    );
    store.create(&sc("other", "130203"), "carol").unwrap();
    assert_eq!(store.list::<Scenario>("").unwrap().len(), 2);
    // The jurisdiction filter runs in SQL.
    assert_eq!(store.list::<Scenario>("1301").unwrap().len(), 1);
    assert_eq!(
        store.list::<Scenario>("1302").unwrap()[0].body.name,
        "other"
    );
    assert!(
        store.list::<Scenario>("13%").is_err(),
        "a pattern is not a prefix"
    );
    assert!(store.get::<Scenario>(999).unwrap().is_none());
    assert!(matches!(
        store.update(999, 1, &sc("x", "130102"), "x"),
        Err(StoreError::NotFound { .. })
    ));
    let log = store.audit_log().unwrap();
    assert_eq!(
        log.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(),
        ["scenario_create", "scenario_update", "scenario_create"],
        "the refused update left no audit row"
    );
    assert!(store.audit_verify().unwrap().is_ok());
}

/// A cache that keeps the last change it read and asks only for what changed since ends up
/// with exactly what a full read gives, while writers in other threads create and update
/// records in and out of its jurisdiction.
fn changes_since_last_look(db: &TestDb) {
    use quhua_core::scenario::Scenario;
    use std::collections::BTreeMap;
    let store = std::sync::Arc::new(db.open());
    let sc = |name: &str, county: &str| {
        Scenario::from_toml(&format!("name = \"{name}\"\ncounty = \"{county}\"\n")).unwrap()
    };
    assert_eq!(store.last_change::<Scenario>().unwrap(), 0);
    let first = store.create(&sc("a", "130102"), "alice").unwrap();
    let mut mirror: BTreeMap<i64, (i64, String)> = BTreeMap::new();
    let mut seen = 0;
    let look = |mirror: &mut BTreeMap<i64, (i64, String)>, seen: &mut i64| {
        let last = store.last_change::<Scenario>().unwrap();
        if last == *seen {
            return 0;
        }
        let changed = store
            .changed_since::<Scenario>("1301", *seen, 1000)
            .unwrap()
            .expect("fewer than the limit");
        for r in &changed {
            mirror.insert(r.id, (r.version, r.body.name.clone()));
        }
        *seen = last;
        changed.len()
    };
    assert_eq!(look(&mut mirror, &mut seen), 1);
    assert_eq!(
        look(&mut mirror, &mut seen),
        0,
        "nothing changed: nothing read"
    );
    // A change elsewhere moves the last change but reads nothing of this jurisdiction.
    store.create(&sc("b", "130203"), "bob").unwrap();
    assert_eq!(look(&mut mirror, &mut seen), 0);
    store
        .update(first, 1, &sc("a2", "130102"), "alice")
        .unwrap();
    assert_eq!(look(&mut mirror, &mut seen), 1, "only the updated record");
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let store = store.clone();
            std::thread::spawn(move || {
                for i in 0..12 {
                    let county = if (w + i) % 2 == 0 { "130104" } else { "130205" };
                    let id = store
                        .create(&sc(&format!("w{w}-{i}"), county), "w")
                        .unwrap();
                    if i % 3 == 0 {
                        store
                            .update(id, 1, &sc(&format!("w{w}-{i}-edit"), county), "w")
                            .unwrap();
                    }
                }
            })
        })
        .collect();
    while !writers.iter().all(|w| w.is_finished()) {
        look(&mut mirror, &mut seen);
    }
    for w in writers {
        w.join().unwrap();
    }
    look(&mut mirror, &mut seen);
    let full: BTreeMap<i64, (i64, String)> = store
        .list::<Scenario>("1301")
        .unwrap()
        .into_iter()
        .map(|r| (r.id, (r.version, r.body.name)))
        .collect();
    assert_eq!(mirror, full);
    assert_eq!(full.len(), 1 + 18);
    // More changes than the limit: none, so that the caller reads everything.
    assert!(
        store
            .changed_since::<Scenario>("1301", 0, 5)
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .changed_since::<Scenario>("1301", 0, 19)
            .unwrap()
            .map(|v| v.len()),
        Some(19)
    );
}

fn policies(db: &TestDb) {
    let store = db.open();
    let text = std::fs::read_to_string(format!(
        "{}/../quhua-core/policies/default.toml",
        manifest_dir()
    ))
    .expect("built-in policy");
    assert_eq!(store.save_policy("default", &text, "alice").unwrap(), 1);
    assert_eq!(store.save_policy("default", &text, "bob").unwrap(), 2);
    assert_eq!(store.save_policy("another", &text, "bob").unwrap(), 1);
    let err = store
        .save_policy("broken", "this is = not [toml", "eve")
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    let p = store.get_policy("default").unwrap().unwrap();
    assert_eq!(
        (p.version, p.updated_by.as_str(), p.body == text),
        (2, "bob", true)
    );
    assert!(store.get_policy("broken").unwrap().is_none());
    assert_eq!(
        store
            .list_policies()
            .unwrap()
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["another", "default"]
    );
    assert_eq!(store.audit_log().unwrap().len(), 3);
    assert!(store.audit_verify().unwrap().is_ok());
}

fn schema_is_current(db: &TestDb) {
    let store = db.open();
    assert_eq!(
        store.schema_version().unwrap(),
        quhua_store::migrate::LATEST
    );
    drop(store);
    // Opening again runs nothing and still works.
    assert_eq!(
        db.open().schema_version().unwrap(),
        quhua_store::migrate::LATEST
    );
}

fn plans_documents_and_atomic_apply(db: &TestDb) {
    use quhua_workflow::procedure::{Plan, Template};
    let store = db.open();
    let base = generate(2, 4, 3, "2023-01-01");
    store.save_registry_import(&base, &meta("base")).unwrap();
    let day = quhua_core::date::parse_date("2023-01-02").unwrap();
    let mut plan = Plan::new(
        "方案",
        "130100",
        "",
        Template::national(false),
        "alice",
        day,
    );
    let id = store.create(&plan, "alice").unwrap();
    plan.name = "方案（一改）".into();
    let v2 = store.update(id, 1, &plan, "alice").unwrap();
    assert_eq!(v2, 2);
    let mut bobs = plan.clone();
    bobs.name = "bob".into();
    match store.update(id, 1, &bobs, "bob") {
        Err(StoreError::Conflict {
            current_version,
            current_body,
            ..
        }) => {
            assert_eq!(current_version, 2);
            assert!(current_body.contains("方案（一改）"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let sha = store
        .put_document("风险评估报告.pdf", b"%PDF-1.4 report", "alice")
        .unwrap();
    assert_eq!(sha.len(), 64);
    assert_eq!(
        store
            .put_document("again.pdf", b"%PDF-1.4 report", "bob")
            .unwrap(),
        sha
    );
    let (name, bytes) = store.get_document(&sha).unwrap().unwrap();
    assert_eq!(
        (name.as_str(), bytes.as_slice()),
        ("风险评估报告.pdf", b"%PDF-1.4 report".as_slice())
    );
    assert!(store.get_document(&"0".repeat(64)).unwrap().is_none());
    // Apply: events and the plan body land together, or neither does.
    let mut reg = store.load_registry().unwrap().unwrap();
    let events = apply_batch(&mut reg, 0..1, "2023-05-01", "冀政字〔2023〕9号");
    let mut broken = events.clone();
    broken.last_mut().unwrap().id = EventId(77);
    assert!(store.apply_plan(id, 2, &plan, &broken, "alice").is_err());
    assert_eq!(store.get::<Plan>(id).unwrap().unwrap().version, 2);
    assert_same(&base, &store.load_registry().unwrap().unwrap());
    // A stale plan version also refuses the events.
    assert!(matches!(
        store.apply_plan(id, 1, &plan, &events, "alice"),
        Err(StoreError::Conflict { .. })
    ));
    assert_same(&base, &store.load_registry().unwrap().unwrap());
    let v3 = store.apply_plan(id, 2, &plan, &events, "alice").unwrap();
    assert_eq!(v3, 3);
    assert_same(&reg, &store.load_registry().unwrap().unwrap());
    assert_eq!(store.list::<Plan>("").unwrap().len(), 1);
    let actions: Vec<String> = store
        .audit_log()
        .unwrap()
        .iter()
        .map(|r| r.action.clone())
        .collect();
    assert!(actions.contains(&"plan_apply".to_string()), "{actions:?}");
    assert!(store.audit_verify().unwrap().is_ok());
}

both_backends!(
    plans_documents_and_atomic_apply,
    import_round_trip,
    record_events_appends,
    rejected_batch_stores_nothing,
    import_replaces,
    scenarios_with_optimistic_concurrency,
    changes_since_last_look,
    policies,
    schema_is_current,
);

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
