//! `quhua audit`: verify the hash-chained audit log; list it.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_core::i18n::Lang;

/// Audit commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 校验审计日志链：发现被修改、删除或调换的记录 / verify the chain: find edited, deleted or reordered rows
    Verify,
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
        Command::Verify => {
            let r = store.audit_verify()?;
            if r.is_ok() {
                println!(
                    "{}",
                    match ctx.lang {
                        Lang::Zh => format!(
                            "审计日志完整：{} 条记录，链尾 {}（第 {} 条）",
                            r.rows, r.head_hash, r.head_seq
                        ),
                        Lang::En => format!(
                            "audit log intact: {} rows, head {} (row {})",
                            r.rows, r.head_hash, r.head_seq
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
            let rows = store.audit_log()?;
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
