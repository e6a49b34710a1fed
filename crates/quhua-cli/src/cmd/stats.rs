//! `quhua stats`: import a statistics table, crosswalk two dates, recast a table.

use crate::context::{CliResult, Context, fail};
use quhua_app::stats::{TableFormat, WeightBy};
use quhua_app::upload::ImportFile;
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
        /// 只检查并预览，不入库 / check and preview only, store nothing
        #[arg(long)]
        check: bool,
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
        /// 反向权重（目标单位来自各原单位的份额） / backward weights (share of each target from each source)
        #[arg(long)]
        backward: bool,
        /// 写入文件（.csv/.xlsx/.json，须指定 --county） / write to a file (.csv/.xlsx/.json; needs --county)
        #[arg(long)]
        out: Option<PathBuf>,
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
        /// 写入文件（.csv/.xlsx/.json） / write to a file (.csv/.xlsx/.json)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// 调整前后评估（县在两个日期之间，或某报批方案） / before/after evaluation (a county between two dates, or a plan)
    Evaluate {
        /// 县级代码 / county code
        county: Option<String>,
        /// 报批方案编号 / plan id
        #[arg(long)]
        plan: Option<i64>,
        /// 起始日期 / from date
        #[arg(long)]
        from: Option<String>,
        /// 终止日期 / to date
        #[arg(long)]
        to: Option<String>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

/// The table format of an output file, by its extension.
fn format_of(path: &std::path::Path) -> CliResult<TableFormat> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    TableFormat::parse(&ext).ok_or_else(|| {
        fail(
            format!("输出文件“{}”应为 .csv、.xlsx 或 .json", path.display()),
            format!(
                "output file \"{}\" must be .csv, .xlsx or .json",
                path.display()
            ),
        )
    })
}

fn save(path: &std::path::Path, f: &quhua_app::views::FileOut) -> CliResult {
    crate::context::write_file(path, &f.bytes)?;
    eprintln!("已写入 / written: {}", path.display());
    Ok(())
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
        Command::Import { file, check } => {
            let r = quhua_app::stats::import_observations(
                &app,
                &me,
                None,
                &ImportFile::Path(file),
                !check,
            )?;
            let names: Vec<String> = r
                .indicators
                .iter()
                .map(|i| format!("{}（{}，{}）", i.name, i.unit, i.nature_zh))
                .collect();
            let periods: std::collections::BTreeSet<i32> = r
                .indicators
                .iter()
                .flat_map(|i| i.periods.iter().copied())
                .collect();
            println!(
                "{}",
                match (ctx.lang, r.stored) {
                    (Lang::Zh, true) => format!(
                        "已导入 {} 个数值（替换 {} 个）：指标 {}，年份 {:?}",
                        r.figures,
                        r.replaced,
                        names.join("、"),
                        periods
                    ),
                    (Lang::Zh, false) => format!(
                        "检查通过（未入库）：{} 个数值，指标 {}，年份 {:?}",
                        r.figures,
                        names.join("、"),
                        periods
                    ),
                    (Lang::En, true) => format!(
                        "imported {} figures ({} replaced): indicators {}, periods {:?}",
                        r.figures,
                        r.replaced,
                        names.join(", "),
                        periods
                    ),
                    (Lang::En, false) => format!(
                        "checked (nothing stored): {} figures, indicators {}, periods {:?}",
                        r.figures,
                        names.join(", "),
                        periods
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
            backward,
            out: Some(out),
        } => {
            let county = county.ok_or_else(|| {
                fail(
                    "写入文件时请用 --county 指定县级代码",
                    "name the county with --county when writing a file",
                )
            })?;
            let _ = json;
            let f = quhua_app::stats::crosswalk_file(
                &app,
                &me,
                &county,
                date(&date1)?,
                date(&date2)?,
                weight(&w)?,
                backward,
                format_of(&out)?,
            )?;
            save(&out, &f)?;
        }
        Command::Crosswalk {
            date1,
            date2,
            county,
            weight: w,
            json,
            backward,
            out: None,
        } => {
            let (cw, forward) = quhua_app::stats::crosswalk(
                &app,
                &me,
                date(&date1)?,
                date(&date2)?,
                county.as_deref(),
                weight(&w)?,
            )?;
            let rows = if backward {
                cw.backward_rows()
            } else {
                forward
            };
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
            out: Some(out),
        } => {
            let f = quhua_app::stats::recast_file_out(
                &app,
                &me,
                None,
                &ImportFile::Path(file),
                date(&to)?,
                weight(&w)?,
                format_of(&out)?,
            )?;
            save(&out, &f)?;
        }
        Command::Recast {
            file,
            to,
            weight: w,
            out: None,
        } => {
            let r = quhua_app::stats::recast_file(
                &app,
                &me,
                None,
                &ImportFile::Path(file),
                date(&to)?,
                weight(&w)?,
            )?;
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
        Command::Evaluate {
            county,
            plan,
            from,
            to,
            json,
        } => {
            let e = match (plan, county) {
                (Some(p), _) => quhua_app::stats::plan_evaluation(&app, &me, p)?,
                (None, Some(c)) => quhua_app::stats::county_evaluation(
                    &app,
                    &me,
                    &c,
                    from.as_deref().map(date).transpose()?,
                    to.as_deref().map(date).transpose()?,
                )?,
                (None, None) => {
                    return Err(fail("请指定县级代码或 --plan", "name a county or --plan"));
                }
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&e)?);
            } else {
                print_evaluation(ctx.lang, &e);
            }
        }
    }
    Ok(())
}

fn print_evaluation(lang: Lang, e: &quhua_app::stats::EvaluationView) {
    let zh = lang == Lang::Zh;
    println!(
        "{}（{}）{} → {}{}",
        e.county_name,
        e.county,
        e.before.date,
        e.after.date,
        if e.synthetic {
            "（含示意数据 / synthetic figures）"
        } else {
            ""
        }
    );
    println!("{}", if zh { &e.sentence_zh } else { &e.sentence_en });
    for (label, s) in [("调整前 before", &e.before), ("调整后 after", &e.after)] {
        let i = &s.indicators;
        println!(
            "  {label}: {} 个乡级单位 {:?}；镇+街道 {:.1}%；人口 平均 {:.0} 中位 {:.0} 最小 {:.0} 最大 {:.0}；面积 平均 {:.2} km²；村（居） {}{}",
            i.count,
            i.by_kind,
            i.town_street_share * 100.0,
            i.population.mean,
            i.population.median,
            i.population.min,
            i.population.max,
            i.area_km2.mean,
            s.villages,
            s.seat_distance_km
                .map(|d| format!("；村到驻地 平均 {:.1} km，最远 {:.1} km", d.mean, d.max))
                .unwrap_or_default()
        );
    }
    if let Some(h) = &e.handover {
        println!(
            "  编制 staffing quotas: {} → {}；服务网点 service points: {} → {}（只增不减 {}）",
            h.quotas.before,
            h.quotas.after,
            h.services.points_before,
            h.services.points_after,
            if h.services.holds {
                "成立 holds"
            } else {
                "未满足 not yet"
            }
        );
    }
    for s in &e.series {
        let pts: Vec<String> = s
            .points
            .iter()
            .map(|p| format!("{} {:.2}", p.period, p.value))
            .collect();
        println!(
            "  {}（{}，{}）: {}",
            s.indicator,
            s.unit,
            s.nature_zh,
            pts.join("  ")
        );
    }
    if let Some(n) = &e.series_note {
        println!("  {n}");
    }
}
