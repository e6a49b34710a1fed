//! The daily digest (每日提醒) sent by the server itself: at a set local time each day, every
//! organisation's digest of what needs it, by e-mail and webhook as the deployment's delivery
//! file says — the same use case as `quhua tasks digest --config`.

use crate::app::AppState;
use chrono::{NaiveDateTime, NaiveTime};
use quhua_app::access::Actor;
use quhua_app::followup::{DeliveryConfig, deliver, digests};

/// When and how the daily digest goes out.
#[derive(Debug, Clone)]
pub struct DigestSchedule {
    /// Local time of day.
    pub at: NaiveTime,
    /// Where it is delivered.
    pub delivery: DeliveryConfig,
}

/// The first moment after `now` at the time of day `at` (today if still ahead, else
/// tomorrow).
///
/// ```
/// use chrono::{NaiveDate, NaiveTime};
/// use quhua_server::digest::next_run;
/// let at = NaiveTime::from_hms_opt(7, 30, 0).unwrap();
/// let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
/// assert_eq!(next_run(day.and_hms_opt(6, 0, 0).unwrap(), at), day.and_time(at));
/// assert_eq!(next_run(day.and_time(at), at), day.succ_opt().unwrap().and_time(at));
/// ```
pub fn next_run(now: NaiveDateTime, at: NaiveTime) -> NaiveDateTime {
    let today = now.date().and_time(at);
    if today > now {
        today
    } else {
        now.date().succ_opt().unwrap_or(now.date()).and_time(at)
    }
}

/// Parses `HH:MM` (or `HH:MM:SS`).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

/// Runs the schedule for the life of the server: sleeps until the next run, sends, logs
/// what was delivered, and again the next day.
pub(crate) fn spawn(state: AppState, schedule: DigestSchedule) {
    tokio::spawn(async move {
        loop {
            let now = chrono::Local::now().naive_local();
            let next = next_run(now, schedule.at);
            let wait = (next - now).to_std().unwrap_or_default();
            tokio::time::sleep(wait).await;
            let date = next.date();
            let cfg = schedule.delivery.clone();
            let sent = state
                .run(move |app| {
                    let d = digests(app, &Actor::operator("quhua-digest"), date)?;
                    Ok(deliver(&d, &cfg))
                })
                .await;
            match sent {
                Ok(r) => println!(
                    "每日提醒 {date}：{} 份，邮件 {}，webhook {}，无邮箱 {}，失败 {} / daily digest {date}: {} digests, {} mailed, {} posted, {} without an address, {} failed",
                    r.digests,
                    r.mailed,
                    r.posted,
                    r.no_address.len(),
                    r.failures.len(),
                    r.digests,
                    r.mailed,
                    r.posted,
                    r.no_address.len(),
                    r.failures.len()
                ),
                Err(e) => eprintln!("每日提醒失败 / daily digest failed: {e:?}"),
            }
        }
    });
}
