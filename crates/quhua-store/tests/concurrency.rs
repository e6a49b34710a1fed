//! Many writers, each with its own connection, on one scenario: read-modify-write with retry
//! on `Conflict`. No update is lost.

mod common;

use common::TestDb;
use quhua_store::{RecordKind, StoreError};
use serde::{Deserialize, Serialize};

/// A shared register entry: the list of writers that touched it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Shared {
    county: String,
    name: String,
    writers: Vec<String>,
}

impl RecordKind for Shared {
    const KIND: &'static str = "test_shared";
    const LABEL: (&'static str, &'static str) = ("共享记录", "shared record");
    fn county(&self) -> &str {
        &self.county
    }
    fn name(&self) -> &str {
        &self.name
    }
}

const WRITERS: usize = 8;
const UPDATES_EACH: usize = 6;

fn no_lost_updates(db: &TestDb) {
    let store = db.open();
    let id = store
        .create(
            &Shared {
                county: "130102".into(),
                name: "shared".into(),
                writers: Vec::new(),
            },
            "setup",
        )
        .unwrap();
    drop(store);
    let conflicts: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let url = db.url.clone();
                s.spawn(move || {
                    let store = quhua_store::Store::open(&url).expect("open");
                    let mut conflicts = 0;
                    for k in 0..UPDATES_EACH {
                        let rec = store.get::<Shared>(id).unwrap().unwrap();
                        let (mut version, mut body) = (rec.version, rec.body);
                        loop {
                            let mut doc = body.clone();
                            doc.writers.push(format!("w{w}-{k}"));
                            match store.update(id, version, &doc, &format!("writer{w}")) {
                                Ok(_) => break,
                                Err(StoreError::Conflict {
                                    current_version,
                                    current_body,
                                    ..
                                }) => {
                                    conflicts += 1;
                                    version = current_version;
                                    body = Shared::decode(&current_body).unwrap();
                                }
                                Err(e) => panic!("writer {w}: {e}"),
                            }
                        }
                    }
                    conflicts
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer thread"))
            .sum()
    });
    let store = db.open();
    let rec = store.get::<Shared>(id).unwrap().unwrap();
    let total = WRITERS * UPDATES_EACH;
    assert_eq!(
        rec.version,
        1 + total as i64,
        "final version = successful updates + 1"
    );
    let mut got: Vec<String> = rec.body.writers.clone();
    got.sort();
    let mut want: Vec<String> = (0..WRITERS)
        .flat_map(|w| (0..UPDATES_EACH).map(move |k| format!("w{w}-{k}")))
        .collect();
    want.sort();
    assert_eq!(got, want, "every update is in the final body");
    let log = store.audit_log().unwrap();
    assert_eq!(log.len(), 1 + total, "one audit row per successful update");
    assert!(store.audit_verify().unwrap().is_ok());
    eprintln!("{total} updates by {WRITERS} writers, {conflicts} conflicts retried");
}

both_backends!(no_lost_updates);
