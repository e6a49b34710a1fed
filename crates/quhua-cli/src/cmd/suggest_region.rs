//! `quhua plan suggest --province PREFIX`: every county of a province, a city or the whole
//! list proposed in one run through [`quhua_app::propose::region::region`] — a summary per
//! county and the totals (all counties with `--json`).

use crate::context::{CliResult, Context};
use crate::render::{t, table::Table};
use quhua_app::propose::region::{RegionRequest, region};
use std::time::Instant;

/// How many counties the table shows before it says how many more there are.
const SHOWN: usize = 40;

/// Runs the region use case and prints it.
pub fn run(
    ctx: &Context,
    prefix: &str,
    schematic: bool,
    seed: u64,
    exact: Option<f64>,
    json: bool,
) -> CliResult {
    let (app, _scratch) = ctx.app_or_demo()?;
    let prefix = if prefix.eq_ignore_ascii_case("all") {
        ""
    } else {
        prefix
    };
    let req = RegionRequest {
        prefix: prefix.to_string(),
        schematic,
        seed: Some(seed),
        exact_time_limit: exact,
    };
    let started = Instant::now();
    let answer = region(&app, &ctx.operator(), &req)?;
    let run = &answer.summary;
    let secs = started.elapsed().as_secs_f64();
    if json {
        println!("{}", serde_json::to_string(&answer)?);
        return Ok(());
    }
    let mut tab = Table::new([
        t(ctx.lang, "县级单位", "County"),
        t(ctx.lang, "乡镇数", "Townships"),
        t(ctx.lang, "调整后", "After"),
        t(ctx.lang, "上界", "Bound"),
        t(ctx.lang, "已证明最优", "Proven"),
        t(ctx.lang, "冲突", "Conflicts"),
        t(ctx.lang, "说明", "Note"),
    ]);
    for c in run.counties.iter().take(SHOWN) {
        tab.row([
            format!("{} {}", c.code, c.name),
            c.before.to_string(),
            c.after.to_string(),
            c.bound.map(|b| b.to_string()).unwrap_or_else(|| "—".into()),
            if c.optimal { "✓" } else { "" }.to_string(),
            c.conflicts.to_string(),
            c.error
                .as_deref()
                .map(|e| one_language(e, ctx.lang))
                .unwrap_or_default()
                .to_string(),
        ]);
    }
    print!("{}", tab.render());
    if run.counties.len() > SHOWN {
        println!(
            "{}",
            t(
                ctx.lang,
                "……其余 {n} 个县见 --json",
                "… {n} more counties with --json"
            )
            .replace("{n}", &(run.counties.len() - SHOWN).to_string())
        );
    }
    let area = if run.prefix.is_empty() {
        t(ctx.lang, "全部", "all")
    } else {
        run.prefix.as_str()
    };
    println!(
        "{}",
        t(
            ctx.lang,
            "{area}：{c} 个县级单位，乡镇 {b} → {a}，{p} 个已证明最优，{f} 个未能求解；用时 {s} 秒（{d}）",
            "{area}: {c} counties, townships {b} → {a}, {p} proven optimal, {f} not solved; {s} s ({d})",
        )
        .replace("{area}", area)
        .replace("{c}", &run.counties.len().to_string())
        .replace("{b}", &run.before.to_string())
        .replace("{a}", &run.after.to_string())
        .replace("{p}", &run.proven.to_string())
        .replace("{f}", &run.failed.to_string())
        .replace("{s}", &format!("{secs:.2}"))
        .replace("{d}", &answer.date)
    );
    let policies: Vec<String> = answer
        .policies
        .iter()
        .map(|p| format!("{} {}", p.province, p.policy))
        .collect();
    println!(
        "{}{}",
        t(ctx.lang, "政策：", "Policies: "),
        policies.join(", ")
    );
    if run.synthetic {
        println!(
            "{}",
            t(
                ctx.lang,
                "※ 示意：人口、面积或邻接含合成数据（--schematic），不作为实际调整依据。",
                "※ Schematic: population, area or adjacency include synthetic data (--schematic); not a basis for real changes.",
            )
        );
    }
    Ok(())
}

/// The part of a bilingual "中文 / English" message in `lang` (the whole text otherwise).
fn one_language(text: &str, lang: quhua_core::i18n::Lang) -> &str {
    match (text.split_once(" / "), lang) {
        (Some((zh, _)), quhua_core::i18n::Lang::Zh) => zh.trim(),
        (Some((_, en)), quhua_core::i18n::Lang::En) => en.trim(),
        (None, _) => text,
    }
}
