//! The risk register and the public feedback register over HTTP on both backends: a risk
//! reported resolved by its owner is closed only by the office (never by the reporter), and
//! the table follows; a reply comes only from the assigned department; a correction is a new
//! version and every earlier one stays; a hotline export with a bad row is refused with its
//! file and row and stores nothing; a good one is checked, imported once, and not twice; there
//! is no route that deletes an item.

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

mod common;
use common::http::{Client, bilingual};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

/// Risks closed in the table's lines of one unit (a risk counts for every unit concerned).
fn closed_count(v: &Value, unit: &str) -> u64 {
    v["table"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["unit"] == unit)
        .map(|t| t["closed"].as_u64().unwrap())
        .sum()
}

async fn exercise(c: &Client) {
    let office = c.login("quyang").await;
    let finance = c.login("caizheng").await;
    let services = c.login("zhengwu").await;
    let staffing = c.login("bianban").await;
    let tangxian = c.login("tangxian").await;

    // Risks.
    let (s, v, _) = c.get(&office, "/api/risks").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["synthetic"], true);
    let closed0 = closed_count(&v, "曲阳县财政局");
    let r3 = v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R-130634-3")
        .unwrap()
        .clone();
    assert_eq!(r3["owner_code"], "130634-finance");
    assert_eq!(r3["status"]["id"], "open");
    let (s, _, _) = c.get(&tangxian, "/api/risks?scope=130634").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, e) = c
        .post(
            &staffing,
            "/api/risks/R-130634-3/actions",
            json!({"action": "resolved", "text": "x"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{e}");
    assert!(bilingual(&e));
    let (s, r) = c
        .post(
            &finance,
            "/api/risks/R-130634-3/actions",
            json!({"action": "resolved", "text": "债务已逐笔明确承接主体并公示"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["status"]["id"], "reported");
    let (s, _) = c
        .post(
            &finance,
            "/api/risks/R-130634-3/actions",
            json!({"action": "close"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, r) = c
        .post(
            &office,
            "/api/risks/R-130634-3/actions",
            json!({"action": "close", "note": "经核实已化解"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["status"]["id"], "closed");
    let (_, v, _) = c.get(&office, "/api/risks").await;
    assert_eq!(closed_count(&v, "曲阳县财政局"), closed0 + 1);
    // A new risk point, registered by the office.
    let (s, r) = c
        .post(
            &office,
            "/api/risks",
            json!({"title": "合并村集体经济账务未并账", "category": "assets_debts",
                   "level": "general", "owner": "130634-agriculture", "deadline": "2027-06-30"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["id"], "R-130634-6");

    // Feedback.
    let (_, f, _) = c.get(&office, "/api/feedback").await;
    let total0 = f["stats"]["total"].as_u64().unwrap();
    assert_eq!(f["items"].as_array().unwrap().len() as u64, total0);
    assert_eq!(f["can_manage"], true);
    let open = f["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["reply"].is_null() && i["assigned_code"] == "130634-government_services")
        .expect("an open item for 行政审批局")
        .clone();
    let id = open["id"].as_str().unwrap().to_string();
    let uri = format!("/api/feedback/{id}/actions");
    let (s, _) = c
        .post(
            &staffing,
            &uri,
            json!({"action": "reply", "text": "不归我办"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, r) = c
        .post(
            &services,
            &uri,
            json!({"action": "reply", "text": "原驻地便民服务站可办理，已电话告知"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let (s, _) = c
        .post(
            &services,
            &uri,
            json!({"action": "follow_up", "satisfaction": "satisfied"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, r) = c
        .post(
            &office,
            &uri,
            json!({"action": "follow_up", "satisfaction": "satisfied", "note": "电话回访"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let before: Vec<Value> = r["versions"].as_array().unwrap().clone();
    let (s, r) = c
        .post(
            &office,
            &uri,
            json!({"action": "correct", "topic": "division", "reason": "来电实为区划调整后办事地点问题"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let after = r["versions"].as_array().unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(&after[..before.len()], &before[..]);
    assert_eq!(
        after.last().unwrap()["reason"],
        "来电实为区划调整后办事地点问题"
    );
    assert_eq!(r["topic"]["id"], "division");
    // No route deletes an item.
    let req = Request::delete(format!("/api/feedback/{id}"))
        .header(header::COOKIE, &office.cookie)
        .header("x-csrf-token", &office.csrf)
        .body(Body::empty())
        .unwrap();
    let (s, _, _) = c.send(req).await;
    assert!(
        s == StatusCode::NOT_FOUND || s == StatusCode::METHOD_NOT_ALLOWED,
        "{s}"
    );
    let (_, f, _) = c.get(&office, "/api/feedback").await;
    assert_eq!(f["stats"]["total"].as_u64(), Some(total0));

    // A hotline export with a bad row: refused with the file and row, nothing stored.
    let bad = "工单编号,受理时间,诉求内容,区划代码\nGY-1,2026-11-30 09:00,社保在哪办,130634101\nGY-2,昨天,内容,130634101\n";
    let (s, e) = c
        .upload(
            &office,
            "/api/feedback/imports?file_name=热线.csv",
            bad.into(),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    let zh = e["error"]["zh"].as_str().unwrap();
    assert!(zh.contains("热线.csv") && zh.contains('3'), "{zh}");
    let (_, f, _) = c.get(&office, "/api/feedback").await;
    assert_eq!(f["stats"]["total"].as_u64(), Some(total0));
    // A good one: checked, imported, and a second time adds nothing.
    let good = "工单编号,受理时间,诉求内容,区划代码,承办单位\nGY-1,2026-11-30 09:00,社保认证在哪里办理,130634101,曲阳县行政审批局\nGY-2,2026-11-30 10:30,新镇名什么时候启用,130634101,\n";
    let (s, r) = c
        .upload(
            &office,
            "/api/feedback/imports?file_name=热线.csv&commit=false",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(
        (r["new_items"].as_u64(), r["committed"].as_bool()),
        (Some(2), Some(false))
    );
    let (_, f, _) = c.get(&office, "/api/feedback").await;
    assert_eq!(f["stats"]["total"].as_u64(), Some(total0));
    let (s, r) = c
        .upload(
            &office,
            "/api/feedback/imports?file_name=热线.csv",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["new_items"].as_u64(), Some(2));
    assert_eq!(r["topics_inferred"].as_u64(), Some(2));
    let (_, f, _) = c.get(&office, "/api/feedback").await;
    assert_eq!(f["stats"]["total"].as_u64(), Some(total0 + 2));
    let imported = f["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["reference"] == "GY-1")
        .unwrap()
        .clone();
    assert_eq!(imported["assigned_code"], "130634-government_services");
    assert_eq!(imported["topic"]["id"], "services");
    let (s, r) = c
        .upload(
            &office,
            "/api/feedback/imports?file_name=热线.csv",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(
        (r["new_items"].as_u64(), r["already"].as_u64()),
        (Some(0), Some(2))
    );
    // A department cannot import.
    let (s, _) = c
        .upload(
            &services,
            "/api/feedback/imports?file_name=热线.csv",
            good.into(),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

fn run(url: &str) {
    common::http::on_demo(url, async |c| exercise(c).await);
}

#[test]
fn registers_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run(&format!("sqlite:{}", dir.path().join("r.db").display()));
}

#[test]
fn registers_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_registers");
    run(&db.url);
}
