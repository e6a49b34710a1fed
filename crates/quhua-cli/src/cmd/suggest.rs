//! `quhua plan suggest`: propose merger schemes with the optimizer (quhua-optimize), on the demo
//! county, on any GeoJSON/Shapefile of units, or on a units table plus an edge list.

use crate::context::{CliResult, Context, fail};
use crate::render::{people, t, table::Table};
use quhua_core::policy::Policy;
use quhua_core::scenario::{Evaluation, MergeTarget, Operation, Scenario, evaluate};
use quhua_optimize::io::{UnitColumns, load};
use quhua_optimize::{Graph, Params, Problem, Solution, county};
use serde_json::json;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Options of `quhua plan suggest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 单位边界文件（GeoJSON 或 Shapefile）；缺省用演示县 / units with boundaries; default: the demo county
    #[arg(long, conflicts_with = "units")]
    layer: Option<PathBuf>,
    /// 单位表 CSV（与 --edges 同用）/ units table (with --edges)
    #[arg(long, requires = "edges")]
    units: Option<PathBuf>,
    /// 邻接边表 CSV，每行两个单位编号 / edge list, two unit ids per row
    #[arg(long)]
    edges: Option<PathBuf>,
    /// 单位编号字段 / id field
    #[arg(long, default_value = "id")]
    id_field: String,
    /// 人口字段 / population field
    #[arg(long, default_value = "pop")]
    pop_field: String,
    /// 面积字段（km²），缺省按边界计算大地面积 / area field; default: geodesic area of the geometry
    #[arg(long)]
    area_field: Option<String>,
    /// 同质性属性字段，逗号分隔 / attributes for homogeneity (WSS), comma-separated
    #[arg(long, value_delimiter = ',')]
    attrs: Vec<String>,
    /// 人口下限 / population floor (default: the policy's)
    #[arg(long)]
    min_pop: Option<f64>,
    /// 面积上限 km² / area ceiling (default: the policy's, on the demo county)
    #[arg(long)]
    max_area: Option<f64>,
    /// 不调整的单位 / units kept as they are
    #[arg(long)]
    lock: Vec<String>,
    /// 各自牵头一个新单位的中心镇 / units that each head a different new unit
    #[arg(long = "seed-unit")]
    seed_unit: Vec<String>,
    /// 方案个数 / number of schemes
    #[arg(long, default_value_t = 3)]
    schemes: usize,
    /// 随机种子 / random seed
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// 演示县：在乡镇整建制撤并之后允许村级调整（村划归），用于满足面积上限、人口下限或改善目标 /
    /// demo county: after whole-township merges, allow village transfers where they repair the
    /// area cap or the floor, or improve the objective by more than the disruption they cause
    #[arg(long)]
    villages: bool,
    /// 目标权重：同质性（--attrs 的组内平方和）/ weight of homogeneity (WSS on --attrs)
    #[arg(long, default_value_t = 1.0)]
    w_wss: f64,
    /// 目标权重：紧凑（割边数）/ weight of compactness (cut edges)
    #[arg(long, default_value_t = 0.0)]
    w_compact: f64,
    /// 目标权重：服务距离（人口加权到驻地的距离）/ weight of service distance (population-weighted distance to the seat)
    #[arg(long, default_value_t = 0.0)]
    w_service: f64,
    /// 目标权重：村级调整的扰动（划转村的比例）/ weight of disruption in the village stage (share of villages transferred)
    #[arg(long, default_value_t = 1.0)]
    w_disruption: f64,
    /// 计算量倍数：越大方案越优、耗时越长 / work multiplier: higher finds better schemes, takes longer
    #[arg(long, default_value_t = 1.0, value_parser = parse_effort)]
    effort: f64,
    /// 以 JSON 输出 / print JSON
    #[arg(long)]
    json: bool,
    /// 写出第一个方案的新单位边界 / write the first scheme's new units as GeoJSON
    #[arg(long)]
    geojson: Option<PathBuf>,
}

/// The largest `--effort`: 100× the default work already takes minutes for a county.
const MAX_EFFORT: f64 = 100.0;

/// Parses `--effort`: a number in (0, 100].
fn parse_effort(s: &str) -> Result<f64, String> {
    let v: f64 = s.trim().parse().map_err(|_| {
        format!("“{s}”不是数值，应为 0 到 {MAX_EFFORT} 之间的数 / \"{s}\" is not a number; expected one in (0, {MAX_EFFORT}]")
    })?;
    if !(v > 0.0 && v <= MAX_EFFORT) {
        return Err(format!(
            "计算量倍数 {v} 超出范围，应大于 0 且不超过 {MAX_EFFORT} / effort {v} is out of range: it must be above 0 and at most {MAX_EFFORT}"
        ));
    }
    Ok(v)
}

/// Runs the optimizer.
pub fn run(ctx: &Context, args: Args) -> CliResult {
    if args.layer.is_none() && args.units.is_none() {
        return demo(ctx, &args);
    }
    if args.villages {
        return Err(fail(
            "--villages 用于县域数据（乡镇及其村）；--layer / --units 的单位没有下一级，请直接以村为单位输入",
            "--villages needs county data (townships and their villages); units from --layer / --units have no lower level: give the villages as units instead",
        ));
    }
    let (problem, ids, geoms) = if let Some(layer) = &args.layer {
        from_layer(layer, &args)?
    } else {
        let units = args
            .units
            .clone()
            .ok_or_else(|| fail("缺少 --units", "--units is required"))?;
        let edges = args
            .edges
            .clone()
            .ok_or_else(|| fail("缺少 --edges", "--edges is required"))?;
        let cols = UnitColumns {
            id: args.id_field.clone(),
            population: args.pop_field.clone(),
            area: args.area_field.clone(),
            attrs: args.attrs.clone(),
            ..Default::default()
        };
        let (mut p, table) = load(&units, &edges, &cols)?;
        p.locked = table.resolve(&args.lock)?;
        p.seeds = table.resolve(&args.seed_unit)?;
        (p, table.ids.clone(), None)
    };
    let params = params(&args, args.min_pop.unwrap_or(0.0), args.max_area);
    let sol = super::suggest_run::run_with_progress(&problem, &params, ctx.lang)?;
    if let (Some(path), Some(geoms), Some(s)) = (&args.geojson, &geoms, sol.schemes.first()) {
        write_regions(path, geoms, s)?;
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string(
                &json!({"schemes": sol.schemes, "infeasibility": sol.infeasibility, "islands": sol.islands})
            )?
        );
    } else {
        print_summary(ctx, &sol, &ids);
    }
    Ok(())
}

/// A problem read from a layer: the problem, unit ids, and the geometry.
type LayerProblem = (
    Problem,
    Vec<String>,
    Option<Vec<geo_types::MultiPolygon<f64>>>,
);

fn params(args: &Args, min_pop: f64, max_area: Option<f64>) -> Params {
    Params {
        min_pop,
        max_area,
        schemes: args.schemes,
        seed: args.seed,
        effort: args.effort,
        weights: weights(args),
        ..Params::default()
    }
}

fn weights(args: &Args) -> quhua_optimize::Weights {
    quhua_optimize::Weights {
        wss: args.w_wss,
        compactness: args.w_compact,
        service: args.w_service,
        disruption: args.w_disruption,
    }
}

fn from_layer(path: &Path, args: &Args) -> CliResult<LayerProblem> {
    let layer = quhua_geo::read_layer(path)?;
    let geoms = layer.to_geometries();
    let number = |f: &quhua_geo::Feature, field: &str| -> CliResult<f64> {
        let v = f.properties.get(field).ok_or_else(|| {
            fail(
                format!(
                    "{}：第 {} 个要素缺少字段“{field}”",
                    path.display(),
                    f.index + 1
                ),
                format!(
                    "{}: feature {} has no field \"{field}\"",
                    path.display(),
                    f.index + 1
                ),
            )
        })?;
        v.as_f64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .ok_or_else(|| {
                fail(
                    format!(
                        "{}：第 {} 个要素的“{field}”不是数值：{v}",
                        path.display(),
                        f.index + 1
                    ),
                    format!(
                        "{}: feature {} field \"{field}\" is not a number: {v}",
                        path.display(),
                        f.index + 1
                    ),
                )
            })
    };
    let pop: Vec<f64> = layer
        .features
        .iter()
        .map(|f| number(f, &args.pop_field))
        .collect::<CliResult<_>>()?;
    let area: Vec<f64> = match &args.area_field {
        Some(a) => layer
            .features
            .iter()
            .map(|f| number(f, a))
            .collect::<CliResult<_>>()?,
        None => quhua_geo::areas_km2(&geoms),
    };
    let attrs: Vec<Vec<f64>> = args
        .attrs
        .iter()
        .map(|a| {
            layer
                .features
                .iter()
                .map(|f| number(f, a))
                .collect::<CliResult<_>>()
        })
        .collect::<CliResult<_>>()?;
    let ids: Vec<String> = layer
        .field_strings(&args.id_field)
        .into_iter()
        .enumerate()
        .map(|(i, s)| s.unwrap_or_else(|| i.to_string()))
        .collect();
    let adj = quhua_geo::adjacency(&geoms, &quhua_geo::AdjacencyOptions::default());
    let edges: Vec<(u32, u32)> = adj.rook.edges().collect();
    let mut p = Problem::new(Graph::from_edges(geoms.len(), &edges)?, pop);
    p.area = area;
    p.attrs = attrs;
    p.coords = Some(
        quhua_geo::area::label_points(&geoms)
            .into_iter()
            .map(|pt| pt.map(|q| (q.x(), q.y())).unwrap_or((0.0, 0.0)))
            .collect(),
    );
    let resolve = |names: &[String]| -> CliResult<Vec<u32>> {
        names
            .iter()
            .map(|n| {
                ids.iter()
                    .position(|x| x == n)
                    .map(|i| i as u32)
                    .ok_or_else(|| fail(format!("找不到单位“{n}”"), format!("no unit \"{n}\"")))
            })
            .collect()
    };
    p.locked = resolve(&args.lock)?;
    p.seeds = resolve(&args.seed_unit)?;
    Ok((p, ids, Some(geoms)))
}

fn write_regions(
    path: &Path,
    geoms: &[geo_types::MultiPolygon<f64>],
    s: &quhua_optimize::Scheme,
) -> CliResult {
    let keep: Vec<usize> = (0..geoms.len())
        .filter(|&i| s.assignment[i] != quhua_optimize::EXCLUDED)
        .collect();
    let g: Vec<_> = keep.iter().map(|&i| geoms[i].clone()).collect();
    let groups: Vec<usize> = keep.iter().map(|&i| s.assignment[i] as usize).collect();
    let merged = quhua_geo::dissolve(&g, &groups, s.p)?;
    let props: Vec<serde_json::Map<String, serde_json::Value>> = (0..s.p)
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert("region".into(), json!(r));
            m
        })
        .collect();
    let feats: Vec<_> = merged.iter().zip(&props).collect();
    quhua_geo::io::geojson::write_geojson(path, &feats)?;
    Ok(())
}

/// The demo county: townships are the building blocks; the county-seat town and key towns
/// are seeds; border townships are locked; floor and cap come from the policy.
fn demo(ctx: &Context, args: &Args) -> CliResult {
    let demo = quhua_demo::Demo::load()?;
    let policy = Policy::default_policy();
    let base = demo.base(None, &policy)?;
    let wishes = county::Wishes {
        lock: args.lock.clone(),
        seed: args.seed_unit.clone(),
        attrs: args.attrs.clone(),
    };
    let mut problem = county::township_problem(&base, &wishes)?;
    // coordinates (示意 geometry) for the service-distance objective
    let polygons = crate::cmd::demo::village_polygons(&demo);
    let village_xy: Vec<Option<(f64, f64)>> = base
        .villages
        .iter()
        .map(|v| {
            polygons
                .get(&v.code.to_string())
                .and_then(quhua_geo::label_point)
                .map(|p| (p.x(), p.y()))
        })
        .collect();
    problem.coords = Some(county::township_coords(&base, &village_xy));
    let village_coords: Option<Vec<(f64, f64)>> = village_xy.iter().copied().collect();
    let params = county::policy_params(
        &policy,
        args.min_pop,
        args.max_area,
        args.schemes,
        args.seed,
    );
    let params = Params {
        effort: args.effort,
        weights: weights(args),
        ..params
    };
    let sol = super::suggest_run::run_with_progress(&problem, &params, ctx.lang)?;
    let names: Vec<String> = base.townships.iter().map(|t| t.name.clone()).collect();
    let mut evaluated = Vec::new();
    let mut refined = Vec::new();
    for (k, s) in sol.schemes.iter().enumerate() {
        let scenario = if args.villages {
            let stage =
                county::village_stage(&base, &problem, s, &args.attrs, village_coords.as_deref())?;
            let r = quhua_optimize::refine(&stage.problem, &params, &stage.initial)?;
            let sc = county::village_scenario(&base, s, &stage, &r, k);
            refined.push(r);
            sc
        } else {
            county::scheme_scenario(&base, s, k)
        };
        let ev = evaluate(&base, &policy, &scenario)?;
        evaluated.push((scenario, ev));
    }
    if let (Some(path), Some((_, ev))) = (&args.geojson, evaluated.first()) {
        crate::geojson_out::write(path, ev, &polygons, true)?;
    }
    if args.json {
        let schemes: Vec<_> = sol.schemes.iter().zip(&evaluated).enumerate().map(|(k, (s, (sc, ev)))| {
            let villages = refined.get(k).map(|r| json!({
                "assignment": r.assignment, "moved_units": r.objectives.moved_units,
                "objectives": r.objectives, "violations": r.violations,
            }));
            json!({
                "assignment": s.assignment, "p": s.p, "objectives": s.objectives, "violations": s.violations,
                "seats": s.seats, "villages": villages, "scenario": sc, "evaluation": ev,
            })
        }).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(
                &json!({"schemes": schemes, "infeasibility": sol.infeasibility, "islands": sol.islands})
            )?
        );
        return Ok(());
    }
    print_summary(ctx, &sol, &names);
    for (k, (sc, ev)) in evaluated.iter().enumerate() {
        print_demo_scheme(ctx, k, sc, ev);
        if let Some(r) = refined.get(k) {
            let line = format!(
                "  {} {}，{} {}",
                t(
                    ctx.lang,
                    "村级调整：划转村",
                    "village stage: villages transferred"
                ),
                r.objectives.moved_units,
                t(ctx.lang, "违反约束", "violations"),
                r.violations.len()
            );
            println!("{}", crate::render::punctuate(line, ctx.lang));
        }
    }
    println!(
        "\n{}",
        t(
            ctx.lang,
            "※ 人口、面积为示意数据。可用 --json 取得各方案的方案文件（scenario），保存后用 quhua scenario eval 调整。",
            "※ Figures are synthetic. Use --json for each scheme's scenario file, then adjust it with quhua scenario eval."
        )
    );
    Ok(())
}

fn print_summary(ctx: &Context, sol: &Solution, names: &[String]) {
    if let Some(inf) = &sol.infeasibility {
        for r in &inf.reasons {
            println!(
                "[{}] {}",
                t(ctx.lang, "不可行", "infeasible"),
                super::suggest_explain::explain(r, names, ctx.lang)
            );
        }
    }
    for i in &sol.islands {
        println!(
            "[{}] {}",
            t(ctx.lang, "孤岛", "island"),
            names.get(i.unit as usize).cloned().unwrap_or_default()
        );
    }
    let mut tab = Table::new([
        t(ctx.lang, "方案", "Scheme"),
        t(ctx.lang, "新单位数", "Units"),
        "WSS",
        t(ctx.lang, "割边", "Cut edges"),
        t(ctx.lang, "最小人口", "Min pop"),
        t(ctx.lang, "最大面积km²", "Max area km²"),
        t(ctx.lang, "服务距离km", "Service km"),
        t(ctx.lang, "违反约束", "Violations"),
    ])
    .right_align(&[1, 2, 3, 4, 5, 6, 7]);
    for (k, s) in sol.schemes.iter().enumerate() {
        tab.row([
            format!("{}", k + 1),
            s.p.to_string(),
            format!("{:.2}", s.objectives.wss),
            s.objectives.cut_edges.to_string(),
            people(s.objectives.min_region_pop, ctx.lang),
            format!("{:.1}", s.objectives.max_region_area),
            s.objectives
                .service_distance
                .map_or("–".into(), |d| format!("{d:.2}")),
            s.violations.len().to_string(),
        ]);
    }
    print!("{}", tab.render());
}

fn print_demo_scheme(ctx: &Context, k: usize, sc: &Scenario, ev: &Evaluation) {
    let mut out = String::new();
    let (e, w, _) = ev.finding_counts();
    let _ = writeln!(
        out,
        "\n{} {}：{} → {}，{} {} → {}，{} {} / {} {}",
        t(ctx.lang, "方案", "Scheme"),
        k + 1,
        ev.indicators.before.count,
        ev.indicators.after.count,
        t(ctx.lang, "平均人口", "mean population"),
        people(ev.indicators.before.population.mean, ctx.lang),
        people(ev.indicators.after.population.mean, ctx.lang),
        t(ctx.lang, "错误", "errors"),
        e,
        t(ctx.lang, "警告", "warnings"),
        w
    );
    for op in &sc.ops {
        if let Operation::Transfer { villages, to } = op {
            let into_name = ev
                .units
                .iter()
                .find(|u| u.code.as_deref() == Some(to))
                .map(|u| u.name.clone())
                .unwrap_or_else(|| to.clone());
            let _ = writeln!(
                out,
                "  {} {} {} → {into_name}",
                t(ctx.lang, "村划归", "transfer"),
                villages.len(),
                t(ctx.lang, "个村", "villages"),
            );
        }
        if let Operation::Merge {
            units,
            target: MergeTarget::Into(into),
        } = op
        {
            let name = |c: &String| {
                ev.abolished
                    .iter()
                    .find(|a| a.code.as_deref() == Some(c))
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| c.clone())
            };
            let into_name = ev
                .units
                .iter()
                .find(|u| u.code.as_deref() == Some(into))
                .map(|u| u.name.clone())
                .unwrap_or_else(|| into.clone());
            let _ = writeln!(
                out,
                "  {} {} → {into_name}",
                t(ctx.lang, "撤并", "merge"),
                units
                    .iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(t(ctx.lang, "、", ", "))
            );
        }
    }
    print!("{}", crate::render::punctuate(out, ctx.lang));
}
