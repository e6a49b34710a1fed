//! Several processes on one database: two real `quhua serve` processes on one PostgreSQL see
//! each other's apply, and a running server shows an apply made by the `quhua` CLI (on
//! PostgreSQL and on SQLite) within a second, without a restart.
//!
//! The servers are the built `quhua` binary, started on port 0 (the address is read from
//! their first line of output) and driven over plain HTTP/1.1. The delay is measured from the
//! apply's answer (the HTTP response, or the CLI process's exit) to the first poll (every
//! 50 ms) in which the other process answers the new townships; more than 1 s fails, and
//! 5 s without them fails as "never shown".
//!
//! PostgreSQL comes from quhua-store's test helper: `QUHUA_TEST_PG_URL`, or a private server
//! started with the local `initdb`/`pg_ctl` (the tests fail, never skip, without one).

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

use quhua_server::auth::password::HashParams;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The demo county.
const COUNTY: &str = "130634";
/// The demo plan that is approved (effective 2026-02-01), see quhua-server's `demo::plans`.
const APPROVED_PLAN: &str = "2";
/// The longest acceptable delay between an apply and another process showing it.
const WITHIN: Duration = Duration::from_secs(1);
/// How long to poll before calling the apply never shown.
const GIVE_UP: Duration = Duration::from_secs(5);
/// Poll interval.
const POLL: Duration = Duration::from_millis(50);

/// A running `quhua serve`; killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Starts `quhua --db URL serve --addr 127.0.0.1:0` and waits for its address.
    fn start(db_url: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quhua"))
            .args(["--db", db_url, "serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start quhua serve");
        let stdout = child.stdout.take().expect("stdout of quhua serve");
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.split("http://").nth(1) {
                        break rest.trim().to_string();
                    }
                }
                _ => {
                    let status = child.wait();
                    panic!("quhua serve exited before listening: {status:?}");
                }
            }
        };
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on a fresh connection (`Connection: close`).
fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        req.push_str("Content-Type: application/json\r\n");
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of the response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        rest = dechunk(&rest);
    }
    Answer {
        status,
        headers,
        body: rest,
    }
}

/// Decodes a chunked body.
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = std::str::from_utf8(&b[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || b.len() < eol + 2 + size {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
}

/// A logged-in user on one server.
struct Session {
    addr: String,
    cookie: String,
    csrf: String,
}

impl Session {
    fn login(server: &Server, username: &str, password: &str) -> Session {
        let body = serde_json::json!({"username": username, "password": password}).to_string();
        let a = http(&server.addr, "POST", "/api/login", &[], &body);
        assert_eq!(
            a.status,
            200,
            "login {username}: {}",
            String::from_utf8_lossy(&a.body)
        );
        let cookie = a
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .expect("session cookie")
            .to_string();
        let csrf = a.json()["csrf_token"]
            .as_str()
            .expect("csrf_token")
            .to_string();
        Session {
            addr: server.addr.clone(),
            cookie,
            csrf,
        }
    }

    fn get(&self, path: &str) -> Answer {
        http(&self.addr, "GET", path, &[("Cookie", &self.cookie)], "")
    }

    fn post(&self, path: &str, body: &str) -> Answer {
        http(
            &self.addr,
            "POST",
            path,
            &[("Cookie", &self.cookie), ("X-CSRF-Token", &self.csrf)],
            body,
        )
    }

    /// The county's townships as (code, name).
    fn townships(&self) -> BTreeSet<(String, String)> {
        let a = self.get(&format!("/api/counties/{COUNTY}/base"));
        assert_eq!(a.status, 200, "base: {}", String::from_utf8_lossy(&a.body));
        a.json()["townships"]
            .as_array()
            .expect("townships")
            .iter()
            .map(|t| {
                (
                    t["code"].as_str().unwrap_or_default().to_string(),
                    t["name"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }
}

/// Polls `s` every 50 ms until its townships differ from `before`: the time from `since` to
/// that poll, and the townships then.
fn changed_after(
    s: &Session,
    before: &BTreeSet<(String, String)>,
    since: Instant,
    what: &str,
) -> (Duration, BTreeSet<(String, String)>) {
    loop {
        let now = s.townships();
        if &now != before {
            return (since.elapsed(), now);
        }
        assert!(
            since.elapsed() < GIVE_UP,
            "{what}: not shown after {GIVE_UP:?} (the registry watch never reloaded)"
        );
        std::thread::sleep(POLL);
    }
}

/// The demo database (registry, plans, accounts) with cheap password hashes.
fn prepare(url: &str) {
    quhua_server::demo::prepare(url, &HashParams::insecure_fast()).expect("demo data");
}

/// Applies the approved demo plan with the CLI; returns the moment it exited.
fn cli_apply(url: &str) -> Instant {
    let out = Command::new(env!("CARGO_BIN_EXE_quhua"))
        .args([
            "--db",
            url,
            "--actor",
            "县民政局",
            "plan",
            "apply",
            APPROVED_PLAN,
        ])
        .output()
        .expect("run quhua plan apply");
    let done = Instant::now();
    assert!(
        out.status.success(),
        "quhua plan apply failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    done
}

/// A plan apply by the CLI shows on a running server within a second.
fn cli_apply_shows(url: &str, what: &str) {
    prepare(url);
    let server = Server::start(url);
    let me = Session::login(&server, "quyang", "quyang-demo-2026");
    let before = me.townships();
    let applied = cli_apply(url);
    let (delay, shown) = changed_after(&me, &before, applied, what);
    eprintln!("{what}: the CLI's apply shown by the server after {delay:?}");
    assert!(
        delay <= WITHIN,
        "{what}: shown after {delay:?}, more than {WITHIN:?}"
    );
    // What it shows is the registry's new state, as a freshly started process reads it.
    let fresh = Server::start(url);
    let expected = Session::login(&fresh, "guest", "guest-demo-2026").townships();
    assert_eq!(shown, expected, "{what}: the server shows another registry");
    assert!(
        expected.len() < before.len(),
        "the demo plan merges townships"
    );
}

#[test]
fn two_servers_on_postgres_see_each_others_apply() {
    let db = pg::PgDatabase::create(&format!("quhua_multiprocess_two_{}", std::process::id()));
    prepare(&db.url);
    let a = Server::start(&db.url);
    let b = Server::start(&db.url);
    let on_a = Session::login(&a, "quyang", "quyang-demo-2026");
    let on_b = Session::login(&b, "guest", "guest-demo-2026");
    let before = on_b.townships();
    assert_eq!(
        before,
        on_a.townships(),
        "both servers start from one registry"
    );

    let r = on_a.post(&format!("/api/plans/{APPROVED_PLAN}/apply"), "");
    let applied = Instant::now();
    assert_eq!(r.status, 200, "apply: {}", String::from_utf8_lossy(&r.body));
    // The applying process shows it at once.
    let expected = on_a.townships();
    assert_ne!(before, expected, "the apply changed no township");
    assert!(
        expected.len() < before.len(),
        "the demo plan merges townships"
    );

    let (delay, shown) = changed_after(&on_b, &before, applied, "second server");
    eprintln!("second server: the first one's apply shown after {delay:?}");
    assert!(
        delay <= WITHIN,
        "shown after {delay:?}, more than {WITHIN:?}"
    );
    assert_eq!(shown, expected, "the second server shows another registry");

    // The plan's board on the second process says applied too, and a second apply there
    // is refused (the registry and the plan moved together).
    let on_b_editor = Session::login(&b, "quyang", "quyang-demo-2026");
    let board = on_b_editor.get(&format!("/api/plans/{APPROVED_PLAN}"));
    assert_eq!(board.status, 200);
    assert_eq!(
        board.json()["plan"]["stage"],
        "applied",
        "the board on the second server"
    );
    let again = on_b_editor.post(&format!("/api/plans/{APPROVED_PLAN}/apply"), "");
    assert!(
        (400..500).contains(&again.status),
        "a second apply on the other server must be refused, got {}: {}",
        again.status,
        String::from_utf8_lossy(&again.body)
    );
}

#[test]
fn cli_apply_shows_on_a_server_on_postgres() {
    let db = pg::PgDatabase::create(&format!("quhua_multiprocess_cli_{}", std::process::id()));
    cli_apply_shows(&db.url, "PostgreSQL");
}

#[test]
fn cli_apply_shows_on_a_server_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("q.db").display());
    cli_apply_shows(&url, "SQLite");
}
