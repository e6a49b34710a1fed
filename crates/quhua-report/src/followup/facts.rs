//! What every follow-up report is made of: the board at the period's start and end, the
//! tasks in tree order, the events of the period, the overdue and lagging tasks.

use super::FollowupInput;
use super::events::checkpoint_zh;
use super::period::Period;
use super::tables::{LIGHT_ORDER, Sheet, count, day, delta, light_zh, percent, text};
use crate::doc::Block;
use crate::notice::zh_date;
use chrono::Datelike;
use quhua_core::date::Date;
use quhua_workflow::tasks::{
    BoardRow, Checkpoint, EscalationStep, EventKind, Light, Task, TaskLevel, TaskState, board,
    changes_since,
};
use std::collections::{BTreeMap, HashMap};

/// The board and history of the input, computed once per report.
pub(super) struct Facts<'a> {
    /// The input.
    pub input: &'a FollowupInput<'a>,
    /// Which report.
    pub period: Period,
    /// The period's start (exclusive).
    pub start: Date,
    /// Task indices in tree order (parents before their children, input order among siblings).
    pub order: Vec<usize>,
    /// Depth of each task in the tree (0 for a root).
    pub depth: Vec<usize>,
    /// The board at the report's date, in input order.
    pub now: Vec<BoardRow>,
    /// The board at the period's start, in input order.
    pub before: Vec<BoardRow>,
    /// Each task's state at the report's date, in input order.
    pub states: Vec<TaskState>,
}

/// Tree order and depths: roots (no parent, or a parent not in the list) in input order,
/// each followed by its descendants; every task appears exactly once.
fn tree_order(tasks: &[Task]) -> (Vec<usize>, Vec<usize>) {
    let index: HashMap<&str, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    let mut roots = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        match t.parent.as_deref().and_then(|p| index.get(p)) {
            Some(&p) if p != i => children[p].push(i),
            _ => roots.push(i),
        }
    }
    let mut order = Vec::with_capacity(tasks.len());
    let mut depth = vec![0; tasks.len()];
    let mut seen = vec![false; tasks.len()];
    // Tasks caught in a parent cycle are never reached from a root: visit them last.
    for start in roots.into_iter().chain(0..tasks.len()) {
        let mut stack = vec![(start, 0)];
        while let Some((i, d)) = stack.pop() {
            if seen[i] {
                continue;
            }
            seen[i] = true;
            depth[i] = d;
            order.push(i);
            stack.extend(children[i].iter().rev().map(|&c| (c, d + 1)));
        }
    }
    (order, depth)
}

/// Counts by light in [`LIGHT_ORDER`].
pub(super) fn light_counts(rows: &[BoardRow]) -> [usize; 5] {
    let mut c = [0; 5];
    for r in rows {
        if let Some(i) = LIGHT_ORDER.iter().position(|&l| l == r.light) {
            c[i] += 1;
        }
    }
    c
}

impl<'a> Facts<'a> {
    /// Computes the boards and states for `period` ending at `input.date`.
    pub fn new(period: Period, input: &'a FollowupInput<'a>) -> Facts<'a> {
        let start = period.start(input.date);
        let (order, depth) = tree_order(input.tasks);
        Facts {
            input,
            period,
            start,
            order,
            depth,
            now: board(input.tasks, input.date, input.sup),
            before: board(input.tasks, start, input.sup),
            states: input
                .tasks
                .iter()
                .map(|t| input.sup.state(t, input.date))
                .collect(),
        }
    }

    /// Whether a date falls in the period (after its start, on or before the report's date).
    pub fn in_period(&self, d: Date) -> bool {
        d > self.start && d <= self.input.date
    }

    pub fn tasks(&self) -> &'a [Task] {
        self.input.tasks
    }

    /// `id title` of a task.
    pub fn label(&self, i: usize) -> String {
        let t = &self.tasks()[i];
        format!("{} {}", t.id, t.title)
    }

    pub fn names(&self, codes: &[String]) -> String {
        codes
            .iter()
            .map(|c| self.input.sup.name(c))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The period as text (2022年1月4日至2022年1月10日).
    pub fn span_zh(&self) -> String {
        format!(
            "{}至{}",
            zh_date(self.start + chrono::Duration::days(1)),
            zh_date(self.input.date)
        )
    }

    /// The 总体情况 paragraph: totals by level and light, changes since the period's start.
    pub fn overview_text(&self) -> String {
        let date = zh_date(self.input.date);
        if self.tasks().is_empty() {
            return format!("截至{date}，暂无纳入督办的任务。");
        }
        let levels: Vec<String> = [TaskLevel::Task, TaskLevel::Subtask, TaskLevel::CountyItem]
            .into_iter()
            .filter_map(|l| {
                let n = self.tasks().iter().filter(|t| t.level == l).count();
                (n > 0).then(|| format!("{}{n}项", l.zh()))
            })
            .collect();
        let now = light_counts(&self.now);
        let before = light_counts(&self.before);
        let lights: Vec<String> = LIGHT_ORDER
            .iter()
            .zip(now)
            .map(|(&l, n)| format!("{}{n}项", light_zh(l)))
            .collect();
        let diffs: Vec<String> = LIGHT_ORDER
            .iter()
            .zip(before.iter().zip(now))
            .filter(|(_, (b, n))| *b != n)
            .map(|(&l, (&b, n))| {
                let (word, k) = if n > b {
                    ("增加", n - b)
                } else {
                    ("减少", b - n)
                };
                format!("{}{word}{k}项", light_zh(l))
            })
            .collect();
        let changed = changes_since(self.tasks(), self.start, self.input.date, self.input.sup)
            .into_iter()
            .filter(|c| c.field == "light")
            .count();
        let mut s = format!(
            "截至{date}，纳入督办的任务共{}项（{}），其中{}。",
            self.tasks().len(),
            levels.join("、"),
            lights.join("、")
        );
        let since = zh_date(self.start);
        if diffs.is_empty() {
            s.push_str(&format!("与{since}相比，各灯色任务数没有变化"));
        } else {
            s.push_str(&format!("与{since}相比，{}", diffs.join("、")));
        }
        s.push_str(&format!("，灯色发生变化的任务{changed}项。"));
        let mut kinds = [0usize; 4];
        for (_, e) in self.events() {
            let k = match e.kind {
                EventKind::Progress(_) => 0,
                EventKind::DoneReported { .. } => 1,
                EventKind::Closed { .. } => 2,
                _ => 3,
            };
            kinds[k] += 1;
        }
        s.push_str(&format!(
            "{}共报送进度{}次，申请销号{}次，核验销号{}项，退办{}次。",
            self.period.this(),
            kinds[0],
            kinds[1],
            kinds[2],
            kinds[3]
        ));
        s
    }

    /// 总体情况 table: tasks per light at the start and at the end of the period.
    pub fn overview_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "总体情况",
            "总体情况（按灯色）",
            &[
                "灯色",
                &format!("期初（{}）", self.start),
                &format!("期末（{}）", self.input.date),
                "增减",
            ],
        );
        let now = light_counts(&self.now);
        let before = light_counts(&self.before);
        for (k, l) in LIGHT_ORDER.iter().enumerate() {
            s.push(vec![
                text(light_zh(*l)),
                count(before[k]),
                count(now[k]),
                text(delta(before[k], now[k])),
            ]);
        }
        s.push(vec![
            text("合计"),
            count(self.before.len()),
            count(self.now.len()),
            text(delta(self.before.len(), self.now.len())),
        ]);
        s
    }

    /// The escalation steps recorded for a task up to the report's date, one entry per step
    /// and day (催办12月20日、催办通知书1月3日（2项）).
    pub fn escalations(&self, i: usize) -> String {
        let mut steps: Vec<(EscalationStep, Date, usize)> = Vec::new();
        for e in self.tasks()[i].history_until(self.input.date) {
            if let EventKind::Escalated { step, .. } = &e.kind {
                match steps.iter_mut().find(|(s, at, _)| s == step && *at == e.at) {
                    Some(x) => x.2 += 1,
                    None => steps.push((*step, e.at, 1)),
                }
            }
        }
        if steps.is_empty() {
            return "—".into();
        }
        steps
            .iter()
            .map(|(s, at, n)| {
                let when = format!("{}月{}日", at.month(), at.day());
                match n {
                    1 => format!("{}{when}", s.zh()),
                    n => format!("{}{when}（{n}项）", s.zh()),
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The red tasks, then the yellow ones, each in tree order.
    pub fn late(&self) -> Vec<usize> {
        [Light::Red, Light::Yellow]
            .into_iter()
            .flat_map(|l| {
                self.order
                    .iter()
                    .copied()
                    .filter(move |&i| self.now[i].light == l)
            })
            .collect()
    }

    /// 逾期和滞后任务 table: red then yellow, with days overdue and escalation steps.
    pub fn late_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "逾期滞后",
            "逾期和滞后任务",
            &[
                "序号",
                "任务",
                "牵头单位",
                "灯色",
                "期限",
                "逾期天数",
                "完成进度%",
                "序时进度%",
                "督办情况",
            ],
        );
        for (n, i) in self.late().into_iter().enumerate() {
            let r = &self.now[i];
            let overdue = (self.input.date - r.due).num_days();
            s.push(vec![
                count(n + 1),
                text(self.label(i)),
                text(r.lead.clone()),
                text(light_zh(r.light)),
                day(r.due),
                if r.light == Light::Red && overdue > 0 {
                    count(overdue as usize)
                } else {
                    text("—")
                },
                percent(r.progress),
                percent(r.schedule),
                text(self.escalations(i)),
            ]);
        }
        s
    }

    /// Open deadlines of tasks not closed falling within `days` after the report's date
    /// (inclusive), by deadline then tree order; with the number of tasks concerned.
    pub fn due_within_sheet(&self, days: i64, name: &str, caption: &str) -> (Sheet, usize) {
        let mut s = Sheet::new(
            name,
            caption,
            &[
                "序号",
                "任务",
                "牵头单位",
                "到期事项",
                "期限",
                "完成进度%",
                "灯色",
            ],
        );
        let until = self.input.date + chrono::Duration::days(days);
        let mut due: Vec<(Date, usize, usize, &Checkpoint)> = Vec::new();
        for (rank, &i) in self.order.iter().enumerate() {
            if self.now[i].light == Light::Done {
                continue;
            }
            for c in &self.states[i].checkpoints {
                if c.met.is_none() && c.deadline >= self.input.date && c.deadline <= until {
                    due.push((c.deadline, rank, i, &c.checkpoint));
                }
            }
        }
        let mut concerned: Vec<usize> = due.iter().map(|x| x.2).collect();
        concerned.sort_unstable();
        concerned.dedup();
        due.sort_by_key(|&(d, rank, ..)| (d, rank));
        for (n, (d, _, i, c)) in due.into_iter().enumerate() {
            let r = &self.now[i];
            s.push(vec![
                count(n + 1),
                text(self.label(i)),
                text(r.lead.clone()),
                text(checkpoint_zh(&self.tasks()[i], c)),
                day(d),
                percent(r.progress),
                text(light_zh(r.light)),
            ]);
        }
        (s, concerned.len())
    }

    /// The issuing office (the supervising office named most often) and the date.
    pub fn signature(&self) -> Block {
        let mut n: BTreeMap<&str, usize> = BTreeMap::new();
        for t in self.tasks() {
            *n.entry(t.supervisor.as_str()).or_default() += 1;
        }
        let office = n
            .into_iter()
            .max_by_key(|&(code, k)| (k, std::cmp::Reverse(code)))
            .map(|(code, _)| self.input.sup.name(code).to_string());
        Block::Signature(
            office
                .into_iter()
                .chain([zh_date(self.input.date)])
                .collect(),
        )
    }
}
