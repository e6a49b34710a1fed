//! Statutory clocks from the approval date: implementation within 12 months, extendable by
//! up to 6 with the approver's consent (条例 art. 15); codes within 1 month (art. 17).

use chrono::{Datelike, Months};
use quhua_core::date::Date;
use serde::Serialize;

/// Days before a deadline at which a clock shows "near due".
pub const NEAR_DUE_DAYS: i64 = 30;

/// The state of one clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Done before the deadline.
    Done,
    /// Running, more than [`NEAR_DUE_DAYS`] left.
    OnTrack,
    /// Running, at most [`NEAR_DUE_DAYS`] left.
    NearDue,
    /// Past the deadline and not done.
    Overdue,
    /// Done, but after the deadline.
    DoneLate,
}

impl ClockState {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            ClockState::Done => "已按期完成",
            ClockState::OnTrack => "进行中",
            ClockState::NearDue => "临期",
            ClockState::Overdue => "已逾期",
            ClockState::DoneLate => "逾期完成",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            ClockState::Done => "done on time",
            ClockState::OnTrack => "on track",
            ClockState::NearDue => "near due",
            ClockState::Overdue => "overdue",
            ClockState::DoneLate => "done late",
        }
    }

    fn of(deadline: Date, done: Option<Date>, today: Date) -> ClockState {
        match done {
            Some(d) if d <= deadline => ClockState::Done,
            Some(_) => ClockState::DoneLate,
            None if today > deadline => ClockState::Overdue,
            None if (deadline - today).num_days() <= NEAR_DUE_DAYS => ClockState::NearDue,
            None => ClockState::OnTrack,
        }
    }
}

/// The two statutory clocks of an approved plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clocks {
    /// Approval date.
    pub approved: Date,
    /// Implementation deadline (12 months, plus any extension).
    pub implementation_due: Date,
    /// Months of extension granted (0–6).
    pub extension_months: u32,
    /// Implementation state.
    pub implementation: ClockState,
    /// Codes deadline: 1 month after the change takes effect (or after approval until then).
    pub codes_due: Date,
    /// Codes state.
    pub codes: ClockState,
}

impl Clocks {
    /// Computes the clocks on `today`.
    pub fn compute(
        approved: Date,
        extension_months: u32,
        implemented: Option<Date>,
        codes_fixed: Option<Date>,
        today: Date,
    ) -> Clocks {
        let implementation_due = add_months(approved, 12 + extension_months);
        let codes_due = add_months(implemented.unwrap_or(approved), 1);
        Clocks {
            approved,
            implementation_due,
            extension_months,
            implementation: ClockState::of(implementation_due, implemented, today),
            codes_due,
            codes: ClockState::of(codes_due, codes_fixed, today),
        }
    }
}

/// `date` plus `months`, clamped to the month's last day (2025-01-31 + 1 → 2025-02-28).
pub fn add_months(date: Date, months: u32) -> Date {
    date.checked_add_months(Months::new(months))
        .unwrap_or_else(|| {
            // Out of chrono's range only for absurd dates; keep the year arithmetic safe.
            Date::from_ymd_opt(date.year() + (months / 12) as i32, date.month(), 28).unwrap_or(date)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        quhua_core::date::parse_date(s).unwrap()
    }

    #[test]
    fn statutory_deadlines() {
        let c = Clocks::compute(d("2025-08-31"), 0, None, None, d("2025-09-15"));
        assert_eq!(c.implementation_due, d("2026-08-31"));
        assert_eq!(c.codes_due, d("2025-09-30"));
        assert_eq!(c.codes, ClockState::NearDue);
        assert_eq!(c.implementation, ClockState::OnTrack);
        let late = Clocks::compute(d("2025-08-31"), 6, None, None, d("2027-03-01"));
        assert_eq!(late.implementation_due, d("2027-02-28"));
        assert_eq!(late.implementation, ClockState::Overdue);
        let done = Clocks::compute(
            d("2025-08-31"),
            0,
            Some(d("2025-09-06")),
            Some(d("2025-10-01")),
            d("2025-12-01"),
        );
        assert_eq!(done.implementation, ClockState::Done);
        assert_eq!(done.codes_due, d("2025-10-06"));
        assert_eq!(done.codes, ClockState::Done);
    }
}
