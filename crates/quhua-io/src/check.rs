//! Checks every importer applies to the values it reads: text without control characters,
//! of bounded length and not a spreadsheet formula; numbers within what the field can hold
//! (hard rules) and within the plausible ranges of a policy table (soft rules the user can
//! override by stating so).
//!
//! The plausible ranges are data ([`PLAUSIBLE`]), per attribute and level, generous upper
//! bounds drawn from the largest real units (a province of 1.27 亿 people, a county of
//! 25 万 km², a town of a million residents): a value above them is far more likely a
//! typing or unit error (人 for 万人, 公顷 for km²) than a fact.

use crate::error::{IoError, Loc, Why};
use quhua_codes::Level;
use quhua_core::attr::{Amount, keys};
use std::collections::HashMap;

/// Refuses control characters (NUL, line breaks, tabs, DEL …), text longer than `max_chars`
/// and text a spreadsheet would execute (`=`, `+`, `-`, `@` first). `loc` names the cell.
pub fn check_text(text: &str, max_chars: usize, loc: impl Fn() -> Loc) -> Result<(), IoError> {
    let mut chars = 0usize;
    for (i, c) in text.chars().enumerate() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') {
            return Err(IoError::ControlChar {
                loc: loc(),
                code: c as u32,
                at: i + 1,
            });
        }
        chars += 1;
    }
    if chars > max_chars {
        return Err(IoError::TooLong {
            loc: loc(),
            chars,
            max: max_chars,
        });
    }
    if let Some(first) = text.trim_start().chars().next()
        && is_formula_start(first)
    {
        return Err(IoError::FormulaText {
            loc: loc(),
            value: text.chars().take(40).collect(),
            first,
        });
    }
    Ok(())
}

/// Whether a text starting with `c` would be taken for a formula by a spreadsheet.
pub fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
}

/// What kind of quantity an attribute is: decides the hard rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// Whole persons (population, staff quotas): integers ≥ 0.
    Persons,
    /// Area in km²: > 0.
    Area,
    /// Money in 万元: ≥ 0.
    Money,
}

/// The quantity of a built-in attribute key; `None` for keys without rules.
pub fn quantity(key: &str) -> Option<Quantity> {
    match key {
        keys::POP_HUKOU
        | keys::POP_RESIDENT
        | keys::BUILTUP_POP
        | keys::STAFF_QUOTA
        | keys::INSTITUTION_QUOTA => Some(Quantity::Persons),
        keys::AREA_KM2 => Some(Quantity::Area),
        keys::GDP | keys::FISCAL_REVENUE | keys::ASSETS | keys::DEBTS => Some(Quantity::Money),
        _ => None,
    }
}

/// Plausible upper bounds per attribute: (key, [province, city, county, township, village]).
pub const PLAUSIBLE: &[(&str, [f64; 5])] = &[
    (keys::POP_HUKOU, [2.0e8, 4.0e7, 6.0e6, 2.0e6, 2.0e5]),
    (keys::POP_RESIDENT, [2.0e8, 4.0e7, 6.0e6, 2.0e6, 2.0e5]),
    (keys::BUILTUP_POP, [2.0e8, 4.0e7, 6.0e6, 2.0e6, 2.0e5]),
    (keys::AREA_KM2, [2.0e6, 5.0e5, 2.6e5, 6.0e4, 2.0e4]),
    (keys::STAFF_QUOTA, [2.0e6, 5.0e5, 1.0e5, 5.0e3, 5.0e2]),
    (keys::INSTITUTION_QUOTA, [5.0e6, 1.0e6, 2.0e5, 2.0e4, 2.0e3]),
    (keys::GDP, [2.0e9, 5.0e8, 1.0e8, 2.0e7, 5.0e6]),
    (keys::FISCAL_REVENUE, [5.0e8, 1.0e8, 2.0e7, 5.0e6, 1.0e6]),
    (keys::ASSETS, [1.0e10, 2.0e9, 5.0e8, 5.0e7, 1.0e7]),
    (keys::DEBTS, [1.0e10, 2.0e9, 5.0e8, 5.0e7, 1.0e7]),
];

/// The rule key for "at most one county seat (县城驻地) per county".
pub const COUNTY_SEATS: &str = "county_seats";

fn level_index(l: Level) -> usize {
    match l {
        Level::Province => 0,
        Level::City => 1,
        Level::County => 2,
        Level::Township => 3,
        Level::Village => 4,
    }
}

/// The plausibility policy: the [`PLAUSIBLE`] bounds, with the overrides a user stated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plausibility {
    /// Stated overrides: key → the largest value to accept (for [`COUNTY_SEATS`]: the
    /// number of county seats to accept per county).
    pub overrides: HashMap<String, f64>,
}

impl Plausibility {
    /// The policy as published, with no override.
    pub fn new() -> Self {
        Plausibility::default()
    }

    /// States an override: values of `key` up to `max` are accepted.
    pub fn allow(mut self, key: impl Into<String>, max: f64) -> Self {
        self.overrides.insert(key.into(), max);
        self
    }

    /// Parses an override as the user writes it: `KEY=MAX` (`pop_hukou=3000000`,
    /// `county_seats=2`).
    pub fn parse_override(s: &str) -> Result<(String, f64), String> {
        let (k, v) = s.split_once('=').ok_or_else(|| {
            format!("放宽条件应写作 键=上限 / an override is written KEY=MAX: \"{s}\"")
        })?;
        let k = k.trim();
        let known = k == COUNTY_SEATS || PLAUSIBLE.iter().any(|(key, _)| *key == k);
        if !known {
            return Err(format!(
                "未知的放宽条件“{k}” / unknown override key \"{k}\""
            ));
        }
        let v: f64 = v
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                format!("放宽上限应为非负数 / the override's maximum must be a non-negative number: \"{s}\"")
            })?;
        Ok((k.to_string(), v))
    }

    /// The upper bound for `key` at `level` (an override wins).
    pub fn max(&self, key: &str, level: Level) -> Option<f64> {
        if let Some(v) = self.overrides.get(key) {
            return Some(*v);
        }
        PLAUSIBLE
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, b)| b[level_index(level)])
    }

    /// The number of county seats accepted per county (1 unless overridden).
    pub fn county_seats(&self) -> usize {
        self.overrides
            .get(COUNTY_SEATS)
            .map_or(1, |v| v.max(1.0) as usize)
    }
}

/// Checks one attribute value: hard rules of its quantity, then plausibility at `level`.
/// `written` is the cell text, for the message.
pub fn check_amount(
    key: &str,
    value: Amount,
    level: Level,
    policy: &Plausibility,
    written: &str,
    loc: impl Fn() -> Loc,
) -> Result<(), IoError> {
    let out = |zh: String, en: String| IoError::OutOfRange {
        loc: loc(),
        value: written.to_string(),
        why: Why::new(zh, en),
    };
    match quantity(key) {
        Some(Quantity::Persons) => {
            if value.0 < 0 {
                return Err(out(
                    "人数不能为负".into(),
                    "a count of persons cannot be negative".into(),
                ));
            }
            if value.0 % Amount::SCALE != 0 {
                return Err(out(
                    "人数应为整数".into(),
                    "a count of persons must be a whole number".into(),
                ));
            }
        }
        Some(Quantity::Area) if value.0 <= 0 => {
            return Err(out(
                "面积应大于 0".into(),
                "an area must be greater than 0".into(),
            ));
        }
        Some(Quantity::Money) if value.0 < 0 => {
            return Err(out(
                "金额不能为负".into(),
                "an amount of money cannot be negative".into(),
            ));
        }
        Some(Quantity::Area | Quantity::Money) => {}
        None => {}
    }
    if let Some(max) = policy.max(key, level)
        && value.to_f64() > max
    {
        return Err(IoError::Implausible {
            loc: loc(),
            key: key.to_string(),
            value: written.to_string(),
            why: Why::new(
                format!("{}级单位的 {key} 通常不超过 {max}", level.zh()),
                format!("{key} of a {level:?}-level unit is normally at most {max}"),
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc() -> Loc {
        Loc::new("t.csv", 2, "名称", 1)
    }

    #[test]
    fn text_rules() {
        assert!(check_text("路庄子乡", 100, loc).is_ok());
        assert_eq!(
            check_text("路\0庄", 100, loc).unwrap_err().kind(),
            "control_char"
        );
        assert_eq!(
            check_text("=HYPERLINK(\"x\")", 100, loc)
                .unwrap_err()
                .kind(),
            "formula_text"
        );
        assert_eq!(
            check_text(&"乡".repeat(101), 100, loc).unwrap_err().kind(),
            "too_long"
        );
    }

    #[test]
    fn amount_rules_and_overrides() {
        let p = Plausibility::new();
        let t = Level::Township;
        let ok = |k, v: f64, p: &Plausibility| {
            check_amount(k, Amount::from_f64(v).unwrap(), t, p, "x", loc)
        };
        assert!(ok(keys::POP_HUKOU, 30_000.0, &p).is_ok());
        assert_eq!(
            ok(keys::POP_HUKOU, -1.0, &p).unwrap_err().kind(),
            "out_of_range"
        );
        assert_eq!(
            ok(keys::POP_HUKOU, 2.2, &p).unwrap_err().kind(),
            "out_of_range"
        );
        assert_eq!(
            ok(keys::AREA_KM2, 0.0, &p).unwrap_err().kind(),
            "out_of_range"
        );
        assert_eq!(
            ok(keys::POP_HUKOU, 3.0e6, &p).unwrap_err().kind(),
            "implausible"
        );
        let p = p.allow(keys::POP_HUKOU, 4.0e6);
        assert!(ok(keys::POP_HUKOU, 3.0e6, &p).is_ok());
        assert_eq!(
            Plausibility::parse_override("county_seats=2"),
            Ok((COUNTY_SEATS.to_string(), 2.0))
        );
        assert!(Plausibility::parse_override("nonsense=2").is_err());
    }
}
