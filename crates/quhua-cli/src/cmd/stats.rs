//! `quhua stats`: import a statistics table, crosswalk two dates, recast a table.

use crate::context::{CliResult, Context, fail};
use quhua_app::stats::WeightBy;
use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::Lang;
use std::path::PathBuf;

/// Statistics commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 导入统计表（CSV/XLSX，逐年乡镇指标） / import a statistics table (CSV/XLSX, yearly township figures)
    Import {
        /// 文件 / the file
        file: PathBuf,
    },
    /// 两个日期之间的乡镇对应权重 / township crosswalk between two dates
    Crosswalk {
        /// 起始日期 / from date (YYYY-MM-DD)
        date1: String,
        /// 目标日期 / to date (YYYY-MM-DD)
        date2: String,
        /// 县级代码 / county code
        #[arg(long)]
        county: Option<String>,
        /// 权重 / weight: population|households|area|villages
        #[arg(long, default_value = "population")]
        weight: String,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 把统计表换算到某日的乡镇区划口径 / recast a statistics table onto the townships of a date
    Recast {
        /// 文件 / the file
        file: PathBuf,
        /// 目标日期 / target date
        #[arg(long)]
        to: String,
        /// 权重 / weight
        #[arg(long, default_value = "population")]
        weight: String,
    },
}

fn date(s: &str) -> CliResult<Date> {
    parse_date(s).ok_or_else(|| {
        fail(
            format!("日期“{s}”无效（应为 YYYY-MM-DD）"),
            format!("bad date \"{s}\" (use YYYY-MM-DD)"),
        )
    })
}

fn weight(s: &str) -> CliResult<WeightBy> {
    WeightBy::parse(s).ok_or_else(|| {
        fail(
            format!("权重“{s}”无效（可用 population/households/area/villages）"),
            format!("bad weight \"{s}\" (population|households|area|villages)"),
        )
    })
}

/// Runs a statistics command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let app = ctx.app()?;
    let me = ctx.operator();
    match cmd {
        Command::Import { file } => {
            let r = quhua_app::stats::import_observations(&app, &me, &file)?;
            println!(
                "{}",
                match ctx.lang {
                    Lang::Zh => format!(
                        "已导入 {} 个数值（替换 {} 个）：指标 {}，年份 {:?}",
                        r.stored,
                        r.replaced,
                        r.indicators.join("、"),
                        r.periods
                    ),
                    Lang::En => format!(
                        "imported {} figures ({} replaced): indicators {}, periods {:?}",
                        r.stored,
                        r.replaced,
                        r.indicators.join(", "),
                        r.periods
                    ),
                }
            );
        }
        Command::Crosswalk {
            date1,
            date2,
            county,
            weight: w,
            json,
        } => {
            let (cw, rows) = quhua_app::stats::crosswalk(
                &app,
                &me,
                date(&date1)?,
                date(&date2)?,
                county.as_deref(),
                weight(&w)?,
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                if cw.weight_used != cw.weight {
                    eprintln!(
                        "注意：部分村（居）无{}数据，改按村（居）数加权 / some villages lack {}; weighted by village count",
                        cw.weight.zh(),
                        cw.weight.en()
                    );
                }
                for r in rows {
                    println!(
                        "{}\t{}\t→\t{}\t{}\t{:.6}",
                        r.from_code, r.from_name, r.to_code, r.to_name, r.weight
                    );
                }
            }
        }
        Command::Recast {
            file,
            to,
            weight: w,
        } => {
            let r = quhua_app::stats::recast_file(&app, &me, &file, date(&to)?, weight(&w)?)?;
            println!(
                "代码/code,名称/name,指标/indicator,年份/year,数值/value,单位/unit,方法/method"
            );
            for v in &r.values {
                println!(
                    "{},{},{},{},{},{},{}",
                    v.code,
                    v.name,
                    v.indicator,
                    v.period,
                    v.value,
                    v.unit,
                    match ctx.lang {
                        Lang::Zh => v.method.zh(),
                        Lang::En => v.method.en(),
                    }
                );
            }
            eprintln!(
                "{} 个数值按权重分摊 / {} figures apportioned",
                r.apportioned(),
                r.apportioned()
            );
        }
    }
    Ok(())
}
