//! `quhua feedback`: the public feedback register (12345 热线, 网上留言, 来信, 来访) — import a
//! hotline export, list the register, its statistics, and the actions (分办, 答复, 回访, 更正).
//! There is no command to delete or hide an item: corrections are new versions.

use crate::context::{CliResult, Context, fail};
use quhua_app::followup::{self, FeedbackAction};
use quhua_app::upload::ImportFile;
use quhua_core::i18n::Lang;
use std::path::PathBuf;

/// Feedback commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 导入 12345 热线导出表（CSV/XLSX） / import a hotline export (CSV/XLSX)
    Import {
        /// 文件 / the file
        file: PathBuf,
        /// 只检查，不入库 / check only, store nothing
        #[arg(long)]
        check: bool,
        /// 所属辖区（默认按区划代码） / jurisdiction (default: by division code)
        #[arg(long)]
        scope: Option<String>,
        /// 以哪个单位的名义（改革办） / the organisation you act for (the office)
        #[arg(long)]
        org: String,
    },
    /// 诉求台账 / the register
    List {
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 统计：按类别、单位、周，答复时长，超期 / statistics by topic, unit, week; response times; overdue
    Stats {
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 办理：assign|reply|follow-up|correct / act on an item
    Act {
        /// 诉求编号 / item id
        id: String,
        /// 操作 / action: assign|reply|follow-up|correct
        action: String,
        /// 答复内容、回访说明或更正理由 / reply, follow-up note or correction reason
        #[arg(long, default_value = "")]
        text: String,
        /// 承办单位编码（assign） / department code (assign)
        #[arg(long)]
        department: Option<String>,
        /// 答复期限（assign） / reply deadline (assign)
        #[arg(long)]
        deadline: Option<String>,
        /// 满意度（follow-up）：satisfied|fair|unsatisfied|unreachable
        #[arg(long)]
        satisfaction: Option<String>,
        /// 更正后的类别（correct） / corrected topic (correct)
        #[arg(long)]
        topic: Option<String>,
        /// 以哪个单位的名义 / the organisation you act for
        #[arg(long)]
        org: String,
    },
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Runs a feedback command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let app = ctx.app()?;
    let zh = ctx.lang == Lang::Zh;
    match cmd {
        Command::Import {
            file,
            check,
            scope,
            org,
        } => {
            let r = followup::import_feedback(
                &app,
                &ctx.acting_for(&org),
                &ImportFile::Path(file),
                scope.as_deref(),
                !check,
                now(),
            )?;
            for w in &r.warnings {
                eprintln!("{w}");
            }
            println!(
                "{}",
                if zh {
                    format!(
                        "{}：{} 条工单，新登记 {} 条{}，已登记 {} 条，按内容归类 {} 条",
                        r.file,
                        r.rows,
                        r.new_items,
                        if r.committed {
                            ""
                        } else {
                            "（仅检查，未入库）"
                        },
                        r.already,
                        r.topics_inferred
                    )
                } else {
                    format!(
                        "{}: {} tickets, {} new{}, {} already registered, {} topics inferred from the content",
                        r.file,
                        r.rows,
                        r.new_items,
                        if r.committed {
                            ""
                        } else {
                            " (checked only, nothing stored)"
                        },
                        r.already,
                        r.topics_inferred
                    )
                }
            );
        }
        Command::List { scope, json } => {
            let v = followup::feedback(&app, &ctx.operator(), &scope, now())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v.items)?);
                return Ok(());
            }
            for i in &v.items {
                println!(
                    "{} {} [{}｜{}] {}｜{}｜{}",
                    i.id,
                    i.received,
                    if zh { &i.channel.zh } else { &i.channel.en },
                    if zh { &i.topic.zh } else { &i.topic.en },
                    i.content,
                    i.assigned.as_deref().unwrap_or("—"),
                    match (&i.reply, i.overdue) {
                        (Some(_), _) =>
                            if zh {
                                "已答复"
                            } else {
                                "replied"
                            },
                        (None, true) =>
                            if zh {
                                "超期未复"
                            } else {
                                "overdue"
                            },
                        (None, false) =>
                            if zh {
                                "办理中"
                            } else {
                                "open"
                            },
                    }
                );
            }
        }
        Command::Stats { scope, json } => {
            let v = followup::feedback(&app, &ctx.operator(), &scope, now())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v.stats)?);
                return Ok(());
            }
            let s = &v.stats;
            println!(
                "{}",
                if zh {
                    format!(
                        "共 {} 条，已答复 {} 条，平均答复 {:.1} 小时，中位 {:.1} 小时，超期未复 {} 条，超期答复 {} 条",
                        s.total,
                        s.replied,
                        s.mean_response_hours.unwrap_or(0.0),
                        s.median_response_hours.unwrap_or(0.0),
                        s.overdue_open.len(),
                        s.replied_late.len()
                    )
                } else {
                    format!(
                        "{} items, {} replied, mean reply {:.1} h, median {:.1} h, {} open past the deadline, {} replied late",
                        s.total,
                        s.replied,
                        s.mean_response_hours.unwrap_or(0.0),
                        s.median_response_hours.unwrap_or(0.0),
                        s.overdue_open.len(),
                        s.replied_late.len()
                    )
                }
            );
            for (title, list) in [
                ("类别 / topic", &s.by_topic),
                ("单位 / unit", &s.by_unit),
                ("周 / week", &s.by_week),
            ] {
                println!("{title}:");
                for c in list {
                    println!("  {}  {}", c.name, c.count);
                }
            }
        }
        Command::Act {
            id,
            action,
            text,
            department,
            deadline,
            satisfaction,
            topic,
            org,
        } => {
            let a = match action.as_str() {
                "assign" => FeedbackAction::Assign {
                    department: department.unwrap_or_default(),
                    deadline: quhua_core::date::parse_date(deadline.as_deref().unwrap_or(""))
                        .ok_or_else(|| {
                            fail(
                                "请用 --deadline 给出答复期限（YYYY-MM-DD）",
                                "give the reply deadline with --deadline (YYYY-MM-DD)",
                            )
                        })?,
                },
                "reply" => FeedbackAction::Reply { text },
                "follow-up" => FeedbackAction::FollowUp {
                    satisfaction: satisfaction.unwrap_or_default(),
                    note: text,
                },
                "correct" => FeedbackAction::Correct {
                    topic,
                    division: None,
                    unit: None,
                    reason: text,
                },
                other => {
                    return Err(fail(
                        format!("未知操作“{other}”（assign、reply、follow-up、correct）"),
                        format!("unknown action \"{other}\" (assign, reply, follow-up, correct)"),
                    ));
                }
            };
            let r = followup::feedback_act(&app, &ctx.acting_for(&org), &id, &a, now())?;
            println!(
                "{} v{}：{}",
                r.id,
                r.versions.len(),
                r.versions.last().map(|v| v.action.as_str()).unwrap_or("")
            );
        }
    }
    Ok(())
}
