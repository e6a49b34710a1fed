//! The actions on a plan, one function each.

use super::{load, mutate, require_level};
use crate::access::{Actor, Role};
use crate::upload::Upload;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::scenario::{Scenario, apply_scenario};
use quhua_workflow::org::Department;
use quhua_workflow::procedure::{
    Approval, AssemblyRecord, Disposition, Document, Extension, MaterialKind, Meeting, Opinion,
    Plan, Questionnaire, StepRole, Suggestion, Template,
};

/// Where a submitted or revised scheme comes from.
#[derive(Debug, Clone)]
pub enum SchemeSource {
    /// A scenario saved in the database (the browser's way).
    Saved(i64),
    /// A scheme file's text, TOML or JSON (the CLI's way).
    Text(String),
}

/// Reads a scheme and checks it belongs to the county (when given).
fn scheme(app: &App, actor: &Actor, source: &SchemeSource) -> AppResult<(Scenario, String)> {
    match source {
        SchemeSource::Saved(id) => {
            let rec = app
                .store()
                .get::<Scenario>(*id)?
                .filter(|r| actor.sees(&r.county))
                .ok_or_else(|| {
                    AppError::not_found(format!("方案 {id}"), format!("scenario {id}"))
                })?;
            let text = rec.body.to_toml()?;
            Ok((rec.body, text))
        }
        SchemeSource::Text(text) => {
            let sc = if text.trim_start().starts_with('{') {
                Scenario::from_json(text)?
            } else {
                Scenario::from_toml(text)?
            };
            Ok((sc, text.clone()))
        }
    }
}

/// Stores an uploaded file and returns its record for the plan.
fn store_upload(
    app: &App,
    actor: &Actor,
    file: &Upload,
    kind: Option<MaterialKind>,
    date: Date,
) -> AppResult<Document> {
    let sha256 = app
        .store()
        .put_document(&file.name, &file.bytes, &actor.name)?;
    Ok(Document {
        kind,
        name: file.name.clone(),
        sha256,
        added_by: actor.name.clone(),
        added_at: date,
    })
}

/// The template id that picks one by the scheme ([`default_template`]).
pub const AUTO_TEMPLATE: &str = "auto";

/// The procedure a scheme follows by default: a scheme of village changes only (村级建制调整,
/// approved by the county government) takes `village`; any township change takes `national`.
pub fn default_template(sc: &Scenario) -> &'static str {
    let village_only = sc.ops.iter().any(quhua_core::scenario::is_village_op)
        && sc.ops.iter().all(|op| {
            quhua_core::scenario::is_village_op(op)
                || matches!(op, quhua_core::scenario::Operation::Lock { .. })
        });
    if village_only { "village" } else { "national" }
}

/// 提交报批: a county editor submits a scheme of its county into the procedure (the drafting
/// step is done at submission). Returns the new plan's id.
pub fn submit(
    app: &App,
    actor: &Actor,
    source: &SchemeSource,
    template: &str,
    date: Date,
) -> AppResult<i64> {
    require_level(actor, StepRole::County)?;
    let (sc, text) = scheme(app, actor, source)?;
    if !actor.sees(&sc.county) {
        return Err(AppError::forbidden(
            format!("方案所属的县 {} 不在本账号辖区内", sc.county),
            format!(
                "the scheme's county {} is outside this account's jurisdiction",
                sc.county
            ),
        ));
    }
    let registry = app.registry()?;
    let code = quhua_core::DivisionCode::parse(&sc.county)?;
    if registry.as_of(date).by_code(code).is_none() {
        return Err(AppError::refused(
            format!("{date} 的区划名录中没有县级单位 {}", sc.county),
            format!("no county {} in the registry on {date}", sc.county),
        ));
    }
    let template = if template == AUTO_TEMPLATE {
        default_template(&sc)
    } else {
        template
    };
    let tpl = Template::by_id(template).ok_or_else(|| {
        AppError::invalid(
            format!(
                "未知程序模板“{template}”（可用：{}）",
                Template::IDS.join("、")
            ),
            format!(
                "unknown procedure template \"{template}\" (available: {})",
                Template::IDS.join(", ")
            ),
        )
    })?;
    let name = sc.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid(
            "方案名称不能为空，且不超过 100 个字",
            "the plan name must be 1–100 characters",
        ));
    }
    let plan = Plan::new(name, &sc.county, &text, tpl, &actor.name, date);
    Ok(app.store().create(&plan, &actor.name)?)
}

/// One consultation record.
#[derive(Debug, Clone)]
pub enum ConsultationEntry {
    /// 座谈会.
    Meeting(Meeting),
    /// 问卷.
    Questionnaire(Questionnaire),
    /// 意见建议 and its disposition.
    Suggestion(Suggestion),
}

/// 登记征求意见: a meeting, a questionnaire round or a suggestion with its disposition.
pub fn consult(app: &App, actor: &Actor, id: i64, entry: ConsultationEntry) -> AppResult<i64> {
    require_level(actor, StepRole::County)?;
    match &entry {
        ConsultationEntry::Meeting(m) if m.place.trim().is_empty() || m.count == 0 => {
            return Err(AppError::invalid(
                "座谈会须填写地点和人数",
                "a meeting needs a place and a number of people",
            ));
        }
        ConsultationEntry::Questionnaire(q)
            if q.returned > q.issued || q.in_favour > q.returned =>
        {
            return Err(AppError::invalid(
                "回收数不能多于发放数，赞成数不能多于回收数",
                "returned cannot exceed issued, nor in favour exceed returned",
            ));
        }
        ConsultationEntry::Suggestion(s)
            if s.disposition == Disposition::NotAdopted && s.reason.trim().is_empty() =>
        {
            return Err(AppError::invalid(
                "未吸纳的意见须说明理由",
                "a suggestion not adopted needs a reason",
            ));
        }
        ConsultationEntry::Suggestion(s) if s.text.trim().is_empty() => {
            return Err(AppError::invalid(
                "意见内容不能为空",
                "the suggestion needs a text",
            ));
        }
        _ => {}
    }
    let (_, rec) = mutate(app, actor, id, |plan| {
        let (at, zh, en) = match entry.clone() {
            ConsultationEntry::Meeting(m) => {
                let r = (
                    m.date,
                    format!("登记座谈会：{}，{} 人", m.place, m.count),
                    format!("meeting recorded: {}, {} people", m.place, m.count),
                );
                plan.consultation.meetings.push(m);
                r
            }
            ConsultationEntry::Questionnaire(q) => {
                let r = (
                    q.date,
                    format!("登记问卷：发放 {}，回收 {}", q.issued, q.returned),
                    format!(
                        "questionnaire recorded: {} issued, {} returned",
                        q.issued, q.returned
                    ),
                );
                plan.consultation.questionnaires.push(q);
                r
            }
            ConsultationEntry::Suggestion(s) => {
                let r = (
                    s.date,
                    format!("登记意见建议（{}）", s.disposition.zh()),
                    format!("suggestion recorded ({})", s.disposition.en()),
                );
                plan.consultation.suggestions.push(s);
                r
            }
        };
        plan.log(at, &actor.name, "consultation", zh, en);
        Ok(())
    })?;
    Ok(rec.version)
}

/// 附材料: attaches a material (申请书, 基本情况, 区划图 …), stored with its SHA-256.
pub fn attach(
    app: &App,
    actor: &Actor,
    id: i64,
    kind: MaterialKind,
    file: &Upload,
    date: Date,
) -> AppResult<Document> {
    require_level(actor, StepRole::County)?;
    load(app, actor, id)?;
    let doc = store_upload(app, actor, file, Some(kind), date)?;
    mutate(app, actor, id, |plan| {
        plan.attach(doc.clone());
        Ok(())
    })?;
    Ok(doc)
}

/// 完成环节: completes a step (by the level the template names), with its document.
/// Refused, naming what is missing, before its prerequisites, materials and opinions. The
/// approval step is completed by [`approve`], the implementation step by [`apply`].
pub fn complete_step(
    app: &App,
    actor: &Actor,
    id: i64,
    step: &str,
    date: Date,
    file: Option<&Upload>,
    note: &str,
) -> AppResult<i64> {
    let rec = load(app, actor, id)?;
    let def =
        rec.body.template.step(step).cloned().ok_or_else(|| {
            AppError::not_found(format!("环节“{step}”"), format!("step \"{step}\""))
        })?;
    require_level(actor, def.role)?;
    if def.is_apply {
        return Err(AppError::refused(
            "“组织实施”环节通过“实施”（写入区划名录）完成",
            "the implementation step is completed by applying the plan to the registry",
        ));
    }
    if def.is_approval {
        return Err(AppError::refused(
            "批复环节须登记批准文号和日期（“批复”）",
            "the approval step is completed by recording the approval with its document number",
        ));
    }
    // Check first, store the file only when the step can complete.
    let (steps, materials) = rec.body.blockers(step)?;
    if steps.is_empty() && materials.is_empty() {
        let mut trial = rec.body.clone();
        trial.complete(step, &actor.name, date, None, note)?;
    }
    let doc = file
        .map(|f| store_upload(app, actor, f, None, date))
        .transpose()?;
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.complete(step, &actor.name, date, doc.clone(), note)?)
    })?;
    Ok(rec.version)
}

/// 部门意见: a department officer records the opinion of its own department.
pub fn opinion(
    app: &App,
    actor: &Actor,
    id: i64,
    department: Department,
    text: &str,
    agrees: bool,
    date: Date,
) -> AppResult<i64> {
    let allowed = match actor.role {
        None => true,
        Some(Role::Department) => actor.department == Some(department),
        Some(_) => false,
    };
    if !allowed {
        return Err(AppError::forbidden(
            format!("只有{}的账号能登记本部门意见", department.zh()),
            format!(
                "only an account of the {} records its opinion",
                department.en()
            ),
        ));
    }
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.record_opinion(Opinion {
            department,
            text: text.trim().to_string(),
            agrees,
            by: actor.name.clone(),
            at: date,
        })?)
    })?;
    Ok(rec.version)
}

/// 审核通过 (city) — completes the city's review step; like [`complete_step`] for the city.
/// 退回修改: the city or the province returns the plan to the county with comments.
pub fn return_plan(
    app: &App,
    actor: &Actor,
    id: i64,
    comments: &str,
    date: Date,
) -> AppResult<i64> {
    let level = actor.step_role().filter(|r| *r != StepRole::County);
    let level = match (actor.role, level) {
        (None, _) => {
            let rec = load(app, actor, id)?;
            [StepRole::Province, StepRole::City]
                .into_iter()
                .find(|r| rec.body.pending_review(*r).is_some())
                .unwrap_or(StepRole::City)
        }
        (_, Some(l)) => l,
        _ => {
            return Err(AppError::forbidden(
                "退回修改须由市级审核或省级审批账号办理",
                "returning a plan is for a city reviewer or province approver account",
            ));
        }
    };
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.return_for_revision(level, &actor.name, date, comments)?)
    })?;
    Ok(rec.version)
}

/// 修订方案: after a return, the county replaces the scheme (from a saved scenario or a file).
pub fn revise(
    app: &App,
    actor: &Actor,
    id: i64,
    source: &SchemeSource,
    note: &str,
    date: Date,
) -> AppResult<i64> {
    require_level(actor, StepRole::County)?;
    let current = load(app, actor, id)?;
    let (sc, text) = scheme(app, actor, source)?;
    if sc.county != current.county {
        return Err(AppError::refused(
            format!(
                "修订的方案属于县 {}，而报批方案属于县 {}",
                sc.county, current.county
            ),
            format!(
                "the revised scheme is for county {}, the plan for county {}",
                sc.county, current.county
            ),
        ));
    }
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.revise(&text, &actor.name, date, note)?)
    })?;
    Ok(rec.version)
}

/// 批复: the approving level records its approval with 文号, date and effective date — the
/// province for a township scheme, the county government for a village adjustment (the
/// template's approval step says which).
pub fn approve(
    app: &App,
    actor: &Actor,
    id: i64,
    approval: Approval,
    file: Option<&Upload>,
) -> AppResult<i64> {
    let rec = load(app, actor, id)?;
    let level = super::board::approval_step(&rec.body)
        .map(|s| s.role)
        .unwrap_or(StepRole::Province);
    require_level(actor, level)?;
    let mut trial = rec.body.clone();
    trial.approve(approval.clone(), &actor.name, None)?;
    let doc = file
        .map(|f| {
            store_upload(
                app,
                actor,
                f,
                Some(MaterialKind::ApprovalDocument),
                approval.date,
            )
        })
        .transpose()?;
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.approve(approval.clone(), &actor.name, doc.clone())?)
    })?;
    Ok(rec.version)
}

/// 批复 of several plans under one decision (one 文号, one document): e.g. the county
/// government approving many village adjustments at once. Every plan must lie in one county,
/// await its approval at the actor's level and pass it; then all are approved in one
/// transaction, or none (a plan changed meanwhile, or any refusal, names the plan).
pub fn approve_batch(
    app: &App,
    actor: &Actor,
    ids: &[i64],
    approval: Approval,
    file: Option<&Upload>,
) -> AppResult<Vec<i64>> {
    if ids.is_empty() {
        return Err(AppError::invalid("未选择方案", "no plans chosen"));
    }
    let mut recs = Vec::with_capacity(ids.len());
    for &id in ids {
        if recs.iter().any(|r: &quhua_store::Record<Plan>| r.id == id) {
            return Err(AppError::invalid(
                format!("方案 {id} 重复列出"),
                format!("plan {id} is listed twice"),
            ));
        }
        recs.push(load(app, actor, id)?);
    }
    let county = recs[0].county.clone();
    // Every plan is checked before anything is stored (the document included).
    for rec in &recs {
        let name = rec.body.name.clone();
        let named = |e: AppError| {
            AppError::refused(
                format!("《{name}》：{}", e.zh),
                format!("\"{name}\": {}", e.en),
            )
        };
        if rec.county != county {
            return Err(AppError::invalid(
                format!(
                    "《{name}》属于另一个县（{}），一次批复只含一个县的方案",
                    rec.county
                ),
                format!(
                    "\"{name}\" belongs to another county ({}): one approval covers one county",
                    rec.county
                ),
            ));
        }
        let level = super::board::approval_step(&rec.body)
            .map(|s| s.role)
            .unwrap_or(StepRole::Province);
        require_level(actor, level).map_err(named)?;
        let mut trial = rec.body.clone();
        trial
            .approve(approval.clone(), &actor.name, None)
            .map_err(|e| named(e.into()))?;
    }
    let doc = file
        .map(|f| {
            store_upload(
                app,
                actor,
                f,
                Some(MaterialKind::ApprovalDocument),
                approval.date,
            )
        })
        .transpose()?;
    for rec in &mut recs {
        rec.body
            .approve(approval.clone(), &actor.name, doc.clone())?;
    }
    let items: Vec<(i64, i64, &Plan)> = recs.iter().map(|r| (r.id, r.version, &r.body)).collect();
    Ok(app.store().update_many(&items, &actor.name)?)
}

/// 登记村民会议: a county editor records one village's 村民会议 (or 村民代表会议) on a village
/// adjustment: date, attendance and votes. Refused for a village the scheme does not concern,
/// an impossible count, or once approved.
pub fn record_assembly(
    app: &App,
    actor: &Actor,
    id: i64,
    mut record: AssemblyRecord,
    minutes: Option<&Upload>,
) -> AppResult<i64> {
    require_level(actor, StepRole::County)?;
    record.recorded_by = actor.name.clone();
    record.village = record.village.trim().to_string();
    if record.village_name.trim().is_empty() {
        record.village_name = village_name(app, &record.village, record.date)?;
    }
    let mut trial = load(app, actor, id)?.body;
    trial.record_assembly(record.clone())?;
    record.minutes = minutes
        .map(|f| store_upload(app, actor, f, None, record.date))
        .transpose()?;
    let (_, rec) = mutate(app, actor, id, |plan| {
        Ok(plan.record_assembly(record.clone())?)
    })?;
    Ok(rec.version)
}

/// A village's name for a reference (code or name) on `date`: the registry's, else the reference.
fn village_name(app: &App, reference: &str, date: Date) -> AppResult<String> {
    let Ok(code) = quhua_core::DivisionCode::parse(reference) else {
        return Ok(reference.to_string());
    };
    let registry = app.registry()?;
    Ok(registry
        .as_of(date)
        .by_code(code)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| reference.to_string()))
}

/// 延期: records the approver's consent to extend implementation (at most 6 months in all).
pub fn extend(app: &App, actor: &Actor, id: i64, ext: Extension) -> AppResult<i64> {
    if !(actor.is(Role::CountyEditor) || actor.is(Role::ProvinceApprover)) {
        return Err(AppError::forbidden(
            "延期由县级编辑或省级审批账号登记",
            "an extension is recorded by a county editor or a province approver",
        ));
    }
    let (_, rec) = mutate(app, actor, id, |plan| Ok(plan.extend(ext.clone())?))?;
    Ok(rec.version)
}

/// What applying a plan did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Applied {
    /// Events recorded.
    pub events: usize,
    /// Effective date.
    pub effective: Date,
    /// 批准文号.
    pub document_no: String,
    /// Whether the plan's handover was updated from the events (codes as assigned), or why not.
    pub handover: Option<String>,
}

/// 实施: writes the approved scheme into the registry as typed events, effective on the
/// approval's date, in one transaction with the plan's new state; refused before the
/// effective date and before the steps it requires.
pub fn apply(app: &App, actor: &Actor, id: i64, today: Date) -> AppResult<Applied> {
    require_level(actor, StepRole::County)?;
    for _ in 0..5 {
        let rec = load(app, actor, id)?;
        let mut plan = rec.body;
        let approval = plan.approval.clone().ok_or_else(|| {
            AppError::refused(
                "尚未登记批复，不能实施",
                "no approval recorded: cannot apply",
            )
        })?;
        if plan.applied.is_some() {
            return Err(AppError::refused(
                "方案已实施",
                "the plan is already applied",
            ));
        }
        if today < approval.effective {
            return Err(AppError::refused(
                format!("批复的生效日期为 {}，此前不能实施", approval.effective),
                format!(
                    "the approval takes effect on {}: it cannot be applied before",
                    approval.effective
                ),
            ));
        }
        let step = plan.apply_step().map(|s| s.id.clone()).ok_or_else(|| {
            AppError::refused(
                "程序模板没有实施环节",
                "the template has no implementation step",
            )
        })?;
        let (missing, _) = plan.blockers(&step)?;
        if !missing.is_empty() {
            let zh: Vec<&str> = missing.iter().map(|s| s.zh.as_str()).collect();
            let en: Vec<&str> = missing.iter().map(|s| s.en.as_str()).collect();
            return Err(AppError::refused(
                format!("实施前须完成：{}", zh.join("、")),
                format!("complete first: {}", en.join(", ")),
            ));
        }
        let scenario =
            Scenario::from_toml(&plan.scenario).or_else(|_| Scenario::from_json(&plan.scenario))?;
        let submitted = plan.steps.first().map(|s| s.at).unwrap_or(approval.date);
        let base_date = match scenario.base_date.as_deref() {
            Some(d) => crate::text::parse_date("方案基准日期 / base date", d)?,
            None => submitted,
        };
        let mut reg = app.store().load_registry()?.ok_or_else(|| {
            app.registry()
                .err()
                .unwrap_or_else(|| AppError::internal("registry vanished"))
        })?;
        let before = reg.events().len();
        let ids = apply_scenario(
            &mut reg,
            &scenario,
            base_date,
            approval.effective,
            &approval.document_no,
        )?;
        plan.complete(
            &step,
            &actor.name,
            approval.effective,
            None,
            &format!(
                "写入区划名录：{} 项变更 / {} changes recorded",
                ids.len(),
                ids.len()
            ),
        )?;
        plan.applied = Some(approval.effective);
        match app
            .store()
            .apply_plan(id, rec.version, &plan, &reg.events()[before..], &actor.name)
        {
            Ok(_) => {
                app.refresh()?;
                let handover = refresh_handover(app, actor, id)?;
                return Ok(Applied {
                    events: ids.len(),
                    effective: approval.effective,
                    document_no: approval.document_no,
                    handover,
                });
            }
            Err(quhua_store::StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        crate::ErrorKind::Conflict,
        "报批方案正被多人同时修改，请稍后重试",
        "the plan is being changed by several people at once; retry shortly",
    ))
}

/// After an apply: regenerates the plan's handover (if there is one) from the events, so it
/// carries the codes as assigned. A refusal (a closed section would disappear) does not undo
/// the apply; it is reported.
fn refresh_handover(app: &App, actor: &Actor, id: i64) -> AppResult<Option<String>> {
    if app
        .store()
        .version_of::<quhua_workflow::handover::Handover>(id)?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(match crate::handover::init(app, actor, id) {
        Ok(_) => "交接已按实施结果更新 / handover updated from the events".to_string(),
        Err(e) => format!("交接未更新 / handover not updated: {} / {}", e.zh, e.en),
    }))
}
