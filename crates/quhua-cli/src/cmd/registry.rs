//! `quhua registry`: snapshots as of a date, changes between dates, lineage of a unit. The
//! queries are [`quhua_app::registry`]; this module prints them (`--json`: the typed result).

use crate::context::{CliResult, Context};
use crate::render::{t, table::Table};
use quhua_app::registry::{self, AsOf, Changes, Lineage};
use quhua_core::i18n::Lang;

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
        /// 只列涉及此县的变更（6位代码）/ only changes touching this county
        #[arg(long)]
        county: Option<String>,
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
    let reg = ctx.registry()?;
    let actor = ctx.operator();
    match cmd {
        Command::AsOf {
            date,
            county,
            villages,
            json,
        } => {
            let r = registry::as_of(&reg, &actor, &date, county.as_deref(), villages)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print_as_of(ctx, &r);
            }
        }
        Command::Changes {
            from,
            to,
            county,
            json,
        } => {
            let r = registry::changes(&reg, &actor, &from, &to, county.as_deref())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print_changes(ctx, &r);
            }
        }
        Command::Lineage { code, json } => {
            let r = registry::lineage(&reg, &actor, &code)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print_lineage(ctx, &r);
            }
        }
    }
    Ok(())
}

fn print_as_of(ctx: &Context, r: &AsOf) {
    let d = &r.date;
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "{d} 的{}名录（共 {} 个）",
                if r.villages { "村级" } else { "乡级" },
                r.units.len()
            ),
            Lang::En => format!(
                "{} units in force on {d}: {}",
                if r.villages {
                    "Village-level"
                } else {
                    "Township-level"
                },
                r.units.len()
            ),
        }
    );
    let mut tab = Table::new([
        t(ctx.lang, "代码", "Code"),
        t(ctx.lang, "名称", "Name"),
        t(ctx.lang, "类型", "Kind"),
        t(ctx.lang, "上级", "Parent"),
    ]);
    for u in &r.units {
        tab.row([
            u.code.clone(),
            u.name.clone(),
            t(ctx.lang, &u.kind, &u.kind_en).to_string(),
            u.parent_name.clone().unwrap_or_default(),
        ]);
    }
    print!("{}", tab.render());
}

fn print_changes(ctx: &Context, r: &Changes) {
    let mut tab = Table::new([
        t(ctx.lang, "日期", "Date"),
        t(ctx.lang, "类型", "Type"),
        t(ctx.lang, "内容", "Change"),
        t(ctx.lang, "批准文号", "Approval"),
    ]);
    for e in &r.changes {
        // Changes without territorial lineage: say what they touched.
        let what = if e.lineage.is_empty() {
            let mut parts = e.renames.clone();
            if e.units_with_values > 0 {
                parts.push(match ctx.lang {
                    Lang::Zh => format!("{} 个单位的数据", e.units_with_values),
                    Lang::En => format!("values of {} units", e.units_with_values),
                });
            }
            parts.join("; ")
        } else {
            e.lineage.join("; ")
        };
        tab.row([
            e.date.clone(),
            t(ctx.lang, &e.kind, &e.type_en).to_string(),
            what,
            e.approval_no.clone(),
        ]);
    }
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!("{} 之后至 {} 的变更：{} 项", r.from, r.to, r.changes.len()),
            Lang::En => format!(
                "Changes after {} up to {}: {}",
                r.from,
                r.to,
                r.changes.len()
            ),
        }
    );
    print!("{}", tab.render());
}

fn print_lineage(ctx: &Context, r: &Lineage) {
    let (name, c) = (&r.name, &r.code);
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!("{name}（{c}）的沿革"),
            Lang::En => format!("Lineage of {name} ({c})"),
        }
    );
    for p in &r.codes {
        println!(
            "  {} {}：{} — {}",
            t(ctx.lang, "代码", "code"),
            p.code,
            p.valid_from,
            p.valid_to
                .clone()
                .unwrap_or_else(|| t(ctx.lang, "现行", "in force").to_string())
        );
    }
    for (title, steps) in [
        (t(ctx.lang, "去向", "Went to"), &r.forward),
        (t(ctx.lang, "来源", "Came from"), &r.backward),
    ] {
        println!("{title}：");
        if steps.is_empty() {
            println!("  {}", t(ctx.lang, "（无）", "(none)"));
        }
        for s in steps {
            println!(
                "  {} {}：{} → {}（{}）",
                s.date,
                t(ctx.lang, &s.kind, &s.type_en),
                s.from,
                s.to,
                s.approval_no
            );
            println!(
                "    {} {}：{}",
                t(ctx.lang, "随迁村(居)", "villages carried"),
                s.villages.len(),
                s.villages.join(t(ctx.lang, "、", ", "))
            );
        }
    }
}
