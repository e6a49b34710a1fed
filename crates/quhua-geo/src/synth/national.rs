//! A synthetic national set: every real county of the NBS 2023 code list
//! with its real townships and villages (real codes and names), schematic
//! polygons on a coarse non-overlapping lon/lat layout, calibrated to the
//! national averages (≈247 km² and ≈36,600 people per township). Every
//! feature is labelled `synthetic: true` / `示意: true`.

use super::county::{Plan, plan};
use super::rng::{SplitMix64, hash};
use crate::dissolve::dissolve_tiling;
use crate::error::{GeoError, Result};
use crate::proj::{Ellipsoid, TransverseMercator};
use geo_types::{MultiPolygon, Point};
use rayon::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::path::Path;

/// National mean township area (km²), 民政部/统计 figures (see data README).
pub const MEAN_TOWNSHIP_AREA_KM2: f64 = 247.0;
/// National mean township population.
pub const MEAN_TOWNSHIP_POPULATION: f64 = 36_600.0;

/// A county of the synthetic set.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthNationalCounty {
    /// 6-digit county code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Range of its townships in [`SynthNational::townships`].
    pub townships: std::ops::Range<usize>,
    /// Layout centre (lon, lat).
    pub center: (f64, f64),
}

/// A township of the synthetic set.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthTownship {
    /// 9-digit code (real).
    pub code: String,
    /// Name (real).
    pub name: String,
    /// Index of its county.
    pub county: usize,
    /// Union of its village cells.
    pub geometry: MultiPolygon<f64>,
    /// Seat (centre of its seat village).
    pub seat: Point<f64>,
    /// Synthetic population (sum of its villages').
    pub population: u64,
    /// Range of its villages in [`SynthNational::villages`].
    pub villages: std::ops::Range<usize>,
}

/// A village of the synthetic set (or a filler cell for a township without
/// villages in the list, with an empty code).
#[derive(Debug, Clone, PartialEq)]
pub struct SynthVillage {
    /// 12-digit code (real), empty for a filler cell.
    pub code: String,
    /// Name (real).
    pub name: String,
    /// Index of its township.
    pub township: usize,
    /// Cell polygon.
    pub geometry: MultiPolygon<f64>,
    /// Synthetic population.
    pub population: u64,
}

/// The whole synthetic set.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthNational {
    /// Counties in code order.
    pub counties: Vec<SynthNationalCounty>,
    /// Townships grouped by county, in code order.
    pub townships: Vec<SynthTownship>,
    /// Villages grouped by township, in code order.
    pub villages: Vec<SynthVillage>,
    /// Filler cells added for townships that have no village in the list.
    pub filler_cells: usize,
}

impl SynthNational {
    /// Properties of village `i` (code, name, township code, population, synthetic flags).
    pub fn village_properties(&self, i: usize) -> Map<String, Value> {
        let v = &self.villages[i];
        let t = &self.townships[v.township];
        let mut m = Map::new();
        m.insert("code".into(), json!(v.code));
        m.insert("name".into(), json!(v.name));
        m.insert("township".into(), json!(t.code));
        m.insert("county".into(), json!(self.counties[t.county].code));
        m.insert("population".into(), json!(v.population));
        m.insert("synthetic".into(), json!(true));
        m.insert("示意".into(), json!(true));
        m
    }
    /// Properties of township `i`.
    pub fn township_properties(&self, i: usize) -> Map<String, Value> {
        let t = &self.townships[i];
        let mut m = Map::new();
        m.insert("code".into(), json!(t.code));
        m.insert("name".into(), json!(t.name));
        m.insert("county".into(), json!(self.counties[t.county].code));
        m.insert("population".into(), json!(t.population));
        m.insert("villages".into(), json!(t.villages.len()));
        m.insert("synthetic".into(), json!(true));
        m.insert("示意".into(), json!(true));
        m
    }
}

/// (code, name) of a village.
type VillageIn = (String, String);
/// (code, name, villages) of a township.
type TownIn = (String, String, Vec<VillageIn>);

struct CountyIn {
    code: String,
    name: String,
    province: String,
    towns: Vec<TownIn>,
}

fn read_csv(
    path: &Path,
    reader: Box<dyn std::io::Read>,
    cols: &[&str],
) -> Result<Vec<Vec<String>>> {
    let mut rdr = csv::Reader::from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| GeoError::malformed(path, None, e.to_string()))?
        .clone();
    let idx: Vec<usize> = cols
        .iter()
        .map(|c| {
            headers
                .iter()
                .position(|h| h == *c)
                .ok_or_else(|| GeoError::MissingField {
                    path: path.to_path_buf(),
                    field: c.to_string(),
                })
        })
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    for (i, r) in rdr.records().enumerate() {
        let r = r.map_err(|e| GeoError::malformed(path, Some(i), e.to_string()))?;
        out.push(
            idx.iter()
                .map(|&k| r.get(k).unwrap_or("").to_string())
                .collect(),
        );
    }
    Ok(out)
}

fn open(path: &Path) -> Result<Box<dyn std::io::Read>> {
    let f = std::fs::File::open(path).map_err(|e| GeoError::io(path, e))?;
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::read::GzDecoder::new(
            std::io::BufReader::new(f),
        )))
    } else {
        Ok(Box::new(std::io::BufReader::new(f)))
    }
}

fn load(nbs_dir: &Path) -> Result<Vec<CountyIn>> {
    let ap = nbs_dir.join("areas.csv");
    let sp = nbs_dir.join("streets.csv");
    let vp = nbs_dir.join("villages.csv.gz");
    let areas = read_csv(&ap, open(&ap)?, &["code", "name", "provinceCode"])?;
    let streets = read_csv(&sp, open(&sp)?, &["code", "name", "areaCode"])?;
    let villages = read_csv(&vp, open(&vp)?, &["code", "name", "streetCode"])?;
    let mut by_street: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for v in villages {
        let mut it = v.into_iter();
        let (c, n, s) = (
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
        );
        by_street.entry(s).or_default().push((c, n));
    }
    let mut by_area: HashMap<String, Vec<TownIn>> = HashMap::new();
    for s in streets {
        let mut it = s.into_iter();
        let (c, n, a) = (
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
        );
        let mut vs = by_street.remove(&c).unwrap_or_default();
        vs.sort();
        by_area.entry(a).or_default().push((c, n, vs));
    }
    let mut out: Vec<CountyIn> = areas
        .into_iter()
        .filter_map(|a| {
            let mut it = a.into_iter();
            let (code, name, province) = (it.next()?, it.next()?, it.next()?);
            let mut towns = by_area.remove(&code)?;
            towns.sort();
            Some(CountyIn {
                code,
                name,
                province,
                towns,
            })
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}

fn township_area_weight(code: &str) -> f64 {
    match code
        .get(6..9)
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(100)
    {
        0..=99 => 0.12,
        100..=199 => 1.0,
        200..=399 => 1.4,
        _ => 1.0,
    }
}

fn township_pop_weight(code: &str) -> f64 {
    match code
        .get(6..9)
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(100)
    {
        0..=99 => 1.6,
        100..=199 => 1.2,
        200..=399 => 0.45,
        _ => 0.5,
    }
}

fn province_area_factor(p: &str) -> f64 {
    match p {
        "54" => 8.0,
        "63" => 6.0,
        "65" => 5.0,
        "15" => 3.0,
        "62" | "23" => 1.6,
        _ => 1.0,
    }
}

/// Builds the synthetic national set from `nbs_dir` (areas.csv, streets.csv,
/// villages.csv.gz). Reproducible from `seed`; counties in parallel.
pub fn national(nbs_dir: &Path, seed: u64) -> Result<SynthNational> {
    let counties = load(nbs_dir)?;
    // Area model: type weight × province factor × county lognormal, then
    // normalised to the national mean township area.
    let raw_area: Vec<f64> = counties
        .iter()
        .map(|c| {
            let mut r = SplitMix64::new(hash(seed, &[c.code.parse::<i64>().unwrap_or(0), 1]));
            let f = (0.4 * r.normal()).exp() * province_area_factor(&c.province);
            c.towns
                .iter()
                .map(|t| township_area_weight(&t.0))
                .sum::<f64>()
                * f
        })
        .collect();
    let n_towns: usize = counties.iter().map(|c| c.towns.len()).sum();
    let scale = MEAN_TOWNSHIP_AREA_KM2 * n_towns as f64 / raw_area.iter().sum::<f64>();
    // Plans in parallel.
    let plans: Vec<Plan> = counties
        .par_iter()
        .zip(&raw_area)
        .map(|(c, a)| {
            let sizes: Vec<usize> = c.towns.iter().map(|t| t.2.len().max(1)).collect();
            plan(
                &sizes,
                a * scale * 1e6,
                hash(seed, &[c.code.parse::<i64>().unwrap_or(0), 2]),
            )
        })
        .collect::<Result<_>>()?;
    // Shelf layout in lon/lat: rows from 54°N southwards between 73°E and 135°E.
    let (lon_min, lon_max) = (73.0, 135.0);
    let ell = Ellipsoid::CGCS2000;
    let deg = 180.0 / std::f64::consts::PI;
    let mut centers = Vec::with_capacity(plans.len());
    let (mut top, mut x, mut row_h) = (54.0f64, lon_min, 0.0f64);
    for p in &plans {
        let (ex, ey) = p.extent();
        let half_h = ey / ell.meridional_radius(0.0) * deg * 1.03 + 0.01;
        let width_at = |lat: f64| {
            2.0 * ex / (ell.prime_vertical_radius(lat.to_radians()) * lat.to_radians().cos())
                * deg
                * 1.03
                + 0.02
        };
        let mut w = width_at(top);
        if x + w > lon_max {
            top -= row_h + 0.02;
            x = lon_min;
            row_h = 0.0;
            w = width_at(top);
        }
        row_h = row_h.max(2.0 * half_h);
        centers.push((x + w / 2.0, top - half_h));
        x += w;
    }
    // Realise geometry per county in parallel.
    struct Out {
        vill: Vec<(usize, MultiPolygon<f64>)>,
        towns: Vec<(MultiPolygon<f64>, Point<f64>)>,
    }
    let outs: Vec<Out> = plans
        .par_iter()
        .zip(&centers)
        .map(|(p, &c)| {
            let proj = TransverseMercator::new(ell, c.0, c.1, 1.0, 0.0, 0.0, 1.0);
            let order = p.village_order();
            let vill: Vec<(usize, MultiPolygon<f64>)> = order
                .iter()
                .map(|&i| (p.township[i], p.cell_polygon(p.cells.cells[i], &proj)))
                .collect();
            let geoms: Vec<MultiPolygon<f64>> = vill.iter().map(|v| v.1.clone()).collect();
            let groups: Vec<usize> = vill.iter().map(|v| v.0).collect();
            let tg = dissolve_tiling(&geoms, &groups, p.seat.len()).unwrap_or_default();
            let towns = tg
                .into_iter()
                .zip(&p.seat)
                .map(|(g, &s)| (g, p.cell_center(p.cells.cells[s], &proj)))
                .collect();
            Out { vill, towns }
        })
        .collect();
    // Assemble with populations.
    let mut res = SynthNational {
        counties: Vec::new(),
        townships: Vec::new(),
        villages: Vec::new(),
        filler_cells: 0,
    };
    let pop_raw: Vec<Vec<f64>> = counties
        .iter()
        .map(|c| {
            let mut r = SplitMix64::new(hash(seed, &[c.code.parse::<i64>().unwrap_or(0), 3]));
            c.towns
                .iter()
                .map(|t| township_pop_weight(&t.0) * (0.45 * r.normal()).exp())
                .collect()
        })
        .collect();
    let pop_scale =
        MEAN_TOWNSHIP_POPULATION * n_towns as f64 / pop_raw.iter().flatten().sum::<f64>();
    for (ci, ((c, out), &center)) in counties.into_iter().zip(outs).zip(&centers).enumerate() {
        let t0 = res.townships.len();
        let mut r = SplitMix64::new(hash(seed, &[c.code.parse::<i64>().unwrap_or(0), 4]));
        let mut cells = out.vill.into_iter().peekable();
        for (ti, ((tcode, tname, vs), (tgeom, seat))) in
            c.towns.into_iter().zip(out.towns).enumerate()
        {
            let tpop = (pop_raw[ci][ti] * pop_scale).round();
            let v0 = res.villages.len();
            let mut geoms = Vec::new();
            while let Some((t, _)) = cells.peek() {
                if *t != ti {
                    break;
                }
                if let Some((_, g)) = cells.next() {
                    geoms.push(g);
                }
            }
            // Split the township population among villages (lognormal weights, largest remainder).
            let w: Vec<f64> = (0..geoms.len()).map(|_| (0.6 * r.normal()).exp()).collect();
            let ws: f64 = w.iter().sum();
            let shares: Vec<f64> = w.iter().map(|x| tpop * x / ws).collect();
            let mut pops: Vec<u64> = shares.iter().map(|s| s.floor() as u64).collect();
            let mut rest = tpop as u64 - pops.iter().sum::<u64>();
            let mut idx: Vec<usize> = (0..pops.len()).collect();
            idx.sort_by(|&a, &b| {
                (shares[b] - shares[b].floor())
                    .total_cmp(&(shares[a] - shares[a].floor()))
                    .then(a.cmp(&b))
            });
            for &i in idx.iter().cycle().take(pops.len() * 2) {
                if rest == 0 {
                    break;
                }
                pops[i] += 1;
                rest -= 1;
            }
            let tidx = res.townships.len();
            let mut names = vs.into_iter();
            for (g, p) in geoms.into_iter().zip(pops) {
                let (code, name) = names.next().unwrap_or_else(|| {
                    res.filler_cells += 1;
                    (String::new(), String::new())
                });
                res.villages.push(SynthVillage {
                    code,
                    name,
                    township: tidx,
                    geometry: g,
                    population: p,
                });
            }
            let v1 = res.villages.len();
            res.townships.push(SynthTownship {
                code: tcode,
                name: tname,
                county: ci,
                geometry: tgeom,
                seat,
                population: tpop as u64,
                villages: v0..v1,
            });
        }
        let t1 = res.townships.len();
        res.counties.push(SynthNationalCounty {
            code: c.code,
            name: c.name,
            townships: t0..t1,
            center,
        });
    }
    Ok(res)
}
