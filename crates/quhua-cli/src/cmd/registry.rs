//! `quhua registry`: snapshots as of a date, changes between dates, lineage of a unit.

use crate::context::{CliResult, Context, fail};
use crate::render::{self, t, table::Table};
use quhua_core::DivisionCode;
use quhua_core::Level;
use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::Lang;
use quhua_core::registry::{Direction, Registry};
use quhua_core::unit::UnitId;
use serde_json::json;

/// Registry commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 某日的区划名录 / the units in force on a date
    AsOf {
        /// 日期 YYYY-MM-DD / date
        date: String,
        /// 只列此县（6位代码）/ only this county
        #[arg(long)]
        county: Option<String>,
        /// 列村级单位 / list villages instead of townships
        #[arg(long)]
        villages: bool,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 两个日期之间的变更 / changes between two dates
    Changes {
        /// 起始日期（不含）/ from (exclusive)
        from: String,
        /// 截止日期（含）/ to (inclusive)
        to: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 某单位的沿革（去向与来源，含村）/ lineage of a unit, forwards and backwards, with villages
    Lineage {
        /// 代码（现行或已停用）/ code, current or retired
        code: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Runs a registry command on the database's registry (or the demo's with `--demo`).
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let registry = ctx.registry()?;
    let reg = &registry;
    match cmd {
        Command::AsOf {
            date,
            county,
            villages,
            json,
        } => as_of(ctx, reg, &date, county.as_deref(), villages, json),
        Command::Changes { from, to, json } => changes(ctx, reg, &from, &to, json),
        Command::Lineage { code, json } => lineage(ctx, reg, &code, json),
    }
}

fn date_arg(s: &str) -> CliResult<Date> {
    parse_date(s).ok_or_else(|| {
        fail(
            format!("日期“{s}”应为 YYYY-MM-DD"),
            format!("date \"{s}\" must be YYYY-MM-DD"),
        )
    })
}

fn as_of(
    ctx: &Context,
    reg: &Registry,
    date: &str,
    county: Option<&str>,
    villages: bool,
    json: bool,
) -> CliResult {
    let d = date_arg(date)?;
    let snap = reg.as_of(d);
    let within = county.map(DivisionCode::parse).transpose()?;
    let level = if villages {
        Level::Village
    } else {
        Level::Township
    };
    let units: Vec<_> = snap
        .at_level(level)
        .filter(|u| within.is_none_or(|c| u.code.is_within(c)))
        .collect();
    if json {
        let rows: Vec<_> = units
            .iter()
            .map(|u| json!({"code": u.code, "name": u.name, "kind": u.kind.zh(), "parent": u.parent.and_then(|p| snap.get(p)).map(|p| p.code)}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({"date": d.to_string(), "units": rows}))?
        );
        return Ok(());
    }
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "{d} 的{}名录（共 {} 个）",
                if villages { "村级" } else { "乡级" },
                units.len()
            ),
            Lang::En => format!(
                "{} units in force on {d}: {}",
                if villages {
                    "Village-level"
                } else {
                    "Township-level"
                },
                units.len()
            ),
        }
    );
    let mut tab = Table::new([
        t(ctx.lang, "代码", "Code"),
        t(ctx.lang, "名称", "Name"),
        t(ctx.lang, "类型", "Kind"),
        t(ctx.lang, "上级", "Parent"),
    ]);
    for u in units {
        let kind = match ctx.lang {
            Lang::Zh => u.kind.zh(),
            Lang::En => u.kind.en(),
        };
        tab.row([
            u.code.to_string(),
            u.name.clone(),
            kind.to_string(),
            u.parent
                .and_then(|p| snap.get(p))
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        ]);
    }
    print!("{}", tab.render());
    Ok(())
}

fn changes(ctx: &Context, reg: &Registry, from: &str, to: &str, json: bool) -> CliResult {
    let (f, t_) = (date_arg(from)?, date_arg(to)?);
    let events = reg.changes_between(f, t_);
    if json {
        println!("{}", serde_json::to_string_pretty(events)?);
        return Ok(());
    }
    let mut tab = Table::new([
        t(ctx.lang, "日期", "Date"),
        t(ctx.lang, "类型", "Type"),
        t(ctx.lang, "内容", "Change"),
        t(ctx.lang, "批准文号", "Approval"),
    ]);
    for e in events {
        let kind = match ctx.lang {
            Lang::Zh => e.kind.zh(),
            Lang::En => e.kind.en(),
        };
        let what: Vec<String> = e
            .lineage
            .iter()
            .map(|l| {
                format!(
                    "{} → {}",
                    label(reg, l.from, e.date, true),
                    label(reg, l.to, e.date, false)
                )
            })
            .collect();
        // Changes without territorial lineage: say what they touched.
        let what = if what.is_empty() {
            untracked_summary(reg, e, ctx.lang)
        } else {
            what.join("; ")
        };
        tab.row([
            e.date.to_string(),
            kind.to_string(),
            what,
            e.approval_no.clone(),
        ]);
    }
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!("{f} 之后至 {t_} 的变更：{} 项", events.len()),
            Lang::En => format!("Changes after {f} up to {t_}: {}", events.len()),
        }
    );
    print!("{}", tab.render());
    Ok(())
}

/// What a change without lineage touched: a rename, a seat move, or survey values.
fn untracked_summary(reg: &Registry, e: &quhua_core::event::ChangeEvent, lang: Lang) -> String {
    use quhua_core::event::Fact;
    let mut renames = Vec::new();
    let mut units = 0usize;
    for f in &e.facts {
        match f {
            Fact::Rename { from, to, .. } => renames.push(format!("{from} → {to}")),
            Fact::MoveSeat { unit, .. } => renames.push(label(reg, *unit, e.date, false)),
            Fact::SetAttrs { .. } => units += 1,
            _ => {}
        }
    }
    if units > 0 {
        renames.push(match lang {
            Lang::Zh => format!("{units} 个单位的数据"),
            Lang::En => format!("values of {units} units"),
        });
    }
    renames.join("; ")
}

/// `name（code）` of a unit just before (`before`) or on the event date.
fn label(reg: &Registry, id: UnitId, date: Date, before: bool) -> String {
    let d = if before {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    };
    reg.as_of(d)
        .get(id)
        .or_else(|| reg.latest(id))
        .map(|u| u.label())
        .unwrap_or_else(|| id.to_string())
}

fn lineage(ctx: &Context, reg: &Registry, code: &str, json: bool) -> CliResult {
    let c = DivisionCode::parse(code)?;
    let id = reg.unit_by_code(c)?;
    let fwd = reg.lineage(id, Direction::Forward);
    let back = reg.lineage(id, Direction::Backward);
    // Villages with their code before → after the event (a change of superior recodes them).
    let village_list = |date: Date, vs: &[UnitId]| -> Vec<String> {
        let after = reg.as_of(date);
        let before = reg.as_of(date.pred_opt().unwrap_or(date));
        vs.iter()
            .map(|v| match (before.get(*v), after.get(*v)) {
                (Some(b), Some(a)) if b.code != a.code => {
                    format!("{}（{}→{}）", a.name, b.code, a.code)
                }
                (_, Some(a)) => a.label(),
                _ => v.to_string(),
            })
            .collect()
    };
    if json {
        let steps = |s: &[quhua_core::registry::LineageStep]| -> Vec<serde_json::Value> {
            s.iter()
                .map(|x| json!({"date": x.date.to_string(), "type": x.kind.zh(), "approval_no": x.approval_no, "from": label(reg, x.from, x.date, true), "to": label(reg, x.to, x.date, false), "villages": village_list(x.date, &x.villages)}))
                .collect()
        };
        println!(
            "{}",
            serde_json::to_string_pretty(
                &json!({"code": c, "codes": reg.codes_of(id).iter().map(|(c, f, t)| json!({"code": c, "valid_from": f.to_string(), "valid_to": t.map(|t| t.to_string())})).collect::<Vec<_>>(), "forward": steps(&fwd), "backward": steps(&back)})
            )?
        );
        return Ok(());
    }
    let name = reg.latest(id).map(|u| u.name.clone()).unwrap_or_default();
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!("{name}（{c}）的沿革"),
            Lang::En => format!("Lineage of {name} ({c})"),
        }
    );
    for (code, from, to) in reg.codes_of(id) {
        println!(
            "  {} {code}：{from} — {}",
            t(ctx.lang, "代码", "code"),
            to.map(|t| t.to_string())
                .unwrap_or_else(|| t(ctx.lang, "现行", "in force").to_string())
        );
    }
    for (title, steps) in [
        (t(ctx.lang, "去向", "Went to"), &fwd),
        (t(ctx.lang, "来源", "Came from"), &back),
    ] {
        println!("{title}：");
        if steps.is_empty() {
            println!("  {}", t(ctx.lang, "（无）", "(none)"));
        }
        for s in steps.iter() {
            let kind = match ctx.lang {
                Lang::Zh => s.kind.zh(),
                Lang::En => s.kind.en(),
            };
            println!(
                "  {} {kind}：{} → {}（{}）",
                s.date,
                label(reg, s.from, s.date, true),
                label(reg, s.to, s.date, false),
                s.approval_no
            );
            let vs = village_list(s.date, &s.villages);
            println!(
                "    {} {}：{}",
                t(ctx.lang, "随迁村(居)", "villages carried"),
                vs.len(),
                vs.join(t(ctx.lang, "、", ", "))
            );
        }
    }
    let _ = render::localize;
    Ok(())
}
