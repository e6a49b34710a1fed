//! `quhua tasks`: follow-up task supervision (督查督办) — import a plan's tasks, generate an
//! approved plan's statutory tasks, the board as of a date, one task, every action on it, the
//! escalation run, the baseline comparison and an organisation's inbox.

use crate::context::{CliResult, Context, date_or_today, fail};
use quhua_app::followup::{self, BoardFilter, TaskAction};
use quhua_app::upload::Upload;
use quhua_core::i18n::Lang;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Who acts and when (the actions' common options).
#[derive(clap::Args, Debug)]
pub struct As {
    /// 以哪个单位的名义办理（单位编码，如 130634-office） / the organisation you act for (its code)
    #[arg(long)]
    org: String,
    /// 办理日期（默认今天） / the day it is done (default: today)
    #[arg(long)]
    date: Option<String>,
}

/// What a report carries.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// 任务编号 / task id
    id: String,
    /// 指标完成值（累计），如 roads=120.5，可多次 / a target's value reached (cumulative), e.g. roads=120.5; repeatable
    #[arg(long = "value")]
    values: Vec<String>,
    /// 已完成的节点编号，可多次 / a milestone met; repeatable
    #[arg(long = "milestone")]
    milestones: Vec<String>,
    /// 进展情况 / what was done
    #[arg(long)]
    text: String,
    /// 佐证材料文件，可多次 / an evidence file; repeatable
    #[arg(long = "file")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    by: As,
}

/// Task commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 导入任务清单（TOML） / import a plan's tasks (TOML)
    Import {
        /// 文件 / the file
        file: PathBuf,
        /// 只检查，不入库 / check only, store nothing
        #[arg(long)]
        check: bool,
        /// 所属辖区（默认为督办单位的辖区） / the jurisdiction to file under (default: the supervising office's)
        #[arg(long)]
        scope: Option<String>,
        /// 任务编号前缀（同一方案再次导入时） / a prefix for the task ids (to file a plan again)
        #[arg(long, default_value = "")]
        prefix: String,
    },
    /// 督办设置：查看，或由 TOML 文件设置（蓝灯天数、滞后容差、催办通知书与通报时点） / show the supervision settings, or set them from a TOML file
    Settings {
        /// 由此 TOML 文件设置（[light] blue_within、blue_in_working_days、behind_tolerance；[escalation] notice_after_days、circular_after_working_days） / set them from this TOML file
        #[arg(long)]
        set: Option<PathBuf>,
    },
    /// 任务计划模板（XLSX，以示例方案填写） / write the plan workbook template (XLSX, the example plan)
    Template {
        /// 输出文件 / output file
        #[arg(long, default_value = "任务计划模板.xlsx")]
        out: PathBuf,
    },
    /// 由已批复的报批方案生成法定任务和交接任务 / file the statutory and handover tasks of an approved plan
    Generate {
        /// 报批方案编号 / plan id
        #[arg(long)]
        plan: i64,
    },
    /// 挂图作战：某日的任务灯色 / the board as of a date
    Board {
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 辖区代码前缀（默认全部） / jurisdiction prefix (default: all)
        #[arg(long, default_value = "")]
        scope: String,
        /// 只看此任务组 / only this group
        #[arg(long)]
        group: Option<String>,
        /// 只看此单位牵头或配合的任务 / only tasks this organisation leads or takes part in
        #[arg(long)]
        unit: Option<String>,
        /// 只看此灯色 / only this light (red|yellow|blue|green|done)
        #[arg(long)]
        light: Option<String>,
        /// 以 JSON 输出任务数组 / print the tasks as a JSON array
        #[arg(long)]
        json: bool,
    },
    /// 督办汇总（不含任务行）：按灯色、牵头单位、任务组和县汇总 / the summary by light, unit, group and county
    Summary {
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 辖区代码前缀（默认全部） / jurisdiction prefix (default: all)
        #[arg(long, default_value = "")]
        scope: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 查看一项任务 / one task in full
    Show {
        /// 任务编号 / task id
        id: String,
        /// 日期 / as of
        #[arg(long)]
        date: Option<String>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 报送进度（牵头单位） / report progress (a lead unit)
    ReportProgress(ReportArgs),
    /// 申请销号（牵头单位） / report a task done (a lead unit)
    ReportDone(ReportArgs),
    /// 核验销号（督办单位，非报送账号） / verify and close (the supervising office, another account)
    Close {
        /// 任务编号 / task id
        id: String,
        /// 核验意见 / note
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        by: As,
    },
    /// 退办（督办单位） / return a done report (the supervising office)
    Return {
        /// 任务编号 / task id
        id: String,
        /// 退办理由，可多次 / a reason; repeatable
        #[arg(long = "reason", required = true)]
        reasons: Vec<String>,
        #[command(flatten)]
        by: As,
    },
    /// 申请延期（期限前，牵头单位） / ask for an extension (before the deadline; a lead unit)
    Extend {
        /// 任务编号 / task id
        id: String,
        /// 新期限 / the new deadline
        #[arg(long)]
        to: String,
        /// 理由 / reason
        #[arg(long)]
        reason: String,
        /// 目前进展 / progress so far
        #[arg(long, default_value = "")]
        progress: String,
        /// 指标或节点编号（默认任务期限） / a target or milestone id (default: the task's deadline)
        #[arg(long)]
        checkpoint: Option<String>,
        #[command(flatten)]
        by: As,
    },
    /// 审批延期申请（督办单位） / decide the pending extension (the supervising office)
    Decide {
        /// 任务编号 / task id
        id: String,
        /// 批准（否则不予批准） / grant it (refuse otherwise)
        #[arg(long)]
        approve: bool,
        /// 意见 / note
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        by: As,
    },
    /// 督办升级：记录到期的催办、催办通知书、通报 / record the escalation steps due
    Escalate {
        /// 任务编号（省略则处理本单位督办的全部任务） / task id (omit: every task the office supervises)
        id: Option<String>,
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        #[command(flatten)]
        by: As,
    },
    /// 与基准日比较的变化 / what changed since a baseline date
    Changes {
        /// 基准日 / baseline date
        #[arg(long)]
        since: String,
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 督办报告：周报、两周推进表、月调度（DOCX 与 XLSX，可加 PDF） / the weekly, fortnightly or monthly report (DOCX and XLSX, optionally PDF)
    Report {
        /// week|fortnight|month（周报、两周推进表、月调度）
        period: String,
        /// 日期 / as of
        #[arg(long)]
        date: String,
        /// 输出目录 / output directory
        #[arg(long)]
        out: PathBuf,
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        /// 同时输出 PDF / also write a PDF
        #[arg(long)]
        pdf: bool,
    },
    /// 每日提醒：各单位待办摘要，可经邮件（SMTP）和 webhook 送达 / the daily digest of every organisation's inbox, optionally sent by e-mail (SMTP) and webhook
    Digest {
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 送达配置（TOML：[smtp] addr/from，[webhook] url，[addresses]） / delivery settings (TOML)
        #[arg(long)]
        config: Option<PathBuf>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 待办：某单位需要处理的事项 / an organisation's inbox
    Inbox {
        /// 单位编码 / organisation code
        #[arg(long)]
        org: String,
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

fn values(list: &[String]) -> CliResult<BTreeMap<String, f64>> {
    list.iter()
        .map(|kv| {
            let (k, v) = kv.split_once('=').ok_or_else(|| {
                fail(
                    format!("“{kv}”应写作 指标编号=数值"),
                    format!("\"{kv}\" must be target=value"),
                )
            })?;
            let n: f64 = v.trim().parse().map_err(|_| {
                fail(
                    format!("“{kv}”中的数值无效"),
                    format!("\"{kv}\" has no valid number"),
                )
            })?;
            Ok((k.trim().to_string(), n))
        })
        .collect()
}

fn files(paths: &[PathBuf]) -> CliResult<Vec<Upload>> {
    paths
        .iter()
        .map(|p| {
            let bytes = crate::context::read_bytes(p)?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Upload::checked(&name, bytes)?)
        })
        .collect()
}

fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

fn print_view(ctx: &Context, v: &followup::TaskView) {
    let zh = ctx.lang == Lang::Zh;
    let r = &v.row;
    println!(
        "{} {}",
        r.id,
        if zh || r.title_en.is_empty() {
            &r.title
        } else {
            &r.title_en
        }
    );
    println!(
        "  {}：{}　{}：{}　{}：{}　{}：{}（{} {}）",
        if zh { "牵头" } else { "lead" },
        r.lead,
        if zh { "期限" } else { "due" },
        r.due,
        if zh { "灯色" } else { "light" },
        r.light,
        if zh { "进度" } else { "progress" },
        pct(r.progress),
        if zh { "序时" } else { "schedule" },
        pct(r.schedule),
    );
    println!(
        "  {}：{}",
        if zh { "状态" } else { "status" },
        if zh { &r.status_zh } else { &r.status_en }
    );
    for e in &v.history {
        println!(
            "  #{} {} {}（{}）：{}",
            e.seq,
            e.at,
            e.org,
            e.account,
            if zh { &e.zh } else { &e.en }
        );
    }
}

fn act(ctx: &Context, id: &str, by: &As, action: TaskAction, uploads: Vec<Upload>) -> CliResult {
    let app = ctx.app()?;
    let date = date_or_today(by.date.as_deref())?;
    let v = followup::act(&app, &ctx.acting_for(&by.org), id, &action, uploads, date)?;
    print_view(ctx, &v);
    Ok(())
}

/// Runs a task command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let zh = ctx.lang == Lang::Zh;
    match cmd {
        Command::Import {
            file,
            check,
            scope,
            prefix,
        } => {
            let app = ctx.app()?;
            let r = followup::import_plan(
                &app,
                &ctx.operator(),
                &quhua_app::upload::ImportFile::Path(file.clone()),
                scope.as_deref(),
                &prefix,
                !check,
            )?;
            println!(
                "{}",
                match (zh, r.committed) {
                    (true, true) => format!(
                        "已导入“{}”：{} 项任务、{} 个单位，归属辖区 {}",
                        r.title, r.tasks, r.organisations, r.scope
                    ),
                    (true, false) => format!(
                        "检查通过（未入库）：“{}”，{} 项任务、{} 个单位",
                        r.title, r.tasks, r.organisations
                    ),
                    (false, true) => format!(
                        "imported \"{}\": {} tasks, {} organisations, filed under {}",
                        r.title, r.tasks, r.organisations, r.scope
                    ),
                    (false, false) => format!(
                        "checked (nothing stored): \"{}\", {} tasks, {} organisations",
                        r.title, r.tasks, r.organisations
                    ),
                }
            );
        }
        Command::Generate { plan } => {
            let app = ctx.app()?;
            let r = followup::generate_for_plan(&app, &ctx.operator(), plan)?;
            println!(
                "{}",
                if zh {
                    format!(
                        "已为报批方案 {plan} 生成 {} 项任务：{}",
                        r.tasks,
                        r.ids.join("、")
                    )
                } else {
                    format!(
                        "filed {} tasks for plan {plan}: {}",
                        r.tasks,
                        r.ids.join(", ")
                    )
                }
            );
        }
        Command::Settings { set } => {
            let app = ctx.app()?;
            let v = match set {
                Some(path) => {
                    let text = crate::context::read_text(&path)?;
                    let name = path.display().to_string();
                    followup::set_settings(&app, &ctx.operator(), &name, &text, None)?
                }
                None => followup::settings(&app)?,
            };
            let source = match (zh, v.source.as_str()) {
                (true, "default") => "默认值",
                (true, _) => "已设置",
                (false, s) => s,
            };
            println!(
                "# {} ({source}, v{})\n{}",
                if zh {
                    "督办设置"
                } else {
                    "supervision settings"
                },
                v.version,
                v.toml
            );
        }
        Command::Template { out } => {
            let f = followup::plan_template()?;
            crate::context::write_file(&out, &f.bytes)?;
            println!("{}", out.display());
        }
        Command::Summary { date, scope, json } => {
            let app = ctx.app()?;
            let date = date_or_today(date.as_deref())?;
            let o = followup::overview(&app, &ctx.operator(), &scope, date)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&o)?);
            } else {
                print_overview(&o, zh);
            }
        }
        Command::Board {
            date,
            scope,
            group,
            unit,
            light,
            json,
        } => {
            let app = ctx.app()?;
            let date = date_or_today(date.as_deref())?;
            let filter = BoardFilter {
                group,
                unit,
                light,
                mine_first: false,
            };
            let b = followup::board(&app, &ctx.operator(), &scope, date, &filter)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b.rows)?);
                return Ok(());
            }
            let counts: Vec<String> = b
                .lights
                .iter()
                .map(|c| format!("{} {}", if zh { &c.light.zh } else { &c.light.en }, c.count))
                .collect();
            println!(
                "{} {}（{}）：{}",
                if zh { "挂图作战" } else { "board" },
                b.date,
                if b.synthetic { "示意 synthetic" } else { "" },
                counts.join("，")
            );
            for r in &b.rows {
                let indent = match r.level.as_str() {
                    "task" => "",
                    "subtask" => "  ",
                    _ => "    ",
                };
                println!(
                    "{indent}[{}] {} {}｜{}｜{}｜{}",
                    r.light,
                    r.id,
                    if zh || r.title_en.is_empty() {
                        &r.title
                    } else {
                        &r.title_en
                    },
                    r.lead,
                    r.due,
                    pct(r.progress)
                );
            }
        }
        Command::Show { id, date, json } => {
            let app = ctx.app()?;
            let v = followup::task(&app, &ctx.operator(), &id, date_or_today(date.as_deref())?)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                print_view(ctx, &v);
            }
        }
        Command::ReportProgress(a) => {
            let action = TaskAction::Progress {
                values: values(&a.values)?,
                milestones: a.milestones.clone(),
                text: a.text.clone(),
                evidence: Vec::new(),
            };
            act(ctx, &a.id, &a.by, action, files(&a.files)?)?;
        }
        Command::ReportDone(a) => {
            let action = TaskAction::Done {
                values: values(&a.values)?,
                milestones: a.milestones.clone(),
                text: a.text.clone(),
                evidence: Vec::new(),
            };
            act(ctx, &a.id, &a.by, action, files(&a.files)?)?;
        }
        Command::Close { id, note, by } => act(ctx, &id, &by, TaskAction::Close { note }, vec![])?,
        Command::Return { id, reasons, by } => {
            act(ctx, &id, &by, TaskAction::Return { reasons }, vec![])?
        }
        Command::Extend {
            id,
            to,
            reason,
            progress,
            checkpoint,
            by,
        } => {
            let new_date = date_or_today(Some(&to))?;
            let action = TaskAction::Extend {
                checkpoint,
                new_date,
                reason,
                progress,
            };
            act(ctx, &id, &by, action, vec![])?
        }
        Command::Decide {
            id,
            approve,
            note,
            by,
        } => act(
            ctx,
            &id,
            &by,
            TaskAction::DecideExtension {
                approved: approve,
                note,
            },
            vec![],
        )?,
        Command::Escalate {
            id: Some(id), by, ..
        } => act(ctx, &id, &by, TaskAction::Escalate, vec![])?,
        Command::Escalate {
            id: None,
            scope,
            by,
        } => {
            let app = ctx.app()?;
            let date = date_or_today(by.date.as_deref())?;
            let done = followup::escalate_due(&app, &ctx.acting_for(&by.org), &scope, date)?;
            if done.is_empty() {
                println!(
                    "{}",
                    if zh {
                        "没有到期的督办升级"
                    } else {
                        "no escalation due"
                    }
                );
            }
            for e in done {
                let steps: Vec<String> = e
                    .steps
                    .iter()
                    .map(|s| {
                        let (step, on) = if zh {
                            (&s.step.zh, &s.concerns.zh)
                        } else {
                            (&s.step.en, &s.concerns.en)
                        };
                        format!("{step} ({on} {})", s.deadline)
                    })
                    .collect();
                println!("{}: {}", e.task, steps.join(if zh { "、" } else { ", " }));
            }
        }
        Command::Changes {
            since,
            date,
            scope,
            json,
        } => {
            let app = ctx.app()?;
            let since = date_or_today(Some(&since))?;
            let date = date_or_today(date.as_deref())?;
            let changes = followup::baseline(&app, &ctx.operator(), &scope, since, date)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&changes)?);
                return Ok(());
            }
            for c in changes {
                println!(
                    "{} {}｜{}：{} → {}",
                    c.id, c.title, c.field, c.before, c.after
                );
            }
        }
        Command::Report {
            period,
            date,
            out,
            scope,
            pdf,
        } => {
            let p = followup::Period::parse(&period).ok_or_else(|| {
                fail(
                    format!("报告“{period}”应为 week、fortnight 或 month"),
                    format!("report \"{period}\" must be week, fortnight or month"),
                )
            })?;
            let date = date_or_today(Some(&date))?;
            let app = ctx.app()?;
            std::fs::create_dir_all(&out)?;
            let mut formats = vec![followup::ReportFormat::Docx, followup::ReportFormat::Xlsx];
            if pdf {
                formats.push(followup::ReportFormat::Pdf);
            }
            for f in formats {
                let file = followup::report(&app, &ctx.operator(), &scope, p, date, f)?;
                let path = out.join(&file.name);
                crate::context::write_file(&path, &file.bytes)?;
                println!("{}", path.display());
            }
        }
        Command::Digest { date, config, json } => {
            let app = ctx.app()?;
            let date = date_or_today(date.as_deref())?;
            let digests = followup::digests(&app, &ctx.operator(), date)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&digests)?);
            } else {
                for d in &digests {
                    println!("{}", d.text);
                }
            }
            if let Some(path) = config {
                let text = crate::context::read_text(&path)?;
                let cfg = followup::DeliveryConfig::from_toml(&path.display().to_string(), &text)?;
                let r = followup::deliver(&digests, &cfg);
                eprintln!(
                    "{}",
                    if zh {
                        format!(
                            "摘要 {} 份：邮件送达 {}，webhook 送达 {}，无邮箱 {}，失败 {}",
                            r.digests,
                            r.mailed,
                            r.posted,
                            r.no_address.len(),
                            r.failures.len()
                        )
                    } else {
                        format!(
                            "{} digests: {} mailed, {} posted, {} without an address, {} failed",
                            r.digests,
                            r.mailed,
                            r.posted,
                            r.no_address.len(),
                            r.failures.len()
                        )
                    }
                );
                for f in &r.failures {
                    eprintln!("  {f}");
                }
                if !r.failures.is_empty() {
                    return Err(fail(
                        "部分提醒未能送达",
                        "some digests could not be delivered",
                    ));
                }
            }
        }
        Command::Inbox { org, date, json } => {
            let app = ctx.app()?;
            let date = date_or_today(date.as_deref())?;
            let inbox = followup::inbox(&app, &ctx.acting_for(&org), date)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&inbox)?);
                return Ok(());
            }
            println!(
                "{} {}（{}）：{}",
                inbox.org_name,
                inbox.date,
                if zh { "待办" } else { "inbox" },
                inbox.items.len()
            );
            for i in inbox.items {
                println!(
                    "  [{}] {} {}（{} {}）",
                    if zh { &i.zh } else { &i.en },
                    i.task,
                    i.title,
                    if zh { "期限" } else { "due" },
                    i.due
                );
            }
        }
    }
    Ok(())
}

/// Prints the summary: lights, then one line per county and per lead unit.
fn print_overview(o: &followup::OverviewView, zh: bool) {
    let counts: Vec<String> = o
        .lights
        .iter()
        .map(|c| format!("{} {}", if zh { &c.light.zh } else { &c.light.en }, c.count))
        .collect();
    if zh {
        let syn = if o.synthetic { "，示意" } else { "" };
        let (n, c) = (o.total, counts.join("，"));
        println!("督办汇总 {} {}（{n} 项{syn}）：{c}", o.scope, o.date);
    } else {
        let syn = if o.synthetic { ", synthetic" } else { "" };
        let (n, c) = (o.total, counts.join(", "));
        println!("summary {} {} ({n} tasks{syn}): {c}", o.scope, o.date);
    }
    for (title, rows) in [
        (if zh { "按县" } else { "by county" }, &o.by_county),
        (
            if zh {
                "按牵头单位"
            } else {
                "by lead unit"
            },
            &o.by_unit,
        ),
    ] {
        println!("{title}:");
        for r in rows {
            println!(
                "  {} {}｜{}｜red {} yellow {} blue {} green {} done {}｜{:.0}%",
                r.key,
                r.name,
                r.total,
                r.red,
                r.yellow,
                r.blue,
                r.green,
                r.done,
                r.mean_progress * 100.0
            );
        }
    }
}
