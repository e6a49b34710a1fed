//! Policies: the thresholds a province applies, as data with citations (never constants in code).
//!
//! A policy is a TOML file; every threshold carries its `citation`, and a policy whose
//! threshold has no citation is refused. Built-in policies live in `policies/`.

use serde::{Deserialize, Serialize};

/// How serious a broken rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

/// A numeric threshold with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The value (people, km², or a share in 0–1).
    pub value: f64,
    /// Severity of a finding when the threshold is not met.
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// Where the figure comes from.
    pub citation: String,
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
    /// Province it is for, if any.
    #[serde(default)]
    pub province: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
}

/// 设立镇 standard (procedure.md §5.1–5.2).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TownStandard {
    /// Minimum population.
    #[serde(default)]
    pub min_population: Option<Threshold>,
    /// Minimum 建成区 population.
    #[serde(default)]
    pub min_builtup_population: Option<Threshold>,
    /// Area lower bound (km²).
    #[serde(default)]
    pub min_area_km2: Option<Threshold>,
    /// Area upper bound (km²).
    #[serde(default)]
    pub max_area_km2: Option<Threshold>,
}

/// 设立街道 standard (procedure.md §5.2–5.4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreetStandard {
    /// Minimum population.
    #[serde(default)]
    pub min_population: Option<Threshold>,
    /// Minimum area (km²).
    #[serde(default)]
    pub min_area_km2: Option<Threshold>,
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
    /// 设镇 standard.
    #[serde(default)]
    pub town_standard: Option<TownStandard>,
    /// 设街道 standard.
    #[serde(default)]
    pub street_standard: Option<StreetStandard>,
}

fn default_pop_key() -> String {
    crate::attr::keys::POP_HUKOU.to_string()
}

/// Why a policy file was refused.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Not valid TOML or not the expected shape.
    #[error("政策文件格式错误：{0} / policy file is malformed: {0}")]
    Parse(String),
    /// A threshold without a citation.
    #[error("政策项“{0}”缺少出处（citation） / policy item \"{0}\" has no citation")]
    MissingCitation(String),
    /// A value out of its sensible range.
    #[error("政策项“{0}”的取值 {1} 不合理 / policy item \"{0}\" has an invalid value {1}")]
    BadValue(String, f64),
}

/// The built-in policies: (id, TOML text).
pub const BUILTIN: [(&str, &str); 3] = [
    ("default", include_str!("../policies/default.toml")),
    ("zhejiang", include_str!("../policies/zhejiang.toml")),
    ("hunan", include_str!("../policies/hunan.toml")),
];

impl Policy {
    /// Parses and checks a policy from TOML text.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let p: Policy = toml::from_str(text).map_err(|e| PolicyError::Parse(e.to_string()))?;
        p.check()?;
        Ok(p)
    }

    /// A built-in policy by id (`default`, `zhejiang`, `hunan`).
    pub fn builtin(id: &str) -> Option<Policy> {
        BUILTIN
            .iter()
            .find(|(k, _)| *k == id)
            .and_then(|(_, t)| Policy::from_toml(t).ok())
    }

    /// The national reference policy.
    pub fn default_policy() -> Policy {
        match Policy::from_toml(BUILTIN[0].1) {
            Ok(p) => p,
            Err(e) => panic!("built-in default policy is invalid: {e}"),
        }
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
        ];
        thresholds.extend(opt.iter().filter_map(|(n, t)| t.as_ref().map(|t| (*n, t))));
        if let Some(s) = &self.town_standard {
            for (n, t) in [
                ("town_standard.min_population", &s.min_population),
                (
                    "town_standard.min_builtup_population",
                    &s.min_builtup_population,
                ),
                ("town_standard.min_area_km2", &s.min_area_km2),
                ("town_standard.max_area_km2", &s.max_area_km2),
            ] {
                thresholds.extend(t.as_ref().map(|t| (n, t)));
            }
        }
        if let Some(s) = &self.street_standard {
            for (n, t) in [
                ("street_standard.min_population", &s.min_population),
                ("street_standard.min_area_km2", &s.min_area_km2),
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
        }
        let rules = [
            ("contiguity", &self.contiguity),
            ("county_seat_protected", &self.county_seat_protected),
            ("border_kept_whole", &self.border_kept_whole),
            ("historic_name_kept", &self.historic_name_kept),
            ("unique_names", &self.unique_names),
            ("ethnic_consultation", &self.ethnic_consultation),
            ("no_increase", &self.no_increase),
        ];
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
        assert_eq!(p.area_cap_km2.as_ref().map(|t| t.value), Some(300.0));
    }

    #[test]
    fn citation_is_required() {
        assert!(Policy::from_toml(BUILTIN[0].1).is_ok());
        // A citation of blanks counts as none: blank out the first one of the built-in policy.
        let text: String = {
            let mut done = false;
            BUILTIN[0]
                .1
                .lines()
                .map(|l| {
                    if !done && l.trim_start().starts_with("citation") {
                        done = true;
                        "citation = \"   \"".to_string()
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_ne!(text, BUILTIN[0].1);
        assert!(matches!(
            Policy::from_toml(&text),
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
citation = "codes.md"
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
