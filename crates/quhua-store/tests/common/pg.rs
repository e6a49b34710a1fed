//! A throwaway PostgreSQL for tests.
//!
//! With `QUHUA_TEST_PG_URL` set (e.g. `postgres://postgres@127.0.0.1:5432/postgres`, a role
//! allowed to CREATE DATABASE), each test gets a fresh database on that server. Otherwise a
//! private server is started: `initdb` into a temp dir (`-A trust -U postgres`), `pg_ctl start`
//! on a free port with its socket in the temp dir; as root, both run as the `postgres` user
//! via `runuser`. The server is shared by the tests of one binary and stopped when the last
//! database guard is dropped. Without PostgreSQL binaries the tests FAIL (never skip).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, Weak};

/// A database created for one test; dropped (and the server released) with it.
pub struct PgDatabase {
    /// Its URL.
    pub url: String,
    name: String,
    admin_url: String,
    _server: Option<Arc<PgServer>>,
}

impl PgDatabase {
    /// Creates database `name`.
    pub fn create(name: &str) -> PgDatabase {
        let (admin_url, server) = match std::env::var("QUHUA_TEST_PG_URL") {
            Ok(u) if !u.trim().is_empty() => (u.trim().to_string(), None),
            _ => {
                let s = server();
                (s.url("postgres"), Some(s))
            }
        };
        let mut admin = postgres::Client::connect(&admin_url, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to PostgreSQL at {admin_url}: {e}"));
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e:?}"));
        PgDatabase {
            url: with_database(&admin_url, name),
            name: name.to_string(),
            admin_url,
            _server: server,
        }
    }

    /// Creates database `name` as a copy of this one (`CREATE DATABASE … TEMPLATE`); no one
    /// may be connected to this one meanwhile.
    pub fn copy_to(&self, name: &str) -> PgDatabase {
        let mut admin =
            postgres::Client::connect(&self.admin_url, postgres::NoTls).expect("admin connection");
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {}", self.name))
            .unwrap_or_else(|e| panic!("CREATE DATABASE {name} TEMPLATE {}: {e:?}", self.name));
        PgDatabase {
            url: with_database(&self.admin_url, name),
            name: name.to_string(),
            admin_url: self.admin_url.clone(),
            _server: self._server.clone(),
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `url` with its database name replaced.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{db}?{q}"),
        None => format!("{host_part}/{db}"),
    }
}

/// A private PostgreSQL server in a temp dir.
pub struct PgServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    run_as: Option<String>,
    port: u16,
}

static SERVER: Mutex<Weak<PgServer>> = Mutex::new(Weak::new());

/// The shared server, started if none is running.
pub fn server() -> Arc<PgServer> {
    let mut slot = SERVER.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = slot.upgrade() {
        return s;
    }
    let s = Arc::new(PgServer::start());
    *slot = Arc::downgrade(&s);
    s
}

/// The directory holding initdb, pg_ctl and postgres.
fn find_bin() -> PathBuf {
    let has_all = |d: &Path| {
        ["initdb", "pg_ctl", "postgres"]
            .iter()
            .all(|b| d.join(b).is_file())
    };
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/usr/lib/postgresql") {
        let mut versions: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("bin"))
            .collect();
        versions.sort();
        candidates.extend(versions.into_iter().rev());
    }
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path));
    }
    candidates.into_iter().find(|d| has_all(d)).unwrap_or_else(|| {
        panic!(
            "PostgreSQL tests need a server: set QUHUA_TEST_PG_URL, or install PostgreSQL so that \
             initdb, pg_ctl and postgres are in PATH or /usr/lib/postgresql/*/bin \
             (Debian/Ubuntu: apt-get install postgresql)"
        )
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl PgServer {
    fn command(&self, prog: &str) -> Command {
        let exe = self.bin.join(prog);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }

    fn run(&self, prog: &str, args: &[&str]) -> Result<(), String> {
        let out = self
            .command(prog)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run {prog}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{prog} {args:?} failed: {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    fn start() -> PgServer {
        PgServer::start_with(false)
    }

    /// A private server of its own (not shared) with the default durability settings
    /// (`fsync`, `synchronous_commit` and `full_page_writes` on), for crash tests.
    pub fn durable() -> PgServer {
        PgServer::start_with(true)
    }

    /// The server's options (`-o` of `pg_ctl start`).
    fn options(&self, durable: bool) -> String {
        let sock = self.dir.path().to_string_lossy().to_string();
        let speed = if durable {
            ""
        } else {
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        };
        format!(
            "-p {} -k {sock} -c listen_addresses=127.0.0.1 -c max_connections=200{speed}",
            self.port
        )
    }

    /// Kills every process of the server with SIGKILL (the postmaster and its backends), as a
    /// crash would; nothing is shut down or written by the server.
    pub fn crash(&self) {
        let pidfile = self.dir.path().join("data").join("postmaster.pid");
        let text = std::fs::read_to_string(&pidfile).expect("postmaster.pid");
        let pid = text.lines().next().unwrap_or_default().trim().to_string();
        let children = Command::new("pgrep")
            .args(["-P", &pid])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default();
        let mut pids: Vec<String> = children.split_whitespace().map(str::to_string).collect();
        pids.push(pid.clone());
        // A backend may end on its own between the listing and the kill: `kill` then fails
        // for that one only, so its status is not checked; the postmaster's end is.
        let _ = Command::new("kill").arg("-9").args(&pids).status();
        // Wait until the postmaster is gone.
        for _ in 0..200 {
            if !Path::new(&format!("/proc/{pid}")).exists() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("postmaster {pid} still alive after SIGKILL");
    }

    /// Starts the server again on the same data directory and port after [`PgServer::crash`]
    /// (it replays its write-ahead log first).
    pub fn restart(&self) {
        // Backends notice the postmaster's death and exit; until they have, the shared memory
        // is still held.
        let mut last = String::new();
        for _ in 0..40 {
            match self.pg_ctl_start(true) {
                Ok(()) => return,
                Err(e) => last = e,
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        panic!("PostgreSQL did not start again: {last}\n{}", self.log());
    }

    /// `pg_ctl start` on this server's data directory, port and log.
    fn pg_ctl_start(&self, durable: bool) -> Result<(), String> {
        let data = self.dir.path().join("data").to_string_lossy().to_string();
        let log = self
            .dir
            .path()
            .join("server.log")
            .to_string_lossy()
            .to_string();
        let opts = self.options(durable);
        self.run(
            "pg_ctl",
            &[
                "-D", &data, "-l", &log, "-w", "-t", "60", "-o", &opts, "start",
            ],
        )
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    fn start_with(durable: bool) -> PgServer {
        let bin = find_bin();
        let run_as = is_root().then(|| "postgres".to_string());
        let dir = tempfile::Builder::new()
            .prefix("quhua-pg-")
            .tempdir()
            .expect("temp dir for PostgreSQL");
        if let Some(user) = &run_as {
            let ok = Command::new("chown")
                .args([&format!("{user}:"), dir.path().to_str().unwrap_or_default()])
                .status()
                .is_ok_and(|s| s.success());
            assert!(
                ok,
                "running as root: PostgreSQL must run as the '{user}' user, but chown of the data dir to it failed \
                 (create the user, e.g. apt-get install postgresql does, or set QUHUA_TEST_PG_URL)"
            );
        }
        let mut s = PgServer {
            dir,
            bin,
            run_as,
            port: 0,
        };
        let data = s.dir.path().join("data");
        let data_s = data.to_string_lossy().to_string();
        s.run(
            "initdb",
            &[
                "-D",
                &data_s,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
            ]
            .into_iter()
            .chain((!durable).then_some("--no-sync"))
            .collect::<Vec<_>>(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut last_err = String::new();
        for _ in 0..5 {
            s.port = free_port();
            match s.pg_ctl_start(durable) {
                Ok(()) => return s,
                Err(e) => last_err = format!("{e}\n{}", s.log()),
            }
        }
        panic!("could not start PostgreSQL: {last_err}");
    }

    /// URL of database `db` on this server.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        let data = self.dir.path().join("data").to_string_lossy().to_string();
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }
}
