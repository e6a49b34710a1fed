//! Reading plans: the list of a jurisdiction and the procedure board of one plan.

use super::documents::links;
use super::load;
use crate::access::{Actor, Role};
use crate::views::{ClocksView, Permissions, PlanBoard, PlanSummary, Stage, StepView};
use crate::{App, AppResult};
use quhua_core::date::Date;
use quhua_store::Record;
use quhua_workflow::procedure::{Plan, StepRole};

/// Where the plan is now.
fn stage(plan: &Plan) -> Stage {
    if plan.applied.is_some() {
        Stage::Applied
    } else if plan.approval.is_some() {
        Stage::Approved
    } else if plan.open_return().is_some() {
        Stage::Returned
    } else if plan.pending_review(StepRole::Province).is_some() {
        Stage::Province
    } else if plan.pending_review(StepRole::City).is_some() {
        Stage::City
    } else {
        Stage::County
    }
}

fn summary(rec: &Record<Plan>, today: Date) -> PlanSummary {
    let plan = &rec.body;
    let status = plan.status();
    let ready: Vec<_> = status
        .iter()
        .filter(|s| s.done.is_none() && s.ready)
        .collect();
    let clocks = plan.clocks(today);
    PlanSummary {
        id: rec.id,
        name: plan.name.clone(),
        county: rec.county.clone(),
        template: plan.template.id.clone(),
        template_name: plan.template.name.clone(),
        template_name_en: plan
            .template
            .name_en
            .clone()
            .unwrap_or_else(|| plan.template.name.clone()),
        version: rec.version,
        created_by: rec.created_by.clone(),
        created_at: rec.created_at.clone(),
        updated_by: rec.updated_by.clone(),
        updated_at: rec.updated_at.clone(),
        steps_done: status.iter().filter(|s| s.done.is_some()).count(),
        steps_total: status.len(),
        next: ready.iter().map(|s| s.zh.clone()).collect(),
        next_en: ready.iter().map(|s| s.en.clone()).collect(),
        stage: stage(plan),
        approval: plan.approval.clone(),
        applied: plan.applied,
        implementation: clocks.map(|c| c.implementation),
        codes: clocks.map(|c| c.codes),
    }
}

/// The plans the actor may see (optionally of one county), newest first.
pub fn list(
    app: &App,
    actor: &Actor,
    county: Option<&str>,
    today: Date,
) -> AppResult<Vec<PlanSummary>> {
    let prefix = county.unwrap_or(actor.jurisdiction.as_str());
    let mut out: Vec<PlanSummary> = app
        .store()
        .list::<Plan>(prefix)?
        .iter()
        .filter(|r| actor.sees(&r.county))
        .map(|r| summary(r, today))
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(p.id));
    Ok(out)
}

/// What the actor may do on the plan now.
fn permissions(actor: &Actor, plan: &Plan, today: Date) -> Permissions {
    let county = actor.is(Role::CountyEditor);
    let finished = plan.applied.is_some();
    Permissions {
        edit: county && !finished,
        return_plan: plan.approval.is_none()
            && [StepRole::City, StepRole::Province]
                .into_iter()
                .any(|level| {
                    let mine = match actor.role {
                        None => true,
                        Some(_) => actor.step_role() == Some(level),
                    };
                    mine && plan.pending_review(level).is_some()
                }),
        revise: county && plan.open_return().is_some(),
        approve: approval_step(plan).is_some_and(|step| {
            actor.step_role() == Some(step.role)
                && plan.approval.is_none()
                && step.requires.iter().all(|r| plan.is_done(r))
        }),
        record_assembly: county && plan.approval.is_none() && !plan.villages_concerned().is_empty(),
        opinion: match actor.role {
            Some(Role::Department) => actor.department.filter(|d| {
                plan.template
                    .steps
                    .iter()
                    .any(|s| s.opinions_from.contains(d) && !plan.is_done(&s.id))
            }),
            _ => None,
        },
        apply: county && !finished && plan.approval.as_ref().is_some_and(|a| today >= a.effective),
    }
}

/// The other plans of the county the actor could approve under the same decision now.
fn approve_with(
    app: &App,
    actor: &Actor,
    rec: &Record<Plan>,
    today: Date,
) -> AppResult<Vec<crate::views::PlanRef>> {
    if !permissions(actor, &rec.body, today).approve {
        return Ok(Vec::new());
    }
    Ok(app
        .store()
        .list::<Plan>(&rec.county)?
        .iter()
        .filter(|r| r.id != rec.id && r.county == rec.county && actor.sees(&r.county))
        .filter(|r| r.body.template.id == rec.body.template.id)
        .filter(|r| permissions(actor, &r.body, today).approve)
        .map(|r| crate::views::PlanRef {
            id: r.id,
            name: r.body.name.clone(),
        })
        .collect())
}

/// The step that records the approval (省政府批复, or 县级人民政府批准 for villages).
pub(crate) fn approval_step(plan: &Plan) -> Option<&quhua_workflow::procedure::StepDef> {
    plan.template.steps.iter().find(|s| s.is_approval)
}

/// The procedure board of one plan on `today`: every step (done with who/when/document,
/// ready, or what it is missing), the clocks, consultation, materials, opinions, returns,
/// the activity log, the generated documents and what the actor may do.
pub fn board(app: &App, actor: &Actor, id: i64, today: Date) -> AppResult<PlanBoard> {
    let rec = load(app, actor, id)?;
    let plan = &rec.body;
    let steps = plan
        .status()
        .into_iter()
        .zip(&plan.template.steps)
        .map(|(s, def)| {
            let state = if s.done.is_some() {
                "done"
            } else if s.ready {
                "ready"
            } else {
                "blocked"
            };
            let level_ok = match (def.role, actor.role) {
                (_, None) => true,
                (StepRole::County, Some(r)) => r == Role::CountyEditor,
                (StepRole::City, Some(r)) => r == Role::CityReviewer,
                (StepRole::Province, Some(r)) => r == Role::ProvinceApprover,
            };
            StepView {
                can_complete: level_ok
                    && s.done.is_none()
                    && s.ready
                    && !def.is_apply
                    && !def.is_approval
                    && plan.applied.is_none(),
                id: s.id,
                zh: s.zh,
                en: s.en,
                actor: s.actor,
                actor_en: s.actor_en,
                basis: s.basis,
                basis_en: s.basis_en,
                role: s.role,
                state: state.into(),
                ready: s.ready,
                done: s.done,
                missing_steps: s.missing_steps,
                missing_materials: s.missing_materials,
                missing_steps_en: s.missing_steps_en,
                missing_materials_en: s.missing_materials_en,
                missing_opinions: s.missing_opinions,
                opinions_from: def.opinions_from.clone(),
                is_approval: def.is_approval,
                is_apply: def.is_apply,
            }
        })
        .collect();
    let clocks = plan.clocks(today).map(|c| ClocksView {
        approved: c.approved,
        implementation_due: c.implementation_due,
        extension_months: c.extension_months,
        implementation: c.implementation,
        implementation_zh: c.implementation.zh().into(),
        codes_due: c.codes_due,
        codes: c.codes,
        codes_zh: c.codes.zh().into(),
    });
    Ok(PlanBoard {
        plan: summary(&rec, today),
        today,
        steps,
        clocks,
        consultation: plan.consultation.totals(),
        consultation_register: plan.consultation.clone(),
        consultation_summary: plan.consultation.summary_zh(),
        materials: plan.materials.clone(),
        opinions: plan.opinions.clone(),
        returns: plan.returns.clone(),
        extensions: plan.extensions.clone(),
        activity: plan.activity.clone(),
        scheme: plan.scenario.clone(),
        documents: links(
            plan.applied.is_some(),
            !plan.villages_concerned().is_empty(),
            plan.template.id != "village",
        ),
        village_assent: plan.village_assent(),
        approve_with: approve_with(app, actor, &rec, today)?,
        permissions: permissions(actor, plan, today),
    })
}
