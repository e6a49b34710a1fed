//! A task's state as of a date, derived from its definition and history: deadlines in force,
//! values reached, 序时进度, status and the 三色督办 light.

use super::config::LightConfig;
use super::model::{Checkpoint, EscalationStep, EventKind, Task};
use crate::calendar::Calendar;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The 三色督办 light (plus green for on track and done for closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Closed (销号).
    Done,
    /// On track.
    Green,
    /// Due within N days (蓝灯: 临期).
    Blue,
    /// Behind schedule or returned for poor quality (黄灯).
    Yellow,
    /// Overdue (红灯).
    Red,
}

impl Light {
    /// All lights, from best to worst.
    pub const ALL: [Light; 5] = [
        Light::Done,
        Light::Green,
        Light::Blue,
        Light::Yellow,
        Light::Red,
    ];

    /// The stable id (`blue`, `yellow`, `red`, `green`, `done`).
    pub fn id(self) -> &'static str {
        match self {
            Light::Done => "done",
            Light::Green => "green",
            Light::Blue => "blue",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Light::Done => "已销号",
            Light::Green => "正常推进",
            Light::Blue => "蓝灯（临期）",
            Light::Yellow => "黄灯（滞后或退办）",
            Light::Red => "红灯（逾期）",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Light::Done => "closed",
            Light::Green => "on track",
            Light::Blue => "blue (due soon)",
            Light::Yellow => "yellow (behind or returned)",
            Light::Red => "red (overdue)",
        }
    }
}

/// Where the task stands in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being carried out.
    InProgress,
    /// Reported done, waiting for verification (待核验).
    Reported,
    /// Sent back (退办), to be reported again.
    Returned,
    /// Verified and closed (已销号).
    Closed,
}

impl Status {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Status::InProgress => "推进中",
            Status::Reported => "待核验",
            Status::Returned => "已退办",
            Status::Closed => "已销号",
        }
    }
}

/// One deadline of a task as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckpointState {
    /// Which deadline.
    pub checkpoint: Checkpoint,
    /// The deadline in force (after extensions and revisions).
    pub deadline: Date,
    /// The target value in force (targets only).
    pub value: Option<f64>,
    /// Value reached (targets only).
    pub reached: Option<f64>,
    /// When it was met, if it was.
    pub met: Option<Date>,
    /// Progress share 0–1.
    pub fraction: f64,
    /// Elapsed-time share 0–1 (序时进度).
    pub expected: f64,
}

/// A task as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskState {
    /// The date.
    pub date: Date,
    /// Life-cycle status.
    pub status: Status,
    /// Lead units in force.
    pub lead: Vec<String>,
    /// Participating units in force.
    pub participants: Vec<String>,
    /// Every deadline.
    pub checkpoints: Vec<CheckpointState>,
    /// Progress 0–1 (mean over targets and milestones; 1 when closed).
    pub progress: f64,
    /// Elapsed-time share 0–1 over the same items.
    pub schedule: f64,
    /// The earliest deadline not yet met.
    pub next_due: Option<Date>,
    /// The light.
    pub light: Light,
    /// Sequence number of a pending extension request.
    pub pending_extension: Option<u32>,
    /// The account that filed the pending done report.
    pub reported_by: Option<String>,
    /// Escalation steps recorded, with the deadline they concern.
    pub escalations: Vec<(EscalationStep, Checkpoint, Date)>,
}

impl TaskState {
    /// The state of one checkpoint.
    pub fn checkpoint(&self, c: &Checkpoint) -> Option<&CheckpointState> {
        self.checkpoints.iter().find(|s| &s.checkpoint == c)
    }
}

fn elapsed(start: Date, deadline: Date, date: Date) -> f64 {
    let total = (deadline - start).num_days();
    if total <= 0 {
        return if date >= deadline { 1.0 } else { 0.0 };
    }
    ((date - start).num_days() as f64 / total as f64).clamp(0.0, 1.0)
}

impl Task {
    /// The task as of `date` (events after it are ignored).
    ///
    /// ```
    /// use quhua_workflow::tasks::{Light, Task};
    /// use quhua_workflow::calendar::Calendar;
    /// use quhua_workflow::tasks::LightConfig;
    /// use quhua_core::date::parse_date;
    /// let t = Task::simple("1", "清理乡镇空编", "city-staffing", "city-office",
    ///     parse_date("2021-04-01").unwrap(), parse_date("2021-12-31").unwrap());
    /// let cal = Calendar::china();
    /// let cfg = LightConfig::default();
    /// assert_eq!(t.state(parse_date("2021-06-30").unwrap(), &cal, &cfg).light, Light::Green);
    /// assert_eq!(t.state(parse_date("2021-12-24").unwrap(), &cal, &cfg).light, Light::Blue);
    /// assert_eq!(t.state(parse_date("2022-01-10").unwrap(), &cal, &cfg).light, Light::Red);
    /// ```
    pub fn state(&self, date: Date, cal: &Calendar, cfg: &LightConfig) -> TaskState {
        let mut status = Status::InProgress;
        let mut lead = self.lead.clone();
        let mut participants = self.participants.clone();
        let mut deadlines: BTreeMap<Checkpoint, Date> = BTreeMap::new();
        deadlines.insert(Checkpoint::Task, self.due);
        let mut values: BTreeMap<&str, f64> = BTreeMap::new();
        for t in &self.targets {
            deadlines.insert(Checkpoint::Target(t.id.clone()), t.deadline);
            values.insert(&t.id, t.value);
        }
        for m in &self.milestones {
            deadlines.insert(Checkpoint::Milestone(m.id.clone()), m.due);
        }
        let mut reached: BTreeMap<&str, Vec<(Date, f64)>> = BTreeMap::new();
        let mut milestone_met: BTreeMap<&str, Date> = BTreeMap::new();
        let mut done_at: Option<Date> = None;
        let mut reported_by = None;
        let mut pending: Option<(u32, &Checkpoint, Date)> = None;
        let mut escalations = Vec::new();
        for e in self.history_until(date) {
            match &e.kind {
                EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                    for v in &r.values {
                        reached.entry(&v.target).or_default().push((e.at, v.value));
                    }
                    for m in &r.milestones_met {
                        milestone_met.entry(m).or_insert(e.at);
                    }
                    if matches!(e.kind, EventKind::DoneReported { .. }) {
                        status = Status::Reported;
                        done_at = Some(e.at);
                        reported_by = Some(e.by.account.clone());
                    }
                }
                EventKind::Closed { .. } => status = Status::Closed,
                EventKind::Returned { .. } => {
                    status = Status::Returned;
                    done_at = None;
                    reported_by = None;
                }
                EventKind::ExtensionRequested {
                    checkpoint,
                    new_date,
                    ..
                } => pending = Some((e.seq, checkpoint, *new_date)),
                EventKind::ExtensionDecided { approved, .. } => {
                    if let Some((_, c, d)) = pending.take()
                        && *approved
                    {
                        deadlines.insert(c.clone(), d);
                    }
                }
                EventKind::Escalated {
                    step,
                    checkpoint,
                    deadline,
                } => escalations.push((*step, checkpoint.clone(), *deadline)),
                EventKind::Reassigned {
                    lead: l,
                    participants: p,
                    ..
                } => {
                    lead = l.clone();
                    participants = p.clone();
                }
                EventKind::TargetRevised {
                    target,
                    value,
                    deadline,
                    ..
                } => {
                    if let Some(t) = self.target(target) {
                        values.insert(&t.id, *value);
                        deadlines.insert(Checkpoint::Target(t.id.clone()), *deadline);
                    }
                }
            }
        }
        let mut checkpoints = Vec::new();
        for t in &self.targets {
            let c = Checkpoint::Target(t.id.clone());
            let deadline = deadlines[&c];
            let value = values[t.id.as_str()];
            let mut revised = t.clone();
            revised.value = value;
            let series = reached.get(t.id.as_str());
            let last = series.and_then(|s| s.last()).map(|&(_, v)| v);
            let met = series.and_then(|s| {
                s.iter()
                    .find(|&&(_, v)| revised.fraction(v) >= 1.0)
                    .map(|&(d, _)| d)
            });
            // Met only if the latest value still meets it (a correction downwards un-meets).
            let met = met.filter(|_| last.is_some_and(|v| revised.fraction(v) >= 1.0));
            checkpoints.push(CheckpointState {
                checkpoint: c,
                deadline,
                value: Some(value),
                reached: last,
                met,
                fraction: last.map(|v| revised.fraction(v)).unwrap_or(0.0),
                expected: elapsed(self.start, deadline, date),
            });
        }
        for m in &self.milestones {
            let c = Checkpoint::Milestone(m.id.clone());
            let deadline = deadlines[&c];
            let met = milestone_met.get(m.id.as_str()).copied();
            checkpoints.push(CheckpointState {
                checkpoint: c,
                deadline,
                value: None,
                reached: None,
                met,
                fraction: if met.is_some() { 1.0 } else { 0.0 },
                expected: elapsed(self.start, deadline, date),
            });
        }
        let task_deadline = deadlines[&Checkpoint::Task];
        let task_met = match status {
            Status::Closed | Status::Reported => done_at,
            _ => None,
        };
        let items = checkpoints.len();
        let (progress, schedule) = if status == Status::Closed {
            (1.0, elapsed(self.start, task_deadline, date))
        } else if items == 0 {
            (
                if task_met.is_some() { 1.0 } else { 0.0 },
                elapsed(self.start, task_deadline, date),
            )
        } else {
            (
                checkpoints.iter().map(|c| c.fraction).sum::<f64>() / items as f64,
                checkpoints.iter().map(|c| c.expected).sum::<f64>() / items as f64,
            )
        };
        checkpoints.push(CheckpointState {
            checkpoint: Checkpoint::Task,
            deadline: task_deadline,
            value: None,
            reached: None,
            met: task_met,
            fraction: if task_met.is_some() { 1.0 } else { 0.0 },
            expected: elapsed(self.start, task_deadline, date),
        });
        let open = || checkpoints.iter().filter(|c| c.met.is_none());
        let next_due = open().map(|c| c.deadline).min();
        let light = if status == Status::Closed {
            Light::Done
        } else if open().any(|c| c.deadline < date) {
            Light::Red
        } else if status == Status::Returned
            || open().any(|c| {
                matches!(c.checkpoint, Checkpoint::Target(_))
                    && c.fraction < c.expected - cfg.behind_tolerance
            })
        {
            Light::Yellow
        } else if next_due.is_some_and(|d| days_left(cal, cfg, date, d) <= cfg.blue_within) {
            Light::Blue
        } else {
            Light::Green
        };
        TaskState {
            date,
            status,
            lead,
            participants,
            checkpoints,
            progress,
            schedule,
            next_due,
            light,
            pending_extension: pending.map(|(s, _, _)| s),
            reported_by,
            escalations,
        }
    }
}

/// Days from `date` to `deadline` (working or calendar, per the config); `deadline >= date`.
pub(crate) fn days_left(cal: &Calendar, cfg: &LightConfig, date: Date, deadline: Date) -> u32 {
    if cfg.blue_in_working_days {
        cal.working_days_between_capped(date, deadline, cfg.blue_within.saturating_add(1))
    } else {
        (deadline - date).num_days().max(0) as u32
    }
}
