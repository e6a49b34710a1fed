//! The reporting rhythm: 每周一周报、两周一推进、每月一调度.

use quhua_core::date::Date;

/// Which follow-up report: the weekly report (周报), the fortnightly progress sheet
/// (两周推进表) or the monthly review (月调度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// 周报: the week up to the report's date.
    Week,
    /// 两周推进表: the two weeks up to the report's date.
    Fortnight,
    /// 月调度: the month up to the report's date.
    Month,
}

impl Period {
    /// All periods, shortest first.
    pub const ALL: [Period; 3] = [Period::Week, Period::Fortnight, Period::Month];

    /// The document's name in Chinese (周报, 两周推进表, 月调度).
    pub fn zh(self) -> &'static str {
        match self {
            Period::Week => "周报",
            Period::Fortnight => "两周推进表",
            Period::Month => "月调度",
        }
    }

    /// The document's name in English.
    pub fn en(self) -> &'static str {
        match self {
            Period::Week => "weekly report",
            Period::Fortnight => "fortnightly progress sheet",
            Period::Month => "monthly review",
        }
    }

    /// The stable id (`week`, `fortnight`, `month`).
    pub fn id(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Fortnight => "fortnight",
            Period::Month => "month",
        }
    }

    /// The period from an id (`week`), its Chinese name (`周报`) or a short form (`周`,
    /// `两周`, `月`); surrounding blanks and ASCII case are ignored.
    ///
    /// ```
    /// use quhua_report::followup::Period;
    /// assert_eq!(Period::parse("Fortnight"), Some(Period::Fortnight));
    /// assert_eq!(Period::parse("月调度"), Some(Period::Month));
    /// assert_eq!(Period::parse("year"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim().to_ascii_lowercase();
        Period::ALL.into_iter().find(|p| {
            s == p.id()
                || s == p.zh()
                || match p {
                    Period::Week => s == "周" || s == "weekly",
                    Period::Fortnight => s == "两周" || s == "fortnightly",
                    Period::Month => s == "月" || s == "monthly",
                }
        })
    }

    /// The day the period starts from (exclusive): `date` − 7 days, − 14 days or − 1 month
    /// (the same day of the previous month, or its last day). What happened after it and on
    /// or before `date` belongs to the period.
    ///
    /// ```
    /// use quhua_report::followup::Period;
    /// use quhua_core::date::parse_date;
    /// let d = |s| parse_date(s).unwrap();
    /// assert_eq!(Period::Week.start(d("2022-01-10")), d("2022-01-03"));
    /// assert_eq!(Period::Month.start(d("2022-03-31")), d("2022-02-28"));
    /// ```
    pub fn start(self, date: Date) -> Date {
        match self {
            Period::Week => date - chrono::Duration::days(7),
            Period::Fortnight => date - chrono::Duration::days(14),
            Period::Month => date
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or(date - chrono::Duration::days(30)),
        }
    }

    /// How the period is named in running text (本周, 本期两周, 本月).
    pub(crate) fn this(self) -> &'static str {
        match self {
            Period::Week => "本周",
            Period::Fortnight => "近两周",
            Period::Month => "本月",
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.zh())
    }
}
