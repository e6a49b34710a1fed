//! A task's state as of a date, derived from its definition and history: deadlines in force,
//! values reached, 序时进度, status and the 三色督办 light.

use super::config::LightConfig;
use super::model::{Checkpoint, EscalationStep, EventKind, Task};
use crate::calendar::Calendar;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

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
        // Slots: targets 0..nt, milestones nt..nt+nm, the task's own deadline last.
        let nt = self.targets.len();
        let nm = self.milestones.len();
        let target_slot = |id: &str| self.targets.iter().position(|t| t.id == id);
        let slot = |c: &Checkpoint| match c {
            Checkpoint::Target(id) => target_slot(id),
            Checkpoint::Milestone(id) => self
                .milestones
                .iter()
                .position(|m| &m.id == id)
                .map(|i| nt + i),
            Checkpoint::Task => Some(nt + nm),
        };
        let mut status = Status::InProgress;
        let mut lead: &Vec<String> = &self.lead;
        let mut participants: &Vec<String> = &self.participants;
        let mut deadlines: Vec<Date> = self
            .targets
            .iter()
            .map(|t| t.deadline)
            .chain(self.milestones.iter().map(|m| m.due))
            .chain([self.due])
            .collect();
        let mut values: Vec<f64> = self.targets.iter().map(|t| t.value).collect();
        let mut last: Vec<Option<f64>> = vec![None; nt];
        let mut milestone_met: Vec<Option<Date>> = vec![None; nm];
        let mut done_at: Option<Date> = None;
        let mut reported_by = None;
        let mut pending: Option<(u32, &Checkpoint, Date)> = None;
        let mut escalations = Vec::new();
        for e in self.history_until(date) {
            match &e.kind {
                EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                    for v in &r.values {
                        if let Some(i) = target_slot(&v.target) {
                            last[i] = Some(v.value);
                        }
                    }
                    for m in &r.milestones_met {
                        if let Some(i) = self.milestones.iter().position(|x| &x.id == m)
                            && milestone_met[i].is_none()
                        {
                            milestone_met[i] = Some(e.at);
                        }
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
                        && let Some(i) = slot(c)
                    {
                        deadlines[i] = d;
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
                    lead = l;
                    participants = p;
                }
                EventKind::TargetRevised {
                    target,
                    value,
                    deadline,
                    ..
                } => {
                    if let Some(i) = target_slot(target) {
                        values[i] = *value;
                        deadlines[i] = *deadline;
                    }
                }
            }
        }
        let meets = |i: usize, v: f64| {
            let span = values[i] - self.targets[i].baseline;
            span == 0.0 || (v - self.targets[i].baseline) / span >= 1.0
        };
        let fraction = |i: usize, v: f64| {
            let span = values[i] - self.targets[i].baseline;
            if span == 0.0 {
                1.0
            } else {
                ((v - self.targets[i].baseline) / span).clamp(0.0, 1.0)
            }
        };
        // Met: the first report meeting the target value in force, provided the latest value
        // still meets it (a correction downwards un-meets).
        let mut target_met: Vec<Option<Date>> = vec![None; nt];
        if (0..nt).any(|i| last[i].is_some_and(|v| meets(i, v))) {
            for e in self.history_until(date) {
                if let EventKind::Progress(r) | EventKind::DoneReported { report: r } = &e.kind {
                    for v in &r.values {
                        if let Some(i) = target_slot(&v.target)
                            && target_met[i].is_none()
                            && meets(i, v.value)
                        {
                            target_met[i] = Some(e.at);
                        }
                    }
                }
            }
            for i in 0..nt {
                if !last[i].is_some_and(|v| meets(i, v)) {
                    target_met[i] = None;
                }
            }
        }
        let mut checkpoints = Vec::with_capacity(nt + nm + 1);
        for (i, t) in self.targets.iter().enumerate() {
            checkpoints.push(CheckpointState {
                checkpoint: Checkpoint::Target(t.id.clone()),
                deadline: deadlines[i],
                value: Some(values[i]),
                reached: last[i],
                met: target_met[i],
                fraction: last[i].map(|v| fraction(i, v)).unwrap_or(0.0),
                expected: elapsed(self.start, deadlines[i], date),
            });
        }
        for (i, m) in self.milestones.iter().enumerate() {
            let met = milestone_met[i];
            checkpoints.push(CheckpointState {
                checkpoint: Checkpoint::Milestone(m.id.clone()),
                deadline: deadlines[nt + i],
                value: None,
                reached: None,
                met,
                fraction: if met.is_some() { 1.0 } else { 0.0 },
                expected: elapsed(self.start, deadlines[nt + i], date),
            });
        }
        let lead = lead.clone();
        let participants = participants.clone();
        let task_deadline = deadlines[nt + nm];
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
