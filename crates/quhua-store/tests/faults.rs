//! Crash safety: a child process runs a large import or a batch of merges and is killed with
//! SIGKILL at a random moment (seeded: `QUHUA_FAULT_SEED`, default below). Afterwards the
//! database holds the whole change or none of it — row counts match one of the two states,
//! `load_registry` rebuilds exactly the before or the after registry — and the audit chain
//! verifies. The child is this test binary re-run with `QUHUA_FAULT_CHILD` set.
//!
//! A kill counts only if the child died of SIGKILL (its stderr is captured and shown
//! otherwise). On PostgreSQL the parent waits, before the random delay, until the child's
//! transaction holds a transaction id (`pg_stat_activity.backend_xid`, assigned at its first
//! written row), so a "before" outcome there is a kill after writing began. SQLite offers no
//! such outside view of an open write transaction; there a "before" may also be a kill
//! before the first write. Both test transaction atomicity of a killed client; the test
//! PostgreSQL server runs with `fsync=off`, so nothing here is evidence of durability after
//! a server or machine crash — `pg_crash.rs` kills the server itself, with `fsync` on.

mod common;

use common::{Raw, apply_batch, generate};
use quhua_core::synth::SplitMix64;
use quhua_store::{ImportMeta, Store, content_digest};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Trials per backend (half imports, half merge batches).
const TRIALS: usize = 50;
const SEED: u64 = 20_260_520;

/// Counties of the large registry.
const COUNTIES: u32 = 8;

/// The large registry: 2 + 8 × (1 + 24 × 61) ≈ 11.7k units (sized so that a trial takes a
/// few hundred milliseconds in an unoptimised test build).
fn big() -> quhua_core::registry::Registry {
    generate(COUNTIES, 24, 60, "2023-01-01")
}

/// The small registry a large import replaces.
fn small() -> quhua_core::registry::Registry {
    generate(2, 3, 3, "2022-01-01")
}

/// The merge batch applied to the large registry (4 events per county).
fn batch(reg: &mut quhua_core::registry::Registry) -> Vec<quhua_core::event::ChangeEvent> {
    apply_batch(reg, 0..COUNTIES, "2024-01-01", "冀政字〔2024〕1号")
}

/// The child: prepare, say READY, run the operation, say DONE.
#[test]
fn fault_child() {
    let (Ok(mode), Ok(url)) = (
        std::env::var("QUHUA_FAULT_CHILD"),
        std::env::var("QUHUA_FAULT_URL"),
    ) else {
        return;
    };
    let store = Store::open(&url).expect("child: open");
    let mut reg = big();
    let events = batch(&mut reg);
    let reg = big();
    println!("READY");
    match mode.as_str() {
        "import" => {
            store
                .save_registry_import(&reg, &ImportMeta::from_bytes("child", "big.csv", b"big"))
                .expect("child: import");
        }
        _ => store
            .record_events(&events, "child")
            .expect("child: record_events"),
    }
    println!("DONE");
}

/// How a child run ended.
struct Run {
    /// From READY to exit.
    took: Duration,
    /// Printed DONE and exited with success.
    done: bool,
    /// The write had begun when the kill was sent (PostgreSQL only; see the module docs).
    writing: bool,
}

/// Whether the child's transaction on the database of `url` has written (has an xid).
fn pg_writing(url: &str) -> bool {
    let db = url.rsplit('/').next().unwrap_or_default();
    let admin = url
        .rsplit_once('/')
        .map_or(String::new(), |(h, _)| format!("{h}/postgres"));
    let Ok(mut c) = postgres::Client::connect(&admin, postgres::NoTls) else {
        return false;
    };
    c.query_one(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL",
        &[&db],
    )
    .map(|r| r.get::<_, i64>(0) > 0)
    .unwrap_or(false)
}

/// Runs the child on `url`; kills it `kill_after` after READY (None: let it finish), on
/// PostgreSQL only once its transaction has written.
fn run_child(mode: &str, url: &str, kill_after: Option<Duration>) -> Run {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args(["fault_child", "--exact", "--nocapture", "--test-threads=1"])
        .env("QUHUA_FAULT_CHILD", mode)
        .env("QUHUA_FAULT_URL", url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn child");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    loop {
        line.clear();
        if out.read_line(&mut line).expect("read child") == 0 {
            panic!("child exited before READY");
        }
        if line.contains("READY") {
            break;
        }
    }
    let start = Instant::now();
    let mut err = child.stderr.take().expect("stderr");
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let mut writing = false;
    let mut sent = false;
    if let Some(after) = kill_after {
        if url.starts_with("postgres") {
            let wait = Instant::now();
            while !writing && wait.elapsed() < Duration::from_secs(30) {
                if child.try_wait().expect("poll child").is_some() {
                    break;
                }
                writing = pg_writing(url);
            }
        }
        std::thread::sleep(after);
        sent = child.kill().is_ok(); // SIGKILL
    }
    let status = child.wait().expect("wait child");
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut out, &mut rest);
    let stderr = stderr.join().unwrap_or_default();
    let done = status.success() && rest.contains("DONE");
    use std::os::unix::process::ExitStatusExt;
    let killed = status.signal() == Some(9);
    assert!(
        done || (sent && killed),
        "child ended on its own ({status:?}), not by the kill:\n{stderr}"
    );
    Run {
        took: start.elapsed(),
        done,
        writing: writing && killed,
    }
}

/// What a database must look like before or after the operation.
#[derive(Debug, Clone, PartialEq)]
struct State {
    digest: String,
    counts: [i64; 5],
}

fn observe(url: &str) -> State {
    let store = Store::open(url).expect("open after crash");
    let reg = store
        .load_registry()
        .expect("load_registry after crash")
        .expect("a registry");
    let report = store.audit_verify().expect("audit_verify");
    assert!(
        report.is_ok(),
        "audit chain broken after crash: {:?}",
        report.issues
    );
    drop(store);
    State {
        digest: content_digest(&reg),
        counts: Raw::open_url(url).counts(),
    }
}

/// A fresh database holding `reg`, for each trial.
trait Fixture {
    fn make(&self, trial: usize) -> (String, Box<dyn std::any::Any>);
}

struct SqliteFixture {
    template: std::path::PathBuf,
    dir: tempfile::TempDir,
}

impl Fixture for SqliteFixture {
    fn make(&self, trial: usize) -> (String, Box<dyn std::any::Any>) {
        let p = self.dir.path().join(format!("trial{trial}.db"));
        std::fs::copy(&self.template, &p).expect("copy template");
        (format!("sqlite:{}", p.display()), Box::new(()))
    }
}

struct PgFixture {
    template: common::pg::PgDatabase,
}

impl Fixture for PgFixture {
    fn make(&self, trial: usize) -> (String, Box<dyn std::any::Any>) {
        let db = self
            .template
            .copy_to(&format!("quhua_fault_{}_{trial}", std::process::id()));
        (db.url.clone(), Box::new(db))
    }
}

fn seed() -> u64 {
    std::env::var("QUHUA_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

fn prepare(url: &str, reg: &quhua_core::registry::Registry) {
    let store = Store::open(url).expect("open template");
    store
        .save_registry_import(reg, &ImportMeta::from_bytes("setup", "template", b"t"))
        .expect("template import");
}

fn crash_trials(backend: &str, templates: [&dyn Fixture; 2]) {
    let mut rng = SplitMix64::new(seed() ^ backend.len() as u64);
    let mut big_after = big();
    batch(&mut big_after);
    let expected_digest = [
        // import mode: before = small, after = big
        (content_digest(&small()), content_digest(&big())),
        // apply mode: before = big, after = big + batch
        (content_digest(&big()), content_digest(&big_after)),
    ];
    let modes = ["import", "apply"];
    let mut seen = [[0usize; 2]; 2];
    let mut mid_write = [0usize; 2];
    for (m, mode) in modes.iter().enumerate() {
        // Calibrate: one uninterrupted run gives the after state and the duration.
        let (url, _guard) = templates[m].make(1000 + m);
        let before = observe(&url);
        assert_eq!(before.digest, expected_digest[m].0);
        let Run { took, done, .. } = run_child(mode, &url, None);
        assert!(done, "{backend} {mode}: uninterrupted child failed");
        let after = observe(&url);
        assert_eq!(after.digest, expected_digest[m].1);
        eprintln!(
            "{backend} {mode}: uninterrupted run {took:?}; before {before:?}, after {after:?}"
        );
        for t in 0..TRIALS / 2 {
            let delay = Duration::from_secs_f64(took.as_secs_f64() * 1.2 * rng.next_f64());
            let (url, guard) = templates[m].make(t);
            let run = run_child(mode, &url, Some(delay));
            let done = run.done;
            let got = observe(&url);
            let which = if got == before {
                0
            } else if got == after {
                1
            } else {
                panic!(
                    "{backend} {mode} trial {t} (kill after {delay:?}): partial state {got:?}\nbefore {before:?}\nafter {after:?}"
                );
            };
            if done {
                assert_eq!(which, 1, "a finished child must have committed");
            }
            seen[m][which] += 1;
            if run.writing && which == 0 {
                mid_write[m] += 1;
            }
            drop(guard);
        }
    }
    eprintln!(
        "{backend}: outcomes (before, after) — import {:?}, apply {:?}; killed after the first write and rolled back: {mid_write:?}",
        seen[0], seen[1]
    );
    for (m, mode) in modes.iter().enumerate() {
        assert!(
            seen[m][0] > 0,
            "{backend} {mode}: no trial was killed mid-way; timing calibration is off"
        );
        if backend == "postgres" {
            assert!(
                mid_write[m] > 0,
                "{backend} {mode}: no trial was killed after its first write"
            );
        }
    }
}

#[test]
fn sqlite_all_or_nothing_under_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let make = |name: &str, reg: &quhua_core::registry::Registry| {
        let p = dir.path().join(name);
        prepare(&format!("sqlite:{}", p.display()), reg);
        p
    };
    let import_tpl = SqliteFixture {
        template: make("import.db", &small()),
        dir: tempfile::tempdir().unwrap(),
    };
    let apply_tpl = SqliteFixture {
        template: make("apply.db", &big()),
        dir: tempfile::tempdir().unwrap(),
    };
    crash_trials("sqlite", [&import_tpl, &apply_tpl]);
}

#[test]
fn postgres_all_or_nothing_under_sigkill() {
    let n = std::process::id();
    let import_db = common::pg::PgDatabase::create(&format!("quhua_tpl_import_{n}"));
    prepare(&import_db.url, &small());
    let apply_db = common::pg::PgDatabase::create(&format!("quhua_tpl_apply_{n}"));
    prepare(&apply_db.url, &big());
    let import_tpl = PgFixture {
        template: import_db,
    };
    let apply_tpl = PgFixture { template: apply_db };
    crash_trials("postgres", [&import_tpl, &apply_tpl]);
}
