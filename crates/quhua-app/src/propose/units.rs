//! 方案推荐 on units outside the registry: a boundary layer (GeoJSON, Shapefile, GeoPackage)
//! or a units table with an edge list, read from files on this machine — the local
//! operator's use case behind `quhua plan suggest --layer | --units`. The units are the
//! building blocks; the floor and the cap are the request's (there is no policy), and the
//! regions of a scheme can be written out as dissolved boundaries.

use super::Hooks;
use crate::{AppError, AppResult};
use geo_types::MultiPolygon;
use quhua_optimize::io::{UnitColumns, load};
use quhua_optimize::{Graph, Problem, Scheme, Solution, suggest};
use std::path::{Path, PathBuf};

use super::ProposeRequest;

/// Where the units come from.
#[derive(Debug, Clone)]
pub enum UnitSource {
    /// A boundary layer: adjacency from the polygons (rook), area from the field or the
    /// geodesic area of each polygon.
    Layer(PathBuf),
    /// A units table (CSV) and an edge list (CSV, two unit ids per row).
    Table {
        /// The units table.
        units: PathBuf,
        /// The edge list.
        edges: PathBuf,
    },
}

/// The fields the units are read from.
#[derive(Debug, Clone)]
pub struct UnitFields {
    /// Unit id (a layer without it numbers the features from 0).
    pub id: String,
    /// Population.
    pub population: String,
    /// Area in km² (a layer without it: the polygons' geodesic area).
    pub area: Option<String>,
    /// Attributes for homogeneity (WSS).
    pub attrs: Vec<String>,
}

/// Schemes for a set of units, with what is needed to read and draw them.
#[derive(Debug, Clone)]
pub struct UnitProposal {
    /// The optimizer's answer (schemes best first, the infeasibility report, islands).
    pub solution: Solution,
    /// Unit ids, in input order (the schemes' assignments index them).
    pub ids: Vec<String>,
    geometries: Option<Vec<MultiPolygon<f64>>>,
}

impl UnitProposal {
    /// Writes the first scheme's new units as GeoJSON (the units' polygons dissolved per
    /// region, each with its region number); refused for units without boundaries.
    pub fn write_regions(&self, path: &Path) -> AppResult<()> {
        let geoms = self.geometries.as_ref().ok_or_else(|| {
            AppError::invalid(
                "单位表没有边界，不能写出新单位边界（请用 --layer）",
                "a units table has no boundaries to write (use a layer)",
            )
        })?;
        let Some(s) = self.solution.schemes.first() else {
            return Ok(());
        };
        write_regions(path, geoms, s)
    }
}

/// Proposes schemes for the units of `source` (see the module documentation). `lock`,
/// `seed_units`, `together` and `apart` of the request name unit ids; `policy` and
/// `villages` do not apply.
///
/// ```no_run
/// use quhua_app::propose::{ProposeRequest, units::{propose_units, UnitFields, UnitSource}};
/// let fields = UnitFields { id: "id".into(), population: "pop".into(), area: None, attrs: vec![] };
/// let req = ProposeRequest { min_pop: Some(30_000.0), ..Default::default() };
/// let p = propose_units(&UnitSource::Layer("units.geojson".into()), &fields, &req, Default::default()).unwrap();
/// println!("{} schemes", p.solution.schemes.len());
/// ```
pub fn propose_units(
    source: &UnitSource,
    fields: &UnitFields,
    req: &ProposeRequest,
    hooks: Hooks<'_>,
) -> AppResult<UnitProposal> {
    if req.villages {
        return Err(AppError::invalid(
            "村级调整用于县域数据（乡镇及其村）；图层或单位表的单位没有下一级，请直接以村为单位输入",
            "village transfers need county data (townships and their villages); units of a layer or table have no lower level: give the villages as units instead",
        ));
    }
    if req.policy.is_some() {
        return Err(AppError::invalid(
            "政策只用于县域数据；图层或单位表请直接给出人口下限和面积上限",
            "a policy applies to county data only: give the floor and the cap for a layer or table",
        ));
    }
    let params = super::pipeline::unit_params(req)?;
    let (mut problem, ids, geometries) = match source {
        UnitSource::Layer(path) => from_layer(path, fields)?,
        UnitSource::Table { units, edges } => {
            let cols = UnitColumns {
                id: fields.id.clone(),
                population: fields.population.clone(),
                area: fields.area.clone(),
                attrs: fields.attrs.clone(),
                ..Default::default()
            };
            let (p, table) = load(units, edges, &cols)?;
            (p, table.ids, None)
        }
    };
    problem.locked = resolve(&ids, &req.lock)?;
    problem.seeds = resolve(&ids, &req.seed_units)?;
    for (groups, out) in [
        (&req.together, &mut problem.together),
        (&req.apart, &mut problem.apart),
    ] {
        *out = groups
            .iter()
            .map(|g| resolve(&ids, g))
            .collect::<AppResult<_>>()?;
    }
    let solution = suggest(&problem, &params, hooks.progress, hooks.cancel)?;
    Ok(UnitProposal {
        solution,
        ids,
        geometries,
    })
}

/// Unit positions of `names` (unit ids), or an error naming the first unknown one.
fn resolve(ids: &[String], names: &[String]) -> AppResult<Vec<u32>> {
    names
        .iter()
        .map(|n| {
            ids.iter()
                .position(|x| x == n)
                .map(|i| i as u32)
                .ok_or_else(|| AppError::not_found(format!("单位“{n}”"), format!("unit \"{n}\"")))
        })
        .collect()
}

/// The problem, unit ids and polygons of a layer.
type LayerProblem = (Problem, Vec<String>, Option<Vec<MultiPolygon<f64>>>);

fn from_layer(path: &Path, fields: &UnitFields) -> AppResult<LayerProblem> {
    let layer = quhua_geo::read_layer(path).map_err(geo_error)?;
    let geoms = layer.to_geometries();
    let number = |f: &quhua_geo::Feature, field: &str| -> AppResult<f64> {
        let (file, n) = (path.display(), f.index + 1);
        let v = f.properties.get(field).ok_or_else(|| {
            AppError::invalid(
                format!("{file}：第 {n} 个要素缺少字段“{field}”"),
                format!("{file}: feature {n} has no field \"{field}\""),
            )
        })?;
        v.as_f64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .ok_or_else(|| {
                AppError::invalid(
                    format!("{file}：第 {n} 个要素的“{field}”不是数值：{v}"),
                    format!("{file}: feature {n} field \"{field}\" is not a number: {v}"),
                )
            })
    };
    let column = |field: &str| -> AppResult<Vec<f64>> {
        layer.features.iter().map(|f| number(f, field)).collect()
    };
    let pop = column(&fields.population)?;
    let area = match &fields.area {
        Some(a) => column(a)?,
        None => quhua_geo::areas_km2(&geoms),
    };
    let attrs = fields
        .attrs
        .iter()
        .map(|a| column(a))
        .collect::<AppResult<Vec<_>>>()?;
    let ids: Vec<String> = layer
        .field_strings(&fields.id)
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
    Ok((p, ids, Some(geoms)))
}

/// A geometry error (its message is "中文 / English") as invalid input.
fn geo_error(e: quhua_geo::GeoError) -> AppError {
    let (zh, en) = crate::text::split_pair(&e.to_string());
    AppError::invalid(zh, en)
}

fn write_regions(path: &Path, geoms: &[MultiPolygon<f64>], s: &Scheme) -> AppResult<()> {
    let keep: Vec<usize> = (0..geoms.len())
        .filter(|&i| s.assignment[i] != quhua_optimize::EXCLUDED)
        .collect();
    let g: Vec<_> = keep.iter().map(|&i| geoms[i].clone()).collect();
    let groups: Vec<usize> = keep.iter().map(|&i| s.assignment[i] as usize).collect();
    let merged = quhua_geo::dissolve(&g, &groups, s.p).map_err(geo_error)?;
    let props: Vec<serde_json::Map<String, serde_json::Value>> = (0..s.p)
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert("region".into(), serde_json::json!(r));
            m
        })
        .collect();
    let feats: Vec<_> = merged.iter().zip(&props).collect();
    quhua_geo::io::geojson::write_geojson(path, &feats).map_err(geo_error)?;
    Ok(())
}
