//! A stored draft against the registry in force: fresh while nothing changed; after a change
//! touching its county, the changes since and the operations that no longer apply are named,
//! and the rebased draft keeps the others in order.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::{App, ErrorKind, drafts, imports, scenarios};
use quhua_core::DivisionCode;
use quhua_core::event::ChangeRequest;
use quhua_core::scenario::{MergeTarget, Operation, Scenario};

fn editor() -> Actor {
    Actor {
        name: "quyang".into(),
        role: Some(Role::CountyEditor),
        jurisdiction: Jurisdiction::parse("130634", Role::CountyEditor).unwrap(),
        department: None,
        org: None,
    }
}

#[test]
fn a_draft_names_what_the_registry_changed_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("a.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    let reg = app.registry().unwrap();
    let today = quhua_app::county::latest_date(&reg);
    let rename = Operation::Rename {
        unit: "130634200".into(),
        name: "路庄子镇".into(),
    };
    let merge = Operation::Merge {
        units: vec!["130634202".into()],
        target: MergeTarget::Into("130634101".into()),
    };
    let lock = Operation::Lock {
        units: vec!["130634100".into()],
    };
    let draft = Scenario {
        name: "示意草稿".into(),
        county: "130634".into(),
        policy: None,
        base_date: Some(today.to_string()),
        note: None,
        ops: vec![rename.clone(), merge.clone(), lock.clone()],
    };
    let me = editor();
    // the date it was drafted on must be a date
    let bad = Scenario {
        base_date: Some("2025-13-01".into()),
        ..draft.clone()
    };
    let e = scenarios::create(&app, &me, bad, |_| Ok(())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.en.contains("base_date"), "{}", e.en);
    let id = scenarios::create(&app, &me, draft, |_| Ok(())).unwrap().id;
    let fresh = drafts::freshness(&app, &me, id).unwrap();
    assert!(!fresh.stale, "{fresh:?}");
    assert!(fresh.recorded && fresh.changes_since.is_empty());
    assert_eq!(fresh.rebased.len(), 3);

    // the registry moves on: 庄窠乡 is merged into 恒州镇 after the draft was made
    let mut reg = (*app.registry().unwrap()).clone();
    let before = reg.events().len();
    let unit = |code: u64| {
        reg.unit_by_code(DivisionCode::parse(&code.to_string()).unwrap())
            .unwrap()
    };
    let (gone, into) = (unit(130634202), unit(130634100));
    let date = today.succ_opt().unwrap();
    reg.apply(
        ChangeRequest::AbolishMerge {
            abolished: gone,
            into,
        },
        date,
        "冀政字〔2026〕99号（示意）",
    )
    .unwrap();
    app.store()
        .record_events(&reg.events()[before..], "tester")
        .unwrap();
    app.refresh().unwrap();

    let stale = drafts::freshness(&app, &me, id).unwrap();
    assert!(stale.stale);
    assert_eq!(stale.changes_since.len(), 1);
    assert_eq!(
        stale.changes_since[0].approval_no,
        "冀政字〔2026〕99号（示意）"
    );
    let status: Vec<bool> = stale.ops.iter().map(|o| o.applies).collect();
    assert_eq!(status, vec![true, false, true]);
    let why = stale.ops[1].reason.as_ref().expect("a reason");
    assert!(
        why.zh.contains("130634202") && why.en.contains("130634202"),
        "{why:?}"
    );
    assert!(
        why.zh.starts_with("第 2 项操作"),
        "numbered as in the draft: {why:?}"
    );
    assert_eq!(stale.rebased, vec![rename, lock]);
    // the stored draft itself is untouched
    assert_eq!(scenarios::get(&app, &me, id).unwrap().ops.len(), 3);

    // another county's editor cannot probe it
    let other = Actor {
        jurisdiction: Jurisdiction::parse("130627", Role::CountyEditor).unwrap(),
        ..editor()
    };
    assert_eq!(
        drafts::freshness(&app, &other, id).unwrap_err().kind,
        ErrorKind::NotFound
    );
}
