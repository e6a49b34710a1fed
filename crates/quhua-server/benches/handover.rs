//! Handover at county scale on SQLite: importing a 45万-item asset ledger (read, checked
//! against the handover, stored with its audit row), the conservation check over it, and the
//! status of the county's whole handover as the server answers it.
//! `cargo bench -p quhua-server --bench handover`

use quhua_app::App;
use quhua_app::access::Actor;
use quhua_app::handover::{self, ImportFile, ImportKind};
use quhua_server::auth::password::HashParams;
use quhua_workflow::handover::Handover;
use std::path::PathBuf;
use std::sync::OnceLock;

const PLAN: i64 = 2;
const ITEMS: usize = 450_000;

fn main() {
    divan::main();
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()
}

struct Fixture {
    _dir: tempfile::TempDir,
    /// A demo database whose handover has the demo ledger only.
    db: PathBuf,
    /// The 45万-item ledger as CSV.
    csv: PathBuf,
    /// A demo database with the 45万-item ledger imported.
    big: App,
    /// Its URL.
    big_url: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let url = format!("sqlite:{}", db.display());
        quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
        let op = Actor::operator("bench");
        let app = App::open(&url).unwrap();
        let table = handover::synthetic_assets(&app, &op, PLAN, ITEMS, 7).unwrap();
        let csv = dir.path().join("资产明细.csv");
        quhua_io::write_csv(&table, &csv).unwrap();
        drop(app);
        let big_db = dir.path().join("big.db");
        std::fs::copy(&db, &big_db).unwrap();
        let big_url = format!("sqlite:{}", big_db.display());
        let big = App::open(&big_url).unwrap();
        handover::import(
            &big,
            &op,
            PLAN,
            ImportKind::Assets,
            &ImportFile::Path(csv.clone()),
            true,
        )
        .unwrap();
        Fixture {
            _dir: dir,
            db,
            csv,
            big,
            big_url,
        }
    })
}

/// Reading, checking and storing the 45万-item ledger (one transaction with its audit row).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn import_450k_sqlite(b: divan::Bencher) {
    let f = fixture();
    let op = Actor::operator("bench");
    b.with_inputs(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("run.db");
        std::fs::copy(&f.db, &db).unwrap();
        let app = App::open(&format!("sqlite:{}", db.display())).unwrap();
        (dir, app)
    })
    .bench_local_values(|(dir, app)| {
        let out = handover::import(
            &app,
            &op,
            PLAN,
            ImportKind::Assets,
            &ImportFile::Path(f.csv.clone()),
            true,
        )
        .unwrap();
        assert_eq!(out.rows, ITEMS);
        (dir, app)
    });
}

/// The conservation check over the stored 45万-item ledger (recomputed from every item).
#[divan::bench(sample_count = 10)]
fn conservation_450k(b: divan::Bencher) {
    let f = fixture();
    let h: Handover = f.big.store().get::<Handover>(PLAN).unwrap().unwrap().body;
    assert_eq!(h.assets.len(), ITEMS);
    b.bench(|| divan::black_box(h.assets.conservation()));
}

/// The status of the whole handover as `GET /api/plans/2/handover` computes it (the stored
/// version checked, the decoded handover cached).
#[divan::bench(sample_count = 20)]
fn status_450k(b: divan::Bencher) {
    let f = fixture();
    let op = Actor::operator("bench");
    handover::view(&f.big, &op, PLAN, day()).unwrap();
    b.bench(|| divan::black_box(handover::view(&f.big, &op, PLAN, day()).unwrap()));
}

/// The same after a restart (nothing cached: the stored handover is read and decoded).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn status_450k_cold(b: divan::Bencher) {
    let f = fixture();
    let url = f.big_url.clone();
    let op = Actor::operator("bench");
    b.with_inputs(|| App::open(&url).unwrap())
        .bench_local_values(|app| {
            divan::black_box(handover::view(&app, &op, PLAN, day()).unwrap());
            app
        });
}
