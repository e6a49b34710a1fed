//! The working-day calendar: weekends, the published public holidays and their make-up
//! working days (调休上班), as data per year.
//!
//! The national arrangements for 2021–2025 ship with the crate ([`Calendar::china`]), each
//! citing its 国务院办公厅 notice; a deployment can add a year from the same TOML format
//! ([`Calendar::with_toml`]). A year without data counts weekends only, and
//! [`Calendar::covers`] says so, so that a caller can warn.

mod data;

pub use data::{CalendarError, HolidayYear};

use chrono::{Datelike, Weekday};
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The national arrangements shipped with the crate.
const CHINA_TOML: &str = include_str!("cn_public_holidays.toml");

/// A working-day calendar. Serialises as its years; deserialising rebuilds the day sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CalendarData", into = "CalendarData")]
pub struct Calendar {
    years: BTreeMap<i32, HolidayYear>,
    holidays: BTreeSet<Date>,
    workdays: BTreeSet<Date>,
}

#[derive(Serialize, Deserialize)]
struct CalendarData {
    years: Vec<HolidayYear>,
}

impl From<CalendarData> for Calendar {
    fn from(d: CalendarData) -> Calendar {
        d.years
            .into_iter()
            .fold(Calendar::default(), |c, y| c.with_year(y))
    }
}

impl From<Calendar> for CalendarData {
    fn from(c: Calendar) -> CalendarData {
        CalendarData {
            years: c.years.into_values().collect(),
        }
    }
}

impl Calendar {
    /// Weekends only, no holidays.
    pub fn weekends_only() -> Calendar {
        Calendar::default()
    }

    /// The national calendar: weekends plus the State Council's holiday arrangements for
    /// 2021–2025.
    ///
    /// ```
    /// use quhua_workflow::calendar::Calendar;
    /// use quhua_core::date::parse_date;
    /// let cal = Calendar::china();
    /// // 2021-10-01 is a holiday; Saturday 2021-10-09 is a make-up working day.
    /// assert!(!cal.is_working_day(parse_date("2021-10-01").unwrap()));
    /// assert!(cal.is_working_day(parse_date("2021-10-09").unwrap()));
    /// assert!(cal.covers(2025) && !cal.covers(2030));
    /// ```
    pub fn china() -> Calendar {
        Calendar::default()
            .with_toml(CHINA_TOML)
            .unwrap_or_else(|_| Calendar::default())
    }

    /// Adds (or replaces) the years of a holiday file in the format of the shipped data.
    pub fn with_toml(mut self, text: &str) -> Result<Calendar, CalendarError> {
        for y in data::parse(text)? {
            self.years.insert(y.year, y);
        }
        self.rebuild();
        Ok(self)
    }

    /// Adds (or replaces) one year.
    pub fn with_year(mut self, year: HolidayYear) -> Calendar {
        self.years.insert(year.year, year);
        self.rebuild();
        self
    }

    fn rebuild(&mut self) {
        self.holidays = self
            .years
            .values()
            .flat_map(|y| y.holiday_dates())
            .collect();
        self.workdays = self
            .years
            .values()
            .flat_map(|y| y.workdays.clone())
            .collect();
    }

    /// The years with published arrangements.
    pub fn years(&self) -> impl Iterator<Item = &HolidayYear> {
        self.years.values()
    }

    /// Whether a year's holiday arrangement is loaded (otherwise only weekends count).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// Whether a day is a public holiday (放假).
    pub fn is_holiday(&self, d: Date) -> bool {
        self.holidays.contains(&d)
    }

    /// Whether a day is a working day: a weekday that is not a holiday, or a make-up day.
    pub fn is_working_day(&self, d: Date) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    /// The date `n` working days after `d` (`n = 0` gives `d` itself).
    pub fn add_working_days(&self, d: Date, n: u32) -> Date {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days in the half-open interval `(from, to]` (0 when `to <= from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        self.working_days_between_capped(from, to, u32::MAX)
    }

    /// Like [`Calendar::working_days_between`], but stops counting at `cap` (returns at most
    /// `cap`): cheap when only "is it within N working days" matters.
    pub fn working_days_between_capped(&self, from: Date, to: Date, cap: u32) -> u32 {
        let mut n = 0;
        let mut day = from;
        while day < to {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                n += 1;
                if n >= cap {
                    break;
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests;
