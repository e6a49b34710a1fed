//! Scenario operations and the scenario file (TOML or JSON).

use super::error::ScenarioError;
use quhua_codes::{TownshipKind, VillageKind};
use serde::{Deserialize, Serialize};

/// A new township created by a merger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUnitSpec {
    /// Its name.
    pub name: String,
    /// Its kind (镇 by default).
    #[serde(default = "default_kind", with = "kind_serde")]
    #[schemars(with = "String")]
    pub kind: TownshipKind,
    /// Its seat village (code or name), by default the seat of the most populous member.
    #[serde(default)]
    pub seat: Option<String>,
}

fn default_kind() -> TownshipKind {
    TownshipKind::Town
}

/// Where merged units go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MergeTarget {
    /// 撤销并入 an existing unit (code or name).
    Into(String),
    /// 合并设立 a new unit.
    New(NewUnitSpec),
}

/// A new village (村/居) created by a village merger or a split (合并村, 分设村).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewVillageSpec {
    /// Its name (unique within its township).
    pub name: String,
    /// Its kind; by default 村委会, or 居委会 when every member is one.
    #[serde(default, with = "village_kind_opt_serde")]
    #[schemars(with = "Option<String>")]
    pub kind: Option<VillageKind>,
}

/// Where merged (or split-off) villages go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VillageTarget {
    /// 撤销并入 an existing village (code or name) of the same township.
    Into(String),
    /// 合并设立 (or 分设) a new village.
    New(NewVillageSpec),
}

/// A fraction as written in a scenario (e.g. 0.35), compared bit for bit so operations stay `Eq`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Fraction(pub f64);

impl PartialEq for Fraction {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Fraction {}

/// One scenario operation. Units are referred to by code (9-digit townships, 12-digit
/// villages) or by name; units created earlier in the scenario by their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Operation {
    /// Merge townships into an existing one or into a new one.
    Merge {
        /// The townships merged away (for a new unit: all its members).
        units: Vec<String>,
        /// Existing target (`into`), or a new unit (`new`).
        #[serde(flatten)]
        target: MergeTarget,
    },
    /// Change a township's kind (乡→镇, 乡/镇→街道).
    Convert {
        /// The township.
        unit: String,
        /// The new kind.
        #[serde(with = "kind_serde")]
        #[schemars(with = "String")]
        to: TownshipKind,
        /// New name; by default the stem with the new suffix.
        #[serde(default)]
        name: Option<String>,
    },
    /// Rename a township.
    Rename {
        /// The township.
        unit: String,
        /// The new name.
        name: String,
    },
    /// Move a township's seat to one of its villages.
    MoveSeat {
        /// The township.
        unit: String,
        /// The village (code or name).
        village: String,
    },
    /// Move villages to another township.
    Transfer {
        /// The villages (codes or names).
        villages: Vec<String>,
        /// The receiving township.
        to: String,
    },
    /// 村级建制调整: merge villages of one township into an existing village or a new one
    /// (合并村). A merger across townships needs a 村划归 first.
    MergeVillages {
        /// The villages merged away (for a new village: all its members).
        villages: Vec<String>,
        /// Existing target (`into`), or a new village (`new`).
        #[serde(flatten)]
        target: VillageTarget,
    },
    /// 撤村设居 (村委会 → 居委会), or another change of a village's kind.
    ConvertVillage {
        /// The village.
        village: String,
        /// The new kind (居委会 by default).
        #[serde(default, with = "village_kind_opt_serde")]
        #[schemars(with = "Option<String>")]
        to: Option<VillageKind>,
        /// New name; by default the name is kept (…村 becomes …社区).
        #[serde(default)]
        name: Option<String>,
    },
    /// Rename a village.
    RenameVillage {
        /// The village.
        village: String,
        /// The new name.
        name: String,
    },
    /// Split part of a village off to another village of the same township, or to a new
    /// one: the stated share of its population, area and households (and of every other
    /// figure) goes; the rest stays (a partial lineage).
    SplitVillage {
        /// The village split.
        village: String,
        /// Share (0–1, exclusive) of its figures that goes.
        share: Fraction,
        /// Its share of population, if different from `share`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        population_share: Option<Fraction>,
        /// Its share of area, if different from `share`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        area_share: Option<Fraction>,
        /// Its share of households, if different from `share`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        households_share: Option<Fraction>,
        /// The receiving village (`into`) or a new one (`new`).
        #[serde(flatten)]
        target: VillageTarget,
    },
    /// Lock townships: any later change to them is a rule violation.
    Lock {
        /// The townships.
        units: Vec<String>,
    },
}

/// A draft scheme: which county, which policy, and the operations in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Name of the scheme.
    pub name: String,
    /// The county (6-digit code).
    pub county: String,
    /// The built-in policy id or a policy file path (resolved by the caller).
    #[serde(default)]
    pub policy: Option<String>,
    /// The snapshot date the scheme starts from (`YYYY-MM-DD`), by default the latest.
    #[serde(default)]
    pub base_date: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
    /// The operations, in order.
    #[serde(default)]
    pub ops: Vec<Operation>,
}

impl Scenario {
    /// Parses a scenario from TOML.
    pub fn from_toml(text: &str) -> Result<Scenario, ScenarioError> {
        toml::from_str(text).map_err(|e| ScenarioError::Parse(e.to_string()))
    }

    /// Parses a scenario from JSON.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        serde_json::from_str(text).map_err(|e| ScenarioError::Parse(e.to_string()))
    }

    /// Writes the scenario as TOML.
    pub fn to_toml(&self) -> Result<String, ScenarioError> {
        toml::to_string_pretty(self).map_err(|e| ScenarioError::Parse(e.to_string()))
    }
}

/// Township kinds written as Chinese (镇, 街道 …) or English in files.
mod kind_serde {
    use quhua_codes::TownshipKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &TownshipKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.zh())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TownshipKind, D::Error> {
        let s = String::deserialize(d)?;
        TownshipKind::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("未知建制类型“{s}” / unknown kind \"{s}\""))
        })
    }
}

/// Optional village kinds written as Chinese (居委会, 村委会, 社区, 村 …) or English.
mod village_kind_opt_serde {
    use quhua_codes::VillageKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &Option<VillageKind>, s: S) -> Result<S::Ok, S::Error> {
        match k {
            Some(k) => s.serialize_str(k.zh()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<VillageKind>, D::Error> {
        let Some(s) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        parse(&s).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "未知村级类型“{s}”，应为 村委会/居委会/类似村委会/类似居委会 / unknown village kind \"{s}\""
            ))
        })
    }

    /// Chinese names and short forms, or the English names.
    pub fn parse(s: &str) -> Option<VillageKind> {
        let t = s.trim();
        VillageKind::parse(t).or(match t {
            "居" | "社区居民委员会" | "residents" => Some(VillageKind::Residents),
            "villagers" => Some(VillageKind::Villagers),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_toml() {
        let s = Scenario::from_toml(
            r#"
name = "示意方案"
county = "130634"
[[ops]]
op = "merge"
units = ["130634200"]
into = "恒州镇"
[[ops]]
op = "merge"
units = ["党城镇", "郎家庄镇"]
new = { name = "党城镇", kind = "镇" }
[[ops]]
op = "convert"
unit = "130634212"
to = "街道"
"#,
        )
        .unwrap();
        assert_eq!(s.ops.len(), 3);
        assert!(
            matches!(&s.ops[0], Operation::Merge { target: MergeTarget::Into(x), .. } if x == "恒州镇")
        );
        assert!(matches!(
            &s.ops[2],
            Operation::Convert {
                to: TownshipKind::Subdistrict,
                ..
            }
        ));
        let back = Scenario::from_toml(&s.to_toml().unwrap()).unwrap();
        assert_eq!(back, s);
        assert!(Scenario::from_toml("name = 1").is_err());
    }

    #[test]
    fn unknown_fields_are_refused_at_every_level() {
        let with = |op: &str| {
            Scenario::from_json(&format!(r#"{{"name":"s","county":"130634","ops":[{op}]}}"#))
        };
        for ok in [
            r#"{"op":"merge","units":["a"],"into":"b"}"#,
            r#"{"op":"merge","units":["a"],"new":{"name":"c镇"}}"#,
            r#"{"op":"rename","unit":"a","name":"b"}"#,
        ] {
            assert!(with(ok).is_ok(), "{ok}");
        }
        for bad in [
            r#"{"op":"merge","units":["a"],"into":"b","bogus":1}"#,
            r#"{"op":"merge","units":["a"],"new":{"name":"c镇","bogus":1}}"#,
            r#"{"op":"merge","units":["a"],"into":"b","new":{"name":"c镇"}}"#,
            r#"{"op":"rename","unit":"a","name":"b","nmae":"c"}"#,
            r#"{"op":"lock","units":["a"],"unit":"b"}"#,
        ] {
            assert!(with(bad).is_err(), "accepted {bad}");
        }
    }
}
