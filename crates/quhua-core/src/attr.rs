//! Attributes (人口, 面积, GDP, 编制 …) as exact fixed-point amounts with units and sources.
//!
//! Amounts are integers in units of 1/10,000, so sums over any grouping are exact and
//! population and area are conserved bit-for-bit across every merge and transfer.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// A fixed-point amount with four decimal places.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Amount(pub i64);

impl Amount {
    /// Fixed-point scale (four decimals).
    pub const SCALE: i64 = 10_000;
    /// Zero.
    pub const ZERO: Amount = Amount(0);

    /// From a whole number.
    pub fn from_int(v: i64) -> Self {
        Amount(v * Self::SCALE)
    }

    /// From a float, rounded to four decimals. `None` for NaN or out of range.
    pub fn from_f64(v: f64) -> Option<Self> {
        let scaled = (v * Self::SCALE as f64).round();
        (scaled.is_finite() && scaled.abs() < 9.0e17).then_some(Amount(scaled as i64))
    }

    /// Parses a decimal number as written in tables ("12345", "42.21", "1,234.5", "2.24万").
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim().replace([',', '，', ' '], "");
        if t.is_empty() {
            return None;
        }
        let (num, mult) = match t.strip_suffix('万') {
            Some(n) => (n.to_string(), 10_000.0),
            None => (t, 1.0),
        };
        let v: f64 = num.parse().ok()?;
        Self::from_f64(v * mult)
    }

    /// As a float.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, o: Amount) -> Amount {
        Amount(self.0 + o.0)
    }
}
impl AddAssign for Amount {
    fn add_assign(&mut self, o: Amount) {
        self.0 += o.0;
    }
}
impl Sub for Amount {
    type Output = Amount;
    fn sub(self, o: Amount) -> Amount {
        Amount(self.0 - o.0)
    }
}
impl SubAssign for Amount {
    fn sub_assign(&mut self, o: Amount) {
        self.0 -= o.0;
    }
}
impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / Self::SCALE;
        let frac = (self.0 % Self::SCALE).abs();
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let sign = if self.0 < 0 && whole == 0 { "-" } else { "" };
            let s = format!("{frac:04}");
            write!(f, "{sign}{whole}.{}", s.trim_end_matches('0'))
        }
    }
}

/// Well-known attribute keys. Any other key is allowed too (the set is extensible).
pub mod keys {
    /// 户籍人口 (persons)
    pub const POP_HUKOU: &str = "pop_hukou";
    /// 常住人口 (persons)
    pub const POP_RESIDENT: &str = "pop_resident";
    /// 面积 (km²)
    pub const AREA_KM2: &str = "area_km2";
    /// 地区生产总值 (万元)
    pub const GDP: &str = "gdp";
    /// 一般公共预算收入 (万元)
    pub const FISCAL_REVENUE: &str = "fiscal_revenue";
    /// 行政编制 (人)
    pub const STAFF_QUOTA: &str = "staff_quota";
    /// 事业编制 (人)
    pub const INSTITUTION_QUOTA: &str = "institution_quota";
    /// 资产 (万元)
    pub const ASSETS: &str = "assets";
    /// 债务 (万元)
    pub const DEBTS: &str = "debts";
    /// 建成区人口 (persons)
    pub const BUILTUP_POP: &str = "builtup_pop";
    /// 户数 (households)
    pub const HOUSEHOLDS: &str = "households";
}

/// How values combine when units merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Summed (population, area, money, quotas): conserved.
    Sum,
    /// Not combinable; dropped from a merged unit and reported.
    None,
}

/// Metadata of an attribute: names, unit, aggregation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttrDef {
    /// Key used in tables and files.
    pub key: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// Unit of measure (人, km², 万元 …).
    pub unit: String,
    /// Combination on merge.
    pub aggregation: Aggregation,
}

/// The built-in attribute definitions.
pub fn builtin_defs() -> Vec<AttrDef> {
    let d = |key: &str, zh: &str, en: &str, unit: &str| AttrDef {
        key: key.into(),
        zh: zh.into(),
        en: en.into(),
        unit: unit.into(),
        aggregation: Aggregation::Sum,
    };
    vec![
        d(keys::POP_HUKOU, "户籍人口", "registered population", "人"),
        d(keys::POP_RESIDENT, "常住人口", "resident population", "人"),
        d(keys::AREA_KM2, "面积", "area", "km²"),
        d(keys::GDP, "地区生产总值", "GDP", "万元"),
        d(
            keys::FISCAL_REVENUE,
            "一般公共预算收入",
            "fiscal revenue",
            "万元",
        ),
        d(
            keys::STAFF_QUOTA,
            "行政编制",
            "administrative staff quota",
            "人",
        ),
        d(
            keys::INSTITUTION_QUOTA,
            "事业编制",
            "public-institution staff quota",
            "人",
        ),
        d(keys::ASSETS, "资产", "assets", "万元"),
        d(keys::DEBTS, "债务", "debts", "万元"),
        d(
            keys::BUILTUP_POP,
            "建成区人口",
            "built-up-area population",
            "人",
        ),
        d(keys::HOUSEHOLDS, "户数", "households", "户"),
    ]
}

/// Looks up a built-in definition by key or Chinese label.
pub fn find_def(name: &str) -> Option<AttrDef> {
    let n = name.trim();
    builtin_defs().into_iter().find(|d| d.key == n || d.zh == n)
}

/// Where a value came from: a survey table, an official list, or synthetic generation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    /// Short label shown with the value, e.g. "示意数据 synthetic (seed 20261122)" or "2024年摸底表".
    pub label: String,
    /// True for synthetic values, which every output must mark 示意.
    pub synthetic: bool,
}

/// One attribute value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttrValue {
    /// The amount.
    pub value: Amount,
    /// Index into the registry's source list.
    pub source: u32,
}

/// A unit's attribute values by key.
pub type Attrs = BTreeMap<String, AttrValue>;

/// Adds `from` into `into` key by key (the merge of two units' attributes).
pub fn add_attrs(into: &mut Attrs, from: &Attrs) {
    for (k, v) in from {
        into.entry(k.clone())
            .and_modify(|e| e.value += v.value)
            .or_insert_with(|| v.clone());
    }
}

/// Subtracts `from` out of `into` key by key (a village leaving its township).
pub fn sub_attrs(into: &mut Attrs, from: &Attrs) {
    for (k, v) in from {
        into.entry(k.clone())
            .and_modify(|e| e.value -= v.value)
            .or_insert_with(|| AttrValue {
                value: Amount::ZERO - v.value,
                source: v.source,
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_table_numbers() {
        assert_eq!(Amount::parse("12,345"), Some(Amount::from_int(12345)));
        assert_eq!(Amount::parse("2.24万"), Some(Amount::from_int(22400)));
        assert_eq!(
            Amount::parse("42.21").map(|a| a.to_string()),
            Some("42.21".into())
        );
        assert_eq!(Amount::parse("abc"), None);
        assert_eq!(Amount::parse(""), None);
        assert_eq!(Amount(-5000).to_string(), "-0.5");
    }
}
