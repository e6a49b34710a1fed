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
        let catalog = Catalog::new(app.registry_opt());
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
        let catalog = Catalog::new(self.app.registry_opt());
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
    ("GET", "/api/counties/{code}/evaluation"),
    ("GET", "/api/counties/{code}/observations"),
    ("POST", "/api/counties/{code}/observations"),
    ("GET", "/api/counties/{code}/crosswalk"),
    ("GET", "/api/counties/{code}/recast"),
    ("POST", "/api/counties/{code}/recast"),
    ("GET", "/api/scenarios"),
    ("POST", "/api/scenarios"),
    ("GET", "/api/scenarios/{id}"),
    ("PUT", "/api/scenarios/{id}"),
    ("GET", "/api/compare"),
    ("GET", "/api/plans"),
    ("POST", "/api/plans"),
    ("GET", "/api/plans/{id}"),
    ("POST", "/api/plans/{id}/consultation"),
    ("POST", "/api/plans/{id}/materials"),
    ("GET", "/api/plans/{id}/materials/{sha256}"),
    ("POST", "/api/plans/{id}/steps/{step}"),
    ("POST", "/api/plans/{id}/opinions"),
    ("POST", "/api/plans/{id}/return"),
    ("POST", "/api/plans/{id}/revise"),
    ("POST", "/api/plans/{id}/approve"),
    ("POST", "/api/plans/{id}/extensions"),
    ("POST", "/api/plans/{id}/apply"),
    ("GET", "/api/plans/{id}/documents/{doc}"),
    ("GET", "/api/plans/{id}/evaluation"),
    ("GET", "/api/plans/{id}/handover"),
    ("POST", "/api/plans/{id}/handover"),
    ("GET", "/api/plans/{id}/handover/sections/{section}"),
    ("POST", "/api/plans/{id}/handover/actions"),
    ("POST", "/api/plans/{id}/handover/imports/{kind}"),
    ("GET", "/api/plans/{id}/handover/documents/{doc}"),
    ("GET", "/api/tasks"),
    ("GET", "/api/tasks/{id}"),
    ("POST", "/api/tasks/{id}/actions"),
    ("POST", "/api/tasks/{id}/evidence"),
    ("GET", "/api/tasks/{id}/evidence/{sha256}"),
    ("POST", "/api/tasks/imports"),
    ("GET", "/api/tasks/imports/template"),
    ("GET", "/api/tasks/settings"),
    ("POST", "/api/tasks/escalations"),
    ("GET", "/api/tasks/changes"),
    ("GET", "/api/tasks/summary"),
    ("GET", "/api/tasks/reports/{period}"),
    ("POST", "/api/plans/{id}/tasks"),
    ("GET", "/api/inbox"),
    ("GET", "/api/risks"),
    ("POST", "/api/risks"),
    ("POST", "/api/risks/{id}/actions"),
    ("GET", "/api/feedback"),
    ("POST", "/api/feedback"),
    ("POST", "/api/feedback/imports"),
    ("POST", "/api/feedback/{id}/actions"),
    ("GET", "/api/openapi.json"),
];

/// The largest upload body (a little over quhua-app's file limit, so the use case answers
/// with its own clear message first).
const UPLOAD_LIMIT: usize = quhua_app::upload::MAX_BYTES + (1 << 20);

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
        .route(
            "/api/counties/{code}/evaluation",
            get(api::stats::county_evaluation),
        )
        .route(
            "/api/counties/{code}/observations",
            get(api::stats::observations)
                .post(api::stats::import)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/counties/{code}/crosswalk", get(api::stats::crosswalk))
        .route(
            "/api/counties/{code}/recast",
            get(api::stats::recast_stored)
                .post(api::stats::recast_upload)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/compare", get(api::compare::compare))
        .route("/api/plans", get(api::plans::list).post(api::plans::submit))
        .route("/api/plans/{id}", get(api::plans::get))
        .route("/api/plans/{id}/consultation", post(api::plans::consult))
        .route(
            "/api/plans/{id}/materials",
            post(api::plans::attach).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/plans/{id}/materials/{sha256}",
            get(api::plans::material),
        )
        .route(
            "/api/plans/{id}/steps/{step}",
            post(api::plans::complete_step).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/plans/{id}/opinions", post(api::plans::opinion))
        .route("/api/plans/{id}/return", post(api::plans::return_plan))
        .route("/api/plans/{id}/revise", post(api::plans::revise))
        .route(
            "/api/plans/{id}/approve",
            post(api::plans::approve).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/plans/{id}/extensions", post(api::plans::extend))
        .route("/api/plans/{id}/apply", post(api::plans::apply))
        .route("/api/plans/{id}/documents/{doc}", get(api::plans::document))
        .route(
            "/api/plans/{id}/evaluation",
            get(api::stats::plan_evaluation),
        )
        .route(
            "/api/plans/{id}/handover",
            get(api::handover::get).post(api::handover::init),
        )
        .route(
            "/api/plans/{id}/handover/sections/{section}",
            get(api::handover::section),
        )
        .route("/api/plans/{id}/handover/actions", post(api::handover::act))
        .route(
            "/api/plans/{id}/handover/imports/{kind}",
            post(api::handover::import).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/plans/{id}/handover/documents/{doc}",
            get(api::handover::document),
        )
        .route("/api/tasks", get(api::tasks::board))
        .route("/api/tasks/{id}", get(api::tasks::get))
        .route("/api/tasks/{id}/actions", post(api::tasks::act))
        .route(
            "/api/tasks/{id}/evidence",
            post(api::tasks::upload_evidence).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/tasks/{id}/evidence/{sha256}",
            get(api::tasks::evidence),
        )
        .route(
            "/api/tasks/imports",
            post(api::tasks::import).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/tasks/imports/template", get(api::tasks::template))
        .route("/api/tasks/settings", get(api::tasks::settings))
        .route("/api/tasks/escalations", post(api::tasks::escalate))
        .route("/api/tasks/changes", get(api::tasks::changes))
        .route("/api/tasks/summary", get(api::tasks::overview))
        .route("/api/tasks/reports/{period}", get(api::tasks::report))
        .route("/api/plans/{id}/tasks", post(api::tasks::generate))
        .route("/api/inbox", get(api::tasks::inbox))
        .route(
            "/api/risks",
            get(api::registers::risks).post(api::registers::create_risk),
        )
        .route("/api/risks/{id}/actions", post(api::registers::risk_act))
        .route(
            "/api/feedback",
            get(api::registers::feedback).post(api::registers::receive),
        )
        .route(
            "/api/feedback/imports",
            post(api::registers::import).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/feedback/{id}/actions",
            post(api::registers::feedback_act),
        )
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
