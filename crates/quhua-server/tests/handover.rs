//! The handover (实施交接) over HTTP on both backends: who may read and act on which section
//! (a department officer completes its own section and is refused on another department's),
//! a closed section never changes, imports preview without storing and refuse bad files with
//! the row and column, cadres' personal fields only for the organisation department (each read
//! logged), documents; and, through the application layer, conservation of the ledgers after
//! any sequence of actions as stored.

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

mod common;
use common::http::{Client, Who, bilingual, off};

use axum::http::StatusCode;
use serde_json::{Value, json};

/// The handover's stored version, as the office reads it.
async fn version(c: &Client, who: &Who) -> i64 {
    let (s, v, _) = c.get(who, "/api/plans/2/handover").await;
    assert_eq!(s, StatusCode::OK);
    v["version"].as_i64().unwrap()
}

/// The demo ledger as CSV (every item as stored, or only the townships' own when
/// `towns_only`), plus `extra` rows.
fn ledger_csv(url: &str, towns_only: bool, extra: &str) -> Vec<u8> {
    let store = quhua_store::Store::open(url).unwrap();
    let h = store
        .get::<quhua_workflow::handover::Handover>(2)
        .unwrap()
        .unwrap()
        .body;
    let items: Vec<_> = h
        .assets
        .items()
        .iter()
        .filter(|a| !towns_only || a.owner.len() == 9)
        .cloned()
        .collect();
    let table = quhua_io::ledger::asset_table(&items, true, None);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.csv");
    quhua_io::write_csv(&table, &p).unwrap();
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(extra.as_bytes());
    bytes
}

async fn exercise(url: &str, c: &Client, store: &quhua_store::Store) {
    let office = c.login("quyang").await;
    let archives = c.login("dangan").await;
    let finance = c.login("caizheng").await;
    let organisation = c.login("zuzhibu").await;
    let guest = c.login("guest").await;
    let other = c.login("tangxian").await;
    let city = c.login("baoding").await;

    // Reading: the county's accounts and the city; another county's editor gets 404.
    for who in [&office, &archives, &finance, &guest, &city] {
        let (s, v, _) = c.get(who, "/api/plans/2/handover").await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["status"]["assets"]["items"], 3000);
        assert_eq!(v["synthetic"], true);
    }
    let (s, v, _) = c.get(&other, "/api/plans/2/handover").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(v.get("status").is_none(), "nothing leaks");
    let (s, _, _) = c.get(&office, "/api/plans/1/handover").await;
    assert_eq!(s, StatusCode::NOT_FOUND, "plan 1 has no handover yet");
    // Generating: the office only, and only for an approved plan.
    let (s, v) = c.post(&office, "/api/plans/1/handover", json!(null)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(bilingual(&v));
    let (s, _) = c.post(&finance, "/api/plans/2/handover", json!(null)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // An archives section: the archives officer completes it; finance is refused.
    let (_, view, _) = c.get(&office, "/api/plans/2/handover").await;
    let sec = view["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "archives" && s["closed"].is_null())
        .unwrap()
        .clone();
    let sid = sec["id"].as_str().unwrap().to_string();
    let uri = format!("/api/plans/2/handover/sections/{sid}");
    let (_, d, _) = c.get(&archives, &uri).await;
    assert_eq!(d["section"]["may_act"], true);
    let (_, d, _) = c.get(&finance, &uri).await;
    assert_eq!(d["section"]["may_act"], false);
    let line = &sec["checklist"][0];
    let check = |unit: &Value| json!({"op": "check", "section": sid, "item": line["item"], "unit": unit, "note": "移交清单第1号"});
    let v0 = version(c, &office).await;
    for who in [&finance, &guest] {
        let (s, v) = c
            .post(who, "/api/plans/2/handover/actions", check(&line["unit"]))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
        assert!(bilingual(&v));
    }
    assert_eq!(
        version(c, &office).await,
        v0,
        "a refused action changes nothing"
    );
    let (s, v) = c
        .post(
            &archives,
            "/api/plans/2/handover/actions",
            json!({"op": "close", "section": sid}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "work left: {v}");
    for l in sec["checklist"].as_array().unwrap() {
        let body = json!({"op": "check", "section": sid, "item": l["item"], "unit": l["unit"]});
        let (s, v) = c
            .post(&archives, "/api/plans/2/handover/actions", body)
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }
    let (s, v) = c
        .post(
            &archives,
            "/api/plans/2/handover/actions",
            json!({"op": "close", "section": sid}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, d, _) = c.get(&office, &uri).await;
    assert_eq!(d["section"]["closed"]["by"], "dangan");
    // A closed section never changes.
    let v1 = version(c, &office).await;
    let (s, v) = c
        .post(
            &office,
            "/api/plans/2/handover/actions",
            check(&line["unit"]),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(version(c, &office).await, v1);

    // Imports: a bad file names the row and column and stores nothing; a preview stores
    // nothing; a committed import stores one version.
    let bad = "资产编号,资产名称,资产类别,所属单位代码,数量,原值,净值\nX1,办公楼,房屋,130634105,1,100,80\nX2,电脑,设备,130634105,abc,5,3\n";
    let (s, v) = c
        .upload(
            &finance,
            "/api/plans/2/handover/imports/assets?file_name=资产.csv&commit=true",
            bad.as_bytes().to_vec(),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    let msg = v["error"]["zh"].as_str().unwrap();
    assert!(
        !msg.contains("/tmp") && !msg.contains(".tmp"),
        "no server path: {msg}"
    );
    assert!(
        msg.contains("资产.csv") && msg.contains("第 3 行") && msg.contains("数量"),
        "{msg}"
    );
    assert_eq!(version(c, &office).await, v1);
    let full = off(|| ledger_csv(url, false, ""));
    // Finance works on the townships' own assets: a file with village collective assets is
    // the agriculture bureau's and is refused, naming the section.
    let (s, v) = c
        .upload(
            &finance,
            "/api/plans/2/handover/imports/assets?file_name=资产明细.csv",
            full.clone(),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert!(
        v["error"]["zh"]
            .as_str()
            .unwrap()
            .contains("collective_assets")
    );
    let (s, v) = c
        .upload(
            &office,
            "/api/plans/2/handover/imports/assets?file_name=资产明细.csv",
            full.clone(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], false);
    assert_eq!(v["report"]["unchanged"], 3000);
    assert_eq!(version(c, &office).await, v1, "a preview stores nothing");
    let (s, _) = c
        .upload(
            &archives,
            "/api/plans/2/handover/imports/assets?file_name=a.csv&commit=true",
            full.clone(),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "archives does not import assets");
    // A file replaces the items of the sections it covers only: finance's townships-only
    // ledger with one new item adds it and removes nothing of the villages'.
    let more = off(|| {
        ledger_csv(
            url,
            true,
            "NEW-1,新购车辆,交通运输设备,130634105,1,200000.00,150000.00\n",
        )
    });
    let (s, v) = c
        .upload(
            &finance,
            "/api/plans/2/handover/imports/assets?file_name=资产明细.csv&commit=true",
            more,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["report"]["added"], 1);
    assert_eq!(v["report"]["removed"], 0);
    assert_eq!(v["version"].as_i64(), Some(v1 + 1));
    let (_, view, _) = c.get(&office, "/api/plans/2/handover").await;
    assert_eq!(view["status"]["assets"]["items"], 3001);

    // Cadres: names for the organisation department (the read is logged), not for finance.
    let cad = format!("/api/plans/2/handover/sections/{}-cadres", &sid[..9]);
    let reads = |store: &quhua_store::Store| {
        store
            .audit_log()
            .unwrap()
            .iter()
            .filter(|r| r.action == "handover_cadres_read")
            .map(|r| r.actor.clone())
            .collect::<Vec<_>>()
    };
    let (s, d, _) = c.get(&organisation, &cad).await;
    assert_eq!(s, StatusCode::OK);
    let names: Vec<&str> = d["cadres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cadre"]["name"].as_str().unwrap())
        .collect();
    assert!(!names.is_empty() && names.iter().all(|n| *n != "＊＊＊"));
    assert_eq!(off(|| reads(store)), vec!["zuzhibu".to_string()]);
    let (_, d, _) = c.get(&finance, &cad).await;
    assert!(
        d["cadres"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["cadre"]["name"] == "＊＊＊")
    );
    assert_eq!(
        off(|| reads(store)).len(),
        1,
        "a redacted read is not a read of personal data"
    );
    assert!(off(|| store.audit_verify()).unwrap().is_ok());

    // Documents.
    let (s, _, bytes) = c
        .get(&guest, "/api/plans/2/handover/documents/summary.xlsx")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(bytes.starts_with(b"PK"));
    let (s, _, bytes) = c
        .get(
            &office,
            &format!("/api/plans/2/handover/documents/list-{}.docx", &sid[..9]),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(bytes.starts_with(b"PK"));
    let (s, _, _) = c
        .get(
            &office,
            "/api/plans/2/handover/documents/list-130634999.docx",
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

fn run(url: &str) {
    let store = quhua_store::Store::open(url).unwrap();
    common::http::on_demo(url, async |c| exercise(url, c, &store).await);
}

#[test]
fn handover_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run(&format!("sqlite:{}", dir.path().join("h.db").display()));
}

#[test]
fn handover_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_handover");
    run(&db.url);
}
