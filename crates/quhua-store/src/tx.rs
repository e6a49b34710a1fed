//! The small SQL surface shared by both backends: values, and a write/read transaction.
//!
//! Shared logic (registry I/O, audit, scenarios, policies) is written once against [`Tx`];
//! each backend implements it (rusqlite / postgres) plus its own bulk path.

use crate::error::{Result, StoreError};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Which backend a transaction runs on (for the few statements that differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A value bound to or read from a statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val<'a> {
    Null,
    Int(i64),
    Text(Cow<'a, str>),
    Date(NaiveDate),
}

impl<'a> Val<'a> {
    pub(crate) fn text(s: &'a str) -> Val<'a> {
        Val::Text(Cow::Borrowed(s))
    }

    pub(crate) fn owned(s: String) -> Val<'static> {
        Val::Text(Cow::Owned(s))
    }

    pub(crate) fn opt_text(s: Option<&'a str>) -> Val<'a> {
        s.map_or(Val::Null, Val::text)
    }

    pub(crate) fn opt_int(v: Option<i64>) -> Val<'a> {
        v.map_or(Val::Null, Val::Int)
    }

    pub(crate) fn opt_date(v: Option<NaiveDate>) -> Val<'a> {
        v.map_or(Val::Null, Val::Date)
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Val::Null)
    }

    pub(crate) fn int(&self) -> Result<i64> {
        match self {
            Val::Int(i) => Ok(*i),
            other => Err(StoreError::Corrupt(format!(
                "expected an integer, found {other:?}"
            ))),
        }
    }

    pub(crate) fn opt_i64(&self) -> Result<Option<i64>> {
        if self.is_null() {
            Ok(None)
        } else {
            self.int().map(Some)
        }
    }

    pub(crate) fn str(&self) -> Result<&str> {
        match self {
            Val::Text(s) => Ok(s),
            other => Err(StoreError::Corrupt(format!(
                "expected text, found {other:?}"
            ))),
        }
    }

    pub(crate) fn opt_str(&self) -> Result<Option<&str>> {
        if self.is_null() {
            Ok(None)
        } else {
            self.str().map(Some)
        }
    }

    pub(crate) fn string(&self) -> Result<String> {
        self.str().map(str::to_string)
    }

    pub(crate) fn opt_string(&self) -> Result<Option<String>> {
        Ok(self.opt_str()?.map(str::to_string))
    }

    /// A date: native on PostgreSQL, `YYYY-MM-DD` text on SQLite.
    pub(crate) fn date(&self) -> Result<NaiveDate> {
        match self {
            Val::Date(d) => Ok(*d),
            Val::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| StoreError::Corrupt(format!("bad date {s:?}"))),
            other => Err(StoreError::Corrupt(format!(
                "expected a date, found {other:?}"
            ))),
        }
    }

    pub(crate) fn opt_date_val(&self) -> Result<Option<NaiveDate>> {
        if self.is_null() {
            Ok(None)
        } else {
            self.date().map(Some)
        }
    }
}

/// A row read back: values in select-list order.
pub(crate) type Row = Vec<Val<'static>>;

/// One open transaction. Statements use PostgreSQL placeholders (`$1`, `$2` …); the SQLite
/// implementation rewrites them to `?1`, `?2` ….
pub(crate) trait Tx {
    /// Runs a statement; returns the number of rows changed.
    fn exec(&mut self, sql: &str, params: &[Val<'_>]) -> Result<u64>;
    /// Runs a query, handing each row to `f` as it is read (no buffering of large results).
    fn query_each(
        &mut self,
        sql: &str,
        params: &[Val<'_>],
        f: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()>;
    /// Inserts many rows into `table` (COPY on PostgreSQL, a prepared INSERT on SQLite).
    fn bulk_insert<'a>(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &mut dyn Iterator<Item = Vec<Val<'a>>>,
    ) -> Result<u64>;
    /// Removes every row of a table (TRUNCATE on PostgreSQL).
    fn clear(&mut self, table: &str) -> Result<()>;

    /// Runs a query; returns all rows.
    fn query(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Vec<Row>> {
        let mut out = Vec::new();
        self.query_each(sql, params, &mut |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of a query, if any.
    fn query_opt(&mut self, sql: &str, params: &[Val<'_>]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The single integer a query returns.
    fn query_int(&mut self, sql: &str, params: &[Val<'_>]) -> Result<i64> {
        match self.query_opt(sql, params)? {
            Some(r) if !r.is_empty() => r[0].int(),
            _ => Err(StoreError::Corrupt(format!("no value from {sql}"))),
        }
    }
}

/// Rewrites `$N` placeholders to SQLite's `?N` (outside string literals).
pub(crate) fn to_sqlite_placeholders(sql: &str) -> Cow<'_, str> {
    if !sql.contains('$') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut in_str = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_str = !in_str;
        }
        if c == '$' && !in_str && chars.peek().is_some_and(|n| n.is_ascii_digit()) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_placeholders() {
        assert_eq!(
            to_sqlite_placeholders("SELECT '$1', a FROM t WHERE x = $1 AND y = $12"),
            "SELECT '$1', a FROM t WHERE x = ?1 AND y = ?12"
        );
    }
}
