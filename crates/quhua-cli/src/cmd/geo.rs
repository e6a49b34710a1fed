//! `quhua geo check FILE`: read a GeoJSON/Shapefile of units, validate it, report adjacency
//! (islands, point-only contacts), areas, and how it links to the registry's codes.

/// `println!` with English output's ASCII punctuation (see [`crate::render::punctuate`]).
macro_rules! outln {
    ($lang:expr, $($arg:tt)*) => {
        println!("{}", crate::render::punctuate(format!($($arg)*), $lang))
    };
}

use crate::context::{CliResult, Context};
use crate::render::t;
use quhua_core::Level;
use quhua_core::i18n::Lang;
use serde_json::json;
use std::path::PathBuf;

/// Geometry commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 检查边界文件：有效性、邻接、面积、与名录代码的对应 / check a boundary file
    Check {
        /// GeoJSON 或 Shapefile / GeoJSON or Shapefile
        file: PathBuf,
        /// 区划代码字段（给出则与名录核对）/ the code field (links features to the registry)
        #[arg(long)]
        code_field: Option<String>,
        /// 只核对此县的单位（6位代码）/ only units of this county
        #[arg(long)]
        county: Option<String>,
        /// 邻接容差（米）/ adjacency snapping tolerance, metres
        #[arg(long, default_value_t = 1.0)]
        tolerance_m: f64,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Runs a geometry command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let Command::Check {
        file,
        code_field,
        county,
        tolerance_m,
        json,
    } = cmd;
    let layer = quhua_geo::read_layer(&file)?;
    let geoms = layer.to_geometries();
    let areas = quhua_geo::areas_km2(&geoms);
    let issues =
        quhua_geo::validate::validate(&geoms, &quhua_geo::validate::ValidateOptions::default());
    let adj = quhua_geo::adjacency(&geoms, &quhua_geo::AdjacencyOptions::metres(tolerance_m));
    let link = match &code_field {
        Some(field) => {
            let reg = ctx.registry()?;
            let latest = reg
                .events()
                .last()
                .map(|e| e.date)
                .unwrap_or(reg.genesis_date());
            let snap = reg.as_of(latest);
            let within = county
                .as_deref()
                .map(quhua_core::DivisionCode::parse)
                .transpose()?;
            // Compare at the level the file's codes are written in.
            let sample = layer
                .field_strings(field)
                .into_iter()
                .flatten()
                .next()
                .unwrap_or_default();
            let level = quhua_core::DivisionCode::parse(&sample)
                .map(|c| c.level())
                .unwrap_or(Level::Village);
            let known: Vec<String> = snap
                .at_level(level)
                .filter(|u| within.is_none_or(|c| u.code.is_within(c)))
                .map(|u| u.code.short())
                .collect();
            Some(quhua_geo::link_by_code(&layer, field, &known)?)
        }
        None => None,
    };
    let name = |i: u32| {
        layer
            .features
            .get(i as usize)
            .map(|f| f.id.clone().unwrap_or_else(|| (f.index + 1).to_string()))
            .unwrap_or_default()
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "file": file.display().to_string(),
                "features": layer.features.len(),
                "encoding": layer.encoding,
                "crs": layer.source_crs,
                "warnings": layer.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>(),
                "area_km2_total": areas.iter().sum::<f64>(),
                "rook_pairs": adj.rook.edge_count(),
                "queen_pairs": adj.queen.edge_count(),
                "islands": adj.islands,
                "point_contacts": adj.point_contacts,
                "issues": issues.iter().map(|i| json!({"feature": i.feature, "other": i.other, "at": [i.at.x, i.at.y], "message": i.message})).collect::<Vec<_>>(),
                "link": link.as_ref().map(|l| json!({"matched": l.matched.len(), "unknown_codes_in_file": l.unknown_codes_in_file, "duplicate_codes": l.duplicate_codes, "features_without_code": l.features_without_code, "units_without_geometry": l.units_without_geometry})),
            }))?
        );
        return Ok(());
    }
    let zh = ctx.lang == Lang::Zh;
    outln!(
        ctx.lang,
        "{}：{}（{} {}）",
        t(ctx.lang, "文件", "File"),
        file.display(),
        layer.features.len(),
        t(ctx.lang, "个要素", "features")
    );
    if let Some(e) = &layer.encoding {
        outln!(
            ctx.lang,
            "  {}：{e}",
            t(ctx.lang, "属性编码", "attribute encoding")
        );
    }
    if let Some(c) = &layer.source_crs {
        outln!(
            ctx.lang,
            "  {}：{c}",
            t(ctx.lang, "坐标系", "coordinate system")
        );
    }
    for w in &layer.warnings {
        outln!(
            ctx.lang,
            "  [{}] {}",
            t(ctx.lang, "提示", "note"),
            crate::render::localize(&w.message, ctx.lang)
        );
    }
    outln!(
        ctx.lang,
        "  {}：{:.2} km²",
        t(ctx.lang, "大地面积合计", "geodesic area in all"),
        areas.iter().sum::<f64>()
    );
    outln!(
        ctx.lang,
        "  {}：{}；{}：{}",
        t(ctx.lang, "共边邻接", "rook pairs"),
        adj.rook.edge_count(),
        t(ctx.lang, "共点邻接", "queen pairs"),
        adj.queen.edge_count()
    );
    outln!(
        ctx.lang,
        "  {}：{}",
        t(ctx.lang, "孤岛（无相邻单位）", "islands (no neighbour)"),
        if adj.islands.is_empty() {
            t(ctx.lang, "无", "none").to_string()
        } else {
            adj.islands
                .iter()
                .map(|i| name(*i))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    outln!(
        ctx.lang,
        "  {}：{}",
        t(ctx.lang, "仅点接触", "point-only contacts"),
        adj.point_contacts.len()
    );
    outln!(
        ctx.lang,
        "  {}：{}",
        t(ctx.lang, "几何问题", "geometry issues"),
        issues.len()
    );
    for i in issues.iter().take(20) {
        outln!(
            ctx.lang,
            "    #{} ({:.6}, {:.6}) {}",
            i.feature + 1,
            i.at.x,
            i.at.y,
            crate::render::localize(&i.message, ctx.lang)
        );
    }
    if let Some(l) = link {
        outln!(
            ctx.lang,
            "  {}：{} {}",
            t(ctx.lang, "与名录代码对应", "linked to registry codes"),
            l.matched.len(),
            t(ctx.lang, "个", "units")
        );
        for (f, c) in &l.unknown_codes_in_file {
            outln!(
                ctx.lang,
                "    {} #{}：{c}",
                if zh {
                    "名录中没有的代码，要素"
                } else {
                    "code not in the registry, feature"
                },
                f + 1
            );
        }
        for (c, fs) in &l.duplicate_codes {
            outln!(
                ctx.lang,
                "    {} {c}：{:?}",
                t(ctx.lang, "重复代码", "duplicate code"),
                fs.iter().map(|f| f + 1).collect::<Vec<_>>()
            );
        }
        if !l.features_without_code.is_empty() {
            outln!(
                ctx.lang,
                "    {}：{}",
                t(ctx.lang, "缺少代码的要素", "features without a code"),
                l.features_without_code.len()
            );
        }
        if !l.units_without_geometry.is_empty() {
            let list: Vec<&str> = l
                .units_without_geometry
                .iter()
                .map(|(_, c)| c.as_str())
                .take(30)
                .collect();
            outln!(
                ctx.lang,
                "    {}（{}）：{}",
                t(ctx.lang, "没有边界的单位", "units without geometry"),
                l.units_without_geometry.len(),
                list.join(", ")
            );
        }
    }
    Ok(())
}
