//! The decoded-task cache never serves stale tasks: what another process (a second `App` on
//! the same database) reports or files shows in the next board and summary, whether the
//! cache refreshes only the records that moved or reads everything again.

use quhua_app::App;
use quhua_app::access::Actor;
use quhua_app::followup::{self, BoardFilter, TaskAction};
use quhua_core::date::parse_date;
use std::collections::BTreeMap;

fn open(dir: &tempfile::TempDir) -> App {
    App::open(&format!("sqlite:{}", dir.path().join("c.db").display())).unwrap()
}

/// Every task's progress on the board, by id.
fn progress(app: &App, scope: &str) -> BTreeMap<String, f64> {
    let op = Actor::operator("reader");
    let date = parse_date("2026-12-01").unwrap();
    followup::board(app, &op, scope, date, &BoardFilter::default())
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.id, r.progress))
        .collect()
}

/// The province's summary as of the test's date, serialised (every count and mean).
fn summary_json(app: &App) -> serde_json::Value {
    let date = parse_date("2026-12-01").unwrap();
    let o = followup::overview(app, &Actor::operator("r"), "13", date).unwrap();
    serde_json::to_value(o).unwrap()
}

#[test]
fn writes_from_another_process_show_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let reader = open(&dir);
    let writer = open(&dir);
    followup::seed_synthetic_load(&writer, 7, 600, 4, 50, "seed").unwrap();
    let before = progress(&reader, "13");
    assert_eq!(before.len(), 600);
    let summary = followup::overview(
        &reader,
        &Actor::operator("r"),
        "13",
        parse_date("2026-12-01").unwrap(),
    )
    .unwrap();
    assert_eq!(summary.total, 600);

    // One open task with a target: its lead reports the target met.
    let date = parse_date("2026-12-01").unwrap();
    let op = Actor::operator("w");
    let board = followup::board(&writer, &op, "13", date, &BoardFilter::default()).unwrap();
    let row = board
        .rows
        .iter()
        .find(|r| r.status == "in_progress" && r.progress < 1.0)
        .expect("an open task");
    let view = followup::task(&writer, &op, &row.id, date).unwrap();
    let target = view
        .checkpoints
        .iter()
        .find(|c| c.kind == "target")
        .map(|c| (c.id.clone(), c.value.unwrap_or_default()));
    let lead = Actor {
        org: Some(row.lead_codes[0].clone()),
        ..Actor::operator("lead")
    };
    let values: BTreeMap<String, f64> = target.into_iter().collect();
    followup::act(
        &writer,
        &lead,
        &row.id,
        &TaskAction::Progress {
            values,
            milestones: Vec::new(),
            text: "reported elsewhere".into(),
            evidence: Vec::new(),
        },
        Vec::new(),
        date,
    )
    .unwrap();
    let after = progress(&reader, "13");
    let writer_view = progress(&writer, "13");
    assert_eq!(
        after, writer_view,
        "the reader sees exactly what the writer stored"
    );
    // The kept summary, updated from the one changed task, equals one computed afresh.
    assert_eq!(summary_json(&reader), summary_json(&open(&dir)));
    let changed: Vec<&String> = after.keys().filter(|k| after[*k] != before[*k]).collect();
    assert!(changed.contains(&&row.id) || !view.checkpoints.iter().any(|c| c.kind == "target"));
    let t = followup::task(&reader, &op, &row.id, date).unwrap();
    assert!(
        t.history
            .iter()
            .any(|h| h.zh.contains("reported elsewhere")),
        "{:?}",
        t.history.last()
    );

    // A new task filed by the other process.
    let plan = "[plan]\ntitle = \"t\"\nsupervisor = \"o\"\nstart = \"2026-01-01\"\n[[organisation]]\ncode = \"o\"\nname = \"办公室\"\nkind = \"leadership_office\"\njurisdiction = \"130601\"\n[[task]]\nid = \"NEW-1\"\ntitle = \"新任务\"\nlead = [\"o\"]\ndue = \"2027-01-01\"\n";
    let file = quhua_app::upload::ImportFile::Bytes {
        name: "p.toml".into(),
        bytes: plan.as_bytes().to_vec(),
    };
    followup::import_plan(&writer, &Actor::operator("w"), &file, None, "", true).unwrap();
    let again = progress(&reader, "13");
    assert!(again.contains_key("NEW-1"));
    assert_eq!(again, progress(&open(&dir), "13"));
    assert_eq!(summary_json(&reader), summary_json(&open(&dir)));
}
