//! Parsing the holiday data (one `[[year]]` per State Council notice).

use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::{Bilingual, Text};
use serde::{Deserialize, Serialize};

/// One year's published arrangement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayYear {
    /// The year.
    pub year: i32,
    /// The notice that publishes it (Chinese title and number).
    pub notice: String,
    /// English title of the notice.
    pub notice_en: String,
    /// Holiday ranges, inclusive.
    pub holidays: Vec<(Date, Date)>,
    /// Weekend days that are working days (调休上班).
    pub workdays: Vec<Date>,
}

impl HolidayYear {
    /// Every holiday date of the year.
    pub fn holiday_dates(&self) -> Vec<Date> {
        let mut out = Vec::new();
        for &(a, b) in &self.holidays {
            let mut d = a;
            while d <= b {
                out.push(d);
                match d.succ_opt() {
                    Some(n) => d = n,
                    None => break,
                }
            }
        }
        out
    }
}

/// A holiday file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// Not valid TOML or missing fields.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Syntax {
        /// 1-based line.
        line: usize,
        /// Parser message.
        message: String,
    },
    /// A date or range that cannot be parsed, or a range that runs backwards.
    #[error("{} / {}", self.text().zh, self.text().en)]
    BadDate {
        /// The year entry.
        year: i32,
        /// The offending value.
        value: String,
    },
    /// A make-up working day that is not a weekend day.
    #[error("{} / {}", self.text().zh, self.text().en)]
    WorkdayNotWeekend {
        /// The year entry.
        year: i32,
        /// The date.
        date: Date,
    },
}

impl Bilingual for CalendarError {
    fn text(&self) -> Text {
        match self {
            Self::Syntax { line, message } => Text::new(
                format!("节假日数据格式错误（第{line}行）：{message}"),
                format!("holiday data malformed (line {line}): {message}"),
            ),
            Self::BadDate { year, value } => Text::new(
                format!("{year}年节假日数据中“{value}”不是日期或日期区间"),
                format!("{year}: \"{value}\" is not a date or date range"),
            ),
            Self::WorkdayNotWeekend { year, date } => Text::new(
                format!("{year}年调休上班日 {date} 不是周末"),
                format!("{year}: make-up working day {date} is not a weekend day"),
            ),
        }
    }
}

impl CalendarError {
    /// The Chinese message.
    pub fn zh(&self) -> String {
        self.text().zh
    }

    /// The English message.
    pub fn en(&self) -> String {
        self.text().en
    }
}

#[derive(Deserialize)]
struct RawFile {
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
struct RawYear {
    year: i32,
    notice: String,
    #[serde(default)]
    notice_en: String,
    holidays: Vec<String>,
    #[serde(default)]
    workdays: Vec<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

pub(super) fn parse(text: &str) -> Result<Vec<HolidayYear>, CalendarError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| CalendarError::Syntax {
        line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
        message: e.message().to_string(),
    })?;
    raw.year
        .into_iter()
        .map(|y| {
            let bad = |v: &str| CalendarError::BadDate {
                year: y.year,
                value: v.to_string(),
            };
            let holidays = y
                .holidays
                .iter()
                .map(|h| {
                    let (a, b) = h.split_once("..").unwrap_or((h, h));
                    match (parse_date(a), parse_date(b)) {
                        (Some(a), Some(b)) if a <= b => Ok((a, b)),
                        _ => Err(bad(h)),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let workdays = y
                .workdays
                .iter()
                .map(|w| parse_date(w).ok_or_else(|| bad(w)))
                .collect::<Result<Vec<_>, _>>()?;
            use chrono::{Datelike, Weekday};
            if let Some(&date) = workdays
                .iter()
                .find(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            {
                return Err(CalendarError::WorkdayNotWeekend { year: y.year, date });
            }
            Ok(HolidayYear {
                year: y.year,
                notice: y.notice,
                notice_en: y.notice_en,
                holidays,
                workdays,
            })
        })
        .collect()
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn calendar_error_text() {
        let e = CalendarError::BadDate {
            year: 2024,
            value: "02-30".into(),
        };
        assert_bilingual(
            &e,
            "2024年节假日数据中“02-30”不是日期或日期区间",
            "2024: \"02-30\" is not a date or date range",
        );
        assert_eq!((e.zh(), e.en()), (e.text().zh, e.text().en));
        assert_bilingual(
            &CalendarError::Syntax {
                line: 3,
                message: "expected `=`".into(),
            },
            "节假日数据格式错误（第3行）：expected `=`",
            "holiday data malformed (line 3): expected `=`",
        );
    }
}
