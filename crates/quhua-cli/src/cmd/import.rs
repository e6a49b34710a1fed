//! `quhua import`: the national list, a survey table, or the demo county, into the database.
//! Each import is one transaction: on any error nothing is stored.

use crate::context::{CliResult, Context, fail};
use crate::render::t;
use quhua_core::attr::Source;
use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::Lang;
use quhua_core::registry::RegistryBuilder;
use quhua_store::ImportMeta;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

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
    },
    /// 导入演示县（曲阳县，示意数据）/ import the demo county (synthetic figures)
    Demo,
}

/// Runs an import.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Nbs { dir, date } => nbs(ctx, &dir, &date),
        Command::Table { file, date, sheet } => table(ctx, &file, &date, sheet.as_deref()),
        Command::Demo => demo(ctx),
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

/// SHA-256 over the files of a directory import (each file's name and digest, in order).
fn dir_digest(files: &[PathBuf]) -> CliResult<Vec<u8>> {
    let mut all = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| {
            fail(
                format!("无法读取 {}：{e}", f.display()),
                format!("cannot read {}: {e}", f.display()),
            )
        })?;
        all.extend_from_slice(
            f.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_bytes(),
        );
        all.extend_from_slice(hex::encode(Sha256::digest(&bytes)).as_bytes());
        all.push(b'\n');
    }
    Ok(all)
}

fn nbs(ctx: &Context, dir: &Path, date: &str) -> CliResult {
    let date = date_arg(date)?;
    let t0 = Instant::now();
    let list = quhua_io::read_nbs_dir(dir)?;
    let files: Vec<PathBuf> = list.files.iter().map(|(p, _)| p.clone()).collect();
    let mut b = RegistryBuilder::new();
    b.source(Source {
        label: format!("国家统计局统计用区划代码（{}），{}", date, dir.display()),
        synthetic: false,
    });
    let units = list.units.len();
    for u in list.units {
        b.push(u);
    }
    let (reg, warnings) = b.build(date)?;
    let t1 = Instant::now();
    let meta = ImportMeta::from_bytes(
        ctx.actor.clone(),
        dir.display().to_string(),
        &dir_digest(&files)?,
    );
    let id = ctx.store()?.save_registry_import(&reg, &meta)?;
    let t2 = Instant::now();
    match ctx.lang {
        Lang::Zh => println!(
            "已导入 {units} 个单位（导入编号 {}），代码号段提示 {} 条，跳过占位行 {} 行；读取 {:.2} 秒，写库 {:.2} 秒 → {}",
            id.0,
            warnings.len(),
            list.placeholders.len(),
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            ctx.db
        ),
        Lang::En => println!(
            "imported {units} units (import {}), {} code-range notes, {} placeholder rows skipped; read {:.2} s, stored {:.2} s → {}",
            id.0,
            warnings.len(),
            list.placeholders.len(),
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            ctx.db
        ),
    }
    Ok(())
}

fn table(ctx: &Context, file: &Path, date: &str, sheet: Option<&str>) -> CliResult {
    let date = date_arg(date)?;
    let table = match sheet {
        Some(s) => quhua_io::read_table_sheet(file, s)?,
        None => quhua_io::read_table(file)?,
    };
    for w in &table.warnings {
        eprintln!(
            "{}：{}",
            t(ctx.lang, "提示", "note"),
            crate::render::localize(w, ctx.lang)
        );
    }
    let bytes = std::fs::read(file)?;
    let sha = hex::encode(Sha256::digest(&bytes));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = Source {
        label: format!("摸底表 {name}（{date}，SHA-256 {}）", &sha[..12]),
        synthetic: false,
    };
    let store = ctx.store()?;
    match store.load_registry()? {
        None => {
            let builder = quhua_io::table_to_builder(&table, source)?;
            let (reg, warnings) = builder.build(date)?;
            let id = store.save_registry_import(
                &reg,
                &ImportMeta::from_bytes(ctx.actor.clone(), &name, &bytes),
            )?;
            println!(
                "{}",
                match ctx.lang {
                    Lang::Zh => format!(
                        "已作为初始名录导入 {} 个单位（导入编号 {}，号段提示 {} 条）",
                        reg.unit_count(),
                        id.0,
                        warnings.len()
                    ),
                    Lang::En => format!(
                        "imported {} units as the initial list (import {}, {} code-range notes)",
                        reg.unit_count(),
                        id.0,
                        warnings.len()
                    ),
                }
            );
        }
        Some(mut reg) => {
            let before = reg.events().len();
            let report = quhua_io::apply_table_attrs(&mut reg, &table, source, date)?;
            store.record_events(&reg.events()[before..], &ctx.actor)?;
            for w in &report.warnings {
                eprintln!(
                    "{}：{}",
                    t(ctx.lang, "提示", "note"),
                    crate::render::localize(w, ctx.lang)
                );
            }
            println!(
                "{}",
                match ctx.lang {
                    Lang::Zh => format!(
                        "已更新 {} 个单位的 {} 项数据（记为摸底数据更新事件，{date} 生效）",
                        report.units_updated, report.values_set
                    ),
                    Lang::En => format!(
                        "updated {} values of {} units (recorded as a survey-update event effective {date})",
                        report.values_set, report.units_updated
                    ),
                }
            );
        }
    }
    Ok(())
}

fn demo(ctx: &Context) -> CliResult {
    let demo = quhua_demo::Demo::load()?;
    let meta = ImportMeta::from_bytes(
        ctx.actor.clone(),
        "quhua-demo（曲阳县示意数据）",
        quhua_demo::SAMPLE_SCENARIO.as_bytes(),
    );
    let id = ctx.store()?.save_registry_import(&demo.registry, &meta)?;
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "已导入演示县曲阳县（导入编号 {}；人口、面积为示意数据）→ {}",
                id.0, ctx.db
            ),
            Lang::En => format!(
                "imported the demo county 曲阳县 (import {}; synthetic figures) → {}",
                id.0, ctx.db
            ),
        }
    );
    Ok(())
}
