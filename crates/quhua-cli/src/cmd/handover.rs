//! `quhua handover init|import|assign|transfer-rest|check|act|status|show|close|documents`:
//! argument handling and rendering only — each command calls one `quhua_app::handover`
//! function (the web calls the same ones), acting as the local operator named by `--actor`.

use super::procedure::today;
use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_app::handover::{
    self, Action, Disposition, HandoverView, ImportFile, ImportKind, ItemFilter, LedgerKind,
    LedgerStatus, Money,
};
use quhua_core::i18n::Lang;
use std::path::PathBuf;

/// Handover commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 由已批复方案生成交接（已存在则按方案/实施结果更新）/ generate the handover of an approved plan
    Init {
        /// 报批方案编号 / plan id
        plan: i64,
    },
    /// 导入资产、债权债务、干部名册、服务网点或调整前编制（CSV/XLSX）/ import a table
    Import {
        /// assets | debts | cadres | services | quotas
        kind: String,
        /// 报批方案编号 / plan id
        plan: i64,
        /// 文件 / file
        file: PathBuf,
        /// 只检查并预览，不保存 / check and preview only
        #[arg(long)]
        preview: bool,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 登记台账条目去向：移交、处置、核销 / decide what happens to ledger items
    Assign {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 条目编号（资产编号或债权债务编号）/ item ids
        #[arg(required = true)]
        ids: Vec<String>,
        /// 债权债务台账（缺省资产）/ the debts ledger (default assets)
        #[arg(long)]
        debts: bool,
        /// 移交给接收单位（代码或名称）/ transfer to the successor
        #[arg(long, conflicts_with_all = ["route", "write_off", "unassign"])]
        transfer: Option<String>,
        /// 处置方式编号，如 market_sale / a disposal route
        #[arg(long, conflicts_with_all = ["write_off", "unassign"])]
        route: Option<String>,
        /// 处置说明 / note on the disposal
        #[arg(long)]
        note: Option<String>,
        /// 核销批准文号 / write off with this approval reference
        #[arg(long, conflicts_with = "unassign")]
        write_off: Option<String>,
        /// 撤回为未定 / back to undecided
        #[arg(long)]
        unassign: bool,
    },
    /// 将某事项中尚未确定去向的条目全部移交接收单位 / transfer every undecided item of a section
    TransferRest {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 事项编号，如 130634203-state_assets / section id
        section: String,
    },
    /// 勾销清单项（印章、档案、牌匾……）/ mark a checklist line done
    Check {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 事项编号 / section id
        section: String,
        /// 清单项编号 / item id
        item: String,
        /// 单位代码 / unit code
        unit: String,
        /// 备注（印章备案号、档案移交清单号等）/ note
        #[arg(long)]
        note: Option<String>,
    },
    /// 其他操作（JSON，与网页接口相同），如 '{"op":"compute_quotas"}' / any action as JSON
    Act {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 操作（JSON）/ the action as JSON
        action: String,
    },
    /// 交接进度与守恒检查 / progress and conservation
    Status {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 查看一个事项（清单、条目、干部、网点）/ one section in detail
    Show {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 事项编号 / section id
        section: String,
        /// 只列未定去向的条目 / only undecided items
        #[arg(long)]
        unassigned: bool,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 销号：事项完成后关闭 / close a section
    Close {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 事项编号 / section id
        section: String,
    },
    /// 生成示意资产台账（CSV 或 XLSX，用于试导入、压力测试）/ write a synthetic asset ledger
    GenerateLedger {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 条目数 / items
        #[arg(long, default_value_t = 450_000)]
        items: usize,
        /// 随机种子 / seed
        #[arg(long, default_value_t = handover::DEMO_SEED)]
        seed: u64,
        /// 输出文件（.csv 或 .xlsx）/ output file
        #[arg(long)]
        out: PathBuf,
    },
    /// 导出移交清单与汇总表（DOCX、XLSX）/ write the handover lists and the summary
    Documents {
        /// 报批方案编号 / plan id
        plan: i64,
        /// 输出目录 / output directory
        #[arg(long)]
        out: PathBuf,
    },
}

/// Runs a handover command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let app = ctx.app()?;
    let me = ctx.operator();
    let day = today();
    match cmd {
        Command::Init { plan } => {
            handover::init(&app, &me, plan)?;
            let v = handover::view(&app, &me, plan, day)?;
            summary(ctx, &v);
        }
        Command::Import {
            kind,
            plan,
            file,
            preview,
            json,
        } => {
            let k = ImportKind::parse(&kind).ok_or_else(|| {
                fail(
                    format!("未知导入类型“{kind}”：可用 assets、debts、cadres、services、quotas"),
                    format!(
                        "unknown import \"{kind}\": use assets, debts, cadres, services or quotas"
                    ),
                )
            })?;
            let out = handover::import(&app, &me, plan, k, &ImportFile::Path(file), !preview)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&out)?);
                return Ok(());
            }
            for w in &out.warnings {
                eprintln!("{}", crate::render::localize(w, ctx.lang));
            }
            let mut tab = Table::new(out.columns.clone());
            for r in &out.preview {
                tab.row(r.clone());
            }
            print!("{}", tab.render());
            let report = out.report.map_or(String::new(), |r| {
                format!(
                    "{} {} / {} {} / {} {} / {} {}",
                    t(ctx.lang, "新增", "added"),
                    r.added,
                    t(ctx.lang, "删除", "removed"),
                    r.removed,
                    t(ctx.lang, "变更", "changed"),
                    r.changed,
                    t(ctx.lang, "不变", "unchanged"),
                    r.unchanged
                )
            });
            println!(
                "{}：{} {} {report}",
                out.file,
                out.rows,
                if out.stored {
                    t(ctx.lang, "行，已保存", "rows, stored")
                } else {
                    t(
                        ctx.lang,
                        "行，检查通过（预览，未保存）",
                        "rows, checked (preview, not stored)",
                    )
                }
            );
        }
        Command::Assign {
            plan,
            ids,
            debts,
            transfer,
            route,
            note,
            write_off,
            unassign,
        } => {
            let disposition = match (transfer, route, write_off, unassign) {
                (Some(to), _, _, _) => Disposition::Transferred { to },
                (_, Some(route), _, _) => Disposition::Disposed { route, note },
                (_, _, Some(approval), _) => Disposition::WrittenOff { approval },
                (_, _, _, true) => Disposition::Unassigned,
                _ => {
                    return Err(fail(
                        "请给出 --transfer、--route、--write-off 或 --unassign 之一",
                        "give one of --transfer, --route, --write-off or --unassign",
                    ));
                }
            };
            let ledger = if debts {
                LedgerKind::Debts
            } else {
                LedgerKind::Assets
            };
            let a = Action::Assign {
                ledger,
                ids,
                disposition,
            };
            acted(ctx, handover::act(&app, &me, plan, &a, day)?);
        }
        Command::TransferRest { plan, section } => {
            let a = Action::TransferRest {
                section,
                ledger: None,
            };
            acted(ctx, handover::act(&app, &me, plan, &a, day)?);
        }
        Command::Check {
            plan,
            section,
            item,
            unit,
            note,
        } => {
            let a = Action::Check {
                section,
                item,
                unit,
                note,
            };
            acted(ctx, handover::act(&app, &me, plan, &a, day)?);
        }
        Command::Act { plan, action } => {
            let a: Action = serde_json::from_str(&action).map_err(|e| {
                fail(
                    format!("操作 JSON 无法解析：{e}"),
                    format!("the action JSON is malformed: {e}"),
                )
            })?;
            acted(ctx, handover::act(&app, &me, plan, &a, day)?);
        }
        Command::Status { plan, json } => {
            let v = handover::view(&app, &me, plan, day)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&v.status)?);
            } else {
                summary(ctx, &v);
            }
        }
        Command::Show {
            plan,
            section,
            unassigned,
            json,
        } => {
            let f = ItemFilter {
                unassigned,
                ..ItemFilter::default()
            };
            let d = handover::detail(&app, &me, plan, &section, &f, day)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&d)?);
            } else {
                show(ctx, &d);
            }
        }
        Command::Close { plan, section } => {
            let a = Action::Close { section };
            acted(ctx, handover::act(&app, &me, plan, &a, day)?);
        }
        Command::GenerateLedger {
            plan,
            items,
            seed,
            out,
        } => {
            let table = handover::synthetic_assets(&app, &me, plan, items, seed)?;
            if out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
            {
                quhua_io::write_xlsx(&table, &out)?;
            } else {
                quhua_io::write_csv(&table, &out)?;
            }
            println!(
                "{}：{items} {}",
                out.display(),
                t(ctx.lang, "项示意资产", "synthetic asset items")
            );
        }
        Command::Documents { plan, out } => {
            std::fs::create_dir_all(&out)?;
            let files = handover::documents(&app, &me, plan, day)?;
            for f in files {
                let p = out.join(&f.name);
                crate::context::write_file(&p, &f.bytes)?;
                println!("{}", p.display());
            }
        }
    }
    Ok(())
}

fn acted(ctx: &Context, a: handover::Acted) {
    println!(
        "{} {}：{} {}（{} {}）",
        t(ctx.lang, "已完成", "done"),
        a.op,
        a.changed,
        t(ctx.lang, "项", "changed"),
        t(ctx.lang, "版本", "version"),
        a.version
    );
}

fn yuan(m: Money) -> String {
    m.to_string()
}

fn ledger_line(ctx: &Context, name: &str, l: &LedgerStatus) -> Vec<String> {
    vec![
        name.to_string(),
        l.items.to_string(),
        yuan(l.book_value),
        format!("{} / {}", l.transferred.items, yuan(l.transferred.value)),
        format!("{} / {}", l.disposed.items, yuan(l.disposed.value)),
        format!("{} / {}", l.written_off.items, yuan(l.written_off.value)),
        format!("{} / {}", l.unassigned.items, yuan(l.unassigned.value)),
        if l.conserved {
            t(ctx.lang, "守恒", "conserved")
        } else {
            t(ctx.lang, "未完成", "open")
        }
        .to_string(),
    ]
}

fn summary(ctx: &Context, v: &HandoverView) {
    let l = ctx.lang;
    let s = &v.status;
    println!(
        "{}（{} {}）{} {}/{} {}{}",
        v.name,
        t(l, "报批方案", "plan"),
        v.plan,
        t(l, "交接事项已销号", "sections closed"),
        s.sections_closed,
        s.sections_total,
        t(l, "，版本 ", ", version "),
        v.version
    );
    if v.synthetic {
        println!(
            "{}",
            t(l, "注：数据为示意。", "Note: the figures are synthetic.")
        );
    }
    let mut tab = Table::new([
        t(l, "台账", "Ledger"),
        t(l, "条目", "Items"),
        t(l, "账面价值（元）", "Book value (yuan)"),
        t(l, "移交", "Transferred"),
        t(l, "处置", "Disposed"),
        t(l, "核销", "Written off"),
        t(l, "未定", "Undecided"),
        t(l, "守恒", "Conserved"),
    ]);
    tab.row(ledger_line(ctx, t(l, "资产", "assets"), &s.assets));
    tab.row(ledger_line(ctx, t(l, "债权债务", "debts"), &s.debts));
    print!("{}", tab.render());
    let mut tab = Table::new([
        t(l, "事项", "Section"),
        t(l, "牵头部门", "Lead"),
        t(l, "移交方 → 接收方", "From → to"),
        t(l, "清单", "Checklist"),
        t(l, "期限", "Due"),
        t(l, "状态", "State"),
    ]);
    for sec in &v.sections {
        let state = match (&sec.closed, sec.overdue) {
            (Some(c), _) => format!("{} {} {}", t(l, "已销号", "closed"), c.by, c.date),
            (None, true) => t(l, "逾期", "overdue").to_string(),
            (None, false) => t(l, "进行中", "open").to_string(),
        };
        let done = sec.checklist.iter().filter(|c| c.done.is_some()).count();
        tab.row([
            sec.id.clone(),
            if l == Lang::Zh {
                sec.department_name.zh.clone()
            } else {
                sec.department_name.en.clone()
            },
            format!("{} → {}", sec.from.name, sec.to.name),
            format!("{done}/{}", sec.checklist.len()),
            sec.due.to_string(),
            state,
        ]);
    }
    print!("{}", tab.render());
}

fn show(ctx: &Context, d: &handover::SectionDetail) {
    let l = ctx.lang;
    let s = &d.section;
    println!(
        "{} {}：{} → {}",
        s.id,
        if l == Lang::Zh {
            &s.title.zh
        } else {
            &s.title.en
        },
        s.from.name,
        s.to.name
    );
    let mut tab = Table::new([
        t(l, "清单项", "Item"),
        t(l, "单位", "Unit"),
        t(l, "完成", "Done"),
    ]);
    for c in &s.checklist {
        tab.row([
            if l == Lang::Zh {
                c.zh.clone()
            } else {
                c.en.clone()
            },
            c.unit.clone(),
            c.done
                .as_ref()
                .map_or(String::new(), |d| format!("{} {}", d.by, d.date)),
        ]);
    }
    print!("{}", tab.render());
    for w in &s.open_work {
        println!("- {}", if l == Lang::Zh { &w.zh } else { &w.en });
    }
    if let Some(p) = &d.assets {
        println!("{} {}", t(l, "资产条目", "asset items"), p.total);
    }
    if let Some(p) = &d.debts {
        println!("{} {}", t(l, "债权债务条目", "debts and claims"), p.total);
    }
    if let Some(c) = &d.cadres {
        println!("{} {}", t(l, "干部", "cadres"), c.len());
    }
    if let Some(p) = &d.services {
        println!("{} {}", t(l, "服务网点", "service points"), p.len());
    }
}
