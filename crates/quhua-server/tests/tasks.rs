//! 后半篇督办 over HTTP on both backends: the board of the demo (the seed city plan's 24 tasks
//! with synthetic progress) as of two past days gives the lights an independent derivation
//! finds in the stored tasks; a lead unit reports done with an evidence file, the supervising
//! office returns it once, then closes it, and the board follows; nobody closes their own
//! report; an extension after the deadline is refused; other jurisdictions and read-only
//! accounts are refused; a malformed plan stores nothing; every action has its audit row.

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

#[path = "../../quhua-workflow/tests/common/lights.rs"]
mod lights;

mod common;
use common::http::{Client, bilingual, off};

use axum::http::StatusCode;
use quhua_core::date::parse_date;
use quhua_store::{Filed, Store};
use quhua_workflow::calendar::Calendar;
use quhua_workflow::tasks::{SupervisionConfig, Task};
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn stored_tasks(url: &str, prefix: &str) -> Vec<Task> {
    let u = url.to_string();
    let p = prefix.to_string();
    off(move || {
        Store::open(&u)
            .unwrap()
            .list::<Filed<Task>>(&p)
            .unwrap()
            .into_iter()
            .map(|r| r.body.body)
            .collect()
    })
}

fn audit_rows(url: &str) -> usize {
    let u = url.to_string();
    off(move || Store::open(&u).unwrap().audit_log().unwrap().len())
}

fn counts(board: &Value) -> BTreeMap<String, u64> {
    board["lights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["light"]["id"].as_str().unwrap().to_string(),
                l["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn light_of(board: &Value, id: &str) -> String {
    board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["light"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no row {id}"))
}

async fn exercise(url: &str, c: &Client) {
    let office = c.login("gy-ducha").await;
    let transport = c.login("gy-jiaotong").await;
    let cangxi = c.login("cangxi-jiaotong").await;
    let tangxian = c.login("tangxian").await;
    let guest = c.login("guest").await;

    // The board as of two past days: every light as derived from the stored definitions and
    // histories, independently of the code under test.
    let stored = stored_tasks(url, "5108");
    assert!(stored.iter().filter(|t| t.parent.is_none()).count() == 24);
    let cal = Calendar::china();
    let cfg = SupervisionConfig::default();
    for date in ["2021-06-30", "2022-01-10"] {
        let (s, b, _) = c.get(&office, &format!("/api/tasks?date={date}")).await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let rows = b["rows"].as_array().unwrap();
        assert_eq!(rows.len(), stored.len());
        let day = parse_date(date).unwrap();
        for t in &stored {
            let want = lights::expected_light(t, day, &cal, &cfg);
            assert_eq!(light_of(&b, &t.id), want.id(), "task {} on {date}", t.id);
        }
        let total: u64 = counts(&b).values().sum();
        assert_eq!(total as usize, rows.len());
        assert_eq!(b["synthetic"], true);
    }

    // The summary without rows: the same lights, and each county's count derived here from the
    // stored tasks' divisions.
    let (s, o, _) = c.get(&office, "/api/tasks/summary?date=2022-01-10").await;
    assert_eq!(s, StatusCode::OK, "{o}");
    assert_eq!(o["total"].as_u64(), Some(stored.len() as u64));
    let day = parse_date("2022-01-10").unwrap();
    for lc in o["lights"].as_array().unwrap() {
        let id = lc["light"]["id"].as_str().unwrap();
        let want = stored
            .iter()
            .filter(|t| lights::expected_light(t, day, &cal, &cfg).id() == id)
            .count();
        assert_eq!(lc["count"].as_u64(), Some(want as u64), "light {id}");
    }
    for county in o["by_county"].as_array().unwrap() {
        let code = county["key"].as_str().unwrap();
        let want = stored
            .iter()
            .filter(|t| t.divisions.iter().any(|d| d.starts_with(code)))
            .count();
        assert_eq!(county["total"].as_u64(), Some(want as u64), "county {code}");
    }
    let (s, _, _) = c.get(&tangxian, "/api/tasks/summary?scope=5108").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // A county item's lead sees its county's items only.
    let (_, b, _) = c.get(&cangxi, "/api/tasks").await;
    let rows = b["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["id"].as_str().unwrap().ends_with("510824"))
    );
    // Another county sees nothing of the city and cannot reach a task.
    let (s, _, _) = c.get(&tangxian, "/api/tasks?scope=5108").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, _) = c.get(&tangxian, "/api/tasks/6.4").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = c
        .post(
            &tangxian,
            "/api/tasks/6.4/actions",
            json!({"action": "close", "note": "x"}),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // Task 6.4 (市交通运输局) is overdue today.
    let (_, before, _) = c.get(&transport, "/api/tasks").await;
    assert_eq!(light_of(&before, "6.4"), "red");
    let (_, v, _) = c.get(&transport, "/api/tasks/6.4").await;
    assert_eq!(v["can"]["report"], true);
    assert_eq!(v["can"]["verify"], false);
    // An extension after the deadline is refused, and stores nothing.
    let audit0 = audit_rows(url);
    let (s, e) = c
        .post(
            &transport,
            "/api/tasks/6.4/actions",
            json!({"action": "extend", "new_date": "2027-06-30", "reason": "资金未到位"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(bilingual(&e), "{e}");
    assert_eq!(audit_rows(url), audit0);

    // Done with an evidence file.
    let pdf = b"%PDF-1.7\n% quhua test evidence\n".to_vec();
    let (s, f) = c
        .upload(
            &transport,
            "/api/tasks/6.4/evidence?file_name=验收报告.pdf",
            pdf.clone(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{f}");
    let (s, v) = c
        .post(
            &transport,
            "/api/tasks/6.4/actions",
            json!({"action": "done", "text": "“三大工程”已完成并验收", "evidence": [f]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["row"]["status"], "reported");
    let last = v["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "done_reported");
    assert_eq!(last["files"][0][0], "验收报告.pdf");
    let sha = last["files"][0][1].as_str().unwrap().to_string();
    let (s, _, bytes) = c
        .get(&office, &format!("/api/tasks/6.4/evidence/{sha}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(bytes, pdf);
    // The lead unit cannot close its own report; the viewer cannot act at all.
    let (s, e) = c
        .post(
            &transport,
            "/api/tasks/6.4/actions",
            json!({"action": "close"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{e}");
    let (s, _) = c
        .post(&guest, "/api/tasks/6.4/actions", json!({"action": "close"}))
        .await;
    assert!(s == StatusCode::FORBIDDEN || s == StatusCode::NOT_FOUND);
    // The office's inbox lists it for verification.
    let (_, inbox, _) = c.get(&office, "/api/inbox").await;
    assert!(
        inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["task"] == "6.4" && i["kind"] == "to_verify"),
        "{inbox}"
    );

    // Returned once, with its reason: yellow.
    let (s, v) = c
        .post(
            &office,
            "/api/tasks/6.4/actions",
            json!({"action": "return", "reasons": ["缺少验收签字页"]}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["row"]["status"], "returned");
    let (_, mid, _) = c.get(&transport, "/api/tasks").await;
    assert_ne!(light_of(&mid, "6.4"), "done");
    let (_, inbox, _) = c.get(&transport, "/api/inbox").await;
    assert!(
        inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["task"] == "6.4" && i["kind"] == "returned"),
        "{inbox}"
    );

    // Reported again, then verified and closed by the office.
    let (s, v) = c
        .post(
            &transport,
            "/api/tasks/6.4/actions",
            json!({"action": "done", "text": "补充验收签字页"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, v) = c
        .post(
            &office,
            "/api/tasks/6.4/actions",
            json!({"action": "close", "note": "资料齐全，同意销号"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["row"]["light"], "done");
    let (_, after, _) = c.get(&transport, "/api/tasks").await;
    let (b0, b1) = (counts(&before), counts(&after));
    assert_eq!(b1["red"] + 1, b0["red"]);
    assert_eq!(b1["done"], b0["done"] + 1);
    // Four actions and one upload, each with its audit row; the chain still verifies.
    assert_eq!(audit_rows(url), audit0 + 5);
    let u = url.to_string();
    assert!(off(move || Store::open(&u)
        .unwrap()
        .audit_verify()
        .unwrap()
        .is_ok()));

    // A malformed plan is refused with its file and line, and nothing is stored.
    let n0 = stored_tasks(url, "").len();
    let bad = "[plan]\ntitle = \"测试\"\nsupervisor = \"gy-office\"\nstart = \"2021-04-01\"\n\n[[task]]\nid = \"T1\"\ntitle = \"x\"\nlead = [\"gy-nobody\"]\ndue = \"2021-13-40\"\n";
    let (s, e) = c
        .upload(&office, "/api/tasks/imports?file_name=坏.toml", bad.into())
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert!(
        e["error"]["zh"].as_str().unwrap().contains("坏.toml"),
        "{e}"
    );
    assert_eq!(stored_tasks(url, "").len(), n0);
    // A good one: checked, then filed; filed twice is refused.
    let good = r#"[plan]
title = "测试方案"
supervisor = "gy-office"
start = "2026-01-01"

[[organisation]]
code = "gy-office"
name = "广元市“后半篇”专项工作领导小组办公室"
kind = "leadership_office"
jurisdiction = "510800"

[[organisation]]
code = "gy-transport"
name = "市交通运输局"
kind = "city_department"
jurisdiction = "510800"

[[task]]
id = "T1"
title = "测试任务"
lead = ["gy-transport"]
due = "2027-12-31"

[[task]]
id = "T2"
title = "已逾期的测试任务"
lead = ["gy-transport"]
due = "2026-01-31"
"#;
    let (s, r) = c
        .upload(
            &office,
            "/api/tasks/imports?file_name=t.toml&commit=false",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["committed"], false);
    assert_eq!(stored_tasks(url, "").len(), n0);
    let (s, r) = c
        .upload(&office, "/api/tasks/imports?file_name=t.toml", good.into())
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["scope"], "510800");
    assert_eq!(stored_tasks(url, "").len(), n0 + 2);
    // Filing it again is refused, in a check as in an import, naming the task ids taken.
    for commit in ["false", "true"] {
        let (s, r) = c
            .upload(
                &office,
                &format!("/api/tasks/imports?file_name=t.toml&commit={commit}"),
                good.into(),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{r}");
        let errs = r["errors"].as_array().cloned().unwrap_or_default();
        assert!(
            !errs.is_empty() && errs.iter().all(|e| e["field"] == "id"),
            "{r}"
        );
    }
    assert_eq!(stored_tasks(url, "").len(), n0 + 2);
    // A lead unit may not file a plan.
    let (s, _) = c
        .upload(
            &transport,
            "/api/tasks/imports?file_name=t.toml&prefix=X",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // The new task can be extended before its deadline, and the office decides.
    let (s, v) = c
        .post(
            &transport,
            "/api/tasks/T1/actions",
            json!({"action": "extend", "new_date": "2028-06-30", "reason": "汛期停工"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v["pending_extension"].as_u64().is_some());
    let (s, v) = c
        .post(
            &office,
            "/api/tasks/T1/actions",
            json!({"action": "decide_extension", "approved": true}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["row"]["due"], "2028-06-30");

    // The escalation run: the supervising office records the steps due, each naming its
    // deadline; a lead unit supervises nothing and is refused.
    let (s, r) = c.post(&office, "/api/tasks/escalations", json!({})).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let run = r.as_array().unwrap();
    let t2 = run
        .iter()
        .find(|e| e["task"] == "T2")
        .expect("T2 is overdue since 2026-01-31");
    let t2_steps: Vec<&str> = t2["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(t2_steps, ["notice", "circular"], "{t2}");
    for e in run {
        for step in e["steps"].as_array().unwrap() {
            assert!(["urge", "notice", "circular"].contains(&step["step"]["id"].as_str().unwrap()));
            assert!(!step["concerns"]["en"].as_str().unwrap().is_empty());
            assert!(parse_date(step["deadline"].as_str().unwrap()).is_some());
        }
        let (_, v, _) = c
            .get(
                &office,
                &format!("/api/tasks/{}", e["task"].as_str().unwrap()),
            )
            .await;
        assert!(
            v["history"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["kind"] == "escalated"),
            "{v}"
        );
    }
    let (s, r) = c.post(&office, "/api/tasks/escalations", json!({})).await;
    assert_eq!(
        (s, r.as_array().map(Vec::len)),
        (StatusCode::OK, Some(0)),
        "a second run the same day records nothing"
    );
    let (s, r) = c
        .post(&transport, "/api/tasks/escalations", json!({}))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{r}");

    // The county's generated tasks: the approved plan's statutory and handover tasks.
    let quyang = c.login("quyang").await;
    let (_, b, _) = c.get(&quyang, "/api/tasks").await;
    let ids: Vec<&str> = b["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"130634-P2") && ids.contains(&"130634-P2.codes"));
    assert!(ids.iter().any(|i| i.contains(".handover.")));
    assert!(
        b["divisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"].as_str().unwrap().len() == 9
                && !d["name"].as_str().unwrap().is_empty())
    );
    let (s, _) = c.post(&quyang, "/api/plans/2/tasks", json!({})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}

fn run(url: &str) {
    common::http::on_demo(url, async |c| exercise(url, c).await);
}

#[test]
fn follow_up_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run(&format!("sqlite:{}", dir.path().join("t.db").display()));
}

#[test]
fn follow_up_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_tasks");
    run(&db.url);
}
