//! Cookie sessions: a random 256-bit token in an `HttpOnly; SameSite=Strict` cookie; the
//! database keeps only its SHA-256 with the user, the CSRF token and the expiry.
//!
//! Lookups go through a small in-memory cache re-validated against the database every
//! [`SessionCache::RECHECK`]; a logout on this process takes effect at once, a logout on
//! another server process sharing the database within that interval.

use super::csrf;
use crate::accounts::{SessionRecord, User};
use crate::app::AppState;
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The session cookie's name.
pub const COOKIE: &str = "quhua_session";

/// SHA-256 of a token, hex: what the database stores.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The session token from the `Cookie` header(s), if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// The `Set-Cookie` value for a new session.
pub fn set_cookie(token: &str, max_age_secs: i64, secure: bool) -> Result<HeaderValue, ApiError> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{secure}"
    ))
    .map_err(ApiError::internal)
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> HeaderValue {
    HeaderValue::from_static(if secure {
        "quhua_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
    } else {
        "quhua_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
    })
}

/// Unix seconds now.
pub fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Recently validated sessions by token hash.
#[derive(Debug, Default)]
pub struct SessionCache {
    map: Mutex<HashMap<String, (SessionRecord, Instant)>>,
}

impl SessionCache {
    /// How long a cached session is trusted before it is checked against the database again.
    pub const RECHECK: Duration = Duration::from_secs(30);

    fn get(&self, hash: &str, now: i64) -> Option<SessionRecord> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(hash)
            .filter(|(s, at)| at.elapsed() < Self::RECHECK && s.expires_at > now)
            .map(|(s, _)| s.clone())
    }

    /// Caches a session just validated or created.
    pub fn put(&self, hash: &str, s: SessionRecord) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 50_000 {
            map.retain(|_, (_, at)| at.elapsed() < Self::RECHECK);
        }
        map.insert(hash.to_string(), (s, Instant::now()));
    }

    /// Forgets a session (logout).
    pub fn remove(&self, hash: &str) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(hash);
    }
}

/// The logged-in user of a request. Extracting it answers 401 without a live session and
/// 403 when a state-changing request lacks the session's CSRF token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    /// The account.
    pub user: User,
    /// The session's CSRF token.
    pub csrf_token: String,
    /// The session token's hash.
    pub token_hash: String,
    /// Session expiry, Unix seconds.
    pub expires_at: i64,
}

impl AuthUser {
    /// The acting person for the use cases (quhua-app).
    pub fn actor(&self) -> quhua_app::access::Actor {
        quhua_app::access::Actor {
            name: self.user.username.clone(),
            role: Some(self.user.role),
            jurisdiction: self.user.jurisdiction.clone(),
            department: self.user.department,
            org: self.user.org.clone(),
        }
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = cookie_token(&parts.headers).ok_or_else(ApiError::unauthorized)?;
        let hash = token_hash(token);
        let now = now_unix();
        let session = match state.sessions.get(&hash, now) {
            Some(s) => s,
            None => {
                let accounts = state.accounts.clone();
                let h = hash.clone();
                let found = tokio::task::spawn_blocking(move || accounts.get_session(&h, now))
                    .await?
                    .map_err(ApiError::internal)?;
                let s = found.ok_or_else(ApiError::unauthorized)?;
                state.sessions.put(&hash, s.clone());
                s
            }
        };
        if csrf::needs_token(&parts.method) && !csrf::check(&parts.headers, &session.csrf_token) {
            return Err(ApiError::csrf());
        }
        Ok(AuthUser {
            user: session.user,
            csrf_token: session.csrf_token,
            token_hash: hash,
            expires_at: session.expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookie() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; quhua_session=tok; b=2".parse().unwrap(),
        );
        assert_eq!(cookie_token(&h), Some("tok"));
        assert_eq!(token_hash("x").len(), 64);
    }
}
