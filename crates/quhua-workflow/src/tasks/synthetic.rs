//! Reproducible synthetic (示意) histories: the demo's progress on the seed city plan, and the
//! large load the benchmarks measure. Nothing here is real data; every task it touches is
//! marked `synthetic` and the reports' texts say 示意.

use super::actions::Verdict;
use super::config::SupervisionConfig;
use super::model::{
    Checkpoint, EventKind, ProgressReport, Reached, Target, Task, TaskEvent, TaskLevel,
};
use super::state::Status;
use crate::calendar::Calendar;
use crate::org::Actor;
use quhua_core::date::Date;
use std::collections::HashMap;

/// A small deterministic generator (SplitMix64), so that a seed always gives the same data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi` (`lo` when empty).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo) as u64) as i64
    }

    /// Uniform in 0–1.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn hash(seed: u64, s: &str) -> u64 {
    let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    Rng::new(h).next_u64()
}

/// How a task's synthetic history turns out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Every deadline met on time, then reported, verified and closed.
    OnTime,
    /// Met late: after the deadline, or within a deadline extended on a timely request.
    Late {
        /// Whether an extension was requested (before the deadline) and granted.
        extended: bool,
    },
    /// Left unmet: progress stalls below the targets.
    Unmet,
}

/// The account that reports for a unit in synthetic data (`<org>-liaison`).
pub fn liaison(org: &str) -> Actor {
    Actor::new(&format!("{org}-liaison"), org)
}

/// The supervising office's verifying account in synthetic data (`<office>-inspector`).
pub fn inspector(office: &str) -> Actor {
    Actor::new(&format!("{office}-inspector"), office)
}

/// The outcome the demo assigns to each leaf task: a seeded shuffle dealt in turn to
/// on time, late (with and without extension) and unmet, so every class occurs.
pub fn outcomes(tasks: &[Task], seed: u64) -> HashMap<String, Outcome> {
    let parents: std::collections::HashSet<&str> =
        tasks.iter().filter_map(|t| t.parent.as_deref()).collect();
    let mut leaves: Vec<&Task> = tasks
        .iter()
        .filter(|t| !parents.contains(t.id.as_str()))
        .collect();
    leaves.sort_by_key(|t| hash(seed, &t.id));
    let classes = [
        Outcome::OnTime,
        Outcome::Late { extended: false },
        Outcome::OnTime,
        Outcome::Unmet,
        Outcome::Late { extended: true },
    ];
    leaves
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), classes[i % classes.len()]))
        .collect()
}

struct Plan {
    /// Checkpoint → date it is reached (None: never).
    reached: Vec<(Checkpoint, Option<Date>)>,
    extensions: Vec<(Checkpoint, Date, Date)>,
    curve: f64,
    plateau: f64,
    returned_once: bool,
}

fn plan_for(task: &Task, outcome: Outcome, seed: u64) -> Plan {
    let mut rng = Rng::new(hash(seed, &task.id));
    let mut reached = Vec::new();
    let mut extensions = Vec::new();
    let own: Vec<(Checkpoint, Date)> = task
        .targets
        .iter()
        .map(|t| (Checkpoint::Target(t.id.clone()), t.deadline))
        .chain(
            task.milestones
                .iter()
                .map(|m| (Checkpoint::Milestone(m.id.clone()), m.due)),
        )
        .collect();
    for (i, (c, deadline)) in own.into_iter().enumerate() {
        let span = (deadline - task.start).num_days().max(30);
        let date = match outcome {
            Outcome::OnTime => {
                Some(deadline - chrono::Duration::days(rng.range(5, (span / 5).clamp(6, 60))))
            }
            Outcome::Late { extended } => {
                let late = rng.range(20, 120);
                if extended {
                    let new_date = deadline + chrono::Duration::days(late + rng.range(5, 30));
                    let filed = deadline - chrono::Duration::days(20 + 3 * i as i64);
                    extensions.push((c.clone(), filed, new_date));
                }
                Some(deadline + chrono::Duration::days(late))
            }
            Outcome::Unmet => None,
        };
        reached.push((c, date));
    }
    // When a target's deadline moves past the task's own, the task's deadline is extended too
    // (a second request, filed after the first is decided and still before the deadline).
    if let Some(latest) = extensions.iter().map(|(_, _, n)| *n).max()
        && latest > task.due
        && let Some(first) = extensions.iter().map(|(_, f, _)| *f).max()
        && first + chrono::Duration::days(2) < task.due
    {
        extensions.push((
            Checkpoint::Task,
            first + chrono::Duration::days(2),
            latest + chrono::Duration::days(10),
        ));
    }
    Plan {
        reached,
        extensions,
        curve: 0.8 + rng.unit() * 0.7,
        plateau: 0.4 + rng.unit() * 0.45,
        returned_once: rng.range(0, 3) == 0,
    }
}

fn value_at(t: &Target, start: Date, reached: Option<Date>, plan: &Plan, day: Date) -> f64 {
    let frac = match reached {
        Some(r) if day >= r => 1.0,
        Some(r) => {
            let x = (day - start).num_days() as f64 / (r - start).num_days().max(1) as f64;
            0.97 * x.clamp(0.0, 1.0).powf(plan.curve)
        }
        None => {
            let x = (day - start).num_days() as f64 / (t.deadline - start).num_days().max(1) as f64;
            plan.plateau * x.clamp(0.0, 1.0).powf(plan.curve)
        }
    };
    let v = t.baseline + (t.value - t.baseline) * frac;
    (v * 1000.0).round() / 1000.0
}

/// Gives every task of a plan a synthetic (示意) history up to `until`, driven through the
/// same actions a user would take: fortnightly progress reports (两周一推进) by the lead
/// unit's liaison, extension requests filed before the deadline and granted, weekly
/// escalation by the supervising office, completion reports, one return (退办) for some, and
/// verification by the office's inspector. Reproducible for a seed.
///
/// ```
/// use quhua_workflow::tasks::{synthetic, Task};
/// use quhua_workflow::tasks::SupervisionConfig;
/// use quhua_workflow::calendar::Calendar;
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let tasks = vec![Task::simple("1", "清理乡镇空编", "staffing", "office", d("2021-04-01"), d("2021-12-31"))];
/// let cal = Calendar::china();
/// let a = synthetic::demo_progress(&tasks, 7, d("2022-06-30"), &cal, &SupervisionConfig::default());
/// let b = synthetic::demo_progress(&tasks, 7, d("2022-06-30"), &cal, &SupervisionConfig::default());
/// assert_eq!(a, b);
/// assert!(a[0].synthetic && !a[0].history.is_empty());
/// ```
pub fn demo_progress(
    tasks: &[Task],
    seed: u64,
    until: Date,
    cal: &Calendar,
    cfg: &SupervisionConfig,
) -> Vec<Task> {
    let outcomes = outcomes(tasks, seed);
    let mut out: Vec<Task> = tasks
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.synthetic = true;
            t
        })
        .collect();
    let plans: Vec<Plan> = out
        .iter()
        .map(|t| {
            let o = outcomes.get(&t.id).copied().unwrap_or(Outcome::OnTime);
            plan_for(t, o, seed)
        })
        .collect();
    // Per task: when its own checkpoints are all reached (None: never).
    let ready: Vec<Option<Date>> = plans
        .iter()
        .map(|p| {
            p.reached
                .iter()
                .try_fold(None::<Date>, |acc, (_, d)| {
                    d.map(|d| Some(acc.map_or(d, |a: Date| a.max(d))))
                })
                .map(|d| d.unwrap_or(Date::MIN))
        })
        .collect();
    let children: Vec<Vec<usize>> = out
        .iter()
        .map(|t| {
            out.iter()
                .enumerate()
                .filter(|(_, c)| c.parent.as_deref() == Some(t.id.as_str()))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let start = out.iter().map(|t| t.start).min().unwrap_or(until);
    let mut done_filed: Vec<Option<Date>> = vec![None; out.len()];
    let mut returned: Vec<bool> = vec![false; out.len()];
    let mut closed: Vec<bool> = vec![false; out.len()];
    let mut day = start;
    while day <= until {
        for i in 0..out.len() {
            let t = &out[i];
            if closed[i] || day < t.start {
                continue;
            }
            // Skip days on which nothing can happen to this task (cheap pre-check).
            let plan = &plans[i];
            let one = chrono::Duration::days(1);
            let busy = (day - t.start).num_days() % 14 == 13
                || chrono::Datelike::weekday(&day) == chrono::Weekday::Mon
                || plan.reached.iter().any(|(_, d)| *d == Some(day))
                || plan
                    .extensions
                    .iter()
                    .any(|(_, f, _)| *f == day || *f + one == day)
                || ready[i].is_some_and(|r| day >= r + chrono::Duration::days(3));
            if !busy {
                continue;
            }
            let st = t.state(day, cal, &cfg.light);
            if st.status == Status::Closed {
                closed[i] = true;
                continue;
            }
            let lead = liaison(&t.lead[0]);
            let office = inspector(&t.supervisor);
            let mut next = t.clone();
            // Extension requests (filed before the deadline) and their approval the next day.
            for (c, filed, new_date) in &plan.extensions {
                if *filed == day
                    && let Ok(n) = next.request_extension(
                        &lead,
                        c.clone(),
                        *new_date,
                        "示意：施工季受汛期影响，申请延期",
                        "示意：已完成过半",
                        day,
                    )
                {
                    next = n;
                }
                if *filed + chrono::Duration::days(1) == day
                    && let Ok(n) = next.decide_extension(&office, true, "示意：同意延期", day)
                {
                    next = n;
                }
            }
            // Fortnightly report, plus one on each day a checkpoint is reached.
            let fortnight = (day - t.start).num_days() % 14 == 13;
            let hits: Vec<&Checkpoint> = plan
                .reached
                .iter()
                .filter(|(_, d)| *d == Some(day))
                .map(|(c, _)| c)
                .collect();
            if (fortnight || !hits.is_empty()) && st.status != Status::Reported {
                let report = ProgressReport {
                    values: next
                        .targets
                        .iter()
                        .map(|tg| {
                            let r = plan
                                .reached
                                .iter()
                                .find(|(c, _)| *c == Checkpoint::Target(tg.id.clone()))
                                .and_then(|(_, d)| *d);
                            Reached {
                                target: tg.id.clone(),
                                value: value_at(tg, next.start, r, plan, day),
                            }
                        })
                        .collect(),
                    milestones_met: hits
                        .iter()
                        .filter_map(|c| match c {
                            Checkpoint::Milestone(m) => Some(m.clone()),
                            _ => None,
                        })
                        .collect(),
                    text: "示意：本期工作进展".into(),
                    evidence: vec![],
                };
                if (!next.targets.is_empty() || !report.milestones_met.is_empty())
                    && let Ok(n) = next.report_progress(&lead, report, day)
                {
                    next = n;
                }
            }
            // Completion report once everything of its own is reached and the children are closed.
            let own_ready = ready[i].is_some_and(|r| day >= r + chrono::Duration::days(3));
            let children_closed = own_ready
                && children[i].iter().all(|&c| {
                    closed[c] || out[c].state(day, cal, &cfg.light).status == Status::Closed
                });
            let st_now = next.state(day, cal, &cfg.light);
            if own_ready
                && children_closed
                && matches!(st_now.status, Status::InProgress | Status::Returned)
            {
                let wait_done = returned[i]
                    && done_filed[i].is_some_and(|d| day < d + chrono::Duration::days(5));
                if !wait_done {
                    let report = ProgressReport {
                        values: vec![],
                        milestones_met: vec![],
                        text: "示意：任务已完成，申请销号".into(),
                        evidence: vec![],
                    };
                    if let Ok(n) = next.report_done(&lead, report, day) {
                        next = n;
                        done_filed[i] = Some(day);
                    }
                }
            }
            // Verification four days after the completion report.
            if st_now.status == Status::Reported
                && done_filed[i].is_some_and(|d| day == d + chrono::Duration::days(4))
            {
                let verdict = if plan.returned_once && !returned[i] {
                    returned[i] = true;
                    Verdict::Return {
                        reasons: vec!["示意：佐证材料不全，请补充验收资料".into()],
                    }
                } else {
                    Verdict::Close {
                        note: "示意：经核验，同意销号".into(),
                    }
                };
                let subtasks: Vec<Task> = children[i].iter().map(|&c| out[c].clone()).collect();
                if let Ok(n) = next.verify(&subtasks, &office, verdict, day) {
                    next = n;
                }
            }
            // Weekly dispatch: the office records any escalation due (Mondays).
            if chrono::Datelike::weekday(&day) == chrono::Weekday::Mon
                && let Ok(n) = next.escalate(&office, day, cal, &cfg.light, &cfg.escalation)
            {
                next = n;
            }
            out[i] = next;
        }
        match day.succ_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    out
}

/// A province-sized synthetic load for benchmarks: `n_tasks` tasks (a tenth of them parents
/// of the others), each with one target and `reports_per_task` progress reports, deadlines
/// spread over 2021–2023, some closed, some returned, some extended. Built directly (not
/// through the actions) so that building it is cheap.
pub fn load(seed: u64, n_tasks: usize, reports_per_task: usize) -> Vec<Task> {
    let mut rng = Rng::new(seed);
    let base = Date::from_ymd_opt(2021, 4, 1).unwrap_or(Date::MIN);
    let parents = (n_tasks / 10).max(1);
    (0..n_tasks)
        .map(|i| {
            let start = base + chrono::Duration::days(rng.range(0, 90));
            let due = start + chrono::Duration::days(rng.range(120, 900));
            let lead = format!("org-{}", rng.range(0, 400));
            let supervisor = format!("office-{}", i % 100);
            let mut t = Task::simple(&format!("T{i}"), "示意任务", &lead, &supervisor, start, due);
            t.synthetic = true;
            if i >= parents {
                t.parent = Some(format!("T{}", rng.range(0, parents as i64)));
                t.level = TaskLevel::Subtask;
            }
            t.group = Some(format!("group-{}", i % 4));
            t.divisions = vec![format!("{:06}", 130600 + (i % 170))];
            let value = rng.range(10, 1000) as f64;
            t.targets.push(Target {
                id: "t".into(),
                metric: "示意指标".into(),
                metric_en: "synthetic metric".into(),
                unit: "个".into(),
                baseline: 0.0,
                value,
                deadline: due,
            });
            let reporter = liaison(&lead);
            let office = inspector(&supervisor);
            let pace = 0.5 + rng.unit();
            let span = (due - start).num_days().max(1);
            for k in 0..reports_per_task {
                let at = start + chrono::Duration::days(14 * (k as i64 + 1));
                let frac = (14.0 * (k as f64 + 1.0) / span as f64 * pace).min(1.0);
                let seq = t.history.len() as u32 + 1;
                t.history.push(TaskEvent {
                    seq,
                    at,
                    by: reporter.clone(),
                    kind: EventKind::Progress(ProgressReport {
                        values: vec![Reached {
                            target: "t".into(),
                            value: (value * frac).round(),
                        }],
                        milestones_met: vec![],
                        text: String::new(),
                        evidence: vec![],
                    }),
                });
            }
            let last = t.history.last().map(|e| e.at).unwrap_or(start);
            let push = |t: &mut Task, at: Date, by: &Actor, kind: EventKind| {
                let seq = t.history.len() as u32 + 1;
                t.history.push(TaskEvent {
                    seq,
                    at,
                    by: by.clone(),
                    kind,
                });
            };
            match rng.range(0, 6) {
                0 => {
                    push(
                        &mut t,
                        last + chrono::Duration::days(1),
                        &reporter,
                        EventKind::DoneReported {
                            report: ProgressReport {
                                values: vec![],
                                milestones_met: vec![],
                                text: "示意".into(),
                                evidence: vec![],
                            },
                        },
                    );
                    push(
                        &mut t,
                        last + chrono::Duration::days(5),
                        &office,
                        EventKind::Closed {
                            note: String::new(),
                        },
                    );
                }
                1 => {
                    push(
                        &mut t,
                        last + chrono::Duration::days(1),
                        &reporter,
                        EventKind::DoneReported {
                            report: ProgressReport {
                                values: vec![],
                                milestones_met: vec![],
                                text: "示意".into(),
                                evidence: vec![],
                            },
                        },
                    );
                    push(
                        &mut t,
                        last + chrono::Duration::days(5),
                        &office,
                        EventKind::Returned {
                            reasons: vec!["示意".into()],
                        },
                    );
                }
                2 if last < due => {
                    push(
                        &mut t,
                        last + chrono::Duration::days(1),
                        &reporter,
                        EventKind::ExtensionRequested {
                            checkpoint: Checkpoint::Target("t".into()),
                            current: due,
                            new_date: due + chrono::Duration::days(90),
                            reason: "示意".into(),
                            progress: String::new(),
                        },
                    );
                    let request = t.history.len() as u32;
                    push(
                        &mut t,
                        last + chrono::Duration::days(2),
                        &office,
                        EventKind::ExtensionDecided {
                            request,
                            approved: true,
                            note: String::new(),
                        },
                    );
                }
                _ => {}
            }
            t
        })
        .collect()
}

/// The default settings (re-exported for callers of this module).
pub fn default_config() -> SupervisionConfig {
    SupervisionConfig::default()
}
