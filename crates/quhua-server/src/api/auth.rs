//! `POST /api/login`, `POST /api/logout`, `GET /api/me`.

use crate::accounts::User;
use crate::app::AppState;
use crate::auth::session::{self, AuthUser, now_unix};
use crate::auth::{password, random_hex};
use crate::contract::{Done, Session};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ClientIp};
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

/// Login body.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
}

/// Checks the password (argon2, in the bounded verification pool: 503 when it is full),
/// opens a session and sets its cookie. Failed attempts count towards the per-IP and the
/// per-name limits; when either is reached → 429.
pub async fn login(
    State(st): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<LoginBody>,
) -> ApiResult<Response> {
    if let Err(wait) = st.limiter.check(&body.username, &ip) {
        return Err(ApiError::too_many_attempts(wait));
    }
    let accounts = st.accounts.clone();
    let dummy = st.dummy_hash.clone();
    let (name, pw) = (body.username.trim().to_string(), body.password);
    // Look-up and Argon2 run in the small bounded pool; a full queue is answered 503.
    let user = password::pool()
        .run(move || -> Result<Option<User>, ApiError> {
            let found = accounts.find_user(&name).map_err(ApiError::internal)?;
            Ok(match found {
                Some((u, hash)) => password::verify(&pw, &hash).then_some(u),
                None => {
                    let _ = password::verify(&pw, &dummy);
                    None
                }
            })
        })
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "登录请求过多，服务器繁忙，请稍后再试",
                "too many logins at once: the server is busy; retry shortly",
            )
            .with("retry_after_secs", json!(1))
        })??;
    let Some(user) = user else {
        st.limiter.fail(&body.username, &ip);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "用户名或密码错误",
            "wrong user name or password",
        ));
    };
    st.limiter.clear(&body.username, &ip);
    let token = random_hex(32).map_err(ApiError::internal)?;
    let csrf = random_hex(32).map_err(ApiError::internal)?;
    let now = now_unix();
    let expires_at = now + st.config.session_ttl_secs;
    let hash = session::token_hash(&token);
    let accounts = st.accounts.clone();
    let (h, c, uid) = (hash.clone(), csrf.clone(), user.id);
    tokio::task::spawn_blocking(move || accounts.create_session(&h, uid, &c, now, expires_at))
        .await?
        .map_err(ApiError::internal)?;
    st.sessions.put(
        &hash,
        crate::accounts::SessionRecord {
            user: user.clone(),
            csrf_token: csrf.clone(),
            expires_at,
        },
    );
    let cookie = session::set_cookie(&token, st.config.session_ttl_secs, st.config.secure_cookies)?;
    let mut resp =
        Json(Session::new(&user, &csrf, expires_at).with_basemap(st.config.basemap.as_ref()))
            .into_response();
    resp.headers_mut().insert(header::SET_COOKIE, cookie);
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(resp)
}

/// Ends the session (CSRF token required) and clears the cookie.
pub async fn logout(State(st): State<AppState>, me: AuthUser) -> ApiResult<Response> {
    st.sessions.remove(&me.token_hash);
    let accounts = st.accounts.clone();
    let h = me.token_hash.clone();
    tokio::task::spawn_blocking(move || accounts.delete_session(&h))
        .await?
        .map_err(ApiError::internal)?;
    let mut resp = Json(Done { ok: true }).into_response();
    resp.headers_mut().insert(
        header::SET_COOKIE,
        session::clear_cookie(st.config.secure_cookies),
    );
    Ok(resp)
}

/// The current user, role, jurisdiction and the session's CSRF token.
pub async fn me(State(st): State<AppState>, me: AuthUser) -> Json<Session> {
    Json(
        Session::new(&me.user, &me.csrf_token, me.expires_at)
            .with_basemap(st.config.basemap.as_ref()),
    )
}
