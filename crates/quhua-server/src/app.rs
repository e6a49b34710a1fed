//! Application state and the router: every route of the API in one table.

use crate::accounts::AccountStore;
use crate::auth::password::{self, HashParams};
use crate::auth::ratelimit::LoginLimiter;
use crate::auth::session::SessionCache;
use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::{api, embed, openapi};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{any, get, post};
use quhua_store::{Store, StoreError};
use std::ops::Deref;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Tunables of the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Session lifetime in seconds (default 8 hours: one working day).
    pub session_ttl_secs: i64,
    /// Adds `Secure` to the session cookie (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Argon2 parameters for new password hashes.
    pub hash_params: HashParams,
    /// Failed logins allowed per user name and IP in `login_window`.
    pub login_max_failures: usize,
    /// The rate-limit window.
    pub login_window: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            session_ttl_secs: 8 * 3600,
            secure_cookies: false,
            hash_params: HashParams::default(),
            login_max_failures: 5,
            login_window: Duration::from_secs(600),
        }
    }
}

/// Shared state behind every handler.
#[derive(Debug)]
pub struct Inner {
    /// Users and sessions.
    pub accounts: Arc<AccountStore>,
    /// quhua-store (registry, scenarios, audit), one connection.
    pub store: Arc<Mutex<Store>>,
    /// Counties, bases and geometry.
    pub catalog: Arc<Catalog>,
    /// Validated sessions.
    pub sessions: SessionCache,
    /// Failed-login limiter.
    pub limiter: LoginLimiter,
    /// Configuration.
    pub config: ServerConfig,
    /// A hash verified against for unknown users, so timing does not reveal which names exist.
    pub dummy_hash: String,
}

/// Cheaply cloneable handle to [`Inner`].
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens the database (`sqlite:PATH` or `postgres://…`): quhua-store's schema and the
    /// server's tables are migrated, the registry is loaded for the county catalog.
    pub fn open(db_url: &str, config: ServerConfig) -> Result<AppState, crate::ServerError> {
        let mut store = Store::open(db_url)?;
        let registry = store.load_registry()?;
        let accounts = AccountStore::open(db_url)?;
        let dummy_hash = password::hash("dummy-password-never-valid", &config.hash_params)?;
        Ok(AppState(Arc::new(Inner {
            accounts: Arc::new(accounts),
            store: Arc::new(Mutex::new(store)),
            catalog: Arc::new(Catalog::new(registry)),
            sessions: SessionCache::default(),
            limiter: LoginLimiter::new(config.login_max_failures, config.login_window),
            config,
            dummy_hash,
        })))
    }

    /// Runs a closure on the store in a blocking task.
    pub async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = self.store.clone();
        let r = tokio::task::spawn_blocking(move || {
            let mut s = store.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut s)
        })
        .await?;
        Ok(r?)
    }
}

/// Every API route: method and path (the OpenAPI document and the authorization test
/// are checked against this list).
pub const ROUTES: &[(&str, &str)] = &[
    ("POST", "/api/login"),
    ("POST", "/api/logout"),
    ("GET", "/api/me"),
    ("GET", "/api/counties"),
    ("GET", "/api/counties/{code}/base"),
    ("GET", "/api/counties/{code}/geojson"),
    ("POST", "/api/counties/{code}/evaluate"),
    ("POST", "/api/counties/{code}/propose"),
    ("GET", "/api/scenarios"),
    ("POST", "/api/scenarios"),
    ("GET", "/api/scenarios/{id}"),
    ("PUT", "/api/scenarios/{id}"),
    ("GET", "/api/compare"),
    ("GET", "/api/plans"),
    ("GET", "/api/plans/{id}"),
    ("GET", "/api/openapi.json"),
];

/// The full application: API, OpenAPI document and the embedded web UI.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/login", post(api::auth::login))
        .route("/api/logout", post(api::auth::logout))
        .route("/api/me", get(api::auth::me))
        .route("/api/counties", get(api::counties::list))
        .route("/api/counties/{code}/base", get(api::counties::base))
        .route("/api/counties/{code}/geojson", get(api::counties::geojson))
        .route(
            "/api/counties/{code}/evaluate",
            post(api::counties::evaluate),
        )
        .route(
            "/api/scenarios",
            get(api::scenarios::list).post(api::scenarios::create),
        )
        .route(
            "/api/scenarios/{id}",
            get(api::scenarios::get).put(api::scenarios::update),
        )
        .route("/api/counties/{code}/propose", post(api::propose::propose))
        .route("/api/compare", get(api::compare::compare))
        .route("/api/plans", get(api::plans::list))
        .route("/api/plans/{id}", get(api::plans::get))
        .route("/api/openapi.json", get(openapi::handler))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .fallback(embed::static_handler)
        .layer(axum::middleware::map_response(security_headers))
        .layer(DefaultBodyLimit::max(1 << 20))
        .with_state(state)
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("接口", "API route")
}

/// Headers on every response: no sniffing, no framing, a strict content security policy
/// (MapLibre needs `blob:` workers; ECharts and MapLibre set inline styles).
async fn security_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data: blob:; worker-src 'self' blob:; child-src blob:; \
             connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    resp
}
