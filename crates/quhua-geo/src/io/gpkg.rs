//! GeoPackage (OGC 12-128r18) polygon layers: the feature table's attributes and its
//! geometry blobs (GeoPackage binary header + WKB), reprojected to lon/lat through the
//! layer's spatial reference system (its WKT definition, as for a .prj).

use crate::error::{GeoError, Result};
use crate::layer::{Feature, Layer, Warning, WarningKind};
use crate::proj::{Crs, parse_prj};
use geo::MapCoords;
use geo_types::{Coord, LineString, MultiPolygon, Polygon};
use rusqlite::{Connection, OpenFlags, types::ValueRef};
use serde_json::{Map, Value};
use std::path::Path;

/// Reads the polygon features of `table` (default: the first feature table listed in
/// `gpkg_contents`).
pub fn read_gpkg(path: &Path, table: Option<&str>) -> Result<Layer> {
    if !path.is_file() {
        return Err(GeoError::malformed(
            path,
            None,
            "文件不存在 / file not found",
        ));
    }
    let bad = |m: String| GeoError::malformed(path, None, m);
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            bad(format!(
                "不是可读的 GeoPackage：{e} / not a readable GeoPackage: {e}"
            ))
        })?;
    let sql = |e: rusqlite::Error| {
        bad(format!(
            "GeoPackage 结构有误：{e} / malformed GeoPackage: {e}"
        ))
    };
    let (table, column, srs_id): (String, String, i64) = conn
        .query_row(
            "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c \
             JOIN gpkg_geometry_columns g ON g.table_name = c.table_name \
             WHERE c.data_type = 'features' AND (?1 IS NULL OR c.table_name = ?1) ORDER BY c.table_name LIMIT 1",
            [table],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => bad("没有要素表 / no feature table".into()),
            e => sql(e),
        })?;
    let definition: Option<String> = conn
        .query_row(
            "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
            [srs_id],
            |r| r.get(0),
        )
        .ok();
    let crs = match definition
        .as_deref()
        .filter(|d| !d.trim().is_empty() && d.trim() != "undefined")
    {
        Some(wkt) => Some(parse_prj(wkt, path)?),
        None => None,
    };
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {}", quoted(&table)))
        .map_err(sql)?;
    // rusqlite's `column_name(s)` panic on a name that is not UTF-8 (a corrupted file):
    // read the names as values from the table's schema instead (same order as `*`).
    let names: Vec<String> = {
        let mut info = conn
            .prepare(&format!("PRAGMA table_info({})", quoted(&table)))
            .map_err(sql)?;
        let raw: Vec<Option<String>> = info
            .query_map([], |r| {
                Ok(match r.get_ref(1)? {
                    ValueRef::Text(t) => String::from_utf8(t.to_vec()).ok(),
                    _ => None,
                })
            })
            .map_err(sql)?
            .collect::<std::result::Result<_, _>>()
            .map_err(sql)?;
        raw.into_iter()
            .map(|n| {
                n.ok_or_else(|| {
                    bad("列名不是 UTF-8 文字 / a column name is not UTF-8 text".to_string())
                })
            })
            .collect::<Result<_>>()?
    };
    if names.len() != stmt.column_count() {
        return Err(bad(format!(
            "表 {table} 的列定义不一致 / table {table} has inconsistent column definitions"
        )));
    }
    let geom_col = names.iter().position(|n| *n == column).ok_or_else(|| {
        bad(format!(
            "表 {table} 没有几何列 {column} / table {table} has no geometry column {column}"
        ))
    })?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut features = Vec::new();
    let mut warnings = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        let index = features.len();
        let mut properties = Map::new();
        let mut geometry = MultiPolygon(Vec::new());
        for (i, name) in names.iter().enumerate() {
            let v = row.get_ref(i).map_err(sql)?;
            if i == geom_col {
                match v {
                    ValueRef::Blob(b) => match parse_blob(b) {
                        Ok(Some(g)) => geometry = g,
                        Ok(None) => warnings.push(Warning::new(WarningKind::NotPolygon, Some(index), format!("第 {} 个要素不是面，已置空 / feature {} is not a polygon; left empty", index + 1, index + 1))),
                        Err(m) => return Err(GeoError::malformed(path, Some(index), m)),
                    },
                    ValueRef::Null => warnings.push(Warning::new(WarningKind::NullGeometry, Some(index), format!("第 {} 个要素没有几何 / feature {} has no geometry", index + 1, index + 1))),
                    _ => return Err(GeoError::malformed(path, Some(index), "几何列不是二进制 / the geometry column is not a blob")),
                }
                continue;
            }
            let value = match v {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::from(i),
                ValueRef::Real(f) => serde_json::Number::from_f64(f)
                    .map(Value::Number)
                    .unwrap_or(Value::Null),
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(_) => continue,
            };
            properties.insert(name.clone(), value);
        }
        features.push(Feature {
            index,
            id: None,
            properties,
            geometry,
        });
    }
    if let Some(Crs::Projected { proj, .. }) = &crs {
        for f in &mut features {
            f.geometry = f.geometry.map_coords(|c| {
                let (x, y) = proj.inverse(c.x, c.y);
                Coord { x, y }
            });
        }
    }
    if crs.is_none() {
        warnings.push(Warning::new(WarningKind::AssumedLonLat, None, format!("{} 的坐标系未定义（srs_id {srs_id}），按经纬度读取 / undefined coordinate system (srs_id {srs_id}); read as lon/lat", path.display())));
    }
    super::finish::finish_layer(
        Layer {
            name: table,
            features,
            warnings,
            encoding: Some("UTF-8".into()),
            source_crs: crs
                .as_ref()
                .map(|c| format!("{c:?}").chars().take(120).collect()),
        },
        path,
    )
}

/// A GeoPackage geometry blob → polygons; `Ok(None)` for a non-polygonal geometry.
fn parse_blob(b: &[u8]) -> std::result::Result<Option<MultiPolygon<f64>>, String> {
    if b.len() < 8 || &b[0..2] != b"GP" {
        return Err("几何不是 GeoPackage 二进制（缺少 GP 标记） / geometry is not GeoPackage binary (no GP magic)".into());
    }
    let flags = b[3];
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        e => return Err(format!("未知的包络类型 {e} / unknown envelope type {e}")),
    };
    if flags & 0b1_0000 != 0 {
        return Ok(Some(MultiPolygon(Vec::new())));
    }
    let mut r = Wkb {
        b,
        at: 8 + envelope,
    };
    r.geometry()
}

/// A cursor over WKB bytes.
struct Wkb<'a> {
    b: &'a [u8],
    at: usize,
}

impl Wkb<'_> {
    fn take(&mut self, n: usize) -> std::result::Result<&[u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or("WKB 数据截断 / truncated WKB")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self, le: bool) -> std::result::Result<u32, String> {
        let s: [u8; 4] = self
            .take(4)?
            .try_into()
            .map_err(|_| "WKB 数据截断 / truncated WKB")?;
        Ok(if le {
            u32::from_le_bytes(s)
        } else {
            u32::from_be_bytes(s)
        })
    }

    fn f64(&mut self, le: bool) -> std::result::Result<f64, String> {
        let s: [u8; 8] = self
            .take(8)?
            .try_into()
            .map_err(|_| "WKB 数据截断 / truncated WKB")?;
        Ok(if le {
            f64::from_le_bytes(s)
        } else {
            f64::from_be_bytes(s)
        })
    }

    /// Byte order, base type (1–7) and coordinate dimension.
    fn header(&mut self) -> std::result::Result<(bool, u32, usize), String> {
        let le = match self.take(1)?[0] {
            0 => false,
            1 => true,
            o => {
                return Err(format!(
                    "WKB 字节序标记无效：{o} / invalid WKB byte order {o}"
                ));
            }
        };
        let t = self.u32(le)?;
        let (base, dims) = match t {
            1..=7 => (t, 2),
            1001..=1007 | 2001..=2007 => (t % 1000, 3),
            3001..=3007 => (t % 1000, 4),
            _ => {
                return Err(format!(
                    "不支持的 WKB 几何类型 {t} / unsupported WKB geometry type {t}"
                ));
            }
        };
        Ok((le, base, dims))
    }

    fn polygon(&mut self, le: bool, dims: usize) -> std::result::Result<Polygon<f64>, String> {
        let n = self.u32(le)? as usize;
        let mut rings = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            let m = self.u32(le)? as usize;
            if m.saturating_mul(dims * 8) > self.b.len() {
                return Err("WKB 点数超出数据长度 / WKB point count exceeds the data".into());
            }
            let mut pts = Vec::with_capacity(m);
            for _ in 0..m {
                let x = self.f64(le)?;
                let y = self.f64(le)?;
                for _ in 2..dims {
                    self.f64(le)?;
                }
                pts.push(Coord { x, y });
            }
            rings.push(LineString(pts));
        }
        let mut it = rings.into_iter();
        Ok(match it.next() {
            Some(ext) => Polygon::new(ext, it.collect()),
            None => Polygon::new(LineString(Vec::new()), Vec::new()),
        })
    }

    fn geometry(&mut self) -> std::result::Result<Option<MultiPolygon<f64>>, String> {
        let (le, base, dims) = self.header()?;
        match base {
            3 => Ok(Some(MultiPolygon(vec![self.polygon(le, dims)?]))),
            6 => {
                let n = self.u32(le)? as usize;
                let mut polys = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    let (ple, pbase, pdims) = self.header()?;
                    if pbase != 3 {
                        return Err(
                            "多面中含有非面几何 / a MultiPolygon holds a non-polygon".into()
                        );
                    }
                    polys.push(self.polygon(ple, pdims)?);
                }
                Ok(Some(MultiPolygon(polys)))
            }
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WKB of a polygon (little endian, 2D).
    fn wkb_polygon(ring: &[(f64, f64)]) -> Vec<u8> {
        let mut b = vec![1u8];
        b.extend(3u32.to_le_bytes());
        b.extend(1u32.to_le_bytes());
        b.extend((ring.len() as u32).to_le_bytes());
        for (x, y) in ring {
            b.extend(x.to_le_bytes());
            b.extend(y.to_le_bytes());
        }
        b
    }

    fn gp(srs: i32, wkb: &[u8]) -> Vec<u8> {
        let mut b = b"GP".to_vec();
        b.push(0);
        b.push(0b0000_0001); // little endian, no envelope
        b.extend(srs.to_le_bytes());
        b.extend_from_slice(wkb);
        b
    }

    fn make(path: &Path, blobs: &[Vec<u8>], srs_wkt: &str) {
        let c = Connection::open(path).unwrap();
        c.execute_batch(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
             CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
             CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
             INSERT INTO gpkg_contents VALUES ('villages', 'features', 'villages', '', '', 0, 0, 0, 0, 4490);
             INSERT INTO gpkg_geometry_columns VALUES ('villages', 'geom', 'POLYGON', 4490, 0, 0);
             CREATE TABLE villages (fid INTEGER PRIMARY KEY, code TEXT, name TEXT, pop INTEGER, geom BLOB);",
        )
        .unwrap();
        c.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000', 4490, 'EPSG', 4490, ?1, '')",
            [srs_wkt],
        )
        .unwrap();
        for (i, b) in blobs.iter().enumerate() {
            c.execute(
                "INSERT INTO villages (code, name, pop, geom) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![
                    format!("1306341002{i:02}"),
                    format!("村{i}"),
                    1000 + i as i64,
                    b
                ],
            )
            .unwrap();
        }
    }

    const CGCS2000: &str = r#"GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]"#;

    #[test]
    fn reads_polygons_and_attributes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("v.gpkg");
        let a = gp(
            4490,
            &wkb_polygon(&[
                (114.0, 38.0),
                (114.1, 38.0),
                (114.1, 38.1),
                (114.0, 38.1),
                (114.0, 38.0),
            ]),
        );
        let b = gp(
            4490,
            &wkb_polygon(&[
                (114.1, 38.0),
                (114.2, 38.0),
                (114.2, 38.1),
                (114.1, 38.1),
                (114.1, 38.0),
            ]),
        );
        make(&p, &[a, b], CGCS2000);
        let layer = crate::io::read_layer(&p).unwrap();
        assert_eq!(layer.features.len(), 2);
        assert_eq!(layer.features[1].properties["name"], "村1");
        assert_eq!(layer.features[0].properties["pop"], 1000);
        let geoms = layer.to_geometries();
        let adj = crate::adjacency(&geoms, &crate::AdjacencyOptions::exact());
        assert_eq!(adj.rook.edge_count(), 1);
        // Against the closed-form area of an ellipsoidal zone (independent of the polygon code).
        let area = crate::area_km2(&geoms[0]);
        let zone = crate::area::ellipsoidal_zone_area_km2(
            38.0,
            38.1,
            0.1,
            6_378_137.0,
            1.0 / 298.257_222_101,
        );
        assert!((area - zone).abs() / zone < 1e-6, "{area} vs {zone}");
    }

    #[test]
    fn broken_blob_names_the_feature() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("v.gpkg");
        let good = gp(
            4490,
            &wkb_polygon(&[(114.0, 38.0), (114.1, 38.0), (114.1, 38.1), (114.0, 38.0)]),
        );
        let mut cut = good.clone();
        cut.truncate(good.len() - 5);
        make(&p, &[good, cut], CGCS2000);
        let e = read_gpkg(&p, None).unwrap_err().to_string();
        assert!(e.contains("v.gpkg") && e.contains("截断"), "{e}");
        let not = dir.path().join("plain.gpkg");
        std::fs::write(&not, b"not sqlite at all").unwrap();
        assert!(
            read_gpkg(&not, None)
                .unwrap_err()
                .to_string()
                .contains("plain.gpkg")
        );
    }
}
