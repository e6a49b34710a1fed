//! The HTTP test harness the server's integration tests share: a client over the router,
//! demo logins with their session cookie and CSRF token, JSON and file requests.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use tower::ServiceExt;

/// A logged-in demo account.
pub struct Who {
    pub cookie: String,
    pub csrf: String,
}

/// The router under test.
pub struct Client(pub Router);

impl Client {
    pub async fn send(&self, req: Request<Body>) -> (StatusCode, Value, Vec<u8>) {
        let resp = self.0.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            bytes,
        )
    }

    pub async fn login(&self, user: &str) -> Who {
        let req = Request::post("/api/login")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({"username": user, "password": format!("{user}-demo-2026")}).to_string(),
            ))
            .unwrap();
        let resp = self.0.clone().oneshot(req).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "login {user}");
        let cookie = resp.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        Who {
            cookie,
            csrf: v["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    pub async fn get(&self, who: &Who, uri: &str) -> (StatusCode, Value, Vec<u8>) {
        let req = Request::get(uri)
            .header(header::COOKIE, &who.cookie)
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    pub async fn post(&self, who: &Who, uri: &str, body: Value) -> (StatusCode, Value) {
        self.json(who, Request::post(uri), body).await
    }

    pub async fn put(&self, who: &Who, uri: &str, body: Value) -> (StatusCode, Value) {
        self.json(who, Request::put(uri), body).await
    }

    async fn json(
        &self,
        who: &Who,
        req: axum::http::request::Builder,
        body: Value,
    ) -> (StatusCode, Value) {
        let req = req
            .header(header::COOKIE, &who.cookie)
            .header("x-csrf-token", &who.csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let (s, v, _) = self.send(req).await;
        (s, v)
    }

    pub async fn upload(&self, who: &Who, uri: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        let req = Request::post(uri)
            .header(header::COOKIE, &who.cookie)
            .header("x-csrf-token", &who.csrf)
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes))
            .unwrap();
        let (s, v, _) = self.send(req).await;
        (s, v)
    }
}

/// Runs blocking store code on its own thread (PostgreSQL's client must not block inside the
/// test's async runtime).
pub fn off<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().unwrap())
}

/// Whether an error body carries both languages.
pub fn bilingual(v: &Value) -> bool {
    v["error"]["zh"].as_str().is_some_and(|s| !s.is_empty())
        && v["error"]["en"].as_str().is_some_and(|s| !s.is_empty())
}

/// Prepares the demo database at `url` (as `quhua serve --demo` does), opens the server over
/// it and drives `exercise` from a two-thread runtime. The state is opened and dropped outside
/// the runtime (PostgreSQL's client blocks).
pub fn on_demo<F>(url: &str, exercise: F)
where
    F: AsyncFnOnce(&Client),
{
    use quhua_server::auth::password::HashParams;
    quhua_server::demo::prepare(url, &HashParams::insecure_fast()).unwrap();
    let config = quhua_server::ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let c = Client(quhua_server::router(
        quhua_server::AppState::open(url, config).unwrap(),
    ));
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(exercise(&c));
}
