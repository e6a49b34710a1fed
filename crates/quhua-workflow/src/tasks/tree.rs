//! The task tree by position: each task's parent and children, and the rolled-up progress
//! and lights the board and the overview share (a parent without targets or milestones of
//! its own takes the mean progress of its children; each subtree's light is its worst).

use super::model::Task;
use super::state::{Light, Status};
use rustc_hash::{FxHashMap, FxHashSet};

/// The tree of a list of tasks, by index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tree {
    /// Position of each task id (the first task with that id).
    index: FxHashMap<Box<str>, u32>,
    /// Each task's parent, when its parent id names a task of the list.
    parent: Vec<Option<u32>>,
    /// Each task's children, in list order.
    children: Vec<Vec<u32>>,
    /// Each task's depth (0 for a root; capped by the list's length when parents loop).
    depth: Vec<u32>,
}

impl Tree {
    /// The tree of `tasks`.
    pub(crate) fn new(tasks: &[Task]) -> Tree {
        let mut index: FxHashMap<Box<str>, u32> = FxHashMap::default();
        index.reserve(tasks.len());
        for (i, t) in tasks.iter().enumerate() {
            index.entry(t.id.as_str().into()).or_insert(i as u32);
        }
        let parent: Vec<Option<u32>> = tasks
            .iter()
            .map(|t| t.parent.as_deref().and_then(|p| index.get(p)).copied())
            .collect();
        let mut children: Vec<Vec<u32>> = vec![Vec::new(); tasks.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p as usize].push(i as u32);
            }
        }
        let depth = depths(&parent);
        Tree {
            index,
            parent,
            children,
            depth,
        }
    }

    /// Whether this is still the tree of `tasks` after the tasks at `changed` were replaced
    /// (same length, and each replaced task keeps its id and parent).
    pub(crate) fn holds_for(&self, tasks: &[Task], changed: &[usize]) -> bool {
        tasks.len() == self.parent.len()
            && changed.iter().all(|&i| {
                let t = &tasks[i];
                let parent = t.parent.as_deref().and_then(|p| self.index.get(p)).copied();
                self.index.get(t.id.as_str()) == Some(&(i as u32)) && parent == self.parent[i]
            })
    }

    /// Whether task `i` has children.
    fn has_children(&self, i: usize) -> bool {
        !self.children[i].is_empty()
    }

    /// The tasks with children, deepest first (ties in list order).
    fn parents_deepest_first(&self, among: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut order: Vec<usize> = among.filter(|&i| self.has_children(i)).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(self.depth[i]), i));
        order
    }

    /// The rolled-up progress of task `i` from its children's (already rolled up), or its own
    /// when it has targets or milestones of its own or is closed.
    fn rolled(&self, tasks: &[Task], i: usize, own: f64, status: Status, progress: &[f64]) -> f64 {
        let t = &tasks[i];
        let has_own = !t.targets.is_empty() || !t.milestones.is_empty();
        if has_own || status == Status::Closed {
            return own;
        }
        let c = &self.children[i];
        c.iter().map(|&c| progress[c as usize]).sum::<f64>() / c.len() as f64
    }

    /// Every task's rolled-up progress and subtree light; `own(i)` gives task `i`'s own
    /// progress, light and status.
    pub(crate) fn roll_up(
        &self,
        tasks: &[Task],
        own: impl Fn(usize) -> (f64, Light, Status),
    ) -> (Vec<f64>, Vec<Light>) {
        let (mut progress, mut subtree): (Vec<f64>, Vec<Light>) = (0..tasks.len())
            .map(|i| {
                let (p, l, _) = own(i);
                (p, l)
            })
            .unzip();
        for i in self.parents_deepest_first(0..tasks.len()) {
            let (p, _, status) = own(i);
            progress[i] = self.rolled(tasks, i, p, status, &progress);
            let worst = self.children[i]
                .iter()
                .map(|&c| subtree[c as usize])
                .max()
                .unwrap_or(Light::Done);
            subtree[i] = subtree[i].max(worst);
        }
        (progress, subtree)
    }

    /// Brings `progress` up to date after the own progress of the tasks at `changed` moved:
    /// their own values are set, then every ancestor is rolled up again, deepest first.
    /// Returns every position whose value was recomputed. The result equals [`Tree::roll_up`]
    /// on the new values exactly (the same sums in the same order).
    pub(crate) fn refresh_progress(
        &self,
        tasks: &[Task],
        progress: &mut [f64],
        own: impl Fn(usize) -> (f64, Status),
        changed: &[usize],
    ) -> Vec<usize> {
        let mut touched: FxHashSet<usize> = FxHashSet::default();
        for &i in changed {
            touched.insert(i);
            let mut at = self.parent[i];
            // Capped walk: parents may loop in a malformed plan.
            let mut steps = 0;
            while let Some(p) = at {
                if !touched.insert(p as usize) || steps > tasks.len() {
                    break;
                }
                at = self.parent[p as usize];
                steps += 1;
            }
        }
        for &i in changed {
            progress[i] = own(i).0;
        }
        for i in self.parents_deepest_first(touched.iter().copied()) {
            let (p, status) = own(i);
            progress[i] = self.rolled(tasks, i, p, status, progress);
        }
        touched.into_iter().collect()
    }
}

/// Each task's depth below its root, following parents (a loop stops after as many steps as
/// there are tasks).
fn depths(parent: &[Option<u32>]) -> Vec<u32> {
    const UNKNOWN: u32 = u32::MAX;
    let mut depth = vec![UNKNOWN; parent.len()];
    let mut path = Vec::new();
    for start in 0..parent.len() {
        let mut at = Some(start as u32);
        while let Some(i) = at {
            if depth[i as usize] != UNKNOWN || path.len() > parent.len() {
                break;
            }
            path.push(i);
            at = parent[i as usize];
        }
        let mut d = match at {
            Some(i) if depth[i as usize] != UNKNOWN => depth[i as usize] + 1,
            _ => 0,
        };
        while let Some(i) = path.pop() {
            if depth[i as usize] == UNKNOWN {
                depth[i as usize] = d;
            }
            d += 1;
        }
    }
    depth
}
