//! Statistics of the feedback register as of a moment: by topic, unit, department and week,
//! response times, overdue replies, satisfaction.

use super::model::{FeedbackItem, FeedbackRecord, Satisfaction, Topic};
use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts and times over the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackStats {
    /// Items received by then.
    pub total: usize,
    /// By topic.
    pub by_topic: BTreeMap<Topic, usize>,
    /// By division concerned (`""` when unknown).
    pub by_division: BTreeMap<String, usize>,
    /// By organisation concerned or, failing that, the assigned department (`""` when none).
    pub by_unit: BTreeMap<String, usize>,
    /// By ISO week of receipt (`2021-W36`).
    pub by_week: BTreeMap<String, usize>,
    /// Items replied to.
    pub replied: usize,
    /// Mean hours from receipt to reply.
    pub mean_response_hours: Option<f64>,
    /// Median hours from receipt to reply.
    pub median_response_hours: Option<f64>,
    /// Longest hours from receipt to reply.
    pub max_response_hours: Option<f64>,
    /// Ids not replied to and past their deadline.
    pub overdue_open: Vec<String>,
    /// Ids replied to after their deadline.
    pub replied_late: Vec<String>,
    /// Follow-up satisfaction counts.
    pub satisfaction: BTreeMap<Satisfaction, usize>,
}

fn late(r: &FeedbackRecord, t: NaiveDateTime) -> bool {
    r.deadline.is_some_and(|d| t.date() > d)
}

/// Statistics as of `t` (each item as recorded at `t`).
///
/// ```
/// use quhua_workflow::feedback::{stats, FeedbackItem};
/// let t = chrono::NaiveDateTime::parse_from_str("2021-10-01 00:00", "%Y-%m-%d %H:%M").unwrap();
/// let s = stats(&Vec::<FeedbackItem>::new(), t);
/// assert_eq!(s.total, 0);
/// ```
pub fn stats(items: &[FeedbackItem], t: NaiveDateTime) -> FeedbackStats {
    let mut s = FeedbackStats {
        total: 0,
        by_topic: BTreeMap::new(),
        by_division: BTreeMap::new(),
        by_unit: BTreeMap::new(),
        by_week: BTreeMap::new(),
        replied: 0,
        mean_response_hours: None,
        median_response_hours: None,
        max_response_hours: None,
        overdue_open: Vec::new(),
        replied_late: Vec::new(),
        satisfaction: BTreeMap::new(),
    };
    let mut hours = Vec::new();
    for item in items {
        let Some(r) = item.as_of(t) else { continue };
        s.total += 1;
        *s.by_topic.entry(r.topic).or_default() += 1;
        *s.by_division
            .entry(r.division.clone().unwrap_or_default())
            .or_default() += 1;
        let unit = r
            .unit
            .clone()
            .or_else(|| r.assigned.clone())
            .unwrap_or_default();
        *s.by_unit.entry(unit).or_default() += 1;
        let w = r.received.date().iso_week();
        *s.by_week
            .entry(format!("{}-W{:02}", w.year(), w.week()))
            .or_default() += 1;
        match &r.reply {
            Some(reply) => {
                s.replied += 1;
                hours.push((reply.at - r.received).num_minutes() as f64 / 60.0);
                if late(r, reply.at) {
                    s.replied_late.push(item.id.clone());
                }
            }
            None => {
                if late(r, t) {
                    s.overdue_open.push(item.id.clone());
                }
            }
        }
        if let Some(f) = &r.follow_up {
            *s.satisfaction.entry(f.satisfaction).or_default() += 1;
        }
    }
    if !hours.is_empty() {
        hours.sort_by(f64::total_cmp);
        let n = hours.len();
        s.mean_response_hours = Some(hours.iter().sum::<f64>() / n as f64);
        s.median_response_hours = Some(if n % 2 == 1 {
            hours[n / 2]
        } else {
            (hours[n / 2 - 1] + hours[n / 2]) / 2.0
        });
        s.max_response_hours = hours.last().copied();
    }
    s
}
