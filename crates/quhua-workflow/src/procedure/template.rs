//! Procedure templates: the ordered steps, who acts, what each needs and produces.

use serde::{Deserialize, Serialize};

/// Materials the procedure asks for (条例 art. 13 and the steps' own outputs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    /// Legal basis.
    pub basis: String,
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
}

/// A procedure: ordered steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Id (`national`, `sichuan`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Steps in order.
    pub steps: Vec<StepDef>,
}

#[allow(clippy::too_many_arguments)]
fn step(
    id: &str,
    zh: &str,
    en: &str,
    actor: &str,
    basis: &str,
    requires: &[&str],
    needs: &[MaterialKind],
    produces: Option<MaterialKind>,
) -> StepDef {
    StepDef {
        id: id.into(),
        zh: zh.into(),
        en: en.into(),
        actor: actor.into(),
        basis: basis.into(),
        requires: requires.iter().map(|s| s.to_string()).collect(),
        needs: needs.to_vec(),
        produces,
        is_approval: false,
        is_apply: false,
    }
}

impl Template {
    /// The national procedure (procedure.md §4). `npc_resolution`: whether the locality
    /// requires a 人大常委会 resolution before submission.
    pub fn national(npc_resolution: bool) -> Template {
        use MaterialKind::*;
        let mut steps = vec![
            step(
                "draft",
                "拟制方案",
                "draft the scheme",
                "县级人民政府（民政局）",
                "实施办法第三条；条例第四条",
                &[],
                &[],
                None,
            ),
            step(
                "consultation",
                "征求意见",
                "public consultation",
                "县政府/乡镇政府",
                "条例第十三条第（五）项；村委会组织法第三条",
                &["draft"],
                &[],
                Some(ConsultationSummary),
            ),
            step(
                "department_opinions",
                "部门意见",
                "department opinions",
                "民政部门（征求编办、发改、民族、财政、自然资源、住建/规划）",
                "条例第十四条",
                &["draft"],
                &[],
                Some(DepartmentOpinions),
            ),
            step(
                "expert_review",
                "专家论证",
                "expert review",
                "民政部门/专家委员会",
                "条例第十三条第（四）项",
                &["draft"],
                &[],
                Some(ExpertReport),
            ),
            step(
                "risk_assessment",
                "风险评估",
                "risk assessment",
                "县政府/民政部门",
                "条例第十三条第（三）项",
                &["draft"],
                &[],
                Some(RiskReport),
            ),
            step(
                "maps",
                "编制区划图",
                "prepare the maps",
                "县自然资源/民政部门",
                "条例第十三条第（六）项",
                &["draft"],
                &[MapBefore, MapScheme],
                None,
            ),
            step(
                "legality_review",
                "合法性审查",
                "legality review",
                "司法行政部门",
                "重大行政决策程序：未经合法性审查不得提请集体讨论",
                &[
                    "consultation",
                    "department_opinions",
                    "expert_review",
                    "risk_assessment",
                ],
                &[
                    ConsultationSummary,
                    DepartmentOpinions,
                    ExpertReport,
                    RiskReport,
                ],
                Some(LegalityOpinion),
            ),
            step(
                "collective_decision",
                "集体讨论决定",
                "collective decision",
                "县委常委会/县政府常务会议",
                "重大行政决策程序",
                &["legality_review"],
                &[LegalityOpinion],
                Some(DecisionMinutes),
            ),
        ];
        let mut before_submit = vec!["collective_decision", "maps"];
        if npc_resolution {
            steps.push(step(
                "npc_resolution",
                "人大常委会决议",
                "people's congress resolution",
                "县人大常委会",
                "地方规定",
                &["collective_decision"],
                &[],
                Some(NpcResolution),
            ));
            before_submit.push("npc_resolution");
        }
        steps.push(step(
            "submit",
            "逐级上报",
            "submit level by level",
            "县政府 → 设区的市政府",
            "条例第二条、第十三条",
            &before_submit,
            &MaterialKind::ARTICLE_13,
            None,
        ));
        steps.push(step(
            "city_review",
            "市级审核",
            "city review",
            "设区的市政府/民政局",
            "条例第四条",
            &["submit"],
            &[],
            None,
        ));
        let mut approval = step(
            "province_approval",
            "省政府批复",
            "provincial approval",
            "省级人民政府",
            "条例第九条",
            &["city_review"],
            &[],
            Some(ApprovalDocument),
        );
        approval.is_approval = true;
        steps.push(approval);
        steps.push(step(
            "public_notice",
            "向社会公告",
            "public notice",
            "有关地方人民政府",
            "条例第十八条",
            &["province_approval"],
            &[],
            Some(Notice),
        ));
        let mut apply = step(
            "implementation",
            "组织实施",
            "implementation",
            "县政府/乡镇",
            "条例第十五条（批准之日起12个月内）",
            &["province_approval"],
            &[],
            None,
        );
        apply.is_apply = true;
        steps.push(apply);
        steps.push(step(
            "codes",
            "确定行政区划代码",
            "fix the division codes",
            "省级民政部门",
            "条例第十七条（1个月内）；民政部令第79号第五、六条",
            &["implementation"],
            &[],
            None,
        ));
        steps.push(step(
            "archive",
            "备案归档",
            "report and archive",
            "省政府/民政部门",
            "条例第十九条、第二十条",
            &["codes", "public_notice"],
            &[],
            None,
        ));
        Template {
            id: if npc_resolution {
                "national_npc".into()
            } else {
                "national".into()
            },
            name: "行政区划管理条例（2018）通用程序".into(),
            steps,
        }
    }

    /// Sichuan's nine stages (《四川省行政区划变更工作规程》, procedure.md §3.4).
    pub fn sichuan() -> Template {
        use MaterialKind::*;
        let mut steps = vec![
            step(
                "draft",
                "拟制方案",
                "draft the scheme",
                "县级人民政府",
                "四川规程",
                &[],
                &[],
                None,
            ),
            step(
                "consultation",
                "征求意见",
                "consultation",
                "县政府",
                "四川规程；条例第十三条",
                &["draft"],
                &[],
                Some(ConsultationSummary),
            ),
            step(
                "expert_review",
                "专家论证",
                "expert review",
                "民政部门",
                "四川规程；条例第十三条",
                &["consultation"],
                &[],
                Some(ExpertReport),
            ),
            step(
                "risk_assessment",
                "风险评估",
                "risk assessment",
                "县政府",
                "四川规程；条例第十三条",
                &["consultation"],
                &[],
                Some(RiskReport),
            ),
            step(
                "submit",
                "变更申请",
                "application",
                "县政府",
                "四川规程；条例第十三条",
                &["expert_review", "risk_assessment"],
                &MaterialKind::ARTICLE_13,
                None,
            ),
        ];
        let mut approval = step(
            "province_approval",
            "审核决策",
            "review and decision",
            "省级人民政府（“两上两下”）",
            "四川规程；条例第九条",
            &["submit"],
            &[],
            Some(ApprovalDocument),
        );
        approval.is_approval = true;
        steps.push(approval);
        let mut apply = step(
            "implementation",
            "组织实施",
            "implementation",
            "县政府",
            "四川规程；条例第十五条",
            &["province_approval"],
            &[],
            None,
        );
        apply.is_apply = true;
        steps.push(apply);
        steps.push(step(
            "supervision",
            "督导",
            "supervision",
            "市、省民政部门",
            "四川规程",
            &["implementation"],
            &[],
            None,
        ));
        steps.push(step(
            "archive",
            "备案管理",
            "filing",
            "民政部门",
            "四川规程；条例第十九、二十条",
            &["supervision"],
            &[],
            None,
        ));
        Template {
            id: "sichuan".into(),
            name: "四川省行政区划变更工作规程（九个环节）".into(),
            steps,
        }
    }

    /// A template by id.
    pub fn by_id(id: &str) -> Option<Template> {
        match id {
            "national" => Some(Template::national(false)),
            "national_npc" => Some(Template::national(true)),
            "sichuan" => Some(Template::sichuan()),
            _ => None,
        }
    }

    /// A step by id.
    pub fn step(&self, id: &str) -> Option<&StepDef> {
        self.steps.iter().find(|s| s.id == id)
    }
}
