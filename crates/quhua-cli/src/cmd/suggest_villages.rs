//! `quhua plan suggest-villages`: 村级撤并推荐 — village mergers inside each township of a
//! county (calls `quhua_app::propose::villages::propose_villages`, as the web does); prints
//! each township's outcome and the village indicators, or JSON, and can write the scheme.

use crate::context::{CliResult, Context, fail};
use crate::render::{people, t, table::Table};
use quhua_app::propose::PreferRule;
use quhua_app::propose::villages::{VillageRequest, propose_villages};
use quhua_core::scenario::Scenario;

/// The arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 县级代码（6位）/ the county (6 digits)
    #[arg(long, required_unless_present = "province")]
    pub county: Option<String>,
    /// 一个省（2位）、市（4位）或 all：各县分别求解 / a province (2 digits), a city (4) or all, county by county
    #[arg(long, conflicts_with = "county")]
    pub province: Option<String>,
    /// 名录没有人口或边界时用示意数据试算（不保存）/ synthetic (示意) figures and adjacency where the list has none (never stored)
    #[arg(long)]
    pub schematic: bool,
    /// 每个乡镇的精确检验时限（秒；全省/全国运行缺省 0）/ exact check per township (seconds; default 0 for a region run)
    #[arg(long)]
    pub exact_time_limit: Option<f64>,
    /// 合并后每村（居）人口下限（或户数下限，见 --households）；缺省取政策的村级下限 / the floor per merged village (people, or households with --households); by default the policy's
    #[arg(long)]
    pub floor: Option<f64>,
    /// 下限按户数计 / the floor counts households
    #[arg(long)]
    pub households: bool,
    /// 每村面积上限（平方公里）/ area cap per village (km²)
    #[arg(long)]
    pub max_area: Option<f64>,
    /// 下限与上限冲突时保哪一项：floor | ceiling / which rule holds where both cannot
    #[arg(long)]
    pub prefer: Option<String>,
    /// 检查依据（政策 id）/ the policy
    #[arg(long)]
    pub policy: Option<String>,
    /// 随机种子 / seed
    #[arg(long)]
    pub seed: Option<u64>,
    /// 输出 JSON / print JSON
    #[arg(long)]
    pub json: bool,
    /// 把推荐方案写成方案文件（TOML）/ write the proposal as a scheme file (TOML)
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// Runs the proposal.
pub fn run(ctx: &Context, a: Args) -> CliResult {
    let (app, _demo) = ctx.app_or_demo()?;
    let me = ctx.operator();
    let prefer = match a.prefer.as_deref() {
        None => None,
        Some("floor") => Some(PreferRule::Floor),
        Some("ceiling") => Some(PreferRule::Ceiling),
        Some(other) => {
            return Err(fail(
                format!("--prefer 应为 floor 或 ceiling，而不是“{other}”"),
                format!("--prefer must be floor or ceiling, not \"{other}\""),
            ));
        }
    };
    let req = VillageRequest {
        floor: a.floor,
        by_households: a.households,
        max_area: a.max_area,
        prefer,
        policy: a.policy.clone(),
        seed: a.seed,
        exact_time_limit: a.exact_time_limit,
    };
    if let Some(prefix) = &a.province {
        let prefix = if prefix == "all" { "" } else { prefix.as_str() };
        let started = std::time::Instant::now();
        let run = quhua_app::propose::village_region::region(&app, &me, prefix, a.schematic, &req)?;
        let secs = started.elapsed().as_secs_f64();
        if a.json {
            println!(
                "{}",
                serde_json::to_string_pretty(&run)
                    .map_err(|e| fail(e.to_string(), e.to_string()))?
            );
            return Ok(());
        }
        let lang = ctx.lang;
        println!(
            "{}",
            match lang {
                quhua_core::i18n::Lang::Zh => format!(
                    "村级撤并推荐（{}）：{} 个县、{} 个乡镇，村（居）{} → {}；{} 个乡镇已证最优；{} 个县未能求解；用时 {secs:.2} 秒{}",
                    if prefix.is_empty() { "全部" } else { prefix },
                    run.counties.len(),
                    run.townships,
                    run.before,
                    run.after,
                    run.proven_townships,
                    run.failed,
                    if run.synthetic {
                        "（含示意数据）"
                    } else {
                        ""
                    }
                ),
                quhua_core::i18n::Lang::En => format!(
                    "Village mergers ({}): {} counties, {} townships, villages {} → {}; {} townships proven optimal; {} counties failed; {secs:.2} s{}",
                    if prefix.is_empty() { "all" } else { prefix },
                    run.counties.len(),
                    run.townships,
                    run.before,
                    run.after,
                    run.proven_townships,
                    run.failed,
                    if run.synthetic {
                        " (includes synthetic data)"
                    } else {
                        ""
                    }
                ),
            }
        );
        return Ok(());
    }
    let county = a.county.clone().unwrap_or_default();
    let p = propose_villages(&app, &me, &county, &req)?;
    if let Some(path) = &a.out {
        let scheme = Scenario {
            name: format!("{county} 村级撤并推荐方案"),
            county: county.clone(),
            policy: Some(p.policy.clone()),
            base_date: None,
            note: Some(if p.synthetic {
                "优化器推荐；含示意数据 / proposed by the optimizer; includes synthetic (示意) figures".into()
            } else {
                "优化器推荐 / proposed by the optimizer".into()
            }),
            ops: p.ops.clone(),
        };
        let text = scheme.to_toml()?;
        std::fs::write(path, text).map_err(|e| {
            fail(
                format!("无法写入 {}：{e}", path.display()),
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
    }
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&p).map_err(|e| fail(e.to_string(), e.to_string()))?
        );
        return Ok(());
    }
    let lang = ctx.lang;
    let basis = if p.floor_basis == "households" {
        t(lang, "户", " households")
    } else {
        t(lang, "人", " people")
    };
    println!(
        "{}：{}{basis}{}",
        t(lang, "村级撤并推荐，下限", "Village mergers, floor"),
        p.floor,
        if p.synthetic {
            t(lang, "（含示意数据）", " (includes synthetic data)")
        } else {
            ""
        }
    );
    let mut tab = Table::new([
        t(lang, "乡镇", "Township"),
        t(lang, "调整前", "Before"),
        t(lang, "调整后", "After"),
        t(lang, "上界", "Bound"),
        t(lang, "已证最优", "Proven"),
        t(lang, "冲突", "Conflicts"),
    ]);
    for r in &p.townships {
        tab.row([
            r.township.clone(),
            r.before.to_string(),
            r.after.to_string(),
            r.bound.map(|b| b.to_string()).unwrap_or_default(),
            if r.optimal {
                "✓".into()
            } else {
                String::new()
            },
            r.conflicts.to_string(),
        ]);
    }
    print!("{}", tab.render());
    let i = &p.indicators;
    println!(
        "{}：{} → {}；{}：{} → {}",
        t(lang, "村（居）数", "Villages"),
        i.before.count,
        i.after.count,
        t(lang, "平均人口", "Mean population"),
        people(i.before.population.mean, lang),
        people(i.after.population.mean, lang)
    );
    for f in &p.findings {
        println!("  [{}] {}", f.severity.zh(), f.message.get(lang));
    }
    Ok(())
}
