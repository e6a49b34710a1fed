//! Policies: the thresholds a province applies, as data with citations (never constants in code).
//!
//! A policy is a TOML file; every threshold carries its `citation`, and a policy whose
//! threshold has no citation is refused. Built-in policies live in `policies/`.

use crate::i18n::{Bilingual, Text};
use serde::{Deserialize, Serialize};

/// How serious a broken rule is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information.
    Info,
    /// Should be looked at; does not block.
    Warning,
    /// Blocks the scheme.
    Error,
}

impl Severity {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which population count a standard is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopulationBasis {
    /// 常住人口 (resident population); 户籍 is used, and said so, when 常住 is missing.
    Resident,
    /// 户籍人口 (registered population); 常住 is used, and said so, when 户籍 is missing.
    Hukou,
    /// 户籍人口或常住人口: either count meeting the standard suffices.
    Either,
}

impl PopulationBasis {
    /// Chinese name of the count.
    pub fn zh(self) -> &'static str {
        match self {
            PopulationBasis::Resident => "常住人口",
            PopulationBasis::Hukou => "户籍人口",
            PopulationBasis::Either => "户籍或常住人口",
        }
    }
    /// English name of the count.
    pub fn en(self) -> &'static str {
        match self {
            PopulationBasis::Resident => "resident population",
            PopulationBasis::Hukou => "registered (hukou) population",
            PopulationBasis::Either => "registered or resident population",
        }
    }
}

/// One tier of a threshold that depends on circumstances (人口密度 or 地形).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Chinese label of the tier (e.g. "每平方公里151–350人", "丘陵地区").
    pub label: String,
    /// English label.
    pub label_en: String,
    /// The tier applies from this population density (persons per km²) up to the next tier's.
    /// When no tier has a density, the tier (e.g. terrain) cannot be determined from the data.
    #[serde(default)]
    pub min_density: Option<f64>,
    /// The threshold in this tier.
    pub value: f64,
}

/// A numeric threshold with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The value (people, km², a count, or a share in 0–1). With `tiers`, the lowest tier's value.
    pub value: f64,
    /// Severity of a finding when the threshold is not met.
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// Where the figure comes from: a law, a State Council or a provincial text.
    pub citation: String,
    /// For population thresholds: the count the standard is written in (by default the
    /// policy's `population_key`).
    #[serde(default)]
    pub basis: Option<PopulationBasis>,
    /// Values that depend on density or terrain, as the standard lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

/// A rule switched on, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    /// Severity when broken.
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// Where the rule comes from.
    pub citation: String,
}

/// Identification of a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyMeta {
    /// Name shown to users.
    pub name: String,
    /// English name (e.g. "Hebei", "national reference").
    #[serde(default)]
    pub name_en: Option<String>,
    /// Province it is for (name); `None` for the national reference.
    #[serde(default)]
    pub province: Option<String>,
    /// The province's 2-digit code (`13` 河北, `33` 浙江 …), used to pick a county's policy.
    #[serde(default)]
    pub province_code: Option<String>,
    /// Notes: what the policy holds and what it leaves out.
    #[serde(default)]
    pub note: Option<String>,
    /// The notes in English.
    #[serde(default)]
    pub note_en: Option<String>,
}

/// 设立镇 standard of a province (or the national 1984 criteria).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TownStandard {
    /// Minimum population.
    #[serde(default)]
    pub min_population: Option<Threshold>,
    /// Minimum 建成区 population.
    #[serde(default)]
    pub min_builtup_population: Option<Threshold>,
    /// Minimum population of the seat village (乡政府驻地村).
    #[serde(default)]
    pub min_seat_population: Option<Threshold>,
    /// Area lower bound (km²).
    #[serde(default)]
    pub min_area_km2: Option<Threshold>,
    /// Area upper bound (km²).
    #[serde(default)]
    pub max_area_km2: Option<Threshold>,
}

/// 设立街道 standard of a province.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreetStandard {
    /// Minimum population.
    #[serde(default)]
    pub min_population: Option<Threshold>,
    /// Maximum population.
    #[serde(default)]
    pub max_population: Option<Threshold>,
    /// Minimum area (km²).
    #[serde(default)]
    pub min_area_km2: Option<Threshold>,
    /// Minimum number of 居委会 (社区).
    #[serde(default)]
    pub min_residents_committees: Option<Threshold>,
    /// Maximum number of 居委会 (社区).
    #[serde(default)]
    pub max_residents_committees: Option<Threshold>,
    /// Minimum share of 居委会 (社区) among 村+居 (0–1).
    #[serde(default)]
    pub min_residents_share: Option<Threshold>,
}

/// A province's (or the national reference) thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Identification.
    pub meta: PolicyMeta,
    /// Which population attribute the rules use (`pop_resident` or `pop_hukou`).
    #[serde(default = "default_pop_key")]
    pub population_key: String,
    /// New township area cap (km²).
    #[serde(default)]
    pub area_cap_km2: Option<Threshold>,
    /// Population floor per township.
    #[serde(default)]
    pub population_floor: Option<Threshold>,
    /// Target average population per township.
    #[serde(default)]
    pub population_target: Option<Threshold>,
    /// National average population per township (for comparison).
    pub national_avg_population: Threshold,
    /// National average area per township, km² (for comparison).
    pub national_avg_area_km2: Threshold,
    /// Every new unit must be contiguous.
    #[serde(default)]
    pub contiguity: Option<Cited>,
    /// The county-seat town is neither absorbed nor made smaller.
    #[serde(default)]
    pub county_seat_protected: Option<Cited>,
    /// Border townships (and locked units) kept whole.
    #[serde(default)]
    pub border_kept_whole: Option<Cited>,
    /// Historic/cultural towns keep their name.
    #[serde(default)]
    pub historic_name_kept: Option<Cited>,
    /// 乡镇 names unique (and no homophones) within the province.
    #[serde(default)]
    pub unique_names: Option<Cited>,
    /// Mergers involving a 民族乡 need 民族协商.
    #[serde(default)]
    pub ethnic_consultation: Option<Cited>,
    /// No increase in the number of township-level units.
    #[serde(default)]
    pub no_increase: Option<Cited>,
    /// A name ends with its kind's 通名 (…乡, …镇, …街道). On by default, citing the
    /// 《地名管理条例》; a policy file may set its own severity and citation.
    #[serde(default = "default_name_kind")]
    pub name_kind_match: Option<Cited>,
    /// 设镇 standard.
    #[serde(default)]
    pub town_standard: Option<TownStandard>,
    /// 设街道 standard.
    #[serde(default)]
    pub street_standard: Option<StreetStandard>,
    /// 村级建制调整: population floor per village (村/居), where a province sets one.
    #[serde(default)]
    pub village_population_floor: Option<Threshold>,
    /// 村级建制调整: households floor per village, where a province sets one.
    #[serde(default)]
    pub village_households_floor: Option<Threshold>,
    /// The size of a 居委会 in households. On by default with the national range (100–700
    /// households, 《居民委员会组织法》 art. 6); a policy file may set its own.
    #[serde(default = "default_residents_size")]
    pub residents_households: Option<HouseholdRange>,
    /// Village names unique (within the township; a new name also within the county). On by default, citing the
    /// 《地名管理条例》; a policy file may set its own severity and citation.
    #[serde(default = "default_village_names")]
    pub village_unique_names: Option<Cited>,
}

/// A range of households (the size a 居委会 is set up at).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdRange {
    /// Fewest households.
    pub min: f64,
    /// Most households.
    pub max: f64,
    /// Severity outside the range.
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// Where the range comes from.
    pub citation: String,
}

/// The national text behind the 居委会 size range.
pub const RESIDENTS_SIZE_CITATION: &str = "《中华人民共和国城市居民委员会组织法》第六条：居民委员会根据居民居住状况，按照便于居民自治的原则，一般在一百户至七百户的范围内设立";

/// The national text behind unique village names.
pub const VILLAGE_NAME_CITATION: &str = "《地名管理条例》（2022）第九条第（八）项：同一个县级行政区域内的村民委员会、居民委员会所在地名称……不应重名，并避免同音";

fn default_residents_size() -> Option<HouseholdRange> {
    Some(HouseholdRange {
        min: 100.0,
        max: 700.0,
        severity: Severity::Warning,
        citation: RESIDENTS_SIZE_CITATION.to_string(),
    })
}

fn default_village_names() -> Option<Cited> {
    Some(Cited {
        severity: Severity::Error,
        citation: VILLAGE_NAME_CITATION.to_string(),
    })
}

fn default_name_kind() -> Option<Cited> {
    Some(Cited {
        severity: Severity::Warning,
        citation: NAME_KIND_CITATION.to_string(),
    })
}

/// The national text behind the name/kind rule.
pub const NAME_KIND_CITATION: &str = "《地名管理条例》（2022）第九条第（二）项：地名应当符合地理实体的实际地域、规模、性质等特征；第十条：因行政区划变更导致地名名实不符的，应当及时更名";

/// The national text that leaves 镇 and 街道 standards to each province.
pub const STANDARD_BY_PROVINCE_CITATION: &str = "《行政区划管理条例》（国务院令第704号）第十一条第二款：镇、街道的设立标准，由省、自治区、直辖市人民政府民政部门会同本级人民政府其他有关部门拟订，报省、自治区、直辖市人民政府批准";

fn default_pop_key() -> String {
    crate::attr::keys::POP_HUKOU.to_string()
}

/// Why a policy file was refused.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Not valid TOML or not the expected shape.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Parse(String),
    /// A threshold without a citation.
    #[error("{} / {}", self.text().zh, self.text().en)]
    MissingCitation(String),
    /// A value out of its sensible range.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadValue(String, f64),
    /// Tiers of one threshold where some give a density and others do not.
    #[error("{} / {}", self.text().zh, self.text().en)]
    MixedTiers(String),
}

impl Bilingual for PolicyError {
    fn text(&self) -> Text {
        match self {
            Self::Parse(f0) => Text::new(
                format!("政策文件格式错误：{f0}"),
                format!("policy file is malformed: {f0}"),
            ),
            Self::MissingCitation(f0) => Text::new(
                format!("政策项“{f0}”缺少出处（citation）"),
                format!("policy item \"{f0}\" has no citation"),
            ),
            Self::BadValue(f0, f1) => Text::new(
                format!("政策项“{f0}”的取值 {f1} 不合理"),
                format!("policy item \"{f0}\" has an invalid value {f1}"),
            ),
            Self::MixedTiers(f0) => Text::new(
                format!("政策项“{f0}”的分档有的按人口密度、有的不按"),
                format!("policy item \"{f0}\" mixes tiers with and without a density"),
            ),
        }
    }
}

mod builtin;
pub use builtin::{BUILTIN, PolicyChoice};

impl Policy {
    /// Parses and checks a policy from TOML text.
    ///
    /// ```
    /// use quhua_core::policy::Policy;
    /// let p = Policy::from_toml(r#"
    /// [meta]
    /// name = "示例"
    /// [national_avg_population]
    /// value = 36600
    /// citation = "国家统计局2023年末全国人口；民政部乡级区划统计"
    /// [national_avg_area_km2]
    /// value = 247
    /// citation = "全国陆地面积约960万平方公里；民政部乡级区划统计"
    /// "#).unwrap();
    /// assert_eq!(p.meta.name, "示例");
    /// assert!(Policy::from_toml("[meta]").is_err());
    /// ```
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let p: Policy = toml::from_str(text).map_err(|e| PolicyError::Parse(e.to_string()))?;
        p.check()?;
        Ok(p)
    }

    fn check(&self) -> Result<(), PolicyError> {
        let mut thresholds: Vec<(&str, &Threshold)> = vec![
            ("national_avg_population", &self.national_avg_population),
            ("national_avg_area_km2", &self.national_avg_area_km2),
        ];
        let opt = [
            ("area_cap_km2", &self.area_cap_km2),
            ("population_floor", &self.population_floor),
            ("population_target", &self.population_target),
            ("village_population_floor", &self.village_population_floor),
            ("village_households_floor", &self.village_households_floor),
        ];
        thresholds.extend(opt.iter().filter_map(|(n, t)| t.as_ref().map(|t| (*n, t))));
        if let Some(s) = &self.town_standard {
            for (n, t) in [
                ("town_standard.min_population", &s.min_population),
                (
                    "town_standard.min_builtup_population",
                    &s.min_builtup_population,
                ),
                ("town_standard.min_seat_population", &s.min_seat_population),
                ("town_standard.min_area_km2", &s.min_area_km2),
                ("town_standard.max_area_km2", &s.max_area_km2),
            ] {
                thresholds.extend(t.as_ref().map(|t| (n, t)));
            }
        }
        if let Some(s) = &self.street_standard {
            for (n, t) in [
                ("street_standard.min_population", &s.min_population),
                ("street_standard.max_population", &s.max_population),
                ("street_standard.min_area_km2", &s.min_area_km2),
                (
                    "street_standard.min_residents_committees",
                    &s.min_residents_committees,
                ),
                (
                    "street_standard.max_residents_committees",
                    &s.max_residents_committees,
                ),
                (
                    "street_standard.min_residents_share",
                    &s.min_residents_share,
                ),
            ] {
                thresholds.extend(t.as_ref().map(|t| (n, t)));
            }
        }
        for (name, t) in thresholds {
            if t.citation.trim().is_empty() {
                return Err(PolicyError::MissingCitation(name.to_string()));
            }
            if !t.value.is_finite() || t.value < 0.0 {
                return Err(PolicyError::BadValue(name.to_string(), t.value));
            }
            for tier in &t.tiers {
                if !tier.value.is_finite() || tier.value < 0.0 {
                    return Err(PolicyError::BadValue(name.to_string(), tier.value));
                }
                if let Some(d) = tier.min_density
                    && (!d.is_finite() || d < 0.0)
                {
                    return Err(PolicyError::BadValue(name.to_string(), d));
                }
            }
            let with_density = t.tiers.iter().filter(|x| x.min_density.is_some()).count();
            if with_density != 0 && with_density != t.tiers.len() {
                return Err(PolicyError::MixedTiers(name.to_string()));
            }
        }
        let rules = [
            ("contiguity", &self.contiguity),
            ("county_seat_protected", &self.county_seat_protected),
            ("border_kept_whole", &self.border_kept_whole),
            ("historic_name_kept", &self.historic_name_kept),
            ("unique_names", &self.unique_names),
            ("ethnic_consultation", &self.ethnic_consultation),
            ("no_increase", &self.no_increase),
            ("name_kind_match", &self.name_kind_match),
            ("village_unique_names", &self.village_unique_names),
        ];
        if let Some(r) = &self.residents_households {
            if r.citation.trim().is_empty() {
                return Err(PolicyError::MissingCitation("residents_households".into()));
            }
            for v in [r.min, r.max] {
                if !v.is_finite() || v < 0.0 {
                    return Err(PolicyError::BadValue("residents_households".into(), v));
                }
            }
            if r.min > r.max {
                return Err(PolicyError::BadValue(
                    "residents_households.min".into(),
                    r.min,
                ));
            }
        }
        for (name, r) in rules {
            if r.as_ref().is_some_and(|r| r.citation.trim().is_empty()) {
                return Err(PolicyError::MissingCitation(name.to_string()));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        for (id, _) in BUILTIN {
            assert!(Policy::builtin(id).is_some(), "{id}");
        }
        let p = Policy::default_policy();
        assert!(p.meta.province.is_none() && p.meta.province_code.is_none());
    }

    #[test]
    fn citation_is_required() {
        assert!(Policy::from_toml(BUILTIN[0].1).is_ok());
        // Emptying the first citation of the built-in default makes it invalid.
        let first = BUILTIN[0].1.find("citation = \"").expect("a citation");
        let close = BUILTIN[0].1[first + 12..].find('"').expect("closing quote") + first + 12;
        let emptied = format!(
            "{}citation = \"\"{}",
            &BUILTIN[0].1[..first],
            &BUILTIN[0].1[close + 1..]
        );
        assert!(matches!(
            Policy::from_toml(&emptied),
            Err(PolicyError::MissingCitation(_))
        ));
        let bad = r#"
[meta]
name = "x"
[national_avg_population]
value = 36600
citation = ""
[national_avg_area_km2]
value = 247
citation = "民政部乡级区划统计"
"#;
        assert!(matches!(
            Policy::from_toml(bad),
            Err(PolicyError::MissingCitation(_))
        ));
        let no_field = bad.replace("citation = \"\"\n", "");
        assert!(matches!(
            Policy::from_toml(&no_field),
            Err(PolicyError::Parse(_))
        ));
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::i18n::assert_bilingual;

    #[test]
    fn policy_error_text() {
        assert_bilingual(
            &PolicyError::MissingCitation("min_population".into()),
            "政策项“min_population”缺少出处（citation）",
            "policy item \"min_population\" has no citation",
        );
        assert_bilingual(
            &PolicyError::BadValue("area".into(), -1.5),
            "政策项“area”的取值 -1.5 不合理",
            "policy item \"area\" has an invalid value -1.5",
        );
    }
}
