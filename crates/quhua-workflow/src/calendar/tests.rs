use super::*;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    quhua_core::date::parse_date(s).unwrap()
}

#[test]
fn shipped_years_load_and_cite_their_notice() {
    let cal = Calendar::china();
    let years: Vec<i32> = cal.years().map(|y| y.year).collect();
    assert_eq!(years, vec![2021, 2022, 2023, 2024, 2025]);
    for y in cal.years() {
        assert!(y.notice.starts_with("国务院办公厅关于"), "{}", y.notice);
        assert!(y.notice.contains(&format!("{}年", y.year)));
        // Every arrangement gives 春节 at least 7 days and 国庆 at least 7 days in a row.
        assert!(y.holidays.iter().any(|(a, b)| (*b - *a).num_days() >= 6));
    }
}

#[test]
fn known_days() {
    let cal = Calendar::china();
    // 2021 春节 2-11..2-17, Sunday 2-07 and Saturday 2-20 work.
    assert!(!cal.is_working_day(d("2021-02-11")));
    assert!(cal.is_working_day(d("2021-02-07")));
    assert!(cal.is_working_day(d("2021-02-20")));
    // 2025: 除夕 1-28 is a holiday (new rule); 4-27 (Sunday) works.
    assert!(!cal.is_working_day(d("2025-01-28")));
    assert!(cal.is_working_day(d("2025-04-27")));
    // An ordinary Monday and Saturday.
    assert!(cal.is_working_day(d("2021-06-28")));
    assert!(!cal.is_working_day(d("2021-06-26")));
    // 2021-09-30 (Thu) + 1 working day skips the 国庆 holiday to 2021-10-08 (Fri).
    assert_eq!(cal.add_working_days(d("2021-09-30"), 1), d("2021-10-08"));
    assert_eq!(cal.add_working_days(d("2021-09-30"), 2), d("2021-10-09"));
    assert_eq!(
        cal.working_days_between(d("2021-09-30"), d("2021-10-09")),
        2
    );
}

#[test]
fn serde_round_trip_keeps_the_holidays() {
    let cal = Calendar::china();
    let back: Calendar = serde_json::from_str(&serde_json::to_string(&cal).unwrap()).unwrap();
    assert_eq!(back, cal);
    assert!(!back.is_working_day(d("2021-10-01")));
}

#[test]
fn bad_data_is_located() {
    let e = Calendar::default()
        .with_toml("[[year]]\nyear = 2030\nnotice = \"x\"\nholidays = [\"2030-13-01\"]\n")
        .unwrap_err();
    assert!(
        matches!(e, CalendarError::BadDate { year: 2030, .. }),
        "{e}"
    );
    let e = Calendar::default()
        .with_toml(
            "[[year]]\nyear = 2030\nnotice = \"x\"\nholidays = []\nworkdays = [\"2030-01-02\"]\n",
        )
        .unwrap_err();
    assert!(matches!(e, CalendarError::WorkdayNotWeekend { .. }), "{e}");
    let e = Calendar::default()
        .with_toml("[[year]]\nyear = \"x\"\n")
        .unwrap_err();
    assert!(matches!(e, CalendarError::Syntax { line: 2, .. }), "{e}");
    assert!(e.zh().contains("第2行") && e.en().contains("line 2"));
}

proptest! {
    #[test]
    fn add_and_count_agree(y in 2021i32..2027, doy in 0u32..360, n in 0u32..60) {
        let cal = Calendar::china();
        let start = Date::from_yo_opt(y, doy + 1).unwrap();
        let end = cal.add_working_days(start, n);
        prop_assert_eq!(cal.working_days_between(start, end), n);
        if n > 0 {
            prop_assert!(cal.is_working_day(end));
        }
        // A day is a working day exactly when it is a make-up day or a non-holiday weekday.
        let wd = start.weekday();
        let weekend = matches!(wd, Weekday::Sat | Weekday::Sun);
        let makeup = cal.years().any(|h| h.workdays.contains(&start));
        prop_assert_eq!(cal.is_working_day(start), makeup || (!weekend && !cal.is_holiday(start)));
    }
}
