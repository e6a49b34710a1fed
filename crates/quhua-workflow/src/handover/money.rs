//! Money as an exact integer number of 分 (hundredths of a yuan), so that every ledger total
//! is conserved bit for bit.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// An amount of money in 分 (1 元 = 100 分). Sums are exact.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// From whole yuan.
    pub fn from_yuan(y: i64) -> Money {
        Money(y * 100)
    }

    /// Parses a decimal number of yuan as written in a ledger ("12345", "1,234.50", "-3.2"),
    /// exactly: no floating point; more than two decimals is refused. `scale_fen` is the
    /// number of 分 per unit written (100 for 元, 1_000_000 for 万元).
    ///
    /// ```
    /// use quhua_workflow::handover::Money;
    /// assert_eq!(Money::parse("1,234.5", 100), Some(Money(123_450)));
    /// assert_eq!(Money::parse("2.5", 1_000_000), Some(Money(2_500_000)));
    /// assert_eq!(Money::parse("1.234", 100), None);
    /// ```
    pub fn parse(s: &str, scale_fen: i64) -> Option<Money> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥'))
            .collect();
        let (neg, t) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t.strip_prefix('+').unwrap_or(&t)),
        };
        if t.is_empty() {
            return None;
        }
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Decimal places allowed: those that still give whole 分.
        let mut places = 0usize;
        let mut s = scale_fen;
        while s % 10 == 0 && s > 1 {
            s /= 10;
            places += 1;
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > places {
            return None;
        }
        let int_v: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut frac_v: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        for _ in frac.len()..places {
            frac_v = frac_v.checked_mul(10)?;
        }
        let unit = scale_fen / 10i64.checked_pow(places as u32)?;
        let v = int_v
            .checked_mul(scale_fen)?
            .checked_add(frac_v.checked_mul(unit)?)?;
        Some(Money(if neg { -v } else { v }))
    }

    /// As yuan (for display only).
    pub fn yuan_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Money {
    /// Yuan with two decimals: `1234.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}
impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 += o.0;
    }
}
impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}
impl SubAssign for Money {
    fn sub_assign(&mut self, o: Money) {
        self.0 -= o.0;
    }
}
impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!(Money::parse("0.1", 100), Some(Money(10)));
        assert_eq!(Money::parse("-0.01", 100), Some(Money(-1)));
        assert_eq!(Money::parse("12", 100), Some(Money(1200)));
        assert_eq!(Money::parse("12.340", 100), Some(Money(1234)));
        assert_eq!(Money::parse("1.000001", 1_000_000), Some(Money(1_000_001)));
        assert_eq!(Money::parse("abc", 100), None);
        assert_eq!(Money::parse("", 100), None);
        assert_eq!(Money::parse(".", 100), None);
        assert_eq!(Money::parse("1e5", 100), None);
        assert_eq!(Money(-150).to_string(), "-1.50");
        assert_eq!(Money(5).to_string(), "0.05");
    }
}
