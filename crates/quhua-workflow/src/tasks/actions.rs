//! The actions on a task. Each is pure: it takes the task, the actor and the date, checks
//! everything first and returns the next version of the task (with one more history entry)
//! or a bilingual refusal; the input is never changed.

use super::config::{EscalationConfig, LightConfig};
use super::error::TaskError;
use super::model::{Checkpoint, EscalationStep, EventKind, ProgressReport, Task, TaskEvent};
use super::state::{Status, days_left};
use crate::calendar::Calendar;
use crate::org::Actor;
use quhua_core::date::Date;

/// The supervising office's verdict on a completion report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Verified: close the task (销号).
    Close {
        /// Verification note.
        note: String,
    },
    /// Send it back (退办) with reasons.
    Return {
        /// Reasons, one per line.
        reasons: Vec<String>,
    },
}

impl Task {
    fn push(&self, by: &Actor, at: Date, kind: EventKind) -> Result<Task, TaskError> {
        if let Some(last) = self.history.last()
            && at < last.at
        {
            return Err(TaskError::DateOrder { at, last: last.at });
        }
        let mut next = self.clone();
        next.history.push(TaskEvent {
            seq: self.history.len() as u32 + 1,
            at,
            by: by.clone(),
            kind,
        });
        Ok(next)
    }

    fn status_at(&self, at: Date) -> Status {
        self.state(at, &Calendar::weekends_only(), &LightConfig::default())
            .status
    }

    fn require_lead(&self, by: &Actor, at: Date) -> Result<(), TaskError> {
        let state = self.state(at, &Calendar::weekends_only(), &LightConfig::default());
        if state.status == Status::Closed {
            return Err(TaskError::Closed(self.id.clone()));
        }
        if !state.lead.iter().any(|l| l == &by.org) {
            return Err(TaskError::NotLead {
                task: self.id.clone(),
                account: by.account.clone(),
                org: by.org.clone(),
            });
        }
        Ok(())
    }

    fn require_supervisor(&self, by: &Actor) -> Result<(), TaskError> {
        if by.org != self.supervisor {
            return Err(TaskError::NotSupervisor {
                task: self.id.clone(),
                account: by.account.clone(),
                org: by.org.clone(),
            });
        }
        Ok(())
    }

    fn check_report(&self, r: &ProgressReport) -> Result<(), TaskError> {
        for v in &r.values {
            if self.target(&v.target).is_none() {
                return Err(TaskError::UnknownTarget {
                    task: self.id.clone(),
                    target: v.target.clone(),
                });
            }
            if !v.value.is_finite() {
                return Err(TaskError::BadValue(v.target.clone()));
            }
        }
        if let Some(m) = r
            .milestones_met
            .iter()
            .find(|m| !self.milestones.iter().any(|x| &x.id == *m))
        {
            return Err(TaskError::UnknownMilestone {
                task: self.id.clone(),
                milestone: m.clone(),
            });
        }
        for a in &r.evidence {
            super::model::Attachment::new(&a.name, &a.sha256)?;
        }
        Ok(())
    }

    /// A progress report by an account of a lead unit.
    ///
    /// ```
    /// use quhua_workflow::tasks::{ProgressReport, Reached, Target, Task};
    /// use quhua_workflow::org::Actor;
    /// use quhua_core::date::parse_date;
    /// let d = |s| parse_date(s).unwrap();
    /// let mut t = Task::simple("6.1", "撤并建制村畅通工程", "city-transport", "city-office",
    ///     d("2021-04-01"), d("2021-12-31"));
    /// t.targets.push(Target { id: "roads".into(), metric: "直连道路".into(),
    ///     metric_en: "direct roads".into(), unit: "公里".into(), baseline: 0.0,
    ///     value: 485.8, deadline: d("2021-12-31") });
    /// let report = ProgressReport { values: vec![Reached { target: "roads".into(), value: 120.0 }],
    ///     milestones_met: vec![], text: "完成120公里".into(), evidence: vec![] };
    /// let t2 = t.report_progress(&Actor::new("li", "city-transport"), report.clone(), d("2021-06-30")).unwrap();
    /// assert_eq!(t2.history.len(), 1);
    /// assert!(t.report_progress(&Actor::new("wang", "city-finance"), report, d("2021-06-30")).is_err());
    /// ```
    pub fn report_progress(
        &self,
        by: &Actor,
        report: ProgressReport,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_lead(by, at)?;
        self.check_report(&report)?;
        self.push(by, at, EventKind::Progress(report))
    }

    /// The responsible unit reports the task done (申请销号) with its final report and evidence.
    pub fn report_done(
        &self,
        by: &Actor,
        report: ProgressReport,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_lead(by, at)?;
        if self.status_at(at) == Status::Reported {
            return Err(TaskError::AlreadyReported(self.id.clone()));
        }
        self.check_report(&report)?;
        if report.text.trim().is_empty() {
            return Err(TaskError::Empty("text"));
        }
        self.push(by, at, EventKind::DoneReported { report })
    }

    /// The supervising office verifies a completion report: closes the task or sends it back.
    /// Refused for the account that reported it and for any account of a lead unit; closing
    /// needs every direct subtask (`subtasks`) closed by then.
    pub fn verify(
        &self,
        subtasks: &[Task],
        by: &Actor,
        verdict: Verdict,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_supervisor(by)?;
        let state = self.state(at, &Calendar::weekends_only(), &LightConfig::default());
        if state.status != Status::Reported {
            return Err(TaskError::NothingToVerify(self.id.clone()));
        }
        if state.reported_by.as_deref() == Some(by.account.as_str())
            || state.lead.iter().any(|l| l == &by.org)
        {
            return Err(TaskError::SelfVerification {
                task: self.id.clone(),
                account: by.account.clone(),
            });
        }
        let kind = match verdict {
            Verdict::Close { note } => {
                let open: Vec<&str> = subtasks
                    .iter()
                    .filter(|s| s.parent.as_deref() == Some(self.id.as_str()))
                    .filter(|s| s.status_at(at) != Status::Closed)
                    .map(|s| s.id.as_str())
                    .collect();
                if !open.is_empty() {
                    return Err(TaskError::OpenSubtasks {
                        task: self.id.clone(),
                        open: open.join(", "),
                    });
                }
                EventKind::Closed { note }
            }
            Verdict::Return { reasons } => {
                let reasons: Vec<String> = reasons
                    .into_iter()
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect();
                if reasons.is_empty() {
                    return Err(TaskError::Empty("reasons"));
                }
                EventKind::Returned { reasons }
            }
        };
        self.push(by, at, kind)
    }

    /// The deadline of a checkpoint in force on `at`.
    pub fn deadline_of(&self, checkpoint: &Checkpoint, at: Date) -> Option<Date> {
        self.state(at, &Calendar::weekends_only(), &LightConfig::default())
            .checkpoint(checkpoint)
            .map(|c| c.deadline)
    }

    /// An extension request (延期申请) by a lead unit. Refused on or after the deadline in force,
    /// for a date not after it or beyond the task's extension limit, without a reason, or while
    /// another request is pending.
    #[allow(clippy::too_many_arguments)]
    pub fn request_extension(
        &self,
        by: &Actor,
        checkpoint: Checkpoint,
        new_date: Date,
        reason: &str,
        progress: &str,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_lead(by, at)?;
        let state = self.state(at, &Calendar::weekends_only(), &LightConfig::default());
        if state.pending_extension.is_some() {
            return Err(TaskError::ExtensionPending(self.id.clone()));
        }
        let cp = state
            .checkpoint(&checkpoint)
            .ok_or_else(|| match &checkpoint {
                Checkpoint::Target(t) | Checkpoint::Milestone(t) => TaskError::Invalid {
                    task: self.id.clone(),
                    zh: format!("没有期限“{t}”"),
                    en: format!("no deadline \"{t}\""),
                },
                Checkpoint::Task => TaskError::Invalid {
                    task: self.id.clone(),
                    zh: "没有任务期限".into(),
                    en: "no task deadline".into(),
                },
            })?;
        if at >= cp.deadline {
            return Err(TaskError::ExtensionTooLate {
                due: cp.deadline,
                at,
            });
        }
        let beyond = self.extension_limit.is_some_and(|l| new_date > l);
        if new_date <= cp.deadline || beyond {
            let (limit_zh, limit_en) = match self.extension_limit {
                Some(l) => (format!("且不晚于 {l}"), format!(" and not after {l}")),
                None => (String::new(), String::new()),
            };
            return Err(TaskError::BadExtensionDate {
                new_date,
                due: cp.deadline,
                limit_zh,
                limit_en,
            });
        }
        if reason.trim().is_empty() {
            return Err(TaskError::Empty("reason"));
        }
        self.push(
            by,
            at,
            EventKind::ExtensionRequested {
                checkpoint,
                current: cp.deadline,
                new_date,
                reason: reason.trim().into(),
                progress: progress.trim().into(),
            },
        )
    }

    /// The supervising office decides the pending extension request.
    pub fn decide_extension(
        &self,
        by: &Actor,
        approved: bool,
        note: &str,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_supervisor(by)?;
        let state = self.state(at, &Calendar::weekends_only(), &LightConfig::default());
        let request = state
            .pending_extension
            .ok_or_else(|| TaskError::NoExtensionPending(self.id.clone()))?;
        self.push(
            by,
            at,
            EventKind::ExtensionDecided {
                request,
                approved,
                note: note.trim().into(),
            },
        )
    }

    /// The escalation steps due on `at` and not yet recorded: for each open deadline, 催办 while
    /// it is within the blue window, 催办通知书 from the configured day after it, 通报 from the
    /// configured working day after it.
    pub fn escalations_due(
        &self,
        at: Date,
        cal: &Calendar,
        light: &LightConfig,
        cfg: &EscalationConfig,
    ) -> Vec<(EscalationStep, Checkpoint, Date)> {
        let state = self.state(at, cal, light);
        if state.status == Status::Closed {
            return Vec::new();
        }
        let mut out = Vec::new();
        for c in state.checkpoints.iter().filter(|c| c.met.is_none()) {
            let d = c.deadline;
            let mut steps = Vec::new();
            if at <= d {
                if days_left(cal, light, at, d) <= light.blue_within {
                    steps.push(EscalationStep::Urge);
                }
            } else {
                if (at - d).num_days() >= i64::from(cfg.notice_after_days) {
                    steps.push(EscalationStep::Notice);
                }
                if at >= cal.add_working_days(d, cfg.circular_after_working_days) {
                    steps.push(EscalationStep::Circular);
                }
            }
            // One notice per step and deadline day: a target due the same day as its task
            // is not escalated twice.
            for s in steps {
                let recorded = state
                    .escalations
                    .iter()
                    .any(|(rs, _, rd)| *rs == s && *rd == d);
                let listed = out.iter().any(|(os, _, od)| *os == s && *od == d);
                if !recorded && !listed {
                    out.push((s, c.checkpoint.clone(), d));
                }
            }
        }
        out
    }

    /// Records every escalation step due on `at` (by the supervising office), in ladder order.
    /// Refused when nothing is due.
    pub fn escalate(
        &self,
        by: &Actor,
        at: Date,
        cal: &Calendar,
        light: &LightConfig,
        cfg: &EscalationConfig,
    ) -> Result<Task, TaskError> {
        self.require_supervisor(by)?;
        let due = self.escalations_due(at, cal, light, cfg);
        if due.is_empty() {
            return Err(TaskError::NothingToEscalate(self.id.clone()));
        }
        let mut next = self.clone();
        for (step, checkpoint, deadline) in due {
            next = next.push(
                by,
                at,
                EventKind::Escalated {
                    step,
                    checkpoint,
                    deadline,
                },
            )?;
        }
        Ok(next)
    }

    /// The supervising office changes the lead or participating units.
    pub fn reassign(
        &self,
        by: &Actor,
        lead: Vec<String>,
        participants: Vec<String>,
        reason: &str,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_supervisor(by)?;
        if lead.is_empty() {
            return Err(TaskError::Empty("lead"));
        }
        if reason.trim().is_empty() {
            return Err(TaskError::Empty("reason"));
        }
        self.push(
            by,
            at,
            EventKind::Reassigned {
                lead,
                participants,
                reason: reason.trim().into(),
            },
        )
    }

    /// The supervising office revises a target's value or deadline.
    pub fn revise_target(
        &self,
        by: &Actor,
        target: &str,
        value: f64,
        deadline: Date,
        reason: &str,
        at: Date,
    ) -> Result<Task, TaskError> {
        self.require_supervisor(by)?;
        let t = self
            .target(target)
            .ok_or_else(|| TaskError::UnknownTarget {
                task: self.id.clone(),
                target: target.into(),
            })?;
        if !value.is_finite() || value == t.baseline {
            return Err(TaskError::BadValue(target.into()));
        }
        if reason.trim().is_empty() {
            return Err(TaskError::Empty("reason"));
        }
        self.push(
            by,
            at,
            EventKind::TargetRevised {
                target: target.into(),
                value,
                deadline,
                reason: reason.trim().into(),
            },
        )
    }
}
