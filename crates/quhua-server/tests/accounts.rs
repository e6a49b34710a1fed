//! The account store on both backends (SQLite file and PostgreSQL), and the whole server on
//! PostgreSQL: demo set-up, login, evaluation, a scenario round trip.
//!
//! PostgreSQL comes from quhua-store's test helper: `QUHUA_TEST_PG_URL`, or a private server
//! started with the local `initdb`/`pg_ctl` (the tests fail, never skip, without one).

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use quhua_server::accounts::{AccountError, AccountStore, Jurisdiction, Role};
use quhua_server::auth::password::{self, HashParams};
use quhua_server::{AppState, ServerConfig, router};
use serde_json::{Value, json};
use tower::ServiceExt;

fn exercise(url: &str) {
    let store = AccountStore::open(url).unwrap();
    // Accounts live on quhua-store's migrations, which are idempotent.
    drop(store);
    assert_eq!(
        quhua_store::Store::open(url)
            .unwrap()
            .schema_version()
            .unwrap(),
        quhua_store::migrate::LATEST
    );
    let store = AccountStore::open(url).unwrap();

    let j = Jurisdiction::parse("130634", Role::CountyEditor).unwrap();
    let hash = password::hash("a-good-password", &HashParams::insecure_fast()).unwrap();
    let u = store
        .create_user("editor", &hash, Role::CountyEditor, &j)
        .unwrap();
    assert!(matches!(
        store.create_user("editor", &hash, Role::Viewer, &j),
        Err(AccountError::Duplicate(_))
    ));
    assert!(
        store
            .create_user("has space", &hash, Role::Viewer, &j)
            .is_err()
    );
    let (found, h) = store.find_user("editor").unwrap().unwrap();
    assert_eq!(found, u);
    assert!(password::verify("a-good-password", &h));
    assert!(store.find_user("nobody").unwrap().is_none());
    assert_eq!(store.user_count().unwrap(), 1);

    store.create_session("h1", u.id, "csrf1", 100, 200).unwrap();
    let s = store.get_session("h1", 150).unwrap().unwrap();
    assert_eq!(
        (s.user.username.as_str(), s.csrf_token.as_str()),
        ("editor", "csrf1")
    );
    assert!(store.get_session("h1", 200).unwrap().is_none(), "expired");
    assert!(store.get_session("nope", 150).unwrap().is_none());
    store.delete_session("h1").unwrap();
    assert!(store.get_session("h1", 150).unwrap().is_none());
}

#[test]
fn account_store_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    exercise(&format!("sqlite:{}", dir.path().join("a.db").display()));
}

#[test]
fn account_store_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_accounts");
    exercise(&db.url);
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value, Option<String>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let cookie = resp
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        cookie,
    )
}

fn post(uri: &str, body: Value, cookie: Option<&str>, csrf: Option<&str>) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    if let Some(t) = csrf {
        b = b.header("x-csrf-token", t);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[test]
fn server_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_app");
    quhua_server::demo::prepare(&db.url, &HashParams::insecure_fast()).unwrap();
    // A second start leaves the prepared database as it is.
    assert!(!quhua_server::demo::prepare(&db.url, &HashParams::insecure_fast()).unwrap());
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let app = router(AppState::open(&db.url, config).unwrap());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let login = json!({"username": "quyang", "password": "quyang-demo-2026"});
        let (s, v, cookie) = call(&app, post("/api/login", login, None, None)).await;
        assert_eq!(s, StatusCode::OK);
        let cookie = cookie.unwrap();
        let csrf = v["csrf_token"].as_str().unwrap().to_string();
        let ops = json!({"ops": [{"op": "merge", "units": ["北台乡"], "into": "恒州镇"}]});
        let uri = "/api/counties/130634/evaluate";
        let (s, v, _) = call(&app, post(uri, ops.clone(), Some(&cookie), Some(&csrf))).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["evaluation"]["indicators"]["after"]["count"], 17);
        let body = json!({"name": "PG 方案", "county": "130634", "ops": ops["ops"]});
        let (s, v, _) = call(
            &app,
            post("/api/scenarios", body, Some(&cookie), Some(&csrf)),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["version"], 1);
    });
}
