//! The 12-digit code: province(2) city(2) county(2) township(3) village(3).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Administrative level of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省级
    Province,
    /// 地级
    City,
    /// 县级
    County,
    /// 乡级
    Township,
    /// 村级
    Village,
}

impl Level {
    /// Number of significant digits of a code at this level (2, 4, 6, 9, 12).
    pub fn digits(self) -> usize {
        match self {
            Level::Province => 2,
            Level::City => 4,
            Level::County => 6,
            Level::Township => 9,
            Level::Village => 12,
        }
    }

    /// The level one step below, if any.
    pub fn child(self) -> Option<Level> {
        match self {
            Level::Province => Some(Level::City),
            Level::City => Some(Level::County),
            Level::County => Some(Level::Township),
            Level::Township => Some(Level::Village),
            Level::Village => None,
        }
    }

    /// Chinese name of the level.
    pub fn zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::City => "地级",
            Level::County => "县级",
            Level::Township => "乡级",
            Level::Village => "村级",
        }
    }
}

/// Why a string is not a valid division code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not made of ASCII digits only.
    #[error("{} / {}", self.zh_en().0, self.zh_en().1)]
    NotNumeric(String),
    /// Not 2, 4, 6, 9 or 12 digits long.
    #[error("{} / {}", self.zh_en().0, self.zh_en().1)]
    BadLength(String, usize),
    /// A segment is zero where a lower segment is not (e.g. 130600100000).
    #[error("{} / {}", self.zh_en().0, self.zh_en().1)]
    Malformed(String),
    /// The province segment is zero.
    #[error("{} / {}", self.zh_en().0, self.zh_en().1)]
    ZeroProvince(String),
}

impl CodeError {
    /// The message in Chinese and English.
    pub fn zh_en(&self) -> (String, String) {
        match self {
            Self::NotNumeric(f0) => (
                format!("代码“{f0}”含有非数字字符"),
                format!("code \"{f0}\" contains non-digit characters"),
            ),
            Self::BadLength(f0, f1) => (
                format!("代码“{f0}”长度为 {f1} 位，应为 2、4、6、9 或 12 位"),
                format!("code \"{f0}\" has {f1} digits; expected 2, 4, 6, 9 or 12"),
            ),
            Self::Malformed(f0) => (
                format!("代码“{f0}”结构不合法（乡级或村级段为 000，或位数与级别不符）"),
                format!(
                    "code \"{f0}\" is malformed (township or village segment 000, or digits beyond its level)"
                ),
            ),
            Self::ZeroProvince(f0) => (
                format!("代码“{f0}”的省级段不能为 00"),
                format!("code \"{f0}\" has province segment 00"),
            ),
        }
    }
}

/// A division code: a 12-digit value plus its level.
///
/// The level is explicit because the value alone is ambiguous: 东莞市 is both the city
/// `4419` and the county-level unit `441900`, whose townships are `441900003` etc.
/// Ordering is by numeric value, then level.
///
/// The code is an attribute of a unit that can change over time; it is never a
/// unit's identity (codes.md §4.2: codes have been reused and permuted in NBS data).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DivisionCode(u64);

const LEVELS: [Level; 5] = [
    Level::Province,
    Level::City,
    Level::County,
    Level::Township,
    Level::Village,
];

fn level_index(l: Level) -> u64 {
    match l {
        Level::Province => 0,
        Level::City => 1,
        Level::County => 2,
        Level::Township => 3,
        Level::Village => 4,
    }
}

fn scale(l: Level) -> u64 {
    match l {
        Level::Province => 10_000_000_000,
        Level::City => 100_000_000,
        Level::County => 1_000_000,
        Level::Township => 1_000,
        Level::Village => 1,
    }
}

impl DivisionCode {
    /// Parses a 2-, 4-, 6-, 9- or 12-digit code; the length gives the level.
    /// Surrounding whitespace is ignored.
    pub fn parse(s: &str) -> Result<Self, CodeError> {
        let t = s.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotNumeric(t.to_string()));
        }
        let level = match t.len() {
            2 => Level::Province,
            4 => Level::City,
            6 => Level::County,
            9 => Level::Township,
            12 => Level::Village,
            n => return Err(CodeError::BadLength(t.to_string(), n)),
        };
        let v: u64 = t
            .parse()
            .map_err(|_| CodeError::NotNumeric(t.to_string()))?;
        let full = v * scale(level);
        // A 9- or 12-digit code may name a unit above its length's level: official lists write
        // a county in 12 digits (130634000000) or as a 9-digit placeholder row (350527000).
        let level = if level >= Level::Township {
            infer_level(full).min(level)
        } else {
            level
        };
        Self::with_level(full, level).map_err(|e| match e {
            CodeError::ZeroProvince(_) => CodeError::ZeroProvince(t.to_string()),
            _ => CodeError::Malformed(t.to_string()),
        })
    }

    /// Builds a code from its 12-digit value, inferring the level from trailing zeros.
    pub fn from_u64(v: u64) -> Result<Self, CodeError> {
        if v >= 1_000_000_000_000 {
            return Err(CodeError::BadLength(v.to_string(), v.to_string().len()));
        }
        Self::with_level(v, infer_level(v))
    }

    /// Builds a code from a 12-digit value and an explicit level.
    pub fn with_level(v: u64, level: Level) -> Result<Self, CodeError> {
        let text = format!("{v:012}");
        if v >= 1_000_000_000_000 {
            return Err(CodeError::BadLength(v.to_string(), v.to_string().len()));
        }
        if !v.is_multiple_of(scale(level)) {
            return Err(CodeError::Malformed(text));
        }
        let segs = segments(v);
        if segs[0] == 0 {
            return Err(CodeError::ZeroProvince(text));
        }
        // The township and village segments are numbers within their parent: never 000.
        let own_zero = match level {
            Level::Township => segs[3] == 0,
            Level::Village => segs[4] == 0 || segs[3] == 0,
            _ => false,
        };
        if own_zero {
            return Err(CodeError::Malformed(text));
        }
        Ok(DivisionCode(v * 8 + level_index(level)))
    }

    /// Builds a township code from a county code and a 3-digit sequence number.
    pub fn township(county: DivisionCode, seq: u16) -> Result<Self, CodeError> {
        Self::with_level(
            county.prefix(Level::County).as_u64() + u64::from(seq) * 1_000,
            Level::Township,
        )
    }

    /// Builds a village code from a township code and a 3-digit sequence number.
    pub fn village(township: DivisionCode, seq: u16) -> Result<Self, CodeError> {
        Self::with_level(
            township.prefix(Level::Township).as_u64() + u64::from(seq),
            Level::Village,
        )
    }

    /// The numeric 12-digit value.
    pub fn as_u64(self) -> u64 {
        self.0 / 8
    }

    /// The level this code names.
    pub fn level(self) -> Level {
        LEVELS[(self.0 % 8) as usize]
    }

    /// The code of the ancestor at `level` (itself if already at or above it).
    pub fn prefix(self, level: Level) -> DivisionCode {
        if level >= self.level() {
            return self;
        }
        let keep = scale(level);
        DivisionCode(self.as_u64() / keep * keep * 8 + level_index(level))
    }

    /// The parent code one level up, or `None` for a province.
    pub fn parent(self) -> Option<DivisionCode> {
        let up = match self.level() {
            Level::Province => return None,
            Level::City => Level::Province,
            Level::County => Level::City,
            Level::Township => Level::County,
            Level::Village => Level::Township,
        };
        Some(self.prefix(up))
    }

    /// Digits 7–9: the township sequence number within the county (0 above township level).
    pub fn township_seq(self) -> u16 {
        ((self.as_u64() / 1_000) % 1_000) as u16
    }

    /// Digits 10–12: the village sequence number within the township.
    pub fn village_seq(self) -> u16 {
        (self.as_u64() % 1_000) as u16
    }

    /// The code written with its level's significant digits (e.g. 9 digits for a township).
    pub fn short(self) -> String {
        let buf = self.digit_buf();
        short_str(&buf, self.level()).to_string()
    }

    /// The full 12-digit form.
    pub fn full(self) -> String {
        format!("{:012}", self.as_u64())
    }

    /// The 12 ASCII digits, zero-padded, without allocating (codes are < 10^12). Evaluation
    /// responses write hundreds of village codes each, so [`DivisionCode::short`] and
    /// `Display` avoid the formatting machinery and intermediate strings.
    fn digit_buf(self) -> [u8; 12] {
        let mut buf = [b'0'; 12];
        let mut v = self.as_u64();
        for b in buf.iter_mut().rev() {
            *b = b'0' + (v % 10) as u8;
            v /= 10;
        }
        buf
    }

    /// Whether `self` lies inside `ancestor` (or equals it).
    pub fn is_within(self, ancestor: DivisionCode) -> bool {
        self.level() >= ancestor.level() && self.prefix(ancestor.level()) == ancestor
    }
}

fn segments(v: u64) -> [u64; 5] {
    [
        (v / 10_000_000_000) % 100,
        (v / 100_000_000) % 100,
        (v / 1_000_000) % 100,
        (v / 1_000) % 1_000,
        v % 1_000,
    ]
}

fn infer_level(v: u64) -> Level {
    let s = segments(v);
    if s[4] != 0 {
        Level::Village
    } else if s[3] != 0 {
        Level::Township
    } else if s[2] != 0 {
        Level::County
    } else if s[1] != 0 {
        Level::City
    } else {
        Level::Province
    }
}

/// The first `level.digits()` digits of a [`DivisionCode::digit_buf`].
fn short_str(buf: &[u8; 12], level: Level) -> &str {
    // ASCII digits only: always valid UTF-8.
    std::str::from_utf8(&buf[..level.digits()]).unwrap_or_default()
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let buf = self.digit_buf();
        f.write_str(short_str(&buf, self.level()))
    }
}

impl fmt::Debug for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let buf = self.digit_buf();
        write!(f, "Code({})", short_str(&buf, self.level()))
    }
}

impl FromStr for DivisionCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DivisionCode::parse(s)
    }
}

impl Serialize for DivisionCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.short())
    }
}

impl<'de> Deserialize<'de> for DivisionCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DivisionCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn code_error_zh_en() {
        for (e, zh, en) in [
            (
                CodeError::ZeroProvince("000000".into()),
                "代码“000000”的省级段不能为 00",
                "code \"000000\" has province segment 00",
            ),
            (
                CodeError::Malformed("130600100000".into()),
                "代码“130600100000”结构不合法（乡级或村级段为 000，或位数与级别不符）",
                "code \"130600100000\" is malformed (township or village segment 000, or digits beyond its level)",
            ),
        ] {
            let (z, n) = e.zh_en();
            assert_eq!((z.as_str(), n.as_str()), (zh, en));
            assert!(z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            assert!(n.is_ascii());
            assert_eq!(e.to_string(), format!("{z} / {n}"));
        }
    }

    #[test]
    fn parses_each_length() {
        let t = DivisionCode::parse("130634201").unwrap();
        assert_eq!(t.level(), Level::Township);
        assert_eq!(t.full(), "130634201000");
        assert_eq!(t.township_seq(), 201);
        assert_eq!(t.parent().unwrap().short(), "130634");
        assert_eq!(DivisionCode::parse("13").unwrap().level(), Level::Province);
        assert_eq!(DivisionCode::parse("1306").unwrap().level(), Level::City);
        let v = DivisionCode::parse("130634201203").unwrap();
        assert_eq!(v.level(), Level::Village);
        assert_eq!(v.village_seq(), 203);
        assert!(v.is_within(t));
        assert!(!t.is_within(v));
    }

    #[test]
    fn short_and_display_are_the_leading_digits() {
        for s in [
            "13",
            "1306",
            "130634",
            "130634201",
            "130634201203",
            "010000000001",
        ] {
            let Ok(c) = DivisionCode::parse(s) else {
                continue;
            };
            let want = &format!("{:012}", c.as_u64())[..c.level().digits()];
            assert_eq!(c.short(), want);
            assert_eq!(c.to_string(), want);
            assert_eq!(format!("{c:?}"), format!("Code({want})"));
        }
        assert_eq!(DivisionCode::parse("130634").unwrap().to_string(), "130634");
    }

    #[test]
    fn cities_without_counties() {
        // 东莞市: city 4419, county-level 441900, township 441900003.
        let city = DivisionCode::parse("4419").unwrap();
        let county = DivisionCode::parse("441900").unwrap();
        let town = DivisionCode::parse("441900003").unwrap();
        assert_ne!(city, county);
        assert_eq!(county.level(), Level::County);
        assert_eq!(town.parent(), Some(county));
        assert_eq!(county.parent(), Some(city));
        assert!(town.is_within(city));
        assert_eq!(county.short(), "441900");
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(matches!(
            DivisionCode::parse("13063420"),
            Err(CodeError::BadLength(_, 8))
        ));
        assert!(matches!(
            DivisionCode::parse("13063x201"),
            Err(CodeError::NotNumeric(_))
        ));
        // 金门县's placeholder row in the NBS township list.
        assert_eq!(
            DivisionCode::parse("350527000").unwrap().level(),
            Level::County
        );
        assert!(matches!(
            DivisionCode::parse("130634000123"),
            Err(CodeError::Malformed(_))
        ));
        assert!(matches!(
            DivisionCode::parse("000634201"),
            Err(CodeError::ZeroProvince(_))
        ));
        assert!(matches!(
            DivisionCode::parse(""),
            Err(CodeError::NotNumeric(_))
        ));
    }

    proptest! {
        #[test]
        fn short_form_round_trips(p in 11u64..66, c in 1u64..99, x in 1u64..99, t in 0u64..600, v in 0u64..600) {
            let v = if t == 0 { 0 } else { v };
            let n = p * 10_000_000_000 + c * 100_000_000 + x * 1_000_000 + t * 1_000 + v;
            let code = DivisionCode::from_u64(n).unwrap();
            prop_assert_eq!(DivisionCode::parse(&code.short()).unwrap(), code);
            prop_assert_eq!(DivisionCode::parse(&code.full()).unwrap(), code);
            let json = serde_json::to_string(&code).unwrap();
            prop_assert_eq!(serde_json::from_str::<DivisionCode>(&json).unwrap(), code);
        }
    }
}
