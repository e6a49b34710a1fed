//! Edges of the procedure and task registers: material names as users type them, and a task
//! plan read from a workbook's sheets.

use quhua_workflow::procedure::MaterialKind;
use quhua_workflow::tasks::{Sheet, import_plan_sheets};

/// A material is named by its Chinese name, its English name (any case) or its id; any
/// one of them is enough.
#[test]
fn material_kinds_parse_from_each_name() {
    for m in [
        MaterialKind::Application,
        MaterialKind::RiskReport,
        MaterialKind::LegalityOpinion,
        MaterialKind::Notice,
    ] {
        assert_eq!(MaterialKind::parse(m.zh()), Some(m));
        assert_eq!(MaterialKind::parse(&m.en().to_uppercase()), Some(m));
        let id = serde_json::to_value(m).unwrap();
        assert_eq!(MaterialKind::parse(id.as_str().unwrap()), Some(m));
        assert_eq!(MaterialKind::parse(&format!("  {}  ", m.zh())), Some(m));
    }
    assert_eq!(MaterialKind::parse("不存在的材料"), None);
}

fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.into(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.iter().map(|c| c.to_string()).collect()))
            .collect(),
    }
}

/// Every row of each sheet is read, with its fields, and a bad cell is named by sheet, row
/// and field.
#[test]
fn plan_sheets_read_every_row() {
    let sheets = vec![
        sheet(
            "计划",
            &[
                &["项目", "内容"],
                &["标题", "示例"],
                &["督办单位", "office"],
                &["开始日期", "2021-04-01"],
            ],
        ),
        sheet(
            "单位",
            &[
                &["编码", "名称", "类别"],
                &["office", "领导小组办公室", "leadership_office"],
                &["edu", "市教育局", "city_department"],
                &["health", "市卫健委", "city_department"],
            ],
        ),
        sheet(
            "任务",
            &[
                &["编号", "标题", "牵头单位", "完成时限"],
                &["16", "优化基础教育学校布局", "edu", "2025-12-31"],
                &[],
                &["17", "完善基层医疗卫生服务", "health", "2025-06-30"],
            ],
        ),
    ];
    let plan = import_plan_sheets("plan.xlsx", &sheets).unwrap();
    let tasks: Vec<(String, Vec<String>)> = plan
        .tasks
        .iter()
        .map(|t| (t.title.clone(), t.lead.clone()))
        .collect();
    assert_eq!(
        tasks,
        vec![
            ("优化基础教育学校布局".to_string(), vec!["edu".to_string()]),
            (
                "完善基层医疗卫生服务".to_string(),
                vec!["health".to_string()]
            ),
        ]
    );
    let mut bad = sheets.clone();
    bad[2].rows[3].1[2] = "nobody".into();
    let errs = import_plan_sheets("plan.xlsx", &bad).unwrap_err();
    assert_eq!(
        (
            errs[0].file.as_str(),
            errs[0].line,
            errs[0].field.as_deref()
        ),
        ("plan.xlsx[任务]", Some(4), Some("lead"))
    );
}
