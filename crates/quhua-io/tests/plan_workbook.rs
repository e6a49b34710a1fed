//! Task plan workbooks: a plan written as a workbook reads back as the same plan (the shipped
//! seed plan and generated variations of it), and bad cells are refused naming the
//! workbook, sheet, row and column.

use proptest::prelude::*;
use quhua_io::ledger::{plan_workbook, read_plan_workbook};
use quhua_workflow::tasks::{ImportedPlan, Sheet, import_plan, import_plan_sheets};

fn seed_plan() -> ImportedPlan {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/demo/followup-tasks.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    import_plan("followup-tasks.toml", &text).unwrap()
}

fn written(plan: &ImportedPlan) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, plan_workbook(plan).unwrap()).unwrap();
    (dir, path)
}

fn read_back(plan: &ImportedPlan) -> ImportedPlan {
    let (_dir, path) = written(plan);
    let sheets = read_plan_workbook(&path).unwrap();
    import_plan_sheets("plan.xlsx", &sheets).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn the_seed_plan_reads_back_from_its_workbook() {
    let plan = seed_plan();
    assert!(plan.tasks.len() >= 24);
    assert!(plan.tasks.iter().any(|t| !t.targets.is_empty()));
    assert_eq!(read_back(&plan), plan);
}

fn sheets_of(plan: &ImportedPlan) -> Vec<Sheet> {
    let (_dir, path) = written(plan);
    read_plan_workbook(&path).unwrap()
}

fn set_cell(sheets: &mut [Sheet], sheet: &str, row: usize, header: &str, value: &str) {
    let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let col = s.rows[0].1.iter().position(|h| h == header).unwrap();
    let cells = &mut s.rows.iter_mut().find(|(n, _)| *n == row).unwrap().1;
    cells.resize(cells.len().max(col + 1), String::new());
    cells[col] = value.into();
}

#[test]
fn bad_cells_are_refused_with_sheet_row_and_field() {
    let plan = seed_plan();
    let mut sheets = sheets_of(&plan);
    set_cell(&mut sheets, "任务", 3, "牵头单位", "nobody");
    set_cell(&mut sheets, "指标", 2, "目标值", "很多");
    set_cell(&mut sheets, "任务", 4, "完成时限", "2021-13-40");
    let errs = import_plan_sheets("plan.xlsx", &sheets).unwrap_err();
    // The cell errors come first (the plan is not checked further when cells are bad).
    assert!(
        errs.iter().any(|e| e.file == "plan.xlsx[指标]"
            && e.line == Some(2)
            && e.field.as_deref() == Some("value")),
        "{errs:?}"
    );
    let mut sheets = sheets_of(&plan);
    set_cell(&mut sheets, "任务", 3, "牵头单位", "nobody");
    set_cell(&mut sheets, "任务", 4, "完成时限", "2021-13-40");
    let errs = import_plan_sheets("plan.xlsx", &sheets).unwrap_err();
    let at = |row: usize, field: &str| {
        errs.iter().any(|e| {
            e.file == "plan.xlsx[任务]" && e.line == Some(row) && e.field.as_deref() == Some(field)
        })
    };
    assert!(at(3, "lead"), "{errs:?}");
    assert!(at(4, "due"), "{errs:?}");
    assert_eq!(errs.len(), 2, "{errs:?}");
}

#[test]
fn a_missing_sheet_or_column_is_named() {
    let plan = seed_plan();
    let mut sheets = sheets_of(&plan);
    sheets.retain(|s| s.name != "单位");
    let errs = import_plan_sheets("plan.xlsx", &sheets).unwrap_err();
    assert!(
        errs[0].zh.contains("单位") && errs[0].en.contains("organisations"),
        "{errs:?}"
    );
    let mut sheets = sheets_of(&plan);
    let tasks = sheets.iter_mut().find(|s| s.name == "任务").unwrap();
    tasks.rows[0].1[0] = "编码号".into();
    let errs = import_plan_sheets("plan.xlsx", &sheets).unwrap_err();
    assert!(
        errs.iter().any(|e| e.field.as_deref() == Some("编码号")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.field.as_deref() == Some("id") && e.line == Some(1)),
        "{errs:?}"
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, b"[plan]\ntitle = \"x\"\n").unwrap();
    assert!(read_plan_workbook(&path).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Generated variations of the seed plan: other titles and descriptions, target values,
    /// baselines and deadlines, and a subset of the tasks (parents kept with their children).
    #[test]
    fn generated_plans_read_back(
        keep in proptest::collection::vec(any::<bool>(), 64),
        titles in proptest::collection::vec("[\\p{Han}A-Za-z0-9]([\\p{Han}A-Za-z0-9（）“”、 ]{0,24}[\\p{Han}A-Za-z0-9])?", 64),
        values in proptest::collection::vec(-1.0e7f64..1.0e7, 64),
        shift in 0i64..200,
    ) {
        let mut plan = seed_plan();
        let tops: Vec<String> = plan.tasks.iter().filter(|t| t.parent.is_none()).map(|t| t.id.clone()).collect();
        let kept: Vec<&String> = tops.iter().enumerate().filter(|(i, _)| keep[i % 64]).map(|(_, id)| id).collect();
        prop_assume!(!kept.is_empty());
        let root = |t: &quhua_workflow::tasks::Task| t.id.split('.').next().unwrap_or("").to_string();
        plan.tasks.retain(|t| kept.contains(&&root(t)));
        for (i, t) in plan.tasks.iter_mut().enumerate() {
            t.title = titles[i % 64].clone();
            t.description = titles[(i + 7) % 64].clone();
            t.due += chrono::Duration::days(shift);
            for (k, g) in t.targets.iter_mut().enumerate() {
                g.value = values[(i + k) % 64];
                g.baseline = if g.value == 0.0 { 1.0 } else { 0.0 };
                g.deadline += chrono::Duration::days(shift / 2);
            }
        }
        prop_assert_eq!(read_back(&plan), plan);
    }
}
