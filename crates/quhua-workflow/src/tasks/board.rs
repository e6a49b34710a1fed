//! The 挂图作战 board as of any date, summaries by unit, group and division, and the
//! baseline comparison (what changed between two dates).

use super::config::SupervisionConfig;
use super::model::{Checkpoint, Task, TaskLevel};
use super::state::{Light, Status, TaskState};
use crate::calendar::Calendar;
use crate::org::Organisation;
use quhua_core::date::Date;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What the board needs besides the tasks: the calendar, the settings and the names of the
/// organisations.
#[derive(Debug, Clone, Default)]
pub struct Supervision {
    /// Working-day calendar.
    pub calendar: Calendar,
    /// Lights and escalation.
    pub config: SupervisionConfig,
    /// Organisation names by code.
    pub names: HashMap<String, String>,
}

impl Supervision {
    /// The national calendar, default settings and these organisations' names.
    pub fn new(orgs: &[Organisation]) -> Supervision {
        Supervision {
            calendar: Calendar::china(),
            config: SupervisionConfig::default(),
            names: orgs
                .iter()
                .map(|o| (o.code.clone(), o.name.clone()))
                .collect(),
        }
    }

    /// An organisation's name (its code when unknown).
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.get(code).map(String::as_str).unwrap_or(code)
    }

    /// A task's state with these settings.
    pub fn state(&self, task: &Task, date: Date) -> TaskState {
        task.state(date, &self.calendar, &self.config.light)
    }
}

/// One row of the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardRow {
    /// Task id.
    pub id: String,
    /// Parent id.
    pub parent: Option<String>,
    /// Level.
    pub level: TaskLevel,
    /// Task group.
    pub group: Option<String>,
    /// Title.
    pub title: String,
    /// Lead units' names, joined with 、.
    pub lead: String,
    /// Lead units' codes.
    pub lead_codes: Vec<String>,
    /// The next open deadline (the final one when all are met).
    pub due: Date,
    /// The task's own light.
    pub light: Light,
    /// The worst light of the task and everything below it.
    pub subtree_light: Light,
    /// Progress 0–1 (a parent without targets of its own: the mean of its children).
    pub progress: f64,
    /// Elapsed-time share 0–1 (序时进度).
    pub schedule: f64,
    /// Status.
    pub status: Status,
    /// Division codes.
    pub divisions: Vec<String>,
    /// Synthetic (示意) history.
    pub synthetic: bool,
}

/// The board as of `date`, one row per task, in the input order.
///
/// ```
/// use quhua_workflow::tasks::{board, Light, Supervision, Task};
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let tasks = vec![Task::simple("1", "编制三张清单", "staffing", "office", d("2021-04-01"), d("2021-12-31"))];
/// let rows = board(&tasks, d("2022-01-10"), &Supervision::default());
/// assert_eq!(rows[0].light, Light::Red);
/// assert_eq!(rows[0].due, d("2021-12-31"));
/// ```
pub fn board(tasks: &[Task], date: Date, sup: &Supervision) -> Vec<BoardRow> {
    // Each task's state is independent of the others: computed in parallel.
    let states: Vec<TaskState> = {
        use rayon::prelude::*;
        tasks.par_iter().map(|t| sup.state(t, date)).collect()
    };
    let (progress, subtree) = super::tree::Tree::new(tasks).roll_up(tasks, |i| {
        (states[i].progress, states[i].light, states[i].status)
    });
    use rayon::prelude::*;
    tasks
        .par_iter()
        .zip(states.par_iter())
        .enumerate()
        .map(|(i, (t, s))| BoardRow {
            id: t.id.clone(),
            parent: t.parent.clone(),
            level: t.level,
            group: t.group.clone(),
            title: t.title.clone(),
            lead: s
                .lead
                .iter()
                .map(|c| sup.name(c))
                .collect::<Vec<_>>()
                .join("、"),
            lead_codes: s.lead.clone(),
            due: s.next_due.unwrap_or_else(|| {
                s.checkpoint(&Checkpoint::Task)
                    .map(|c| c.deadline)
                    .unwrap_or(t.due)
            }),
            light: s.light,
            subtree_light: subtree[i],
            progress: progress[i],
            schedule: s.schedule,
            status: s.status,
            divisions: t.divisions.clone(),
            synthetic: t.synthetic,
        })
        .collect()
}

/// Count, tasks per light and progress sum of one summary line.
pub(super) type Tally = (usize, [usize; 5], f64);

pub(super) fn light_index(l: Light) -> usize {
    Light::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

fn tally<'a>(acc: &mut FxHashMap<&'a str, Tally>, key: &'a str, light: usize, progress: f64) {
    let e = acc.entry(key).or_default();
    e.0 += 1;
    e.1[light] += 1;
    e.2 += progress;
}

/// Summary lines from tallies, sorted by key.
pub(super) fn summary_rows<'a>(
    acc: impl IntoIterator<Item = (&'a str, Tally)>,
    by: SummaryBy,
    sup: &Supervision,
) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = acc
        .into_iter()
        .map(|(key, (total, counts, sum))| SummaryRow {
            name: match by {
                SummaryBy::Unit => sup.name(key).to_string(),
                _ => key.to_string(),
            },
            key: key.to_string(),
            total,
            lights: Light::ALL.iter().copied().zip(counts).collect(),
            mean_progress: if total == 0 { 0.0 } else { sum / total as f64 },
        })
        .collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

/// How to group a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryBy {
    /// By lead unit (a task with two leads counts for both).
    Unit,
    /// By task group.
    Group,
    /// By division code (each division a task concerns).
    Division,
}

/// Counts of one summary line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// Unit code, group name or division code.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Tasks counted.
    pub total: usize,
    /// Tasks per light (`done`, `green`, `blue`, `yellow`, `red`).
    pub lights: BTreeMap<Light, usize>,
    /// Mean progress.
    pub mean_progress: f64,
}

/// Summarises board rows by unit, group or division, sorted by key.
pub fn summary(rows: &[BoardRow], by: SummaryBy, sup: &Supervision) -> Vec<SummaryRow> {
    // Keys borrowed from the rows: no string is copied per row.
    let mut acc: FxHashMap<&str, Tally> = FxHashMap::default();
    for r in rows {
        let light = light_index(r.light);
        match by {
            SummaryBy::Unit => {
                for k in &r.lead_codes {
                    tally(&mut acc, k, light, r.progress);
                }
            }
            SummaryBy::Group => tally(
                &mut acc,
                r.group.as_deref().unwrap_or(""),
                light,
                r.progress,
            ),
            SummaryBy::Division => {
                for k in &r.divisions {
                    tally(&mut acc, k, light, r.progress);
                }
            }
        }
    }
    summary_rows(acc, by, sup)
}

/// One difference between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Task id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What changed: `status`, `light`, `due`, `lead`, `participants`, `target.<id>`, `progress`.
    pub field: String,
    /// Value at the baseline date.
    pub before: String,
    /// Value at the later date.
    pub after: String,
}

fn fmt_list(v: &[String], sup: &Supervision) -> String {
    v.iter().map(|c| sup.name(c)).collect::<Vec<_>>().join("、")
}

/// What changed between `since` and `date` (status, light, deadlines, owners, targets,
/// progress), task by task.
pub fn changes_since(tasks: &[Task], since: Date, date: Date, sup: &Supervision) -> Vec<Change> {
    let mut out = Vec::new();
    for t in tasks {
        let a = sup.state(t, since);
        let b = sup.state(t, date);
        let mut push = |field: String, before: String, after: String| {
            if before != after {
                out.push(Change {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    field,
                    before,
                    after,
                });
            }
        };
        push("status".into(), a.status.zh().into(), b.status.zh().into());
        push("light".into(), a.light.id().into(), b.light.id().into());
        let due = |s: &TaskState| s.next_due.map(|d| d.to_string()).unwrap_or_default();
        push("due".into(), due(&a), due(&b));
        push(
            "lead".into(),
            fmt_list(&a.lead, sup),
            fmt_list(&b.lead, sup),
        );
        push(
            "participants".into(),
            fmt_list(&a.participants, sup),
            fmt_list(&b.participants, sup),
        );
        for (ca, cb) in a.checkpoints.iter().zip(&b.checkpoints) {
            if let Checkpoint::Target(id) = &ca.checkpoint {
                let f = |c: &super::state::CheckpointState| {
                    format!("{} @ {}", c.value.unwrap_or_default(), c.deadline)
                };
                push(format!("target.{id}"), f(ca), f(cb));
            }
        }
        push(
            "progress".into(),
            format!("{:.0}%", a.progress * 100.0),
            format!("{:.0}%", b.progress * 100.0),
        );
    }
    out
}
