//! Demo plans in the procedure (示意), so the procedure board (报批程序) has something to show
//! before anyone runs `quhua plan submit`: one in progress (合法性审查 blocked by the missing
//! 征求意见) and one approved (its statutory clocks running).

use quhua_core::date::{Date, parse_date};
use quhua_workflow::org::Department;
use quhua_workflow::procedure::{
    Approval, Document, MaterialKind, Meeting, Opinion, Plan, Template,
};

/// Who acts in the demo.
const ACTOR: &str = "曲阳县民政局（演示）";

fn date(s: &str) -> Date {
    // The literals below are valid dates; fall back to the default date rather than panic.
    parse_date(s).unwrap_or_default()
}

/// A demo document of `kind` (the SHA-256 is that of its name: there is no file).
fn doc(kind: MaterialKind, at: Date) -> Document {
    use sha2::{Digest, Sha256};
    let name = format!("{}（示意）.pdf", kind.zh());
    Document {
        kind: Some(kind),
        sha256: hex::encode(Sha256::digest(name.as_bytes())),
        name,
        added_by: ACTOR.into(),
        added_at: at,
    }
}

/// The opinion of one department (示意).
fn opinion(department: Department, at: Date) -> Opinion {
    Opinion {
        department,
        text: "原则同意（示意）".into(),
        agrees: true,
        by: format!("曲阳县{}（演示）", department.zh()),
        at,
    }
}

/// Drafted; expert review and risk assessment done; three of the five department opinions
/// recorded (编办's and 住建's still awaited); the current map attached. 征求意见 has not
/// started, so 合法性审查 is blocked.
pub fn in_progress(scenario_toml: &str) -> Result<Plan, String> {
    let at = date("2026-03-05");
    let mut plan = Plan::new(
        "曲阳县乡镇行政区划调整方案（示意）",
        quhua_demo::county_code().to_string().as_str(),
        scenario_toml,
        Template::national(false),
        ACTOR,
        date("2026-03-01"),
    );
    for d in [
        Department::DevelopmentReform,
        Department::Finance,
        Department::NaturalResources,
    ] {
        plan.record_opinion(opinion(d, at))
            .map_err(|e| e.to_string())?;
    }
    for (step, kind) in [
        ("expert_review", MaterialKind::ExpertReport),
        ("risk_assessment", MaterialKind::RiskReport),
    ] {
        plan.complete(step, ACTOR, at, Some(doc(kind, at)), "")
            .map_err(|e| e.to_string())?;
    }
    plan.attach(doc(MaterialKind::MapBefore, at));
    Ok(plan)
}

/// Every step up to the provincial approval done (materials attached, one consultation
/// meeting), approved on 2026-01-15, effective 2026-02-01; codes not yet issued.
pub fn approved(scenario_toml: &str) -> Result<Plan, String> {
    let at = date("2025-11-10");
    let mut plan = Plan::new(
        "曲阳县部分乡镇撤并方案（已批准，示意）",
        quhua_demo::county_code().to_string().as_str(),
        scenario_toml,
        Template::national(false),
        ACTOR,
        date("2025-11-01"),
    );
    plan.consultation.meetings.push(Meeting {
        date: at,
        level: "乡镇".into(),
        place: "北台乡政府".into(),
        participants: vec!["人大代表".into(), "群众".into()],
        count: 46,
    });
    let steps = plan.template.steps.clone();
    for d in steps.iter().flat_map(|s| s.opinions_from.clone()) {
        plan.record_opinion(opinion(d, at))
            .map_err(|e| e.to_string())?;
    }
    for def in steps.iter().filter(|d| d.id != "draft") {
        if def.is_approval {
            let approval = Approval {
                document_no: "冀政字〔2026〕1号（示意）".into(),
                date: date("2026-01-15"),
                effective: date("2026-02-01"),
            };
            let d = doc(MaterialKind::ApprovalDocument, approval.date);
            plan.approve(approval, "河北省人民政府（演示）", Some(d))
                .map_err(|e| e.to_string())?;
            break;
        }
        for &kind in &def.needs {
            if !plan.has_material(kind) {
                plan.attach(doc(kind, at));
            }
        }
        let produced = def.produces.map(|k| doc(k, at));
        plan.complete(&def.id, ACTOR, at, produced, "")
            .map_err(|e| e.to_string())?;
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_plans_build() {
        let p = super::in_progress("").unwrap();
        let legal = p
            .status()
            .into_iter()
            .find(|s| s.id == "legality_review")
            .unwrap();
        assert!(!legal.ready);
        assert_eq!(
            legal.missing_steps,
            vec!["征求意见".to_string(), "部门意见".to_string()]
        );
        let a = super::approved("").unwrap();
        assert!(a.approval.is_some());
        assert!(a.clocks(super::date("2026-06-01")).is_some());
    }
}
