//! Decoded tasks per jurisdiction, kept between requests and brought up to date with only
//! the records that changed; and the province's summary kept with them.
//!
//! Every create and update of a record is stamped with the number of its change (see
//! `Store::last_change`). A jurisdiction's entry remembers the last change it read: while
//! nothing changed, a request costs one index lookup; after a change, only the records
//! created or updated since are read and decoded. Each new content of an entry gets a new
//! generation number, and the entry keeps which positions the last refreshes replaced, so a
//! summary kept at an older generation is updated task by task instead of computed again.

use super::views::OverviewView;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_store::Filed;
use quhua_workflow::tasks::{OverviewState, SupervisionConfig, Task};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How many refreshes an entry remembers.
const LOG: usize = 32;

/// Generations, unique across jurisdictions and entries (a dropped entry read again never
/// gets a number a kept summary was computed for).
static GENERATION: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATION.fetch_add(1, Ordering::Relaxed)
}

/// Decoded tasks and kept summaries per jurisdiction prefix.
#[derive(Debug, Default)]
pub struct TaskCache {
    tasks: Mutex<HashMap<String, Cached>>,
    views: Mutex<HashMap<String, Memo>>,
    states: Mutex<HashMap<String, (u64, OverviewState)>>,
}

/// The tasks of a jurisdiction as stored, decoded once per change and shared.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The tasks, in record order.
    pub tasks: Arc<Vec<Task>>,
    /// The generation of exactly these tasks.
    pub generation: u64,
    /// The last refreshes that led to them (shared: every request gets it).
    log: Arc<VecDeque<Refresh>>,
}

impl Loaded {
    /// The positions replaced or added since generation `since`, when the refreshes since
    /// then are all remembered.
    pub(crate) fn changed_since(&self, since: u64) -> Option<Vec<usize>> {
        if since == self.generation {
            return Some(Vec::new());
        }
        let start = self.log.iter().position(|r| r.from == since)?;
        let mut at: Vec<usize> = self
            .log
            .iter()
            .skip(start)
            .flat_map(|r| r.at.iter().copied())
            .collect();
        at.sort_unstable();
        at.dedup();
        Some(at)
    }
}

/// One refresh of an entry: from which generation to which, replacing or adding which
/// positions.
#[derive(Debug, Clone)]
struct Refresh {
    from: u64,
    at: Vec<usize>,
}

/// A jurisdiction's tasks as last read.
#[derive(Debug, Clone)]
struct Cached {
    /// The last change of the kind read (every change up to it is in `tasks`).
    seen: i64,
    /// The record ids, in the order of the tasks (ascending).
    ids: Vec<i64>,
    tasks: Arc<Vec<Task>>,
    generation: u64,
    log: Arc<VecDeque<Refresh>>,
}

/// A summary as last computed for a jurisdiction, with what it was computed from.
#[derive(Debug, Clone)]
struct Memo {
    key: MemoKey,
    view: OverviewView,
}

/// What a summary depends on besides the jurisdiction: the tasks' generation, the date, the
/// settings and a checksum of the organisations' names.
pub(crate) type MemoKey = (u64, Date, SupervisionConfig, u64);

impl TaskCache {
    /// The summary computed for `scope` from exactly `key`, if any.
    pub(crate) fn memo(&self, scope: &str, key: &MemoKey) -> Option<OverviewView> {
        let m = self.views.lock().ok()?;
        m.get(scope)
            .filter(|e| &e.key == key)
            .map(|e| e.view.clone())
    }

    /// Keeps the summary of `scope` computed from `key` (one per jurisdiction).
    pub(crate) fn keep(&self, scope: &str, key: MemoKey, view: &OverviewView) {
        if let Ok(mut m) = self.views.lock() {
            m.insert(
                scope.to_string(),
                Memo {
                    key,
                    view: view.clone(),
                },
            );
        }
    }

    /// Takes out the summary's state kept for `scope` and the generation it describes.
    pub(crate) fn take_state(&self, scope: &str) -> Option<(u64, OverviewState)> {
        self.states.lock().ok()?.remove(scope)
    }

    /// Keeps the summary's state of `scope` at `generation`.
    pub(crate) fn put_state(&self, scope: &str, generation: u64, state: OverviewState) {
        if let Ok(mut m) = self.states.lock() {
            m.insert(scope.to_string(), (generation, state));
        }
    }
}

/// The tasks filed within a jurisdiction prefix, cached: while no task record changed
/// anywhere, one index lookup; after a change, only the records of the jurisdiction created
/// or updated since are read (a report in one county does not make the province's summary
/// read its 100,000 tasks again).
pub(crate) fn load_scope(app: &App, scope: &str) -> AppResult<Loaded> {
    let last = app.store().last_change::<Filed<Task>>()?;
    let cache = app.task_cache();
    // Unchanged: the cached tasks. Changed: the entry is taken out, so that (unless a request
    // still reads it) the refresh updates the tasks in place instead of copying them.
    let previous = match cache.tasks.lock() {
        Ok(mut m) => match m.get(scope) {
            Some(c) if c.seen == last => return Ok(loaded(c)),
            Some(_) => m.remove(scope),
            None => None,
        },
        Err(_) => None,
    };
    let entry = match previous {
        Some(c) => match refreshed(app, scope, c, last)? {
            Some(c) => c,
            None => read_all(app, scope, last)?,
        },
        None => read_all(app, scope, last)?,
    };
    let out = loaded(&entry);
    if let Ok(mut map) = cache.tasks.lock() {
        map.insert(scope.to_string(), entry);
    }
    Ok(out)
}

fn loaded(c: &Cached) -> Loaded {
    Loaded {
        tasks: c.tasks.clone(),
        generation: c.generation,
        log: c.log.clone(),
    }
}

/// Every task of the jurisdiction, read and decoded (`last` read before).
fn read_all(app: &App, scope: &str, last: i64) -> AppResult<Cached> {
    let records = app.store().list::<Filed<Task>>(scope)?;
    let ids = records.iter().map(|r| r.id).collect();
    Ok(Cached {
        seen: last,
        ids,
        tasks: Arc::new(records.into_iter().map(|r| r.body.body).collect()),
        generation: next_generation(),
        log: Arc::default(),
    })
}

/// The cached tasks with the records created or updated since they were read; none when so
/// many changed that reading them all is cheaper, or a record is not where ids say it is.
fn refreshed(app: &App, scope: &str, mut c: Cached, last: i64) -> AppResult<Option<Cached>> {
    let limit = 200 + c.ids.len() / 20;
    let Some(changed) = app
        .store()
        .changed_since::<Filed<Task>>(scope, c.seen, limit)?
    else {
        return Ok(None);
    };
    let list = Arc::make_mut(&mut c.tasks);
    let mut at = Vec::with_capacity(changed.len());
    for rec in changed {
        match c.ids.binary_search(&rec.id) {
            Ok(i) => {
                list[i] = rec.body.body;
                at.push(i);
            }
            // Ids only grow: a new record comes after every one read.
            Err(i) if i == c.ids.len() => {
                c.ids.push(rec.id);
                list.push(rec.body.body);
                at.push(i);
            }
            Err(_) => return Ok(None),
        }
    }
    if list.len() != c.ids.len() {
        return Err(AppError::internal("task cache out of step with its ids"));
    }
    c.seen = last;
    if !at.is_empty() {
        // Copied only if a request still holds the old log.
        let log = Arc::make_mut(&mut c.log);
        if log.len() == LOG {
            log.pop_front();
        }
        log.push_back(Refresh {
            from: c.generation,
            at,
        });
        c.generation = next_generation();
    }
    Ok(Some(c))
}
