//! 摸底表更新 through the one use case: the check lists each value that changes (before →
//! after) and stores nothing; the import records one event with its audit row and the figures
//! are in force from the date; a bad row is refused naming the file, row and column, a code of
//! another county or of no unit naming the row; only the county's editor may do it.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::upload::ImportFile;
use quhua_app::{App, ErrorKind, imports, survey};
use quhua_core::DivisionCode;

fn actor(role: Role, j: &str) -> Actor {
    Actor {
        name: "quyang".into(),
        role: Some(role),
        jurisdiction: Jurisdiction::parse(j, role).unwrap(),
        department: None,
        org: None,
    }
}

fn csv(name: &str, text: &str) -> ImportFile {
    ImportFile::Bytes {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn pop(app: &App, code: &str) -> Option<i64> {
    let reg = app.registry().unwrap();
    let id = reg
        .unit_by_code(DivisionCode::parse(code).unwrap())
        .unwrap();
    reg.current(id)
        .unwrap()
        .attrs
        .get("pop_hukou")
        .map(|a| a.value.to_f64() as i64)
}

#[test]
fn a_survey_table_is_previewed_then_stored() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("s.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    let editor = actor(Role::CountyEditor, "130634");
    let old = pop(&app, "130634100").unwrap();
    let kept = pop(&app, "130634101").unwrap();
    let table = format!(
        "代码,名称,户籍人口\r\n130634100,恒州镇,{}\r\n130634101,,{kept}\r\n",
        old + 1234
    );
    let file = csv("摸底表-2026.csv", &table);
    let log = app.store().audit_log().unwrap().len();
    let p = survey::update(&app, &editor, "130634", &file, "2026-06-30", false).unwrap();
    assert!(!p.stored);
    assert_eq!((p.rows, p.units, p.unchanged), (2, 1, 1));
    assert_eq!(p.changes.len(), 1);
    let c = &p.changes[0];
    assert_eq!(
        (c.row, c.code.as_str(), c.label_zh.as_str()),
        (2, "130634100", "户籍人口")
    );
    assert_eq!(c.before, Some(old as f64));
    assert_eq!(c.after, (old + 1234) as f64);
    assert_eq!(
        app.store().audit_log().unwrap().len(),
        log,
        "a check stores nothing"
    );
    assert_eq!(pop(&app, "130634100"), Some(old));

    let p = survey::update(&app, &editor, "130634", &file, "2026-06-30", true).unwrap();
    assert!(p.stored);
    assert_eq!(pop(&app, "130634100"), Some(old + 1234));
    assert_eq!(
        app.store().audit_log().unwrap().len(),
        log + 1,
        "one audit row"
    );
    assert!(app.store().audit_verify().unwrap().is_ok());
    // The same table again changes nothing and stores nothing.
    let again = survey::update(&app, &editor, "130634", &file, "2026-07-01", true).unwrap();
    assert!(again.changes.is_empty() && !again.stored);

    // A bad value: refused naming the file, the row and the column; nothing stored.
    let bad = csv(
        "摸底表-有误.csv",
        "代码,名称,户籍人口\n130634100,恒州镇,43000\n130634101,燕赵镇,-5\n",
    );
    let e = survey::update(&app, &editor, "130634", &bad, "2026-06-30", true).unwrap_err();
    assert!(
        e.zh.contains("摸底表-有误.csv") && e.zh.contains("第 3 行"),
        "{}",
        e.zh
    );
    assert!(e.zh.contains("户籍人口") || e.zh.contains("C"), "{}", e.zh);
    assert_eq!(pop(&app, "130634100"), Some(old + 1234));
    // A code of another county, or of no unit.
    let other = csv("外县.csv", "代码,户籍人口\n130623100,5000\n");
    let e = survey::update(&app, &editor, "130634", &other, "2026-06-30", false).unwrap_err();
    assert!(
        e.zh.contains("第 2 行") && e.zh.contains("不属于本县"),
        "{}",
        e.zh
    );
    let unknown = csv("未知.csv", "代码,户籍人口\n130634199,5000\n");
    let e = survey::update(&app, &editor, "130634", &unknown, "2026-06-30", false).unwrap_err();
    assert!(
        e.zh.contains("第 2 行") && e.zh.contains("130634199"),
        "{}",
        e.zh
    );
    // Roles.
    for who in [
        actor(Role::CountyEditor, "130623"),
        actor(Role::Viewer, "130634"),
        actor(Role::CityReviewer, "1306"),
    ] {
        let e = survey::update(&app, &who, "130634", &file, "2026-06-30", false).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Forbidden);
    }
}
