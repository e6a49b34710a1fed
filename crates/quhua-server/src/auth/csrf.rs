//! CSRF protection: a synchronizer token per session, returned by `/api/login` and
//! `/api/me`, required in the `X-CSRF-Token` header of every request whose method is not
//! safe (anything but GET/HEAD/OPTIONS). Together with `SameSite=Strict` cookies and JSON-only
//! bodies this blocks cross-site form and fetch forgeries.

use axum::http::{HeaderMap, Method};

/// The header carrying the token.
pub const HEADER: &str = "x-csrf-token";

/// Whether a method changes state (and so needs the token).
pub fn needs_token(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the request's header matches the session's token (constant-time comparison).
pub fn check(headers: &HeaderMap, expected: &str) -> bool {
    let Some(got) = headers.get(HEADER).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    constant_time_eq(got.as_bytes(), expected.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        let mut h = HeaderMap::new();
        assert!(!check(&h, "abc"));
        h.insert(HEADER, "abc".parse().unwrap());
        assert!(check(&h, "abc"));
        assert!(!check(&h, "abd"));
        assert!(!check(&h, ""));
        assert!(needs_token(&Method::POST) && !needs_token(&Method::GET));
    }
}
