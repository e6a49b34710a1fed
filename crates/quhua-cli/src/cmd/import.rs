//! `quhua import`: the national list, a survey table, boundaries, or the demo county, into the
//! database.
//! Each import is one transaction: on any error nothing is stored. The use cases are
//! [`quhua_app::imports`]; this module parses the arguments and prints the summary.

use crate::context::{CliResult, Context};
use crate::render::t;
use quhua_app::imports::{self, TableMode};
use quhua_core::i18n::Lang;
use std::path::{Path, PathBuf};

/// Import commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 导入统计用区划代码全国名录（provinces/cities/areas/streets/villages.csv）/ import the national list
    Nbs {
        /// 目录 / directory
        dir: PathBuf,
        /// 名录基准日期 / the list's reference date
        #[arg(long, default_value = "2023-06-30")]
        date: String,
    },
    /// 导入摸底表（CSV/XLSX）：库中无名录时作为初始名录，否则更新属性值 / import a survey table
    Table {
        /// 文件 / file
        file: PathBuf,
        /// 数据日期 / the date of the figures
        #[arg(long)]
        date: String,
        /// 工作表名 / sheet name (XLSX)
        #[arg(long)]
        sheet: Option<String>,
        /// 明确声明放宽合理范围（可重复），如 pop_hukou=3000000、county_seats=2；记入导入来源 / state an override of a plausible range (repeatable), e.g. pop_hukou=3000000, county_seats=2; recorded in the import's source
        #[arg(long, value_name = "KEY=MAX", value_parser = quhua_io::Plausibility::parse_override)]
        allow: Vec<(String, f64)>,
    },
    /// 导入乡镇界或村界（GeoJSON、Shapefile 压缩包 .zip、GeoPackage），按区划代码关联本县单位；有问题时逐要素列出，不入库 / import township or village boundaries (GeoJSON, zipped Shapefile, GeoPackage), linked by code; problems are listed per feature and nothing is stored
    Boundaries {
        /// 文件 / file (.geojson/.json, .zip, .gpkg)
        file: PathBuf,
        /// 县级区划代码（6 位）；省略时取文件代码所属的县 / the county code (6 digits); default: the county of the file's codes
        #[arg(long)]
        county: Option<String>,
        /// 存放区划代码的字段；省略时自动识别 / the attribute holding the codes (default: detected)
        #[arg(long)]
        code_field: Option<String>,
        /// township 或 village；省略时按代码识别 / township or village (default: detected from the codes)
        #[arg(long)]
        level: Option<String>,
        /// 只检查，不入库 / check only, store nothing
        #[arg(long)]
        dry_run: bool,
        /// 以 JSON 输出报告 / print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// 导入演示县（曲阳县，示意数据）/ import the demo county (synthetic figures)
    Demo,
}

/// Runs an import.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Nbs { dir, date } => nbs(ctx, &dir, &date),
        Command::Table {
            file,
            date,
            sheet,
            allow,
        } => {
            let plausibility = allow
                .into_iter()
                .fold(quhua_io::Plausibility::new(), |p, (k, v)| p.allow(k, v));
            table(ctx, &file, &date, sheet.as_deref(), &plausibility)
        }
        Command::Boundaries {
            file,
            county,
            code_field,
            level,
            dry_run,
            json,
        } => super::boundaries::run(
            ctx,
            &super::boundaries::Args {
                file,
                county,
                code_field,
                level,
                dry_run,
                json,
            },
        ),
        Command::Demo => demo(ctx),
    }
}

fn nbs(ctx: &Context, dir: &Path, date: &str) -> CliResult {
    let r = imports::nbs(&ctx.app()?, &ctx.operator(), dir, date)?;
    match ctx.lang {
        Lang::Zh => println!(
            "已导入 {} 个单位（导入编号 {}），代码号段提示 {} 条，跳过占位行 {} 行；读取 {:.2} 秒，写库 {:.2} 秒 → {}",
            r.units,
            r.import_id,
            r.code_notes,
            r.placeholders,
            r.read_seconds,
            r.store_seconds,
            ctx.db
        ),
        Lang::En => println!(
            "imported {} units (import {}), {} code-range notes, {} placeholder rows skipped; read {:.2} s, stored {:.2} s → {}",
            r.units,
            r.import_id,
            r.code_notes,
            r.placeholders,
            r.read_seconds,
            r.store_seconds,
            ctx.db
        ),
    }
    Ok(())
}

fn table(
    ctx: &Context,
    file: &Path,
    date: &str,
    sheet: Option<&str>,
    plausibility: &quhua_io::Plausibility,
) -> CliResult {
    let r = imports::table_with(
        &ctx.app()?,
        &ctx.operator(),
        file,
        date,
        sheet,
        plausibility,
    )?;
    for w in &r.warnings {
        eprintln!(
            "{}：{}",
            t(ctx.lang, "提示", "note"),
            crate::render::localize(w, ctx.lang)
        );
    }
    let line = match (r.mode, ctx.lang) {
        (TableMode::Initial, Lang::Zh) => format!(
            "已作为初始名录导入 {} 个单位（导入编号 {}，号段提示 {} 条）",
            r.units,
            r.import_id.unwrap_or_default(),
            r.code_notes
        ),
        (TableMode::Initial, Lang::En) => format!(
            "imported {} units as the initial list (import {}, {} code-range notes)",
            r.units,
            r.import_id.unwrap_or_default(),
            r.code_notes
        ),
        (TableMode::Update, Lang::Zh) => format!(
            "已更新 {} 个单位的 {} 项数据（记为摸底数据更新事件，{} 生效）",
            r.units_updated, r.values_set, r.date
        ),
        (TableMode::Update, Lang::En) => format!(
            "updated {} values of {} units (recorded as a survey-update event effective {})",
            r.values_set, r.units_updated, r.date
        ),
    };
    println!("{line}");
    Ok(())
}

fn demo(ctx: &Context) -> CliResult {
    let r = imports::demo(&ctx.app()?, &ctx.operator())?;
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "已导入演示县曲阳县（导入编号 {}；人口、面积为示意数据）→ {}",
                r.import_id, ctx.db
            ),
            Lang::En => format!(
                "imported the demo county 曲阳县 (import {}; synthetic figures) → {}",
                r.import_id, ctx.db
            ),
        }
    );
    Ok(())
}
