//! `quhua-loadgen`: load generator for a running `quhua serve` (see `bench/load/run.sh`).
//!
//! - `setup --db URL`: the demo database (county, plans, demo accounts) and `--users` bench
//!   accounts `load001…` (county editors of 130634), all with cheap password hashes — for a
//!   throwaway benchmark database only;
//! - `eval --addr HOST:PORT`: `--clients` logged-in clients post evaluations with varying
//!   operations (random merges of one to three township pairs, so a response cache could not
//!   answer them) for `--secs`, closed loop (`--interval-ms 0`) or each client paced to one
//!   request per interval (latency then counts from the scheduled send, so a stalled server
//!   is not hidden); prints p50/p90/p99/max, throughput and the statuses;
//! - `mixed --addr HOST:PORT`: `--editors` read a shared scenario and write it back with the
//!   version read and their own marker appended to its note (409 Conflict is the correct
//!   refusal of a stale version), `--readers` read scenarios and the list; at the end every
//!   scenario is checked for lost updates: its version is 1 + the successful updates, its
//!   note holds exactly the markers of the successful updates, and those updates were based
//!   on versions 1..version, each once (two saved from one base would be a lost update).
//!
//! - `followup-setup --db URL` and `followup --addr HOST:PORT`: the follow-up supervision
//!   benchmark on a province-sized synthetic load (see `bench/followup/run.sh`).
//!
//! The exit status is 1 when a check fails (a non-2xx evaluation, a 5xx, a lost update).

mod followup;
mod http;
mod stats;

use clap::{Parser, Subcommand};
use http::Conn;
use serde_json::{Value, json};
use stats::{Record, TABLE_HEAD};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The demo county.
const COUNTY: &str = "130634";

#[derive(Parser, Debug)]
#[command(
    name = "quhua-loadgen",
    about = "quhua serve 负载测试 / load generator for quhua serve"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// 准备演示数据与压测账号 / prepare the demo data and the bench accounts
    Setup {
        /// 数据库 / database URL (sqlite:PATH or postgres://…)
        #[arg(long)]
        db: String,
        /// 压测账号数 / bench accounts
        #[arg(long, default_value_t = 200)]
        users: usize,
    },
    /// 并发评估 / concurrent evaluations
    Eval {
        #[command(flatten)]
        common: Common,
        /// 并发客户端数 / concurrent clients
        #[arg(long, default_value_t = 200)]
        clients: usize,
        /// 附带乡镇 GeoJSON（与网页界面相同） / ask for the townships' GeoJSON, as the web UI does
        #[arg(long)]
        geojson: bool,
        /// 每客户端请求间隔毫秒，0 为闭环 / per-client interval in ms; 0: closed loop
        #[arg(long, default_value_t = 0)]
        interval_ms: u64,
    },
    /// 编辑与读取混合 / editors and readers
    Mixed {
        #[command(flatten)]
        common: Common,
        /// 编辑者 / editors
        #[arg(long, default_value_t = 50)]
        editors: usize,
        /// 读取者 / readers
        #[arg(long, default_value_t = 150)]
        readers: usize,
        /// 共享方案数 / shared scenarios
        #[arg(long, default_value_t = 5)]
        scenarios: usize,
    },
    /// 督办压测数据（示意）与账号 / store the synthetic follow-up load and its accounts
    FollowupSetup {
        /// 数据库 / database URL
        #[arg(long)]
        db: String,
        /// 任务数 / tasks
        #[arg(long, default_value_t = 100_000)]
        tasks: usize,
        /// 每项任务的进度报告数 / progress reports per task
        #[arg(long, default_value_t = 10)]
        reports: usize,
        /// 群众诉求数 / feedback items
        #[arg(long, default_value_t = 200_000)]
        feedback: usize,
    },
    /// 督办看板、汇总与周报计时 / time the county board, the province summary and the weekly report
    Followup {
        /// 服务地址 / server address HOST:PORT
        #[arg(long)]
        addr: String,
        /// 重复次数 / repetitions
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
}

#[derive(clap::Args, Debug)]
struct Common {
    /// 服务地址 / server address HOST:PORT
    #[arg(long)]
    addr: String,
    /// 计时秒数 / measured seconds
    #[arg(long, default_value_t = 20)]
    secs: u64,
    /// 预热秒数（不计入） / warm-up seconds (not recorded)
    #[arg(long, default_value_t = 2)]
    warmup_secs: u64,
    /// 压测账号数（与 setup 相同） / bench accounts (as given to setup)
    #[arg(long, default_value_t = 200)]
    users: usize,
}

/// The password of every bench account.
const PASSWORD: &str = "load-bench-2026";

fn username(i: usize, users: usize) -> String {
    format!("load{:03}", i % users.max(1) + 1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Setup { db, users } => setup(&db, users),
        Cmd::Eval {
            common,
            clients,
            geojson,
            interval_ms,
        } => runtime().and_then(|rt| rt.block_on(eval(common, clients, geojson, interval_ms))),
        Cmd::Mixed {
            common,
            editors,
            readers,
            scenarios,
        } => runtime().and_then(|rt| rt.block_on(mixed(common, editors, readers, scenarios))),
        Cmd::FollowupSetup {
            db,
            tasks,
            reports,
            feedback,
        } => followup::setup(&db, tasks, reports, feedback),
        Cmd::Followup { addr, repeat } => {
            runtime().and_then(|rt| rt.block_on(followup::run(&addr, repeat)))
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("quhua-loadgen: {e}");
            ExitCode::from(2)
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("运行时 / runtime: {e}"))
}

/// Prepares the demo database and the bench accounts (skipping those that exist).
fn setup(db: &str, users: usize) -> Result<bool, String> {
    use quhua_server::accounts::{AccountStore, Jurisdiction, Role};
    use quhua_server::auth::password::{self, HashParams};
    let fast = HashParams::insecure_fast();
    quhua_server::demo::prepare(db, &fast).map_err(|e| e.to_string())?;
    let accounts = AccountStore::open(db).map_err(|e| e.to_string())?;
    let j = Jurisdiction::parse(COUNTY, Role::CountyEditor)
        .map_err(|(zh, en)| format!("{zh} / {en}"))?;
    let hash = password::hash(PASSWORD, &fast).map_err(|e| e.to_string())?;
    let mut made = 0;
    for i in 0..users {
        let name = username(i, users);
        if accounts
            .find_user(&name)
            .map_err(|e| e.to_string())?
            .is_none()
        {
            accounts
                .create_user(&name, &hash, Role::CountyEditor, &j)
                .map_err(|e| e.to_string())?;
            made += 1;
        }
    }
    println!("demo data ready; {made} bench accounts created ({users} in all)");
    Ok(true)
}

/// A logged-in client on its own keep-alive connection.
struct Client {
    conn: Conn,
    cookie: String,
    csrf: String,
}

impl Client {
    async fn login(addr: &str, user: &str) -> Result<Client, String> {
        let mut conn = Conn::new(addr);
        let body = json!({"username": user, "password": PASSWORD}).to_string();
        let r = conn
            .request("POST", "/api/login", &[], body.as_bytes())
            .await
            .map_err(|e| format!("登录 / login {user}: {e}"))?;
        if r.status != 200 {
            return Err(format!(
                "登录 / login {user}: {} {}",
                r.status,
                String::from_utf8_lossy(&r.body)
            ));
        }
        let cookie = r
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .ok_or("登录未返回会话 / login set no session cookie")?
            .to_string();
        let csrf = r.json()["csrf_token"]
            .as_str()
            .ok_or("登录未返回 CSRF / login gave no csrf_token")?
            .to_string();
        Ok(Client { conn, cookie, csrf })
    }

    /// One request; the latency and the answer (status 0 when the connection failed).
    async fn send(&mut self, method: &str, path: &str, body: &str) -> (Duration, http::Response) {
        let t = Instant::now();
        let headers = [
            ("Cookie", self.cookie.as_str()),
            ("X-CSRF-Token", self.csrf.as_str()),
        ];
        let r = self
            .conn
            .request(method, path, &headers, body.as_bytes())
            .await
            .unwrap_or_else(|e| http::Response {
                status: 0,
                headers: Vec::new(),
                body: e.to_string().into_bytes(),
            });
        (t.elapsed(), r)
    }
}

/// Logs in `n` clients, user `first + i`, a few at a time.
async fn login_all(
    addr: &str,
    first: usize,
    n: usize,
    users: usize,
) -> Result<Vec<Client>, String> {
    let mut out = Vec::with_capacity(n);
    for chunk in (0..n).collect::<Vec<_>>().chunks(16) {
        let mut set = tokio::task::JoinSet::new();
        for &i in chunk {
            let addr = addr.to_string();
            let user = username(first + i, users);
            set.spawn(async move { (i, Client::login(&addr, &user).await) });
        }
        let mut got: Vec<(usize, Client)> = Vec::new();
        while let Some(r) = set.join_next().await {
            let (i, c) = r.map_err(|e| e.to_string())?;
            got.push((i, c?));
        }
        got.sort_by_key(|(i, _)| *i);
        out.extend(got.into_iter().map(|(_, c)| c));
    }
    Ok(out)
}

/// xorshift64*: enough randomness to vary operations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One to three merges of distinct township pairs.
fn random_ops(rng: &mut Rng, townships: &[String]) -> Value {
    let mut idx: Vec<usize> = (0..townships.len()).collect();
    let pairs = 1 + rng.below(3).min(townships.len() / 2 - 1);
    for i in 0..(2 * pairs).min(idx.len()) {
        let j = i + rng.below(idx.len() - i);
        idx.swap(i, j);
    }
    let ops: Vec<Value> = (0..pairs)
        .map(|p| {
            json!({"op": "merge", "units": [townships[idx[2 * p]]], "into": townships[idx[2 * p + 1]]})
        })
        .collect();
    json!({ "ops": ops })
}

/// The demo county's township names.
async fn township_names(c: &mut Client) -> Result<Vec<String>, String> {
    let (_, r) = c
        .send("GET", &format!("/api/counties/{COUNTY}/base"), "")
        .await;
    if r.status != 200 {
        return Err(format!(
            "base: {} {}",
            r.status,
            String::from_utf8_lossy(&r.body)
        ));
    }
    let names: Vec<String> = r.json()["townships"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if names.len() < 4 {
        return Err(format!(
            "县 {COUNTY} 乡镇过少 / too few townships in {COUNTY}"
        ));
    }
    Ok(names)
}

fn unix_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The evaluation run.
async fn eval(c: Common, clients: usize, geojson: bool, interval_ms: u64) -> Result<bool, String> {
    let mut all = login_all(&c.addr, 0, clients, c.users).await?;
    let names = Arc::new(township_names(&mut all[0]).await?);
    let path = Arc::new(format!(
        "/api/counties/{COUNTY}/evaluate{}",
        if geojson { "?geojson=1" } else { "" }
    ));
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(c.warmup_secs);
    let end = measure_from + Duration::from_secs(c.secs);
    let interval = Duration::from_millis(interval_ms);
    let seed = unix_nanos();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut client) in all.into_iter().enumerate() {
        let names = names.clone();
        let path = path.clone();
        set.spawn(async move {
            let mut rng = Rng::new(seed ^ (i as u64 + 1));
            let mut rec = Record::default();
            let mut bad: Option<String> = None;
            // Paced clients start at random phases within one interval.
            let mut next = start
                + if interval.is_zero() {
                    Duration::ZERO
                } else {
                    Duration::from_micros(rng.next() % interval.as_micros().max(1) as u64)
                };
            loop {
                if !interval.is_zero() {
                    tokio::time::sleep_until(next.into()).await;
                }
                let sent = if interval.is_zero() {
                    Instant::now()
                } else {
                    next
                };
                if sent >= end {
                    break;
                }
                let body = random_ops(&mut rng, &names).to_string();
                let (_, r) = client.send("POST", &path, &body).await;
                let latency = sent.elapsed();
                if sent >= measure_from {
                    rec.add(latency, r.status);
                    if !(200..300).contains(&r.status) && bad.is_none() {
                        bad = Some(format!(
                            "{} {}: {}",
                            r.status,
                            body,
                            String::from_utf8_lossy(&r.body[..r.body.len().min(300)])
                        ));
                    }
                }
                next += interval;
            }
            (rec, bad, client.conn.connects)
        });
    }
    let mut rec = Record::default();
    let mut first_bad = None;
    let mut connects = 0;
    while let Some(r) = set.join_next().await {
        let (r, bad, n) = r.map_err(|e| e.to_string())?;
        rec.merge(r);
        connects += n;
        if first_bad.is_none() {
            first_bad = bad;
        }
    }
    let s = rec.summary(c.secs as f64);
    let mode = if interval.is_zero() {
        "closed loop (each client sends its next request as soon as the answer arrives)".to_string()
    } else {
        format!(
            "paced: each client one request every {interval_ms} ms (offered {:.0} req/s; latency from the scheduled send)",
            clients as f64 * 1000.0 / interval_ms as f64
        )
    };
    println!(
        "evaluation: {clients} clients, {mode}, geojson={geojson}, {} s measured after {} s warm-up, {connects} connections",
        c.secs, c.warmup_secs
    );
    println!();
    println!("{TABLE_HEAD}");
    println!("{}", s.row("POST evaluate"));
    println!();
    let non2xx = rec.others(&[200]);
    println!("non-2xx: {non2xx}");
    if let Some(b) = first_bad {
        println!("first non-2xx: {b}");
    }
    Ok(non2xx == 0)
}

/// A successful update: scenario, marker, the version it was based on and the version its
/// answer showed (the scenario as read back after the commit: another editor's later
/// update may already be in it, so that may be higher than base + 1).
type Success = (i64, String, i64, i64);

/// What one editor saw.
#[derive(Default)]
struct EditorLog {
    get: Record,
    put_ok: Record,
    put_conflict: Record,
    put_other: Record,
    /// Each successful update: (scenario, marker, version it was based on, version answered).
    successes: Vec<Success>,
    /// Updates whose outcome is unknown (the connection failed).
    unknown: u64,
    first_error: Option<String>,
}

/// The mixed run.
async fn mixed(
    c: Common,
    editors: usize,
    readers: usize,
    scenarios: usize,
) -> Result<bool, String> {
    let eds = login_all(&c.addr, 0, editors, c.users).await?;
    let rds = login_all(&c.addr, editors, readers, c.users).await?;
    let mut admin = Client::login(&c.addr, &username(0, c.users)).await?;
    let tag = unix_nanos() % 1_000_000;
    let mut ids = Vec::new();
    for k in 0..scenarios.max(1) {
        let body =
            json!({"name": format!("load-{tag}-{k}"), "county": COUNTY, "ops": [], "note": ""});
        let (_, r) = admin
            .send("POST", "/api/scenarios", &body.to_string())
            .await;
        let id = r.json()["id"].as_i64();
        match (r.status, id) {
            (201, Some(id)) => ids.push(id),
            _ => {
                return Err(format!(
                    "新建方案 / create scenario: {} {}",
                    r.status,
                    String::from_utf8_lossy(&r.body)
                ));
            }
        }
    }
    let ids = Arc::new(ids);
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(c.warmup_secs);
    let end = measure_from + Duration::from_secs(c.secs);

    let mut editor_tasks = tokio::task::JoinSet::new();
    for (e, mut client) in eds.into_iter().enumerate() {
        let id = ids[e % ids.len()];
        editor_tasks.spawn(async move {
            let mut log = EditorLog::default();
            let path = format!("/api/scenarios/{id}");
            let mut k = 0u64;
            while Instant::now() < end {
                let measured = Instant::now() >= measure_from;
                let (lat, r) = client.send("GET", &path, "").await;
                if measured {
                    log.get.add(lat, r.status);
                }
                if r.status != 200 {
                    log.first_error
                        .get_or_insert_with(|| format!("GET {path}: {}", r.status));
                    continue;
                }
                let cur = r.json();
                let marker = format!("e{e}.{k}");
                k += 1;
                let note = format!("{}{marker};", cur["note"].as_str().unwrap_or(""));
                let base = cur["version"].as_i64().unwrap_or(-1);
                let body = json!({
                    "expected_version": base,
                    "name": cur["name"],
                    "ops": cur["ops"],
                    "policy": cur["policy"],
                    "note": note,
                });
                let (lat, r) = client.send("PUT", &path, &body.to_string()).await;
                match r.status {
                    200 => {
                        if measured {
                            log.put_ok.add(lat, r.status);
                        }
                        let v = r.json()["version"].as_i64().unwrap_or(-1);
                        log.successes.push((id, marker, base, v));
                    }
                    409 => {
                        if measured {
                            log.put_conflict.add(lat, r.status);
                        }
                    }
                    s => {
                        if s == 0 {
                            log.unknown += 1;
                        }
                        log.put_other.add(lat, s);
                        log.first_error.get_or_insert_with(|| {
                            format!(
                                "PUT {path}: {s} {}",
                                String::from_utf8_lossy(&r.body[..r.body.len().min(300)])
                            )
                        });
                    }
                }
            }
            log
        });
    }
    let mut reader_tasks = tokio::task::JoinSet::new();
    for (i, mut client) in rds.into_iter().enumerate() {
        let ids = ids.clone();
        let seed = unix_nanos() ^ (i as u64 + 7);
        reader_tasks.spawn(async move {
            let mut rng = Rng::new(seed);
            let (mut one, mut list) = (Record::default(), Record::default());
            while Instant::now() < end {
                let measured = Instant::now() >= measure_from;
                if rng.below(5) == 0 {
                    let (lat, r) = client
                        .send("GET", &format!("/api/scenarios?county={COUNTY}"), "")
                        .await;
                    if measured {
                        list.add(lat, r.status);
                    }
                } else {
                    let id = ids[rng.below(ids.len())];
                    let (lat, r) = client
                        .send("GET", &format!("/api/scenarios/{id}"), "")
                        .await;
                    if measured {
                        one.add(lat, r.status);
                    }
                }
            }
            (one, list)
        });
    }
    let mut get = Record::default();
    let mut put_ok = Record::default();
    let mut put_conflict = Record::default();
    let mut put_other = Record::default();
    let mut successes: Vec<Success> = Vec::new();
    let mut unknown = 0;
    let mut first_error = None;
    while let Some(r) = editor_tasks.join_next().await {
        let log = r.map_err(|e| e.to_string())?;
        get.merge(log.get);
        put_ok.merge(log.put_ok);
        put_conflict.merge(log.put_conflict);
        put_other.merge(log.put_other);
        successes.extend(log.successes);
        unknown += log.unknown;
        if first_error.is_none() {
            first_error = log.first_error;
        }
    }
    let (mut read_one, mut read_list) = (Record::default(), Record::default());
    while let Some(r) = reader_tasks.join_next().await {
        let (one, list) = r.map_err(|e| e.to_string())?;
        read_one.merge(one);
        read_list.merge(list);
    }

    // The lost-update check, per scenario.
    let mut by_id: BTreeMap<i64, Vec<(String, i64, i64)>> = BTreeMap::new();
    for (id, m, base, answered) in &successes {
        by_id
            .entry(*id)
            .or_default()
            .push((m.clone(), *base, *answered));
    }
    let mut problems = Vec::new();
    for &id in ids.iter() {
        let (_, r) = admin.send("GET", &format!("/api/scenarios/{id}"), "").await;
        if r.status != 200 {
            problems.push(format!("scenario {id}: final GET {}", r.status));
            continue;
        }
        let fin = r.json();
        let version = fin["version"].as_i64().unwrap_or(-1);
        let mut in_note: Vec<String> = fin["note"]
            .as_str()
            .unwrap_or("")
            .split(';')
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect();
        let ok = by_id.remove(&id).unwrap_or_default();
        let mut markers: Vec<String> = ok.iter().map(|(m, _, _)| m.clone()).collect();
        let expected_version = 1 + markers.len() as i64;
        if version != expected_version {
            problems.push(format!(
                "scenario {id}: version {version}, but 1 + {} successful updates = {expected_version}",
                markers.len()
            ));
        }
        in_note.sort();
        markers.sort();
        if in_note != markers {
            let lost: Vec<&String> = markers.iter().filter(|m| !in_note.contains(m)).collect();
            problems.push(format!(
                "scenario {id}: the note holds {} markers, {} updates succeeded; lost: {:?}",
                in_note.len(),
                markers.len(),
                &lost[..lost.len().min(10)]
            ));
        }
        // Two updates saved from one base version would be a lost update.
        let mut written: Vec<i64> = ok.iter().map(|(_, base, _)| base + 1).collect();
        written.sort_unstable();
        if written != (2..=version).collect::<Vec<_>>() {
            let mut dup = written.clone();
            dup.dedup();
            problems.push(format!(
                "scenario {id}: the saved updates were based on versions other than 1..{version} once each ({} updates, {} distinct bases)",
                written.len(),
                dup.len()
            ));
        }
        if let Some((m, base, answered)) = ok.iter().find(|(_, base, answered)| answered <= base) {
            problems.push(format!(
                "scenario {id}: update {m} based on version {base} answered version {answered}"
            ));
        }
    }
    if unknown > 0 {
        problems.push(format!(
            "{unknown} updates with unknown outcome (connection failed)"
        ));
    }
    let server_errors = get.server_errors()
        + put_ok.server_errors()
        + put_other.server_errors()
        + read_one.server_errors()
        + read_list.server_errors();
    if server_errors > 0 {
        problems.push(format!("{server_errors} answers 5xx or none"));
    }
    let other =
        get.others(&[200]) + put_other.count() + read_one.others(&[200]) + read_list.others(&[200]);

    let secs = c.secs as f64;
    println!(
        "mixed: {editors} editors on {} shared scenarios, {readers} readers, {} s measured after {} s warm-up",
        ids.len(),
        c.secs,
        c.warmup_secs
    );
    println!();
    println!("{TABLE_HEAD}");
    println!("{}", get.summary(secs).row("editor GET scenario"));
    println!("{}", put_ok.summary(secs).row("editor PUT → 200 (saved)"));
    println!(
        "{}",
        put_conflict
            .summary(secs)
            .row("editor PUT → 409 (stale version refused)")
    );
    if put_other.count() > 0 {
        println!("{}", put_other.summary(secs).row("editor PUT → other"));
    }
    println!("{}", read_one.summary(secs).row("reader GET scenario"));
    println!(
        "{}",
        read_list.summary(secs).row("reader GET scenario list")
    );
    println!();
    println!(
        "updates over the whole run (warm-up included): {} saved, checked against the final scenarios",
        successes.len()
    );
    println!("unexpected statuses (not 200, not a 409 refusal): {other}");
    if let Some(e) = first_error {
        println!("first unexpected answer: {e}");
    }
    if problems.is_empty() {
        println!(
            "lost-update check: PASS (every scenario's version = 1 + its saved updates; its note holds exactly their markers; the saved updates were based on versions 1..N-1, each once; each answered a newer version than its base); 5xx: 0"
        );
    } else {
        println!("lost-update check: FAIL");
        for p in &problems {
            println!("- {p}");
        }
    }
    Ok(problems.is_empty() && other == 0)
}
