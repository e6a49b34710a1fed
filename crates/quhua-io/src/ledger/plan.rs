//! A task plan workbook (XLSX): every sheet as text rows for
//! [`quhua_workflow::tasks::import_plan_sheets`], and the writer of a plan as such a
//! workbook (the template users fill in).

use crate::error::IoError;
use crate::limits::ReadLimits;
use crate::table::grid::workbook_grid;
use calamine::{Reader, open_workbook_auto};
use quhua_workflow::tasks::{ImportedPlan, Sheet};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;

/// Reads every sheet of a plan workbook (xlsx, xls, ods) as text rows with their row
/// numbers, within the usual limits (expansion, cells, columns).
pub fn read_plan_workbook(path: &Path) -> Result<Vec<Sheet>, IoError> {
    let limits = ReadLimits::default();
    let names = open_workbook_auto(path)
        .map_err(|e| IoError::Workbook {
            path: path.to_path_buf(),
            message: format!(
                "不是可读的 Excel 工作簿（.xlsx/.xls），请另存为 .xlsx 后重试 / not a readable Excel workbook (.xlsx/.xls); save it as .xlsx and try again ({e})"
            ),
        })?
        .sheet_names();
    names
        .iter()
        .map(|name| {
            let grid = workbook_grid(path, Some(name), &limits)?;
            Ok(Sheet {
                name: name.clone(),
                rows: grid
                    .rows
                    .into_iter()
                    .map(|(n, cells)| (n, cells.iter().map(|c| c.text()).collect()))
                    .collect(),
            })
        })
        .collect()
}

fn xerr(e: XlsxError) -> IoError {
    IoError::Workbook {
        path: "plan.xlsx".into(),
        message: e.to_string(),
    }
}

/// Writes a plan as a workbook in the import format (sheets 计划, 单位, 任务, 指标, 节点 with
/// Chinese headers): reading it back gives the same plan.
pub fn plan_workbook(plan: &ImportedPlan) -> Result<Vec<u8>, IoError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let mut sheet = |name: &str, rows: Vec<Vec<String>>| -> Result<(), IoError> {
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(xerr)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if r == 0 {
                    ws.write_string_with_format(r, c, cell, &bold)
                        .map_err(xerr)?;
                } else {
                    ws.write_string(r, c, cell).map_err(xerr)?;
                }
            }
        }
        ws.set_column_width(0, 14).map_err(xerr)?;
        Ok(())
    };
    let s = |v: &str| v.to_string();
    sheet(
        "计划",
        vec![
            vec![s("项目"), s("内容")],
            vec![s("标题"), plan.title.clone()],
            vec![s("来源"), plan.source.clone()],
            vec![s("督办单位"), plan.supervisor.clone()],
            vec![s("开始日期"), plan.start.to_string()],
        ],
    )?;
    let mut orgs = vec![vec![s("编码"), s("名称"), s("类别"), s("辖区"), s("上级")]];
    orgs.extend(plan.organisations.iter().map(|o| {
        vec![
            o.code.clone(),
            o.name.clone(),
            o.kind.compact(),
            o.jurisdiction.clone(),
            o.parent.clone().unwrap_or_default(),
        ]
    }));
    sheet("单位", orgs)?;
    let mut tasks = vec![
        [
            "编号",
            "上级任务",
            "任务组",
            "标题",
            "英文标题",
            "内容",
            "牵头单位",
            "配合单位",
            "督办单位",
            "区划代码",
            "开始日期",
            "完成时限",
            "最迟延期",
            "依据",
        ]
        .map(s)
        .to_vec(),
    ];
    let mut targets = vec![
        [
            "任务编号",
            "指标编号",
            "指标",
            "英文指标",
            "计量单位",
            "基数",
            "目标值",
            "期限",
        ]
        .map(s)
        .to_vec(),
    ];
    let mut milestones = vec![
        ["任务编号", "节点编号", "节点", "英文节点", "期限"]
            .map(s)
            .to_vec(),
    ];
    for t in &plan.tasks {
        tasks.push(vec![
            t.id.clone(),
            t.parent.clone().unwrap_or_default(),
            t.group.clone().unwrap_or_default(),
            t.title.clone(),
            t.title_en.clone(),
            t.description.clone(),
            t.lead.join("、"),
            t.participants.join("、"),
            t.supervisor.clone(),
            t.divisions.join("、"),
            t.start.to_string(),
            t.due.to_string(),
            t.extension_limit.map(|d| d.to_string()).unwrap_or_default(),
            t.basis.clone(),
        ]);
        for g in &t.targets {
            targets.push(vec![
                t.id.clone(),
                g.id.clone(),
                g.metric.clone(),
                g.metric_en.clone(),
                g.unit.clone(),
                g.baseline.to_string(),
                g.value.to_string(),
                g.deadline.to_string(),
            ]);
        }
        for m in &t.milestones {
            milestones.push(vec![
                t.id.clone(),
                m.id.clone(),
                m.title.clone(),
                m.title_en.clone(),
                m.due.to_string(),
            ]);
        }
    }
    sheet("任务", tasks)?;
    sheet("指标", targets)?;
    sheet("节点", milestones)?;
    wb.save_to_buffer().map_err(xerr)
}
