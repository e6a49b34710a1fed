//! ESRI Shapefile polygons (.shp + .dbf, optional .shx/.prj/.cpg): a reader
//! that never panics on broken input and a writer (UTF-8 .dbf, .cpg, .prj).

use super::dbf::{parse_dbf, write_dbf};
use super::dbf_encoding::EncodingSource;
use super::rings::assemble_rings;
use crate::error::{GeoError, Result};
use crate::layer::{Feature, Layer, Warning, WarningKind};
use crate::proj::{Crs, parse_prj};
use geo::{BoundingRect, MapCoords};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// WKT written to .prj files: geographic CGCS2000 (EPSG:4490).
pub const CGCS2000_PRJ: &str = r#"GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]"#;

fn sibling(path: &Path, ext: &str) -> Option<PathBuf> {
    // Accept both lower- and upper-case extensions.
    for e in [ext.to_string(), ext.to_ascii_uppercase()] {
        let p = path.with_extension(&e);
        if p.exists() {
            return Some(p);
        }
    }
    None
}

/// Reads a polygon shapefile given the path of its .shp (or of any companion).
pub fn read_shapefile(path: &Path) -> Result<Layer> {
    let shp_path = sibling(path, "shp").ok_or_else(|| GeoError::MissingFile {
        path: path.with_extension("shp"),
    })?;
    let dbf_path = sibling(path, "dbf").ok_or_else(|| GeoError::MissingFile {
        path: path.with_extension("dbf"),
    })?;
    let shp = std::fs::read(&shp_path).map_err(|e| GeoError::io(&shp_path, e))?;
    let dbf = std::fs::read(&dbf_path).map_err(|e| GeoError::io(&dbf_path, e))?;
    let cpg = match sibling(path, "cpg") {
        Some(p) => Some(std::fs::read(&p).map_err(|e| GeoError::io(&p, e))?),
        None => None,
    };
    let prj = match sibling(path, "prj") {
        Some(p) => Some((std::fs::read(&p).map_err(|e| GeoError::io(&p, e))?, p)),
        None => None,
    };
    let mut layer = read_shapefile_bytes(
        &shp,
        &dbf,
        cpg.as_deref(),
        prj.as_ref().map(|(b, p)| (b.as_slice(), p.as_path())),
        &shp_path,
    )?;
    if sibling(path, "shx").is_none() {
        layer.warnings.push(missing_shx_warning(&shp_path));
    }
    Ok(layer)
}

/// The warning for a shapefile read without its .shx index (from a folder or an archive).
pub(crate) fn missing_shx_warning(shp_path: &Path) -> Warning {
    Warning::new(
        WarningKind::MissingCompanion,
        None,
        format!(
            "缺少 .shx 索引文件，已按顺序读取 {} / no .shx index; read {} sequentially",
            shp_path.display(),
            shp_path.display()
        ),
    )
}

fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
fn le_i32(b: &[u8], at: usize) -> i32 {
    i32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
fn le_f64(b: &[u8], at: usize) -> f64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    f64::from_le_bytes(a)
}

/// Raw rings of one record in file coordinates (None for a null shape).
type RawShape = Option<Vec<Vec<Coord<f64>>>>;

fn parse_shp(shp: &[u8], path: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<RawShape>> {
    let bad = |rec: Option<usize>, m: String| GeoError::malformed(path, rec, m);
    if shp.len() < 100 {
        return Err(bad(
            None,
            format!(
                "文件头不完整（{} 字节） / header truncated ({} bytes)",
                shp.len(),
                shp.len()
            ),
        ));
    }
    if be_i32(shp, 0) != 9994 {
        return Err(bad(
            None,
            "不是 Shapefile（文件标识不是 9994） / not a shapefile (file code is not 9994)".into(),
        ));
    }
    let shape_type = le_i32(shp, 32);
    if !matches!(shape_type, 0 | 5 | 15 | 25) {
        return Err(bad(
            None,
            format!(
                "只支持面要素，文件类型为 {shape_type} / only polygon shapefiles are supported; shape type is {shape_type}"
            ),
        ));
    }
    let mut out = Vec::new();
    let mut at = 100usize;
    while at < shp.len() {
        let rec = out.len();
        if shp.len() - at < 8 {
            return Err(bad(
                Some(rec),
                "记录头被截断 / record header truncated".into(),
            ));
        }
        let content_len = be_i32(shp, at + 4);
        if content_len < 0 {
            return Err(bad(
                Some(rec),
                format!("记录长度为负 / negative record length {content_len}"),
            ));
        }
        let len = content_len as usize * 2;
        let start = at + 8;
        if shp.len() - start < len {
            return Err(bad(
                Some(rec),
                format!(
                    "记录被截断：需要 {len} 字节，只剩 {} / record truncated: needs {len} bytes, {} left",
                    shp.len() - start,
                    shp.len() - start
                ),
            ));
        }
        let c = &shp[start..start + len];
        at = start + len;
        if len < 4 {
            return Err(bad(Some(rec), "记录内容为空 / empty record content".into()));
        }
        let st = le_i32(c, 0);
        match st {
            0 => {
                out.push(None);
                continue;
            }
            5 | 15 | 25 => {}
            other => {
                warnings.push(Warning::new(WarningKind::NotPolygon, Some(rec), format!("几何类型 {other} 不是面，已置空 / shape type {other} is not a polygon; left empty")));
                out.push(Some(Vec::new()));
                continue;
            }
        }
        if len < 44 {
            return Err(bad(
                Some(rec),
                "面记录过短 / polygon record too short".into(),
            ));
        }
        let nparts = le_i32(c, 36);
        let npoints = le_i32(c, 40);
        if nparts < 0 || npoints < 0 {
            return Err(bad(
                Some(rec),
                format!("环数或点数为负 / negative part or point count ({nparts}, {npoints})"),
            ));
        }
        let (nparts, npoints) = (nparts as usize, npoints as usize);
        let need = 44usize
            .saturating_add(nparts.saturating_mul(4))
            .saturating_add(npoints.saturating_mul(16));
        if need > len {
            return Err(bad(
                Some(rec),
                format!("点数 {npoints} 超出记录长度 / {npoints} points do not fit in the record"),
            ));
        }
        let mut parts: Vec<usize> = (0..nparts)
            .map(|i| le_i32(c, 44 + 4 * i).max(0) as usize)
            .collect();
        parts.push(npoints);
        let pts_at = 44 + 4 * nparts;
        let mut rings = Vec::with_capacity(nparts);
        for w in parts.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s > e || e > npoints {
                return Err(bad(
                    Some(rec),
                    format!("环的起点索引无效 / invalid part index {s}..{e}"),
                ));
            }
            let ring: Vec<Coord<f64>> = (s..e)
                .map(|i| Coord {
                    x: le_f64(c, pts_at + 16 * i),
                    y: le_f64(c, pts_at + 16 * i + 8),
                })
                .collect();
            if ring.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
                return Err(bad(
                    Some(rec),
                    "坐标不是有限数 / non-finite coordinate".into(),
                ));
            }
            rings.push(ring);
        }
        out.push(Some(rings));
    }
    Ok(out)
}

/// Reads a shapefile from bytes. `prj` is the .prj content with its path;
/// `shp_path` names the file in messages.
pub fn read_shapefile_bytes(
    shp: &[u8],
    dbf: &[u8],
    cpg: Option<&[u8]>,
    prj: Option<(&[u8], &Path)>,
    shp_path: &Path,
) -> Result<Layer> {
    let mut warnings = Vec::new();
    let shapes = parse_shp(shp, shp_path, &mut warnings)?;
    let dbf_path = shp_path.with_extension("dbf");
    let cpg_text = cpg.map(|b| String::from_utf8_lossy(b).into_owned());
    let table = parse_dbf(dbf, cpg_text.as_deref(), &dbf_path)?;
    let enc_name = table.encoding.name();
    match table.encoding.source {
        EncodingSource::Cpg => {}
        EncodingSource::CpgMismatch => warnings.push(Warning::new(
            WarningKind::EncodingMismatch,
            None,
            format!("{} 声明的编码“{}”与内容不符，改用 {enc_name} / the .cpg declares \"{}\" but the text does not decode with it; used {enc_name}", dbf_path.display(), cpg_text.as_deref().unwrap_or("").trim(), cpg_text.as_deref().unwrap_or("").trim()),
        )),
        _ if !table.encoding.ascii => warnings.push(Warning::new(
            WarningKind::EncodingDetected,
            None,
            format!("{} 没有 .cpg，检测为 {enc_name} / no .cpg for {}; detected {enc_name}", dbf_path.display(), dbf_path.display()),
        )),
        _ => {}
    }
    if table.records.len() != shapes.len() {
        return Err(GeoError::malformed(
            &dbf_path,
            None,
            format!(
                "属性记录数 {} 与几何记录数 {} 不一致 / {} attribute records but {} shapes",
                table.records.len(),
                shapes.len(),
                table.records.len(),
                shapes.len()
            ),
        ));
    }
    let crs = match prj {
        Some((bytes, p)) => Some(parse_prj(&String::from_utf8_lossy(bytes), p)?),
        None => None,
    };
    let mut source_crs = crs.as_ref().map(|c| format!("{c:?}"));
    if let Some(c) = &crs
        && c.needs_datum_shift()
    {
        warnings.push(Warning::new(WarningKind::DatumNotShifted, None, format!("基准“{}”未做转换（与 CGCS2000 相差可达百米） / datum \"{}\" not shifted to CGCS2000 (may differ by up to ~100 m)", c.datum(), c.datum())));
    }
    let mut features = Vec::with_capacity(shapes.len());
    for (i, (shape, props)) in shapes.into_iter().zip(table.records).enumerate() {
        let geometry = match shape {
            None => {
                warnings.push(Warning::new(
                    WarningKind::NullGeometry,
                    Some(i),
                    "几何为空 / null geometry",
                ));
                MultiPolygon(vec![])
            }
            Some(rings) => assemble_rings(rings, i, &mut warnings),
        };
        features.push(Feature {
            index: i,
            id: None,
            properties: props,
            geometry,
        });
    }
    // Coordinates → lon/lat.
    match &crs {
        Some(Crs::Projected { proj, .. }) => {
            for f in &mut features {
                f.geometry = f.geometry.map_coords(|c| {
                    let (x, y) = proj.inverse(c.x, c.y);
                    Coord { x, y }
                });
            }
        }
        Some(Crs::Geographic { .. }) => {}
        None => {
            let all = MultiPolygon(
                features
                    .iter()
                    .flat_map(|f| f.geometry.0.iter().cloned())
                    .collect(),
            );
            if let Some(r) = all.bounding_rect()
                && (r.min().x < -180.0
                    || r.max().x > 360.0
                    || r.min().y < -90.0
                    || r.max().y > 90.0)
            {
                return Err(GeoError::UnsupportedProjection {
                    path: shp_path.to_path_buf(),
                    projection: "未知（缺少 .prj 且坐标超出经纬度范围） / unknown (no .prj and coordinates are not lon/lat)".into(),
                });
            }
            source_crs = Some("assumed lon/lat".into());
            warnings.push(Warning::new(WarningKind::AssumedLonLat, None, format!("{} 缺少 .prj，坐标在经纬度范围内，按经纬度读取 / no .prj; coordinates are within lon/lat ranges and were read as lon/lat", shp_path.display())));
        }
    }
    let name = shp_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::finish::finish_layer(
        Layer {
            name,
            features,
            warnings,
            encoding: Some(enc_name.to_string()),
            source_crs,
        },
        shp_path,
    )
}

fn ring_coords_cw(ls: &LineString<f64>, clockwise: bool) -> Vec<Coord<f64>> {
    let mut v: Vec<Coord<f64>> = ls.0.clone();
    if v.first() != v.last()
        && let Some(f) = v.first().copied()
    {
        v.push(f);
    }
    let area2: f64 = v
        .windows(2)
        .map(|w| w[0].x * w[1].y - w[1].x * w[0].y)
        .sum();
    let is_cw = area2 < 0.0;
    if is_cw != clockwise {
        v.reverse();
    }
    v
}

/// Writes polygons and properties as a shapefile (`path` with any extension;
/// .shp/.shx/.dbf/.prj/.cpg are written next to each other). Coordinates are
/// written as given (lon/lat, CGCS2000 .prj) .
pub fn write_shapefile(
    path: &Path,
    features: &[(&MultiPolygon<f64>, &Map<String, Value>)],
) -> Result<()> {
    let mut shp: Vec<u8> = vec![0; 100];
    let mut shx: Vec<u8> = vec![0; 100];
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for (i, (mp, _)) in features.iter().enumerate() {
        let offset_words = shp.len() / 2;
        let mut rings: Vec<Vec<Coord<f64>>> = Vec::new();
        for p in &mp.0 {
            if p.exterior().0.len() < 3 {
                continue;
            }
            rings.push(ring_coords_cw(p.exterior(), true));
            for h in p.interiors() {
                if h.0.len() >= 3 {
                    rings.push(ring_coords_cw(h, false));
                }
            }
        }
        let mut content: Vec<u8> = Vec::new();
        if rings.is_empty() {
            content.extend_from_slice(&0i32.to_le_bytes());
        } else {
            let npts: usize = rings.iter().map(|r| r.len()).sum();
            let mut rb = [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ];
            for c in rings.iter().flatten() {
                rb = [
                    rb[0].min(c.x),
                    rb[1].min(c.y),
                    rb[2].max(c.x),
                    rb[3].max(c.y),
                ];
            }
            for k in 0..2 {
                bbox[k] = bbox[k].min(rb[k]);
                bbox[k + 2] = bbox[k + 2].max(rb[k + 2]);
            }
            content.extend_from_slice(&5i32.to_le_bytes());
            for v in rb {
                content.extend_from_slice(&v.to_le_bytes());
            }
            content.extend_from_slice(&(rings.len() as i32).to_le_bytes());
            content.extend_from_slice(&(npts as i32).to_le_bytes());
            let mut start = 0i32;
            for r in &rings {
                content.extend_from_slice(&start.to_le_bytes());
                start += r.len() as i32;
            }
            for c in rings.iter().flatten() {
                content.extend_from_slice(&c.x.to_le_bytes());
                content.extend_from_slice(&c.y.to_le_bytes());
            }
        }
        shp.extend_from_slice(&((i + 1) as i32).to_be_bytes());
        shp.extend_from_slice(&((content.len() / 2) as i32).to_be_bytes());
        shp.extend_from_slice(&content);
        shx.extend_from_slice(&(offset_words as i32).to_be_bytes());
        shx.extend_from_slice(&((content.len() / 2) as i32).to_be_bytes());
    }
    if !bbox[0].is_finite() {
        bbox = [0.0; 4];
    }
    for (buf, len) in [(&mut shp, 0usize), (&mut shx, 0usize)] {
        let total = buf.len() + len;
        buf[0..4].copy_from_slice(&9994i32.to_be_bytes());
        buf[24..28].copy_from_slice(&((total / 2) as i32).to_be_bytes());
        buf[28..32].copy_from_slice(&1000i32.to_le_bytes());
        buf[32..36].copy_from_slice(&5i32.to_le_bytes());
        for (k, v) in bbox.iter().enumerate() {
            buf[36 + 8 * k..44 + 8 * k].copy_from_slice(&v.to_le_bytes());
        }
    }
    let props: Vec<&Map<String, Value>> = features.iter().map(|(_, p)| *p).collect();
    let dbf = write_dbf(&props);
    let write = |ext: &str, bytes: &[u8]| -> Result<()> {
        let p = path.with_extension(ext);
        std::fs::write(&p, bytes).map_err(|e| GeoError::io(&p, e))
    };
    write("shp", &shp)?;
    write("shx", &shx)?;
    write("dbf", &dbf)?;
    write("prj", CGCS2000_PRJ.as_bytes())?;
    write("cpg", b"UTF-8")?;
    Ok(())
}

/// Polygon from exterior and holes (helper for tests and callers).
pub fn polygon(ext: Vec<(f64, f64)>, holes: Vec<Vec<(f64, f64)>>) -> Polygon<f64> {
    Polygon::new(
        LineString::from(ext),
        holes.into_iter().map(LineString::from).collect(),
    )
}
