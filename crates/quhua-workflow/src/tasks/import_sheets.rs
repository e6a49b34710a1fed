//! The plan import format as a workbook (XLSX): the same plan as the TOML format, one sheet
//! per kind of entry, each with a header row whose columns may be named in Chinese or
//! English. Every problem names the workbook, the sheet, the row and the column (or task
//! and field); nothing is returned half-way.
//!
//! | sheet | columns |
//! |---|---|
//! | 计划 / plan | two columns: 项目 key, 内容 value — 标题 title, 来源 source, 督办单位 supervisor, 开始日期 start |
//! | 单位 / organisations | 编码 code, 名称 name, 类别 kind, 辖区 jurisdiction, 上级 parent |
//! | 任务 / tasks | 编号 id, 上级任务 parent, 任务组 group, 标题 title, 英文标题 title_en, 内容 description, 牵头单位 lead, 配合单位 participants, 督办单位 supervisor, 区划代码 divisions, 开始日期 start, 完成时限 due, 最迟延期 extension_limit, 依据 basis |
//! | 指标 / targets | 任务编号 task, 指标编号 id, 指标 metric, 英文指标 metric_en, 计量单位 unit, 基数 baseline, 目标值 value, 期限 deadline |
//! | 节点 / milestones | 任务编号 task, 节点编号 id, 节点 title, 英文节点 title_en, 期限 due |
//!
//! Lists (lead and participating units, divisions) are separated by 、 , ， ; ； or line
//! breaks. Dates are `YYYY-MM-DD` text or date cells.

use super::import::{
    At, ImportError, ImportedPlan, PlanInput, RawMilestone, RawOrg, RawPlan, RawTarget, RawTask,
    build_plan,
};
use std::collections::BTreeMap;

/// One sheet as read: its name and its rows (spreadsheet row number, cells as text); the
/// first row holding anything is the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Sheet name.
    pub name: String,
    /// Rows with their 1-based row numbers.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The sheets of the format: (id, Chinese name, English name).
const SHEETS: [(&str, &str, &str); 5] = [
    ("plan", "计划", "plan"),
    ("organisations", "单位", "organisations"),
    ("tasks", "任务", "tasks"),
    ("targets", "指标", "targets"),
    ("milestones", "节点", "milestones"),
];

/// The columns of each sheet: (field, Chinese name, required).
const ORG_COLS: &[(&str, &str, bool)] = &[
    ("code", "编码", true),
    ("name", "名称", true),
    ("kind", "类别", true),
    ("jurisdiction", "辖区", false),
    ("parent", "上级", false),
];
const TASK_COLS: &[(&str, &str, bool)] = &[
    ("id", "编号", true),
    ("parent", "上级任务", false),
    ("group", "任务组", false),
    ("title", "标题", true),
    ("title_en", "英文标题", false),
    ("description", "内容", false),
    ("lead", "牵头单位", true),
    ("participants", "配合单位", false),
    ("supervisor", "督办单位", false),
    ("divisions", "区划代码", false),
    ("start", "开始日期", false),
    ("due", "完成时限", true),
    ("extension_limit", "最迟延期", false),
    ("basis", "依据", false),
];
const TARGET_COLS: &[(&str, &str, bool)] = &[
    ("task", "任务编号", true),
    ("id", "指标编号", true),
    ("metric", "指标", true),
    ("metric_en", "英文指标", false),
    ("unit", "计量单位", true),
    ("baseline", "基数", false),
    ("value", "目标值", true),
    ("deadline", "期限", true),
];
const MILESTONE_COLS: &[(&str, &str, bool)] = &[
    ("task", "任务编号", true),
    ("id", "节点编号", true),
    ("title", "节点", true),
    ("title_en", "英文节点", false),
    ("due", "期限", true),
];
const PLAN_KEYS: &[(&str, &str, bool)] = &[
    ("title", "标题", true),
    ("source", "来源", false),
    ("supervisor", "督办单位", true),
    ("start", "开始日期", true),
];

/// Errors gathered while reading the sheets.
struct Reader<'a> {
    file: &'a str,
    errors: Vec<ImportError>,
}

impl Reader<'_> {
    fn label(&self, sheet: &str) -> String {
        format!("{}[{sheet}]", self.file)
    }

    fn err(&mut self, sheet: &str, row: usize, item: &str, field: &str, zh: String, en: String) {
        let label = self.label(sheet);
        self.errors.push(ImportError::new(
            &label,
            Some(row),
            Some(item),
            Some(field),
            &zh,
            &en,
        ));
    }

    /// The sheet's rows as maps from field to text, with the row number; an unknown or
    /// missing required column is an error.
    fn records(
        &mut self,
        sheet: &Sheet,
        cols: &[(&'static str, &'static str, bool)],
    ) -> Vec<(usize, BTreeMap<&'static str, String>)> {
        let mut rows = sheet
            .rows
            .iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let Some((head_row, head)) = rows.next() else {
            return Vec::new();
        };
        let mut fields: Vec<Option<&'static str>> = Vec::new();
        for (i, h) in head.iter().enumerate() {
            let h = h.trim();
            if h.is_empty() {
                fields.push(None);
                continue;
            }
            match column(cols, h) {
                Some(f) => fields.push(Some(f)),
                None => {
                    self.err(
                        &sheet.name,
                        *head_row,
                        "",
                        h,
                        format!("第 {} 列表头“{h}”不是本表的列", i + 1),
                        format!(
                            "column {} header \"{h}\" is not a column of this sheet",
                            i + 1
                        ),
                    );
                    fields.push(None);
                }
            }
        }
        for (f, zh, required) in cols {
            if *required && !fields.contains(&Some(*f)) {
                self.err(
                    &sheet.name,
                    *head_row,
                    "",
                    f,
                    format!("缺少必填列“{zh}”（{f}）"),
                    format!("the required column \"{f}\" ({zh}) is missing"),
                );
            }
        }
        rows.map(|(n, cells)| {
            let mut m = BTreeMap::new();
            for (f, c) in fields.iter().zip(cells) {
                if let Some(f) = f
                    && !c.trim().is_empty()
                {
                    m.insert(*f, c.trim().to_string());
                }
            }
            (*n, m)
        })
        .collect()
    }

    fn number(&mut self, sheet: &str, row: usize, item: &str, field: &str, s: &str) -> f64 {
        match s.replace(',', "").parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                self.err(
                    sheet,
                    row,
                    item,
                    field,
                    format!("“{s}”不是数值"),
                    format!("\"{s}\" is not a number"),
                );
                0.0
            }
        }
    }
}

/// The field id of a column named in Chinese or English (case-insensitive).
fn column(cols: &[(&'static str, &'static str, bool)], header: &str) -> Option<&'static str> {
    cols.iter()
        .find(|(f, zh, _)| f.eq_ignore_ascii_case(header) || *zh == header)
        .map(|(f, _, _)| *f)
}

/// Splits a list cell on 、 , ， ; ； and line breaks.
fn list(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// A date cell as `YYYY-MM-DD`: text as written (a time part dropped), or an Excel serial
/// number.
fn date_text(s: &str) -> String {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>()
        && (1.0..=2_958_465.0).contains(&n)
        && let Some(epoch) = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
    {
        return (epoch + chrono::Duration::days(n.floor() as i64)).to_string();
    }
    let s = s.replace('/', "-");
    let day = s.split([' ', 'T']).next().unwrap_or("");
    // 2021-9-3 → 2021-09-03
    let parts: Vec<&str> = day.split('-').collect();
    if let [y, m, d] = parts[..]
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
        && let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d)
    {
        return date.to_string();
    }
    day.to_string()
}

/// Imports a plan from a workbook's sheets (see the module documentation). `file` is the
/// workbook's name in error messages, which read `file[sheet]` with the row.
///
/// ```
/// use quhua_workflow::tasks::{import_plan_sheets, Sheet};
/// let sheet = |name: &str, rows: &[&[&str]]| Sheet {
///     name: name.into(),
///     rows: rows.iter().enumerate()
///         .map(|(i, r)| (i + 1, r.iter().map(|c| c.to_string()).collect())).collect(),
/// };
/// let sheets = vec![
///     sheet("计划", &[&["项目", "内容"], &["标题", "示例"], &["督办单位", "office"], &["开始日期", "2021-04-01"]]),
///     sheet("单位", &[&["编码", "名称", "类别"], &["office", "领导小组办公室", "leadership_office"],
///                    &["edu", "市教育局", "city_department"]]),
///     sheet("任务", &[&["编号", "标题", "牵头单位", "完成时限"], &["16", "优化基础教育学校布局", "edu", "2025-12-31"]]),
/// ];
/// let plan = import_plan_sheets("plan.xlsx", &sheets).unwrap();
/// assert_eq!(plan.tasks[0].lead, vec!["edu".to_string()]);
/// let mut bad = sheets.clone();
/// bad[2].rows[1].1[2] = "nobody".into();
/// let errs = import_plan_sheets("plan.xlsx", &bad).unwrap_err();
/// assert_eq!((errs[0].file.as_str(), errs[0].line), ("plan.xlsx[任务]", Some(2)));
/// assert_eq!(errs[0].field.as_deref(), Some("lead"));
/// ```
pub fn import_plan_sheets(file: &str, sheets: &[Sheet]) -> Result<ImportedPlan, Vec<ImportError>> {
    let mut r = Reader {
        file,
        errors: Vec::new(),
    };
    let find = |id: &str| {
        let (_, zh, en) = SHEETS.iter().find(|(i, _, _)| *i == id)?;
        sheets
            .iter()
            .find(|s| s.name.trim() == *zh || s.name.trim().eq_ignore_ascii_case(en))
    };
    for id in ["plan", "organisations", "tasks"] {
        if find(id).is_none()
            && let Some((_, zh, en)) = SHEETS.iter().find(|(i, _, _)| *i == id)
        {
            r.errors.push(ImportError::new(
                file,
                None,
                None,
                None,
                &format!("缺少工作表“{zh}”（{en}）"),
                &format!("the sheet \"{en}\" ({zh}) is missing"),
            ));
        }
    }
    let (Some(plan_sheet), Some(org_sheet), Some(task_sheet)) =
        (find("plan"), find("organisations"), find("tasks"))
    else {
        return Err(r.errors);
    };
    // 计划: key / value rows.
    let mut head: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    let mut plan_row = 1;
    for (n, cells) in &plan_sheet.rows {
        let key = cells.first().map(|c| c.trim()).unwrap_or("");
        let value = cells.get(1).map(|c| c.trim()).unwrap_or("");
        if key.is_empty() || matches!(key, "项目" | "key") {
            continue;
        }
        match column(PLAN_KEYS, key) {
            Some(f) => {
                plan_row = plan_row.max(*n);
                let v = if f == "start" {
                    date_text(value)
                } else {
                    value.to_string()
                };
                head.insert(f, (*n, v));
            }
            None => r.err(
                &plan_sheet.name,
                *n,
                "plan",
                key,
                format!("“{key}”不是计划表的项目"),
                format!("\"{key}\" is not an item of the plan sheet"),
            ),
        }
    }
    for (f, zh, required) in PLAN_KEYS {
        if *required && !head.contains_key(f) {
            r.err(
                &plan_sheet.name,
                plan_row,
                "plan",
                f,
                format!("缺少“{zh}”（{f}）"),
                format!("\"{f}\" ({zh}) is missing"),
            );
        }
    }
    let get = |f: &str| head.get(f).map(|(_, v)| v.clone()).unwrap_or_default();
    let plan = RawPlan {
        title: get("title"),
        source: get("source"),
        supervisor: get("supervisor"),
        start: get("start"),
    };
    let at = |sheet: &Sheet, line: usize| At {
        file: format!("{file}[{}]", sheet.name),
        line,
    };
    let text = |m: &BTreeMap<&str, String>, f: &str| m.get(f).cloned().unwrap_or_default();
    let opt = |m: &BTreeMap<&str, String>, f: &str| m.get(f).cloned();
    let organisations: Vec<(At, RawOrg)> = r
        .records(org_sheet, ORG_COLS)
        .into_iter()
        .map(|(n, m)| {
            (
                at(org_sheet, n),
                RawOrg {
                    code: text(&m, "code"),
                    name: text(&m, "name"),
                    kind: text(&m, "kind"),
                    jurisdiction: text(&m, "jurisdiction"),
                    parent: opt(&m, "parent"),
                },
            )
        })
        .collect();
    let mut tasks: Vec<(At, RawTask)> = r
        .records(task_sheet, TASK_COLS)
        .into_iter()
        .map(|(n, m)| {
            (
                at(task_sheet, n),
                RawTask {
                    id: text(&m, "id"),
                    parent: opt(&m, "parent"),
                    group: opt(&m, "group"),
                    title: text(&m, "title"),
                    title_en: text(&m, "title_en"),
                    description: text(&m, "description"),
                    lead: list(&text(&m, "lead")),
                    participants: list(&text(&m, "participants")),
                    supervisor: opt(&m, "supervisor"),
                    divisions: list(&text(&m, "divisions")),
                    start: opt(&m, "start").map(|s| date_text(&s)),
                    due: date_text(&text(&m, "due")),
                    extension_limit: opt(&m, "extension_limit").map(|s| date_text(&s)),
                    basis: text(&m, "basis"),
                    target: Vec::new(),
                    milestone: Vec::new(),
                    attachment: Vec::new(),
                },
            )
        })
        .collect();
    let index: BTreeMap<String, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (t.id.trim().to_string(), i))
        .collect();
    if let Some(sheet) = find("targets") {
        for (n, m) in r.records(sheet, TARGET_COLS) {
            let task = text(&m, "task");
            let id = text(&m, "id");
            let baseline = match m.get("baseline") {
                Some(s) => r.number(&sheet.name, n, &task, "baseline", s),
                None => 0.0,
            };
            let value = r.number(&sheet.name, n, &task, "value", &text(&m, "value"));
            let target = RawTarget {
                id,
                metric: text(&m, "metric"),
                metric_en: text(&m, "metric_en"),
                unit: text(&m, "unit"),
                baseline,
                value,
                deadline: date_text(&text(&m, "deadline")),
                at: Some(at(sheet, n)),
            };
            match index.get(task.trim()) {
                Some(&i) => tasks[i].1.target.push(target),
                None => r.err(
                    &sheet.name,
                    n,
                    &task,
                    "task",
                    format!("任务“{task}”不在任务表中"),
                    format!("task \"{task}\" is not in the tasks sheet"),
                ),
            }
        }
    }
    if let Some(sheet) = find("milestones") {
        for (n, m) in r.records(sheet, MILESTONE_COLS) {
            let task = text(&m, "task");
            let milestone = RawMilestone {
                id: text(&m, "id"),
                title: text(&m, "title"),
                title_en: text(&m, "title_en"),
                due: date_text(&text(&m, "due")),
                at: Some(at(sheet, n)),
            };
            match index.get(task.trim()) {
                Some(&i) => tasks[i].1.milestone.push(milestone),
                None => r.err(
                    &sheet.name,
                    n,
                    &task,
                    "task",
                    format!("任务“{task}”不在任务表中"),
                    format!("task \"{task}\" is not in the tasks sheet"),
                ),
            }
        }
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    build_plan(PlanInput {
        plan,
        plan_at: At {
            file: format!("{file}[{}]", plan_sheet.name),
            line: plan_row,
        },
        organisations,
        tasks,
    })
}
