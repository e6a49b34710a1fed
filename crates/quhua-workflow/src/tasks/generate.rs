//! The tasks an approved plan creates, with their clocks: carry out the change within 12
//! months (+ up to 6 with the approver's consent, 条例第十五条), boundary survey and map
//! (第十六条), codes within 1 month (第十七条), public notice (第十八条), place-name signs
//! (地名管理条例第十九条、第二十条), and the notices to the registers that must follow.

use super::error::TaskError;
use super::model::{Task, TaskLevel};
use crate::calendar::Calendar;
use crate::procedure::{Plan, add_months};
use serde::{Deserialize, Serialize};

/// The organisations that carry the statutory tasks (codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryUnits {
    /// The supervising office (改革领导小组办公室).
    pub office: String,
    /// The county government (有关地方人民政府).
    pub government: String,
    /// 民政局.
    pub civil_affairs: String,
    /// 自然资源和规划局 (maps; 不动产登记).
    pub natural_resources: String,
    /// 公安局 (户籍与门牌).
    pub public_security: String,
    /// 统计局.
    pub statistics: String,
    /// 市场监督管理局.
    pub market_regulation: String,
    /// 人力资源和社会保障局.
    pub human_resources: String,
    /// 医疗保障局.
    pub medical_security: String,
    /// 邮政管理.
    pub postal: String,
}

impl StatutoryUnits {
    /// The codes of [`crate::org::Organisation::county_set`] for a county.
    pub fn county(county: &str) -> StatutoryUnits {
        let c = |s: &str| format!("{county}-{s}");
        StatutoryUnits {
            office: c("office"),
            government: c("gov"),
            civil_affairs: c("civil_affairs"),
            natural_resources: c("natural_resources"),
            public_security: c("public_security"),
            statistics: c("statistics"),
            market_regulation: c("market_regulation"),
            human_resources: c("human_resources"),
            medical_security: c("medical_security"),
            postal: c("postal"),
        }
    }
}

/// Local deadlines where the law sets none (configurable; the statutory ones are fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatutoryConfig {
    /// Working days after the change takes effect for the public notice (第十八条 sets no
    /// period).
    pub notice_working_days: u32,
    /// Working days after the codes deadline for each register notice.
    pub register_working_days: u32,
    /// Months after the change takes effect for the place-name signs; `0` = by the
    /// implementation deadline.
    pub signs_months: u32,
}

impl Default for StatutoryConfig {
    fn default() -> Self {
        StatutoryConfig {
            notice_working_days: 5,
            register_working_days: 10,
            signs_months: 0,
        }
    }
}

/// A register that must follow the change, and who keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterNotice {
    /// 户籍与门牌 (household registration, house numbers).
    Household,
    /// 统计 (statistical division codes, 统计用区划代码).
    Statistics,
    /// 不动产登记 (real-estate registration).
    RealEstate,
    /// 市场主体登记 (business registration: addresses).
    MarketEntities,
    /// 社保与医保 (social and medical insurance records).
    Insurance,
    /// 邮政 (postal addresses, post offices).
    Postal,
}

impl RegisterNotice {
    /// All registers, in order.
    pub const ALL: [RegisterNotice; 6] = [
        RegisterNotice::Household,
        RegisterNotice::Statistics,
        RegisterNotice::RealEstate,
        RegisterNotice::MarketEntities,
        RegisterNotice::Insurance,
        RegisterNotice::Postal,
    ];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            RegisterNotice::Household => "household",
            RegisterNotice::Statistics => "statistics",
            RegisterNotice::RealEstate => "real_estate",
            RegisterNotice::MarketEntities => "market_entities",
            RegisterNotice::Insurance => "insurance",
            RegisterNotice::Postal => "postal",
        }
    }

    /// Chinese name of the register.
    pub fn zh(self) -> &'static str {
        match self {
            RegisterNotice::Household => "户籍与门牌",
            RegisterNotice::Statistics => "统计用区划代码",
            RegisterNotice::RealEstate => "不动产登记",
            RegisterNotice::MarketEntities => "市场主体登记",
            RegisterNotice::Insurance => "社保与医保",
            RegisterNotice::Postal => "邮政地址",
        }
    }

    /// English name.
    pub fn en(self) -> &'static str {
        match self {
            RegisterNotice::Household => "household registration and house numbers",
            RegisterNotice::Statistics => "statistical division codes",
            RegisterNotice::RealEstate => "real-estate registration",
            RegisterNotice::MarketEntities => "market-entity registration",
            RegisterNotice::Insurance => "social and medical insurance",
            RegisterNotice::Postal => "postal addresses",
        }
    }

    fn units(self, u: &StatutoryUnits) -> (String, Vec<String>) {
        match self {
            RegisterNotice::Household => (u.public_security.clone(), vec![u.civil_affairs.clone()]),
            RegisterNotice::Statistics => (u.statistics.clone(), vec![u.civil_affairs.clone()]),
            RegisterNotice::RealEstate => (u.natural_resources.clone(), vec![]),
            RegisterNotice::MarketEntities => (u.market_regulation.clone(), vec![]),
            RegisterNotice::Insurance => {
                (u.human_resources.clone(), vec![u.medical_security.clone()])
            }
            RegisterNotice::Postal => (u.postal.clone(), vec![u.civil_affairs.clone()]),
        }
    }
}

/// The statutory tasks of an approved plan: one root task (carry out the change) with a
/// subtask per statutory duty and per register notice. Ids are `{prefix}`, `{prefix}.codes`,
/// `{prefix}.notice`, `{prefix}.boundary`, `{prefix}.signs`, `{prefix}.register.<id>`.
///
/// ```
/// use quhua_workflow::procedure::{Approval, Plan, Template};
/// use quhua_workflow::tasks::{statutory_tasks, StatutoryConfig, StatutoryUnits};
/// use quhua_workflow::calendar::Calendar;
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let mut plan = Plan::new("方案", "130634", "", Template::national(false), "民政局", d("2025-03-01"));
/// assert!(statutory_tasks(&plan, "P1", &StatutoryUnits::county("130634"), &[],
///     &StatutoryConfig::default(), &Calendar::china()).is_err());
/// plan.approval = Some(Approval { document_no: "冀政字〔2025〕30号".into(),
///     date: d("2025-08-31"), effective: d("2025-09-06") });
/// let tasks = statutory_tasks(&plan, "P1", &StatutoryUnits::county("130634"), &[],
///     &StatutoryConfig::default(), &Calendar::china()).unwrap();
/// assert_eq!(tasks[0].due, d("2026-08-31"));           // 12 months (条例第十五条)
/// assert_eq!(tasks[0].extension_limit, Some(d("2027-02-28"))); // + 6 with consent
/// let codes = tasks.iter().find(|t| t.id == "P1.codes").unwrap();
/// assert_eq!(codes.due, d("2025-10-06"));               // 1 month (条例第十七条)
/// ```
pub fn statutory_tasks(
    plan: &Plan,
    prefix: &str,
    units: &StatutoryUnits,
    divisions: &[String],
    cfg: &StatutoryConfig,
    cal: &Calendar,
) -> Result<Vec<Task>, TaskError> {
    let approval = plan
        .approval
        .as_ref()
        .ok_or_else(|| TaskError::NotApproved(plan.name.clone()))?;
    let granted: u32 = plan.extensions.iter().map(|e| e.months).sum();
    let implementation_due = add_months(approval.date, 12 + granted);
    let limit = add_months(approval.date, 18);
    let codes_due = add_months(approval.effective, 1);
    let mut all_divisions = vec![plan.county.clone()];
    all_divisions.extend(divisions.iter().cloned());
    let make = |id: String,
                title: &str,
                title_en: &str,
                lead: &str,
                participants: Vec<String>,
                due,
                basis: &str,
                description: String| {
        let mut t = Task::simple(&id, title, lead, &units.office, approval.date, due);
        t.title_en = title_en.into();
        t.participants = participants;
        t.divisions = all_divisions.clone();
        t.basis = basis.into();
        t.description = description;
        t.group = Some("法定任务".into());
        if id != prefix {
            t.parent = Some(prefix.into());
            t.level = TaskLevel::Subtask;
        }
        t
    };
    let mut root = make(
        prefix.into(),
        "组织实施行政区划变更",
        "carry out the division change",
        &units.government,
        vec![units.civil_affairs.clone()],
        implementation_due,
        "《行政区划管理条例》第十五条",
        format!(
            "自批准之日（{}，{}）起12个月内完成变更；情况复杂的，经审批机关批准可延长6个月；完成变更时同时向审批机关报告。",
            approval.date, approval.document_no
        ),
    );
    root.extension_limit = Some(limit);
    let mut out = vec![root];
    out.push(make(
        format!("{prefix}.codes"),
        "确定、公布行政区划代码",
        "fix and publish the division codes",
        &units.civil_affairs,
        vec![units.statistics.clone()],
        codes_due,
        "《行政区划管理条例》第十七条",
        format!(
            "行政区划变更（{}生效）后1个月内由民政部门确定、公布行政区划代码。",
            approval.effective
        ),
    ));
    out.push(make(
        format!("{prefix}.notice"),
        "向社会公告行政区划变更",
        "publish the change to the public",
        &units.government,
        vec![units.civil_affairs.clone()],
        cal.add_working_days(approval.effective, cfg.notice_working_days),
        "《行政区划管理条例》第十八条",
        format!(
            "行政区划变更后，有关地方人民政府向社会公告（本地时限：生效后{}个工作日内）。",
            cfg.notice_working_days
        ),
    ));
    out.push(make(
        format!("{prefix}.boundary"),
        "勘定行政区域界线并更新行政区划图",
        "survey the boundaries and update the division map",
        &units.civil_affairs,
        vec![units.natural_resources.clone()],
        implementation_due,
        "《行政区划管理条例》第十六条",
        "行政区划变更后，依照法律、行政法规和国家有关规定勘定行政区域界线，并更新行政区划图。"
            .into(),
    ));
    let signs_due = if cfg.signs_months == 0 {
        implementation_due
    } else {
        add_months(approval.effective, cfg.signs_months)
    };
    out.push(make(
        format!("{prefix}.signs"),
        "设置、更新地名标志",
        "set up and update place-name signs",
        &units.civil_affairs,
        vec![units.government.clone()],
        signs_due,
        "《地名管理条例》第十九条、第二十条",
        "标准地名及相关信息在地名标志上予以标示；县级以上地方人民政府加强地名标志的设置和管理。"
            .into(),
    ));
    let register_due = cal.add_working_days(codes_due, cfg.register_working_days);
    for r in RegisterNotice::ALL {
        let (lead, participants) = r.units(units);
        out.push(make(
            format!("{prefix}.register.{}", r.id()),
            &format!("通知并更新{}", r.zh()),
            &format!("notify and update {}", r.en()),
            &lead,
            participants,
            register_due,
            "《行政区划管理条例》第十七条（代码公布后相关登记随之变更）",
            format!(
                "行政区划代码公布后，{}随之变更（本地时限：代码期限后{}个工作日内）。",
                r.zh(),
                cfg.register_working_days
            ),
        ));
    }
    Ok(out)
}
