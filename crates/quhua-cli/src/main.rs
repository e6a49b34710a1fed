//! `quhua`: plan, check and record township-level division adjustments (乡镇行政区划调整).

mod cmd;
mod context;
mod geojson_out;
mod render;

use clap::{Parser, Subcommand};
use context::Context;
use quhua_core::i18n::Lang;
use std::process::ExitCode;

/// mimalloc: the server's evaluation responses are allocation-heavy (many small strings per
/// request); glibc's allocator spent about 30 % of the server's CPU under load
/// (`bench/results/load.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// 乡镇行政区划调整：摸底、模拟方案、规则检查、代码与沿革。
/// Township-level division adjustments: survey, draft schemes, rule checks, codes and lineage.
#[derive(Parser, Debug)]
#[command(name = "quhua", version, about, long_about = None)]
struct Cli {
    /// 界面语言 zh|en / output language
    #[arg(long, global = true, default_value = "zh")]
    lang: String,
    /// 数据库：sqlite:路径 或 postgres://…（缺省 sqlite:quhua.db；serve --demo 缺省 sqlite:quhua-demo.db）/ database URL
    #[arg(long, global = true, env = "QUHUA_DB")]
    db: Option<String>,
    /// 使用内置演示数据（曲阳县）而非数据库 / use the embedded demo county instead of the database
    #[arg(long, global = true)]
    demo: bool,
    /// 操作人（记入审计日志）/ who is acting (recorded in the audit log)
    #[arg(long, global = true, env = "QUHUA_ACTOR", default_value = "cli")]
    actor: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 演示：加载曲阳县示例数据，评估示意撤并方案 / load the demo county and evaluate a sample scheme
    Demo(cmd::demo::Args),
    /// 区划代码表对比 / official code lists
    #[command(subcommand)]
    Codes(cmd::codes::Command),
    /// 导入名录或摸底表 / import a code list or a survey table
    #[command(subcommand)]
    Import(cmd::import::Command),
    /// 审计日志 / the audit log
    #[command(subcommand)]
    Audit(cmd::audit::Command),
    /// 边界文件检查 / boundary files
    #[command(subcommand)]
    Geo(cmd::geo::Command),
    /// 模拟方案 / scenarios
    #[command(subcommand)]
    Scenario(cmd::scenario::Command),
    /// 区划名录与沿革 / the registry: snapshots, changes, lineage
    #[command(subcommand)]
    Registry(cmd::registry::Command),
    /// 方案推荐与报批程序 / scheme proposals and the statutory procedure
    #[command(subcommand)]
    Plan(Box<cmd::plan::Command>),
    /// 实施交接：编制、干部、资产债务、服务网点、印章档案 / the handover after approval
    #[command(subcommand)]
    Handover(Box<cmd::handover::Command>),
    /// 统计：导入统计表、跨期对照、口径换算 / statistics: observations, crosswalks, recast
    #[command(subcommand)]
    Stats(cmd::stats::Command),
    /// 后半篇督办：任务清单、挂图作战、进度报送、延期、督办升级、销号 / follow-up tasks: board, progress, extension, escalation, closure
    #[command(subcommand)]
    Tasks(Box<cmd::tasks::Command>),
    /// 风险清单：登记、措施、化解销号 / the risk register
    #[command(subcommand)]
    Risks(Box<cmd::risks::Command>),
    /// 群众诉求台账：12345 热线导入、分办、答复、回访、统计 / the public feedback register
    #[command(subcommand)]
    Feedback(Box<cmd::feedback::Command>),
    /// 文书：区划调整方案、情况汇报、评估报告、变更情况表 / documents of a plan
    Report(cmd::report::Args),
    /// 网页服务：接口与界面 / the web server: JSON API and browser UI
    Serve(cmd::serve::Args),
    /// 账号管理（管理员） / server accounts (administrator)
    #[command(subcommand)]
    User(cmd::user::Command),
    /// 备份数据库（SQLite 在线副本；PostgreSQL 用 pg_dump），并校验 / back the database up (an online SQLite copy; pg_dump for PostgreSQL) and verify it
    Backup(cmd::backup::BackupArgs),
    /// 从备份恢复数据库并校验审计日志 / restore the database from a backup and verify its audit log
    Restore(cmd::backup::RestoreArgs),
}

/// `quhua … | head` closes stdout early: the next `println!` panics on the broken pipe.
/// Such a panic is no failure of quhua; exit quietly as a shell tool would (status 141 is
/// what a process killed by SIGPIPE reports). Other panics keep the default report.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let lang = match Lang::parse(&cli.lang) {
        Some(l) => l,
        None => {
            eprintln!(
                "未知语言“{}”，可用 zh 或 en / unknown language \"{}\": use zh or en",
                cli.lang, cli.lang
            );
            return ExitCode::from(2);
        }
    };
    let ctx = Context {
        lang,
        db_explicit: cli.db.clone(),
        db: cli.db.unwrap_or_else(|| "sqlite:quhua.db".to_string()),
        demo: cli.demo,
        actor: cli.actor,
    };
    let result = match cli.command {
        Command::Demo(a) => cmd::demo::run(&ctx, a),
        Command::Import(c) => cmd::import::run(&ctx, c),
        Command::Audit(c) => cmd::audit::run(&ctx, c),
        Command::Geo(c) => cmd::geo::run(&ctx, c),
        Command::Codes(c) => cmd::codes::run(&ctx, c),
        Command::Scenario(c) => cmd::scenario::run(&ctx, c),
        Command::Registry(c) => cmd::registry::run(&ctx, c),
        Command::Plan(c) => cmd::plan::run(&ctx, *c),
        Command::Handover(c) => cmd::handover::run(&ctx, *c),
        Command::Stats(c) => cmd::stats::run(&ctx, c),
        Command::Tasks(c) => cmd::tasks::run(&ctx, *c),
        Command::Risks(c) => cmd::risks::run(&ctx, *c),
        Command::Feedback(c) => cmd::feedback::run(&ctx, *c),
        Command::Report(a) => cmd::report::run(&ctx, a),
        Command::Serve(a) => cmd::serve::run(&ctx, a),
        Command::User(c) => cmd::user::run(&ctx, c),
        Command::Backup(a) => cmd::backup::backup(&ctx, a),
        Command::Restore(a) => cmd::backup::restore(&ctx, a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let line = format!(
                "{}：{}",
                render::t(lang, "错误", "error"),
                render::localize(&e.to_string(), lang)
            );
            eprintln!("{}", render::punctuate(line, lang));
            ExitCode::from(1)
        }
    }
}
