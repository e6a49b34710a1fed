//! The response bodies the server sends that are not use-case views of `quhua-app`: every
//! handler serialises one of these (or a `quhua-app` view), and the OpenAPI document
//! ([`crate::openapi`]) and the web client's TypeScript types are generated from the same
//! structs, so the three cannot drift apart.

use crate::accounts::User;
use crate::catalog::CountyInfo;
use quhua_app::access::Role;
use quhua_app::scenarios::ScenarioView;
use quhua_core::scenario::Base;
use quhua_core::unit::Flags;
use quhua_workflow::org::Department;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A message in both languages.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Message {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

/// Every error response: `{"error": {"zh", "en"}}`, with details some errors add (`op`: the
/// failing operation; `retry_after_secs`; `current_version` and `current` on a 409).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    /// What went wrong, in both languages.
    pub error: Message,
    /// Details of this kind of error.
    #[serde(flatten)]
    pub detail: Map<String, Value>,
}

/// The account as the client sees it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SessionUser {
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// The role in Chinese.
    pub role_zh: String,
    /// Division-code prefix of the jurisdiction.
    pub jurisdiction: String,
    /// Whether the account may edit scenarios.
    pub can_edit: bool,
    /// The organisation's code, if any.
    pub org: Option<String>,
    /// The department, for a department account.
    pub department: Option<Department>,
    /// The department in Chinese.
    pub department_zh: Option<String>,
    /// The department in English.
    pub department_en: Option<String>,
}

/// `POST /api/login`, `GET /api/me`: the user and the session's CSRF token.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Session {
    /// Who is logged in.
    pub user: SessionUser,
    /// Send it back in the `X-CSRF-Token` header of every non-GET request.
    pub csrf_token: String,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
    /// The basemap the bureau configured for the map, if any.
    pub basemap: Option<crate::basemap::Basemap>,
}

impl Session {
    /// The session of `user` (without a basemap; see [`Session::with_basemap`]).
    pub fn new(user: &User, csrf: &str, expires_at: i64) -> Session {
        Session {
            user: SessionUser {
                username: user.username.clone(),
                role: user.role,
                role_zh: user.role.zh().to_string(),
                jurisdiction: user.jurisdiction.as_str().to_string(),
                can_edit: user.role.writes_scenarios(),
                org: user.org.clone(),
                department: user.department,
                department_zh: user.department.map(|d| d.zh().to_string()),
                department_en: user.department.map(|d| d.en().to_string()),
            },
            csrf_token: csrf.to_string(),
            expires_at,
            basemap: None,
        }
    }
}

impl Session {
    /// The session with the server's configured basemap.
    pub fn with_basemap(mut self, basemap: Option<&crate::basemap::Basemap>) -> Session {
        self.basemap = basemap.cloned();
        self
    }
}

/// `POST /api/logout`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Done {
    /// Always true.
    pub ok: bool,
}

/// `GET /api/counties`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CountyList<'a> {
    /// The counties inside the account's jurisdiction.
    pub counties: Vec<&'a CountyInfo>,
}

/// A scenario in a list: everything but its operations, which are counted.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScenarioListItem {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Policy reference.
    pub policy: Option<String>,
    /// The registry date it was drafted on.
    pub base_date: Option<String>,
    /// Notes.
    pub note: Option<String>,
    /// How many operations it has.
    pub operations: usize,
    /// Version.
    pub version: i64,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: String,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: String,
}

impl From<ScenarioView> for ScenarioListItem {
    fn from(v: ScenarioView) -> Self {
        ScenarioListItem {
            id: v.id,
            name: v.name,
            county: v.county,
            policy: v.policy,
            base_date: v.base_date,
            note: v.note,
            operations: v.ops.len(),
            version: v.version,
            created_by: v.created_by,
            created_at: v.created_at,
            updated_by: v.updated_by,
            updated_at: v.updated_at,
        }
    }
}

/// `GET /api/scenarios`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScenarioList {
    /// The scenarios of the jurisdiction (or of one county).
    pub scenarios: Vec<ScenarioListItem>,
}

/// A GeoJSON FeatureCollection (RFC 7946); every geometry is schematic (示意).
#[derive(Debug, JsonSchema)]
#[allow(dead_code)]
pub struct FeatureCollection {
    /// `FeatureCollection`.
    #[schemars(rename = "type")]
    pub kind: FeatureCollectionType,
    /// The features.
    pub features: Vec<Feature>,
}

/// The type tag of a FeatureCollection.
#[derive(Debug, JsonSchema)]
#[allow(dead_code)]
pub enum FeatureCollectionType {
    /// The only value.
    FeatureCollection,
}

/// A GeoJSON Feature: a (Multi)Polygon with the unit's properties (`code`, `name`, …, 示意).
#[derive(Debug, JsonSchema)]
#[allow(dead_code)]
pub struct Feature {
    /// `Feature`.
    #[schemars(rename = "type")]
    pub kind: String,
    /// The geometry (RFC 7946).
    pub geometry: Option<Map<String, Value>>,
    /// The unit's properties.
    pub properties: Map<String, Value>,
}

/// `POST /api/counties/{code}/evaluate`: the evaluation, and the resulting townships'
/// outlines with `?geojson=1` (otherwise `null`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EvaluationResult<'a> {
    /// The evaluation.
    #[schemars(with = "crate::evaluation::EvaluationOut<'static>")]
    pub evaluation: &'a RawValue,
    /// The resulting townships dissolved (示意), if asked for.
    #[schemars(with = "Option<FeatureCollection>")]
    pub geojson: Option<&'a RawValue>,
}

/// One side of `GET /api/compare`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CompareSide<'a> {
    /// The stored scenario.
    pub scenario: &'a ScenarioView,
    /// Its evaluation.
    #[schemars(with = "crate::evaluation::EvaluationOut<'static>")]
    pub evaluation: &'a RawValue,
    /// Its resulting townships (示意).
    #[schemars(with = "Option<FeatureCollection>")]
    pub geojson: Option<&'a RawValue>,
}

/// `GET /api/compare?a=&b=`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ScenarioComparison<'a> {
    /// The first scenario.
    pub a: CompareSide<'a>,
    /// The second scenario.
    pub b: CompareSide<'a>,
}

/// A county, by code and name.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Named {
    /// Division code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// The figures of a unit, by attribute key (for example `户籍人口`, `面积`).
type Figures = Map<String, Value>;

/// A township of the base.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BaseTownship {
    /// 12-digit code.
    pub code: String,
    /// Name.
    pub name: String,
    /// 乡, 镇 or 街道.
    pub kind: &'static str,
    /// Flags the rules care about.
    pub flags: Flags,
    /// The flags in Chinese.
    pub flag_labels: Vec<&'static str>,
    /// The seat village (驻地).
    pub seat: Option<Named>,
    /// Figures by attribute key.
    #[schemars(with = "BTreeMap<String, f64>")]
    pub figures: Figures,
    /// How many villages it has.
    pub villages: usize,
}

/// A village of the base.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BaseVillage {
    /// 12-digit code.
    pub code: String,
    /// Name.
    pub name: String,
    /// 村委会 or 居委会.
    pub kind: &'static str,
    /// Its township's code.
    pub township_code: String,
    /// Figures by attribute key.
    #[schemars(with = "BTreeMap<String, f64>")]
    pub figures: Figures,
}

/// `GET /api/counties/{code}/base`: the county's townships and villages with their figures
/// (`synthetic`: some figures are 示意).
#[derive(Debug, Serialize, JsonSchema)]
pub struct CountyBase {
    /// The county.
    pub county: Named,
    /// The registry date of the base.
    pub date: String,
    /// Whether some figures are synthetic (示意).
    pub synthetic: bool,
    /// Attribute keys, in the order of the survey.
    pub keys: Vec<String>,
    /// The key holding population.
    pub population_key: Option<String>,
    /// The key holding area (km²).
    pub area_key: Option<String>,
    /// Townships.
    pub townships: Vec<BaseTownship>,
    /// Villages (their order is the `village_idx` of evaluations and of the village GeoJSON).
    pub villages: Vec<BaseVillage>,
}

impl CountyBase {
    /// The base as the client sees it.
    pub fn new(base: &Base) -> CountyBase {
        let figures = |attrs: &[Option<quhua_core::attr::Amount>]| {
            let mut m = Map::new();
            for (k, v) in base.keys.iter().zip(attrs) {
                if let Some(v) = v {
                    m.insert(k.clone(), Value::from(v.to_f64()));
                }
            }
            m
        };
        let townships = base
            .townships
            .iter()
            .map(|t| BaseTownship {
                code: t.code.to_string(),
                name: t.name.clone(),
                kind: t.kind.zh(),
                flags: t.flags,
                flag_labels: t.flags.labels_zh(),
                seat: t
                    .seat_village
                    .and_then(|i| base.villages.get(i as usize))
                    .map(|v| Named {
                        code: v.code.to_string(),
                        name: v.name.clone(),
                    }),
                figures: figures(&t.attrs),
                villages: t.villages.len(),
            })
            .collect();
        let villages = base
            .villages
            .iter()
            .map(|v| BaseVillage {
                code: v.code.to_string(),
                name: v.name.clone(),
                kind: v.kind.zh(),
                township_code: base
                    .townships
                    .get(v.township as usize)
                    .map(|t| t.code.to_string())
                    .unwrap_or_default(),
                figures: figures(&v.attrs),
            })
            .collect();
        CountyBase {
            county: Named {
                code: base.county_code.to_string(),
                name: base.county_name.clone(),
            },
            date: base.date.to_string(),
            synthetic: base.synthetic,
            keys: base.keys.clone(),
            population_key: base.pop_key.and_then(|i| base.keys.get(i).cloned()),
            area_key: base.area_key.and_then(|i| base.keys.get(i).cloned()),
            townships,
            villages,
        }
    }
}
