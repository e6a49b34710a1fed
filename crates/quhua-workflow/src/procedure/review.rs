//! Review by the other levels and departments: department opinions (部门意见), returns for
//! revision (退回修改) by the city or the province with their comments, the county's revision
//! and resubmission, and the activity log that shows who did what and when.

use super::plan::{Plan, ProcedureError, StepRecord};
use super::template::{StepDef, StepRole};
use crate::org::Department;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// A department's opinion on the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Opinion {
    /// Which department.
    pub department: Department,
    /// 同意 / 原则同意 / 有修改意见 … as written.
    pub text: String,
    /// Whether the department agrees.
    pub agrees: bool,
    /// Who recorded it.
    pub by: String,
    /// When.
    pub at: Date,
}

/// A return for revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Return {
    /// Who returned it.
    pub by: String,
    /// From which level.
    pub role: StepRole,
    /// When.
    pub at: Date,
    /// What must change.
    pub comments: String,
    /// The step records undone by the return (kept: the history stays).
    pub undone: Vec<StepRecord>,
    /// The scheme as it was when returned.
    pub scheme_before: String,
    /// When the county resubmitted, once it has.
    pub resolved: Option<Date>,
}

/// One entry of the activity log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Activity {
    /// When.
    pub at: Date,
    /// Who.
    pub by: String,
    /// What, as a stable id (`step_completed`, `returned`, `opinion`, …).
    pub action: String,
    /// Details in Chinese.
    pub zh: String,
    /// Details in English.
    pub en: String,
}

fn refuse(zh: impl Into<String>, en: impl Into<String>) -> ProcedureError {
    ProcedureError::Review {
        zh: zh.into(),
        en: en.into(),
    }
}

impl Plan {
    /// Appends to the activity log.
    pub fn log(&mut self, at: Date, by: &str, action: &str, zh: String, en: String) {
        self.activity.push(Activity {
            at,
            by: by.into(),
            action: action.into(),
            zh,
            en,
        });
    }

    /// The departments whose opinion a step still waits for.
    pub fn missing_opinions(&self, def: &StepDef) -> Vec<Department> {
        def.opinions_from
            .iter()
            .copied()
            .filter(|d| !self.opinions.iter().any(|o| o.department == *d))
            .collect()
    }

    /// Records a department's opinion (a later one from the same department replaces the
    /// earlier in effect; both stay in the log). Refused once the step that gathers opinions
    /// is done, and from a department the template does not ask.
    pub fn record_opinion(&mut self, opinion: Opinion) -> Result<(), ProcedureError> {
        let Some(def) = self
            .template
            .steps
            .iter()
            .find(|s| s.opinions_from.contains(&opinion.department))
            .cloned()
        else {
            return Err(refuse(
                format!("本程序不征求{}的意见", opinion.department.zh()),
                format!(
                    "this procedure does not ask the {} for an opinion",
                    opinion.department.en()
                ),
            ));
        };
        if self.is_done(&def.id) {
            return Err(refuse(
                format!("“{}”环节已完成，不再登记部门意见", def.zh),
                format!("the step \"{}\" is done: no more opinions", def.en),
            ));
        }
        if opinion.text.trim().is_empty() {
            return Err(refuse("部门意见不能为空", "an opinion needs a text"));
        }
        self.log(
            opinion.at,
            &opinion.by.clone(),
            "opinion",
            format!(
                "{}意见：{}",
                opinion.department.zh(),
                if opinion.agrees {
                    "同意"
                } else {
                    "有不同意见"
                }
            ),
            format!(
                "{} opinion: {}",
                opinion.department.en(),
                if opinion.agrees { "agrees" } else { "objects" }
            ),
        );
        self.opinions.retain(|o| o.department != opinion.department);
        self.opinions.push(opinion);
        Ok(())
    }

    /// The step a reviewer at `role` acts on now: the first step of that role that is not done
    /// and whose prerequisites are done.
    pub fn pending_review(&self, role: StepRole) -> Option<&StepDef> {
        self.template.steps.iter().find(|s| {
            s.role == role && !self.is_done(&s.id) && s.requires.iter().all(|r| self.is_done(r))
        })
    }

    /// Returns the plan to the county for revision (退回修改): the submission and every step
    /// that depends on it are undone (their records kept in the return), the comments are
    /// shown to the county, which revises and resubmits.
    pub fn return_for_revision(
        &mut self,
        role: StepRole,
        by: &str,
        at: Date,
        comments: &str,
    ) -> Result<(), ProcedureError> {
        if role == StepRole::County {
            return Err(refuse(
                "退回修改由市级或省级审核人员作出",
                "only the city or the province returns a plan for revision",
            ));
        }
        if comments.trim().is_empty() {
            return Err(refuse(
                "退回须写明修改意见",
                "a return needs comments saying what must change",
            ));
        }
        let Some(step) = self.pending_review(role).cloned() else {
            return Err(refuse(
                "方案当前不在本级审核环节，不能退回",
                "the plan is not awaiting this level's review: it cannot be returned",
            ));
        };
        let submit = self
            .template
            .steps
            .iter()
            .rev()
            .find(|s| s.role == StepRole::County && step_depends_on(self, &step, &s.id))
            .map(|s| s.id.clone())
            .ok_or_else(|| refuse("找不到上报环节", "no submission step to return to"))?;
        let undone_ids: Vec<String> = self
            .template
            .steps
            .iter()
            .filter(|s| s.id == submit || step_depends_on(self, s, &submit))
            .map(|s| s.id.clone())
            .collect();
        let (undone, kept): (Vec<StepRecord>, Vec<StepRecord>) = std::mem::take(&mut self.steps)
            .into_iter()
            .partition(|r| undone_ids.contains(&r.step));
        self.steps = kept;
        self.returns.push(Return {
            by: by.into(),
            role,
            at,
            comments: comments.trim().into(),
            undone,
            scheme_before: self.scenario.clone(),
            resolved: None,
        });
        self.log(
            at,
            by,
            "returned",
            format!("{}退回修改：{}", role_zh(role), comments.trim()),
            format!(
                "returned for revision by the {}: {}",
                role_en(role),
                comments.trim()
            ),
        );
        Ok(())
    }

    /// The open return, if the plan is back with the county.
    pub fn open_return(&self) -> Option<&super::review::Return> {
        self.returns.iter().rev().find(|r| r.resolved.is_none())
    }

    /// Replaces the scheme while the plan is back with the county after a return.
    pub fn revise(
        &mut self,
        scheme: &str,
        by: &str,
        at: Date,
        note: &str,
    ) -> Result<(), ProcedureError> {
        if self.open_return().is_none() {
            return Err(refuse(
                "只有退回修改的方案才能修订方案内容",
                "only a plan returned for revision can have its scheme revised",
            ));
        }
        self.scenario = scheme.into();
        self.log(
            at,
            by,
            "revised",
            format!("修订方案：{note}"),
            format!("scheme revised: {note}"),
        );
        Ok(())
    }

    /// Marks open returns resolved (called when the submission step completes again).
    pub(crate) fn resolve_returns(&mut self, at: Date) {
        for r in self.returns.iter_mut().filter(|r| r.resolved.is_none()) {
            r.resolved = Some(at);
        }
    }
}

/// Whether `step` requires `on`, directly or through other steps.
fn step_depends_on(plan: &Plan, step: &StepDef, on: &str) -> bool {
    let mut stack: Vec<&str> = step.requires.iter().map(String::as_str).collect();
    let mut seen = std::collections::HashSet::new();
    while let Some(s) = stack.pop() {
        if s == on {
            return true;
        }
        if seen.insert(s)
            && let Some(d) = plan.template.step(s)
        {
            stack.extend(d.requires.iter().map(String::as_str));
        }
    }
    false
}

fn role_zh(r: StepRole) -> &'static str {
    match r {
        StepRole::County => "县级",
        StepRole::City => "市级",
        StepRole::Province => "省级",
    }
}

fn role_en(r: StepRole) -> &'static str {
    match r {
        StepRole::County => "county",
        StepRole::City => "city",
        StepRole::Province => "province",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::{Approval, Template};

    fn d(s: &str) -> Date {
        quhua_core::date::parse_date(s).unwrap()
    }

    /// A plan whose `submit` step is done (everything before it forced in directly).
    fn submitted() -> Plan {
        let mut p = Plan::new(
            "方案",
            "130634",
            "name = \"v1\"",
            Template::national(false),
            "县",
            d("2026-01-05"),
        );
        for s in [
            "consultation",
            "department_opinions",
            "expert_review",
            "risk_assessment",
            "maps",
            "legality_review",
            "collective_decision",
            "submit",
        ] {
            p.steps.push(StepRecord {
                step: s.into(),
                by: "县".into(),
                at: d("2026-02-01"),
                document: None,
                note: String::new(),
            });
        }
        p
    }

    #[test]
    fn the_city_returns_the_county_revises_and_resubmits_with_history_kept() {
        let mut p = submitted();
        assert!(
            p.return_for_revision(StepRole::Province, "省", d("2026-02-10"), "x")
                .is_err(),
            "not at the province yet"
        );
        assert!(
            p.return_for_revision(StepRole::City, "市", d("2026-02-10"), "  ")
                .is_err(),
            "comments required"
        );
        p.return_for_revision(
            StepRole::City,
            "市民政局",
            d("2026-02-10"),
            "请补充北台乡群众意见",
        )
        .unwrap();
        assert!(!p.is_done("submit"), "the submission is undone");
        assert!(p.is_done("collective_decision"), "earlier steps stay");
        assert_eq!(p.open_return().unwrap().comments, "请补充北台乡群众意见");
        assert_eq!(p.open_return().unwrap().undone.len(), 1);
        p.revise("name = \"v2\"", "县", d("2026-02-12"), "补充意见")
            .unwrap();
        assert_eq!(p.scenario, "name = \"v2\"");
        assert_eq!(p.open_return().unwrap().scheme_before, "name = \"v1\"");
        // Resubmission (materials forced present for this unit test).
        for k in super::super::MaterialKind::ARTICLE_13 {
            p.materials.push(super::super::Document {
                kind: Some(k),
                name: "x".into(),
                sha256: "0".repeat(64),
                added_by: "县".into(),
                added_at: d("2026-02-12"),
            });
        }
        p.complete("submit", "县", d("2026-02-13"), None, "")
            .unwrap();
        assert!(p.open_return().is_none());
        assert_eq!(p.returns.len(), 1, "the history stays");
        assert!(p.activity.iter().any(|a| a.action == "resubmitted"));
        assert!(
            p.revise("x", "县", d("2026-02-14"), "").is_err(),
            "no revision without a return"
        );
    }

    #[test]
    fn the_province_return_undoes_the_city_review_too() {
        let mut p = submitted();
        p.steps.push(StepRecord {
            step: "city_review".into(),
            by: "市".into(),
            at: d("2026-02-20"),
            document: None,
            note: String::new(),
        });
        assert!(
            p.return_for_revision(StepRole::City, "市", d("2026-02-21"), "x")
                .is_err(),
            "the city is done"
        );
        p.return_for_revision(StepRole::Province, "省民政厅", d("2026-02-21"), "面积超标")
            .unwrap();
        assert!(!p.is_done("submit") && !p.is_done("city_review"));
        assert_eq!(p.open_return().unwrap().undone.len(), 2);
        assert!(
            p.approve(
                Approval {
                    document_no: "冀政字〔2026〕1号".into(),
                    date: d("2026-03-01"),
                    effective: d("2026-03-02")
                },
                "省",
                None
            )
            .is_err()
        );
    }

    #[test]
    fn opinions_only_from_asked_departments_and_before_the_step_is_done() {
        let mut p = submitted();
        let op = |dep| Opinion {
            department: dep,
            text: "同意".into(),
            agrees: true,
            by: "x".into(),
            at: d("2026-01-20"),
        };
        assert!(
            p.record_opinion(op(Department::Staffing)).is_err(),
            "step already done"
        );
        let mut q = Plan::new(
            "方案",
            "130634",
            "",
            Template::national(false),
            "县",
            d("2026-01-05"),
        );
        assert!(
            q.record_opinion(op(Department::Health)).is_err(),
            "not asked"
        );
        q.record_opinion(op(Department::Staffing)).unwrap();
        let def = q.template.step("department_opinions").unwrap().clone();
        assert!(!q.missing_opinions(&def).contains(&Department::Staffing));
        assert_eq!(q.missing_opinions(&def).len(), def.opinions_from.len() - 1);
    }
}
