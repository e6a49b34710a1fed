//! The events of a period: what each progress report, completion report, closure, return,
//! extension, escalation, reassignment or revision says, in Chinese.

use super::facts::Facts;
use super::tables::{Sheet, count, day, text, value};
use quhua_workflow::tasks::{Checkpoint, EventKind, Task, TaskEvent};

/// The label of one deadline of a task (任务期限, a target's metric, a milestone's title).
pub(super) fn checkpoint_zh(t: &Task, c: &Checkpoint) -> String {
    match c {
        Checkpoint::Task => "任务期限".into(),
        Checkpoint::Target(id) => t
            .target(id)
            .map_or_else(|| id.clone(), |x| x.metric.clone()),
        Checkpoint::Milestone(id) => t
            .milestones
            .iter()
            .find(|m| &m.id == id)
            .map_or_else(|| id.clone(), |m| format!("节点：{}", m.title)),
    }
}

impl<'a> Facts<'a> {
    /// The events of the period, by date then tree order.
    pub fn events(&self) -> Vec<(usize, &'a TaskEvent)> {
        let tasks = self.tasks();
        let mut out: Vec<(usize, usize, &TaskEvent)> = Vec::new();
        for (rank, &i) in self.order.iter().enumerate() {
            for e in tasks[i].history.iter().filter(|e| self.in_period(e.at)) {
                if matches!(
                    e.kind,
                    EventKind::Progress(_)
                        | EventKind::DoneReported { .. }
                        | EventKind::Closed { .. }
                        | EventKind::Returned { .. }
                ) {
                    out.push((rank, i, e));
                }
            }
        }
        out.sort_by_key(|(rank, _, e)| (e.at, *rank, e.seq));
        out.into_iter().map(|(_, i, e)| (i, e)).collect()
    }

    /// What an event was, what it said and the values it reached.
    pub fn event_zh(&self, t: &Task, e: &TaskEvent) -> (String, String, String) {
        let report = |r: &quhua_workflow::tasks::ProgressReport| {
            r.values
                .iter()
                .map(|v| match t.target(&v.target) {
                    Some(x) => format!("{}{}{}", x.metric, value(v.value), x.unit),
                    None => format!("{}：{}", v.target, value(v.value)),
                })
                .chain(
                    r.milestones_met
                        .iter()
                        .map(|m| checkpoint_zh(t, &Checkpoint::Milestone(m.clone()))),
                )
                .collect::<Vec<_>>()
                .join("；")
        };
        let (k, content, reached) = match &e.kind {
            EventKind::Progress(r) => ("报送进度", r.text.clone(), report(r)),
            EventKind::DoneReported { report: r } => ("申请销号", r.text.clone(), report(r)),
            EventKind::Closed { note } => ("核验销号", note.clone(), String::new()),
            EventKind::Returned { reasons } => ("退办", reasons.join("；"), String::new()),
            EventKind::ExtensionRequested {
                checkpoint,
                current,
                new_date,
                reason,
                ..
            } => (
                "申请延期",
                format!(
                    "{}：{current}延至{new_date}；{reason}",
                    checkpoint_zh(t, checkpoint)
                ),
                String::new(),
            ),
            EventKind::ExtensionDecided { approved, note, .. } => (
                if *approved {
                    "同意延期"
                } else {
                    "不同意延期"
                },
                note.clone(),
                String::new(),
            ),
            EventKind::Escalated {
                step,
                checkpoint,
                deadline,
            } => (
                step.zh(),
                format!("{}（期限{deadline}）", checkpoint_zh(t, checkpoint)),
                String::new(),
            ),
            EventKind::Reassigned {
                lead,
                participants,
                reason,
            } => (
                "调整责任单位",
                format!(
                    "牵头单位：{}；配合单位：{}；{reason}",
                    self.names(lead),
                    self.names(participants)
                ),
                String::new(),
            ),
            EventKind::TargetRevised {
                target,
                value: v,
                deadline,
                reason,
            } => (
                "调整指标",
                format!(
                    "{}调整为{}{}，期限{deadline}；{reason}",
                    checkpoint_zh(t, &Checkpoint::Target(target.clone())),
                    value(*v),
                    t.target(target).map_or("", |x| x.unit.as_str())
                ),
                String::new(),
            ),
        };
        (k.to_string(), content, reached)
    }

    /// 本周进展 table: every progress report, completion report, closure and return.
    pub fn events_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "本期进展",
            format!("{}进展情况", self.period.this()),
            &["序号", "日期", "任务", "报送单位", "事项", "内容", "完成值"],
        );
        for (n, (i, e)) in self.events().into_iter().enumerate() {
            let (k, content, reached) = self.event_zh(&self.tasks()[i], e);
            s.push(vec![
                count(n + 1),
                day(e.at),
                text(self.label(i)),
                text(self.input.sup.name(&e.by.org)),
                text(k),
                text(content),
                text(reached),
            ]);
        }
        s
    }

    /// A task's events of the period in one line (01-05 报送进度：…；01-08 申请销号).
    pub fn period_progress(&self, i: usize) -> String {
        let t = &self.tasks()[i];
        t.history
            .iter()
            .filter(|e| self.in_period(e.at))
            .map(|e| {
                let (k, content, _) = self.event_zh(t, e);
                let when = e.at.format("%m-%d");
                if content.is_empty() {
                    format!("{when} {k}")
                } else {
                    format!("{when} {k}：{content}")
                }
            })
            .collect::<Vec<_>>()
            .join("；")
    }
}
