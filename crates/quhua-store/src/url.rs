//! Database URLs: `sqlite:PATH`, `sqlite://PATH`, a bare path (SQLite), or `postgres://…`.

use crate::error::{Result, StoreError};
use std::path::PathBuf;

/// Where a store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An SQLite file (`:memory:` for a private in-memory database).
    Sqlite(PathBuf),
    /// A PostgreSQL connection string (URL or `key=value` form), passed to the driver as is.
    Postgres(String),
}

/// Parses a database URL.
///
/// - `postgres://…` / `postgresql://…` → PostgreSQL;
/// - `sqlite:PATH`, `sqlite://PATH`, `sqlite::memory:` → SQLite;
/// - anything else that is not empty and has no other `scheme://` → an SQLite file path.
pub fn parse(url: &str) -> Result<Target> {
    let u = url.trim();
    if u.is_empty() {
        return Err(StoreError::BadUrl(url.to_string()));
    }
    if u.starts_with("postgres://") || u.starts_with("postgresql://") {
        return Ok(Target::Postgres(u.to_string()));
    }
    if let Some(rest) = u.strip_prefix("sqlite:") {
        let path = rest.strip_prefix("//").unwrap_or(rest);
        if path.is_empty() {
            return Err(StoreError::BadUrl(url.to_string()));
        }
        return Ok(Target::Sqlite(PathBuf::from(path)));
    }
    if u.contains("://") {
        return Err(StoreError::BadUrl(url.to_string()));
    }
    Ok(Target::Sqlite(PathBuf::from(u)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        assert_eq!(
            parse("sqlite:a/b.db").unwrap(),
            Target::Sqlite("a/b.db".into())
        );
        assert_eq!(
            parse("sqlite:///tmp/x.db").unwrap(),
            Target::Sqlite("/tmp/x.db".into())
        );
        assert_eq!(
            parse("sqlite::memory:").unwrap(),
            Target::Sqlite(":memory:".into())
        );
        assert_eq!(
            parse("quhua.db").unwrap(),
            Target::Sqlite("quhua.db".into())
        );
        assert!(matches!(
            parse("postgres://u@h/db").unwrap(),
            Target::Postgres(_)
        ));
        assert!(matches!(
            parse("postgresql://u@h/db").unwrap(),
            Target::Postgres(_)
        ));
        assert!(parse("mysql://x").is_err());
        assert!(parse(" ").is_err());
        assert!(parse("sqlite:").is_err());
    }
}
