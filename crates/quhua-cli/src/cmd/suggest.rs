//! `quhua plan suggest`: propose merger schemes with the optimizer (quhua-optimize), on a county
//! of the registry (the demo county by default), on any GeoJSON/Shapefile of units, or on a
//! units table plus an edge list.
//!
//! On a county this is the use case [`quhua_app::propose`], the one the web server's
//! `POST /api/counties/{code}/propose` calls: same county, request and seed, same schemes.
//! Without `--db` (or with `--demo`) it runs on the embedded demo county, imported into a
//! throw-away database. `--geojson` writes the first scheme's townships from the county's
//! stored boundaries (the demo county's schematic ones, or any imported with
//! `quhua import boundaries`).

use crate::context::{CliResult, Context, fail};
use crate::render::{people, t, table::Table};
use quhua_app::propose::units::{UnitFields, UnitSource, propose_units};
use quhua_app::propose::{
    Honoured, Infeasibility, Island, ObjectiveWeights, PointBasis, PreferRule, Proposal,
    ProposeRequest, Scheme, ServicePoints, Tuning, propose_with,
};
use quhua_core::scenario::{Evaluation, MergeTarget, Operation, Scenario};
use serde_json::json;
use std::fmt::Write;
use std::path::PathBuf;

/// Options of `quhua plan suggest`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// 县级区划代码，缺省为演示县 130634（未给 --db 时用内置演示县）/ county code; default: the demo county (the embedded one without --db)
    #[arg(long, conflicts_with_all = ["layer", "units"])]
    county: Option<String>,
    /// 整省（2 位）、整市（4 位）或全部（all）逐县求解，各县按本省政策，汇总输出 / every county of a province (2 digits), a city (4) or the whole list (all), each under its province's policy, with one summary
    #[arg(long, conflicts_with_all = ["county", "layer", "units", "villages", "geojson"])]
    province: Option<String>,
    /// 与 --province 同用：名录无人口、面积或边界时，以示意数据（合成人口面积、示意邻接）试算，不入库 / with --province: where the list has no figures or boundaries, try on synthetic (示意) figures and a schematic adjacency, never stored
    #[arg(long, requires = "province")]
    schematic: bool,
    /// 政策：内置政策（hebei、sichuan、zhejiang、hunan、default），已保存的政策名称或政策文件（县域；缺省为本省政策）/ policy: built-in id, stored name or file (county; default: the county's own province's)
    #[arg(long, conflicts_with_all = ["layer", "units"])]
    policy: Option<String>,
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
    /// 须同组：这些单位进同一个新单位（逗号分隔，可重复）/ together: these units end up in one new unit (comma-separated; repeatable)
    #[arg(long, value_name = "A,B")]
    together: Vec<String>,
    /// 不得同组：这些单位两两不进同一个新单位（逗号分隔，可重复）/ apart: no two of these units share a new unit (comma-separated; repeatable)
    #[arg(long, value_name = "C,D")]
    apart: Vec<String>,
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
    /// 人口下限与面积上限不能兼顾时保证哪一项（floor 人口下限，ceiling 面积上限）/ which rule holds where floor and cap conflict
    #[arg(long, value_enum)]
    prefer: Option<PreferArg>,
    /// 精确检验时限（秒，0 为不检验，缺省 2）/ time limit of the exact check in seconds (0: none; default 2)
    #[arg(long)]
    exact_time_limit: Option<f64>,
    /// 以 JSON 输出 / print JSON
    #[arg(long)]
    json: bool,
    /// 写出第一个方案的新单位边界 / write the first scheme's new units as GeoJSON
    #[arg(long)]
    geojson: Option<PathBuf>,
}

/// `--prefer`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum PreferArg {
    /// 保证人口下限 / the population floor holds
    Floor,
    /// 保证面积上限 / the area cap holds
    Ceiling,
}

impl From<PreferArg> for PreferRule {
    fn from(p: PreferArg) -> PreferRule {
        match p {
            PreferArg::Floor => PreferRule::Floor,
            PreferArg::Ceiling => PreferRule::Ceiling,
        }
    }
}

/// The largest `--effort`: 100× the default work already takes minutes for a county.
const MAX_EFFORT: f64 = quhua_app::propose::MAX_EFFORT;

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
    if let Some(prefix) = &args.province {
        return super::suggest_region::run(
            ctx,
            prefix,
            args.schematic,
            args.seed,
            args.exact_time_limit,
            args.json,
        );
    }
    if args.layer.is_none() && args.units.is_none() {
        return county(ctx, &args);
    }
    let source = match (&args.layer, &args.units, &args.edges) {
        (Some(layer), _, _) => UnitSource::Layer(layer.clone()),
        (None, Some(units), Some(edges)) => UnitSource::Table {
            units: units.clone(),
            edges: edges.clone(),
        },
        _ => return Err(fail("缺少 --edges", "--edges is required")),
    };
    let fields = UnitFields {
        id: args.id_field.clone(),
        population: args.pop_field.clone(),
        area: args.area_field.clone(),
        attrs: args.attrs.clone(),
    };
    let p = super::suggest_run::with_progress(ctx.lang, |hooks| {
        Ok(propose_units(
            &source,
            &fields,
            &request(args.clone()),
            hooks,
        )?)
    })?;
    if let Some(path) = &args.geojson {
        p.write_regions(path)?;
    }
    let sol = &p.solution;
    if args.json {
        println!(
            "{}",
            serde_json::to_string(
                &json!({"schemes": sol.schemes, "infeasibility": sol.infeasibility, "islands": sol.islands})
            )?
        );
    } else {
        let schemes: Vec<&Scheme> = sol.schemes.iter().collect();
        print_summary(
            ctx,
            sol.infeasibility.as_ref(),
            &sol.islands,
            &schemes,
            &p.ids,
        );
    }
    Ok(())
}

/// The request the flags describe (the same for a county and for files).
fn request(args: Args) -> ProposeRequest {
    ProposeRequest {
        schemes: Some(args.schemes),
        seed: Some(args.seed),
        villages: args.villages,
        lock: args.lock.clone(),
        seed_units: args.seed_unit.clone(),
        prefer: args.prefer.map(PreferRule::from),
        exact_time_limit: args.exact_time_limit,
        min_pop: args.min_pop,
        max_area: args.max_area,
        together: groups(&args.together),
        apart: groups(&args.apart),
        weights: Some(ObjectiveWeights {
            wss: args.w_wss,
            compactness: args.w_compact,
            service: args.w_service,
        }),
        tuning: Tuning {
            attrs: args.attrs.clone(),
            disruption: args.w_disruption,
            effort: args.effort,
        },
        policy: args.policy,
    }
}

/// `--together A,B` / `--apart C,D`: one group per occurrence (commas, 、 or ，between names).
fn groups(flags: &[String]) -> Vec<Vec<String>> {
    flags
        .iter()
        .map(|g| {
            g.split([',', '、', '，'])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The wishes the schemes honour, as lines (floor and cap used, weights, groups, points).
fn wishes_lines(ctx: &Context, w: &Honoured, points: &ServicePoints) -> String {
    let sep = t(ctx.lang, "、", ", ");
    let names = |g: &[quhua_app::propose::TownshipRef]| {
        g.iter()
            .map(|x| x.name.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let list = |gs: &[Vec<quhua_app::propose::TownshipRef>]| {
        if gs.is_empty() {
            t(ctx.lang, "无", "none").to_string()
        } else {
            gs.iter()
                .map(|g| format!("（{}）", names(g)))
                .collect::<Vec<_>>()
                .join("")
        }
    };
    let cap = w
        .max_area
        .map_or(t(ctx.lang, "无", "none").to_string(), |a| {
            format!("{a} km²")
        });
    let basis = match points.basis {
        PointBasis::Seats => t(ctx.lang, "按乡镇驻地", "from the seats"),
        PointBasis::Mixed => t(
            ctx.lang,
            "驻地已知的按驻地，其余按村的人口重心",
            "from the seats where known, else the villages' population centroid",
        ),
        PointBasis::Centroids => t(
            ctx.lang,
            "按村的人口重心",
            "from the villages' population centroid",
        ),
        PointBasis::None => t(ctx.lang, "无坐标，不计", "no coordinates: not measured"),
    };
    let line = format!(
        "{} {}，{} {}；{} {} / {} {} / {} {}；{}{}；{}{}；{}{}\n",
        t(ctx.lang, "人口下限", "population floor"),
        people(w.min_pop, ctx.lang),
        t(ctx.lang, "面积上限", "area cap"),
        cap,
        t(ctx.lang, "权重：同质性", "weights: homogeneity"),
        w.weights.wss,
        t(ctx.lang, "紧凑度", "compactness"),
        w.weights.compactness,
        t(ctx.lang, "服务距离", "service distance"),
        w.weights.service,
        t(ctx.lang, "须同组：", "together: "),
        list(&w.together),
        t(ctx.lang, "不得同组：", "apart: "),
        list(&w.apart),
        t(ctx.lang, "服务距离：", "service distance: "),
        basis,
    );
    crate::render::punctuate(line, ctx.lang)
}

/// A county of the registry through [`quhua_app::propose`]: townships are the building
/// blocks; the county-seat town and key towns are seeds; border townships are locked; floor
/// and cap come from the policy.
fn county(ctx: &Context, args: &Args) -> CliResult {
    let (app, _scratch) = ctx.app_or_demo()?;
    let county = args
        .county
        .clone()
        .unwrap_or_else(|| quhua_demo::county_code().to_string());
    // With --geojson, the county's stored boundaries, checked before the optimizer runs.
    let shapes = match &args.geojson {
        Some(path) => {
            let cb = quhua_app::county::load(
                &app,
                &county,
                &quhua_core::policy::Policy::default_policy(),
            )?;
            if cb.geometry.is_none() {
                return Err(crate::geojson_out::no_boundaries(&county));
            }
            Some((path, cb))
        }
        None => None,
    };
    let req = request(args.clone());
    let actor = ctx.operator();
    let p = super::suggest_run::with_progress(ctx.lang, |hooks| {
        Ok(propose_with(&app, &actor, &county, &req, hooks)?)
    })?;
    if let (Some((path, cb)), Some(first)) = (&shapes, p.schemes.first()) {
        crate::geojson_out::write_county(path, &first.evaluation, cb)?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&county_json(&p))?);
        return Ok(());
    }
    print!("{}", wishes_lines(ctx, &p.wishes, &p.service_points));
    let schemes: Vec<&Scheme> = p.schemes.iter().map(|s| &s.scheme).collect();
    print_summary(
        ctx,
        p.infeasibility.as_ref(),
        &p.raw_islands,
        &schemes,
        &p.township_names,
    );
    for (k, s) in p.schemes.iter().enumerate() {
        print_demo_scheme(ctx, k, &s.scenario, &s.evaluation);
        if let Some(r) = &s.refined {
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
    let note = if p.synthetic {
        t(
            ctx.lang,
            "※ 人口、面积为示意数据。可用 --json 取得各方案的方案文件（scenario），保存后用 quhua scenario eval 调整。",
            "※ Figures are synthetic. Use --json for each scheme's scenario file, then adjust it with quhua scenario eval.",
        )
    } else {
        t(
            ctx.lang,
            "※ 可用 --json 取得各方案的方案文件（scenario），保存后用 quhua scenario eval 调整。",
            "※ Use --json for each scheme's scenario file, then adjust it with quhua scenario eval.",
        )
    };
    println!("\n{note}");
    Ok(())
}

/// `--json` on a county: each scheme with its assignment, the village stage, the scenario
/// and its full evaluation; the infeasibility report and islands with unit indices.
fn county_json(p: &Proposal) -> serde_json::Value {
    let schemes: Vec<_> = p
        .schemes
        .iter()
        .map(|x| {
            let s = &x.scheme;
            let villages = x.refined.as_ref().map(|r| {
                json!({
                    "assignment": r.assignment, "moved_units": r.objectives.moved_units,
                    "objectives": r.objectives, "violations": r.violations,
                })
            });
            json!({
                "assignment": s.assignment, "p": s.p, "bound": x.bound, "optimal": x.optimal,
                "excess": x.excess, "conflicts": x.conflicts,
                "objectives": s.objectives, "violations": s.violations,
                "seats": s.seats, "villages": villages, "scenario": x.scenario, "evaluation": x.evaluation,
            })
        })
        .collect();
    json!({"county": p.county, "policy": p.policy, "wishes": p.wishes, "service_points": p.service_points, "schemes": schemes, "infeasibility": p.infeasibility, "islands": p.raw_islands})
}

fn print_summary(
    ctx: &Context,
    infeasibility: Option<&Infeasibility>,
    islands: &[Island],
    schemes: &[&Scheme],
    names: &[String],
) {
    if let Some(inf) = infeasibility {
        for r in &inf.reasons {
            println!(
                "[{}] {}",
                t(ctx.lang, "不可行", "infeasible"),
                quhua_app::propose::explain(r, names).get(ctx.lang)
            );
        }
    }
    for i in islands {
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
    for (k, s) in schemes.iter().enumerate() {
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
