//! Many writers, each with its own connection, on one scenario: read-modify-write with retry
//! on `Conflict`. No update is lost.

mod common;

use common::TestDb;
use quhua_store::StoreError;

const WRITERS: usize = 8;
const UPDATES_EACH: usize = 6;

fn no_lost_updates(db: &TestDb) {
    let mut store = db.open();
    let (id, _) = store
        .create_scenario("shared", "130102", "{\"writers\":[]}", "setup")
        .unwrap();
    drop(store);
    let conflicts: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let url = db.url.clone();
                s.spawn(move || {
                    let mut store = quhua_store::Store::open(&url).expect("open");
                    let mut conflicts = 0;
                    for k in 0..UPDATES_EACH {
                        let rec = store.get_scenario(id).unwrap().unwrap();
                        let (mut version, mut body) = (rec.version, rec.body);
                        loop {
                            let mut doc: serde_json::Value = serde_json::from_str(&body).unwrap();
                            doc["writers"]
                                .as_array_mut()
                                .unwrap()
                                .push(format!("w{w}-{k}").into());
                            match store.update_scenario(
                                id,
                                version,
                                &doc.to_string(),
                                &format!("writer{w}"),
                            ) {
                                Ok(_) => break,
                                Err(StoreError::Conflict {
                                    current_version,
                                    current_body,
                                    ..
                                }) => {
                                    conflicts += 1;
                                    version = current_version;
                                    body = current_body;
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
    let mut store = db.open();
    let rec = store.get_scenario(id).unwrap().unwrap();
    let total = WRITERS * UPDATES_EACH;
    assert_eq!(
        rec.version,
        1 + total as i64,
        "final version = successful updates + 1"
    );
    let doc: serde_json::Value = serde_json::from_str(&rec.body).unwrap();
    let mut got: Vec<String> = doc["writers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
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
