//! `quhua report`: the documents of a plan (区划调整方案, 情况汇报, 评估报告) as DOCX/PDF, and the
//! MCA change table as XLSX.

use crate::context::{CliResult, Context, fail};
use quhua_app::plans::government::{DocKind, Format};
use std::path::PathBuf;

/// Report arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 文档 / document: scheme|summary|evaluation
    pub kind: String,
    /// 报批方案编号 / plan id
    pub plan: i64,
    /// 输出目录 / output directory
    #[arg(long)]
    pub out: PathBuf,
    /// 格式 / format: docx|pdf|xlsx
    #[arg(long, default_value = "docx")]
    pub format: String,
}

/// Writes the document.
pub fn run(ctx: &Context, a: Args) -> CliResult {
    let kind = DocKind::parse(&a.kind).ok_or_else(|| {
        fail(
            format!("文档“{}”无效（可用 scheme/summary/evaluation）", a.kind),
            format!(
                "unknown document \"{}\" (scheme|summary|evaluation)",
                a.kind
            ),
        )
    })?;
    let format = Format::parse(&a.format).ok_or_else(|| {
        fail(
            format!("格式“{}”无效（可用 docx/pdf/xlsx）", a.format),
            format!("unknown format \"{}\" (docx|pdf|xlsx)", a.format),
        )
    })?;
    let app = ctx.app()?;
    let f = quhua_app::plans::government::document(&app, &ctx.operator(), a.plan, kind, format)?;
    std::fs::create_dir_all(&a.out)?;
    let path = a.out.join(&f.name);
    crate::context::write_file(&path, &f.bytes)?;
    println!("{}", path.display());
    Ok(())
}
