//! Imports refresh the app's registry and are the local operator's; registry queries return
//! typed results limited to the actor's jurisdiction.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::imports::{self, TableMode};
use quhua_app::{App, ErrorKind, registry};

fn account(role: Role, jurisdiction: &str) -> Actor {
    Actor {
        name: "someone".into(),
        role: Some(role),
        jurisdiction: Jurisdiction::parse(jurisdiction, role).unwrap(),
        department: None,
        org: None,
    }
}

#[test]
fn imports_refresh_the_registry_and_queries_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("a.db").display())).unwrap();
    let op = Actor::operator("tester");
    assert!(app.registry_opt().is_none());

    // accounts do not import
    let e = imports::demo(&app, &account(Role::CountyEditor, "130634")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);

    let d = imports::demo(&app, &op).unwrap();
    assert_eq!(d.county, "130634");
    let reg = app.registry().expect("refreshed after the import");

    let a = registry::as_of(&reg, &op, "2023-06-30", Some("130634"), false).unwrap();
    assert_eq!(a.units.len(), 18);
    assert!(
        a.units
            .iter()
            .all(|u| u.parent.as_deref() == Some("130634"))
    );
    // outside the jurisdiction nothing is listed; inside, everything
    let far = account(Role::CityReviewer, "1301");
    assert!(
        registry::as_of(&reg, &far, "2023-06-30", None, false)
            .unwrap()
            .units
            .is_empty()
    );
    let near = account(Role::CityReviewer, "1306");
    assert_eq!(
        registry::as_of(&reg, &near, "2023-06-30", None, false)
            .unwrap()
            .units
            .len(),
        18
    );
    assert_eq!(
        registry::as_of(&reg, &op, "2023-13-01", None, false)
            .unwrap_err()
            .kind,
        ErrorKind::Invalid
    );

    let l = registry::lineage(&reg, &op, "130634210").unwrap();
    assert_eq!(l.forward[0].kind, "撤乡设镇");
    assert_eq!(l.forward[0].villages.len(), 14);
    assert!(serde_json::to_value(&l).unwrap()["forward"][0]["type"] == "撤乡设镇");
    assert_eq!(
        registry::lineage(&reg, &far, "130634210").unwrap_err().kind,
        ErrorKind::NotFound
    );

    // a survey table updates the figures in one event, and the app sees it at once
    let file = dir.path().join("good.csv");
    std::fs::write(&file, "代码,户籍人口\n130634100,42000\n").unwrap();
    let t = imports::table(&app, &op, &file, "2026-03-31", None).unwrap();
    assert_eq!(t.mode, TableMode::Update);
    assert_eq!((t.units_updated, t.values_set), (1, 1));
    let reg = app.registry().unwrap();
    let c = registry::changes(&reg, &op, "2025-12-31", "2026-12-31", None).unwrap();
    assert_eq!(c.changes.len(), 1);
    assert_eq!(c.changes[0].units_with_values, 1);
    assert!(c.changes[0].lineage.is_empty());
    assert_eq!(
        registry::changes(&reg, &near, "2025-12-31", "2026-12-31", None)
            .unwrap_err()
            .kind,
        ErrorKind::Forbidden
    );
    // a reviewer sees the changes of a county in the jurisdiction, and only those touching it
    let mine = registry::changes(&reg, &near, "2025-12-31", "2026-12-31", Some("130634")).unwrap();
    assert_eq!(mine.changes.len(), 1);
    let other = registry::changes(&reg, &near, "2025-12-31", "2026-12-31", Some("130633")).unwrap();
    assert!(other.changes.is_empty());
    let all = registry::changes(&reg, &near, "1949-10-01", "2026-12-31", Some("130634")).unwrap();
    assert!(
        all.changes.len() > 1,
        "the demo's history: {}",
        all.changes.len()
    );
    assert_eq!(
        registry::changes(&reg, &far, "2025-12-31", "2026-12-31", Some("130634"))
            .unwrap_err()
            .kind,
        ErrorKind::NotFound
    );
    assert_eq!(
        registry::changes(&reg, &near, "2025-12-31", "2026-12-31", Some("1306"))
            .unwrap_err()
            .kind,
        ErrorKind::Invalid
    );
    // lineage within the county only
    assert_eq!(
        registry::county_lineage(&reg, &near, "130634", "130634210")
            .unwrap()
            .code,
        "130634210"
    );
    for (county, code) in [("130633", "130634210"), ("130634", "130634")] {
        assert_eq!(
            registry::county_lineage(&reg, &near, county, code)
                .unwrap_err()
                .kind,
            ErrorKind::NotFound
        );
    }
    // a bad date is refused before anything is read
    let e = imports::table(&app, &op, &file, "2024-13-01", None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.zh.contains("YYYY-MM-DD"));
}

/// The audit log in the browser: the provincial approver reads pages of it (newest first,
/// without bodies) with the verification; a direct edit shows as a finding.
#[test]
fn audit_view_pages_and_verifies() {
    use quhua_app::audit_review::audit_view;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let app = App::open(&format!("sqlite:{}", db.display())).unwrap();
    let op = Actor::operator("tester");
    imports::demo(&app, &op).unwrap();
    let file = dir.path().join("good.csv");
    std::fs::write(&file, "代码,户籍人口\n130634100,42000\n").unwrap();
    imports::table(&app, &op, &file, "2026-03-31", None).unwrap();
    let province = account(Role::ProvinceApprover, "13");
    let first = audit_view(app.store(), &province, None, 1).unwrap();
    assert!(first.verified, "{:?}", first.findings);
    assert!(first.rows >= 2);
    assert_eq!(first.entries.len(), 1);
    assert_eq!(first.entries[0].seq, first.head_seq);
    let next = first.next_before.expect("an older page");
    let second = audit_view(app.store(), &province, Some(next), 500).unwrap();
    assert!(second.entries.iter().all(|e| e.seq < next));
    assert_eq!(second.entries.len() as u64 + 1, first.rows);
    assert_eq!(second.next_before, None);
    for bad in [0, 501] {
        assert_eq!(
            audit_view(app.store(), &province, None, bad)
                .unwrap_err()
                .kind,
            ErrorKind::Invalid
        );
    }
    drop(app);
    // an edit in the database, bypassing the store, is named
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 1",
    )
    .unwrap();
    drop(conn);
    let app = App::open(&format!("sqlite:{}", db.display())).unwrap();
    let v = audit_view(app.store(), &province, None, 10).unwrap();
    assert!(!v.verified);
    assert!(
        v.findings
            .iter()
            .any(|f| f.zh.contains("第 1 条") && f.en.contains("row 1")),
        "{:?}",
        v.findings
    );
}

/// Audit verification, anchors, backup and restore are the local operator's; an account of
/// any role is refused and nothing is written.
#[test]
fn maintenance_is_the_operators() {
    use quhua_app::maintenance;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("a.db").display());
    let app = App::open(&url).unwrap();
    let op = Actor::operator("tester");
    imports::demo(&app, &op).unwrap();
    let file = dir.path().join("a.backup");
    for (role, area) in [
        (Role::CountyEditor, "130634"),
        (Role::CityReviewer, "1306"),
        (Role::ProvinceApprover, "13"),
    ] {
        let who = account(role, area);
        let forbidden = |e: quhua_app::AppError| assert_eq!(e.kind, ErrorKind::Forbidden);
        forbidden(maintenance::audit_verify(app.store(), &who, None).unwrap_err());
        forbidden(maintenance::audit_anchor(app.store(), &who, None).unwrap_err());
        forbidden(maintenance::audit_log(app.store(), &who).unwrap_err());
        if role != Role::ProvinceApprover {
            forbidden(
                quhua_app::audit_review::audit_view(app.store(), &who, None, 10).unwrap_err(),
            );
        }
        forbidden(maintenance::backup(&who, &url, &file).unwrap_err());
        forbidden(maintenance::restore(&who, &file, &url, true).unwrap_err());
    }
    assert!(!file.exists());
    let anchor = maintenance::audit_anchor(app.store(), &op, Some(b"k"))
        .unwrap()
        .expect("the demo verifies");
    assert!(anchor.signed_by(b"k"));
    assert!(
        maintenance::audit_verify(app.store(), &op, Some(&anchor))
            .unwrap()
            .is_ok()
    );
    assert!(
        maintenance::backup(&op, &url, &file)
            .unwrap()
            .audit_rows
            .unwrap()
            > 0
    );
}
