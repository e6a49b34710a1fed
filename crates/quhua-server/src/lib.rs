//! quhua-server: the HTTP JSON API of quhua (axum 0.8) and the embedded web UI.
//!
//! - [`app`]: state, configuration and the router, built from [`routes::API`] (every route);
//! - [`auth`]: argon2 passwords, cookie sessions (hashed tokens), CSRF, login rate limit;
//! - [`accounts`]: users (role × jurisdiction) and sessions in the quhua database;
//! - [`api`]: counties, evaluation, 方案推荐 (propose), scenarios, comparison, plans (报批程序); [`openapi`]: the OpenAPI document;
//! - [`catalog`], [`geojson`]: per-county bases and schematic (示意) boundaries, cached;
//! - [`evaluation`], [`evalcache`]: compact evaluation responses and their LRU cache;
//! - [`embed`]: the web UI; [`demo`]: the `--demo` database; [`digest`]: the daily digest
//!   the server sends itself.
//!
//! ```no_run
//! quhua_server::serve(quhua_server::ServeOptions {
//!     addr: "127.0.0.1:8080".into(),
//!     db_url: "sqlite:quhua-demo.db".into(),
//!     demo: true,
//!     config: Default::default(),
//!     digest: None,
//! }).unwrap();
//! ```

pub mod accounts;
pub mod api;
pub mod app;
pub mod auth;
pub mod basemap;
pub mod catalog;
pub mod contract;
pub mod demo;
pub mod digest;
pub mod embed;
pub mod error;
pub mod evalcache;
pub mod evaluation;
pub mod extract;
pub mod geojson;
pub mod limits;
pub mod openapi;
pub mod routes;

pub use app::{AppState, ServerConfig, router};
pub use error::ApiError;
pub use routes::{API, Route};

use accounts::{AccountError, AccountStore, Jurisdiction, Role, User};
use auth::password::{self, HashParams, PasswordError};
use std::net::SocketAddr;

/// Why the server could not start (or an admin command failed).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// quhua-store failed.
    #[error(transparent)]
    Store(#[from] quhua_store::StoreError),
    /// The account tables failed.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// Password hashing failed.
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// Binding or serving failed.
    #[error("网络错误：{0} / network error: {0}")]
    Io(#[from] std::io::Error),
    /// The demo data could not be prepared.
    #[error("演示数据准备失败：{0} / demo set-up failed: {0}")]
    Demo(String),
    /// Invalid input.
    #[error("{0}")]
    Invalid(String),
}

/// Options of [`serve`].
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// `HOST:PORT` to listen on.
    pub addr: String,
    /// Database URL (`sqlite:PATH` or `postgres://…`).
    pub db_url: String,
    /// Prepare the demo county and demo accounts on first start.
    pub demo: bool,
    /// Tunables.
    pub config: ServerConfig,
    /// The daily digest the server sends itself, if any.
    pub digest: Option<digest::DigestSchedule>,
}

/// Opens (and with `demo`, prepares) the database, binds, prints the address (and the demo
/// accounts) and serves until Ctrl-C. Blocking: runs its own Tokio runtime.
pub fn serve(opts: ServeOptions) -> Result<(), ServerError> {
    let addr: SocketAddr = opts.addr.parse().map_err(|_| {
        ServerError::Invalid(format!(
            "监听地址“{0}”应为 主机:端口 / listen address \"{0}\" must be HOST:PORT",
            opts.addr
        ))
    })?;
    if opts.demo {
        demo::prepare(&opts.db_url, &opts.config.hash_params)?;
    }
    let state = AppState::open(&opts.db_url, opts.config.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        println!("quhua 服务已启动 / listening on http://{local}");
        println!("数据库 / database: {}", redact(&opts.db_url));
        if !evalcache::enabled_by_env() {
            println!(
                "评估结果缓存已关闭（{}=0） / evaluation cache off ({}=0)",
                evalcache::ENV_SWITCH,
                evalcache::ENV_SWITCH
            );
        }
        if state.catalog().counties().is_empty() {
            println!("提示：数据库中尚无区划名录 / note: no registry imported yet");
        }
        if opts.demo {
            println!("演示账号（仅供演示） / demo accounts (demo only):");
            for a in demo::DEMO_ACCOUNTS {
                println!(
                    "  {:<10} 密码 / password: {:<20} {} {} — {}",
                    a.username,
                    a.password,
                    a.role.zh(),
                    a.jurisdiction,
                    a.note
                );
            }
        }
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        // Imports and applies made by another process show within a second: a tick waits
        // at most 250 ms (one small stamp query), the reload takes the rest.
        state.spawn_registry_watch(std::time::Duration::from_millis(250));
        if let Some(d) = opts.digest {
            println!(
                "每日提醒：每天 {} 发送 / daily digest: sent every day at {}",
                d.at.format("%H:%M"),
                d.at.format("%H:%M")
            );
            digest::spawn(state.clone(), d);
        }
        // Connection cap, header/body/idle timeouts: see `limits`.
        limits::serve_limited(
            listener,
            router(state),
            limits::ConnLimits::default(),
            async {
                let _ = tokio::signal::ctrl_c().await;
            },
        )
        .await
    })?;
    Ok(())
}

/// Hides a password in a database URL.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

/// Creates an account (`quhua user add`): checks role × jurisdiction, hashes the password.
pub fn add_user(
    db_url: &str,
    username: &str,
    password: &str,
    role: &str,
    jurisdiction: &str,
) -> Result<User, ServerError> {
    let role = Role::parse(role).ok_or_else(|| {
        ServerError::Invalid(format!(
            "未知角色“{role}”，可用：county_editor（县级编辑）、city_reviewer（市级审核）、province_approver（省级审批）、department（部门）、viewer（查看） / unknown role \"{role}\""
        ))
    })?;
    let j = Jurisdiction::parse(jurisdiction, role)
        .map_err(|(zh, en)| ServerError::Invalid(format!("{zh} / {en}")))?;
    let accounts = AccountStore::open(db_url)?;
    let hash = password::hash(password, &HashParams::default())?;
    Ok(accounts.create_user(username, &hash, role, &j)?)
}
