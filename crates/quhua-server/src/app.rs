//! Application state and the router: every route of the API in one table.

use crate::accounts::AccountStore;
use crate::auth::password::{self, HashParams};
use crate::auth::ratelimit::LoginLimiter;
use crate::auth::session::SessionCache;
use crate::catalog::Catalog;
use crate::embed;
use crate::error::ApiError;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::any;
use quhua_app::{App, AppError};
use quhua_store::Store;
use std::ops::Deref;
use std::sync::{Arc, RwLock};
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
    /// The basemap the bureau configured, if any (off unless given).
    pub basemap: Option<crate::basemap::Basemap>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            session_ttl_secs: 8 * 3600,
            secure_cookies: false,
            hash_params: HashParams::default(),
            login_max_failures: 5,
            login_window: Duration::from_secs(600),
            basemap: None,
        }
    }
}

/// Shared state behind every handler.
#[derive(Debug)]
pub struct Inner {
    /// Users and sessions.
    pub accounts: Arc<AccountStore>,
    /// The use cases (quhua-app) over the store's connection pool.
    pub app: App,
    /// Counties, bases and geometry, rebuilt when the registry changes.
    catalog: RwLock<Arc<Catalog>>,
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
        let store = Store::open(db_url)?;
        let app =
            App::new(store.clone()).map_err(|e| crate::ServerError::Invalid(e.to_string()))?;
        let accounts = AccountStore::new(store);
        let dummy_hash = password::hash("dummy-password-never-valid", &config.hash_params)?;
        let catalog = Catalog::new(&app);
        Ok(AppState(Arc::new(Inner {
            accounts: Arc::new(accounts),
            app,
            catalog: RwLock::new(Arc::new(catalog)),
            sessions: SessionCache::default(),
            limiter: LoginLimiter::new(config.login_max_failures, config.login_window),
            config,
            dummy_hash,
        })))
    }

    /// The current catalog (counties, bases, geometry).
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Runs a use case in a blocking task (the store is synchronous), then rebuilds the
    /// catalog if the use case changed the registry.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&App) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        Ok(tokio::task::spawn_blocking(move || {
            let before = state.app.stamp();
            let out = f(&state.app);
            if state.app.stamp() != before {
                state.rebuild_catalog();
            }
            out
        })
        .await??)
    }

    /// Looks for registry changes made by another process (or another request) and rebuilds
    /// the catalog when there are; returns whether it did. Blocking (one small query).
    pub fn sync_registry(&self) -> Result<bool, AppError> {
        let before = self.app.stamp();
        self.app.refresh()?;
        if self.app.stamp() != before {
            self.rebuild_catalog();
            return Ok(true);
        }
        Ok(false)
    }

    fn rebuild_catalog(&self) {
        let catalog = Catalog::new(&self.app);
        *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(catalog);
    }

    /// Polls the registry stamp every `every` until the runtime shuts down, so an import or an
    /// apply made by another process (the CLI, a second server) shows without a restart.
    pub fn spawn_registry_watch(&self, every: Duration) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let s = state.clone();
                match tokio::task::spawn_blocking(move || s.sync_registry()).await {
                    Ok(Err(e)) => eprintln!("quhua-server: registry check failed: {e}"),
                    Err(e) => eprintln!("quhua-server: registry check panicked: {e}"),
                    Ok(Ok(_)) => {}
                }
            }
        });
    }
}

/// The full application: API, OpenAPI document and the embedded web UI.
pub fn router(state: AppState) -> Router {
    let csp = crate::basemap::content_security_policy(state.config.basemap.as_ref());
    crate::routes::api_router()
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .fallback(embed::static_handler)
        .layer(axum::middleware::map_response(move |resp| {
            security_headers(resp, csp.clone())
        }))
        .layer(DefaultBodyLimit::max(1 << 20))
        .with_state(state)
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("接口", "API route")
}

/// Headers on every response: no sniffing, no framing, a strict content security policy
/// (MapLibre needs `blob:` workers; ECharts and MapLibre set inline styles; the configured
/// basemap's tile hosts, see [`crate::basemap::content_security_policy`]).
async fn security_headers(mut resp: Response, csp: HeaderValue) -> Response {
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
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    resp
}
