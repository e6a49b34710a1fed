//! The demo (the seed city plan's 24 tasks with synthetic 示意 progress): the board as of
//! 2021-06-30 and 2022-01-10 shows the lights the deadlines and progress imply. The expected
//! lights are derived here from the raw definitions and history, independently of
//! `Task::state`.

use quhua_core::date::{Date, parse_date};
use quhua_workflow::tasks::{
    Checkpoint, EventKind, Light, Supervision, SupervisionConfig, Task, board, import_plan,
    synthetic,
};

mod common;
use common::lights::expected_light;

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn demo() -> (Vec<Task>, Supervision) {
    static DEMO: std::sync::OnceLock<(Vec<Task>, Supervision)> = std::sync::OnceLock::new();
    DEMO.get_or_init(generate).clone()
}

fn generate() -> (Vec<Task>, Supervision) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/demo/followup-tasks.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let plan = import_plan("followup-tasks.toml", &text).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let sup = Supervision::new(&plan.organisations);
    let tasks = synthetic::demo_progress(
        &plan.tasks,
        2021,
        d("2026-06-30"),
        &sup.calendar,
        &sup.config,
    );
    (tasks, sup)
}

#[test]
fn board_lights_follow_deadlines_and_progress() {
    let (tasks, sup) = demo();
    assert_eq!(tasks.iter().filter(|t| t.parent.is_none()).count(), 24);
    for date in [d("2021-06-30"), d("2022-01-10")] {
        let rows = board(&tasks, date, &sup);
        assert_eq!(rows.len(), tasks.len());
        for (row, t) in rows.iter().zip(&tasks) {
            assert_eq!(row.id, t.id);
            let want = expected_light(t, date, &sup.calendar, &sup.config);
            assert_eq!(row.light, want, "task {} on {date}", t.id);
            assert!((0.0..=1.0).contains(&row.progress));
        }
    }
}

#[test]
fn demo_mixes_on_time_late_and_unmet_2021_targets() {
    let (tasks, sup) = demo();
    let (mut on_time, mut late, mut unmet) = (0, 0, 0);
    let y2021 = d("2021-12-31");
    for t in &tasks {
        let st = sup.state(t, d("2026-06-30"));
        for c in &st.checkpoints {
            let original = match &c.checkpoint {
                Checkpoint::Target(id) => t.target(id).map(|x| x.deadline),
                _ => None,
            };
            if original != Some(y2021) {
                continue;
            }
            match c.met {
                Some(m) if m <= y2021 => on_time += 1,
                Some(_) => late += 1,
                None => unmet += 1,
            }
        }
    }
    assert!(
        on_time > 0 && late > 0 && unmet > 0,
        "{on_time} {late} {unmet}"
    );
    let rows = board(&tasks, d("2022-01-10"), &sup);
    let count = |l: Light| rows.iter().filter(|r| r.light == l).count();
    assert!(count(Light::Red) > 0 && count(Light::Done) > 0, "{rows:?}");
    // Every row is labelled synthetic, since its history is.
    assert!(rows.iter().all(|r| r.synthetic));
    // Six months earlier nothing of 2021 can be overdue yet.
    let early = board(&tasks, d("2021-06-30"), &sup);
    assert!(
        early
            .iter()
            .all(|r| r.light != Light::Red && r.light != Light::Done)
    );
}

#[test]
fn demo_is_reproducible_and_escalates_overdue_tasks() {
    let (a, sup) = demo();
    let (b, _) = generate();
    assert_eq!(a, b);
    let escalated = a
        .iter()
        .filter(|t| {
            t.history
                .iter()
                .any(|e| matches!(e.kind, EventKind::Escalated { .. }))
        })
        .count();
    assert!(escalated > 0);
    let returned = a
        .iter()
        .filter(|t| {
            t.history
                .iter()
                .any(|e| matches!(e.kind, EventKind::Returned { .. }))
        })
        .count();
    assert!(returned > 0);
    // A verification is never by the account that reported.
    for t in &a {
        let mut reporter = None;
        for e in &t.history {
            match e.kind {
                EventKind::DoneReported { .. } => reporter = Some(e.by.account.clone()),
                EventKind::Closed { .. } | EventKind::Returned { .. } => {
                    assert_ne!(reporter.as_deref(), Some(e.by.account.as_str()));
                    assert_eq!(e.by.org, t.supervisor);
                }
                _ => {}
            }
        }
    }
    let _ = sup;
}

#[test]
fn shipped_supervision_settings_are_the_defaults() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/demo/followup-supervision.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        SupervisionConfig::from_toml(&text).unwrap(),
        SupervisionConfig::default()
    );
    let e = SupervisionConfig::from_toml("[light]\nbehind_tolerance = 3\n").unwrap_err();
    assert!(e.zh().contains("light.behind_tolerance"), "{e}");
    let e = SupervisionConfig::from_toml("[light]\nblue_in = 3\n").unwrap_err();
    assert_eq!(e.line, Some(2), "{e}");
}
