//! Backup and restore, verified.
//!
//! SQLite: `VACUUM INTO` on a second connection — an online, consistent copy while the server
//! keeps working. PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction`
//! (the client tools of the server's major version must be on `PATH`). A backup is verified
//! before it is reported made (SQLite: the copy opens and its audit log and content verify;
//! PostgreSQL: the archive lists). A restore never replaces a database that holds data unless
//! asked to; an SQLite restore is verified before it replaces anything (the copy is opened,
//! migrated and verified beside the target, then renamed over it), and every restore is
//! verified again afterwards.

use crate::error::{Result, StoreError};
use crate::store::Store;
use crate::url::{self, Target};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a backup or restore made, and its verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    /// The backup file.
    pub file: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Audit rows in the verified database (SQLite backups and every restore), else `None`.
    pub audit_rows: Option<u64>,
    /// The verified chain head's seq, when verified.
    pub head_seq: Option<i64>,
    /// The verified chain head's hash, when verified.
    pub head_hash: Option<String>,
}

/// Copies the database at `url` to the new file `to` (refused when `to` exists).
pub fn backup(url: &str, to: &Path) -> Result<BackupReport> {
    if to.exists() {
        return Err(StoreError::backup(
            format!("备份文件 {} 已存在，不覆盖", to.display()),
            format!(
                "the backup file {} exists; it is not overwritten",
                to.display()
            ),
        ));
    }
    match url::parse(url)? {
        Target::Sqlite(path) => {
            if path.as_os_str() == ":memory:" || !path.exists() {
                return Err(StoreError::backup(
                    format!("没有可备份的数据库文件 {}", path.display()),
                    format!("no database file {} to back up", path.display()),
                ));
            }
            let conn = rusqlite::Connection::open_with_flags(
                &path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )?;
            conn.execute("VACUUM INTO ?1", [to.to_string_lossy().as_ref()])?;
            drop(conn);
            let verified = verify_sqlite_file(to);
            if let Err(e) = verified {
                let _ = std::fs::remove_file(to);
                return Err(e);
            }
            verified
        }
        Target::Postgres(u) => {
            run_tool(
                Command::new("pg_dump")
                    .arg("--format=custom")
                    .arg("--no-owner")
                    .arg("--file")
                    .arg(to)
                    .arg("--dbname")
                    .arg(&u),
                "pg_dump",
            )?;
            run_tool(
                Command::new("pg_restore").arg("--list").arg(to),
                "pg_restore --list",
            )?;
            Ok(BackupReport {
                file: to.to_path_buf(),
                bytes: std::fs::metadata(to)?.len(),
                audit_rows: None,
                head_seq: None,
                head_hash: None,
            })
        }
    }
}

/// Restores the backup `from` into the database at `url`. A database that already holds data
/// is replaced only when `replace` is set. The result is verified (audit chain and content).
pub fn restore(from: &Path, url: &str, replace: bool) -> Result<BackupReport> {
    if !from.is_file() {
        return Err(StoreError::backup(
            format!("找不到备份文件 {}", from.display()),
            format!("backup file {} not found", from.display()),
        ));
    }
    match url::parse(url)? {
        Target::Sqlite(path) => {
            if path.as_os_str() == ":memory:" {
                return Err(StoreError::backup(
                    "不能恢复到内存数据库",
                    "cannot restore into an in-memory database",
                ));
            }
            if path.exists() && std::fs::metadata(&path)?.len() > 0 && !replace {
                return Err(not_empty(url));
            }
            // Verified beside the target, then renamed over it: all or nothing.
            let mut staged = path.clone().into_os_string();
            staged.push(".restoring");
            let staged = PathBuf::from(staged);
            remove_with_sidecars(&staged)?;
            std::fs::copy(from, &staged)?;
            if let Err(e) = verify_sqlite_file(&staged) {
                remove_with_sidecars(&staged)?;
                return Err(e);
            }
            remove_sidecars(&staged)?;
            remove_sidecars(&path)?;
            std::fs::rename(&staged, &path)?;
            let mut report = verify_url(&format!("sqlite:{}", path.display()))?;
            report.file = from.to_path_buf();
            report.bytes = std::fs::metadata(from)?.len();
            Ok(report)
        }
        Target::Postgres(u) => {
            if !replace && pg_has_tables(&u)? {
                return Err(not_empty(url));
            }
            run_tool(
                Command::new("pg_restore")
                    .arg("--clean")
                    .arg("--if-exists")
                    .arg("--no-owner")
                    .arg("--single-transaction")
                    .arg("--exit-on-error")
                    .arg("--dbname")
                    .arg(&u)
                    .arg(from),
                "pg_restore",
            )?;
            let mut report = verify_url(&u)?;
            report.file = from.to_path_buf();
            report.bytes = std::fs::metadata(from)?.len();
            Ok(report)
        }
    }
}

fn not_empty(url: &str) -> StoreError {
    StoreError::backup(
        format!("目标数据库 {url} 已有数据；确需覆盖请加 --replace"),
        format!("the target database {url} holds data; pass --replace to overwrite it"),
    )
}

/// Opens an SQLite file as a store (migrating an older backup) and verifies it.
fn verify_sqlite_file(path: &Path) -> Result<BackupReport> {
    let conn = rusqlite::Connection::open(path)?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| {
            StoreError::backup(
                format!("{} 不是可用的 SQLite 数据库：{e}", path.display()),
                format!("{} is not a usable SQLite database: {e}", path.display()),
            )
        })?;
    if check != "ok" {
        return Err(StoreError::backup(
            format!("{} 完整性检查未通过：{check}", path.display()),
            format!("{} fails the integrity check: {check}", path.display()),
        ));
    }
    drop(conn);
    let mut report = verify_url(&format!("sqlite:{}", path.display()))?;
    report.bytes = std::fs::metadata(path)?.len();
    report.file = path.to_path_buf();
    Ok(report)
}

/// Opens the store at `url` and requires its audit log and content to verify.
fn verify_url(url: &str) -> Result<BackupReport> {
    let store = Store::open(url)?;
    let r = store.audit_verify()?;
    if !r.is_ok() {
        let first = r.issues.first().map(|i| i.to_string()).unwrap_or_default();
        return Err(StoreError::backup(
            format!("审计校验未通过（{} 处问题），首个：{first}", r.issues.len()),
            format!(
                "the audit does not verify ({} issues); first: {first}",
                r.issues.len()
            ),
        ));
    }
    Ok(BackupReport {
        file: PathBuf::new(),
        bytes: 0,
        audit_rows: Some(r.rows),
        head_seq: Some(r.head_seq),
        head_hash: Some(r.head_hash),
    })
}

fn pg_has_tables(url: &str) -> Result<bool> {
    let mut c = postgres::Client::connect(url, postgres::NoTls)?;
    let n: i64 = c
        .query_one(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()",
            &[],
        )?
        .get(0);
    Ok(n > 0)
}

/// Runs a client tool; its stderr is the error when it fails.
fn run_tool(cmd: &mut Command, name: &str) -> Result<()> {
    let out = cmd.output().map_err(|e| {
        StoreError::backup(
            format!("无法运行 {name}（须安装 PostgreSQL 客户端工具）：{e}"),
            format!("cannot run {name} (the PostgreSQL client tools must be installed): {e}"),
        )
    })?;
    if out.status.success() {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    Err(StoreError::backup(
        format!("{name} 失败：{err}"),
        format!("{name} failed: {err}"),
    ))
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_sidecars(path: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let p = sidecar(path, suffix);
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    Ok(())
}

fn remove_with_sidecars(path: &Path) -> Result<()> {
    if path.exists() {
        std::fs::remove_file(path)?;
    }
    remove_sidecars(path)
}
