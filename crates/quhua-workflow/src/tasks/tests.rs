use super::*;
use crate::calendar::Calendar;
use crate::org::Actor;
use crate::procedure::{Approval, Extension, Plan, Template};
use proptest::prelude::*;
use quhua_core::date::{Date, parse_date};

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn lead() -> Actor {
    Actor::new("li", "transport")
}
fn lead2() -> Actor {
    Actor::new("zhao", "transport")
}
fn office() -> Actor {
    Actor::new("wang", "office")
}
fn office2() -> Actor {
    Actor::new("chen", "office")
}

fn roads() -> Task {
    let mut t = Task::simple(
        "6.1",
        "撤并建制村畅通工程",
        "transport",
        "office",
        d("2021-04-01"),
        d("2021-12-31"),
    );
    t.targets.push(Target {
        id: "roads".into(),
        metric: "直连道路".into(),
        metric_en: "direct roads".into(),
        unit: "公里".into(),
        baseline: 0.0,
        value: 485.8,
        deadline: d("2021-12-31"),
    });
    t
}

fn report(v: f64) -> ProgressReport {
    ProgressReport {
        values: vec![Reached {
            target: "roads".into(),
            value: v,
        }],
        milestones_met: vec![],
        text: "进展".into(),
        evidence: vec![Attachment::new("验收单.pdf", &"ab".repeat(32)).unwrap()],
    }
}

fn state(t: &Task, s: &str) -> TaskState {
    t.state(d(s), &Calendar::china(), &LightConfig::default())
}

#[test]
fn lights_follow_schedule_and_deadline() {
    let t = roads();
    // 2021-08-16: 50% of the time elapsed; 100 km is ~21%: behind → yellow.
    let t1 = t
        .report_progress(&lead(), report(100.0), d("2021-08-16"))
        .unwrap();
    assert_eq!(state(&t1, "2021-08-16").light, Light::Yellow);
    let t2 = t1
        .report_progress(&lead(), report(260.0), d("2021-08-20"))
        .unwrap();
    assert_eq!(state(&t2, "2021-08-20").light, Light::Green);
    assert!((state(&t2, "2021-08-20").progress - 260.0 / 485.8).abs() < 1e-9);
    // Within 10 working days of the deadline → blue unless behind; here it is behind.
    assert_eq!(state(&t2, "2021-12-24").light, Light::Yellow);
    let t3 = t2
        .report_progress(&lead(), report(470.0), d("2021-12-20"))
        .unwrap();
    assert_eq!(state(&t3, "2021-12-24").light, Light::Blue);
    assert_eq!(state(&t3, "2022-01-04").light, Light::Red);
    // Met late: the target is no longer red, but the task itself waits for its report.
    let t4 = t3
        .report_progress(&lead(), report(485.8), d("2022-01-20"))
        .unwrap();
    assert_eq!(
        state(&t4, "2022-01-20")
            .checkpoint(&Checkpoint::Target("roads".into()))
            .unwrap()
            .met,
        Some(d("2022-01-20"))
    );
    assert_eq!(state(&t4, "2022-01-20").light, Light::Red);
    let t5 = t4
        .report_done(&lead(), report(485.8), d("2022-01-21"))
        .unwrap();
    assert_eq!(state(&t5, "2022-01-21").light, Light::Green);
    let t6 = t5
        .verify(
            &[],
            &office(),
            Verdict::Close {
                note: "核验属实".into(),
            },
            d("2022-01-25"),
        )
        .unwrap();
    assert_eq!(state(&t6, "2022-01-25").light, Light::Done);
    // The past stays as it was.
    assert_eq!(state(&t6, "2021-08-16").light, Light::Yellow);
}

#[test]
fn nobody_closes_their_own_task() {
    let t = roads()
        .report_done(&lead(), report(485.8), d("2021-12-01"))
        .unwrap();
    // The reporter, a colleague of the lead unit, another unit: refused.
    for who in [lead(), lead2(), Actor::new("x", "finance")] {
        assert!(
            t.verify(
                &[],
                &who,
                Verdict::Close {
                    note: String::new()
                },
                d("2021-12-02")
            )
            .is_err()
        );
    }
    // An office account that itself reported cannot close.
    let mut t_office = roads();
    t_office.lead = vec!["office".into()];
    let t_office = t_office
        .report_done(&office(), report(485.8), d("2021-12-01"))
        .unwrap();
    let e = t_office
        .verify(
            &[],
            &office(),
            Verdict::Close {
                note: String::new(),
            },
            d("2021-12-02"),
        )
        .unwrap_err();
    assert!(matches!(e, TaskError::SelfVerification { .. }), "{e}");
    assert!(
        t_office
            .verify(
                &[],
                &office2(),
                Verdict::Close {
                    note: String::new()
                },
                d("2021-12-02")
            )
            .is_err()
    );
    // Return needs reasons; then yellow until reported again; then another account closes.
    assert!(
        t.verify(
            &[],
            &office(),
            Verdict::Return {
                reasons: vec![" ".into()]
            },
            d("2021-12-02")
        )
        .is_err()
    );
    let r = t
        .verify(
            &[],
            &office(),
            Verdict::Return {
                reasons: vec!["缺少验收资料".into()],
            },
            d("2021-12-02"),
        )
        .unwrap();
    assert_eq!(state(&r, "2021-12-03").light, Light::Yellow);
    assert_eq!(state(&r, "2021-12-03").status, Status::Returned);
    assert!(
        r.verify(
            &[],
            &office2(),
            Verdict::Close {
                note: String::new()
            },
            d("2021-12-03")
        )
        .is_err()
    );
    let r2 = r
        .report_done(&lead2(), report(485.8), d("2021-12-06"))
        .unwrap();
    assert!(
        r2.verify(
            &[],
            &lead2(),
            Verdict::Close {
                note: String::new()
            },
            d("2021-12-07")
        )
        .is_err()
    );
    let closed = r2
        .verify(
            &[],
            &office(),
            Verdict::Close { note: "ok".into() },
            d("2021-12-07"),
        )
        .unwrap();
    assert_eq!(state(&closed, "2021-12-07").status, Status::Closed);
    assert!(matches!(
        closed.report_progress(&lead(), report(1.0), d("2021-12-08")),
        Err(TaskError::Closed(_))
    ));
}

#[test]
fn parent_closes_only_after_its_subtasks() {
    let parent = Task::simple(
        "6",
        "交通",
        "transport",
        "office",
        d("2021-04-01"),
        d("2025-12-31"),
    );
    let mut child = roads();
    child.parent = Some("6".into());
    let p = parent
        .report_done(&lead(), report_empty(), d("2021-12-01"))
        .unwrap();
    let e = p
        .verify(
            std::slice::from_ref(&child),
            &office(),
            Verdict::Close {
                note: String::new(),
            },
            d("2021-12-02"),
        )
        .unwrap_err();
    assert!(matches!(e, TaskError::OpenSubtasks { .. }), "{e}");
    let c = child
        .report_done(&lead(), report(485.8), d("2021-11-01"))
        .unwrap()
        .verify(
            &[],
            &office(),
            Verdict::Close {
                note: String::new(),
            },
            d("2021-11-02"),
        )
        .unwrap();
    p.verify(
        &[c],
        &office(),
        Verdict::Close {
            note: String::new(),
        },
        d("2021-12-02"),
    )
    .unwrap();
}

fn report_empty() -> ProgressReport {
    ProgressReport {
        values: vec![],
        milestones_met: vec![],
        text: "已完成".into(),
        evidence: vec![],
    }
}

#[test]
fn extension_rules() {
    let t = roads();
    let cp = Checkpoint::Target("roads".into());
    // On or after the due date: refused.
    for at in ["2021-12-31", "2022-01-05"] {
        let e = t
            .request_extension(&lead(), cp.clone(), d("2022-03-31"), "汛期", "", d(at))
            .unwrap_err();
        assert!(matches!(e, TaskError::ExtensionTooLate { .. }), "{e}");
    }
    assert!(
        t.request_extension(
            &lead(),
            cp.clone(),
            d("2021-12-01"),
            "汛期",
            "",
            d("2021-11-01")
        )
        .is_err()
    );
    assert!(
        t.request_extension(
            &lead(),
            cp.clone(),
            d("2022-03-31"),
            " ",
            "",
            d("2021-11-01")
        )
        .is_err()
    );
    assert!(
        t.request_extension(
            &office(),
            cp.clone(),
            d("2022-03-31"),
            "汛期",
            "",
            d("2021-11-01")
        )
        .is_err()
    );
    let r = t
        .request_extension(
            &lead(),
            cp.clone(),
            d("2022-03-31"),
            "汛期影响施工",
            "完成80%",
            d("2021-11-01"),
        )
        .unwrap();
    assert!(matches!(
        r.request_extension(
            &lead(),
            cp.clone(),
            d("2022-04-30"),
            "x",
            "",
            d("2021-11-02")
        ),
        Err(TaskError::ExtensionPending(_))
    ));
    assert!(
        r.decide_extension(&lead(), true, "", d("2021-11-03"))
            .is_err()
    );
    let ok = r
        .decide_extension(&office(), true, "同意", d("2021-11-03"))
        .unwrap();
    assert_eq!(ok.deadline_of(&cp, d("2021-11-03")), Some(d("2022-03-31")));
    assert_eq!(ok.deadline_of(&cp, d("2021-11-02")), Some(d("2021-12-31")));
    let no = r
        .decide_extension(&office(), false, "不同意", d("2021-11-03"))
        .unwrap();
    assert_eq!(no.deadline_of(&cp, d("2021-11-03")), Some(d("2021-12-31")));
    // The task's limit (e.g. 12 + 6 months) bounds the new date.
    let mut limited = roads();
    limited.extension_limit = Some(d("2022-02-28"));
    let e = limited
        .request_extension(
            &lead(),
            Checkpoint::Task,
            d("2022-03-31"),
            "x",
            "",
            d("2021-11-01"),
        )
        .unwrap_err();
    assert!(
        matches!(e, TaskError::BadExtensionDate { .. }) && e.zh().contains("2022-02-28"),
        "{e}"
    );
}

#[test]
fn escalation_ladder() {
    let t = roads();
    let cal = Calendar::china();
    let (l, e) = (LightConfig::default(), EscalationConfig::default());
    assert!(t.escalations_due(d("2021-11-01"), &cal, &l, &e).is_empty());
    // The target and the task are due the same day: one 催办 for that day, not two.
    let urge = t.escalations_due(d("2021-12-24"), &cal, &l, &e);
    assert!(urge.iter().all(|(s, _, _)| *s == EscalationStep::Urge) && urge.len() == 1);
    // A target due on another day is escalated on its own.
    let mut two = t.clone();
    two.targets[0].deadline = d("2021-12-20");
    let urge = two.escalations_due(d("2021-12-17"), &cal, &l, &e);
    assert_eq!(urge.len(), 2, "{urge:?}");
    // 2022-01-01 is the day after the deadline: 催办通知书, not yet 通报.
    let t1 = t
        .escalate(&office(), d("2022-01-01"), &cal, &l, &e)
        .unwrap();
    let steps: Vec<_> = t1
        .history
        .iter()
        .filter_map(|ev| match &ev.kind {
            EventKind::Escalated { step, .. } => Some(*step),
            _ => None,
        })
        .collect();
    assert!(steps.contains(&EscalationStep::Notice) && !steps.contains(&EscalationStep::Circular));
    assert!(matches!(
        t1.escalate(&office(), d("2022-01-05"), &cal, &l, &e),
        Err(TaskError::NothingToEscalate(_))
    ));
    // 5 working days after 2021-12-31 (01-01..03 holiday): 01-04..01-07 are 4, 01-10 the 5th.
    assert!(t1.escalations_due(d("2022-01-07"), &cal, &l, &e).is_empty());
    let t2 = t1
        .escalate(&office(), d("2022-01-10"), &cal, &l, &e)
        .unwrap();
    assert!(t2.history.iter().any(|ev| matches!(
        ev.kind,
        EventKind::Escalated {
            step: EscalationStep::Circular,
            ..
        }
    )));
    assert!(t2.escalations_due(d("2022-02-01"), &cal, &l, &e).is_empty());
    assert!(t.escalate(&lead(), d("2022-01-10"), &cal, &l, &e).is_err());
}

#[test]
fn events_keep_date_order_and_reports_are_checked() {
    let t = roads()
        .report_progress(&lead(), report(10.0), d("2021-06-01"))
        .unwrap();
    assert!(matches!(
        t.report_progress(&lead(), report(20.0), d("2021-05-01")),
        Err(TaskError::DateOrder { .. })
    ));
    let mut bad = report(1.0);
    bad.values[0].target = "bridges".into();
    assert!(matches!(
        t.report_progress(&lead(), bad, d("2021-06-02")),
        Err(TaskError::UnknownTarget { .. })
    ));
    assert!(
        t.report_progress(&lead(), report(f64::NAN), d("2021-06-02"))
            .is_err()
    );
    assert!(Attachment::new("a.pdf", "xyz").is_err());
    assert_eq!(
        Attachment::new("a.pdf", &"AB".repeat(32)).unwrap().sha256,
        "ab".repeat(32)
    );
}

#[test]
fn import_errors_are_located() {
    let base = "[plan]\ntitle = \"t\"\nsupervisor = \"office\"\nstart = \"2021-04-01\"\n\n[[organisation]]\ncode = \"office\"\nname = \"办公室\"\nkind = \"leadership_office\"\n\n[[organisation]]\ncode = \"edu\"\nname = \"市教育局\"\nkind = \"city_department\"\n\n[[task]]\nid = \"1\"\ntitle = \"学校布局\"\nlead = [\"edu\"]\ndue = \"2025-12-31\"\n";
    let ok = import_plan("p.toml", base).unwrap();
    assert_eq!(ok.tasks.len(), 1);
    let errs = import_plan("p.toml", &base.replace("2025-12-31", "2025-13-31")).unwrap_err();
    assert_eq!(
        (
            errs[0].line,
            errs[0].field.as_deref(),
            errs[0].item.as_deref()
        ),
        (Some(16), Some("due"), Some("1"))
    );
    assert!(errs[0].zh().contains("p.toml第16行") && errs[0].en().contains("line 16"));
    let more = format!(
        "{base}\n[[task]]\nid = \"1.1\"\nparent = \"9\"\ntitle = \"x\"\nlead = [\"edu\", \"edu\"]\ndivisions = [\"51080\"]\ndue = \"2021-12-31\"\n[[task.target]]\nid = \"n\"\nmetric = \"m\"\nunit = \"个\"\nvalue = 0\ndeadline = \"2026-01-01\"\n"
    );
    let errs = import_plan("p.toml", &more).unwrap_err();
    let fields: Vec<_> = errs
        .iter()
        .map(|e| e.field.clone().unwrap_or_default())
        .collect();
    for f in [
        "parent",
        "lead",
        "divisions",
        "target.n",
        "target.n.deadline",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} missing in {fields:?}");
    }
    assert!(errs.iter().all(|e| e.line == Some(22)));
    let syntax = import_plan("p.toml", "[plan\n").unwrap_err();
    assert_eq!(syntax[0].line, Some(1));
    let unknown = import_plan("p.toml", &base.replace("due = ", "deu = ")).unwrap_err();
    assert!(unknown[0].zh.contains("格式错误"), "{}", unknown[0]);
}

#[test]
fn statutory_tasks_follow_the_approval() {
    let mut plan = Plan::new(
        "方案",
        "130634",
        "",
        Template::national(false),
        "民政局",
        d("2025-03-01"),
    );
    plan.approval = Some(Approval {
        document_no: "冀政字〔2025〕30号".into(),
        date: d("2025-08-31"),
        effective: d("2025-09-06"),
    });
    plan.extensions.push(Extension {
        months: 3,
        document_no: "x".into(),
        date: d("2026-06-01"),
    });
    let tasks = statutory_tasks(
        &plan,
        "P",
        &StatutoryUnits::county("130634"),
        &["130634100".into()],
        &StatutoryConfig::default(),
        &Calendar::china(),
    )
    .unwrap();
    assert_eq!(tasks.len(), 11);
    let by = |id: &str| tasks.iter().find(|t| t.id == id).unwrap();
    assert_eq!(by("P").due, d("2026-11-30"));
    assert_eq!(by("P.codes").due, d("2025-10-06"));
    assert_eq!(by("P.codes").lead, vec!["130634-civil_affairs".to_string()]);
    assert_eq!(by("P.notice").due, d("2025-09-12"));
    assert_eq!(
        by("P.register.household").lead,
        vec!["130634-public_security".to_string()]
    );
    assert_eq!(
        by("P.register.postal").lead,
        vec!["130634-postal".to_string()]
    );
    assert!(by("P.boundary").basis.contains("第十六条"));
    assert!(tasks.iter().skip(1).all(
        |t| t.parent.as_deref() == Some("P") && t.divisions.contains(&"130634100".to_string())
    ));
    let orgs = crate::org::Organisation::county_set("130634", "曲阳县");
    for t in &tasks {
        for o in t.lead.iter().chain(&t.participants).chain([&t.supervisor]) {
            assert!(orgs.iter().any(|x| &x.code == o), "{o}");
        }
    }
    // The +6 months of 条例第十五条 bound any extension of the root task.
    let gov = Actor::new("gov", "130634-gov");
    assert!(
        by("P")
            .request_extension(
                &gov,
                Checkpoint::Task,
                d("2027-03-31"),
                "情况复杂",
                "",
                d("2026-08-01")
            )
            .is_err()
    );
    assert!(
        by("P")
            .request_extension(
                &gov,
                Checkpoint::Task,
                d("2027-02-28"),
                "情况复杂",
                "",
                d("2026-08-01")
            )
            .is_ok()
    );
}

#[test]
fn board_aggregates_and_baseline() {
    let sup = Supervision::default();
    let parent = Task::simple(
        "6",
        "交通",
        "transport",
        "office",
        d("2021-04-01"),
        d("2025-12-31"),
    );
    let mut c1 = roads();
    c1.parent = Some("6".into());
    c1.level = TaskLevel::Subtask;
    c1.divisions = vec!["510824".into()];
    let c1 = c1
        .report_progress(&lead(), report(485.8), d("2021-10-01"))
        .unwrap();
    let mut c2 = roads();
    c2.id = "6.2".into();
    c2.parent = Some("6".into());
    c2.level = TaskLevel::Subtask;
    let c2 = c2
        .reassign(
            &office(),
            vec!["agri".into()],
            vec![],
            "调整牵头单位",
            d("2021-11-01"),
        )
        .unwrap();
    let tasks = vec![parent, c1, c2];
    let rows = board(&tasks, d("2022-01-10"), &sup);
    assert!((rows[0].progress - 0.5).abs() < 1e-9);
    assert_eq!(rows[0].light, Light::Green);
    assert_eq!(rows[0].subtree_light, Light::Red);
    assert_eq!(rows[2].lead_codes, vec!["agri".to_string()]);
    for by in [SummaryBy::Unit, SummaryBy::Group, SummaryBy::Division] {
        for s in summary(&rows, by, &sup) {
            assert_eq!(s.lights.values().sum::<usize>(), s.total);
        }
    }
    let changes = changes_since(&tasks, d("2021-06-30"), d("2022-01-10"), &sup);
    assert!(
        changes
            .iter()
            .any(|c| c.id == "6.2" && c.field == "lead" && c.after == "agri")
    );
    assert!(
        changes
            .iter()
            .any(|c| c.id == "6.1" && c.field == "light" && c.after == "red")
    );
    let json = serde_json::to_value(&rows[1]).unwrap();
    for k in ["id", "title", "lead", "due", "light", "progress"] {
        assert!(json.get(k).is_some(), "{k}");
    }
    assert_eq!(json["light"], "red");
}

/// Independent light rule for a one-target task with reports, a possible done report and
/// a possible return, all before `date`.
#[allow(clippy::too_many_arguments)]
fn rule(
    value: f64,
    start: Date,
    due: Date,
    reports: &[(Date, f64)],
    done: Option<Date>,
    returned: bool,
    date: Date,
    cal: &Calendar,
) -> Light {
    let last = reports
        .iter()
        .rfind(|(at, _)| *at <= date)
        .map(|(_, v)| *v)
        .unwrap_or(0.0);
    let done_now = done.is_some_and(|x| x <= date) && !returned;
    let target_open = last < value;
    let task_open = !done_now;
    if (target_open || task_open) && date > due {
        return Light::Red;
    }
    let elapsed =
        ((date - start).num_days() as f64 / (due - start).num_days() as f64).clamp(0.0, 1.0);
    if (done.is_some_and(|x| x <= date) && returned)
        || (target_open && last / value < elapsed - 0.1)
    {
        return Light::Yellow;
    }
    if (target_open || task_open) && cal.working_days_between(date, due) <= 10 {
        return Light::Blue;
    }
    Light::Green
}

proptest! {
    #[test]
    fn lights_match_an_independent_rule(
        span in 30i64..700,
        value in 1.0f64..1000.0,
        steps in proptest::collection::vec((1i64..40, 0.0f64..1.2), 0..12),
        done_after in proptest::option::of(1i64..30),
        returned in any::<bool>(),
        probe in 0i64..900,
    ) {
        let cal = Calendar::china();
        let start = d("2021-04-01");
        let due = start + chrono::Duration::days(span);
        let mut t = Task::simple("T", "示意", "transport", "office", start, due);
        t.targets.push(Target { id: "roads".into(), metric: "m".into(), metric_en: "m".into(), unit: "个".into(), baseline: 0.0, value, deadline: due });
        let mut at = start;
        let mut reports = Vec::new();
        for (gap, share) in steps {
            at += chrono::Duration::days(gap);
            let v = (value * share * 1000.0).round() / 1000.0;
            t = t.report_progress(&lead(), report(v), at).unwrap();
            reports.push((at, v));
        }
        let mut done = None;
        if let Some(k) = done_after {
            at += chrono::Duration::days(k);
            t = t.report_done(&lead(), report_empty(), at).unwrap();
            done = Some(at);
            if returned {
                t = t.verify(&[], &office(), Verdict::Return { reasons: vec!["不合格".into()] }, at).unwrap();
            }
        }
        let date = start + chrono::Duration::days(probe);
        let got = t.state(date, &cal, &LightConfig::default()).light;
        let want = rule(value, start, due, &reports, done, returned && done.is_some(), date, &cal);
        prop_assert_eq!(got, want);
    }

    #[test]
    fn extension_refused_on_or_after_due(span in 10i64..400, offset in -200i64..200, extra in 1i64..200) {
        let start = d("2021-04-01");
        let due = start + chrono::Duration::days(span);
        let t = Task::simple("T", "示意", "transport", "office", start, due);
        let at = due + chrono::Duration::days(offset);
        let r = t.request_extension(&lead(), Checkpoint::Task, due + chrono::Duration::days(extra), "原因", "", at);
        prop_assert_eq!(r.is_ok(), at < due);
    }

    #[test]
    fn closing_needs_another_account_of_the_office(reporter in 0usize..3, verifier in 0usize..3) {
        let accounts = ["a", "b", "c"];
        let mut t = roads();
        t.lead = vec!["transport".into()];
        let rep = Actor::new(accounts[reporter], "transport");
        let t = t.report_done(&rep, report(485.8), d("2021-12-01")).unwrap();
        let same_org = Actor::new(accounts[verifier], "transport");
        let close = || Verdict::Close { note: String::new() };
        let refused = t.verify(&[], &same_org, close(), d("2021-12-02")).is_err();
        prop_assert!(refused);
        let off = Actor::new(accounts[verifier], "office");
        let ok = t.verify(&[], &off, close(), d("2021-12-02")).is_ok();
        prop_assert_eq!(ok, reporter != verifier);
    }
}

/// Progress is the share of the way from the baseline to the target: from 100 to 200 km,
/// 150 km is half way, not more.
#[test]
fn progress_counts_from_the_baseline() {
    let mut t = roads();
    t.targets[0].baseline = 100.0;
    t.targets[0].value = 200.0;
    let t = t
        .report_progress(&lead(), report(150.0), d("2021-06-30"))
        .unwrap();
    let s = state(&t, "2021-07-01");
    assert!((s.progress - 0.5).abs() < 1e-9, "{}", s.progress);
    let t = t
        .report_progress(&lead(), report(200.0), d("2021-07-02"))
        .unwrap();
    assert!((state(&t, "2021-07-03").progress - 1.0).abs() < 1e-9);
}

/// A parent with milestones of its own shows its own progress, not its children's; one with
/// neither targets nor milestones shows the mean of its children's.
#[test]
fn a_parent_with_its_own_milestones_keeps_its_own_progress() {
    let sup = Supervision::default();
    let mut parent = Task::simple(
        "6",
        "交通",
        "transport",
        "office",
        d("2021-04-01"),
        d("2025-12-31"),
    );
    let mut child = roads();
    child.parent = Some("6".into());
    child.level = TaskLevel::Subtask;
    let child = child
        .report_progress(&lead(), report(485.8), d("2021-10-01"))
        .unwrap();
    let rolled = board(&[parent.clone(), child.clone()], d("2021-10-02"), &sup);
    let p = rolled.iter().find(|r| r.id == "6").unwrap();
    assert!(
        (p.progress - 1.0).abs() < 1e-9,
        "mean of the children: {}",
        p.progress
    );
    parent.milestones.push(Milestone {
        id: "plan".into(),
        title: "制定方案".into(),
        title_en: "draw up the plan".into(),
        due: d("2022-06-30"),
    });
    let own = board(&[parent, child], d("2021-10-02"), &sup);
    let p = own.iter().find(|r| r.id == "6").unwrap();
    assert!(
        p.progress.abs() < 1e-9,
        "its own milestone is not met: {}",
        p.progress
    );
}
