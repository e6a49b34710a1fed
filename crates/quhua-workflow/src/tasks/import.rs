//! The plan import format (TOML): organisations and a task tree with targets, milestones,
//! divisions and attachments. Every problem is reported with file, line, task and field;
//! nothing is returned half-way.
//!
//! ```toml
//! [plan]
//! title = "关于做好乡镇行政区划和村级建制调整改革“后半篇”文章的实施方案"
//! supervisor = "gy-office"      # the supervising office (督办单位) of every task by default
//! start = "2021-04-01"
//!
//! [[organisation]]
//! code = "gy-transport"
//! name = "广元市交通运输局"
//! kind = "city_department"      # or department:<id>, leadership_office, …
//! jurisdiction = "510800"
//!
//! [[task]]
//! id = "6.1"
//! parent = "6"                  # optional; the level follows from the depth
//! title = "撤并建制村畅通工程"
//! lead = ["gy-transport"]
//! participants = ["gy-finance"]
//! divisions = ["510800"]
//! due = "2021-12-31"
//! [[task.target]]
//! id = "roads"
//! metric = "新改建撤并建制村直连道路"
//! unit = "公里"
//! value = 485.8
//! deadline = "2021-12-31"
//! ```

use super::model::{Attachment, Milestone, Target, Task, TaskLevel};
use crate::org::{OrgKind, Organisation};
use quhua_core::date::{Date, parse_date};
use serde::Deserialize;

pub use super::import_error::ImportError;
pub(crate) use super::import_error::{line_of, syntax_error};
use std::collections::{BTreeMap, BTreeSet};

/// An imported plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPlan {
    /// Plan title.
    pub title: String,
    /// Where it comes from (document name).
    pub source: String,
    /// Default supervising office.
    pub supervisor: String,
    /// Plan start.
    pub start: Date,
    /// Organisations named.
    pub organisations: Vec<Organisation>,
    /// Tasks, parents before children.
    pub tasks: Vec<Task>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    plan: RawPlan,
    #[serde(default)]
    organisation: Vec<toml::Spanned<RawOrg>>,
    #[serde(default)]
    task: Vec<toml::Spanned<RawTask>>,
}

/// Where an entry was written: the file (or workbook and sheet) and line (or row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct At {
    pub(crate) file: String,
    pub(crate) line: usize,
}

/// A plan as written, every entry with where it was written — from TOML or from a workbook.
pub(crate) struct PlanInput {
    pub(crate) plan: RawPlan,
    pub(crate) plan_at: At,
    pub(crate) organisations: Vec<(At, RawOrg)>,
    pub(crate) tasks: Vec<(At, RawTask)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) source: String,
    pub(crate) supervisor: String,
    pub(crate) start: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrg {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) kind: String,
    #[serde(default)]
    pub(crate) jurisdiction: String,
    #[serde(default)]
    pub(crate) parent: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTask {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) parent: Option<String>,
    #[serde(default)]
    pub(crate) group: Option<String>,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) title_en: String,
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) lead: Vec<String>,
    #[serde(default)]
    pub(crate) participants: Vec<String>,
    #[serde(default)]
    pub(crate) supervisor: Option<String>,
    #[serde(default)]
    pub(crate) divisions: Vec<String>,
    #[serde(default)]
    pub(crate) start: Option<String>,
    pub(crate) due: String,
    #[serde(default)]
    pub(crate) extension_limit: Option<String>,
    #[serde(default)]
    pub(crate) basis: String,
    #[serde(default)]
    pub(crate) target: Vec<RawTarget>,
    #[serde(default)]
    pub(crate) milestone: Vec<RawMilestone>,
    #[serde(default)]
    pub(crate) attachment: Vec<RawAttachment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTarget {
    pub(crate) id: String,
    pub(crate) metric: String,
    #[serde(default)]
    pub(crate) metric_en: String,
    pub(crate) unit: String,
    #[serde(default)]
    pub(crate) baseline: f64,
    pub(crate) value: f64,
    pub(crate) deadline: String,
    /// Its own row (a workbook's target sheet); none: the task's.
    #[serde(skip)]
    pub(crate) at: Option<At>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMilestone {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) title_en: String,
    pub(crate) due: String,
    /// Its own row (a workbook's milestone sheet); none: the task's.
    #[serde(skip)]
    pub(crate) at: Option<At>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAttachment {
    pub(crate) name: String,
    sha256: String,
}

struct Ctx {
    /// The file (or workbook and sheet) of the entry being checked.
    file: String,
    errors: Vec<ImportError>,
}

impl Ctx {
    fn err(&mut self, line: usize, item: &str, field: &str, zh: String, en: String) {
        self.errors.push(ImportError::new(
            &self.file,
            Some(line),
            Some(item),
            Some(field),
            &zh,
            &en,
        ));
    }

    fn date(&mut self, line: usize, item: &str, field: &str, s: &str) -> Option<Date> {
        let d = parse_date(s);
        if d.is_none() {
            self.err(
                line,
                item,
                field,
                format!("“{s}”不是日期（YYYY-MM-DD）"),
                format!("\"{s}\" is not a date (YYYY-MM-DD)"),
            );
        }
        d
    }
}

fn valid_division(code: &str) -> bool {
    matches!(code.len(), 2 | 4 | 6 | 9 | 12) && code.bytes().all(|b| b.is_ascii_digit())
}

/// Imports a plan file. `file` is the name used in error messages.
///
/// ```
/// use quhua_workflow::tasks::import_plan;
/// let text = r#"
/// [plan]
/// title = "示例"
/// supervisor = "office"
/// start = "2021-04-01"
/// [[organisation]]
/// code = "office"
/// name = "领导小组办公室"
/// kind = "leadership_office"
/// [[organisation]]
/// code = "edu"
/// name = "市教育局"
/// kind = "city_department"
/// [[task]]
/// id = "16"
/// title = "优化基础教育学校布局"
/// lead = ["edu"]
/// due = "2025-12-31"
/// "#;
/// let plan = import_plan("plan.toml", text).unwrap();
/// assert_eq!(plan.tasks[0].lead, vec!["edu".to_string()]);
/// let bad = text.replace(r#"lead = ["edu"]"#, r#"lead = ["nobody"]"#);
/// let errs = import_plan("plan.toml", &bad).unwrap_err();
/// assert_eq!(errs[0].line, Some(14));
/// assert_eq!(errs[0].field.as_deref(), Some("lead"));
/// ```
pub fn import_plan(file: &str, text: &str) -> Result<ImportedPlan, Vec<ImportError>> {
    let raw: TomlFile = toml::from_str(text).map_err(|e| vec![syntax_error(file, text, &e)])?;
    let at = |span: std::ops::Range<usize>| At {
        file: file.to_string(),
        line: line_of(text, span.start),
    };
    let input = PlanInput {
        plan: raw.plan,
        plan_at: At {
            file: file.to_string(),
            line: 1,
        },
        organisations: raw
            .organisation
            .into_iter()
            .map(|o| (at(o.span()), o.into_inner()))
            .collect(),
        tasks: raw
            .task
            .into_iter()
            .map(|t| (at(t.span()), t.into_inner()))
            .collect(),
    };
    build_plan(input)
}

/// Checks a plan as written and builds it: every problem with where it was written.
pub(crate) fn build_plan(raw: PlanInput) -> Result<ImportedPlan, Vec<ImportError>> {
    let mut cx = Ctx {
        file: raw.plan_at.file.clone(),
        errors: Vec::new(),
    };
    let start = cx.date(raw.plan_at.line, "plan", "start", &raw.plan.start);
    let mut orgs: BTreeMap<String, Organisation> = BTreeMap::new();
    let mut org_list = Vec::new();
    for (at, o) in &raw.organisations {
        cx.file = at.file.clone();
        let line = at.line;
        let Some(kind) = OrgKind::parse(&o.kind) else {
            cx.err(
                line,
                &o.code,
                "kind",
                format!("未知的单位类别“{}”", o.kind),
                format!("unknown organisation kind \"{}\"", o.kind),
            );
            continue;
        };
        if o.code.trim().is_empty() || o.name.trim().is_empty() {
            cx.err(
                line,
                &o.code,
                "code",
                "编码和名称不能为空".into(),
                "code and name must not be empty".into(),
            );
            continue;
        }
        let org = Organisation {
            code: o.code.trim().into(),
            name: o.name.trim().into(),
            kind,
            jurisdiction: o.jurisdiction.trim().into(),
            parent: o.parent.clone(),
        };
        if orgs.insert(org.code.clone(), org.clone()).is_some() {
            cx.err(
                line,
                &o.code,
                "code",
                "单位编码重复".into(),
                "duplicate organisation code".into(),
            );
        }
        org_list.push(org);
    }
    if !orgs.contains_key(raw.plan.supervisor.trim()) {
        cx.file = raw.plan_at.file.clone();
        cx.err(
            raw.plan_at.line,
            "plan",
            "supervisor",
            format!(
                "督办单位“{}”未在单位清单（[[organisation]] 或“单位”表）中定义",
                raw.plan.supervisor
            ),
            format!(
                "supervising office \"{}\" is not defined in the organisations ([[organisation]] or the organisations sheet)",
                raw.plan.supervisor
            ),
        );
    }
    let mut levels: BTreeMap<String, TaskLevel> = BTreeMap::new();
    let mut tasks = Vec::new();
    for (at, t) in &raw.tasks {
        cx.file = at.file.clone();
        if let Some(task) = convert_task(&mut cx, at, t, &raw.plan, start, &orgs, &mut levels) {
            tasks.push(task);
        }
    }
    if cx.errors.is_empty()
        && let Some(start) = start
    {
        Ok(ImportedPlan {
            title: raw.plan.title,
            source: raw.plan.source,
            supervisor: raw.plan.supervisor.trim().into(),
            start,
            organisations: org_list,
            tasks,
        })
    } else {
        Err(cx.errors)
    }
}

fn convert_task(
    cx: &mut Ctx,
    at: &At,
    t: &RawTask,
    plan: &RawPlan,
    plan_start: Option<Date>,
    orgs: &BTreeMap<String, Organisation>,
    levels: &mut BTreeMap<String, TaskLevel>,
) -> Option<Task> {
    let before = cx.errors.len();
    let line = at.line;
    let id = t.id.trim().to_string();
    if id.is_empty() {
        cx.err(
            line,
            "",
            "id",
            "任务编号不能为空".into(),
            "task id must not be empty".into(),
        );
        return None;
    }
    if levels.contains_key(&id) {
        cx.err(
            line,
            &id,
            "id",
            "任务编号重复".into(),
            "duplicate task id".into(),
        );
    }
    let level = match &t.parent {
        None => TaskLevel::Task,
        Some(p) => match levels.get(p.trim()) {
            Some(TaskLevel::Task) => TaskLevel::Subtask,
            Some(TaskLevel::Subtask) => TaskLevel::CountyItem,
            Some(TaskLevel::CountyItem) => {
                cx.err(
                    line,
                    &id,
                    "parent",
                    "县级事项之下不能再分".into(),
                    "a county-level item cannot have children".into(),
                );
                TaskLevel::CountyItem
            }
            None => {
                cx.err(
                    line,
                    &id,
                    "parent",
                    format!("上级任务“{p}”须在本任务之前定义"),
                    format!("parent task \"{p}\" must be defined before this task"),
                );
                TaskLevel::Subtask
            }
        },
    };
    levels.insert(id.clone(), level);
    if t.title.trim().is_empty() {
        cx.err(
            line,
            &id,
            "title",
            "标题不能为空".into(),
            "title must not be empty".into(),
        );
    }
    if t.lead.is_empty() {
        cx.err(
            line,
            &id,
            "lead",
            "须有牵头单位".into(),
            "a lead unit is required".into(),
        );
    }
    let mut seen = BTreeSet::new();
    for (field, list) in [("lead", &t.lead), ("participants", &t.participants)] {
        for code in list {
            if !orgs.contains_key(code) {
                cx.err(
                    line,
                    &id,
                    field,
                    format!("单位“{code}”未在单位清单（[[organisation]] 或“单位”表）中定义"),
                    format!("organisation \"{code}\" is not defined in the organisations ([[organisation]] or the organisations sheet)"),
                );
            }
            if !seen.insert(code.as_str()) {
                cx.err(
                    line,
                    &id,
                    field,
                    format!("单位“{code}”重复列出"),
                    format!("organisation \"{code}\" is listed twice"),
                );
            }
        }
    }
    let supervisor = t
        .supervisor
        .clone()
        .unwrap_or_else(|| plan.supervisor.clone());
    if !orgs.contains_key(&supervisor) {
        cx.err(
            line,
            &id,
            "supervisor",
            format!("督办单位“{supervisor}”未定义"),
            format!("supervising office \"{supervisor}\" is not defined"),
        );
    }
    for d in &t.divisions {
        if !valid_division(d) {
            cx.err(
                line,
                &id,
                "divisions",
                format!("“{d}”不是区划代码（2、4、6、9或12位数字）"),
                format!("\"{d}\" is not a division code (2, 4, 6, 9 or 12 digits)"),
            );
        }
    }
    let start = match &t.start {
        Some(s) => cx.date(line, &id, "start", s),
        None => plan_start,
    };
    let due = cx.date(line, &id, "due", &t.due);
    let extension_limit = t
        .extension_limit
        .as_ref()
        .and_then(|s| cx.date(line, &id, "extension_limit", s));
    if let (Some(s), Some(d)) = (start, due)
        && d < s
    {
        cx.err(
            line,
            &id,
            "due",
            format!("期限 {d} 早于开始日期 {s}"),
            format!("deadline {d} is before the start {s}"),
        );
    }
    let mut targets = Vec::new();
    let mut ids = BTreeSet::new();
    for tg in &t.target {
        let line = located(cx, at, tg.at.as_ref());
        let field = format!("target.{}", tg.id);
        if !ids.insert(tg.id.clone()) {
            cx.err(
                line,
                &id,
                &field,
                "指标编号重复".into(),
                "duplicate target id".into(),
            );
        }
        if !tg.value.is_finite() || !tg.baseline.is_finite() || tg.value == tg.baseline {
            cx.err(
                line,
                &id,
                &field,
                "目标值须为有限数且不同于基数".into(),
                "the target value must be finite and differ from the baseline".into(),
            );
        }
        let deadline = cx.date(line, &id, &format!("{field}.deadline"), &tg.deadline);
        if let (Some(dl), Some(d)) = (deadline, due)
            && dl > d
        {
            cx.err(
                line,
                &id,
                &format!("{field}.deadline"),
                format!("指标期限 {dl} 晚于任务期限 {d}"),
                format!("target deadline {dl} is after the task deadline {d}"),
            );
        }
        if let Some(deadline) = deadline {
            targets.push(Target {
                id: tg.id.clone(),
                metric: tg.metric.clone(),
                metric_en: tg.metric_en.clone(),
                unit: tg.unit.clone(),
                baseline: tg.baseline,
                value: tg.value,
                deadline,
            });
        }
    }
    cx.file = at.file.clone();
    let mut milestones = Vec::new();
    for m in &t.milestone {
        let line = located(cx, at, m.at.as_ref());
        let field = format!("milestone.{}", m.id);
        if !ids.insert(m.id.clone()) {
            cx.err(
                line,
                &id,
                &field,
                "节点编号重复".into(),
                "duplicate milestone id".into(),
            );
        }
        let d = cx.date(line, &id, &format!("{field}.due"), &m.due);
        if let (Some(md), Some(d)) = (d, due)
            && md > d
        {
            cx.err(
                line,
                &id,
                &format!("{field}.due"),
                format!("节点期限 {md} 晚于任务期限 {d}"),
                format!("milestone deadline {md} is after the task deadline {d}"),
            );
        }
        if let Some(d) = d {
            milestones.push(Milestone {
                id: m.id.clone(),
                title: m.title.clone(),
                title_en: m.title_en.clone(),
                due: d,
            });
        }
    }
    cx.file = at.file.clone();
    let mut attachments = Vec::new();
    for a in &t.attachment {
        match Attachment::new(&a.name, &a.sha256) {
            Ok(a) => attachments.push(a),
            Err(e) => cx.err(line, &id, "attachment", e.zh(), e.en()),
        }
    }
    if cx.errors.len() > before {
        return None;
    }
    Some(Task {
        id,
        parent: t.parent.as_ref().map(|p| p.trim().to_string()),
        level,
        group: t.group.clone(),
        title: t.title.trim().into(),
        title_en: t.title_en.trim().into(),
        description: t.description.trim().into(),
        lead: t.lead.clone(),
        participants: t.participants.clone(),
        supervisor,
        divisions: t.divisions.clone(),
        start: start?,
        due: due?,
        extension_limit,
        targets,
        milestones,
        attachments,
        basis: t.basis.trim().into(),
        synthetic: false,
        history: Vec::new(),
    })
}

/// Points the context at an entry's own location (a target's or milestone's row) or the
/// task's; returns the line in force.
fn located(cx: &mut Ctx, task: &At, own: Option<&At>) -> usize {
    let at = own.unwrap_or(task);
    cx.file = at.file.clone();
    at.line
}
