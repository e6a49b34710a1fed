//! The SQLite backend: one file, WAL mode, writers serialised by `BEGIN IMMEDIATE`.

use crate::codec::now_text;
use crate::error::Result;
use crate::migrate::{self, CREATE_VERSION_TABLE};
use crate::pool::{Manager, Pool};
use crate::tx::{Row, Tx, Val, to_sqlite_placeholders};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// Readers open alongside the writer (WAL lets them read while a write is in progress).
const READERS: usize = 4;

/// An open SQLite store: one writer connection (SQLite serialises writers anyway) and a pool
/// of read-only connections, so reads never wait behind a write.
#[derive(Debug)]
pub struct SqliteStore {
    writer: Mutex<Connection>,
    readers: Pool<ReaderManager>,
    path: PathBuf,
}

/// Opens read-only connections to the database file.
#[derive(Debug)]
pub(crate) struct ReaderManager {
    path: PathBuf,
}

impl Manager for ReaderManager {
    type Conn = Connection;

    fn connect(&self) -> Result<Connection> {
        let conn = Connection::open(&self.path)?;
        conn.busy_timeout(Duration::from_secs(60))?;
        conn.execute_batch("PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;")?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    fn is_healthy(&self, conn: &mut Connection) -> bool {
        conn.is_autocommit()
    }
}

impl rusqlite::ToSql for Val<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Val::Null => ToSqlOutput::Owned(Value::Null),
            Val::Int(i) => ToSqlOutput::Owned(Value::Integer(*i)),
            Val::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Val::Date(d) => ToSqlOutput::Owned(Value::Text(d.format("%Y-%m-%d").to_string())),
        })
    }
}

fn to_val(v: ValueRef<'_>) -> Result<Val<'static>> {
    Ok(match v {
        ValueRef::Null => Val::Null,
        ValueRef::Integer(i) => Val::Int(i),
        ValueRef::Text(t) => Val::owned(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Real(r) => Val::owned(r.to_string()),
        ValueRef::Blob(_) => {
            return Err(crate::error::StoreError::Corrupt("unexpected BLOB".into()));
        }
    })
}

struct SqliteTx<'c> {
    tx: rusqlite::Transaction<'c>,
}

impl Tx for SqliteTx<'_> {
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64> {
        let mut st = self.tx.prepare_cached(&to_sqlite_placeholders(sql))?;
        Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
    }

    fn query_each(
        &mut self,
        sql: &str,
        params: &[Val<'_>],
        f: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let mut st = self.tx.prepare_cached(&to_sqlite_placeholders(sql))?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(r) = rows.next()? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                row.push(to_val(r.get_ref(i)?)?);
            }
            f(row)?;
        }
        Ok(())
    }

    fn bulk_insert<'a>(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = Vec<Val<'a>>>,
    ) -> Result<u64> {
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            marks.join(", ")
        );
        let mut st = self.tx.prepare_cached(&sql)?;
        let mut n = 0;
        for row in rows {
            st.execute(rusqlite::params_from_iter(row.iter()))?;
            n += 1;
        }
        Ok(n)
    }

    fn clear(&mut self, table: &str) -> Result<()> {
        self.tx.execute(&format!("DELETE FROM {table}"), [])?;
        Ok(())
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and migrates it to the latest schema.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        Self::open_at_version(path, migrate::LATEST)
    }

    /// Opens and migrates only up to `version` (for upgrade tests).
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<SqliteStore> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(60))?;
        // journal_mode returns a row; WAL persists in the file.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY;",
        )?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut conn = conn;
        Self::migrate(&mut conn, version)?;
        Ok(SqliteStore {
            writer: Mutex::new(conn),
            readers: Pool::new(
                ReaderManager {
                    path: path.to_path_buf(),
                },
                READERS,
                Duration::from_secs(60),
            ),
            path: path.to_path_buf(),
        })
    }

    fn migrate(conn: &mut Connection, target: i64) -> Result<()> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(CREATE_VERSION_TABLE)?;
        let applied: Vec<(i64, String)> = {
            let mut st =
                tx.prepare("SELECT version, checksum FROM schema_version ORDER BY version")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for m in migrate::pending(migrate::SQLITE, &applied, target)? {
            tx.execute_batch(m.sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![m.version, m.name, migrate::checksum(m.sql), now_text()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The writer connection (for tests and maintenance tools).
    #[doc(hidden)]
    pub fn connection(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` in a write transaction (`BEGIN IMMEDIATE`): committed if `f` succeeds,
    /// rolled back otherwise.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut conn = self.connection();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut t = SqliteTx { tx };
        let out = f(&mut t)?;
        t.tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in a read transaction (one consistent snapshot).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut conn = self.readers.get()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let mut t = SqliteTx { tx };
        let out = f(&mut t)?;
        t.tx.commit()?;
        Ok(out)
    }

    /// A bulk write: `synchronous = NORMAL` and a larger page cache for its duration
    /// (still atomic and crash-safe in WAL mode; only the last commit may be lost on power failure).
    pub(crate) fn bulk_write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut conn = self.connection();
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;")?;
        let out = (|| -> Result<T> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut t = SqliteTx { tx };
            let out = f(&mut t)?;
            t.tx.commit()?;
            Ok(out)
        })();
        let restore = conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA cache_size = -2000;");
        let out = out?;
        restore?;
        Ok(out)
    }

    /// The applied schema version.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.connection().query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )?)
    }
}
