//! `quhua scenario eval`: evaluate a draft scheme file.

use crate::context::{CliResult, Context, fail};
use crate::{geojson_out, render};
use quhua_core::policy::Policy;
use quhua_core::scenario::{Scenario, evaluate};
use quhua_demo::Demo;
use std::path::{Path, PathBuf};

/// Scenario commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 评估方案文件（TOML 或 JSON）/ evaluate a scheme file (TOML or JSON)
    Eval {
        /// 方案文件 / scheme file
        file: PathBuf,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
        /// 写出调整后的乡镇边界 GeoJSON / write the resulting boundaries as GeoJSON
        #[arg(long)]
        geojson: Option<PathBuf>,
    },
}

/// Runs a scenario command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Eval {
            file,
            json,
            geojson,
        } => eval(ctx, &file, json, geojson.as_deref()),
    }
}

/// Reads a scheme file by its extension.
pub fn read_scenario(file: &Path) -> CliResult<Scenario> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        fail(
            format!("无法读取 {}：{e}", file.display()),
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    let parsed = if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        Scenario::from_json(&text)
    } else {
        Scenario::from_toml(&text)
    };
    parsed.map_err(|e| {
        fail(
            format!(
                "{}：{}",
                file.display(),
                render::localize(&e.to_string(), quhua_core::i18n::Lang::Zh)
            ),
            format!(
                "{}: {}",
                file.display(),
                render::localize(&e.to_string(), quhua_core::i18n::Lang::En)
            ),
        )
    })
}

/// Resolves a scheme's policy: a built-in id, or a TOML file relative to the scheme.
pub fn resolve_policy(scenario: &Scenario, file: &Path) -> CliResult<Policy> {
    let Some(p) = scenario.policy.as_deref() else {
        return Ok(Policy::default_policy());
    };
    if let Some(builtin) = Policy::builtin(p) {
        return Ok(builtin);
    }
    let path = file.parent().unwrap_or(Path::new(".")).join(p);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        fail(
            format!("政策“{p}”既不是内置政策（default、zhejiang、hunan），也无法读取文件 {}：{e}", path.display()),
            format!("policy \"{p}\" is neither built in (default, zhejiang, hunan) nor a readable file {}: {e}", path.display()),
        )
    })?;
    Ok(Policy::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn eval(ctx: &Context, file: &Path, json: bool, geojson: Option<&Path>) -> CliResult {
    let scenario = read_scenario(file)?;
    let policy = resolve_policy(&scenario, file)?;
    if scenario.county != quhua_demo::county_code().to_string() {
        return Err(fail(
            format!(
                "方案所属县 {} 不在演示数据中；请先导入名录（quhua import）",
                scenario.county
            ),
            format!(
                "county {} is not in the demo data; import a list first (quhua import)",
                scenario.county
            ),
        ));
    }
    let demo = Demo::load()?;
    let date = match scenario.base_date.as_deref() {
        Some(d) => Some(quhua_core::date::parse_date(d).ok_or_else(|| {
            fail(
                format!("基准日期“{d}”应为 YYYY-MM-DD"),
                format!("base date \"{d}\" must be YYYY-MM-DD"),
            )
        })?),
        None => None,
    };
    let base = demo.base(date, &policy)?;
    let ev = evaluate(&base, &policy, &scenario).map_err(|e| format!("{}: {e}", file.display()))?;
    if let Some(path) = geojson {
        geojson_out::write(
            path,
            &ev,
            &crate::cmd::demo::village_polygons(&demo),
            base.synthetic,
        )?;
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"scenario": scenario, "evaluation": ev})
            )?
        );
    } else {
        print!(
            "{}",
            render::evaluation::render(&ev, &scenario.name, &crate::cmd::demo::sources(), ctx.lang)
        );
    }
    Ok(())
}
