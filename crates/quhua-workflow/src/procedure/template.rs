//! Procedure templates: the ordered steps, who acts, what each needs and produces.

use serde::{Deserialize, Serialize};

/// Materials the procedure asks for (条例 art. 13 and the steps' own outputs).
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
pub enum MaterialKind {
    /// 申请书 (art. 13(1))
    Application,
    /// 历史、地理、民族、经济、人口、资源环境、面积和隶属关系的基本情况 (art. 13(2))
    BasicFacts,
    /// 风险评估报告 (art. 13(3))
    RiskReport,
    /// 专家论证报告 (art. 13(4))
    ExpertReport,
    /// 征求社会公众等意见的情况 (art. 13(5))
    ConsultationSummary,
    /// 变更前的行政区划图 (art. 13(6))
    MapBefore,
    /// 变更方案示意图 (art. 13(6))
    MapScheme,
    /// 有关部门意见 (art. 14)
    DepartmentOpinions,
    /// 合法性审查意见
    LegalityOpinion,
    /// 集体讨论决定纪要
    DecisionMinutes,
    /// 人大常委会决议
    NpcResolution,
    /// 批复文件
    ApprovalDocument,
    /// 公告
    Notice,
}

impl MaterialKind {
    /// The materials 条例 art. 13 requires for submission.
    pub const ARTICLE_13: [MaterialKind; 7] = [
        MaterialKind::Application,
        MaterialKind::BasicFacts,
        MaterialKind::RiskReport,
        MaterialKind::ExpertReport,
        MaterialKind::ConsultationSummary,
        MaterialKind::MapBefore,
        MaterialKind::MapScheme,
    ];

    /// Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            MaterialKind::Application => "申请书",
            MaterialKind::BasicFacts => "基本情况",
            MaterialKind::RiskReport => "风险评估报告",
            MaterialKind::ExpertReport => "专家论证报告",
            MaterialKind::ConsultationSummary => "征求意见情况",
            MaterialKind::MapBefore => "变更前的行政区划图",
            MaterialKind::MapScheme => "变更方案示意图",
            MaterialKind::DepartmentOpinions => "部门意见",
            MaterialKind::LegalityOpinion => "合法性审查意见",
            MaterialKind::DecisionMinutes => "集体决策纪要",
            MaterialKind::NpcResolution => "人大常委会决议",
            MaterialKind::ApprovalDocument => "批复文件",
            MaterialKind::Notice => "公告",
        }
    }

    /// English name.
    pub fn en(self) -> &'static str {
        match self {
            MaterialKind::Application => "application",
            MaterialKind::BasicFacts => "basic facts",
            MaterialKind::RiskReport => "risk assessment report",
            MaterialKind::ExpertReport => "expert review report",
            MaterialKind::ConsultationSummary => "public consultation summary",
            MaterialKind::MapBefore => "map before the change",
            MaterialKind::MapScheme => "scheme map",
            MaterialKind::DepartmentOpinions => "department opinions",
            MaterialKind::LegalityOpinion => "legality review opinion",
            MaterialKind::DecisionMinutes => "collective decision minutes",
            MaterialKind::NpcResolution => "people's congress standing committee resolution",
            MaterialKind::ApprovalDocument => "approval document",
            MaterialKind::Notice => "public notice",
        }
    }

    /// Parses a Chinese or English (snake_case) name.
    pub fn parse(s: &str) -> Option<Self> {
        use MaterialKind::*;
        let all = [
            Application,
            BasicFacts,
            RiskReport,
            ExpertReport,
            ConsultationSummary,
            MapBefore,
            MapScheme,
            DepartmentOpinions,
            LegalityOpinion,
            DecisionMinutes,
            NpcResolution,
            ApprovalDocument,
            Notice,
        ];
        let t = s.trim();
        all.into_iter().find(|m| {
            m.zh() == t
                || m.en().eq_ignore_ascii_case(t)
                || serde_json::to_value(m)
                    .ok()
                    .and_then(|v| v.as_str().map(|x| x == t))
                    .unwrap_or(false)
        })
    }
}

/// One step of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDef {
    /// Stable id (`consultation`, `submit` …).
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Who acts.
    pub actor: String,
    /// Who acts, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_en: Option<String>,
    /// Legal basis.
    pub basis: String,
    /// The legal basis in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_en: Option<String>,
    /// Steps that must be done first.
    pub requires: Vec<String>,
    /// Materials that must be attached before the step completes.
    pub needs: Vec<MaterialKind>,
    /// Material the step's completion document counts as, if any.
    pub produces: Option<MaterialKind>,
    /// The step records the approval (文号, date).
    #[serde(default)]
    pub is_approval: bool,
    /// The step applies the scheme to the registry.
    #[serde(default)]
    pub is_apply: bool,
    /// Who may complete the step.
    #[serde(default)]
    pub role: StepRole,
    /// The departments whose opinion (部门意见) the step waits for.
    #[serde(default)]
    pub opinions_from: Vec<crate::org::Department>,
    /// The step waits for the agreement of every village concerned (村民会议讨论同意).
    #[serde(default)]
    pub assent_of_villages: bool,
}

/// Who completes a step: the county (drafting, consultation, reviews, implementation), the
/// city (市级统筹把关) or the province (省级审批指导).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StepRole {
    /// The county's editor (民政局 for the county government).
    #[default]
    County,
    /// The city's reviewer.
    City,
    /// The province's approver.
    Province,
}

/// A procedure: ordered steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Id (`national`, `sichuan`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Steps in order.
    pub steps: Vec<StepDef>,
}

/// The built-in templates (data, with citations), by id.
const BUILTIN: [(&str, &str); 4] = [
    (
        "national",
        include_str!("../../templates/procedure/national.toml"),
    ),
    (
        "national_npc",
        include_str!("../../templates/procedure/national_npc.toml"),
    ),
    (
        "sichuan",
        include_str!("../../templates/procedure/sichuan.toml"),
    ),
    (
        "village",
        include_str!("../../templates/procedure/village.toml"),
    ),
];

impl Template {
    /// The ids of the built-in templates.
    pub const IDS: [&'static str; 4] = ["national", "national_npc", "sichuan", "village"];

    /// Parses a template from TOML and checks it: unique step ids, prerequisites that exist
    /// and come earlier, exactly one approval step and at most one apply step.
    pub fn from_toml(text: &str) -> Result<Template, String> {
        let t: Template = toml::from_str(text).map_err(|e| e.to_string())?;
        for (i, s) in t.steps.iter().enumerate() {
            if t.steps[..i].iter().any(|p| p.id == s.id) {
                return Err(format!("duplicate step id {}", s.id));
            }
            if let Some(r) = s
                .requires
                .iter()
                .find(|r| !t.steps[..i].iter().any(|p| &p.id == *r))
            {
                return Err(format!(
                    "step {} requires {r}, which is not an earlier step",
                    s.id
                ));
            }
        }
        if t.steps.iter().filter(|s| s.is_approval).count() != 1 {
            return Err("a template needs exactly one approval step".into());
        }
        if t.steps.iter().filter(|s| s.is_apply).count() > 1 {
            return Err("a template has at most one apply step".into());
        }
        Ok(t)
    }

    /// The national procedure (条例 2018). `npc_resolution`: whether the locality requires a
    /// 人大常委会 resolution before submission.
    pub fn national(npc_resolution: bool) -> Template {
        let id = if npc_resolution {
            "national_npc"
        } else {
            "national"
        };
        Template::by_id(id).expect("the built-in templates parse (tested)")
    }

    /// Sichuan's nine stages (《四川省行政区划变更工作规程》).
    pub fn sichuan() -> Template {
        Template::by_id("sichuan").expect("the built-in templates parse (tested)")
    }

    /// A template by id.
    ///
    /// ```
    /// let t = quhua_workflow::procedure::Template::by_id("national").unwrap();
    /// assert!(t.step("city_review").is_some());
    /// ```
    pub fn by_id(id: &str) -> Option<Template> {
        BUILTIN
            .iter()
            .find(|(i, _)| *i == id)
            .and_then(|(_, text)| Template::from_toml(text).ok())
    }

    /// A step by id.
    pub fn step(&self, id: &str) -> Option<&StepDef> {
        self.steps.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_templates_parse_and_cite_documents() {
        for id in Template::IDS {
            let text = BUILTIN.iter().find(|(i, _)| *i == id).unwrap().1;
            let t = Template::from_toml(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(t.id, id);
            for s in &t.steps {
                assert!(!s.basis.contains(".md"), "{id}/{}: {}", s.id, s.basis);
                assert!(
                    s.basis.contains('《') || s.basis == "依地方规定",
                    "{id}/{}: {}",
                    s.id,
                    s.basis
                );
            }
        }
        let n = Template::national(false);
        assert_eq!(n.step("city_review").unwrap().role, StepRole::City);
        assert_eq!(
            n.step("province_approval").unwrap().role,
            StepRole::Province
        );
        assert!(
            !n.step("department_opinions")
                .unwrap()
                .opinions_from
                .is_empty()
        );
        assert!(Template::national(true).step("npc_resolution").is_some());
    }

    #[test]
    fn every_builtin_template_speaks_english_too() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for id in Template::IDS {
            let t = Template::by_id(id).unwrap();
            let name_en = t.name_en.as_deref().unwrap_or_default();
            assert!(!name_en.is_empty() && !cjk(name_en), "{id}: {name_en}");
            for s in &t.steps {
                for (what, en) in [
                    ("en", Some(s.en.as_str())),
                    ("actor_en", s.actor_en.as_deref()),
                    ("basis_en", s.basis_en.as_deref()),
                ] {
                    let en = en.unwrap_or_default();
                    assert!(!en.is_empty() && !cjk(en), "{id}/{}: {what} = {en:?}", s.id);
                }
            }
        }
    }

    #[test]
    fn malformed_templates_are_refused() {
        let bad = "id = \"x\"\nname = \"x\"\n[[steps]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nactor = \"\"\nbasis = \"\"\nrequires = [\"b\"]\nneeds = []\n";
        assert!(Template::from_toml(bad).unwrap_err().contains("requires b"));
        assert!(Template::from_toml("id = 1").is_err());
    }
}
