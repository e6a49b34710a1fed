//! A plan (调整方案) moving through the procedure: step records, materials, approval,
//! extension, and the gating that refuses a step before its prerequisites.

use super::clocks::Clocks;
use super::consultation::ConsultationRegister;
use super::template::{MaterialKind, StepDef, StepRole, Template};
use quhua_core::date::Date;
use quhua_core::i18n::{Bilingual, Text};
use serde::{Deserialize, Serialize};

/// A document attached to the plan (stored elsewhere; identified by its SHA-256).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    /// What it is.
    pub kind: Option<MaterialKind>,
    /// File name.
    pub name: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Who attached it.
    pub added_by: String,
    /// When.
    pub added_at: Date,
}

/// The record of a completed step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StepRecord {
    /// The step id.
    pub step: String,
    /// Who completed it.
    pub by: String,
    /// When.
    pub at: Date,
    /// The document that evidences it.
    pub document: Option<Document>,
    /// Notes.
    pub note: String,
}

/// The provincial approval (批复).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Approval {
    /// 批准文号.
    pub document_no: String,
    /// Date of approval.
    pub date: Date,
    /// The date the change takes effect.
    pub effective: Date,
}

/// An extension of the implementation deadline (条例 art. 15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Extension {
    /// Months (1–6).
    pub months: u32,
    /// The approver's consent (文号).
    pub document_no: String,
    /// Date.
    pub date: Date,
}

/// Why a procedure action is refused. Names what is missing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProcedureError {
    /// Unknown step id.
    #[error("{} / {}", self.text().zh, self.text().en)]
    UnknownStep(String),
    /// Already done.
    #[error("{} / {}", self.text().zh, self.text().en)]
    AlreadyDone(String),
    /// Prerequisites missing.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Prerequisites {
        /// Step (Chinese).
        step: String,
        /// Step (English).
        step_en: String,
        /// Missing steps (Chinese).
        missing_zh: String,
        /// Missing steps (English).
        missing_en: String,
    },
    /// Materials missing.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Materials {
        /// Step (Chinese).
        step: String,
        /// Step (English).
        step_en: String,
        /// Missing materials (Chinese).
        missing_zh: String,
        /// Missing materials (English).
        missing_en: String,
    },
    /// Department opinions the step waits for.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Opinions {
        /// Step (Chinese).
        step: String,
        /// Step (English).
        step_en: String,
        /// Departments (Chinese).
        missing_zh: String,
        /// Departments (English).
        missing_en: String,
    },
    /// A review action that is not possible now or not by this role.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Review {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The approval step needs the 文号 and dates.
    #[error("{} / {}", self.text().zh, self.text().en)]
    ApprovalDetails,
    /// Consultation step without any record.
    #[error("{} / {}", self.text().zh, self.text().en)]
    EmptyConsultation,
    /// Extension rules.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadExtension,
    /// A date before the previous one.
    #[error("{} / {}", self.text().zh, self.text().en)]
    DateOrder(Date, Date),
    /// Villages concerned whose assembly has not agreed (村民会议讨论同意).
    #[error("{} / {}", self.text().zh, self.text().en)]
    VillageAssent {
        /// Step (Chinese).
        step: String,
        /// Step (English).
        step_en: String,
        /// Each village and why (Chinese).
        missing_zh: String,
        /// Each village and why (English).
        missing_en: String,
    },
    /// A 村民会议 record that cannot be taken.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Assembly {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
}

impl Bilingual for ProcedureError {
    fn text(&self) -> Text {
        match self {
            Self::UnknownStep(f0) => Text::new(
                format!("程序中没有环节“{f0}”"),
                format!("the procedure has no step \"{f0}\""),
            ),
            Self::AlreadyDone(f0) => Text::new(
                format!("环节“{f0}”已完成"),
                format!("step \"{f0}\" is already done"),
            ),
            Self::Prerequisites {
                step,
                step_en,
                missing_zh,
                missing_en,
            } => Text::new(
                format!("环节“{step}”不能完成：前置环节未完成：{missing_zh}"),
                format!(
                    "step \"{step_en}\" cannot complete: unfinished prerequisites: {missing_en}"
                ),
            ),
            Self::Materials {
                step,
                step_en,
                missing_zh,
                missing_en,
            } => Text::new(
                format!("环节“{step}”不能完成：缺少材料：{missing_zh}"),
                format!("step \"{step_en}\" cannot complete: missing materials: {missing_en}"),
            ),
            Self::Opinions {
                step,
                step_en,
                missing_zh,
                missing_en,
            } => Text::new(
                format!("环节“{step}”不能完成：尚未收到部门意见：{missing_zh}"),
                format!(
                    "step \"{step_en}\" cannot complete: waiting for the opinions of: {missing_en}"
                ),
            ),
            Self::Review { zh, en } => Text::new(zh.clone(), en.clone()),
            Self::ApprovalDetails => Text::new(
                "批复环节须登记批准文号和日期",
                "the approval step needs the document number and dates",
            ),
            Self::EmptyConsultation => Text::new(
                "征求意见环节须先登记座谈会或问卷",
                "record at least one meeting or questionnaire before completing the consultation",
            ),
            Self::BadExtension => Text::new(
                "延期须在批复之后，且累计不超过6个月",
                "an extension needs the approval first and totals at most 6 months",
            ),
            Self::DateOrder(f0, f1) => Text::new(
                format!("日期 {f0} 早于前一环节的完成日期 {f1}"),
                format!("date {f0} is before the previous step's date {f1}"),
            ),
            Self::VillageAssent {
                step,
                step_en,
                missing_zh,
                missing_en,
            } => Text::new(
                format!("环节“{step}”不能完成：以下村尚未经村民会议讨论同意：{missing_zh}"),
                format!(
                    "step \"{step_en}\" cannot complete: these villages have not agreed in their assembly: {missing_en}"
                ),
            ),
            Self::Assembly { zh, en } => Text::new(zh.clone(), en.clone()),
        }
    }
}

/// The state of one step, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepStatus {
    /// Step id.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Who acts.
    pub actor: String,
    /// Who acts, in English (the Chinese where the template has none).
    pub actor_en: String,
    /// Legal basis.
    pub basis: String,
    /// The legal basis in English (the Chinese where the template has none).
    pub basis_en: String,
    /// Done (with its record).
    pub done: Option<StepRecord>,
    /// All prerequisites done and materials present.
    pub ready: bool,
    /// Unfinished prerequisites (Chinese names).
    pub missing_steps: Vec<String>,
    /// Missing materials (Chinese names).
    pub missing_materials: Vec<String>,
    /// Unfinished prerequisites (English names).
    pub missing_steps_en: Vec<String>,
    /// Missing materials (English names).
    pub missing_materials_en: Vec<String>,
    /// Departments whose opinion the step still waits for.
    pub missing_opinions: Vec<crate::org::Department>,
    /// Who completes the step.
    pub role: super::template::StepRole,
}

/// A scheme in the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Plan name.
    pub name: String,
    /// County code.
    pub county: String,
    /// The scheme (as TOML), frozen at submission into the procedure.
    pub scenario: String,
    /// The procedure.
    pub template: Template,
    /// Completed steps, in order.
    pub steps: Vec<StepRecord>,
    /// Attached materials.
    pub materials: Vec<Document>,
    /// Consultation register.
    pub consultation: ConsultationRegister,
    /// Approval, once given.
    pub approval: Option<Approval>,
    /// Extensions granted.
    pub extensions: Vec<Extension>,
    /// The date the scheme was applied to the registry.
    pub applied: Option<Date>,
    /// Department opinions (部门意见) recorded by the departments themselves.
    #[serde(default)]
    pub opinions: Vec<super::review::Opinion>,
    /// Returns for revision (退回修改) by the city or the province, with their comments.
    #[serde(default)]
    pub returns: Vec<super::review::Return>,
    /// Who did what and when, in order (every action on the plan).
    #[serde(default)]
    pub activity: Vec<super::review::Activity>,
    /// 村民会议 records of the villages a village adjustment concerns.
    #[serde(default)]
    pub assemblies: Vec<super::assembly::AssemblyRecord>,
}

impl Plan {
    /// A new plan; the drafting step is done at creation.
    pub fn new(
        name: &str,
        county: &str,
        scenario_toml: &str,
        template: Template,
        by: &str,
        date: Date,
    ) -> Plan {
        let mut p = Plan {
            name: name.into(),
            county: county.into(),
            scenario: scenario_toml.into(),
            template,
            steps: Vec::new(),
            materials: Vec::new(),
            consultation: ConsultationRegister::default(),
            approval: None,
            extensions: Vec::new(),
            applied: None,
            opinions: Vec::new(),
            returns: Vec::new(),
            activity: Vec::new(),
            assemblies: Vec::new(),
        };
        if p.template.step("draft").is_some() {
            p.steps.push(StepRecord {
                step: "draft".into(),
                by: by.into(),
                at: date,
                document: None,
                note: "提交方案 / scheme submitted".into(),
            });
        }
        p
    }

    /// Whether a step is done.
    pub fn is_done(&self, step: &str) -> bool {
        self.steps.iter().any(|s| s.step == step)
    }

    /// Whether a material of this kind is attached (directly or as a step's document), or
    /// produced by a completed step that gathers department opinions.
    pub fn has_material(&self, kind: MaterialKind) -> bool {
        self.materials.iter().any(|m| m.kind == Some(kind))
            || self
                .steps
                .iter()
                .any(|s| s.document.as_ref().is_some_and(|d| d.kind == Some(kind)))
            || self.steps.iter().any(|s| {
                self.template
                    .step(&s.step)
                    .is_some_and(|d| d.produces == Some(kind) && !d.opinions_from.is_empty())
            })
    }

    /// Attaches a material.
    pub fn attach(&mut self, doc: Document) {
        let (zh, en) = match doc.kind {
            Some(k) => (
                format!("附材料：{}《{}》", k.zh(), doc.name),
                format!("attached {}: {}", k.en(), doc.name),
            ),
            None => (
                format!("附材料《{}》", doc.name),
                format!("attached {}", doc.name),
            ),
        };
        self.log(doc.added_at, &doc.added_by.clone(), "attached", zh, en);
        self.materials.push(doc);
    }

    fn def(&self, step: &str) -> Result<&StepDef, ProcedureError> {
        self.template
            .step(step)
            .ok_or_else(|| ProcedureError::UnknownStep(step.into()))
    }

    /// What blocks a step: unfinished prerequisites and missing materials.
    pub fn blockers(
        &self,
        step: &str,
    ) -> Result<(Vec<&StepDef>, Vec<MaterialKind>), ProcedureError> {
        let def = self.def(step)?;
        let steps = def
            .requires
            .iter()
            .filter(|r| !self.is_done(r))
            .filter_map(|r| self.template.step(r))
            .collect();
        let materials = def
            .needs
            .iter()
            .copied()
            .filter(|m| !self.has_material(*m))
            .collect();
        Ok((steps, materials))
    }

    /// Completes a step. Refused, naming what is missing, before its prerequisites and materials.
    /// The document, if given, counts as the material the step produces.
    pub fn complete(
        &mut self,
        step: &str,
        by: &str,
        at: Date,
        document: Option<Document>,
        note: &str,
    ) -> Result<(), ProcedureError> {
        let def = self.def(step)?.clone();
        if self.is_done(step) {
            return Err(ProcedureError::AlreadyDone(def.zh.clone()));
        }
        let (steps, materials) = self.blockers(step)?;
        if !steps.is_empty() {
            return Err(ProcedureError::Prerequisites {
                step: def.zh.clone(),
                step_en: def.en.clone(),
                missing_zh: steps
                    .iter()
                    .map(|s| s.zh.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                missing_en: steps
                    .iter()
                    .map(|s| s.en.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if !materials.is_empty() {
            return Err(ProcedureError::Materials {
                step: def.zh.clone(),
                step_en: def.en.clone(),
                missing_zh: materials
                    .iter()
                    .map(|m| m.zh())
                    .collect::<Vec<_>>()
                    .join("、"),
                missing_en: materials
                    .iter()
                    .map(|m| m.en())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        let waiting = self.missing_opinions(&def);
        if !waiting.is_empty() {
            return Err(ProcedureError::Opinions {
                step: def.zh.clone(),
                step_en: def.en.clone(),
                missing_zh: waiting
                    .iter()
                    .map(|d| d.zh())
                    .collect::<Vec<_>>()
                    .join("、"),
                missing_en: waiting
                    .iter()
                    .map(|d| d.en())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if def.id == "consultation"
            && self.consultation.meetings.is_empty()
            && self.consultation.questionnaires.is_empty()
        {
            return Err(ProcedureError::EmptyConsultation);
        }
        if def.assent_of_villages {
            self.check_assent(&def)?;
        }
        if def.is_approval && self.approval.is_none() {
            return Err(ProcedureError::ApprovalDetails);
        }
        if let Some(last) = self.steps.iter().map(|s| s.at).max()
            && at < last
            && def
                .requires
                .iter()
                .any(|r| self.steps.iter().any(|s| &s.step == r && s.at > at))
        {
            return Err(ProcedureError::DateOrder(at, last));
        }
        let document = document.map(|mut d| {
            d.kind = d.kind.or(def.produces);
            d
        });
        self.steps.push(StepRecord {
            step: def.id.clone(),
            by: by.into(),
            at,
            document,
            note: note.into(),
        });
        if def.role == StepRole::County
            && self
                .open_return()
                .is_some_and(|r| r.undone.iter().any(|u| u.step == def.id))
        {
            self.resolve_returns(at);
            self.log(
                at,
                by,
                "resubmitted",
                format!("重新{}", def.zh),
                format!("{} again", def.en),
            );
        } else {
            self.log(
                at,
                by,
                "step_completed",
                format!("完成“{}”", def.zh),
                format!("completed \"{}\"", def.en),
            );
        }
        Ok(())
    }

    /// Records the approval details, then completes the approval step.
    pub fn approve(
        &mut self,
        approval: Approval,
        by: &str,
        document: Option<Document>,
    ) -> Result<(), ProcedureError> {
        let step = self
            .template
            .steps
            .iter()
            .find(|s| s.is_approval)
            .map(|s| s.id.clone())
            .ok_or_else(|| ProcedureError::UnknownStep("province_approval".into()))?;
        if approval.document_no.trim().is_empty() || approval.effective < approval.date {
            return Err(ProcedureError::ApprovalDetails);
        }
        let at = approval.date;
        let previous = self.approval.replace(approval);
        if let Err(e) = self.complete(&step, by, at, document, "") {
            self.approval = previous;
            return Err(e);
        }
        Ok(())
    }

    /// Records an extension (needs the approval; at most 6 months in all).
    pub fn extend(&mut self, ext: Extension) -> Result<(), ProcedureError> {
        let total: u32 = self.extensions.iter().map(|e| e.months).sum::<u32>() + ext.months;
        if self.approval.is_none() || ext.months == 0 || total > 6 {
            return Err(ProcedureError::BadExtension);
        }
        self.log(
            ext.date,
            "",
            "extended",
            format!("延期 {} 个月（{}）", ext.months, ext.document_no),
            format!("extended by {} months ({})", ext.months, ext.document_no),
        );
        self.extensions.push(ext);
        Ok(())
    }

    /// The step that applies the scheme, if the template has one.
    pub fn apply_step(&self) -> Option<&StepDef> {
        self.template.steps.iter().find(|s| s.is_apply)
    }

    /// Each step's state.
    pub fn status(&self) -> Vec<StepStatus> {
        self.template
            .steps
            .iter()
            .map(|def| {
                let (steps, materials) = self.blockers(&def.id).unwrap_or_default();
                StepStatus {
                    id: def.id.clone(),
                    zh: def.zh.clone(),
                    en: def.en.clone(),
                    actor: def.actor.clone(),
                    actor_en: def.actor_en.clone().unwrap_or_else(|| def.actor.clone()),
                    basis: def.basis.clone(),
                    basis_en: def.basis_en.clone().unwrap_or_else(|| def.basis.clone()),
                    done: self.steps.iter().find(|s| s.step == def.id).cloned(),
                    ready: steps.is_empty()
                        && materials.is_empty()
                        && self.missing_opinions(def).is_empty(),
                    missing_steps: steps.iter().map(|s| s.zh.clone()).collect(),
                    missing_materials: materials.iter().map(|m| m.zh().to_string()).collect(),
                    missing_steps_en: steps.iter().map(|s| s.en.clone()).collect(),
                    missing_materials_en: materials.iter().map(|m| m.en().to_string()).collect(),
                    missing_opinions: self.missing_opinions(def),
                    role: def.role,
                }
            })
            .collect()
    }

    /// The statutory clocks on `today`, once approved.
    pub fn clocks(&self, today: Date) -> Option<Clocks> {
        let a = self.approval.as_ref()?;
        let codes_done = self.steps.iter().find(|s| s.step == "codes").map(|s| s.at);
        Some(Clocks::compute(
            a.date,
            self.extensions.iter().map(|e| e.months).sum(),
            self.applied,
            codes_done,
            today,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::Meeting;

    fn d(s: &str) -> Date {
        quhua_core::date::parse_date(s).unwrap()
    }

    fn doc(kind: MaterialKind) -> Document {
        Document {
            kind: Some(kind),
            name: format!("{}.pdf", kind.zh()),
            sha256: "00".repeat(32),
            added_by: "县民政局".into(),
            added_at: d("2026-03-01"),
        }
    }

    #[test]
    fn gating_names_what_is_missing() {
        let mut p = Plan::new(
            "方案",
            "130634",
            "",
            Template::national(false),
            "县民政局",
            d("2026-01-05"),
        );
        let err = p
            .complete("submit", "县政府", d("2026-03-01"), None, "")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("集体讨论决定") && err.contains("编制区划图"),
            "{err}"
        );
        let err = p
            .complete("consultation", "县政府", d("2026-02-01"), None, "")
            .unwrap_err();
        assert_eq!(err, ProcedureError::EmptyConsultation);
        p.consultation.meetings.push(Meeting {
            date: d("2026-01-20"),
            level: "村".into(),
            place: "北台村".into(),
            participants: vec!["村民代表".into()],
            count: 40,
        });
        p.complete(
            "consultation",
            "县政府",
            d("2026-02-01"),
            Some(doc(MaterialKind::ConsultationSummary)),
            "",
        )
        .unwrap();
        let err = p
            .complete("legality_review", "司法局", d("2026-02-10"), None, "")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("部门意见") && err.contains("专家论证") && err.contains("风险评估"),
            "{err}"
        );
        assert!(!err.contains("征求意见"), "{err}");
    }

    #[test]
    fn submission_needs_article_13_materials() {
        let mut p = Plan::new(
            "方案",
            "130634",
            "",
            Template::national(false),
            "x",
            d("2026-01-05"),
        );
        p.consultation.meetings.push(Meeting {
            date: d("2026-01-20"),
            level: "乡镇".into(),
            place: "x".into(),
            participants: vec![],
            count: 10,
        });
        let asked = p
            .template
            .step("department_opinions")
            .unwrap()
            .opinions_from
            .clone();
        for dep in asked {
            p.record_opinion(super::super::review::Opinion {
                department: dep,
                text: "同意".into(),
                agrees: true,
                by: dep.zh().into(),
                at: d("2026-01-25"),
            })
            .unwrap();
        }
        for (s, m) in [
            ("consultation", Some(MaterialKind::ConsultationSummary)),
            (
                "department_opinions",
                Some(MaterialKind::DepartmentOpinions),
            ),
            ("expert_review", Some(MaterialKind::ExpertReport)),
            ("risk_assessment", Some(MaterialKind::RiskReport)),
        ] {
            p.complete(s, "x", d("2026-02-01"), m.map(doc), "").unwrap();
        }
        p.attach(doc(MaterialKind::MapBefore));
        p.attach(doc(MaterialKind::MapScheme));
        p.complete("maps", "x", d("2026-02-02"), None, "").unwrap();
        p.complete(
            "legality_review",
            "x",
            d("2026-02-03"),
            Some(doc(MaterialKind::LegalityOpinion)),
            "",
        )
        .unwrap();
        p.complete(
            "collective_decision",
            "x",
            d("2026-02-04"),
            Some(doc(MaterialKind::DecisionMinutes)),
            "",
        )
        .unwrap();
        let err = p
            .complete("submit", "x", d("2026-02-05"), None, "")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("申请书") && err.contains("基本情况") && !err.contains("风险评估报告"),
            "{err}"
        );
        p.attach(doc(MaterialKind::Application));
        p.attach(doc(MaterialKind::BasicFacts));
        p.complete("submit", "x", d("2026-02-05"), None, "")
            .unwrap();
        assert!(
            p.approve(
                Approval {
                    document_no: "冀政字〔2026〕1号".into(),
                    date: d("2026-03-01"),
                    effective: d("2026-03-01")
                },
                "省政府",
                None
            )
            .is_err()
        );
        p.complete("city_review", "x", d("2026-02-20"), None, "")
            .unwrap();
        // In force before it was issued: refused.
        assert!(matches!(
            p.approve(
                Approval {
                    document_no: "冀政字〔2026〕1号".into(),
                    date: d("2026-03-01"),
                    effective: d("2026-02-28")
                },
                "省政府",
                None
            ),
            Err(ProcedureError::ApprovalDetails)
        ));
        p.approve(
            Approval {
                document_no: "冀政字〔2026〕1号".into(),
                date: d("2026-03-01"),
                effective: d("2026-03-10"),
            },
            "省政府",
            None,
        )
        .unwrap();
        assert!(
            p.extend(Extension {
                months: 7,
                document_no: "x".into(),
                date: d("2026-12-01")
            })
            .is_err()
        );
        p.extend(Extension {
            months: 6,
            document_no: "x".into(),
            date: d("2026-12-01"),
        })
        .unwrap();
        let c = p.clocks(d("2027-06-01")).unwrap();
        assert_eq!(c.implementation_due, d("2027-09-01"));
        assert!(
            p.status()
                .iter()
                .find(|s| s.id == "implementation")
                .unwrap()
                .ready
        );
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn procedure_error_text() {
        assert_bilingual(
            &ProcedureError::AlreadyDone("approval".into()),
            "环节“approval”已完成",
            "step \"approval\" is already done",
        );
        assert_bilingual(
            &ProcedureError::Materials {
                step: "上报".into(),
                step_en: "submission".into(),
                missing_zh: "地图".into(),
                missing_en: "map".into(),
            },
            "环节“上报”不能完成：缺少材料：地图",
            "step \"submission\" cannot complete: missing materials: map",
        );
        let d = |m| Date::from_ymd_opt(2024, m, 1).unwrap();
        assert_bilingual(
            &ProcedureError::DateOrder(d(1), d(2)),
            "日期 2024-01-01 早于前一环节的完成日期 2024-02-01",
            "date 2024-01-01 is before the previous step's date 2024-02-01",
        );
    }
}
