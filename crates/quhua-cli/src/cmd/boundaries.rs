//! `quhua import boundaries FILE`: township or village polygons linked to the registry by
//! code ([`quhua_app::boundaries::import`]); this module parses the arguments and prints the
//! report — every problem by feature, and whether anything was stored.

use crate::context::{CliResult, Context, fail};
use crate::render::t;
use quhua_app::boundaries::{self, BoundaryFile, BoundaryLevel, BoundaryOptions};
use quhua_core::i18n::Lang;
use std::path::PathBuf;

/// The arguments of `quhua import boundaries`.
#[derive(Debug)]
pub struct Args {
    /// The file.
    pub file: PathBuf,
    /// The county, if stated.
    pub county: Option<String>,
    /// The code field, if stated.
    pub code_field: Option<String>,
    /// `township` or `village`, if stated.
    pub level: Option<String>,
    /// Check only.
    pub dry_run: bool,
    /// Print the report as JSON.
    pub json: bool,
}

/// Runs the import; fails (exit 1) when there are problems, after listing them.
pub fn run(ctx: &Context, a: &Args) -> CliResult {
    let level = match &a.level {
        None => None,
        Some(l) => Some(BoundaryLevel::parse(l).ok_or_else(|| {
            fail(
                format!("--level 应为 township 或 village，而不是“{l}”"),
                format!("--level must be township or village, not \"{l}\""),
            )
        })?),
    };
    let file = BoundaryFile::read(&a.file)?;
    let opts = BoundaryOptions {
        level,
        code_field: a.code_field.clone(),
        commit: !a.dry_run,
        synthetic: false,
    };
    let r = boundaries::import(
        &ctx.app()?,
        &ctx.operator(),
        a.county.as_deref(),
        &file,
        &opts,
    )?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        for w in &r.warnings {
            eprintln!(
                "{}：{}",
                t(ctx.lang, "提示", "note"),
                crate::render::localize(w, ctx.lang)
            );
        }
        for p in &r.problems {
            eprintln!("{}", if ctx.lang == Lang::Zh { &p.zh } else { &p.en });
        }
        let (zh, en) = r.level.names();
        println!(
            "{}",
            match ctx.lang {
                Lang::Zh => format!(
                    "{}：{} 个要素，关联 {} / {} 个单位（{zh}，代码字段“{}”），面积合计 {:.1} km²",
                    r.file, r.features, r.matched, r.units, r.code_field, r.area_km2
                ),
                Lang::En => format!(
                    "{}: {} features, {} of {} units linked ({en}, code field \"{}\"), {:.1} km² in all",
                    r.file, r.features, r.matched, r.units, r.code_field, r.area_km2
                ),
            }
        );
    }
    if !r.problems.is_empty() {
        return Err(fail(
            format!("{} 处问题，未入库", r.problems.len()),
            format!("{} problems; nothing stored", r.problems.len()),
        ));
    }
    if !a.json {
        println!(
            "{}",
            match (r.stored, ctx.lang) {
                (true, Lang::Zh) => format!("已入库（替换原有 {} 个要素）→ {}", r.replaced, ctx.db),
                (true, Lang::En) =>
                    format!("stored (replacing {} features) → {}", r.replaced, ctx.db),
                (false, Lang::Zh) => "检查通过（--dry-run，未入库）".to_string(),
                (false, Lang::En) => "checks passed (--dry-run, nothing stored)".to_string(),
            }
        );
    }
    Ok(())
}
