//! Versioned schema migrations, run automatically when a store is opened.
//!
//! Migrations are numbered SQL files under `migrations/{sqlite,postgres}/NNNN_name.sql`,
//! embedded at build time. `schema_version` records each applied migration with a checksum;
//! an applied migration whose text changed, or a database newer than this build, is refused.

use crate::error::{Result, StoreError};
use sha2::{Digest, Sha256};

/// One migration.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Its number (the schema version it produces).
    pub version: i64,
    /// Its name.
    pub name: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

macro_rules! migration {
    ($backend:literal, $version:literal, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!("../migrations/", $backend, "/", $name, ".sql")),
        }
    };
}

/// SQLite migrations, in order.
pub const SQLITE: &[Migration] = &[
    migration!("sqlite", 1, "0001_init"),
    migration!("sqlite", 2, "0002_policies_and_indexes"),
    migration!("sqlite", 3, "0003_plans"),
    migration!("sqlite", 4, "0004_records_accounts"),
    migration!("sqlite", 5, "0005_records_version_index"),
    migration!("sqlite", 6, "0006_observations"),
    migration!("sqlite", 7, "0007_records_name_index"),
    migration!("sqlite", 8, "0008_records_scope_versions"),
    migration!("sqlite", 9, "0009_records_change_seq"),
    migration!("sqlite", 10, "0010_boundaries"),
    migration!("sqlite", 11, "0011_lineage_share"),
];

/// PostgreSQL migrations, in order.
pub const POSTGRES: &[Migration] = &[
    migration!("postgres", 1, "0001_init"),
    migration!("postgres", 2, "0002_policies_and_indexes"),
    migration!("postgres", 3, "0003_plans"),
    migration!("postgres", 4, "0004_records_accounts"),
    migration!("postgres", 5, "0005_records_version_index"),
    migration!("postgres", 6, "0006_observations"),
    migration!("postgres", 7, "0007_records_name_index"),
    migration!("postgres", 8, "0008_records_scope_versions"),
    migration!("postgres", 9, "0009_records_change_seq"),
    migration!("postgres", 10, "0010_boundaries"),
    migration!("postgres", 11, "0011_lineage_share"),
];

/// The schema version this build produces.
pub const LATEST: i64 = 11;

/// Creates the version table (same SQL on both backends).
pub(crate) const CREATE_VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_version (\
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

/// SHA-256 of a migration's text (line endings normalised).
pub(crate) fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.replace("\r\n", "\n").as_bytes()))
}

/// Which migrations to run, given the applied ones `(version, checksum)`, up to `target`.
pub(crate) fn pending(
    all: &'static [Migration],
    applied: &[(i64, String)],
    target: i64,
) -> Result<Vec<Migration>> {
    let latest = all.last().map_or(0, |m| m.version);
    if let Some((v, _)) = applied.iter().find(|(v, _)| *v > latest) {
        return Err(StoreError::SchemaTooNew {
            found: *v,
            supported: latest,
        });
    }
    for (v, sum) in applied {
        if let Some(m) = all.iter().find(|m| m.version == *v)
            && checksum(m.sql) != *sum
        {
            return Err(StoreError::MigrationMismatch {
                version: m.version,
                name: m.name.to_string(),
            });
        }
    }
    Ok(all
        .iter()
        .filter(|m| m.version <= target && !applied.iter().any(|(v, _)| *v == m.version))
        .copied()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package directory, read at run time (cargo sets it for tests, benches and examples):
    /// the compile-time value is stale when a build directory is shared between checkouts.
    fn manifest_dir() -> String {
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
    }

    /// Every file in the migration folders is registered, numbered in order, on both backends.
    #[test]
    fn migration_files_are_registered() {
        for (dir, list) in [("sqlite", SQLITE), ("postgres", POSTGRES)] {
            let path = std::path::Path::new(&*manifest_dir())
                .join("migrations")
                .join(dir);
            let mut files: Vec<String> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| {
                    e.unwrap()
                        .file_name()
                        .to_string_lossy()
                        .trim_end_matches(".sql")
                        .to_string()
                })
                .collect();
            files.sort();
            let names: Vec<String> = list.iter().map(|m| m.name.to_string()).collect();
            assert_eq!(files, names, "{dir}");
            for (i, m) in list.iter().enumerate() {
                assert_eq!(m.version, i as i64 + 1);
                assert!(m.name.starts_with(&format!("{:04}_", m.version)));
            }
            assert_eq!(list.last().unwrap().version, LATEST);
        }
    }

    #[test]
    fn refuses_newer_and_edited() {
        assert!(matches!(
            pending(SQLITE, &[(LATEST + 1, String::new())], LATEST),
            Err(StoreError::SchemaTooNew { found, .. }) if found == LATEST + 1
        ));
        assert!(matches!(
            pending(SQLITE, &[(1, "x".into())], LATEST),
            Err(StoreError::MigrationMismatch { version: 1, .. })
        ));
        let p = pending(SQLITE, &[(1, checksum(SQLITE[0].sql))], LATEST).unwrap();
        let versions: Vec<i64> = p.iter().map(|m| m.version).collect();
        assert_eq!(versions, (2..=LATEST).collect::<Vec<_>>());
    }
}
