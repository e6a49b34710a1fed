//! The risk register (风险清单) as use cases: the register of a jurisdiction as of a date with
//! its table by level and unit, registering a risk point, and the actions on it — progress,
//! measures, re-levelling, the owner's resolution report, and the supervising office's
//! verification (化解销号) or return; nobody verifies their own report.

use super::{acting_org, supervision, visible_scope, wf_actor};
use crate::access::Actor;
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_core::date::Date;
use quhua_core::i18n::Bilingual;
use quhua_store::{Filed, StoreError};
use quhua_workflow::risks::{
    Measure, Risk, RiskCategory, RiskError, RiskEventKind, RiskLevel, RiskStatus, risk_table,
};
use quhua_workflow::tasks::Supervision;
use serde::{Deserialize, Serialize};

impl From<RiskError> for AppError {
    fn from(e: RiskError) -> Self {
        let t = e.text();
        let kind = match e {
            RiskError::NotOwner { .. }
            | RiskError::NotSupervisor { .. }
            | RiskError::SelfVerification { .. } => ErrorKind::Forbidden,
            RiskError::Empty(_) => ErrorKind::Invalid,
            _ => ErrorKind::Refused,
        };
        AppError::new(kind, t.zh, t.en)
    }
}

/// An id with its labels.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Label {
    /// Stable id.
    pub id: String,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// A label from a serde enum value (its snake_case id) and its two names.
pub(super) fn label(id: impl Serialize, zh: &str, en: &str) -> Label {
    Label {
        id: serde_json::to_value(id)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        zh: zh.into(),
        en: en.into(),
    }
}

fn status_label(s: RiskStatus) -> Label {
    let en = match s {
        RiskStatus::Open => "being resolved",
        RiskStatus::Reported => "reported resolved, awaiting verification",
        RiskStatus::Returned => "returned",
        RiskStatus::Closed => "resolved and closed",
    };
    label(s, s.zh(), en)
}

/// One entry of a risk's history.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RiskEventView {
    /// Date.
    pub at: String,
    /// Account.
    pub account: String,
    /// Organisation (name).
    pub org: String,
    /// What happened (Chinese).
    pub zh: String,
    /// What happened (English).
    pub en: String,
}

/// One measure.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MeasureView {
    /// What is done.
    pub text: String,
    /// Responsible organisation (name).
    pub owner: String,
    /// By when.
    pub due: String,
}

/// One risk point as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RiskRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category: Label,
    /// Level in force.
    pub level: Label,
    /// Status.
    pub status: Label,
    /// Open past its deadline.
    pub overdue: bool,
    /// Organisations concerned (names).
    pub units: Vec<String>,
    /// Divisions concerned.
    pub divisions: Vec<String>,
    /// Tasks concerned.
    pub tasks: Vec<String>,
    /// Responsible organisation (name).
    pub owner: String,
    /// Its code.
    pub owner_code: String,
    /// Supervising office (name).
    pub supervisor: String,
    /// Identified on.
    pub identified: String,
    /// Deadline.
    pub deadline: String,
    /// Measures in force.
    pub measures: Vec<MeasureView>,
    /// History up to the date.
    pub history: Vec<RiskEventView>,
    /// The acting organisation may report on it (the owner).
    pub can_report: bool,
    /// The acting account may verify it (the office, another account, a report pending).
    pub can_verify: bool,
    /// Synthetic (示意).
    pub synthetic: bool,
}

/// One line of the table by unit and level.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RiskTableLine {
    /// Organisation (name).
    pub unit: String,
    /// Level.
    pub level: Label,
    /// Counted.
    pub total: usize,
    /// Open.
    pub open: usize,
    /// Awaiting verification.
    pub reported: usize,
    /// Closed.
    pub closed: usize,
    /// Open past the deadline.
    pub overdue: usize,
}

/// The risk register of a jurisdiction as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RisksView {
    /// The jurisdiction.
    pub scope: String,
    /// As of.
    pub date: String,
    /// Every risk point, most serious open ones first.
    pub risks: Vec<RiskRow>,
    /// By unit and level.
    pub table: Vec<RiskTableLine>,
    /// Whether any record is synthetic.
    pub synthetic: bool,
}

fn level_label(l: RiskLevel) -> Label {
    label(l, l.zh(), l.en())
}

fn event_text(k: &RiskEventKind, sup: &Supervision) -> (String, String) {
    match k {
        RiskEventKind::Update { text, .. } => (format!("进展：{text}"), format!("update: {text}")),
        RiskEventKind::Releveled { level, reason } => (
            format!("调整等级为{}：{reason}", level.zh()),
            format!("level set to {}: {reason}", level.en()),
        ),
        RiskEventKind::MeasureAdded(m) => (
            format!(
                "增加措施：{}（{}，{}前）",
                m.text,
                sup.name(&m.owner),
                m.due
            ),
            format!(
                "measure added: {} ({}, by {})",
                m.text,
                sup.name(&m.owner),
                m.due
            ),
        ),
        RiskEventKind::ResolutionReported { text, .. } => (
            format!("报告已化解：{text}"),
            format!("reported resolved: {text}"),
        ),
        RiskEventKind::Closed { note } => (
            format!("核验通过，化解销号。{note}"),
            format!("verified and closed. {note}"),
        ),
        RiskEventKind::Returned { reasons } => (
            format!("退回：{}", reasons.join("；")),
            format!("returned: {}", reasons.join("; ")),
        ),
    }
}

fn row(r: &Risk, date: Date, sup: &Supervision, actor: &Actor) -> RiskRow {
    let st = r.state(date);
    let org = acting_org(actor);
    RiskRow {
        id: r.id.clone(),
        title: r.title.clone(),
        description: r.description.clone(),
        category: label(r.category, r.category.zh(), r.category.en()),
        level: level_label(st.level),
        status: status_label(st.status),
        overdue: st.overdue,
        units: r.units.iter().map(|u| sup.name(u).to_string()).collect(),
        divisions: r.divisions.clone(),
        tasks: r.tasks.clone(),
        owner: sup.name(&r.owner).to_string(),
        owner_code: r.owner.clone(),
        supervisor: sup.name(&r.supervisor).to_string(),
        identified: r.identified.to_string(),
        deadline: r.deadline.to_string(),
        measures: st
            .measures
            .iter()
            .map(|m| MeasureView {
                text: m.text.clone(),
                owner: sup.name(&m.owner).to_string(),
                due: m.due.to_string(),
            })
            .collect(),
        history: r
            .history
            .iter()
            .take_while(|e| e.at <= date)
            .map(|e| {
                let (zh, en) = event_text(&e.kind, sup);
                RiskEventView {
                    at: e.at.to_string(),
                    account: e.by.account.clone(),
                    org: sup.name(&e.by.org).to_string(),
                    zh,
                    en,
                }
            })
            .collect(),
        can_report: st.status != RiskStatus::Closed && org.as_deref() == Some(r.owner.as_str()),
        can_verify: st.status == RiskStatus::Reported
            && org.as_deref() == Some(r.supervisor.as_str())
            && st.reported_by.as_deref() != Some(actor.name.as_str()),
        synthetic: r.synthetic,
    }
}

fn load_all(app: &App, scope: &str) -> AppResult<Vec<(i64, i64, String, Risk)>> {
    Ok(app
        .store()
        .list::<Filed<Risk>>(scope)?
        .into_iter()
        .map(|r| (r.id, r.version, r.county, r.body.body))
        .collect())
}

/// 风险清单: the risk points of a jurisdiction as of `date`, most serious open ones first,
/// with the table by unit and level.
pub fn risks(app: &App, actor: &Actor, scope: &str, date: Date) -> AppResult<RisksView> {
    let scope = visible_scope(actor, scope)?;
    let sup = supervision(app)?;
    let all: Vec<Risk> = load_all(app, &scope)?.into_iter().map(|r| r.3).collect();
    let mut rows: Vec<RiskRow> = all.iter().map(|r| row(r, date, &sup, actor)).collect();
    rows.sort_by_key(|r| {
        (
            r.status.id == "closed",
            RiskLevel::ALL
                .iter()
                .position(|l| level_label(*l).id == r.level.id),
            r.deadline.clone(),
        )
    });
    let table = risk_table(&all, date)
        .into_iter()
        .map(|t| RiskTableLine {
            unit: sup.name(&t.unit).to_string(),
            level: level_label(t.level),
            total: t.total,
            open: t.open,
            reported: t.reported,
            closed: t.closed,
            overdue: t.overdue,
        })
        .collect();
    Ok(RisksView {
        scope,
        date: date.to_string(),
        synthetic: all.iter().any(|r| r.synthetic),
        risks: rows,
        table,
    })
}

/// A new risk point as a request carries it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRisk {
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Category id (`cadres`, `petitions`, `project_owners`, `market_entities`,
    /// `assets_debts`, `public_services`, `other`).
    pub category: String,
    /// Level id (`major`, `significant`, `general`).
    pub level: String,
    /// Responsible organisation (code).
    pub owner: String,
    /// Other organisations concerned (codes).
    #[serde(default)]
    pub units: Vec<String>,
    /// Divisions concerned.
    #[serde(default)]
    pub divisions: Vec<String>,
    /// Tasks concerned (ids).
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Deadline for resolution.
    pub deadline: Date,
    /// The jurisdiction to file it under (default: the account's).
    #[serde(default)]
    pub scope: Option<String>,
}

fn parse_enum<T: for<'de> Deserialize<'de>>(field: &str, s: &str, allowed: &str) -> AppResult<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).map_err(|_| {
        AppError::invalid(
            format!("{field}“{s}”无效，可用：{allowed}"),
            format!("{field} \"{s}\" is not one of: {allowed}"),
        )
    })
}

/// 登记风险点: the supervising office registers a risk point (its id is assigned here).
pub fn create_risk(app: &App, actor: &Actor, new: &NewRisk, date: Date) -> AppResult<RiskRow> {
    let by = wf_actor(actor)?;
    let scope = match &new.scope {
        Some(s) if !s.trim().is_empty() => s.trim().to_string(),
        _ if actor.role.is_none() => {
            return Err(AppError::invalid(
                "请指明风险点所属辖区（--scope）",
                "name the risk's jurisdiction (--scope)",
            ));
        }
        _ => actor.jurisdiction.as_str().to_string(),
    };
    visible_scope(actor, &scope)?;
    let category: RiskCategory = parse_enum(
        "类别",
        &new.category,
        "cadres, petitions, project_owners, market_entities, assets_debts, public_services, other",
    )?;
    let level: RiskLevel = parse_enum("等级", &new.level, "major, significant, general")?;
    if new.title.trim().is_empty() || new.owner.trim().is_empty() {
        return Err(AppError::invalid(
            "标题和责任单位不能为空",
            "the title and the responsible unit are required",
        ));
    }
    if new.deadline < date {
        return Err(AppError::invalid(
            format!("化解期限 {} 早于今天", new.deadline),
            format!("the deadline {} is before today", new.deadline),
        ));
    }
    let n = app.store().stamp::<Filed<Risk>>(&scope)?.0 + 1;
    let mut r = Risk::new(
        &format!("R-{scope}-{n}"),
        new.title.trim(),
        category,
        level,
        new.owner.trim(),
        &by.org,
        date,
        new.deadline,
    );
    r.description = new.description.trim().to_string();
    r.units.extend(new.units.iter().cloned());
    r.units.dedup();
    r.divisions = new.divisions.clone();
    r.tasks = new.tasks.clone();
    let id = r.id.clone();
    let body = Filed { scope, body: r };
    let intent = serde_json::json!({"op": "create", "risk": id});
    app.store()
        .create_many(&[], std::slice::from_ref(&body), &intent, &actor.name)
        .map_err(|e| match e {
            StoreError::Invalid { zh, en } => AppError::refused(zh, en),
            e => e.into(),
        })?;
    let sup = supervision(app)?;
    Ok(row(&body.body, date, &sup, actor))
}

/// One action on a risk point.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "action", deny_unknown_fields)]
pub enum RiskAction {
    /// 进展 (the owner).
    Update {
        /// What was done.
        text: String,
    },
    /// 增加措施 (the owner or the office).
    Measure {
        /// What is done.
        text: String,
        /// Responsible organisation (code).
        owner: String,
        /// By when.
        due: Date,
    },
    /// 调整等级 (the office).
    Relevel {
        /// Level id.
        level: String,
        /// Why.
        reason: String,
    },
    /// 报告已化解 (the owner).
    Resolved {
        /// How it was resolved.
        text: String,
    },
    /// 化解销号 (the office, another account).
    Close {
        /// Note.
        #[serde(default)]
        note: String,
    },
    /// 退回 (the office).
    Return {
        /// Why.
        reason: String,
    },
}

/// Does one action on a risk point on `date` (saved against the version read; applied again
/// to a newer version when someone saved in between).
pub fn risk_act(
    app: &App,
    actor: &Actor,
    id: &str,
    action: &RiskAction,
    date: Date,
) -> AppResult<RiskRow> {
    let by = wf_actor(actor)?;
    let missing = || AppError::not_found(format!("风险点“{id}”"), format!("risk \"{id}\""));
    for _ in 0..5 {
        let rec = app
            .store()
            .find_by_name::<Filed<Risk>>(id)?
            .ok_or_else(missing)?;
        if actor.role.is_some() && !rec.county.starts_with(actor.jurisdiction.as_str()) {
            return Err(missing());
        }
        let r = &rec.body.body;
        let next = match action {
            RiskAction::Update { text } => r.update(&by, text, Vec::new(), date)?,
            RiskAction::Measure { text, owner, due } => r.add_measure(
                &by,
                Measure {
                    text: text.trim().to_string(),
                    owner: owner.trim().to_string(),
                    due: *due,
                },
                date,
            )?,
            RiskAction::Relevel { level, reason } => {
                let l: RiskLevel = parse_enum("等级", level, "major, significant, general")?;
                r.relevel(&by, l, reason, date)?
            }
            RiskAction::Resolved { text } => r.report_resolved(&by, text, Vec::new(), date)?,
            RiskAction::Close { note } => r.verify(&by, true, note, date)?,
            RiskAction::Return { reason } => r.verify(&by, false, reason, date)?,
        };
        let body = Filed {
            scope: rec.county.clone(),
            body: next,
        };
        let intent = serde_json::json!({"op": "risk_action", "risk": id, "date": date.to_string(), "org": by.org});
        match app
            .store()
            .update_summarised(rec.id, rec.version, &body, &intent, &actor.name)
        {
            Ok(_) => {
                let sup = supervision(app)?;
                return Ok(row(&body.body, date, &sup, actor));
            }
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        ErrorKind::Conflict,
        "该风险点正被多人同时办理，请稍后重试",
        "the risk is being changed by several people at once; retry shortly",
    ))
}

/// The demo county's risk points (示意, synthetic): the kinds a county report lists after a
/// merger, with measures and progress — one resolved and closed, one reported and waiting for
/// verification, the others open (one of them past its deadline by `today`).
pub(crate) fn demo_risks(county: &str, approved: Date) -> Vec<Risk> {
    use quhua_workflow::org::Actor as WfActor;
    let office = format!("{county}-office");
    let org = |d: &str| format!("{county}-{d}");
    let day = |n: i64| approved + chrono::Duration::days(n);
    let specs = [
        (
            "撤并乡镇干部安置不到位引发思想波动",
            RiskCategory::Cadres,
            RiskLevel::Significant,
            "organisation",
            120,
            "逐人谈心谈话，明确岗位去向，落实待遇不降",
        ),
        (
            "原驻地群众办事距离变远引发不满",
            RiskCategory::Petitions,
            RiskLevel::Significant,
            "government_services",
            90,
            "原驻地保留便民服务站，推行代办帮办",
        ),
        (
            "乡镇债务清偿主体不明",
            RiskCategory::AssetsDebts,
            RiskLevel::Major,
            "finance",
            150,
            "清产核资，逐笔明确承接主体并公示",
        ),
        (
            "在建项目业主变更影响工程款支付",
            RiskCategory::ProjectOwners,
            RiskLevel::General,
            "development_reform",
            60,
            "逐项变更合同主体，衔接资金拨付",
        ),
        (
            "原乡镇卫生院服务人员流失",
            RiskCategory::PublicServices,
            RiskLevel::General,
            "health",
            400,
            "保留原卫生院为分院，人员编制不减",
        ),
    ];
    let inspector = WfActor::new("quhua-demo-office", &office);
    specs
        .iter()
        .enumerate()
        .filter_map(|(i, (title, cat, level, dept, days, measure))| {
            let owner = org(dept);
            let liaison = WfActor::new(&format!("quhua-demo-{dept}"), &owner);
            let mut r = Risk::new(
                &format!("R-{county}-{}", i + 1),
                title,
                *cat,
                *level,
                &owner,
                &office,
                day(3),
                day(*days),
            );
            r.synthetic = true;
            r.units.push(office.clone());
            let m = Measure {
                text: (*measure).into(),
                owner: owner.clone(),
                due: day(*days - 10),
            };
            let mut r = r.add_measure(&liaison, m, day(5)).ok()?;
            r = r
                .update(&liaison, "已制定工作方案并逐项推进", Vec::new(), day(30))
                .ok()?;
            if i == 0 || i == 3 {
                r = r
                    .report_resolved(
                        &liaison,
                        "已全部落实，群众和干部无异议",
                        Vec::new(),
                        day(*days - 5),
                    )
                    .ok()?;
            }
            if i == 3 {
                r = r
                    .verify(&inspector, true, "经核实已化解", day(*days - 2))
                    .ok()?;
            }
            Some(r)
        })
        .collect()
}
