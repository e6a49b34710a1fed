//! Login rate limiting, in memory, per process, with two sliding windows:
//!
//! - per client IP, whatever the names tried (`max_per_ip` failures): a flood of random
//!   names from one address is stopped after a few attempts, before any password hashing;
//! - per user name, whatever the address (`max_per_name` failures): guessing one
//!   account's password from many addresses is stopped too.
//!
//! A blocked attempt gets 429 until the oldest failure leaves the window. A successful
//! login clears its name's failures (not its IP's: a valid account must not reset a flood).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Entries kept per map before expired ones are swept.
const SWEEP_AT: usize = 100_000;

/// Failed-login counter.
#[derive(Debug)]
pub struct LoginLimiter {
    max_per_name: usize,
    max_per_ip: usize,
    window: Duration,
    by_name: Mutex<HashMap<String, VecDeque<Instant>>>,
    by_ip: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginLimiter {
    /// A limiter allowing `max_failures` per name and 4 × `max_failures` per IP in `window`.
    pub fn new(max_failures: usize, window: Duration) -> Self {
        Self::with_limits(max_failures, max_failures.saturating_mul(4), window)
    }

    /// A limiter with explicit per-name and per-IP limits.
    pub fn with_limits(max_per_name: usize, max_per_ip: usize, window: Duration) -> Self {
        LoginLimiter {
            max_per_name: max_per_name.max(1),
            max_per_ip: max_per_ip.max(1),
            window,
            by_name: Mutex::new(HashMap::new()),
            by_ip: Mutex::new(HashMap::new()),
        }
    }

    fn name_key(user: &str) -> String {
        user.trim().to_lowercase().chars().take(64).collect()
    }

    fn blocked(
        map: &Mutex<HashMap<String, VecDeque<Instant>>>,
        key: &str,
        max: usize,
        window: Duration,
        now: Instant,
    ) -> Option<u64> {
        let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
        let q = map.get_mut(key)?;
        while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
            q.pop_front();
        }
        if q.len() >= max {
            let oldest = q.front().copied().unwrap_or(now);
            let wait = window.saturating_sub(now.duration_since(oldest));
            return Some(wait.as_secs().max(1));
        }
        None
    }

    fn record(
        map: &Mutex<HashMap<String, VecDeque<Instant>>>,
        key: String,
        max: usize,
        window: Duration,
        now: Instant,
    ) {
        let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > SWEEP_AT {
            map.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        let q = map.entry(key).or_default();
        q.push_back(now);
        // Only the newest `max` failures matter.
        while q.len() > max {
            q.pop_front();
        }
    }

    /// `Err(seconds until retry)` when the IP or the name is blocked.
    pub fn check(&self, user: &str, ip: &str) -> Result<(), u64> {
        let now = Instant::now();
        let ip_wait = Self::blocked(&self.by_ip, ip, self.max_per_ip, self.window, now);
        let name_wait = Self::blocked(
            &self.by_name,
            &Self::name_key(user),
            self.max_per_name,
            self.window,
            now,
        );
        match (ip_wait, name_wait) {
            (None, None) => Ok(()),
            (a, b) => Err(a.unwrap_or(0).max(b.unwrap_or(0))),
        }
    }

    /// Records a failure against both the name and the IP.
    pub fn fail(&self, user: &str, ip: &str) {
        let now = Instant::now();
        Self::record(
            &self.by_ip,
            ip.to_string(),
            self.max_per_ip,
            self.window,
            now,
        );
        Self::record(
            &self.by_name,
            Self::name_key(user),
            self.max_per_name,
            self.window,
            now,
        );
    }

    /// Forgets the failures of a name (after a successful login).
    pub fn clear(&self, user: &str, _ip: &str) {
        let mut map = self.by_name.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(&Self::name_key(user));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_a_name_from_any_ip() {
        let l = LoginLimiter::with_limits(3, 100, Duration::from_secs(600));
        for k in 0..3 {
            assert!(l.check("A", &format!("10.0.0.{k}")).is_ok());
            l.fail("a", &format!("10.0.0.{k}"));
        }
        assert!(l.check("a", "1.2.3.4").is_err());
        assert!(l.check("b", "1.2.3.4").is_ok());
        l.clear("a", "1.2.3.4");
        assert!(l.check("a", "1.2.3.4").is_ok());
    }

    #[test]
    fn blocks_an_ip_whatever_the_names() {
        let l = LoginLimiter::with_limits(3, 5, Duration::from_secs(600));
        for k in 0..5 {
            assert!(l.check(&format!("random{k}"), "1.2.3.4").is_ok());
            l.fail(&format!("random{k}"), "1.2.3.4");
        }
        assert!(l.check("someone-new", "1.2.3.4").is_err());
        assert!(l.check("someone-new", "5.6.7.8").is_ok());
        // A success clears the name, not the address.
        l.clear("random0", "1.2.3.4");
        assert!(l.check("random0", "1.2.3.4").is_err());
    }
}
