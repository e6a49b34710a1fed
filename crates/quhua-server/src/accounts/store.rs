//! [`AccountStore`]: users and sessions on SQLite (rusqlite) or PostgreSQL (`postgres`).
//!
//! Synchronous, one connection behind a mutex; the server calls it from blocking tasks.
//! Session tokens are never stored: only their SHA-256 (hex).

use super::migrate::{MIGRATIONS, VERSION_TABLE};
use super::role::{Jurisdiction, Role};
use quhua_store::url::{self, Target};
use serde::Serialize;
use std::sync::{Mutex, MutexGuard};

/// Why an account operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// SQLite failed.
    #[error("SQLite 数据库错误：{0} / SQLite error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[error("PostgreSQL 数据库错误：{0} / PostgreSQL error: {0}")]
    Postgres(#[from] postgres::Error),
    /// The database URL is not usable.
    #[error("{0}")]
    Url(#[from] quhua_store::StoreError),
    /// A user with this name exists.
    #[error("用户“{0}”已存在 / user \"{0}\" already exists")]
    Duplicate(String),
    /// Invalid input.
    #[error("{zh} / {en}")]
    Invalid {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The server schema in the database is newer than this build.
    #[error(
        "服务端数据表版本 {0} 高于本程序支持的版本，请升级 quhua / server schema version {0} is newer than this build supports"
    )]
    SchemaTooNew(i64),
    /// Stored data is malformed.
    #[error("账号数据损坏：{0} / account data is malformed: {0}")]
    Corrupt(String),
}

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Jurisdiction (code prefix).
    pub jurisdiction: Jurisdiction,
}

/// A live session, as looked up by its token hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Whose.
    pub user: User,
    /// The synchronizer CSRF token of this session.
    pub csrf_token: String,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
}

enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

/// Users and sessions in the quhua database.
pub struct AccountStore {
    conn: Mutex<Conn>,
}

impl std::fmt::Debug for AccountStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccountStore")
    }
}

const USER_COLS: &str = "u.id, u.username, u.role, u.jurisdiction";

fn user_from(id: i64, username: String, role: &str, jur: String) -> Result<User, AccountError> {
    Ok(User {
        id,
        username,
        role: Role::parse(role).ok_or_else(|| AccountError::Corrupt(format!("role {role}")))?,
        jurisdiction: Jurisdiction::from_stored(jur),
    })
}

impl AccountStore {
    /// Opens the database at `url` (`sqlite:PATH`, a path, or `postgres://…`) and applies
    /// the server's migrations.
    pub fn open(db_url: &str) -> Result<AccountStore, AccountError> {
        let conn = match url::parse(db_url)? {
            Target::Sqlite(p) => {
                let c = rusqlite::Connection::open(&p)?;
                c.busy_timeout(std::time::Duration::from_secs(10))?;
                c.pragma_update(None, "foreign_keys", "ON")?;
                Conn::Sqlite(c)
            }
            Target::Postgres(u) => {
                Conn::Postgres(Box::new(postgres::Client::connect(&u, postgres::NoTls)?))
            }
        };
        let store = AccountStore {
            conn: Mutex::new(conn),
        };
        store.migrate()?;
        Ok(store)
    }

    fn lock(&self) -> MutexGuard<'_, Conn> {
        // A panic while holding the lock leaves the connection usable (no partial state in
        // memory), so recover from poisoning.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn migrate(&self) -> Result<(), AccountError> {
        let now = chrono::Utc::now().to_rfc3339();
        let latest = MIGRATIONS.last().map_or(0, |m| m.version);
        match &mut *self.lock() {
            Conn::Sqlite(c) => {
                c.execute_batch(VERSION_TABLE)?;
                let cur: i64 = c.query_row(
                    "SELECT COALESCE(MAX(version), 0) FROM server_schema_version",
                    [],
                    |r| r.get(0),
                )?;
                if cur > latest {
                    return Err(AccountError::SchemaTooNew(cur));
                }
                for m in MIGRATIONS.iter().filter(|m| m.version > cur) {
                    let tx = c.transaction()?;
                    tx.execute_batch(m.sqlite)?;
                    tx.execute(
                        "INSERT INTO server_schema_version (version, name, applied_at) VALUES ($1, $2, $3)",
                        rusqlite::params![m.version, m.name, now],
                    )?;
                    tx.commit()?;
                }
            }
            Conn::Postgres(c) => {
                c.batch_execute(VERSION_TABLE)?;
                let cur: i64 = c
                    .query_one(
                        "SELECT COALESCE(MAX(version), 0)::BIGINT FROM server_schema_version",
                        &[],
                    )?
                    .get(0);
                if cur > latest {
                    return Err(AccountError::SchemaTooNew(cur));
                }
                for m in MIGRATIONS.iter().filter(|m| m.version > cur) {
                    let mut tx = c.transaction()?;
                    tx.batch_execute(m.postgres)?;
                    tx.execute(
                        "INSERT INTO server_schema_version (version, name, applied_at) VALUES ($1, $2, $3)",
                        &[&m.version, &m.name, &now],
                    )?;
                    tx.commit()?;
                }
            }
        }
        Ok(())
    }

    /// The applied server schema version.
    pub fn schema_version(&self) -> Result<i64, AccountError> {
        let q = "SELECT COALESCE(MAX(version), 0) FROM server_schema_version";
        Ok(match &mut *self.lock() {
            Conn::Sqlite(c) => c.query_row(q, [], |r| r.get(0))?,
            Conn::Postgres(c) => c
                .query_one(
                    "SELECT COALESCE(MAX(version), 0)::BIGINT FROM server_schema_version",
                    &[],
                )?
                .get(0),
        })
    }

    /// Creates a user with an already hashed password.
    pub fn create_user(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
        jurisdiction: &Jurisdiction,
    ) -> Result<User, AccountError> {
        let name = username.trim();
        if name.is_empty() || name.len() > 64 || name.chars().any(char::is_whitespace) {
            return Err(AccountError::Invalid {
                zh: "用户名不能为空、不能含空白、不超过 64 字节".into(),
                en: "user names are 1–64 bytes without whitespace".into(),
            });
        }
        if self.find_user(name)?.is_some() {
            return Err(AccountError::Duplicate(name.to_string()));
        }
        let now = chrono::Utc::now().to_rfc3339();
        let sql = "INSERT INTO server_users (username, password_hash, role, jurisdiction, created_at) \
                   VALUES ($1, $2, $3, $4, $5) RETURNING id";
        let id: i64 = match &mut *self.lock() {
            Conn::Sqlite(c) => c.query_row(
                sql,
                rusqlite::params![name, password_hash, role.id(), jurisdiction.as_str(), now],
                |r| r.get(0),
            )?,
            Conn::Postgres(c) => c
                .query_one(
                    sql,
                    &[
                        &name,
                        &password_hash,
                        &role.id(),
                        &jurisdiction.as_str(),
                        &now,
                    ],
                )?
                .get(0),
        };
        Ok(User {
            id,
            username: name.to_string(),
            role,
            jurisdiction: jurisdiction.clone(),
        })
    }

    /// A user and its password hash, by name.
    pub fn find_user(&self, username: &str) -> Result<Option<(User, String)>, AccountError> {
        let sql = format!(
            "SELECT {USER_COLS}, u.password_hash FROM server_users u WHERE u.username = $1"
        );
        let row: Option<(i64, String, String, String, String)> = match &mut *self.lock() {
            Conn::Sqlite(c) => {
                use rusqlite::OptionalExtension;
                c.query_row(&sql, [username], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()?
            }
            Conn::Postgres(c) => c
                .query_opt(&sql, &[&username])?
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))),
        };
        row.map(|(id, n, role, j, h)| Ok((user_from(id, n, &role, j)?, h)))
            .transpose()
    }

    /// Number of users.
    pub fn user_count(&self) -> Result<i64, AccountError> {
        let q = "SELECT COUNT(*) FROM server_users";
        Ok(match &mut *self.lock() {
            Conn::Sqlite(c) => c.query_row(q, [], |r| r.get(0))?,
            Conn::Postgres(c) => c.query_one(q, &[])?.get(0),
        })
    }

    /// Stores a session.
    pub fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), AccountError> {
        let sql = "INSERT INTO server_sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                   VALUES ($1, $2, $3, $4, $5)";
        match &mut *self.lock() {
            Conn::Sqlite(c) => {
                c.execute(
                    sql,
                    rusqlite::params![token_hash, user_id, csrf_token, now, expires_at],
                )?;
                // Opportunistic clean-up of expired sessions.
                c.execute("DELETE FROM server_sessions WHERE expires_at <= $1", [now])?;
            }
            Conn::Postgres(c) => {
                c.execute(
                    sql,
                    &[&token_hash, &user_id, &csrf_token, &now, &expires_at],
                )?;
                c.execute(
                    "DELETE FROM server_sessions WHERE expires_at <= $1",
                    &[&now],
                )?;
            }
        }
        Ok(())
    }

    /// The live session with this token hash (expired ones are not returned).
    pub fn get_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRecord>, AccountError> {
        let sql = format!(
            "SELECT {USER_COLS}, s.csrf_token, s.expires_at FROM server_sessions s \
             JOIN server_users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        type Row = (i64, String, String, String, String, i64);
        let row: Option<Row> = match &mut *self.lock() {
            Conn::Sqlite(c) => {
                use rusqlite::OptionalExtension;
                c.query_row(&sql, rusqlite::params![token_hash, now], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })
                .optional()?
            }
            Conn::Postgres(c) => c
                .query_opt(&sql, &[&token_hash, &now])?
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))),
        };
        row.map(|(id, n, role, j, csrf, exp)| {
            Ok(SessionRecord {
                user: user_from(id, n, &role, j)?,
                csrf_token: csrf,
                expires_at: exp,
            })
        })
        .transpose()
    }

    /// Deletes a session (logout).
    pub fn delete_session(&self, token_hash: &str) -> Result<(), AccountError> {
        let sql = "DELETE FROM server_sessions WHERE token_hash = $1";
        match &mut *self.lock() {
            Conn::Sqlite(c) => {
                c.execute(sql, [token_hash])?;
            }
            Conn::Postgres(c) => {
                c.execute(sql, &[&token_hash])?;
            }
        }
        Ok(())
    }
}
