//! Units (区划单位): stable identity, kind, name, parent, seat, flags and attributes.

use crate::attr::Attrs;
use quhua_codes::{DivisionCode, Level, UnitKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A unit's stable internal id. Never the code: codes change and were reused in NBS data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(pub u32);

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A point in longitude/latitude (CGCS2000 ≈ WGS84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LonLat {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// The seat (驻地) of a township: the village it sits in, and optionally a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seat {
    /// The village (村/居) the government sits in, when known.
    pub village: Option<UnitId>,
    /// Its location, when known.
    pub point: Option<LonLat>,
}

/// Flags the reform rules care about.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Flags {
    /// 县城驻地镇: the county-seat town (make it bigger, never absorb it).
    #[serde(default)]
    pub county_seat: bool,
    /// 边境乡镇: kept whole (成建制保留).
    #[serde(default)]
    pub border: bool,
    /// 历史文化名镇: keeps its name.
    #[serde(default)]
    pub historic: bool,
    /// 重点镇/中心镇: a regional central town.
    #[serde(default)]
    pub key_town: bool,
    /// 民族乡镇: changes need 民族协商 (条例 art. 14).
    #[serde(default)]
    pub ethnic: bool,
}

impl Flags {
    /// Chinese labels of the set flags.
    pub fn labels_zh(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.county_seat {
            v.push("县城驻地镇");
        }
        if self.border {
            v.push("边境乡镇");
        }
        if self.historic {
            v.push("历史文化名镇");
        }
        if self.key_town {
            v.push("重点镇");
        }
        if self.ethnic {
            v.push("民族乡镇");
        }
        v
    }
}

/// The state of a unit during one validity interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitState {
    /// Stable id.
    pub id: UnitId,
    /// Kind (which implies the level).
    pub kind: UnitKind,
    /// Name (全称, e.g. 下河镇).
    pub name: String,
    /// The code in force.
    pub code: DivisionCode,
    /// The superior unit (county for a township, township for a village).
    pub parent: Option<UnitId>,
    /// Seat (townships).
    pub seat: Option<Seat>,
    /// Reform-relevant flags.
    pub flags: Flags,
    /// Attribute values.
    pub attrs: Attrs,
}

impl UnitState {
    /// The unit's level.
    pub fn level(&self) -> Level {
        self.kind.level()
    }

    /// `name（code）`, as shown in messages.
    pub fn label(&self) -> String {
        format!("{}（{}）", self.name, self.code)
    }
}

/// The name stem (专名): the name without its kind suffix (下河乡 → 下河).
pub fn name_stem(name: &str) -> &str {
    const SUFFIXES: [&str; 9] = [
        "街道办事处",
        "街道",
        "民族苏木",
        "苏木",
        "民族乡",
        "区公所",
        "乡",
        "镇",
        "地区",
    ];
    let n = name.trim();
    for s in SUFFIXES {
        if let Some(stem) = n.strip_suffix(s)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(name_stem("下河乡"), "下河");
        assert_eq!(name_stem("小峡街道"), "小峡");
        assert_eq!(name_stem("镇"), "镇");
    }
}
