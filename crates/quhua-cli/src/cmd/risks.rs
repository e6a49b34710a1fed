//! `quhua risks`: the risk register (风险清单) — the register and its table, registering a
//! risk point, and the actions on it (progress, measures, level, resolution, 化解销号).

use crate::context::{CliResult, Context, date_or_today, fail};
use quhua_app::followup::{self, NewRisk, RiskAction};
use quhua_core::i18n::Lang;

/// Risk commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 风险清单及按单位、等级汇总 / the register and its table by unit and level
    List {
        /// 辖区代码前缀 / jurisdiction prefix
        #[arg(long, default_value = "")]
        scope: String,
        /// 日期（默认今天） / as of (default: today)
        #[arg(long)]
        date: Option<String>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 登记风险点（督办单位） / register a risk point (the supervising office)
    Add {
        /// 标题 / title
        #[arg(long)]
        title: String,
        /// 类别 / category: cadres|petitions|project_owners|market_entities|assets_debts|public_services|other
        #[arg(long)]
        category: String,
        /// 等级 / level: major|significant|general
        #[arg(long)]
        level: String,
        /// 责任单位编码 / the responsible organisation (code)
        #[arg(long)]
        owner: String,
        /// 化解期限 / deadline
        #[arg(long)]
        deadline: String,
        /// 说明 / description
        #[arg(long, default_value = "")]
        description: String,
        /// 所属辖区 / jurisdiction
        #[arg(long)]
        scope: String,
        /// 以哪个单位的名义 / the organisation you act for
        #[arg(long)]
        org: String,
        /// 日期（默认今天） / the day (default: today)
        #[arg(long)]
        date: Option<String>,
    },
    /// 办理风险点：update|measure|relevel|resolved|close|return / act on a risk point
    Act {
        /// 风险点编号 / risk id
        id: String,
        /// 操作 / action: update|measure|relevel|resolved|close|return
        action: String,
        /// 内容、理由或意见 / text, reason or note
        #[arg(long, default_value = "")]
        text: String,
        /// 措施责任单位（measure） / the measure's owner (measure)
        #[arg(long)]
        owner: Option<String>,
        /// 措施期限（measure） / the measure's due date (measure)
        #[arg(long)]
        due: Option<String>,
        /// 新等级（relevel） / the new level (relevel)
        #[arg(long)]
        level: Option<String>,
        /// 以哪个单位的名义 / the organisation you act for
        #[arg(long)]
        org: String,
        /// 日期（默认今天） / the day (default: today)
        #[arg(long)]
        date: Option<String>,
    },
}

fn print_row(ctx: &Context, r: &followup::RiskRow) {
    let zh = ctx.lang == Lang::Zh;
    let pick = |l: &followup::Label| if zh { l.zh.clone() } else { l.en.clone() };
    println!(
        "{} [{}｜{}｜{}{}] {}｜{}｜{}",
        r.id,
        pick(&r.level),
        pick(&r.category),
        pick(&r.status),
        if r.overdue {
            if zh { "，逾期" } else { ", overdue" }
        } else {
            ""
        },
        r.title,
        r.owner,
        r.deadline
    );
}

/// Runs a risk command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let app = ctx.app()?;
    let zh = ctx.lang == Lang::Zh;
    match cmd {
        Command::List { scope, date, json } => {
            let v = followup::risks(
                &app,
                &ctx.operator(),
                &scope,
                date_or_today(date.as_deref())?,
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v)?);
                return Ok(());
            }
            for r in &v.risks {
                print_row(ctx, r);
            }
            println!(
                "{}",
                if zh {
                    "按单位、等级："
                } else {
                    "by unit and level:"
                }
            );
            for t in &v.table {
                println!(
                    "  {}｜{}｜{} {}，{} {}，{} {}，{} {}",
                    t.unit,
                    if zh { &t.level.zh } else { &t.level.en },
                    if zh { "合计" } else { "total" },
                    t.total,
                    if zh { "化解中" } else { "open" },
                    t.open,
                    if zh { "已销号" } else { "closed" },
                    t.closed,
                    if zh { "逾期" } else { "overdue" },
                    t.overdue
                );
            }
        }
        Command::Add {
            title,
            category,
            level,
            owner,
            deadline,
            description,
            scope,
            org,
            date,
        } => {
            let new = NewRisk {
                title,
                description,
                category,
                level,
                owner,
                units: Vec::new(),
                divisions: Vec::new(),
                tasks: Vec::new(),
                deadline: date_or_today(Some(&deadline))?,
                scope: Some(scope),
            };
            let r = followup::create_risk(
                &app,
                &ctx.acting_for(&org),
                &new,
                date_or_today(date.as_deref())?,
            )?;
            print_row(ctx, &r);
        }
        Command::Act {
            id,
            action,
            text,
            owner,
            due,
            level,
            org,
            date,
        } => {
            let a = match action.as_str() {
                "update" => RiskAction::Update { text },
                "measure" => RiskAction::Measure {
                    text,
                    owner: owner.unwrap_or_else(|| org.clone()),
                    due: date_or_today(due.as_deref())?,
                },
                "relevel" => RiskAction::Relevel {
                    level: level.unwrap_or_default(),
                    reason: text,
                },
                "resolved" => RiskAction::Resolved { text },
                "close" => RiskAction::Close { note: text },
                "return" => RiskAction::Return { reason: text },
                other => {
                    return Err(fail(
                        format!(
                            "未知操作“{other}”（update、measure、relevel、resolved、close、return）"
                        ),
                        format!(
                            "unknown action \"{other}\" (update, measure, relevel, resolved, close, return)"
                        ),
                    ));
                }
            };
            let r = followup::risk_act(
                &app,
                &ctx.acting_for(&org),
                &id,
                &a,
                date_or_today(date.as_deref())?,
            )?;
            print_row(ctx, &r);
        }
    }
    Ok(())
}
