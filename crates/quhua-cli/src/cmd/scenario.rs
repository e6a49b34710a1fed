//! `quhua scenario eval`: evaluate a draft scheme file.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use crate::{geojson_out, render};
use quhua_core::i18n::Lang;
use quhua_core::policy::Policy;
use quhua_core::scenario::{Scenario, evaluate};
use std::path::{Path, PathBuf};

/// Scenario commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 保存方案到数据库 / save a scheme to the database
    Save {
        /// 方案文件 / scheme file
        file: PathBuf,
    },
    /// 数据库中的方案 / schemes in the database
    List,
    /// 以新文件更新已保存的方案（须给出读取时的版本号）/ update a saved scheme (give the version you read)
    Update {
        /// 方案编号 / scheme id
        id: i64,
        /// 方案文件 / scheme file
        file: PathBuf,
        /// 读取时的版本 / the version you read
        #[arg(long)]
        version: i64,
    },
    /// 显示已保存的方案 / print a saved scheme
    Show {
        /// 方案编号 / scheme id
        id: i64,
    },
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
        Command::Save { file } => {
            let sc = read_scenario(&file)?;
            let name = sc.name.clone();
            let v = quhua_app::scenarios::create(&ctx.app()?, &ctx.operator(), sc, |_| Ok(()))?;
            println!(
                "{}",
                match ctx.lang {
                    Lang::Zh => format!("已保存方案 {}（版本 {}）：{name}", v.id, v.version),
                    Lang::En => format!("saved scheme {} (version {}): {name}", v.id, v.version),
                }
            );
            Ok(())
        }
        Command::List => {
            let mut tab = Table::new([
                t(ctx.lang, "编号", "Id"),
                t(ctx.lang, "名称", "Name"),
                t(ctx.lang, "县", "County"),
                t(ctx.lang, "版本", "Version"),
                t(ctx.lang, "最后修改", "Last change"),
            ]);
            for r in quhua_app::scenarios::list(&ctx.app()?, &ctx.operator(), None)? {
                tab.row([
                    r.id.to_string(),
                    r.name,
                    r.county,
                    r.version.to_string(),
                    format!("{} {}", r.updated_by, r.updated_at),
                ]);
            }
            print!("{}", tab.render());
            Ok(())
        }
        Command::Update { id, file, version } => {
            let sc = read_scenario(&file)?;
            match quhua_app::scenarios::update(
                &ctx.app()?,
                &ctx.operator(),
                id,
                version,
                sc,
                |_| Ok(()),
            ) {
                Ok(v) => {
                    println!(
                        "{}",
                        match ctx.lang {
                            Lang::Zh => format!("已更新方案 {id}，当前版本 {}", v.version),
                            Lang::En => format!("updated scheme {id}, now version {}", v.version),
                        }
                    );
                    Ok(())
                }
                Err(e) if e.kind == quhua_app::ErrorKind::Conflict => {
                    let current_version = e
                        .detail
                        .as_ref()
                        .and_then(|d| d["current_version"].as_i64())
                        .unwrap_or_default();
                    let current = quhua_app::scenarios::get(&ctx.app()?, &ctx.operator(), id)?;
                    let body = scenario_of(current).to_toml()?;
                    Err(fail(
                        format!(
                            "方案 {id} 已被他人修改（当前版本 {current_version}，你读取的是 {version}），未保存。当前内容：\n{body}"
                        ),
                        format!(
                            "scheme {id} was changed by someone else (now version {current_version}, you read {version}); not saved. Current content:\n{body}"
                        ),
                    ))
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::Show { id } => {
            let r = quhua_app::scenarios::get(&ctx.app()?, &ctx.operator(), id)?;
            let (name, version, by) = (r.name.clone(), r.version, r.updated_by.clone());
            println!(
                "# {name}（{} {version}，{by}）\n{}",
                t(ctx.lang, "版本", "version"),
                scenario_of(r).to_toml()?
            );
            Ok(())
        }
    }
}

/// The scenario of a stored view.
fn scenario_of(v: quhua_app::scenarios::ScenarioView) -> Scenario {
    Scenario {
        name: v.name,
        county: v.county,
        policy: v.policy,
        base_date: v.base_date,
        note: v.note,
        ops: v.ops,
    }
}

/// Reads a scheme file by its extension.
pub fn read_scenario(file: &Path) -> CliResult<Scenario> {
    let text = crate::context::read_text(file)?;
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

/// Resolves a scheme's policy: a built-in id, or a TOML file relative to the scheme; none
/// named: the county's own province's policy (the national reference where there is none).
pub fn resolve_policy(scenario: &Scenario, file: &Path) -> CliResult<Policy> {
    let Some(p) = scenario.policy.as_deref().filter(|p| !p.trim().is_empty()) else {
        let id = quhua_app::policy::default_for(&scenario.county);
        return Policy::builtin(id).ok_or_else(|| format!("built-in policy {id}").into());
    };
    if let Some(builtin) = Policy::builtin(p) {
        return Ok(builtin);
    }
    let path = file.parent().unwrap_or(Path::new(".")).join(p);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        fail(
            format!(
                "政策“{p}”既不是内置政策（{}），也无法读取文件 {}：{e}",
                Policy::builtin_ids().collect::<Vec<_>>().join("、"),
                path.display()
            ),
            format!(
                "policy \"{p}\" is neither built in ({}) nor a readable file {}: {e}",
                Policy::builtin_ids().collect::<Vec<_>>().join(", "),
                path.display()
            ),
        )
    })?;
    Ok(Policy::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn eval(ctx: &Context, file: &Path, json: bool, geojson: Option<&Path>) -> CliResult {
    let scenario = read_scenario(file)?;
    let policy = resolve_policy(&scenario, file)?;
    let date = match scenario.base_date.as_deref() {
        Some(d) => Some(quhua_core::date::parse_date(d).ok_or_else(|| {
            fail(
                format!("基准日期“{d}”应为 YYYY-MM-DD"),
                format!("base date \"{d}\" must be YYYY-MM-DD"),
            )
        })?),
        None => None,
    };
    let county = quhua_core::DivisionCode::parse(&scenario.county)
        .map_err(|e| format!("{}: {e}", file.display()))?
        .prefix(quhua_core::Level::County);
    if ctx.demo && county != quhua_demo::county_code() {
        return Err(fail(
            format!("演示数据只有曲阳县（130634），没有 {county}"),
            format!("the demo data holds only 130634, not {county}"),
        ));
    }
    // The county's base and stored boundaries through quhua-app: from the database, or with
    // --demo from the embedded demo county imported (with its schematic boundaries) into a
    // throw-away database.
    let (app, _scratch) = if ctx.demo {
        ctx.app_or_demo()?
    } else {
        let app = ctx.app()?;
        if app.registry_opt().is_none() {
            return Err(ctx.no_registry());
        }
        (app, None)
    };
    let cb = quhua_app::county::load_at(&app, &county.to_string(), &policy, date)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let sources = if ctx.demo {
        crate::cmd::demo::sources()
    } else {
        let reg = app.registry()?;
        reg.sources().iter().map(|s| s.label.clone()).collect()
    };
    let ev =
        evaluate(&cb.base, &policy, &scenario).map_err(|e| format!("{}: {e}", file.display()))?;
    if let Some(path) = geojson {
        geojson_out::write_county(path, &ev, &cb)?;
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
            render::evaluation::render(&ev, &scenario.name, &sources, ctx.lang)
        );
    }
    Ok(())
}
