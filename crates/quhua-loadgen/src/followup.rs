//! The follow-up supervision (后半篇督办) benchmark on a province-sized synthetic (示意) load:
//! `followup-setup` stores the load and three accounts; `followup` times, through the HTTP
//! API, the board of one county, the province's summary and a county's weekly report —
//! the first request after the server starts (tasks read from the database), then repeated
//! requests (tasks decoded once, kept while nothing changes), then again right after a
//! progress report changed one task.

use crate::stats::{Record, TABLE_HEAD};
use crate::{Client, PASSWORD};
use std::time::Instant;

/// The county whose board and weekly report are timed (synthetic code 130600 + k).
pub const COUNTY: &str = "130601";
/// The province summarised.
pub const PROVINCE: &str = "13";
/// The date the board is shown as of.
pub const DATE: &str = "2022-01-10";
/// The accounts: a provincial reader, a county editor and a lead unit of one county task.
pub const ACCOUNTS: [&str; 3] = ["fu-province", "fu-county", "fu-lead"];

/// Stores the load and the accounts (prints what was stored).
pub fn setup(db: &str, tasks: usize, reports: usize, feedback: usize) -> Result<bool, String> {
    use quhua_server::accounts::{AccountStore, Jurisdiction, Role};
    use quhua_server::auth::password::{self, HashParams};
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let app = quhua_app::App::open(db).map_err(|e| err(&e))?;
    let t = Instant::now();
    let n = quhua_app::followup::seed_synthetic_load(
        &app,
        42,
        tasks,
        reports,
        feedback,
        "quhua-loadgen",
    )
    .map_err(|e| err(&e))?;
    println!(
        "stored {} tasks with {} history entries and {} feedback items over {} counties in {:.1} s (示意 synthetic)",
        n.tasks,
        n.reports,
        n.feedback,
        n.counties,
        t.elapsed().as_secs_f64()
    );
    // The lead of a county task still open today: the account that reports progress.
    let reader = quhua_app::access::Actor::operator("quhua-loadgen");
    let today = chrono::Local::now().date_naive();
    let board = quhua_app::followup::board(&app, &reader, COUNTY, today, &Default::default())
        .map_err(|e| err(&e))?;
    let lead = board
        .rows
        .iter()
        .find(|r| r.status == "in_progress")
        .and_then(|r| r.lead_codes.first().cloned())
        .ok_or("本县没有进行中的任务 / no open task in the county")?;
    let fast = HashParams::insecure_fast();
    let hash = password::hash(PASSWORD, &fast).map_err(|e| err(&e))?;
    let accounts = AccountStore::open(db).map_err(|e| err(&e))?;
    let jur = |code: &str, role| {
        Jurisdiction::parse(code, role).map_err(|(zh, en)| format!("{zh} / {en}"))
    };
    for (name, role, code, org) in [
        (ACCOUNTS[0], Role::ProvinceApprover, PROVINCE, None),
        (ACCOUNTS[1], Role::CountyEditor, COUNTY, None),
        (ACCOUNTS[2], Role::Department, COUNTY, Some(lead.as_str())),
    ] {
        if accounts.find_user(name).map_err(|e| err(&e))?.is_none() {
            accounts
                .create_user_in(name, &hash, role, &jur(code, role)?, org)
                .map_err(|e| err(&e))?;
        }
    }
    println!("accounts {} (lead unit {lead})", ACCOUNTS.join(", "));
    Ok(true)
}

/// One timed request kind.
struct Probe {
    name: &'static str,
    path: String,
    client: usize,
}

/// Times the probes: once cold, `repeat` times warm, once after a write.
pub async fn run(addr: &str, repeat: usize) -> Result<bool, String> {
    let mut clients = Vec::new();
    for a in ACCOUNTS {
        clients.push(Client::login(addr, a).await?);
    }
    let probes = [
        Probe {
            name: "board of one county (GET /api/tasks?scope=130601)",
            path: format!("/api/tasks?scope={COUNTY}&date={DATE}"),
            client: 1,
        },
        Probe {
            name: "province summary (GET /api/tasks/summary?scope=13)",
            path: format!("/api/tasks/summary?scope={PROVINCE}&date={DATE}"),
            client: 0,
        },
        Probe {
            name: "weekly report of the county, DOCX (GET /api/tasks/reports/week)",
            path: format!("/api/tasks/reports/week?scope={COUNTY}&date={DATE}&format=docx"),
            client: 1,
        },
    ];
    let mut ok = true;
    let mut cold = Vec::new();
    for p in &probes {
        let (lat, r) = clients[p.client].send("GET", &p.path, "").await;
        ok &= r.status == 200;
        cold.push((p.name, lat, r.status, r.body.len()));
    }
    let mut warm: Vec<Record> = probes.iter().map(|_| Record::default()).collect();
    for _ in 0..repeat {
        for (i, p) in probes.iter().enumerate() {
            let (lat, r) = clients[p.client].send("GET", &p.path, "").await;
            ok &= r.status == 200;
            warm[i].add(lat, r.status);
        }
    }
    // A lead unit reports progress on one of its county tasks; then each probe once.
    let (_, mine) = clients[2]
        .send(
            "GET",
            &format!("/api/tasks?scope={COUNTY}&mine_first=true"),
            "",
        )
        .await;
    let task = mine.json()["rows"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["mine"] == true && r["status"] == "in_progress")
                .and_then(|r| r["id"].as_str().map(str::to_string))
        })
        .ok_or("找不到本单位进行中的任务 / no open task of the lead unit")?;
    let body =
        serde_json::json!({"action": "progress", "text": "示意 benchmark progress"}).to_string();
    let (write_lat, w) = clients[2]
        .send("POST", &format!("/api/tasks/{task}/actions"), &body)
        .await;
    if w.status != 200 {
        return Err(format!(
            "进度报送 / progress report: {} {}",
            w.status,
            String::from_utf8_lossy(&w.body)
        ));
    }
    let mut after = Vec::new();
    for p in &probes {
        let (lat, r) = clients[p.client].send("GET", &p.path, "").await;
        ok &= r.status == 200;
        after.push((p.name, lat, r.status));
    }
    println!("first request after the server started (tasks read from the database):\n");
    println!("| request | ms | status | bytes |\n|---|---:|---:|---:|");
    for (n, l, s, b) in &cold {
        println!("| {n} | {:.1} | {s} | {b} |", l.as_secs_f64() * 1e3);
    }
    println!(
        "\nrepeated, {repeat} each, one client, sequential (tasks decoded once and kept while nothing changes):\n"
    );
    println!("{TABLE_HEAD}");
    for (p, rec) in probes.iter().zip(&warm) {
        let secs = rec.micros.iter().sum::<u64>() as f64 / 1e6;
        println!("{}", rec.summary(secs).row(p.name));
    }
    println!(
        "\nright after a progress report on task {task} (POST {:.1} ms), which changes the county's and the province's records:\n",
        write_lat.as_secs_f64() * 1e3
    );
    println!("| request | ms | status |\n|---|---:|---:|");
    for (n, l, s) in &after {
        println!("| {n} | {:.1} | {s} |", l.as_secs_f64() * 1e3);
    }
    Ok(ok)
}
