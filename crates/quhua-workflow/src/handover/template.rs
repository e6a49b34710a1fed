//! Section templates as data (TOML with citations), national default and per province.

use super::error::HandoverError;
use crate::org::Department;
use serde::{Deserialize, Serialize};

const DEFAULT: &str = include_str!("../../templates/handover/default.toml");
/// Province files: (2-digit province code, text).
const PROVINCES: &[(&str, &str)] = &[("51", include_str!("../../templates/handover/51.toml"))];

/// The kind of a handover section; each is one department's work for one pair.
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
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 编办: staffing quotas.
    Quotas,
    /// 组织部: cadres.
    Cadres,
    /// 财政/国资: township state assets, debts and claims.
    StateAssets,
    /// 农业农村: village collective assets, debts and claims.
    CollectiveAssets,
    /// 卫健: health centres.
    Health,
    /// 教体: schools.
    Education,
    /// 政务服务 (with 邮政/金融 as service types): service points.
    Services,
    /// 民政: seals, signage, accounts, websites, boundary survey, rules review.
    Records,
    /// 档案: archives.
    Archives,
}

impl SectionKind {
    /// Every kind, in display order.
    pub const ALL: [SectionKind; 9] = [
        SectionKind::Quotas,
        SectionKind::Cadres,
        SectionKind::StateAssets,
        SectionKind::CollectiveAssets,
        SectionKind::Health,
        SectionKind::Education,
        SectionKind::Services,
        SectionKind::Records,
        SectionKind::Archives,
    ];

    /// Stable id (section ids, API).
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Quotas => "quotas",
            SectionKind::Cadres => "cadres",
            SectionKind::StateAssets => "state_assets",
            SectionKind::CollectiveAssets => "collective_assets",
            SectionKind::Health => "health",
            SectionKind::Education => "education",
            SectionKind::Services => "services",
            SectionKind::Records => "records",
            SectionKind::Archives => "archives",
        }
    }

    /// Parses an id.
    pub fn parse(s: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.id() == s.trim())
    }
}

/// One checklist item of a section template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemTemplate {
    /// Stable id.
    pub id: String,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// A section template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionTemplate {
    /// The kind.
    pub kind: SectionKind,
    /// The lead department.
    pub department: Department,
    /// Participating departments.
    #[serde(default)]
    pub also: Vec<Department>,
    /// Title, Chinese.
    pub zh: String,
    /// Title, English.
    pub en: String,
    /// Days after the approval within which the section should close.
    pub due_days: u32,
    /// Where the section's duties come from (real documents).
    pub citations: Vec<String>,
    /// The checklist.
    pub items: Vec<ItemTemplate>,
    /// Service types this section answers for (service sections).
    #[serde(default)]
    pub service_types: Vec<String>,
    /// Cadres: the section closes only when every cadre has had a one-to-one talk.
    #[serde(default)]
    pub require_full_talks: bool,
    /// Records/archives: the checklist is kept per unit (predecessor and successor).
    #[serde(default)]
    pub checklist: bool,
}

/// A route (disposal, debt settlement, placement) as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Stable id.
    pub id: String,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
    /// Placement: the route needs a destination unit.
    #[serde(default)]
    pub destination: bool,
    /// Placement: the route places a leader above the post limit (超配).
    #[serde(default)]
    pub overstaff: bool,
    /// Placement: to be used as little as possible (免职保留待遇).
    #[serde(default)]
    pub discouraged: bool,
}

/// Disposal routes for idle assets and settlement routes for debts and claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routes {
    /// Sources.
    pub citations: Vec<String>,
    /// Township (state) assets: 镇.
    pub township: Vec<Route>,
    /// Village collective assets: 村.
    pub village: Vec<Route>,
    /// Debts and claims.
    pub debt: Vec<Route>,
}

/// Cadre placement routes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// Sources.
    pub citations: Vec<String>,
    /// The routes.
    pub routes: Vec<Route>,
    /// Months within which a 超配 must be absorbed.
    pub overstaff_months: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    province: String,
    name: String,
    name_en: String,
    #[serde(default)]
    section: Vec<SectionTemplate>,
    routes: Option<Routes>,
    placement: Option<Placement>,
}

/// The full template for one province: sections, routes and placement routes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Template {
    /// 2-digit province code, or `default`.
    pub province: String,
    /// Name, Chinese.
    pub name: String,
    /// Name, English.
    pub name_en: String,
    /// One template per section kind, in [`SectionKind::ALL`] order.
    pub sections: Vec<SectionTemplate>,
    /// Disposal and settlement routes.
    pub routes: Routes,
    /// Placement routes.
    pub placement: Placement,
}

fn parse(name: &str, text: &str) -> Result<File, HandoverError> {
    toml::from_str(text).map_err(|e| HandoverError::Template {
        name: name.to_string(),
        message: e.to_string(),
    })
}

impl Template {
    /// The built-in template for a province (2-digit code): the national default with the
    /// province's sections and routes where it has its own.
    ///
    /// ```
    /// use quhua_workflow::handover::{SectionKind, Template};
    /// let sc = Template::for_province("51").unwrap();
    /// let q = sc.section(SectionKind::Quotas);
    /// assert!(q.citations.iter().any(|c| c.contains("川委办〔2020〕14号")));
    /// assert_eq!(Template::for_province("13").unwrap().province, "default");
    /// ```
    pub fn for_province(province: &str) -> Result<Template, HandoverError> {
        let over = PROVINCES
            .iter()
            .find(|(p, _)| *p == province)
            .map(|(p, t)| (format!("templates/handover/{p}.toml"), *t));
        Template::from_toml(DEFAULT, over.as_ref().map(|(n, t)| (n.as_str(), *t)))
    }

    /// A template from a default text and an optional override `(name, text)`; sections of the
    /// override replace the default's of the same kind. Every kind must be present, and every
    /// section and route list must cite at least one source.
    pub fn from_toml(default: &str, over: Option<(&str, &str)>) -> Result<Template, HandoverError> {
        let base = parse("default.toml", default)?;
        let mut t = Template {
            province: base.province,
            name: base.name,
            name_en: base.name_en,
            sections: base.section,
            routes: base
                .routes
                .ok_or_else(|| missing("default.toml", "routes"))?,
            placement: base
                .placement
                .ok_or_else(|| missing("default.toml", "placement"))?,
        };
        if let Some((name, text)) = over {
            let o = parse(name, text)?;
            t.province = o.province;
            t.name = o.name;
            t.name_en = o.name_en;
            for s in o.section {
                match t.sections.iter_mut().find(|x| x.kind == s.kind) {
                    Some(x) => *x = s,
                    None => t.sections.push(s),
                }
            }
            if let Some(r) = o.routes {
                t.routes = r;
            }
            if let Some(p) = o.placement {
                t.placement = p;
            }
        }
        for k in SectionKind::ALL {
            let s = t
                .sections
                .iter()
                .find(|s| s.kind == k)
                .ok_or_else(|| missing("template", k.id()))?;
            if s.citations.is_empty() {
                return Err(missing(k.id(), "citations"));
            }
        }
        if t.routes.citations.is_empty() || t.placement.citations.is_empty() {
            return Err(missing("routes", "citations"));
        }
        t.sections.sort_by_key(|s| s.kind);
        Ok(t)
    }

    /// The template of a section kind (every kind is present).
    pub fn section(&self, kind: SectionKind) -> &SectionTemplate {
        // from_toml guarantees every kind; sections are sorted in ALL order.
        &self.sections[SectionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0)]
    }

    /// A placement route by id.
    pub fn placement_route(&self, id: &str) -> Option<&Route> {
        self.placement.routes.iter().find(|r| r.id == id)
    }
}

fn missing(name: &str, what: &str) -> HandoverError {
    HandoverError::Template {
        name: name.to_string(),
        message: format!("缺少“{what}” / \"{what}\" is missing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_load_and_cite() {
        for p in ["default", "51"] {
            let t = Template::for_province(p).unwrap();
            assert_eq!(t.sections.len(), SectionKind::ALL.len());
            for (s, k) in t.sections.iter().zip(SectionKind::ALL) {
                assert_eq!(s.kind, k);
                assert!(!s.items.is_empty());
            }
        }
        let sc = Template::for_province("51").unwrap();
        assert_eq!(sc.section(SectionKind::Health).items.len(), 2);
        assert!(Template::from_toml("province = 1", None).is_err());
        let no_cite = DEFAULT.replace(
            "citations = [\"《中华人民共和国档案法》（2020年修订）\"]",
            "citations = []",
        );
        assert!(Template::from_toml(&no_cite, None).is_err());
    }
}
