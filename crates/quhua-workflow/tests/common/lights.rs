//! The 三色督办 light of a task derived from first principles — its raw definition and
//! history — independently of `Task::state`. Shared by the workflow's and the server's tests.

use quhua_core::date::Date;
use quhua_workflow::calendar::Calendar;
use quhua_workflow::tasks::{Checkpoint, EventKind, Light, SupervisionConfig, Task};
use std::collections::BTreeMap;

/// The light from first principles: deadlines (after approved extensions), the last values
/// reported, milestones reported met, the last completion report or return.
pub fn expected_light(t: &Task, date: Date, cal: &Calendar, cfg: &SupervisionConfig) -> Light {
    let events: Vec<_> = t.history.iter().filter(|e| e.at <= date).collect();
    if events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Closed { .. }))
    {
        return Light::Done;
    }
    let mut deadline: BTreeMap<Checkpoint, Date> = BTreeMap::new();
    deadline.insert(Checkpoint::Task, t.due);
    for tg in &t.targets {
        deadline.insert(Checkpoint::Target(tg.id.clone()), tg.deadline);
    }
    for m in &t.milestones {
        deadline.insert(Checkpoint::Milestone(m.id.clone()), m.due);
    }
    for (i, e) in events.iter().enumerate() {
        if let EventKind::ExtensionRequested {
            checkpoint,
            new_date,
            ..
        } = &e.kind
        {
            let granted = events[i + 1..].iter().find_map(|x| match &x.kind {
                EventKind::ExtensionDecided {
                    request, approved, ..
                } if *request == e.seq => Some(*approved),
                _ => None,
            });
            if granted == Some(true) {
                deadline.insert(checkpoint.clone(), *new_date);
            }
        }
    }
    let last_verdict = events.iter().rev().find_map(|e| match e.kind {
        EventKind::DoneReported { .. } => Some(true),
        EventKind::Returned { .. } => Some(false),
        _ => None,
    });
    let mut open: Vec<(Date, Option<f64>)> = Vec::new(); // (deadline, behind-by for targets)
    for tg in &t.targets {
        let last = events.iter().rev().find_map(|e| match &e.kind {
            EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                r.values.iter().find(|v| v.target == tg.id).map(|v| v.value)
            }
            _ => None,
        });
        let dl = deadline[&Checkpoint::Target(tg.id.clone())];
        let reached = last.unwrap_or(tg.baseline);
        if reached < tg.value {
            let share = (reached - tg.baseline) / (tg.value - tg.baseline);
            let total = (dl - t.start).num_days() as f64;
            let elapsed = ((date - t.start).num_days() as f64 / total).clamp(0.0, 1.0);
            open.push((dl, Some(elapsed - share.max(0.0))));
        }
    }
    for m in &t.milestones {
        let met = events.iter().any(|e| match &e.kind {
            EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                r.milestones_met.contains(&m.id)
            }
            _ => false,
        });
        if !met {
            open.push((deadline[&Checkpoint::Milestone(m.id.clone())], None));
        }
    }
    if last_verdict != Some(true) {
        open.push((deadline[&Checkpoint::Task], None));
    }
    if open.iter().any(|(dl, _)| *dl < date) {
        return Light::Red;
    }
    let behind = open
        .iter()
        .any(|(_, b)| b.is_some_and(|b| b > cfg.light.behind_tolerance));
    if last_verdict == Some(false) || behind {
        return Light::Yellow;
    }
    let next = open.iter().map(|(dl, _)| *dl).min();
    if next.is_some_and(|n| cal.working_days_between(date, n) <= cfg.light.blue_within) {
        return Light::Blue;
    }
    Light::Green
}
