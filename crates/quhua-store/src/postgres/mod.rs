//! The PostgreSQL backend: the sync `postgres` client, COPY for bulk rows, writers serialised
//! by a row lock on `audit_head` (the audit chain must be linear).

use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::migrate::{self, CREATE_VERSION_TABLE};
use crate::pool::{Manager, Pool};
use crate::tx::{Row, Tx, Val};
use bytes::{BufMut, BytesMut};
use chrono::NaiveDate;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;
use std::error::Error;
use std::io::Write;

/// Connections open at most (`QUHUA_PG_POOL` overrides).
const DEFAULT_POOL: usize = 16;

/// An open PostgreSQL store: a pool of connections; writers are serialised by the audit
/// head's row lock, readers run concurrently.
pub struct PgStore {
    pool: Pool<PgManager>,
}

/// Opens connections to one PostgreSQL database.
pub(crate) struct PgManager {
    url: String,
}

impl Manager for PgManager {
    type Conn = Client;

    fn connect(&self) -> Result<Client> {
        Ok(Client::connect(&self.url, NoTls)?)
    }

    fn is_healthy(&self, conn: &mut Client) -> bool {
        !conn.is_closed()
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgStore")
    }
}

type BoxErr = Box<dyn Error + Sync + Send>;

impl ToSql for Val<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxErr> {
        match self {
            Val::Null => Ok(IsNull::Yes),
            Val::Int(i) => match *ty {
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            Val::Text(s) => match *ty {
                Type::JSONB => {
                    out.put_u8(1);
                    out.put_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSON => {
                    out.put_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::DATE => NaiveDate::parse_from_str(s, "%Y-%m-%d")?.to_sql(ty, out),
                _ => s.as_ref().to_sql(ty, out),
            },
            Val::Date(d) => d.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// JSON or JSONB read back as its text.
struct JsonText(String);

impl<'a> FromSql<'a> for JsonText {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxErr> {
        let body = if *ty == Type::JSONB {
            match raw.split_first() {
                Some((1, rest)) => rest,
                _ => return Err("unsupported JSONB version".into()),
            }
        } else {
            raw
        };
        Ok(JsonText(std::str::from_utf8(body)?.to_string()))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::JSON || *ty == Type::JSONB
    }
}

fn to_row(r: &postgres::Row) -> Result<Row> {
    let mut out = Vec::with_capacity(r.len());
    for (i, c) in r.columns().iter().enumerate() {
        let v = match *c.type_() {
            Type::INT8 => Val::opt_int(r.try_get::<_, Option<i64>>(i)?),
            Type::INT4 => Val::opt_int(r.try_get::<_, Option<i32>>(i)?.map(i64::from)),
            Type::INT2 => Val::opt_int(r.try_get::<_, Option<i16>>(i)?.map(i64::from)),
            Type::BOOL => Val::opt_int(r.try_get::<_, Option<bool>>(i)?.map(i64::from)),
            Type::DATE => Val::opt_date(r.try_get::<_, Option<NaiveDate>>(i)?),
            Type::JSON | Type::JSONB => r
                .try_get::<_, Option<JsonText>>(i)?
                .map_or(Val::Null, |j| Val::owned(j.0)),
            _ => r
                .try_get::<_, Option<String>>(i)?
                .map_or(Val::Null, Val::owned),
        };
        out.push(v);
    }
    Ok(out)
}

/// Escapes a value for COPY's text format.
fn copy_field(out: &mut Vec<u8>, v: &Val<'_>) {
    match v {
        Val::Null => out.extend_from_slice(b"\\N"),
        Val::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Val::Date(d) => {
            let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        }
        Val::Text(s) => {
            for b in s.bytes() {
                match b {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
        }
    }
}

struct PgTx<'c> {
    tx: postgres::Transaction<'c>,
    stmts: HashMap<String, Statement>,
}

impl PgTx<'_> {
    fn stmt(&mut self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.stmts.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql)?;
        self.stmts.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

fn params<'p>(p: &'p [Val<'_>]) -> Vec<&'p (dyn ToSql + Sync)> {
    p.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Tx for PgTx<'_> {
    fn exec(&mut self, sql: &str, p: &[Val<'_>]) -> Result<u64> {
        let st = self.stmt(sql)?;
        Ok(self.tx.execute(&st, &params(p))?)
    }

    fn query_each(
        &mut self,
        sql: &str,
        p: &[Val<'_>],
        f: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let st = self.stmt(sql)?;
        let mut it = self.tx.query_raw(&st, p.iter())?;
        while let Some(r) = it.next()? {
            f(to_row(&r)?)?;
        }
        Ok(())
    }

    fn bulk_insert<'a>(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = Vec<Val<'a>>>,
    ) -> Result<u64> {
        let mut rows = rows.peekable();
        if rows.peek().is_none() {
            return Ok(0);
        }
        let mut w = self
            .tx
            .copy_in(&format!("COPY {table} ({}) FROM STDIN", columns.join(", ")))?;
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        let mut n = 0;
        for row in rows {
            for (i, v) in row.iter().enumerate() {
                if i > 0 {
                    buf.push(b'\t');
                }
                copy_field(&mut buf, v);
            }
            buf.push(b'\n');
            n += 1;
            if buf.len() >= 1 << 20 {
                w.write_all(&buf)?;
                buf.clear();
            }
        }
        w.write_all(&buf)?;
        w.finish()?;
        Ok(n)
    }

    fn clear(&mut self, table: &str) -> Result<()> {
        self.tx.batch_execute(&format!("TRUNCATE {table}"))?;
        Ok(())
    }
}

impl PgStore {
    /// Connects (`postgres://user@host:port/db` or `key=value` form, no TLS) and migrates to
    /// the latest schema.
    pub fn open(url: &str) -> Result<PgStore> {
        Self::open_at_version(url, migrate::LATEST)
    }

    /// Connects and migrates only up to `version` (for upgrade tests).
    #[doc(hidden)]
    pub fn open_at_version(url: &str, version: i64) -> Result<PgStore> {
        let mut client = Client::connect(url, NoTls)?;
        Self::migrate(&mut client, version)?;
        let size = std::env::var("QUHUA_PG_POOL")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_POOL);
        let pool = Pool::new(
            PgManager {
                url: url.to_string(),
            },
            size,
            std::time::Duration::from_secs(30),
        );
        pool.seed(client);
        Ok(PgStore { pool })
    }

    fn migrate(client: &mut Client, target: i64) -> Result<()> {
        let mut tx = client.transaction()?;
        // Serialise concurrent openers (the key is arbitrary but fixed: "quhua" in ASCII).
        tx.execute("SELECT pg_advisory_xact_lock(7113104117097)", &[])?;
        tx.batch_execute(CREATE_VERSION_TABLE)?;
        let applied: Vec<(i64, String)> = tx
            .query(
                "SELECT version, checksum FROM schema_version ORDER BY version",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, postgres::Error>>()?;
        for m in migrate::pending(migrate::POSTGRES, &applied, target)? {
            tx.batch_execute(m.sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                &[&m.version, &m.name, &migrate::checksum(m.sql), &now_text()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` on a pooled client (for tests and maintenance tools).
    #[doc(hidden)]
    pub fn with_client<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        f(&mut client)
    }

    /// Runs `f` in a write transaction, after locking the audit chain head (serialising writers).
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let mut tx = client.transaction()?;
        if tx
            .query_opt("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE", &[])?
            .is_none()
        {
            return Err(StoreError::Corrupt("audit_head row missing".into()));
        }
        let mut t = PgTx {
            tx,
            stmts: HashMap::new(),
        };
        let out = f(&mut t)?;
        t.tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in a read-only transaction with one snapshot (REPEATABLE READ).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let mut t = PgTx {
            tx,
            stmts: HashMap::new(),
        };
        let out = f(&mut t)?;
        t.tx.commit()?;
        Ok(out)
    }

    /// The applied schema version.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .pool
            .get()?
            .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
            .try_get(0)?)
    }
}
