//! `quhua backup` and `quhua restore`: a verified copy of the database, and its restore.

use crate::context::{CliResult, Context};
use crate::render::t;
use std::path::PathBuf;

/// `quhua backup FILE`.
#[derive(clap::Args, Debug)]
pub struct BackupArgs {
    /// 备份文件（不覆盖已有文件）；SQLite 为数据库副本，PostgreSQL 为 pg_dump 归档 / the backup file (an existing file is not overwritten): an SQLite copy, or a pg_dump archive for PostgreSQL
    pub file: PathBuf,
}

/// `quhua restore FILE [--replace]`.
#[derive(clap::Args, Debug)]
pub struct RestoreArgs {
    /// 由 quhua backup 生成的备份文件 / a backup file made by quhua backup
    pub file: PathBuf,
    /// 目标数据库已有数据时仍予覆盖（先停止服务） / overwrite a target database that holds data (stop the server first)
    #[arg(long)]
    pub replace: bool,
}

/// Makes a backup of `--db` and verifies it.
pub fn backup(ctx: &Context, a: BackupArgs) -> CliResult {
    let r = quhua_app::maintenance::backup(&ctx.operator(), &ctx.db, &a.file)?;
    let verified = match (r.audit_rows, r.head_seq) {
        (Some(rows), Some(seq)) => t(
            ctx.lang,
            &format!("，已校验：审计日志 {rows} 条，链尾第 {seq} 条"),
            &format!(", verified: {rows} audit rows, head at row {seq}"),
        )
        .to_string(),
        _ => t(ctx.lang, "，归档可读", ", the archive lists").to_string(),
    };
    println!(
        "{}{verified}",
        t(
            ctx.lang,
            &format!("已备份到 {}（{} 字节）", a.file.display(), r.bytes),
            &format!("backed up to {} ({} bytes)", a.file.display(), r.bytes),
        )
    );
    Ok(())
}

/// Restores a backup into `--db` and verifies the result.
pub fn restore(ctx: &Context, a: RestoreArgs) -> CliResult {
    let r = quhua_app::maintenance::restore(&ctx.operator(), &a.file, &ctx.db, a.replace)?;
    println!(
        "{}",
        t(
            ctx.lang,
            &format!(
                "已从 {} 恢复到 {}，已校验：审计日志 {} 条，链尾第 {} 条 {}",
                a.file.display(),
                ctx.db,
                r.audit_rows.unwrap_or(0),
                r.head_seq.unwrap_or(0),
                r.head_hash.as_deref().unwrap_or("")
            ),
            &format!(
                "restored {} into {}, verified: {} audit rows, head at row {} {}",
                a.file.display(),
                ctx.db,
                r.audit_rows.unwrap_or(0),
                r.head_seq.unwrap_or(0),
                r.head_hash.as_deref().unwrap_or("")
            ),
        )
    );
    Ok(())
}
