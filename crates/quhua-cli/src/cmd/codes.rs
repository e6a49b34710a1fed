//! `quhua codes diff OLD NEW`: two official code lists → typed candidate events.

use crate::context::{CliResult, Context};
use crate::render::{t, table::Table};
use quhua_codes::{ChangeKind, ListEntry, diff_lists};
use quhua_core::i18n::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Code-list commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 比较两份代码表（统计局 streets.csv 格式或“代码,名称”两列）/ compare two code lists
    Diff {
        /// 旧代码表 / the older list
        old: PathBuf,
        /// 新代码表 / the newer list
        new: PathBuf,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Runs a codes command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Diff { old, new, json } => diff(ctx, &old, &new, json),
    }
}

fn read(path: &Path) -> CliResult<Vec<ListEntry>> {
    Ok(quhua_io::read_code_list(path)?
        .into_iter()
        .map(|(c, n)| ListEntry::new(c, n))
        .collect())
}

fn diff(ctx: &Context, old: &Path, new: &Path, json: bool) -> CliResult {
    let (a, b) = (read(old)?, read(new)?);
    let events = diff_lists(&a, &b)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&events)?);
        return Ok(());
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &events {
        *counts.entry(kind_label(e.kind, ctx.lang)).or_default() += 1;
    }
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "旧表 {} 条，新表 {} 条，候选变更 {} 项",
                a.len(),
                b.len(),
                events.len()
            ),
            Lang::En => format!(
                "old list {} rows, new list {} rows, {} candidate changes",
                a.len(),
                b.len(),
                events.len()
            ),
        }
    );
    for (k, n) in &counts {
        println!("  {k}: {n}");
    }
    let mut tab = Table::new([
        t(ctx.lang, "类型", "Kind"),
        t(ctx.lang, "旧代码", "Old code"),
        t(ctx.lang, "旧名称", "Old name"),
        t(ctx.lang, "新代码", "New code"),
        t(ctx.lang, "新名称", "New name"),
        t(ctx.lang, "置信度", "Confidence"),
    ])
    .right_align(&[5]);
    for e in &events {
        tab.row([
            kind_label(e.kind, ctx.lang).to_string(),
            e.old
                .as_ref()
                .map(|x| x.code.to_string())
                .unwrap_or_default(),
            e.old.as_ref().map(|x| x.name.clone()).unwrap_or_default(),
            e.new
                .as_ref()
                .map(|x| x.code.to_string())
                .unwrap_or_default(),
            e.new.as_ref().map(|x| x.name.clone()).unwrap_or_default(),
            format!("{:.2}", e.confidence),
        ]);
    }
    print!("\n{}", tab.render());
    for e in &events {
        println!("- {}", crate::render::localize(&e.evidence, ctx.lang));
    }
    Ok(())
}

fn kind_label(k: ChangeKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => k.zh(),
        Lang::En => k.en(),
    }
}
