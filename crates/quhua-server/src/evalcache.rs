//! A small least-recently-used cache of finished evaluation responses.
//!
//! An evaluation depends only on the county's base (immutable while the server runs: the
//! catalog is loaded once at start), the built-in policy and the operations, so the response
//! text for the same key can be answered again without evaluating. Editors undo, reset and
//! reload the same sequences over and over; every hit skips evaluation, dissolving and
//! serialisation entirely.
//!
//! `QUHUA_EVAL_CACHE=0` (or `off`, `false`, `no`) in the server's environment switches the
//! cache off (every request evaluates; used by the load benchmark to measure evaluation
//! itself). It is read once per process.

use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Entries kept per county (responses are ≈ 10–60 KiB, so at most a few MiB each).
pub const CAPACITY: usize = 256;

/// The environment variable that switches the cache off (`0`, `off`, `false`, `no`).
pub const ENV_SWITCH: &str = "QUHUA_EVAL_CACHE";

/// Whether `QUHUA_EVAL_CACHE` leaves the cache on (read once per process).
pub fn enabled_by_env() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var(ENV_SWITCH).map_or(true, |v| !is_off(&v)))
}

fn is_off(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "0" | "off" | "false" | "no"
    )
}

/// The cache: key → (response, last use).
#[derive(Debug)]
pub struct ResultCache {
    inner: Mutex<Inner>,
    enabled: bool,
}

impl Default for ResultCache {
    /// A cache switched on or off by `QUHUA_EVAL_CACHE` (see [`enabled_by_env`]).
    fn default() -> Self {
        ResultCache::new(enabled_by_env())
    }
}

#[derive(Debug, Default)]
struct Inner {
    map: HashMap<String, (Bytes, u64)>,
    tick: u64,
}

impl ResultCache {
    /// An empty cache; a disabled one never answers and never stores.
    pub fn new(enabled: bool) -> Self {
        ResultCache {
            inner: Mutex::default(),
            enabled,
        }
    }

    /// Whether the cache answers at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The cached response for `key`, marking it used.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        if !self.enabled {
            return None;
        }
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        g.tick += 1;
        let tick = g.tick;
        g.map.get_mut(key).map(|(b, used)| {
            *used = tick;
            b.clone()
        })
    }

    /// Stores a response, evicting the least recently used entry when full.
    pub fn put(&self, key: String, value: Bytes) {
        if !self.enabled {
            return;
        }
        let mut g = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        g.tick += 1;
        let tick = g.tick;
        if g.map.len() >= CAPACITY && !g.map.contains_key(&key) {
            let oldest = g
                .map
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                g.map.remove(&k);
            }
        }
        g.map.insert(key, (value, tick));
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .map
            .len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_cache_never_answers() {
        let c = ResultCache::new(false);
        c.put("k".into(), Bytes::from_static(b"x"));
        assert!(c.get("k").is_none());
        assert!(c.is_empty());
        assert!(is_off("0") && is_off(" OFF ") && is_off("false") && !is_off("1"));
    }

    #[test]
    fn evicts_least_recently_used() {
        let c = ResultCache::new(true);
        for i in 0..CAPACITY {
            c.put(format!("k{i}"), Bytes::from(i.to_string()));
        }
        assert!(c.get("k0").is_some()); // k0 is now the most recent
        c.put("new".into(), Bytes::from_static(b"x"));
        assert_eq!(c.len(), CAPACITY);
        assert!(c.get("k0").is_some());
        assert!(c.get("k1").is_none());
        assert_eq!(c.get("new").as_deref(), Some(&b"x"[..]));
    }
}
