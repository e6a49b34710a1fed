//! The overview — a city's or province's summary without rows — kept up to date task by
//! task: after a report in one county only the tasks that changed are evaluated again, their
//! ancestors rolled up again and the counts of their block of tasks tallied again.

use super::board::{SummaryBy, SummaryRow, Supervision, Tally, light_index};
use super::config::LightConfig;
use super::model::Task;
use super::state::{Light, Status};
use super::tree::Tree;
use crate::calendar::Calendar;
use quhua_core::date::Date;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use std::collections::BTreeMap;

/// The summaries of a jurisdiction's board without its rows: counts per light and the
/// summaries by lead unit, group, division and county — what a city or province looks at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The date.
    pub date: Date,
    /// Tasks counted.
    pub total: usize,
    /// Tasks per light.
    pub lights: BTreeMap<Light, usize>,
    /// By lead unit (as [`super::summary`] with [`SummaryBy::Unit`]).
    pub by_unit: Vec<SummaryRow>,
    /// By task group.
    pub by_group: Vec<SummaryRow>,
    /// By division code as recorded.
    pub by_division: Vec<SummaryRow>,
    /// By county (the first six digits of the division codes; a task counted once per county).
    pub by_county: Vec<SummaryRow>,
}

/// The overview as of `date`: the same lights and progress as [`super::board`] and
/// [`super::summary`] give, computed from each task's [`Task::glance`] without building rows.
///
/// ```
/// use quhua_workflow::tasks::{board, overview, summary, Light, Supervision, SummaryBy, Task};
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let mut t = Task::simple("1", "编制三张清单", "staffing", "office", d("2021-04-01"), d("2021-12-31"));
/// t.divisions = vec!["130634100".into()];
/// let sup = Supervision::default();
/// let o = overview(&[t.clone()], d("2022-01-10"), &sup);
/// assert_eq!(o.lights[&Light::Red], 1);
/// assert_eq!(o.by_county[0].key, "130634");
/// assert_eq!(o.by_unit, summary(&board(&[t], d("2022-01-10"), &sup), SummaryBy::Unit, &sup));
/// ```
pub fn overview(tasks: &[Task], date: Date, sup: &Supervision) -> Overview {
    OverviewState::new(tasks, date, sup).overview(sup)
}

/// How many consecutive tasks share one block of counts.
const BLOCK: usize = 1024;

/// An overview kept between changes: each task's evaluation, the rolled-up progress and the
/// counts per block of tasks. [`OverviewState::update`] after some tasks were replaced or
/// added gives exactly what [`OverviewState::new`] gives on the new list.
///
/// ```
/// use quhua_workflow::tasks::{overview, synthetic, OverviewState, Supervision};
/// use quhua_core::date::parse_date;
/// let sup = Supervision::default();
/// let date = parse_date("2022-06-30").unwrap();
/// let mut tasks = synthetic::load(7, 300, 6);
/// let mut kept = OverviewState::new(&tasks, date, &sup);
/// tasks[42].history.clear();
/// kept.update(&tasks, &[42], date, &sup);
/// assert_eq!(kept.overview(&sup), overview(&tasks, date, &sup));
/// ```
#[derive(Debug, Clone)]
pub struct OverviewState {
    date: Date,
    calendar: Calendar,
    light: LightConfig,
    tree: Tree,
    keys: Keys,
    own: Vec<Own>,
    progress: Vec<f64>,
    blocks: Vec<Block>,
}

/// What one task contributes, as of the state's date: its own evaluation and its keys.
#[derive(Debug, Clone)]
struct Own {
    light: Light,
    status: Status,
    progress: f64,
    lead: SmallVec<[u32; 2]>,
    group: u32,
    divisions: SmallVec<[u32; 3]>,
    /// Distinct counties of the divisions, in first-seen order.
    counties: SmallVec<[u32; 2]>,
}

/// The counts of one block of tasks.
#[derive(Debug, Clone, Default)]
struct Block {
    lights: [usize; 5],
    by: [FxHashMap<u32, Tally>; 4],
}

/// The four groupings, in the order of [`Block::by`] and [`Keys::dims`].
const UNIT: usize = 0;
const GROUP: usize = 1;
const DIVISION: usize = 2;
const COUNTY: usize = 3;

/// Interned keys per grouping: every unit code, group, division and county seen.
#[derive(Debug, Clone, Default)]
struct Keys {
    dims: [Dict; 4],
}

#[derive(Debug, Clone, Default)]
struct Dict {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Dict {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(key.into());
        self.ids.insert(key.into(), i);
        i
    }
}

impl Keys {
    /// A task's contribution from its glance.
    fn own(&mut self, t: &Task, g: &super::state::Glance<'_>) -> Own {
        let [unit, group, division, county] = &mut self.dims;
        let mut counties: SmallVec<[u32; 2]> = SmallVec::new();
        let divisions = t
            .divisions
            .iter()
            .map(|d| {
                let c = county.id(d.get(..6).unwrap_or(d));
                if !counties.contains(&c) {
                    counties.push(c);
                }
                division.id(d)
            })
            .collect();
        Own {
            light: g.light,
            status: g.status,
            progress: g.progress,
            lead: g.lead.iter().map(|k| unit.id(k)).collect(),
            group: group.id(t.group.as_deref().unwrap_or("")),
            divisions,
            counties,
        }
    }
}

impl OverviewState {
    /// The overview's state for `tasks` as of `date`.
    pub fn new(tasks: &[Task], date: Date, sup: &Supervision) -> OverviewState {
        let light = sup.config.light;
        let glances: Vec<super::state::Glance> = tasks
            .par_iter()
            .map(|t| t.glance(date, &sup.calendar, &light))
            .collect();
        let mut keys = Keys::default();
        let own: Vec<Own> = tasks
            .iter()
            .zip(&glances)
            .map(|(t, g)| keys.own(t, g))
            .collect();
        let tree = Tree::new(tasks);
        let (progress, _) = tree.roll_up(tasks, |i| (own[i].progress, own[i].light, own[i].status));
        let mut state = OverviewState {
            date,
            calendar: sup.calendar.clone(),
            light,
            tree,
            keys,
            own,
            progress,
            blocks: Vec::new(),
        };
        state.tally_all();
        state
    }

    /// Whether the state was evaluated as of `date` with these settings (otherwise
    /// [`OverviewState::update`] starts again).
    pub fn evaluated_as(&self, date: Date, sup: &Supervision) -> bool {
        self.date == date && self.light == sup.config.light && self.calendar == sup.calendar
    }

    /// Brings the state up to date with `tasks`: the same list, in the same order, with the
    /// tasks at `changed` replaced and any tasks beyond the old length added (`changed` may
    /// name those too). When the date,
    /// the settings or the tree (a task's id or parent) changed, everything is evaluated
    /// again.
    pub fn update(&mut self, tasks: &[Task], changed: &[usize], date: Date, sup: &Supervision) {
        let old = self.own.len();
        if !self.evaluated_as(date, sup) || tasks.len() < old {
            *self = OverviewState::new(tasks, date, sup);
            return;
        }
        // Positions past the old end are the added tasks, counted below.
        let mut all: Vec<usize> = changed.iter().copied().filter(|&i| i < old).collect();
        all.extend(old..tasks.len());
        let glances: Vec<(usize, super::state::Glance)> = all
            .par_iter()
            .map(|&i| (i, tasks[i].glance(date, &self.calendar, &self.light)))
            .collect();
        for (i, g) in &glances {
            let own = self.keys.own(&tasks[*i], g);
            if *i < old {
                self.own[*i] = own;
            } else {
                self.own.push(own);
                self.progress.push(0.0);
            }
        }
        let own = &self.own;
        if self.tree.holds_for(tasks, &all) {
            let touched = self.tree.refresh_progress(
                tasks,
                &mut self.progress,
                |i| (own[i].progress, own[i].status),
                &all,
            );
            let dirty: FxHashSet<usize> = touched.iter().map(|i| i / BLOCK).collect();
            self.blocks
                .resize_with(tasks.len().div_ceil(BLOCK), Block::default);
            let fresh: Vec<(usize, Block)> = dirty
                .into_par_iter()
                .map(|b| (b, self.tally_block(b)))
                .collect();
            for (b, block) in fresh {
                self.blocks[b] = block;
            }
        } else {
            self.tree = Tree::new(tasks);
            let own = &self.own;
            self.progress = self
                .tree
                .roll_up(tasks, |i| (own[i].progress, own[i].light, own[i].status))
                .0;
            self.tally_all();
        }
    }

    /// Counts every block again.
    fn tally_all(&mut self) {
        let n = self.own.len().div_ceil(BLOCK);
        self.blocks = (0..n)
            .into_par_iter()
            .map(|b| self.tally_block(b))
            .collect();
    }

    /// The counts of block `b`, task by task in list order.
    fn tally_block(&self, b: usize) -> Block {
        let mut block = Block::default();
        let end = ((b + 1) * BLOCK).min(self.own.len());
        for (o, &p) in self.own[b * BLOCK..end]
            .iter()
            .zip(&self.progress[b * BLOCK..end])
        {
            let l = light_index(o.light);
            block.lights[l] += 1;
            let [unit, group, division, county] = &mut block.by;
            for &k in &o.lead {
                tally(unit, k, l, p);
            }
            tally(group, o.group, l, p);
            for &k in &o.divisions {
                tally(division, k, l, p);
            }
            for &k in &o.counties {
                tally(county, k, l, p);
            }
        }
        block
    }

    /// The overview: the blocks' counts added in block order.
    pub fn overview(&self, sup: &Supervision) -> Overview {
        let mut lights = [0usize; 5];
        let mut sums: [Vec<Tally>; 4] =
            std::array::from_fn(|d| vec![(0, [0; 5], 0.0); self.keys.dims[d].names.len()]);
        for block in &self.blocks {
            for (a, b) in lights.iter_mut().zip(block.lights) {
                *a += b;
            }
            for (dim, acc) in sums.iter_mut().enumerate() {
                for (&k, (n, ls, p)) in &block.by[dim] {
                    let e = &mut acc[k as usize];
                    e.0 += n;
                    for (a, b) in e.1.iter_mut().zip(ls) {
                        *a += b;
                    }
                    e.2 += p;
                }
            }
        }
        let rows = |dim: usize, by: SummaryBy| {
            let names = &self.keys.dims[dim].names;
            super::board::summary_rows(
                sums[dim]
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.0 > 0)
                    .map(|(k, t)| (&*names[k], *t)),
                by,
                sup,
            )
        };
        Overview {
            date: self.date,
            total: self.own.len(),
            lights: Light::ALL.iter().copied().zip(lights).collect(),
            by_unit: rows(UNIT, SummaryBy::Unit),
            by_group: rows(GROUP, SummaryBy::Group),
            by_division: rows(DIVISION, SummaryBy::Division),
            by_county: rows(COUNTY, SummaryBy::Division),
        }
    }
}

fn tally(acc: &mut FxHashMap<u32, Tally>, key: u32, light: usize, progress: f64) {
    let e = acc.entry(key).or_insert((0, [0; 5], 0.0));
    e.0 += 1;
    e.1[light] += 1;
    e.2 += progress;
}
