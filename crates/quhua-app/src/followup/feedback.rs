//! The public feedback register (12345 热线, 网上留言, 来信, 来访) as use cases: the register of
//! a jurisdiction with its statistics, registering an item, batch import of a hotline export,
//! and the actions — assignment (分办), reply (答复, by the assigned department), follow-up
//! visit (回访) and correction (更正, a new version with its reason).
//!
//! **Nothing is deleted or hidden**: there is no such use case. Every version stays, and the
//! history is shown with the item.

use super::risks::{Label, label as lab};
use super::{acting_org, supervision, visible_scope, wf_actor};
use crate::access::Actor;
use crate::upload::ImportFile;
use crate::{App, AppError, AppResult, ErrorKind};
use chrono::NaiveDateTime;
use quhua_core::date::Date;
use quhua_core::i18n::Bilingual;
use quhua_store::{Filed, StoreError};
use quhua_workflow::feedback::{
    Channel, FeedbackError, FeedbackItem, FeedbackRecord, Satisfaction, Topic, stats,
};
use quhua_workflow::org::OrgKind;
use quhua_workflow::tasks::Supervision;
use serde::{Deserialize, Serialize};

impl From<FeedbackError> for AppError {
    fn from(e: FeedbackError) -> Self {
        let t = e.text();
        let kind = match e {
            FeedbackError::WrongDepartment { .. } => ErrorKind::Forbidden,
            FeedbackError::Empty(_) => ErrorKind::Invalid,
            _ => ErrorKind::Refused,
        };
        AppError::new(kind, t.zh, t.en)
    }
}

fn satisfaction_en(s: Satisfaction) -> &'static str {
    match s {
        Satisfaction::Satisfied => "satisfied",
        Satisfaction::Fair => "fairly satisfied",
        Satisfaction::Unsatisfied => "unsatisfied",
        Satisfaction::Unreachable => "could not be reached",
    }
}

/// One version of an item.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VersionView {
    /// Version number.
    pub version: u32,
    /// When.
    pub at: String,
    /// Account.
    pub account: String,
    /// Organisation (name).
    pub org: String,
    /// 登记, 分办, 答复, 回访 or 更正.
    pub action: String,
    /// The reason (corrections).
    pub reason: String,
}

/// One item as it now stands, with its whole history.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FeedbackRow {
    /// Id.
    pub id: String,
    /// Channel.
    pub channel: Label,
    /// Received (YYYY-MM-DD HH:MM).
    pub received: String,
    /// Ticket or letter number.
    pub reference: String,
    /// Topic.
    pub topic: Label,
    /// What the citizen wrote or said.
    pub content: String,
    /// Division concerned.
    pub division: Option<String>,
    /// Unit concerned (name).
    pub unit: Option<String>,
    /// Assigned department (name).
    pub assigned: Option<String>,
    /// Its code.
    pub assigned_code: Option<String>,
    /// Reply deadline.
    pub deadline: Option<String>,
    /// The reply's text.
    pub reply: Option<String>,
    /// When it was replied to.
    pub replied_at: Option<String>,
    /// Follow-up satisfaction.
    pub satisfaction: Option<Label>,
    /// Not replied to and past its deadline.
    pub overdue: bool,
    /// Every version, oldest first (never shortened).
    pub versions: Vec<VersionView>,
    /// The acting organisation may reply (it is the assigned department).
    pub can_reply: bool,
    /// Synthetic (示意).
    pub synthetic: bool,
}

/// A count with its label.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Count {
    /// Key (topic id, unit code, ISO week).
    pub key: String,
    /// Label.
    pub name: String,
    /// How many.
    pub count: usize,
}

/// The register's statistics.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FeedbackStatsView {
    /// Items.
    pub total: usize,
    /// Replied to.
    pub replied: usize,
    /// Mean hours to reply.
    pub mean_response_hours: Option<f64>,
    /// Median hours to reply.
    pub median_response_hours: Option<f64>,
    /// Longest.
    pub max_response_hours: Option<f64>,
    /// Open past the deadline (ids).
    pub overdue_open: Vec<String>,
    /// Replied after the deadline (ids).
    pub replied_late: Vec<String>,
    /// By topic.
    pub by_topic: Vec<Count>,
    /// By unit concerned or assigned department.
    pub by_unit: Vec<Count>,
    /// By ISO week received.
    pub by_week: Vec<Count>,
    /// Follow-up satisfaction.
    pub satisfaction: Vec<Count>,
}

/// The register of a jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FeedbackView {
    /// The jurisdiction.
    pub scope: String,
    /// As of.
    pub at: String,
    /// Items, newest first.
    pub items: Vec<FeedbackRow>,
    /// Statistics.
    pub stats: FeedbackStatsView,
    /// Whether any item is synthetic.
    pub synthetic: bool,
    /// Whether the acting account may register, assign, follow up and correct (the office).
    pub can_manage: bool,
}

fn fmt_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn row(
    item: &FeedbackItem,
    at: NaiveDateTime,
    sup: &Supervision,
    org: Option<&str>,
) -> FeedbackRow {
    let r = &item.current().record;
    let name = |c: &String| sup.name(c).to_string();
    FeedbackRow {
        id: item.id.clone(),
        channel: lab(r.channel, r.channel.zh(), r.channel.en()),
        received: fmt_time(r.received),
        reference: r.reference.clone(),
        topic: lab(r.topic, r.topic.zh(), r.topic.en()),
        content: r.content.clone(),
        division: r.division.clone(),
        unit: r.unit.as_ref().map(name),
        assigned: r.assigned.as_ref().map(name),
        assigned_code: r.assigned.clone(),
        deadline: r.deadline.map(|d| d.to_string()),
        reply: r.reply.as_ref().map(|x| x.text.clone()),
        replied_at: r.reply.as_ref().map(|x| fmt_time(x.at)),
        satisfaction: r.follow_up.as_ref().map(|f| {
            lab(
                f.satisfaction,
                f.satisfaction.zh(),
                satisfaction_en(f.satisfaction),
            )
        }),
        overdue: r.reply.is_none() && r.deadline.is_some_and(|d| at.date() > d),
        versions: item
            .history()
            .iter()
            .map(|v| VersionView {
                version: v.version,
                at: fmt_time(v.at),
                account: v.by.account.clone(),
                org: sup.name(&v.by.org).to_string(),
                action: v.action.zh().into(),
                reason: v.reason.clone(),
            })
            .collect(),
        can_reply: r.reply.is_none() && r.assigned.is_some() && r.assigned.as_deref() == org,
        synthetic: item.synthetic,
    }
}

/// Whether the actor manages the register: the operator or an account of a leadership-group
/// office (a county editor acts for its county's office).
fn manages(app: &App, actor: &Actor) -> bool {
    if actor.role.is_none() {
        return true;
    }
    acting_org(actor)
        .and_then(|o| app.store().organisation(&o).ok().flatten())
        .is_some_and(|o| o.kind == OrgKind::LeadershipOffice)
        || actor.is(crate::access::Role::CountyEditor)
}

fn require_manager(app: &App, actor: &Actor) -> AppResult<()> {
    if manages(app, actor) {
        return Ok(());
    }
    Err(AppError::forbidden(
        "群众诉求由改革领导小组办公室登记、分办、回访和更正",
        "feedback is registered, assigned, followed up and corrected by the leadership-group office",
    ))
}

fn load(app: &App, scope: &str) -> AppResult<Vec<FeedbackItem>> {
    Ok(app
        .store()
        .list::<Filed<FeedbackItem>>(scope)?
        .into_iter()
        .map(|r| r.body.body)
        .collect())
}

/// 群众诉求台账: every item of a jurisdiction as of `at` (newest first) with statistics by
/// topic, unit and week, response times and overdue replies.
pub fn feedback(
    app: &App,
    actor: &Actor,
    scope: &str,
    at: NaiveDateTime,
) -> AppResult<FeedbackView> {
    let scope = visible_scope(actor, scope)?;
    let sup = supervision(app)?;
    let items = load(app, &scope)?;
    let org = acting_org(actor);
    let mut rows: Vec<FeedbackRow> = items
        .iter()
        .map(|i| row(i, at, &sup, org.as_deref()))
        .collect();
    rows.sort_by(|a, b| b.received.cmp(&a.received));
    let s = stats(&items, at);
    let counts = |m: Vec<(String, String, usize)>| {
        m.into_iter()
            .map(|(key, name, count)| Count { key, name, count })
            .collect()
    };
    let view = FeedbackStatsView {
        total: s.total,
        replied: s.replied,
        mean_response_hours: s.mean_response_hours,
        median_response_hours: s.median_response_hours,
        max_response_hours: s.max_response_hours,
        overdue_open: s.overdue_open.clone(),
        replied_late: s.replied_late.clone(),
        by_topic: counts(
            s.by_topic
                .iter()
                .map(|(t, n)| (lab(t, "", "").id, t.zh().to_string(), *n))
                .collect(),
        ),
        by_unit: counts(
            s.by_unit
                .iter()
                .map(|(u, n)| {
                    (
                        u.clone(),
                        if u.is_empty() {
                            "（未注明）".into()
                        } else {
                            sup.name(u).to_string()
                        },
                        *n,
                    )
                })
                .collect(),
        ),
        by_week: counts(
            s.by_week
                .iter()
                .map(|(w, n)| (w.clone(), w.clone(), *n))
                .collect(),
        ),
        satisfaction: counts(
            s.satisfaction
                .iter()
                .map(|(x, n)| (lab(x, "", "").id, x.zh().to_string(), *n))
                .collect(),
        ),
    };
    Ok(FeedbackView {
        scope,
        at: fmt_time(at),
        synthetic: items.iter().any(|i| i.synthetic),
        can_manage: manages(app, actor),
        items: rows,
        stats: view,
    })
}

/// A new item as a request carries it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    /// Channel id (`hotline12345`, `online`, `letter`, `visit`).
    pub channel: String,
    /// When received (YYYY-MM-DD HH:MM).
    pub received: String,
    /// Ticket or letter number.
    #[serde(default)]
    pub reference: String,
    /// Topic id (`policies`, `services`, `education_health`, `transport`, `division`, `other`).
    pub topic: String,
    /// What the citizen wrote or said.
    pub content: String,
    /// Division code concerned.
    #[serde(default)]
    pub division: Option<String>,
    /// Organisation concerned (code).
    #[serde(default)]
    pub unit: Option<String>,
    /// The jurisdiction to file it under (default: the division's county, else the account's).
    #[serde(default)]
    pub scope: Option<String>,
}

fn parse_id<T: for<'de> Deserialize<'de>>(field: &str, s: &str) -> AppResult<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string()))
        .map_err(|_| AppError::invalid(format!("{field}“{s}”无效"), format!("bad {field} \"{s}\"")))
}

fn parse_time(field: &str, s: &str) -> AppResult<NaiveDateTime> {
    let t = s.trim().replace('T', " ");
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M:%S"))
        .map_err(|_| {
            AppError::invalid(
                format!("{field}“{s}”应为 YYYY-MM-DD HH:MM"),
                format!("{field} \"{s}\" must be YYYY-MM-DD HH:MM"),
            )
        })
}

fn scope_of(actor: &Actor, explicit: Option<&str>, division: Option<&str>) -> AppResult<String> {
    let s = match (explicit.map(str::trim).filter(|s| !s.is_empty()), division) {
        (Some(s), _) => s.to_string(),
        (None, Some(d)) if d.len() >= 6 => d[..6].to_string(),
        _ if actor.role.is_none() => {
            return Err(AppError::invalid(
                "请指明所属辖区（--scope）或区划代码",
                "name the jurisdiction (--scope) or a division code",
            ));
        }
        _ => actor.jurisdiction.as_str().to_string(),
    };
    visible_scope(actor, &s)?;
    Ok(s)
}

fn store_items(
    app: &App,
    actor: &Actor,
    items: &[Filed<FeedbackItem>],
    intent: serde_json::Value,
) -> AppResult<()> {
    app.store()
        .create_many(&[], items, &intent, &actor.name)
        .map_err(|e| match e {
            StoreError::Invalid { zh, en } => AppError::refused(zh, en),
            e => e.into(),
        })?;
    Ok(())
}

/// 登记: registers one item (the office); returns it.
pub fn receive(
    app: &App,
    actor: &Actor,
    new: &NewFeedback,
    now: NaiveDateTime,
) -> AppResult<FeedbackRow> {
    require_manager(app, actor)?;
    let by = wf_actor(actor)?;
    let scope = scope_of(actor, new.scope.as_deref(), new.division.as_deref())?;
    let record = FeedbackRecord {
        channel: parse_id::<Channel>("渠道 channel", &new.channel)?,
        received: parse_time("受理时间 received", &new.received)?,
        reference: new.reference.trim().to_string(),
        topic: parse_id::<Topic>("类别 topic", &new.topic)?,
        content: new.content.trim().to_string(),
        division: new.division.clone().filter(|d| !d.trim().is_empty()),
        unit: new.unit.clone().filter(|d| !d.trim().is_empty()),
        assigned: None,
        deadline: None,
        reply: None,
        follow_up: None,
    };
    let n = app.store().stamp::<Filed<FeedbackItem>>(&scope)?.0 + 1;
    let id = if record.reference.is_empty() {
        format!("F-{scope}-{n}")
    } else {
        format!("F-{scope}-{}", record.reference)
    };
    let item = FeedbackItem::receive(&id, record, &by, now)?;
    let sup = supervision(app)?;
    let out = row(&item, now, &sup, Some(&by.org));
    store_items(
        app,
        actor,
        &[Filed { scope, body: item }],
        serde_json::json!({"op": "receive", "item": id}),
    )?;
    Ok(out)
}

/// One action on an item.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "action", deny_unknown_fields)]
pub enum FeedbackAction {
    /// 分办: to a department (organisation code) with a reply deadline (the office).
    Assign {
        /// Organisation code.
        department: String,
        /// Reply deadline.
        deadline: Date,
    },
    /// 答复 (the assigned department).
    Reply {
        /// The reply.
        text: String,
    },
    /// 回访 (the office).
    FollowUp {
        /// `satisfied`, `fair`, `unsatisfied` or `unreachable`.
        satisfaction: String,
        /// Note.
        #[serde(default)]
        note: String,
    },
    /// 更正: a new version with the reason; the earlier versions stay (the office).
    Correct {
        /// New topic id, if it changes.
        #[serde(default)]
        topic: Option<String>,
        /// New division code, if it changes.
        #[serde(default)]
        division: Option<String>,
        /// New unit concerned, if it changes.
        #[serde(default)]
        unit: Option<String>,
        /// Why.
        reason: String,
    },
}

/// Does one action on an item at `now` (saved against the version read; applied again to a
/// newer version when someone saved in between).
pub fn feedback_act(
    app: &App,
    actor: &Actor,
    id: &str,
    action: &FeedbackAction,
    now: NaiveDateTime,
) -> AppResult<FeedbackRow> {
    if !matches!(action, FeedbackAction::Reply { .. }) {
        require_manager(app, actor)?;
    }
    let by = wf_actor(actor)?;
    let missing =
        || AppError::not_found(format!("群众诉求“{id}”"), format!("feedback item \"{id}\""));
    for _ in 0..5 {
        let rec = app
            .store()
            .find_by_name::<Filed<FeedbackItem>>(id)?
            .ok_or_else(missing)?;
        if actor.role.is_some() && !rec.county.starts_with(actor.jurisdiction.as_str()) {
            return Err(missing());
        }
        let item = &rec.body.body;
        let next = match action {
            FeedbackAction::Assign {
                department,
                deadline,
            } => item.assign(&by, department, *deadline, now)?,
            FeedbackAction::Reply { text } => item.reply(&by, text, now)?,
            FeedbackAction::FollowUp { satisfaction, note } => {
                let s: Satisfaction = parse_id("满意度 satisfaction", satisfaction)?;
                item.follow_up(&by, s, note, now)?
            }
            FeedbackAction::Correct {
                topic,
                division,
                unit,
                reason,
            } => {
                let topic = topic
                    .as_deref()
                    .map(|t| parse_id::<Topic>("类别 topic", t))
                    .transpose()?;
                item.correct(
                    |r| {
                        if let Some(t) = topic {
                            r.topic = t;
                        }
                        if let Some(d) = division {
                            r.division = Some(d.trim().to_string()).filter(|d| !d.is_empty());
                        }
                        if let Some(u) = unit {
                            r.unit = Some(u.trim().to_string()).filter(|u| !u.is_empty());
                        }
                    },
                    reason,
                    &by,
                    now,
                )?
            }
        };
        let body = Filed {
            scope: rec.county.clone(),
            body: next,
        };
        let intent = serde_json::json!({"op": "feedback_action", "item": id, "org": by.org});
        match app
            .store()
            .update_summarised(rec.id, rec.version, &body, &intent, &actor.name)
        {
            Ok(_) => {
                let sup = supervision(app)?;
                return Ok(row(&body.body, now, &sup, Some(&by.org)));
            }
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(
        ErrorKind::Conflict,
        "该诉求正被多人同时办理，请稍后重试",
        "the item is being changed by several people at once; retry shortly",
    ))
}

/// What a hotline import found (and, when committed, stored).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FeedbackImport {
    /// File name.
    pub file: String,
    /// Tickets read.
    pub rows: usize,
    /// New items (stored when committed).
    pub new_items: usize,
    /// Tickets already registered (left as they are).
    pub already: usize,
    /// Topics inferred from the content where the file gave none.
    pub topics_inferred: usize,
    /// Warnings (skipped rows, unknown columns).
    pub warnings: Vec<String>,
    /// Whether it was stored.
    pub committed: bool,
}

/// The topic a written category names, or — when none is given — the one the content's
/// words suggest (counted in the import's report).
fn topic_of(written: &str, content: &str) -> (Option<Topic>, bool) {
    let w = written.trim();
    if !w.is_empty() {
        let hit = Topic::ALL
            .into_iter()
            .find(|t| t.zh() == w || lab(t, "", "").id == w);
        return (hit.or_else(|| guess(w)), false);
    }
    (Some(guess(content).unwrap_or(Topic::Other)), true)
}

fn guess(text: &str) -> Option<Topic> {
    let rules: [(Topic, &[&str]); 5] = [
        (
            Topic::Division,
            &["区划", "撤并", "合并", "门牌", "地址", "更名", "驻地"],
        ),
        (
            Topic::EducationHealth,
            &["教育", "学校", "医疗", "医院", "卫生", "医保"],
        ),
        (Topic::Transport, &["交通", "公交", "道路", "出行", "客运"]),
        (
            Topic::Services,
            &["办理", "办事", "社保", "证明", "便民", "政务"],
        ),
        (Topic::Policies, &["政策", "补贴", "惠民", "惠农", "补助"]),
    ];
    rules
        .iter()
        .find(|(_, words)| words.iter().any(|w| text.contains(w)))
        .map(|(t, _)| *t)
}

fn channel_of(written: &str) -> Channel {
    let w = written.trim();
    if w.contains("网") || w.contains("留言") {
        Channel::Online
    } else if w.contains("信") && !w.contains("信访") {
        Channel::Letter
    } else if w.contains("访") {
        Channel::Visit
    } else {
        Channel::Hotline12345
    }
}

/// 批量导入: a hotline export (CSV/XLSX) into the register of `scope` (default: each ticket's
/// division's county, else the account's); tickets already registered are left as they are.
/// Every bad cell is refused with its file, row and column; with `commit`, every new item or
/// none is stored, each with its audit row.
pub fn import_feedback(
    app: &App,
    actor: &Actor,
    file: &ImportFile,
    scope: Option<&str>,
    commit: bool,
    now: NaiveDateTime,
) -> AppResult<FeedbackImport> {
    require_manager(app, actor)?;
    let by = wf_actor(actor)?;
    let disk = file.on_disk()?;
    let table = quhua_io::ledger::read_hotline(&disk.path).map_err(|e| disk.located(e.into()))?;
    let orgs = app.store().organisations("")?;
    let find_org = |name: &str| {
        orgs.iter()
            .find(|o| o.code == name || o.name == name)
            .map(|o| o.code.clone())
    };
    let mut items = Vec::new();
    let mut already = 0;
    let mut inferred = 0;
    for r in &table.rows {
        let at_row = |zh: String, en: String| {
            AppError::invalid(
                format!("{} 第 {} 行：{zh}", disk.name, r.row),
                format!("{} row {}: {en}", disk.name, r.row),
            )
        };
        let (topic, guessed) = topic_of(&r.topic, &r.content);
        let topic = topic.ok_or_else(|| {
            at_row(
                format!("诉求类别“{}”无法识别", r.topic),
                format!("unknown topic \"{}\"", r.topic),
            )
        })?;
        inferred += usize::from(guessed);
        let assigned = match &r.assigned {
            None => None,
            Some(a) => Some(find_org(a).ok_or_else(|| {
                at_row(
                    format!("承办单位“{a}”不在单位名录中"),
                    format!("assigned department \"{a}\" is not a known organisation"),
                )
            })?),
        };
        let s = scope_of(actor, scope, r.division.as_deref())
            .map_err(|e| at_row(e.zh.clone(), e.en.clone()))?;
        let id = format!("F-{s}-{}", r.reference);
        if app
            .store()
            .find_by_name::<Filed<FeedbackItem>>(&id)?
            .is_some()
        {
            already += 1;
            continue;
        }
        let record = FeedbackRecord {
            channel: channel_of(&r.channel),
            received: r.received,
            reference: r.reference.clone(),
            topic,
            content: r.content.clone(),
            division: r.division.clone(),
            unit: r
                .unit
                .as_deref()
                .map(|u| find_org(u).unwrap_or_else(|| u.to_string())),
            assigned: None,
            deadline: None,
            reply: None,
            follow_up: None,
        };
        let mut item = FeedbackItem::receive(&id, record, &by, now).map_err(|e| {
            let e: AppError = e.into();
            at_row(e.zh, e.en)
        })?;
        if let Some(a) = assigned {
            let deadline = r
                .deadline
                .unwrap_or_else(|| (r.received + chrono::Duration::days(5)).date());
            item = item.assign(&by, &a, deadline, now).map_err(|e| {
                let e: AppError = e.into();
                at_row(e.zh, e.en)
            })?;
        }
        items.push(Filed {
            scope: s,
            body: item,
        });
    }
    let out = FeedbackImport {
        file: disk.name.clone(),
        rows: table.rows.len(),
        new_items: items.len(),
        already,
        topics_inferred: inferred,
        warnings: table.warnings.clone(),
        committed: commit,
    };
    if commit && !items.is_empty() {
        store_items(
            app,
            actor,
            &items,
            serde_json::json!({"op": "import", "file": disk.name, "items": items.len(), "sha256": hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&disk.bytes))}),
        )?;
    }
    Ok(out)
}

/// The demo county's feedback register (示意, synthetic, reproducible): what residents of the
/// merged townships asked about after the change — some answered within the deadline, some
/// late, some still open, some followed up.
pub(crate) fn demo_feedback(county: &str, townships: &[String], start: Date) -> Vec<FeedbackItem> {
    synthetic_feedback(county, townships, start, 40)
}

/// `n` synthetic (示意) feedback items of a county received from `start` on, every fourth
/// day or so: assigned, most answered (a few late), a third followed up, the last sixth open.
pub(crate) fn synthetic_feedback(
    county: &str,
    townships: &[String],
    start: Date,
    n: usize,
) -> Vec<FeedbackItem> {
    use quhua_workflow::org::Actor as WfActor;
    let office = WfActor::new("quhua-demo-office", &format!("{county}-office"));
    let asks: [(Topic, &str, &str); 8] = [
        (
            Topic::Services,
            "government_services",
            "撤并后原乡政府的便民服务中心还能不能办社保认证？",
        ),
        (
            Topic::Policies,
            "agriculture",
            "合并后耕地地力保护补贴发放渠道有没有变化？",
        ),
        (
            Topic::Division,
            "public_security",
            "村里门牌地址要不要更换，身份证地址怎么改？",
        ),
        (
            Topic::EducationHealth,
            "education",
            "原乡中心小学会不会撤并，孩子上学远了怎么办？",
        ),
        (
            Topic::Transport,
            "development_reform",
            "原驻地到新镇政府没有直达公交，办事不方便。",
        ),
        (
            Topic::EducationHealth,
            "health",
            "原乡卫生院是否保留，看病是否还能报销？",
        ),
        (
            Topic::Division,
            "civil_affairs",
            "新镇名什么时候正式使用，公章何时更换？",
        ),
        (
            Topic::Services,
            "government_services",
            "营业执照上的地址需要变更吗？",
        ),
    ];
    let mut out = Vec::new();
    let answered = n - n.div_ceil(7);
    for i in 0..n {
        let (topic, dept, text) = asks[i % asks.len()];
        // Spread over about 160 days whatever the count.
        let day = (i * 160 / n.max(1) + i % 3) as i64;
        let received = (start + chrono::Duration::days(day))
            .and_hms_opt(9 + (i % 8) as u32, (i * 7 % 60) as u32, 0)
            .unwrap_or_default();
        let division = townships.get(i % townships.len().max(1)).cloned();
        let record = FeedbackRecord {
            channel: if i % 5 == 4 {
                Channel::Online
            } else {
                Channel::Hotline12345
            },
            received,
            reference: format!("12345-{}-{:04}", county, i + 1),
            topic,
            content: text.into(),
            division,
            unit: None,
            assigned: None,
            deadline: None,
            reply: None,
            follow_up: None,
        };
        let id = format!("F-{county}-12345-{}-{:04}", county, i + 1);
        let Ok(mut item) = FeedbackItem::receive(&id, record, &office, received) else {
            continue;
        };
        item.synthetic = true;
        let dept_org = format!("{county}-{dept}");
        let deadline = (received + chrono::Duration::days(5)).date();
        let Ok(assigned) = item.assign(
            &office,
            &dept_org,
            deadline,
            received + chrono::Duration::hours(2),
        ) else {
            continue;
        };
        item = assigned;
        // Most are answered (a few late); the last ones are still open.
        if i < answered {
            let hours = if i % 9 == 0 {
                24 * 8
            } else {
                20 + (i as i64 % 5) * 12
            };
            let by = WfActor::new(&format!("quhua-demo-{dept}"), &dept_org);
            let reply = "已答复：原驻地保留便民服务站，相关业务可就近办理；具体事项已电话告知。";
            if let Ok(r) = item.reply(&by, reply, received + chrono::Duration::hours(hours)) {
                item = r;
            }
            if i % 3 == 0 {
                let s = if i % 6 == 0 {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::Fair
                };
                if let Ok(f) = item.follow_up(
                    &office,
                    s,
                    "电话回访",
                    received + chrono::Duration::hours(hours + 48),
                ) {
                    item = f;
                }
            }
        }
        out.push(item);
    }
    out
}
