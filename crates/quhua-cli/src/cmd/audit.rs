//! `quhua audit`: verify the hash-chained audit log; list it.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_app::maintenance::AuditAnchor;
use quhua_core::i18n::Lang;
use std::path::{Path, PathBuf};

/// A key file's bytes (surrounding whitespace trimmed), refused when empty.
fn read_key(path: &Path) -> CliResult<Vec<u8>> {
    let bytes = crate::context::read_bytes(path)?;
    let key = bytes.trim_ascii().to_vec();
    if key.is_empty() {
        return Err(fail(
            format!("密钥文件 {} 为空", path.display()),
            format!("key file {} is empty", path.display()),
        ));
    }
    Ok(key)
}

/// Reads an anchor file and, given a key, checks its signature (quhua-app).
fn read_anchor(path: &Path, key: Option<&Path>) -> CliResult<AuditAnchor> {
    let text = String::from_utf8(crate::context::read_bytes(path)?).map_err(|_| {
        fail(
            format!("锚点文件 {} 不是 UTF-8 文本", path.display()),
            format!("anchor file {} is not UTF-8 text", path.display()),
        )
    })?;
    let key = key.map(read_key).transpose()?;
    Ok(quhua_app::maintenance::read_anchor(
        &path.display().to_string(),
        &text,
        key.as_deref(),
    )?)
}

/// Audit commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 校验审计日志链与库中内容：发现被修改、删除或调换的记录，以及绕过系统直接改动的数据 / verify the chain and the stored content: find edited, deleted or reordered rows and data changed bypassing the store
    Verify {
        /// 对照此前导出的锚点文件，发现改写的链和截断的链尾 / check against an anchor exported earlier: find a rewritten chain or a cut tail
        #[arg(long, value_name = "FILE")]
        anchor: Option<PathBuf>,
        /// 校验锚点签名所用的密钥文件 / key file to check the anchor's signature with
        #[arg(long, value_name = "FILE", requires = "anchor")]
        key_file: Option<PathBuf>,
    },
    /// 导出审计链头锚点（存于数据库之外：打印归档或报送上级） / export the chain head as an anchor (keep it outside the database: printed in the archive, or sent to the city)
    Anchor {
        /// 写入此文件（JSON），否则打印 / write it to this file (JSON) instead of printing it
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// 用此密钥文件签名（HMAC-SHA256） / sign it with this key file (HMAC-SHA256)
        #[arg(long, value_name = "FILE")]
        key_file: Option<PathBuf>,
    },
    /// 列出审计日志 / list the log
    Log {
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Runs an audit command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let store = ctx.store()?;
    match cmd {
        Command::Anchor { out, key_file } => {
            let key = key_file.as_deref().map(read_key).transpose()?;
            let anchor = match quhua_app::maintenance::audit_anchor(
                &store,
                &ctx.operator(),
                key.as_deref(),
            )? {
                Ok(a) => a,
                Err(report) => {
                    for i in &report.issues {
                        println!("{}", crate::render::localize(&i.to_string(), ctx.lang));
                    }
                    return Err(fail(
                        "审计日志校验未通过，不导出锚点",
                        "the audit log does not verify: no anchor exported",
                    ));
                }
            };
            match out {
                Some(path) => {
                    let text = serde_json::to_string_pretty(&anchor)? + "\n";
                    crate::context::write_file(&path, text.as_bytes())?;
                    println!(
                        "{}",
                        t(
                            ctx.lang,
                            &format!(
                                "已导出锚点：第 {} 条，{}（{}）",
                                anchor.seq,
                                anchor.hash,
                                path.display()
                            ),
                            &format!(
                                "anchor exported: row {}, {} ({})",
                                anchor.seq,
                                anchor.hash,
                                path.display()
                            ),
                        )
                    );
                }
                None => print!("{}", anchor.printable()),
            }
            Ok(())
        }
        Command::Verify { anchor, key_file } => {
            let anchor = match &anchor {
                Some(path) => Some(read_anchor(path, key_file.as_deref())?),
                None => None,
            };
            let r = quhua_app::maintenance::audit_verify(&store, &ctx.operator(), anchor.as_ref())?;
            if r.is_ok() {
                println!(
                    "{}",
                    match ctx.lang {
                        Lang::Zh => format!(
                            "审计日志完整：{} 条记录，链尾 {}（第 {} 条）；区划库、方案与台账的内容与日志一致{}",
                            r.rows,
                            r.head_hash,
                            r.head_seq,
                            anchor
                                .as_ref()
                                .map(|a| format!("；锚点（第 {} 条）相符", a.seq))
                                .unwrap_or_default()
                        ),
                        Lang::En => format!(
                            "audit log intact: {} rows, head {} (row {}); the registry, scenarios and registers agree with it{}",
                            r.rows,
                            r.head_hash,
                            r.head_seq,
                            anchor
                                .as_ref()
                                .map(|a| format!("; the anchor (row {}) matches", a.seq))
                                .unwrap_or_default()
                        ),
                    }
                );
                Ok(())
            } else {
                for i in &r.issues {
                    println!("{}", crate::render::localize(&i.to_string(), ctx.lang));
                }
                Err(fail(
                    format!("审计日志校验未通过：{} 处问题", r.issues.len()),
                    format!("audit verification failed: {} issues", r.issues.len()),
                ))
            }
        }
        Command::Log { json } => {
            let rows = quhua_app::maintenance::audit_log(&store, &ctx.operator())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
                return Ok(());
            }
            let mut tab = Table::new([
                t(ctx.lang, "序号", "Seq"),
                t(ctx.lang, "时间", "At"),
                t(ctx.lang, "操作人", "Actor"),
                t(ctx.lang, "操作", "Action"),
                t(ctx.lang, "对象", "Entity"),
            ])
            .right_align(&[0]);
            for r in rows {
                tab.row([
                    r.seq.to_string(),
                    r.at.clone(),
                    r.actor.clone(),
                    r.action.clone(),
                    r.entity.clone(),
                ]);
            }
            print!("{}", tab.render());
            Ok(())
        }
    }
}
