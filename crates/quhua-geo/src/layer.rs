//! The in-memory layer: polygon features in lon/lat with properties and the
//! warnings collected while reading or processing them.

use geo_types::MultiPolygon;
use serde_json::{Map, Value};

/// One polygon feature. Geometry is always lon/lat degrees (CGCS2000/WGS84);
/// a feature whose geometry was null or not polygonal keeps an empty
/// MultiPolygon (and the reader records a warning) so nothing is dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// 0-based position in the source file.
    pub index: usize,
    /// Identifier from the source (GeoJSON `id`), if any.
    pub id: Option<String>,
    /// Attribute values.
    pub properties: Map<String, Value>,
    /// Polygons in lon/lat degrees.
    pub geometry: MultiPolygon<f64>,
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// No .prj; coordinates looked like lon/lat and were read as such.
    AssumedLonLat,
    /// The text encoding of the attributes was detected, not declared.
    EncodingDetected,
    /// Declared encoding did not fit the bytes; another one was used.
    EncodingMismatch,
    /// A feature has no geometry (null shape).
    NullGeometry,
    /// A feature's geometry is not polygonal and was left empty.
    NotPolygon,
    /// A ring was not closed and has been closed.
    UnclosedRing,
    /// A ring with fewer than 4 positions was dropped.
    DegenerateRing,
    /// Datum differs from CGCS2000/WGS84 and no shift was applied.
    DatumNotShifted,
    /// A companion file (.shx, .cpg) is missing; reading went on without it.
    MissingCompanion,
    /// Gauss-Krüger zone prefix found in eastings but not in the .prj.
    ZonePrefix,
    /// Anything else worth knowing.
    Other,
}

/// A warning located at a feature when relevant.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// Kind of warning.
    pub kind: WarningKind,
    /// 0-based feature index, when the warning concerns one feature.
    pub feature: Option<usize>,
    /// Message, Chinese first then English.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(
        kind: WarningKind,
        feature: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Warning {
            kind,
            feature,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.feature {
            Some(i) => write!(f, "[要素/feature {i}] {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A set of polygon features read from one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    /// Layer name (file stem).
    pub name: String,
    /// Features in file order.
    pub features: Vec<Feature>,
    /// Warnings collected while reading.
    pub warnings: Vec<Warning>,
    /// Text encoding used for the attributes (e.g. "UTF-8", "GBK"), when relevant.
    pub encoding: Option<String>,
    /// Description of the source coordinate system.
    pub source_crs: Option<String>,
}

impl Layer {
    /// Geometries in feature order (cloned references for the algorithms).
    pub fn geometries(&self) -> Vec<&MultiPolygon<f64>> {
        self.features.iter().map(|f| &f.geometry).collect()
    }
    /// Owned copy of all geometries in feature order.
    pub fn to_geometries(&self) -> Vec<MultiPolygon<f64>> {
        self.features.iter().map(|f| f.geometry.clone()).collect()
    }
    /// Property `field` of every feature rendered as a string (numbers
    /// without a fractional part are written as integers); `None` when absent or null.
    pub fn field_strings(&self, field: &str) -> Vec<Option<String>> {
        self.features
            .iter()
            .map(|f| f.properties.get(field).and_then(value_to_code))
            .collect()
    }
}

/// Renders a JSON value as a code string: strings trimmed, integral numbers
/// without ".0"; null/empty → None.
pub fn value_to_code(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i.to_string())
            } else if let Some(u) = n.as_u64() {
                Some(u.to_string())
            } else {
                let f = n.as_f64()?;
                if f.fract() == 0.0 && f.abs() < 1e17 {
                    Some(format!("{}", f as i128))
                } else {
                    Some(f.to_string())
                }
            }
        }
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}
