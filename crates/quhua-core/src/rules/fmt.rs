//! Numbers as people read them: 4.24万人, 42,424 people, 29.4%, 0.6个百分点.

/// Digits of `v` rounded to `decimals`, trailing zeros trimmed, with `sep` every three digits.
fn grouped(v: f64, decimals: usize, sep: &str) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut out = String::new();
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    // No sign on a value that rounds to zero ("-0").
    let negative = v.is_sign_negative() && out.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative { format!("-{out}") } else { out }
}

/// A head count in Chinese: `4.24万人` from 10,000 up, `4500人` below.
///
/// ```
/// use quhua_core::rules::fmt::people_zh;
/// assert_eq!(people_zh(42424.0), "4.24万人");
/// assert_eq!(people_zh(50000.0), "5万人");
/// assert_eq!(people_zh(4500.0), "4500人");
/// ```
pub fn people_zh(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{}万人", grouped(v / 10_000.0, 2, ""))
    } else {
        format!("{}人", grouped(v, 0, ""))
    }
}

/// A head count in Chinese that stays distinct from `other` (`4.9999万人`, not `5万人`, beside 5万).
pub fn people_zh_beside(v: f64, other: f64) -> String {
    let s = people_zh(v);
    if s == people_zh(other) && v != other {
        if v.abs() >= 10_000.0 {
            format!("{}万人", grouped(v / 10_000.0, 4, ""))
        } else {
            format!("{}人", grouped(v, 2, ""))
        }
    } else {
        s
    }
}

/// A head count in English with thousands separators: `42,424`.
pub fn people_en(v: f64) -> String {
    grouped(v, 0, ",")
}

/// An area in Chinese: `42.21平方公里`.
pub fn area_zh(v: f64) -> String {
    format!("{}平方公里", grouped(v, 2, ""))
}

/// An area in English: `1,234.5 km²`.
pub fn area_en(v: f64) -> String {
    format!("{} km²", grouped(v, 2, ","))
}

/// A share as a percentage: `29.4%`.
///
/// ```
/// use quhua_core::rules::fmt::{percent, points_zh};
/// assert_eq!(percent(0.2941), "29.4%");
/// assert_eq!(percent(0.3), "30%");
/// assert_eq!(points_zh(0.3 - 0.2941), "0.6个百分点");
/// ```
pub fn percent(share: f64) -> String {
    format!("{}%", grouped(share * 100.0, 1, ""))
}

/// A difference of two shares in percentage points, Chinese: `0.6个百分点`.
pub fn points_zh(diff: f64) -> String {
    format!("{}个百分点", grouped(diff.abs() * 100.0, 1, ""))
}

/// A difference of two shares in percentage points, English.
pub fn points_en(diff: f64) -> String {
    let p = grouped(diff.abs() * 100.0, 1, ",");
    if p == "1" {
        "1 percentage point".to_string()
    } else {
        format!("{p} percentage points")
    }
}

/// A count: `12个` (Chinese) or `12`.
pub fn count_zh(v: f64) -> String {
    format!("{}个", grouped(v, 0, ""))
}

/// A count in English.
pub fn count_en(v: f64) -> String {
    grouped(v, 0, ",")
}

/// A population density in Chinese: `每平方公里312人`.
pub fn density_zh(v: f64) -> String {
    format!("每平方公里{}人", grouped(v, 0, ""))
}

/// A population density in English: `312 per km²`.
pub fn density_en(v: f64) -> String {
    format!("{} per km²", grouped(v, 0, ","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_people_areas_and_shares() {
        assert_eq!(people_zh(42424.0), "4.24万人");
        assert_eq!(people_en(42424.0), "42,424");
        assert_eq!(people_en(1234567.0), "1,234,567");
        assert_eq!(people_en(999.0), "999");
        assert_eq!(people_zh_beside(49999.0, 50000.0), "4.9999万人");
        assert_eq!(people_zh_beside(42424.0, 50000.0), "4.24万人");
        assert_eq!(area_zh(42.21), "42.21平方公里");
        assert_eq!(area_en(1234.5), "1,234.5 km²");
        assert_eq!(area_en(30.0), "30 km²");
        assert_eq!(percent(0.29), "29%");
        assert_eq!(points_en(0.01), "1 percentage point");
        assert_eq!(points_en(0.3 - 0.2941), "0.6 percentage points");
        assert_eq!(count_zh(12.0), "12个");
        assert_eq!(density_zh(312.4), "每平方公里312人");
        assert_eq!(people_en(-1500.0), "-1,500");
        assert_eq!(people_en(-15.0), "-15");
        assert_eq!(people_en(-0.4), "0");
        assert_eq!(count_en(1234.0), "1,234");
        assert_eq!(density_en(312.4), "312 per km²");
        assert_eq!(density_en(1234.0), "1,234 per km²");
    }
}
