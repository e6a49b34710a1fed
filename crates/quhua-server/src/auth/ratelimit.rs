//! Login rate limiting: at most `max_failures` failed logins per (user name, client IP) in a
//! sliding window; further attempts get 429 until the oldest failure leaves the window.
//! In memory, per process.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed-login counter.
#[derive(Debug)]
pub struct LoginLimiter {
    max_failures: usize,
    window: Duration,
    failures: Mutex<HashMap<(String, String), VecDeque<Instant>>>,
}

impl LoginLimiter {
    /// A limiter allowing `max_failures` per `window`.
    pub fn new(max_failures: usize, window: Duration) -> Self {
        LoginLimiter {
            max_failures,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn key(user: &str, ip: &str) -> (String, String) {
        (user.trim().to_lowercase(), ip.to_string())
    }

    /// `Err(seconds until retry)` when the key is blocked.
    pub fn check(&self, user: &str, ip: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let Some(q) = map.get_mut(&Self::key(user, ip)) else {
            return Ok(());
        };
        while q
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            q.pop_front();
        }
        if q.len() >= self.max_failures {
            let oldest = q.front().copied().unwrap_or(now);
            let wait = self.window.saturating_sub(now.duration_since(oldest));
            return Err(wait.as_secs().max(1));
        }
        Ok(())
    }

    /// Records a failure.
    pub fn fail(&self, user: &str, ip: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        map.entry(Self::key(user, ip)).or_default().push_back(now);
    }

    /// Forgets the failures of a key (after a successful login).
    pub fn clear(&self, user: &str, ip: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(&Self::key(user, ip));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max() {
        let l = LoginLimiter::new(3, Duration::from_secs(600));
        for _ in 0..3 {
            assert!(l.check("A", "1.2.3.4").is_ok());
            l.fail("a", "1.2.3.4");
        }
        assert!(l.check("a", "1.2.3.4").is_err());
        assert!(l.check("a", "5.6.7.8").is_ok());
        l.clear("a", "1.2.3.4");
        assert!(l.check("a", "1.2.3.4").is_ok());
    }
}
