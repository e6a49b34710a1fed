//! A small WKT1 parser (OGC and Esri flavours, as found in .prj files) that
//! turns a coordinate reference system into something the readers can use.

use super::{Ellipsoid, LambertConformalConic, Projection, TransverseMercator};
use crate::error::{GeoError, Result};
use std::path::Path;
use std::sync::Arc;

/// A coordinate reference system understood by the readers.
#[derive(Clone)]
pub enum Crs {
    /// Geographic lon/lat in degrees (CGCS2000, WGS84, NAD83 … treated alike:
    /// they differ by less than a metre; no datum shift is applied).
    Geographic {
        /// Datum name as written in the WKT.
        datum: String,
    },
    /// A projected system with the inverse projection to lon/lat.
    Projected {
        /// The PROJCS name.
        name: String,
        /// The projection name as written (e.g. `Transverse_Mercator`).
        projection: String,
        /// Datum name.
        datum: String,
        /// The projection itself.
        proj: Arc<dyn Projection>,
    },
}

impl std::fmt::Debug for Crs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Crs::Geographic { datum } => write!(f, "Geographic({datum})"),
            Crs::Projected {
                name, projection, ..
            } => write!(f, "Projected({name}, {projection})"),
        }
    }
}

impl Crs {
    /// Datum name.
    pub fn datum(&self) -> &str {
        match self {
            Crs::Geographic { datum } | Crs::Projected { datum, .. } => datum,
        }
    }
    /// True for datums that are not (close to) ITRF: Beijing 1954, Xi'an 1980,
    /// NAD27 … their lon/lat differ from CGCS2000 by tens to hundreds of metres.
    pub fn needs_datum_shift(&self) -> bool {
        let d = self.datum().to_ascii_lowercase();
        [
            "beijing",
            "xian",
            "xi_an",
            "1927",
            "nad27",
            "krassovsky",
            "pulkovo",
            "tokyo",
        ]
        .iter()
        .any(|k| d.contains(k))
    }
}

/// A WKT node: keyword and its arguments.
#[derive(Debug, Clone)]
enum Node {
    Str(String),
    Num(f64),
    Tree(String, Vec<Node>),
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn node(&mut self, depth: usize) -> std::result::Result<Node, String> {
        if depth > 32 {
            return Err("nesting too deep".into());
        }
        self.ws();
        let c = *self.s.get(self.i).ok_or("unexpected end")?;
        if c == b'"' {
            self.i += 1;
            let start = self.i;
            while self.i < self.s.len() && self.s[self.i] != b'"' {
                self.i += 1;
            }
            if self.i >= self.s.len() {
                return Err("unterminated string".into());
            }
            let v = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
            self.i += 1;
            return Ok(Node::Str(v));
        }
        let start = self.i;
        while self.i < self.s.len() && !b"[](),\"".contains(&self.s[self.i]) {
            self.i += 1;
        }
        let word = String::from_utf8_lossy(&self.s[start..self.i])
            .trim()
            .to_string();
        self.ws();
        match self.s.get(self.i) {
            Some(b'[') | Some(b'(') => {
                let close = if self.s[self.i] == b'[' { b']' } else { b')' };
                self.i += 1;
                let mut args = Vec::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&close) {
                        self.i += 1;
                        break;
                    }
                    args.push(self.node(depth + 1)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(c) if *c == close => {
                            self.i += 1;
                            break;
                        }
                        _ => return Err(format!("expected ',' or ']' at byte {}", self.i)),
                    }
                }
                Ok(Node::Tree(word.to_ascii_uppercase(), args))
            }
            _ => {
                if word.is_empty() {
                    return Err(format!("unexpected character at byte {}", self.i));
                }
                match word.parse::<f64>() {
                    Ok(v) => Ok(Node::Num(v)),
                    Err(_) => Ok(Node::Str(word)),
                }
            }
        }
    }
}

impl Node {
    fn children(&self) -> &[Node] {
        match self {
            Node::Tree(_, c) => c,
            _ => &[],
        }
    }
    fn key(&self) -> &str {
        match self {
            Node::Tree(k, _) => k,
            _ => "",
        }
    }
    fn child(&self, key: &str) -> Option<&Node> {
        self.children().iter().find(|c| c.key() == key)
    }
    fn name(&self) -> String {
        match self.children().first() {
            Some(Node::Str(s)) => s.clone(),
            _ => String::new(),
        }
    }
    fn num(&self, i: usize) -> Option<f64> {
        match self.children().get(i) {
            Some(Node::Num(v)) => Some(*v),
            _ => None,
        }
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Parses the WKT1 text of a `.prj` file. `path` is used in messages only.
pub fn parse_prj(text: &str, path: &Path) -> Result<Crs> {
    let wkt_err = |m: String| GeoError::Wkt {
        path: path.to_path_buf(),
        message: m,
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let root = p.node(0).map_err(wkt_err)?;
    match root.key() {
        "GEOGCS" | "GEOGCRS" | "GEODCRS" => {
            let datum = root.child("DATUM").map(|d| d.name()).unwrap_or_default();
            if let Some(u) = root.child("UNIT").or_else(|| root.child("ANGLEUNIT")) {
                let f = u.num(1).unwrap_or(0.0);
                if (f - std::f64::consts::PI / 180.0).abs() > 1e-9 {
                    return Err(GeoError::UnsupportedProjection {
                        path: path.to_path_buf(),
                        projection: format!("geographic with angular unit {}", u.name()),
                    });
                }
            }
            Ok(Crs::Geographic { datum })
        }
        "PROJCS" => projcs(&root, path),
        "PROJCRS" => Err(GeoError::UnsupportedProjection {
            path: path.to_path_buf(),
            projection: "WKT2 PROJCRS (please export the .prj as WKT1/ESRI)".into(),
        }),
        "COMPD_CS" | "COMPOUNDCRS" => {
            let inner = root
                .children()
                .iter()
                .find(|c| matches!(c.key(), "PROJCS" | "GEOGCS"))
                .ok_or_else(|| wkt_err("COMPD_CS without PROJCS/GEOGCS".into()))?;
            if inner.key() == "PROJCS" {
                projcs(inner, path)
            } else {
                Ok(Crs::Geographic {
                    datum: inner.child("DATUM").map(|d| d.name()).unwrap_or_default(),
                })
            }
        }
        other => Err(wkt_err(format!("unknown WKT root keyword {other}"))),
    }
}

fn projcs(root: &Node, path: &Path) -> Result<Crs> {
    let wkt_err = |m: &str| GeoError::Wkt {
        path: path.to_path_buf(),
        message: m.to_string(),
    };
    let name = root.name();
    let geog = root
        .child("GEOGCS")
        .ok_or_else(|| wkt_err("PROJCS without GEOGCS"))?;
    let datum = geog
        .child("DATUM")
        .ok_or_else(|| wkt_err("GEOGCS without DATUM"))?;
    let sph = datum.child("SPHEROID").or_else(|| datum.child("ELLIPSOID"));
    let sph = sph.ok_or_else(|| wkt_err("DATUM without SPHEROID"))?;
    let a = sph
        .num(1)
        .ok_or_else(|| wkt_err("SPHEROID without semi-major axis"))?;
    let rf = sph
        .num(2)
        .ok_or_else(|| wkt_err("SPHEROID without inverse flattening"))?;
    if !(a > 6_000_000.0 && a < 7_000_000.0) || !(rf == 0.0 || (250.0..350.0).contains(&rf)) {
        return Err(wkt_err("implausible ellipsoid"));
    }
    let ell = Ellipsoid::from_inverse_flattening(a, rf);
    let projection = root
        .child("PROJECTION")
        .map(|p| p.name())
        .unwrap_or_default();
    // Linear unit: the UNIT directly under PROJCS.
    let unit_m = root.child("UNIT").and_then(|u| u.num(1)).unwrap_or(1.0);
    if !(unit_m > 0.0 && unit_m.is_finite()) {
        return Err(wkt_err("invalid linear unit"));
    }
    let params: Vec<(String, f64)> = root
        .children()
        .iter()
        .filter(|c| c.key() == "PARAMETER")
        .filter_map(|c| c.num(1).map(|v| (norm(&c.name()), v)))
        .collect();
    let get = |names: &[&str], default: f64| -> f64 {
        names
            .iter()
            .find_map(|n| params.iter().find(|(k, _)| k == n).map(|(_, v)| *v))
            .unwrap_or(default)
    };
    let fe = get(&["falseeasting", "eastingatfalseorigin"], 0.0);
    let fnorth = get(&["falsenorthing", "northingatfalseorigin"], 0.0);
    let lon0 = get(
        &[
            "centralmeridian",
            "longitudeofcenter",
            "longitudeoforigin",
            "longitudeofnaturalorigin",
            "longitudeoffalseorigin",
        ],
        0.0,
    );
    let lat0 = get(
        &[
            "latitudeoforigin",
            "latitudeofcenter",
            "latitudeofnaturalorigin",
            "latitudeoffalseorigin",
        ],
        0.0,
    );
    let k0 = get(&["scalefactor", "scalefactoratnaturalorigin"], 1.0);
    let pn = norm(&projection);
    let proj: Arc<dyn Projection> = match pn.as_str() {
        "transversemercator" | "gausskruger" => Arc::new(TransverseMercator::new(
            ell, lon0, lat0, k0, fe, fnorth, unit_m,
        )),
        "lambertconformalconic" | "lambertconformalconic2sp" | "lambertconformalconic1sp" => {
            let sp1 = params
                .iter()
                .find(|(k, _)| k == "standardparallel1")
                .map(|(_, v)| *v);
            let sp2 = params
                .iter()
                .find(|(k, _)| k == "standardparallel2")
                .map(|(_, v)| *v);
            match (sp1, sp2) {
                (Some(s1), Some(s2)) => Arc::new(LambertConformalConic::new_2sp(
                    ell, lon0, lat0, s1, s2, fe, fnorth, unit_m,
                )),
                (Some(s1), None) if (s1 - lat0).abs() < 1e-12 || pn.ends_with("1sp") => Arc::new(
                    LambertConformalConic::new_1sp(ell, lon0, s1, k0, fe, fnorth, unit_m),
                ),
                _ => Arc::new(LambertConformalConic::new_1sp(
                    ell, lon0, lat0, k0, fe, fnorth, unit_m,
                )),
            }
        }
        _ => {
            return Err(GeoError::UnsupportedProjection {
                path: path.to_path_buf(),
                projection: if projection.is_empty() {
                    name
                } else {
                    projection
                },
            });
        }
    };
    Ok(Crs::Projected {
        name,
        projection,
        datum: datum.name(),
        proj,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nh_state_plane_feet() {
        let wkt = r#"PROJCS["NAD_1983_StatePlane_New_Hampshire_FIPS_2800_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",984250.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-71.6666666666667],PARAMETER["Scale_Factor",0.999966667],PARAMETER["Latitude_Of_Origin",42.5],UNIT["US survey foot",0.304800609601219]]"#;
        let crs = parse_prj(wkt, Path::new("NH.prj")).unwrap();
        let Crs::Projected { proj, .. } = crs else {
            panic!("not projected")
        };
        // The false origin maps back to the origin.
        let (lon, lat) = proj.inverse(984_250.0, 0.0);
        assert!((lon + 71.666_666_666_666_7).abs() < 1e-9 && (lat - 42.5).abs() < 1e-9);
        // 1 000 ftUS north of the origin is 304.8006 m of meridian arc ≈ 0.002744°.
        let (_, lat) = proj.inverse(984_250.0, 1000.0);
        let m = Ellipsoid::GRS80.meridional_radius(42.5f64.to_radians()) * 0.999_966_667;
        assert!(((lat - 42.5).to_radians() * m - 304.800_609_6).abs() < 1e-3);
    }

    #[test]
    fn parses_cgcs2000_gauss_kruger_and_refuses_others() {
        let gk = r#"PROJCS["CGCS2000_3_Degree_GK_Zone_38",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]"#;
        let Crs::Projected { proj, .. } = parse_prj(gk, Path::new("a.prj")).unwrap() else {
            panic!()
        };
        let (x, y) = proj.forward(114.7, 38.6);
        let (lon, lat) = proj.inverse(x, y);
        assert!((lon - 114.7).abs() < 1e-9 && (lat - 38.6).abs() < 1e-9);
        let merc = gk.replace("Gauss_Kruger", "Mercator");
        let err = parse_prj(&merc, Path::new("b.prj"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("Mercator") && err.contains("b.prj"), "{err}");
        assert!(parse_prj("PROJCS[\"x\"", Path::new("c.prj")).is_err());
        let geo = r#"GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;
        assert!(matches!(
            parse_prj(geo, Path::new("d.prj")).unwrap(),
            Crs::Geographic { .. }
        ));
    }
}
