//! Password hashing with Argon2id (PHC strings carry their own parameters, so changing the
//! defaults later keeps old hashes verifiable).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// The hasher failed (bad parameters).
    #[error("密码哈希失败：{0} / password hashing failed: {0}")]
    Hash(String),
    /// No randomness for the salt.
    #[error("无法获取随机数：{0} / no randomness: {0}")]
    Random(String),
    /// The password is too short or too long.
    #[error("密码长度应为 8–128 个字符 / passwords are 8–128 characters")]
    Length,
}

/// Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane) by default.
#[derive(Debug, Clone, Default)]
pub struct HashParams(pub Params);

impl HashParams {
    /// Cheap parameters (1 MiB, 1 pass) for tests only: never use them for real accounts.
    pub fn insecure_fast() -> Self {
        HashParams(Params::new(1024, 1, 1, None).unwrap_or_default())
    }
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=…`).
pub fn hash(password: &str, params: &HashParams) -> Result<String, PasswordError> {
    let n = password.chars().count();
    if !(8..=128).contains(&n) {
        return Err(PasswordError::Length);
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| PasswordError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError::Hash(e.to_string()))?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.0.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Checks a password against a PHC string; malformed hashes never verify.
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok(),
        Err(_) => false,
    }
}

/// A small bounded pool for password verification (and the account look-up before it).
///
/// Argon2id costs 19 MiB and tens of milliseconds per call: run in Tokio's blocking pool
/// (up to 512 threads) a login flood takes gigabytes and starves everything else. Here a
/// fixed number of worker threads take jobs from a bounded queue; when the queue is full
/// the job is refused at once ([`PoolBusy`], answered 503) instead of waiting.
pub struct VerifyPool {
    tx: std::sync::mpsc::SyncSender<Job>,
    workers: usize,
    busy: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    peak: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

type Job = Box<dyn FnOnce() + Send>;

/// The pool's queue is full: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("服务器繁忙，请稍后再试 / the server is busy; retry shortly")]
pub struct PoolBusy;

impl VerifyPool {
    /// A pool of `workers` threads (at least 1) and a queue of `queue` waiting jobs.
    pub fn new(workers: usize, queue: usize) -> Self {
        use std::sync::atomic::Ordering;
        let workers = workers.max(1);
        let (tx, rx) = std::sync::mpsc::sync_channel::<Job>(queue);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        let busy = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let peak = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for k in 0..workers {
            let (rx, busy, peak) = (rx.clone(), busy.clone(), peak.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("quhua-verify-{k}"))
                .spawn(move || {
                    loop {
                        let job = {
                            let guard = rx.lock().unwrap_or_else(|e| e.into_inner());
                            guard.recv()
                        };
                        let Ok(job) = job else { return };
                        let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        job();
                        busy.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            // A thread that cannot be spawned leaves fewer workers; jobs still run.
            drop(spawned);
        }
        VerifyPool {
            tx,
            workers,
            busy,
            peak,
        }
    }

    /// Runs `f` on a worker; `Err(PoolBusy)` at once when the queue is full.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PoolBusy> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(f());
        });
        self.tx.try_send(job).map_err(|_| PoolBusy)?;
        result.await.map_err(|_| PoolBusy)
    }

    /// Worker threads.
    pub fn workers(&self) -> usize {
        self.workers
    }

    /// The most jobs that ever ran at once (never more than [`Self::workers`]).
    pub fn peak_concurrency(&self) -> usize {
        self.peak.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Jobs running now.
    pub fn running(&self) -> usize {
        self.busy.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// The process's verification pool: as many workers as cores (at most 4), 32 queued jobs.
pub fn pool() -> &'static VerifyPool {
    static POOL: std::sync::OnceLock<VerifyPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        VerifyPool::new(cores.min(4), 32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn pool_is_bounded_and_refuses_when_full() {
        let pool = std::sync::Arc::new(VerifyPool::new(2, 2));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let pool = pool.clone();
            tasks.push(tokio::spawn(async move {
                pool.run(|| std::thread::sleep(std::time::Duration::from_millis(100)))
                    .await
            }));
        }
        let mut ok = 0;
        let mut busy = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(()) => ok += 1,
                Err(PoolBusy) => busy += 1,
            }
        }
        assert!(ok >= 2 && busy >= 10, "ok {ok}, busy {busy}");
        assert!(pool.peak_concurrency() <= 2);
    }

    #[test]
    fn round_trip() {
        let p = HashParams::insecure_fast();
        let h = hash("正确的密码-123", &p).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("正确的密码-123", &h));
        assert!(!verify("wrong password", &h));
        assert!(!verify("x", "not a hash"));
        assert!(hash("short", &p).is_err());
    }
}
