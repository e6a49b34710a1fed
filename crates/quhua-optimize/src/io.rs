//! CSV input: a units table and an edge list.
//!
//! * Units CSV (with header): one row per unit; an id column, a population
//!   column, optionally an area column (km²), attribute columns, a group
//!   column (county code) and longitude/latitude columns.
//! * Edges CSV (with header): first two columns are unit ids of adjacent units.

use crate::error::PlanError;
use crate::graph::Graph;
use crate::problem::Problem;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Column names to read from the units CSV.
#[derive(Clone, Debug, Default)]
pub struct UnitColumns {
    /// Unit id column.
    pub id: String,
    /// Population column.
    pub population: String,
    /// Area column (km²), if any.
    pub area: Option<String>,
    /// Attribute columns for homogeneity.
    pub attrs: Vec<String>,
    /// Group (county) column, if any.
    pub group: Option<String>,
    /// Longitude and latitude columns, if any.
    pub lon_lat: Option<(String, String)>,
}

/// Units read from CSV.
#[derive(Clone, Debug, Default)]
pub struct UnitTable {
    /// Unit ids in file order (unit index = row index).
    pub ids: Vec<String>,
    /// Population per unit.
    pub population: Vec<f64>,
    /// Area per unit (empty if no area column).
    pub area: Vec<f64>,
    /// Attribute columns.
    pub attrs: Vec<Vec<f64>>,
    /// Group per unit (codes numbered in order of first appearance).
    pub group: Option<Vec<u32>>,
    /// Coordinates per unit.
    pub coords: Option<Vec<(f64, f64)>>,
    index: HashMap<String, u32>,
}

impl UnitTable {
    /// Index of a unit id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// Resolves ids (e.g. `--lock`, `--seed-unit`) to indices.
    pub fn resolve(&self, ids: &[String]) -> Result<Vec<u32>, PlanError> {
        ids.iter()
            .map(|id| {
                self.index_of(id).ok_or_else(|| {
                    PlanError::param(
                        format!("未知单元编号：{id}"),
                        format!("unknown unit id: {id}"),
                    )
                })
            })
            .collect()
    }
}

fn csv_err(path: &Path) -> impl Fn(csv::Error) -> PlanError + '_ {
    move |source| PlanError::Csv {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads the units CSV from a reader (`name` is used in messages).
pub fn read_units_from<R: Read>(
    reader: R,
    name: &Path,
    cols: &UnitColumns,
) -> Result<UnitTable, PlanError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = rdr.headers().map_err(csv_err(name))?.clone();
    let col = |f: &str| -> Result<usize, PlanError> {
        headers
            .iter()
            .position(|h| h.trim() == f)
            .ok_or_else(|| PlanError::CsvValue {
                path: name.to_path_buf(),
                line: 1,
                zh: format!("缺少字段 {f}"),
                en: format!("missing column {f}"),
            })
    };
    let id_c = col(&cols.id)?;
    let pop_c = col(&cols.population)?;
    let area_c = cols.area.as_deref().map(col).transpose()?;
    let attr_c: Vec<usize> = cols
        .attrs
        .iter()
        .map(|a| col(a))
        .collect::<Result<_, _>>()?;
    let group_c = cols.group.as_deref().map(col).transpose()?;
    let ll_c = match &cols.lon_lat {
        Some((a, b)) => Some((col(a)?, col(b)?)),
        None => None,
    };
    let mut t = UnitTable {
        attrs: vec![Vec::new(); attr_c.len()],
        ..Default::default()
    };
    let mut groups: Vec<u32> = Vec::new();
    let mut gmap: HashMap<String, u32> = HashMap::new();
    let mut coords = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(csv_err(name))?;
        let line = i as u64 + 2;
        let field = |c: usize| rec.get(c).unwrap_or("").trim();
        let num = |c: usize, what: &str| -> Result<f64, PlanError> {
            let s = field(c);
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| PlanError::CsvValue {
                    path: name.to_path_buf(),
                    line,
                    zh: format!("{what} 不是有效数字：{s:?}"),
                    en: format!("{what} is not a valid number: {s:?}"),
                })
        };
        let id = field(id_c).to_string();
        if t.index.insert(id.clone(), t.ids.len() as u32).is_some() {
            return Err(PlanError::CsvValue {
                path: name.to_path_buf(),
                line,
                zh: format!("单元编号重复：{id}"),
                en: format!("duplicate unit id: {id}"),
            });
        }
        t.ids.push(id);
        t.population.push(num(pop_c, &cols.population)?);
        if let Some(c) = area_c {
            t.area.push(num(c, "area")?);
        }
        for (j, &c) in attr_c.iter().enumerate() {
            t.attrs[j].push(num(c, &cols.attrs[j])?);
        }
        if let Some(c) = group_c {
            let g = field(c).to_string();
            let next = gmap.len() as u32;
            groups.push(*gmap.entry(g).or_insert(next));
        }
        if let Some((a, b)) = ll_c {
            coords.push((num(a, "lon")?, num(b, "lat")?));
        }
    }
    if group_c.is_some() {
        t.group = Some(groups);
    }
    if ll_c.is_some() {
        t.coords = Some(coords);
    }
    Ok(t)
}

/// Reads the units CSV file.
pub fn read_units(path: &Path, cols: &UnitColumns) -> Result<UnitTable, PlanError> {
    let f = std::fs::File::open(path).map_err(|source| PlanError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_units_from(std::io::BufReader::new(f), path, cols)
}

/// Reads an edges CSV (header, then two unit ids per row) from a reader.
pub fn read_edges_from<R: Read>(
    reader: R,
    name: &Path,
    units: &UnitTable,
) -> Result<Vec<(u32, u32)>, PlanError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(csv_err(name))?;
        let line = i as u64 + 2;
        let mut ends = [0u32; 2];
        for (j, e) in ends.iter_mut().enumerate() {
            let id = rec.get(j).unwrap_or("").trim();
            *e = units.index_of(id).ok_or_else(|| PlanError::CsvValue {
                path: name.to_path_buf(),
                line,
                zh: format!("边引用了未知单元 {id:?}"),
                en: format!("edge references unknown unit {id:?}"),
            })?;
        }
        out.push((ends[0], ends[1]));
    }
    Ok(out)
}

/// Reads the edges CSV file.
pub fn read_edges(path: &Path, units: &UnitTable) -> Result<Vec<(u32, u32)>, PlanError> {
    let f = std::fs::File::open(path).map_err(|source| PlanError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_edges_from(std::io::BufReader::new(f), path, units)
}

/// Reads both files and builds a [`Problem`] (no locks, seeds or sets yet;
/// use [`UnitTable::resolve`] to fill them from ids).
pub fn load(
    units: &Path,
    edges: &Path,
    cols: &UnitColumns,
) -> Result<(Problem, UnitTable), PlanError> {
    let t = read_units(units, cols)?;
    let e = read_edges(edges, &t)?;
    let g = Graph::from_edges(t.ids.len(), &e)?;
    let p = Problem {
        n: t.ids.len(),
        adjacency: g,
        population: t.population.clone(),
        area: t.area.clone(),
        attrs: t.attrs.clone(),
        group: t.group.clone(),
        coords: t.coords.clone(),
        ..Default::default()
    };
    Ok((p, t))
}
