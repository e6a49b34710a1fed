//! Test support: throwaway databases on both backends, generated registries, comparisons.
#![allow(dead_code)]

pub mod pg;

use quhua_core::attr::{Amount, AttrValue, Attrs, Source};
use quhua_core::codes::{DivisionCode, TownshipKind};
use quhua_core::date::{Date, parse_date};
use quhua_core::event::{ChangeEvent, ChangeRequest};
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::unit::{LonLat, Seat, UnitId};
use quhua_store::Store;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

/// A throwaway database: an SQLite file in a temp dir, or a fresh PostgreSQL database.
pub struct TestDb {
    /// The URL to open.
    pub url: String,
    _guard: Guard,
}

enum Guard {
    Sqlite(tempfile::TempDir),
    Pg(pg::PgDatabase),
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    /// A new SQLite database file.
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let path: PathBuf = dir.path().join("quhua.db");
        TestDb {
            url: format!("sqlite:{}", path.display()),
            _guard: Guard::Sqlite(dir),
        }
    }

    /// A new PostgreSQL database (on `QUHUA_TEST_PG_URL`'s server, or a throwaway server).
    pub fn postgres() -> TestDb {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let db = pg::PgDatabase::create(&format!("quhua_test_{}_{n}", std::process::id()));
        TestDb {
            url: db.url.clone(),
            _guard: Guard::Pg(db),
        }
    }

    /// The SQLite file, if this is SQLite.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        self.url.strip_prefix("sqlite:").map(PathBuf::from)
    }

    /// Opens the store.
    pub fn open(&self) -> Store {
        Store::open(&self.url).expect("open store")
    }
}

/// Runs each listed test body against SQLite and PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(&super::common::TestDb::sqlite()) } )*
        }
        mod postgres {
            $( #[test] fn $name() { super::$name(&super::common::TestDb::postgres()) } )*
        }
    };
}

pub fn d(s: &str) -> Date {
    parse_date(s).expect("date")
}

pub fn code(s: &str) -> DivisionCode {
    DivisionCode::parse(s).expect("code")
}

/// A generated province: `counties` counties × `towns` towns × `villages` villages, with
/// population attributes on townships and villages and a seat on every township.
/// Size: 2 + counties × (1 + towns × (1 + villages)).
pub fn generate(counties: u32, towns: u32, villages: u32, genesis: &str) -> Registry {
    let mut b = RegistryBuilder::new();
    let src = b.source(Source {
        label: "示意数据 synthetic (test)".into(),
        synthetic: true,
    });
    b.push(RawUnit::new(code("13"), "测试省", None));
    b.push(RawUnit::new(code("1301"), "测试市", Some(code("13"))));
    let mut row = 2u32;
    for c in 0..counties {
        let county = DivisionCode::parse(&format!("1301{:02}", c + 2)).expect("county code");
        b.push(RawUnit::new(
            county,
            format!("测试{c}县"),
            Some(code("1301")),
        ));
        row += 1;
        for t in 0..towns {
            let town = DivisionCode::township(county, 100 + t as u16).expect("town code");
            let mut r = RawUnit::new(town, format!("第{c}县{t}镇"), Some(county));
            // Coordinates with all 17 significant digits: the stored JSON must give back
            // the same f64 (a last-digit drift once changed the registry's digest).
            r.seat = Some(Seat {
                village: (villages > 0).then_some(UnitId(row + 1)),
                point: Some(LonLat {
                    lon: 114.0 + f64::from(t + 1).sqrt() / 7.0 + f64::from(c) / 3.0,
                    lat: 38.0 + f64::from(t + 2).ln() / 11.0,
                }),
            });
            r.attrs = pop(1000 * i64::from(t + 1), src);
            b.push(r);
            row += 1;
            for v in 0..villages {
                let vc = DivisionCode::village(town, 200 + v as u16).expect("village code");
                let mut r = RawUnit::new(vc, format!("{t}镇{v}村民委员会"), Some(town));
                r.attrs = pop(100 + i64::from(v), src);
                b.push(r);
                row += 1;
            }
        }
    }
    b.build(d(genesis)).expect("build generated registry").0
}

fn pop(n: i64, source: u32) -> Attrs {
    let mut a = Attrs::new();
    a.insert(
        "pop_hukou".into(),
        AttrValue {
            value: Amount::from_int(n),
            source,
        },
    );
    a
}

/// The township ids of one county, in order.
pub fn towns_of(reg: &Registry, county_no: u32) -> Vec<UnitId> {
    let county = DivisionCode::parse(&format!("1301{:02}", county_no + 2)).expect("county code");
    let cid = reg.unit_by_code(county).expect("county");
    let snap = reg.as_of(reg.events().last().map_or(reg.genesis_date(), |e| e.date));
    snap.children(cid).to_vec()
}

/// Applies a varied batch on `date`: per county (from `first_county`), an 撤销并入 of town 1
/// into town 0, a 合并设立 of towns 2 and 3, a 撤镇设街道 of town 4 and a rename of town 5
/// (as far as the county has towns). Returns the new events.
pub fn apply_batch(
    reg: &mut Registry,
    counties: std::ops::Range<u32>,
    date: &str,
    approval: &str,
) -> Vec<ChangeEvent> {
    let start = reg.events().len();
    for c in counties {
        let t = towns_of(reg, c);
        let mut reqs = Vec::new();
        if t.len() >= 2 {
            reqs.push(ChangeRequest::AbolishMerge {
                abolished: t[1],
                into: t[0],
            });
        }
        if t.len() >= 4 {
            reqs.push(ChangeRequest::MergeEstablish {
                abolished: vec![t[2], t[3]],
                name: format!("新{c}镇"),
                kind: TownshipKind::Town,
                seat: None,
                code: None,
            });
        }
        if t.len() >= 5 {
            reqs.push(ChangeRequest::Convert {
                unit: t[4],
                to: TownshipKind::Subdistrict,
                name: None,
                code: None,
            });
        }
        if t.len() >= 6 {
            reqs.push(ChangeRequest::Rename {
                unit: t[5],
                name: format!("更名{c}镇"),
            });
        }
        for r in reqs {
            reg.apply(r, d(date), approval).expect("apply");
        }
    }
    reg.events()[start..].to_vec()
}

/// Asserts two registries hold the same content and histories.
pub fn assert_same(a: &Registry, b: &Registry) {
    assert_eq!(
        quhua_store::content_digest(a),
        quhua_store::content_digest(b),
        "content digest"
    );
    assert_eq!(a.unit_count(), b.unit_count());
    assert_eq!(a.codes(), b.codes());
    assert_eq!(a.events(), b.events());
    for i in 0..a.unit_count() {
        let id = UnitId(i as u32);
        assert_eq!(a.history(id), b.history(id), "history of {id}");
    }
}

/// Checks `units_as_of` by SQL against `Registry::as_of` on `date`.
pub fn assert_as_of(store: &mut Store, reg: &Registry, date: Date) {
    let sql = store.units_as_of(date).expect("units_as_of");
    let mem = reg.as_of(date);
    assert_eq!(sql.len(), mem.len(), "units in force on {date}");
    assert_eq!(sql.as_slice(), mem.units(), "units in force on {date}");
}

/// A raw connection for tampering and counting (bypassing the store).
pub enum Raw {
    Sqlite(rusqlite::Connection),
    Pg(postgres::Client),
}

impl Raw {
    pub fn open(db: &TestDb) -> Raw {
        Raw::open_url(&db.url)
    }

    pub fn open_url(url: &str) -> Raw {
        match url.strip_prefix("sqlite:") {
            Some(p) => Raw::Sqlite(rusqlite::Connection::open(p).expect("sqlite")),
            None => Raw::Pg(postgres::Client::connect(url, postgres::NoTls).expect("postgres")),
        }
    }

    /// Runs statements; the error text on failure.
    pub fn exec(&mut self, sql: &str) -> Result<(), String> {
        match self {
            Raw::Sqlite(c) => c.execute_batch(sql).map_err(|e| e.to_string()),
            Raw::Pg(c) => c.batch_execute(sql).map_err(|e| format!("{e:?}")),
        }
    }

    /// A single integer.
    pub fn int(&mut self, sql: &str) -> i64 {
        match self {
            Raw::Sqlite(c) => c.query_row(sql, [], |r| r.get(0)).expect(sql),
            Raw::Pg(c) => c.query_one(sql, &[]).expect(sql).get(0),
        }
    }

    /// A single text.
    pub fn text(&mut self, sql: &str) -> String {
        match self {
            Raw::Sqlite(c) => c.query_row(sql, [], |r| r.get(0)).expect(sql),
            Raw::Pg(c) => c.query_one(sql, &[]).expect(sql).get(0),
        }
    }

    /// Row counts of the registry and audit tables.
    pub fn counts(&mut self) -> [i64; 5] {
        ["unit_versions", "codes", "events", "lineage", "audit_log"]
            .map(|t| self.int(&format!("SELECT COUNT(*) FROM {t}")))
    }
}
