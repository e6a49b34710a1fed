//! `quhua tasks …` on `quhua import demo`: the board as JSON (the members the issue names) as
//! of two past days, each light as an independent derivation from the stored tasks finds it;
//! an extension after the deadline refused; a report verified only by another account; a
//! malformed plan refused with its line, nothing stored; the inbox.

#[path = "../../quhua-workflow/tests/common/lights.rs"]
mod lights;

use quhua_store::{Filed, Store};
use quhua_workflow::calendar::Calendar;
use quhua_workflow::tasks::{Light, SupervisionConfig, Task};
use serde_json::Value;
use std::process::{Command, Output};

fn quhua(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quhua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run quhua")
}

fn ok(db: &str, args: &[&str]) -> String {
    let o = quhua(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn refused(db: &str, args: &[&str]) -> String {
    let o = quhua(db, args);
    assert!(!o.status.success(), "{args:?} should fail");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn board(db: &str, date: &str) -> Vec<Value> {
    let out = ok(db, &["tasks", "board", "--date", date, "--json"]);
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn tasks(db: &str) -> Vec<Task> {
    Store::open(db)
        .unwrap()
        .list::<Filed<Task>>("")
        .unwrap()
        .into_iter()
        .map(|r| r.body.body)
        .collect()
}

#[test]
fn task_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("t.db").display());
    ok(&db, &["import", "demo"]);
    let stored = tasks(&db);
    assert_eq!(stored.iter().filter(|t| t.parent.is_none()).count(), 24);

    let ids: Vec<&str> = Light::ALL.iter().map(|l| l.id()).collect();
    for date in ["2021-06-30", "2022-01-10"] {
        let rows = board(&db, date);
        assert_eq!(rows.len(), stored.len());
        let day = quhua_core::date::parse_date(date).unwrap();
        for (row, t) in rows.iter().zip(&stored) {
            for key in ["id", "title", "lead", "due", "light", "progress"] {
                assert!(!row[key].is_null(), "{key} missing in {row}");
            }
            assert!(ids.contains(&row["light"].as_str().unwrap()));
            let want =
                lights::expected_light(t, day, &Calendar::china(), &SupervisionConfig::default());
            assert_eq!(row["id"], t.id.as_str());
            assert_eq!(row["light"], want.id(), "{} on {date}", t.id);
        }
    }

    // 6.4 is overdue on 2026-07-10 (after the demo’s synthetic history): an extension then is refused.
    let e = refused(
        &db,
        &[
            "tasks",
            "extend",
            "6.4",
            "--to",
            "2026-12-31",
            "--reason",
            "资金未到位",
            "--org",
            "gy-transport",
            "--date",
            "2026-07-10",
        ],
    );
    assert!(e.contains("期限") || e.contains("deadline"), "{e}");
    // A unit that does not lead it cannot report.
    refused(
        &db,
        &[
            "tasks",
            "report-done",
            "6.4",
            "--text",
            "完成",
            "--org",
            "gy-staffing",
            "--date",
            "2026-07-10",
        ],
    );
    // Reported done by one account, with a file …
    let pdf = dir.path().join("验收.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%test\n").unwrap();
    ok(
        &db,
        &[
            "--actor",
            "liu",
            "tasks",
            "report-done",
            "6.4",
            "--text",
            "已完成",
            "--file",
            pdf.to_str().unwrap(),
            "--org",
            "gy-transport",
            "--date",
            "2026-07-10",
        ],
    );
    let inbox = ok(
        &db,
        &[
            "tasks",
            "inbox",
            "--org",
            "gy-office",
            "--date",
            "2026-07-11",
            "--json",
        ],
    );
    let inbox: Value = serde_json::from_str(&inbox).unwrap();
    assert!(
        inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["task"] == "6.4" && i["kind"] == "to_verify")
    );
    // … the same account cannot close it, even for the office; another one can.
    let e = refused(
        &db,
        &[
            "--actor",
            "liu",
            "tasks",
            "close",
            "6.4",
            "--org",
            "gy-office",
            "--date",
            "2026-07-11",
        ],
    );
    assert!(!e.is_empty());
    ok(
        &db,
        &[
            "--actor",
            "wang",
            "tasks",
            "close",
            "6.4",
            "--org",
            "gy-office",
            "--date",
            "2026-07-11",
        ],
    );
    let after = board(&db, "2026-07-12");
    let row = after.iter().find(|r| r["id"] == "6.4").unwrap();
    assert_eq!(row["light"], "done");
    // The board of a day before the closure still shows it open.
    let before = board(&db, "2026-07-09");
    let row = before.iter().find(|r| r["id"] == "6.4").unwrap();
    assert_ne!(row["light"], "done");

    // A malformed plan: refused with its file and line, nothing stored.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[plan]\ntitle = \"x\"\nsupervisor = \"nobody\"\nstart = \"2021-04-01\"\n",
    )
    .unwrap();
    let n = tasks(&db).len();
    let e = refused(&db, &["tasks", "import", bad.to_str().unwrap()]);
    assert!(e.contains("bad.toml"), "{e}");
    assert_eq!(tasks(&db).len(), n);

    // The workbook template (the seed plan) imports like the TOML plan, under a prefix.
    let xlsx = dir.path().join("plan.xlsx");
    ok(&db, &["tasks", "template", "--out", xlsx.to_str().unwrap()]);
    let x = xlsx.to_str().unwrap();
    let plan_toml = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/demo/followup-tasks.toml"
    );
    let seed =
        quhua_workflow::tasks::import_plan("p", &std::fs::read_to_string(plan_toml).unwrap())
            .unwrap()
            .tasks
            .len();
    ok(&db, &["tasks", "import", x, "--prefix", "X", "--check"]);
    assert_eq!(tasks(&db).len(), n, "a check stores nothing");
    ok(&db, &["tasks", "import", x, "--prefix", "X"]);
    let filed: Vec<Task> = tasks(&db)
        .into_iter()
        .filter(|t| t.id.starts_with("X."))
        .collect();
    assert_eq!(filed.len(), seed, "every task of the seed plan, once");
    assert!(
        filed
            .iter()
            .any(|t| t.id == "X.6.1" && t.parent.as_deref() == Some("X.6"))
    );
    // Filing it again is refused, naming the ids taken.
    let e = refused(&db, &["tasks", "import", x, "--prefix", "X"]);
    assert!(e.contains("X.1"), "{e}");

    // The summary: each county's count as the board's rows give it.
    let out = ok(
        &db,
        &[
            "tasks",
            "summary",
            "--scope",
            "5108",
            "--date",
            "2022-01-10",
            "--json",
        ],
    );
    let o: Value = serde_json::from_str(&out).unwrap();
    let rows = board(&db, "2022-01-10");
    assert_eq!(o["total"].as_u64(), Some(rows.len() as u64));
    for c in o["by_county"].as_array().unwrap() {
        let code = c["key"].as_str().unwrap();
        let want = rows
            .iter()
            .filter(|r| {
                r["divisions"]
                    .as_array()
                    .is_some_and(|d| d.iter().any(|d| d.as_str().unwrap().starts_with(code)))
            })
            .count();
        assert_eq!(c["total"].as_u64(), Some(want as u64), "{code}");
    }
}

/// The deployment's supervision settings: set from a TOML file, they change the lights as an
/// independent derivation with the same settings gives them; a bad file is refused naming
/// it and changes nothing.
#[test]
fn supervision_settings_change_the_lights() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("s.db").display());
    ok(&db, &["import", "demo"]);
    let day = "2021-06-30";
    let blue = |rows: &[Value]| rows.iter().filter(|r| r["light"] == "blue").count();
    let before = blue(&board(&db, day));
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[light]\nbehind_tolerance = 2\n").unwrap();
    let e = refused(&db, &["tasks", "settings", "--set", bad.to_str().unwrap()]);
    assert!(e.contains("bad.toml"), "{e}");
    assert!(ok(&db, &["--lang", "en", "tasks", "settings"]).contains("default"));
    let good = dir.path().join("supervision.toml");
    let text = "[light]\nblue_within = 200\nblue_in_working_days = false\n\n[escalation]\ncircular_after_working_days = 3\n";
    std::fs::write(&good, text).unwrap();
    ok(&db, &["tasks", "settings", "--set", good.to_str().unwrap()]);
    let shown = ok(&db, &["--lang", "en", "tasks", "settings"]);
    assert!(
        shown.contains("stored") && shown.contains("blue_within = 200"),
        "{shown}"
    );
    let cfg = SupervisionConfig::from_toml(text).unwrap();
    let rows = board(&db, day);
    assert!(
        blue(&rows) > before,
        "a 200-day window turns more tasks blue"
    );
    let d = quhua_core::date::parse_date(day).unwrap();
    for t in tasks(&db) {
        let want = lights::expected_light(&t, d, &Calendar::china(), &cfg);
        let row = rows.iter().find(|r| r["id"] == t.id.as_str()).unwrap();
        assert_eq!(row["light"], want.id(), "task {}", t.id);
    }
}

/// A local SMTP sink and an HTTP sink on ephemeral ports, recording what they receive.
mod sinks {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    pub type Inbox = Arc<Mutex<Vec<String>>>;

    /// Answers SMTP like a relay: 220, 250 to EHLO/MAIL/RCPT, 354 to DATA, the message up to
    /// the lone dot, 250, 221 to QUIT.
    pub fn smtp() -> (String, Inbox) {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let got: Inbox = Arc::default();
        let g = got.clone();
        std::thread::spawn(move || {
            for s in l.incoming().flatten() {
                let mut w = s.try_clone().unwrap();
                let mut r = BufReader::new(s);
                w.write_all(b"220 sink ESMTP\r\n").unwrap();
                let mut msg = String::new();
                let mut in_data = false;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    if in_data {
                        if line == ".\r\n" {
                            in_data = false;
                            g.lock().unwrap().push(std::mem::take(&mut msg));
                            w.write_all(b"250 queued\r\n").unwrap();
                        } else {
                            msg.push_str(&line);
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    if cmd.starts_with("DATA") {
                        in_data = true;
                        w.write_all(b"354 go ahead\r\n").unwrap();
                    } else if cmd.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").unwrap();
                        break;
                    } else {
                        msg.push_str(&line);
                        w.write_all(b"250 ok\r\n").unwrap();
                    }
                }
            }
        });
        (addr, got)
    }

    /// Answers every POST with 200 and records its body.
    pub fn http() -> (String, Inbox) {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap().to_string();
        let got: Inbox = Arc::default();
        let g = got.clone();
        std::thread::spawn(move || {
            for s in l.incoming().flatten() {
                let mut w = s.try_clone().unwrap();
                let mut r = BufReader::new(s);
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    r.read_line(&mut line).unwrap();
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                r.read_exact(&mut body).unwrap();
                g.lock().unwrap().push(String::from_utf8(body).unwrap());
                w.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                    .unwrap();
            }
        });
        (addr, got)
    }
}

#[test]
fn daily_digest_reaches_the_mailbox_and_the_webhook() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("d.db").display());
    ok(&db, &["import", "demo"]);
    let (smtp, mails) = sinks::smtp();
    let (http, posts) = sinks::http();
    let cfg = dir.path().join("delivery.toml");
    std::fs::write(
        &cfg,
        format!(
            "[smtp]\naddr = \"{smtp}\"\nfrom = \"duban@example.gov.cn\"\n\n[webhook]\nurl = \"http://{http}/robot/send\"\n\n[addresses]\n\"gy-transport\" = \"jtj@example.gov.cn\"\n"
        ),
    )
    .unwrap();
    let out = ok(
        &db,
        &[
            "tasks",
            "digest",
            "--date",
            "2026-07-10",
            "--json",
            "--config",
            cfg.to_str().unwrap(),
        ],
    );
    let digests: Value = serde_json::from_str(&out).unwrap();
    let digests = digests.as_array().unwrap();
    let transport = digests.iter().find(|d| d["org"] == "gy-transport").unwrap();
    // Task 6.4 of 市交通运输局 is overdue then.
    assert!(
        transport["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["task"] == "6.4" && i["kind"] == "overdue")
    );
    // One e-mail (the only organisation with an address), one post per digest.
    let mails = mails.lock().unwrap().clone();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("RCPT TO:<jtj@example.gov.cn>"));
    assert!(mails[0].contains("Subject: =?UTF-8?B?"));
    let posts = posts.lock().unwrap().clone();
    assert_eq!(posts.len(), digests.len());
    assert!(
        posts
            .iter()
            .any(|p| p.contains("\"org\":\"gy-transport\"") && p.contains("6.4"))
    );
}

/// `quhua serve --digest-config` sends the daily digest itself at the set time: started a
/// few seconds before it, the server mails each organisation with an address and posts every
/// digest to the webhook.
#[test]
fn the_server_sends_the_daily_digest_at_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("d.db").display());
    ok(&db, &["import", "demo"]);
    let today = chrono::Local::now().date_naive().to_string();
    let expected: Value =
        serde_json::from_str(&ok(&db, &["tasks", "digest", "--date", &today, "--json"])).unwrap();
    let orgs: Vec<String> = expected
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["org"].as_str().unwrap().to_string())
        .collect();
    let expected = orgs.len();
    assert!(expected > 0, "the demo has something due today");
    let addresses: String = orgs
        .iter()
        .map(|o| format!("\"{o}\" = \"{o}@example.gov.cn\"\n"))
        .collect();
    let (smtp, mails) = sinks::smtp();
    let (http, posts) = sinks::http();
    let cfg = dir.path().join("delivery.toml");
    std::fs::write(
        &cfg,
        format!(
            "[smtp]\naddr = \"{smtp}\"\nfrom = \"duban@example.gov.cn\"\n\n[webhook]\nurl = \"http://{http}/robot/send\"\n\n[addresses]\n{addresses}"
        ),
    )
    .unwrap();
    let at = (chrono::Local::now() + chrono::Duration::seconds(4))
        .format("%H:%M:%S")
        .to_string();
    let mut server = Command::new(env!("CARGO_BIN_EXE_quhua"))
        .args([
            "--db",
            &db,
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--digest-at",
            &at,
        ])
        .arg("--digest-config")
        .arg(&cfg)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let arrived =
        || posts.lock().unwrap().len() >= expected && mails.lock().unwrap().len() >= expected;
    while !arrived() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(
        posts.lock().unwrap().len(),
        expected,
        "every digest posted to the webhook"
    );
    let mails = mails.lock().unwrap();
    assert_eq!(mails.len(), expected, "every digest mailed");
    for o in &orgs {
        let to = format!("{o}@example.gov.cn");
        assert!(mails.iter().any(|m| m.contains(&to)), "{to}");
    }
}
