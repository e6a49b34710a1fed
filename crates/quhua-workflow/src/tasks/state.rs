//! A task's state as of a date, derived from its definition and history: deadlines in force,
//! values reached, 序时进度, status and the 三色督办 light.

use super::config::LightConfig;
use super::model::{Checkpoint, EscalationStep, EventKind, Task};
use crate::calendar::Calendar;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

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

/// One deadline evaluated (targets first, then milestones, the task's own deadline last).
#[derive(Debug, Clone, Copy)]
struct Slot {
    deadline: Date,
    value: Option<f64>,
    reached: Option<f64>,
    met: Option<Date>,
    fraction: f64,
    expected: f64,
    target: bool,
}

/// A task evaluated as of a date, borrowing from the task: what both the full state and the
/// glance are built from, so they cannot disagree.
struct Eval<'a> {
    status: Status,
    lead: &'a [String],
    participants: &'a [String],
    slots: SmallVec<[Slot; 6]>,
    progress: f64,
    schedule: f64,
    next_due: Option<Date>,
    light: Light,
    pending: Option<u32>,
    reported_by: Option<&'a str>,
    escalations: Vec<(EscalationStep, &'a Checkpoint, Date)>,
}

/// What the summaries need of a task as of a date (no copies of its text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glance<'a> {
    /// Life-cycle status.
    pub status: Status,
    /// The light.
    pub light: Light,
    /// Progress 0–1 (as in [`TaskState::progress`]).
    pub progress: f64,
    /// The earliest deadline not yet met.
    pub next_due: Option<Date>,
    /// Lead units in force.
    pub lead: &'a [String],
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
        let e = self.evaluate(date, cal, cfg);
        let nt = self.targets.len();
        let checkpoint = |i: usize| {
            if i < nt {
                Checkpoint::Target(self.targets[i].id.clone())
            } else if i < nt + self.milestones.len() {
                Checkpoint::Milestone(self.milestones[i - nt].id.clone())
            } else {
                Checkpoint::Task
            }
        };
        TaskState {
            date,
            status: e.status,
            lead: e.lead.to_vec(),
            participants: e.participants.to_vec(),
            checkpoints: e
                .slots
                .iter()
                .enumerate()
                .map(|(i, s)| CheckpointState {
                    checkpoint: checkpoint(i),
                    deadline: s.deadline,
                    value: s.value,
                    reached: s.reached,
                    met: s.met,
                    fraction: s.fraction,
                    expected: s.expected,
                })
                .collect(),
            progress: e.progress,
            schedule: e.schedule,
            next_due: e.next_due,
            light: e.light,
            pending_extension: e.pending,
            reported_by: e.reported_by.map(str::to_string),
            escalations: e
                .escalations
                .into_iter()
                .map(|(s, c, d)| (s, c.clone(), d))
                .collect(),
        }
    }

    /// The light, status, progress, next deadline and lead units as of `date` — the same
    /// evaluation as [`Task::state`], without copying the task's text (for summaries over
    /// many tasks).
    ///
    /// ```
    /// use quhua_workflow::tasks::{Light, Task, LightConfig};
    /// use quhua_workflow::calendar::Calendar;
    /// use quhua_core::date::parse_date;
    /// let t = Task::simple("1", "清理乡镇空编", "city-staffing", "city-office",
    ///     parse_date("2021-04-01").unwrap(), parse_date("2021-12-31").unwrap());
    /// let (cal, cfg) = (Calendar::china(), LightConfig::default());
    /// let d = parse_date("2022-01-10").unwrap();
    /// assert_eq!(t.glance(d, &cal, &cfg).light, t.state(d, &cal, &cfg).light);
    /// assert_eq!(t.glance(d, &cal, &cfg).lead, ["city-staffing".to_string()]);
    /// ```
    pub fn glance(&self, date: Date, cal: &Calendar, cfg: &LightConfig) -> Glance<'_> {
        let e = self.evaluate(date, cal, cfg);
        Glance {
            status: e.status,
            light: e.light,
            progress: e.progress,
            next_due: e.next_due,
            lead: e.lead,
        }
    }

    /// Folds the history up to `date` into the deadlines, values and status in force, then
    /// derives progress, 序时进度 and the light.
    fn evaluate(&self, date: Date, cal: &Calendar, cfg: &LightConfig) -> Eval<'_> {
        let nt = self.targets.len();
        let nm = self.milestones.len();
        let target_slot = |id: &str| self.targets.iter().position(|t| t.id == id);
        let slot_of = |c: &Checkpoint| match c {
            Checkpoint::Target(id) => target_slot(id),
            Checkpoint::Milestone(id) => self
                .milestones
                .iter()
                .position(|m| &m.id == id)
                .map(|i| nt + i),
            Checkpoint::Task => Some(nt + nm),
        };
        let blank = |deadline: Date, value: Option<f64>, target: bool| Slot {
            deadline,
            value,
            reached: None,
            met: None,
            fraction: 0.0,
            expected: 0.0,
            target,
        };
        let mut slots: SmallVec<[Slot; 6]> = SmallVec::with_capacity(nt + nm + 1);
        slots.extend(
            self.targets
                .iter()
                .map(|t| blank(t.deadline, Some(t.value), true)),
        );
        slots.extend(self.milestones.iter().map(|m| blank(m.due, None, false)));
        slots.push(blank(self.due, None, false));
        let mut status = Status::InProgress;
        let mut lead: &[String] = &self.lead;
        let mut participants: &[String] = &self.participants;
        let mut done_at: Option<Date> = None;
        let mut reported_by: Option<&str> = None;
        let mut pending: Option<(u32, &Checkpoint, Date)> = None;
        let mut escalations = Vec::new();
        for e in self.history_until(date) {
            match &e.kind {
                EventKind::Progress(r) | EventKind::DoneReported { report: r } => {
                    for v in &r.values {
                        if let Some(i) = target_slot(&v.target) {
                            slots[i].reached = Some(v.value);
                        }
                    }
                    for m in &r.milestones_met {
                        if let Some(i) = self.milestones.iter().position(|x| &x.id == m)
                            && slots[nt + i].met.is_none()
                        {
                            slots[nt + i].met = Some(e.at);
                        }
                    }
                    if matches!(e.kind, EventKind::DoneReported { .. }) {
                        status = Status::Reported;
                        done_at = Some(e.at);
                        reported_by = Some(&e.by.account);
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
                        && let Some(i) = slot_of(c)
                    {
                        slots[i].deadline = d;
                    }
                }
                EventKind::Escalated {
                    step,
                    checkpoint,
                    deadline,
                } => escalations.push((*step, checkpoint, *deadline)),
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
                        slots[i].value = Some(*value);
                        slots[i].deadline = *deadline;
                    }
                }
            }
        }
        // The share of the way from baseline to the target value in force.
        let share = |slots: &[Slot], i: usize, v: f64| {
            let span = slots[i].value.unwrap_or_default() - self.targets[i].baseline;
            if span == 0.0 {
                1.0
            } else {
                (v - self.targets[i].baseline) / span
            }
        };
        // Met: the first report meeting the target value in force, provided the latest value
        // still meets it (a correction downwards un-meets).
        let still_met =
            |slots: &[Slot], i: usize| slots[i].reached.is_some_and(|v| share(slots, i, v) >= 1.0);
        if (0..nt).any(|i| still_met(&slots, i)) {
            for e in self.history_until(date) {
                if let EventKind::Progress(r) | EventKind::DoneReported { report: r } = &e.kind {
                    for v in &r.values {
                        if let Some(i) = target_slot(&v.target)
                            && slots[i].met.is_none()
                            && still_met(&slots, i)
                            && share(&slots, i, v.value) >= 1.0
                        {
                            slots[i].met = Some(e.at);
                        }
                    }
                }
            }
        }
        for i in 0..nt {
            let f = slots[i]
                .reached
                .map(|v| share(&slots, i, v).clamp(0.0, 1.0));
            slots[i].fraction = f.unwrap_or(0.0);
        }
        for s in &mut slots[..nt + nm] {
            s.expected = elapsed(self.start, s.deadline, date);
            if !s.target {
                s.fraction = if s.met.is_some() { 1.0 } else { 0.0 };
            }
        }
        let items = nt + nm;
        let task_deadline = slots[items].deadline;
        let task_met = match status {
            Status::Closed | Status::Reported => done_at,
            _ => None,
        };
        let task_expected = elapsed(self.start, task_deadline, date);
        let (progress, schedule) = if status == Status::Closed {
            (1.0, task_expected)
        } else if items == 0 {
            (if task_met.is_some() { 1.0 } else { 0.0 }, task_expected)
        } else {
            let own = &slots[..items];
            (
                own.iter().map(|c| c.fraction).sum::<f64>() / items as f64,
                own.iter().map(|c| c.expected).sum::<f64>() / items as f64,
            )
        };
        let last = &mut slots[items];
        last.met = task_met;
        last.fraction = if task_met.is_some() { 1.0 } else { 0.0 };
        last.expected = task_expected;
        let open = || slots.iter().filter(|c| c.met.is_none());
        let next_due = open().map(|c| c.deadline).min();
        let light = if status == Status::Closed {
            Light::Done
        } else if open().any(|c| c.deadline < date) {
            Light::Red
        } else if status == Status::Returned
            || open().any(|c| c.target && c.fraction < c.expected - cfg.behind_tolerance)
        {
            Light::Yellow
        } else if next_due.is_some_and(|d| days_left(cal, cfg, date, d) <= cfg.blue_within) {
            Light::Blue
        } else {
            Light::Green
        };
        Eval {
            status,
            lead,
            participants,
            slots,
            progress,
            schedule,
            next_due,
            light,
            pending: pending.map(|(s, _, _)| s),
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
