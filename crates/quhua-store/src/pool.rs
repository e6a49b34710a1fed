//! A small blocking connection pool: idle connections are reused, at most `max` are open at
//! once, a caller waits (up to a timeout) when all are busy, and a broken connection is
//! dropped instead of being returned.

use crate::error::{Result, StoreError};
use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Opens new connections and tells whether one is still usable.
pub(crate) trait Manager: Send + Sync {
    /// The connection type.
    type Conn: Send;
    /// Opens a connection.
    fn connect(&self) -> Result<Self::Conn>;
    /// Whether a connection returned to the pool may be reused.
    fn is_healthy(&self, conn: &mut Self::Conn) -> bool;
}

struct State<C> {
    idle: Vec<C>,
    open: usize,
}

/// A pool of connections made by a [`Manager`].
pub(crate) struct Pool<M: Manager> {
    manager: M,
    state: Mutex<State<M::Conn>>,
    freed: Condvar,
    max: usize,
    wait: Duration,
}

impl<M: Manager> std::fmt::Debug for Pool<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("max", &self.max).finish()
    }
}

/// A connection on loan; goes back to the pool when dropped.
pub(crate) struct Pooled<'p, M: Manager> {
    pool: &'p Pool<M>,
    conn: Option<M::Conn>,
}

impl<M: Manager> Pool<M> {
    /// A pool of at most `max` connections; callers wait up to `wait` for a free one.
    pub(crate) fn new(manager: M, max: usize, wait: Duration) -> Pool<M> {
        Pool {
            manager,
            state: Mutex::new(State {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
            max: max.max(1),
            wait,
        }
    }

    /// Puts an already open connection into the pool (the one used for migrations).
    pub(crate) fn seed(&self, conn: M::Conn) {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        st.open += 1;
        st.idle.push(conn);
    }

    /// Borrows a connection, opening one if none is idle and fewer than `max` are open.
    pub(crate) fn get(&self) -> Result<Pooled<'_, M>> {
        let deadline = Instant::now() + self.wait;
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(conn) = st.idle.pop() {
                return Ok(Pooled {
                    pool: self,
                    conn: Some(conn),
                });
            }
            if st.open < self.max {
                st.open += 1;
                drop(st);
                return match self.manager.connect() {
                    Ok(conn) => Ok(Pooled {
                        pool: self,
                        conn: Some(conn),
                    }),
                    Err(e) => {
                        self.release_slot();
                        Err(e)
                    }
                };
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::rejected(
                    format!(
                        "数据库连接全部占用（{} 个），等待超时，请稍后重试",
                        self.max
                    ),
                    format!(
                        "all {} database connections are busy; timed out waiting, retry shortly",
                        self.max
                    ),
                ));
            }
            st = self
                .freed
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn release_slot(&self) {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        st.open = st.open.saturating_sub(1);
        self.freed.notify_one();
    }
}

impl<M: Manager> Deref for Pooled<'_, M> {
    type Target = M::Conn;
    fn deref(&self) -> &M::Conn {
        self.conn
            .as_ref()
            .expect("a pooled connection is present until drop")
    }
}

impl<M: Manager> DerefMut for Pooled<'_, M> {
    fn deref_mut(&mut self) -> &mut M::Conn {
        self.conn
            .as_mut()
            .expect("a pooled connection is present until drop")
    }
}

impl<M: Manager> Drop for Pooled<'_, M> {
    fn drop(&mut self) {
        let Some(mut conn) = self.conn.take() else {
            return;
        };
        let healthy = self.pool.manager.is_healthy(&mut conn);
        let mut st = self.pool.state.lock().unwrap_or_else(|e| e.into_inner());
        if healthy {
            st.idle.push(conn);
        } else {
            st.open = st.open.saturating_sub(1);
        }
        self.pool.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Counter(Arc<AtomicUsize>);

    impl Manager for Counter {
        type Conn = usize;
        fn connect(&self) -> Result<usize> {
            Ok(self.0.fetch_add(1, Ordering::SeqCst))
        }
        fn is_healthy(&self, conn: &mut usize) -> bool {
            *conn != 13
        }
    }

    #[test]
    fn reuses_idle_connections_and_caps_the_number_open() {
        let made = Arc::new(AtomicUsize::new(0));
        let pool = Pool::new(Counter(made.clone()), 2, Duration::from_millis(50));
        {
            let a = pool.get().unwrap();
            let b = pool.get().unwrap();
            assert_ne!(*a, *b);
            // Both busy: the third caller times out with a bilingual message.
            let err = pool.get().err().unwrap().to_string();
            assert!(
                err.contains("连接全部占用") && err.contains("busy"),
                "{err}"
            );
        }
        let _c = pool.get().unwrap();
        assert_eq!(
            made.load(Ordering::SeqCst),
            2,
            "idle connections are reused"
        );
    }

    #[test]
    fn a_waiting_caller_gets_the_connection_another_returns() {
        let pool = Arc::new(Pool::new(
            Counter(Arc::new(AtomicUsize::new(0))),
            1,
            Duration::from_secs(5),
        ));
        let held = pool.get().unwrap();
        let p2 = pool.clone();
        let t = std::thread::spawn(move || *p2.get().unwrap());
        std::thread::sleep(Duration::from_millis(30));
        drop(held);
        assert_eq!(t.join().unwrap(), 0);
    }

    #[test]
    fn broken_connections_are_dropped_not_reused() {
        let made = Arc::new(AtomicUsize::new(13));
        let pool = Pool::new(Counter(made.clone()), 1, Duration::from_millis(50));
        drop(pool.get().unwrap()); // connection 13 is "broken"
        assert_eq!(*pool.get().unwrap(), 14);
    }
}
