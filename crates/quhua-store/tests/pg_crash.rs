//! Crash recovery on PostgreSQL with its default durability settings (`fsync`,
//! `synchronous_commit` and `full_page_writes` on): writers create and update records while
//! every process of the server is killed with SIGKILL; after the server starts again (and
//! replays its write-ahead log) every change a writer was told had committed is there, with
//! its body and version, nothing else but at most the one change in flight per writer, and
//! the audit chain verifies.
//!
//! What this proves: a server crash loses no acknowledged commit and leaves no half
//! transaction. The operating system's page cache survives a killed process, so it does not
//! prove durability across a power loss (that rests on the disk honouring the flushes that
//! `fsync` asks for).

mod common;

use common::pg::PgServer;
use quhua_core::scenario::Scenario;
use quhua_store::Store;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn scenario(name: &str) -> Scenario {
    Scenario::from_toml(&format!("name = \"{name}\"\ncounty = \"130102\"\n")).unwrap()
}

/// What each writer was told: record id → (version, name) acknowledged last.
type Acked = Arc<Mutex<BTreeMap<i64, (i64, String)>>>;

/// Creates records and updates every third one until the server goes away.
fn writer(store: Arc<Store>, w: usize, acked: Acked, stop: Arc<AtomicBool>) -> usize {
    let mut done = 0;
    for i in 0.. {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let name = format!("w{w}-{i}");
        let Ok(id) = store.create(&scenario(&name), "w") else {
            break;
        };
        acked.lock().unwrap().insert(id, (1, name.clone()));
        done += 1;
        if i % 3 == 0 {
            let edit = format!("{name}-edit");
            let Ok(v) = store.update(id, 1, &scenario(&edit), "w") else {
                break;
            };
            acked.lock().unwrap().insert(id, (v, edit));
            done += 1;
        }
    }
    done
}

#[test]
fn acknowledged_commits_survive_a_server_crash() {
    let server = PgServer::durable();
    let url = server.url("postgres");
    // Acknowledged changes over all trials (the records accumulate in one database).
    let acked: Acked = Arc::default();
    for trial in 0..3 {
        let store = Arc::new(Store::open(&url).expect("open store"));
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let (store, acked, stop) = (store.clone(), acked.clone(), stop.clone());
                std::thread::spawn(move || writer(store, w, acked, stop))
            })
            .collect();
        // Let the writers commit for a while, then crash the server under them.
        let started = acked.lock().unwrap().len();
        for _ in 0..400 {
            if acked.lock().unwrap().len() >= started + 40 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        server.crash();
        stop.store(true, Ordering::Relaxed);
        let counts: Vec<usize> = writers.into_iter().map(|w| w.join().unwrap()).collect();
        assert!(
            counts.iter().all(|&n| n > 0),
            "trial {trial}: a writer committed nothing before the crash: {counts:?}"
        );
        drop(store);
        server.restart();
        let store = Store::open(&url).expect("open store after recovery");
        let stored: BTreeMap<i64, (i64, String)> = store
            .list::<Scenario>("")
            .unwrap()
            .into_iter()
            .map(|r| (r.id, (r.version, r.body.name)))
            .collect();
        let acked = acked.lock().unwrap().clone();
        // Every acknowledged change is there (a later one of the same record may be too).
        for (id, (v, name)) in &acked {
            let got = stored
                .get(id)
                .unwrap_or_else(|| panic!("trial {trial}: acknowledged record {id} lost"));
            assert!(
                got.0 == *v && &got.1 == name || got.0 == v + 1,
                "trial {trial}: record {id} is {got:?}, acknowledged {v} {name}"
            );
        }
        // Nothing but the changes in flight (one per writer and crash) beyond what was
        // acknowledged.
        let unacked = stored.keys().filter(|id| !acked.contains_key(id)).count();
        assert!(
            unacked <= 3 * (trial + 1),
            "trial {trial}: {unacked} records nobody was told about"
        );
        let report = store.audit_verify().unwrap();
        assert!(
            report.is_ok(),
            "trial {trial}: audit chain after recovery: {report:?}"
        );
        let recoveries = server
            .log()
            .matches("database system was not properly shut down")
            .count();
        assert_eq!(
            recoveries,
            trial + 1,
            "trial {trial}: one crash recovery per crash:\n{}",
            server.log()
        );
    }
}
