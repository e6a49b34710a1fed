//! Calendar dates used for effective dates and validity intervals.

/// A calendar date (effective dates, validity bounds).
pub type Date = chrono::NaiveDate;

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
