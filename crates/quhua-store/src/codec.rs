//! Column encodings of domain values: kinds as short text, flags as a bit set, dates as ISO text,
//! seats and attributes as JSON, and the canonical timestamp format.

use crate::error::{Result, StoreError};
use quhua_core::codes::{DivisionCode, Level, UnitKind};
use quhua_core::unit::{Flags, UnitId, UnitState};
use std::collections::HashMap;

/// The level as a number: 1 province … 5 village.
pub(crate) fn level_no(level: Level) -> i64 {
    match level {
        Level::Province => 1,
        Level::City => 2,
        Level::County => 3,
        Level::Township => 4,
        Level::Village => 5,
    }
}

/// `province`, `city`, `county`, `township:<kind>` or `village:<kind>` (serde names).
pub(crate) fn kind_text(kind: UnitKind) -> Result<String> {
    let inner = |v: serde_json::Value| -> String { v.as_str().unwrap_or_default().to_string() };
    Ok(match kind {
        UnitKind::Province => "province".into(),
        UnitKind::City => "city".into(),
        UnitKind::County => "county".into(),
        UnitKind::Township(k) => format!("township:{}", inner(serde_json::to_value(k)?)),
        UnitKind::Village(k) => format!("village:{}", inner(serde_json::to_value(k)?)),
    })
}

/// Parses [`kind_text`] output.
pub(crate) fn parse_kind(text: &str) -> Result<UnitKind> {
    let bad = || StoreError::Corrupt(format!("unknown unit kind {text:?}"));
    let s = serde_json::Value::String;
    Ok(match text.split_once(':') {
        None => match text {
            "province" => UnitKind::Province,
            "city" => UnitKind::City,
            "county" => UnitKind::County,
            _ => return Err(bad()),
        },
        Some(("township", k)) => {
            UnitKind::Township(serde_json::from_value(s(k.into())).map_err(|_| bad())?)
        }
        Some(("village", k)) => {
            UnitKind::Village(serde_json::from_value(s(k.into())).map_err(|_| bad())?)
        }
        Some(_) => return Err(bad()),
    })
}

/// Caches kind texts both ways (there are only a few kinds; 660k units share them).
#[derive(Default)]
pub(crate) struct KindCache {
    to_text: HashMap<UnitKind, String>,
    from_text: HashMap<String, UnitKind>,
}

impl KindCache {
    pub(crate) fn text(&mut self, kind: UnitKind) -> Result<&str> {
        if let std::collections::hash_map::Entry::Vacant(e) = self.to_text.entry(kind) {
            e.insert(kind_text(kind)?);
        }
        Ok(self
            .to_text
            .get(&kind)
            .map(String::as_str)
            .unwrap_or_default())
    }

    pub(crate) fn kind(&mut self, text: &str) -> Result<UnitKind> {
        if let Some(k) = self.from_text.get(text) {
            return Ok(*k);
        }
        let k = parse_kind(text)?;
        self.from_text.insert(text.to_string(), k);
        Ok(k)
    }
}

/// Flags as a bit set.
pub(crate) fn flags_bits(f: &Flags) -> i64 {
    (f.county_seat as i64)
        | (f.border as i64) << 1
        | (f.historic as i64) << 2
        | (f.key_town as i64) << 3
        | (f.ethnic as i64) << 4
}

/// The inverse of [`flags_bits`].
pub(crate) fn bits_flags(b: i64) -> Flags {
    Flags {
        county_seat: b & 1 != 0,
        border: b & 2 != 0,
        historic: b & 4 != 0,
        key_town: b & 8 != 0,
        ethnic: b & 16 != 0,
    }
}

/// A code as stored: its short form (2, 4, 6, 9 or 12 digits), which also tells its level —
/// needed because a county-level code can share its digits with a city (东莞 441900 / 4419).
pub(crate) fn code_text(c: DivisionCode) -> String {
    c.short()
}

/// The inverse of [`code_text`].
pub(crate) fn text_code(s: &str) -> Result<DivisionCode> {
    DivisionCode::parse(s).map_err(|e| StoreError::Corrupt(format!("bad division code {s:?}: {e}")))
}

/// A unit id from a stored integer.
pub(crate) fn unit_id(v: i64) -> Result<UnitId> {
    u32::try_from(v)
        .map(UnitId)
        .map_err(|_| StoreError::Corrupt(format!("bad unit id {v}")))
}

/// The state columns of a unit version, encoded.
pub(crate) struct StateCols {
    pub code: String,
    pub level: i64,
    pub kind: String,
    pub parent: Option<i64>,
    pub seat: Option<String>,
    pub flags: i64,
    pub attrs: Option<String>,
}

/// Encodes a state's columns (name is bound separately, borrowed).
pub(crate) fn encode_state(s: &UnitState, kinds: &mut KindCache) -> Result<StateCols> {
    Ok(StateCols {
        code: code_text(s.code),
        level: level_no(s.kind.level()),
        kind: kinds.text(s.kind)?.to_string(),
        parent: s.parent.map(|p| i64::from(p.0)),
        seat: s.seat.as_ref().map(serde_json::to_string).transpose()?,
        flags: flags_bits(&s.flags),
        attrs: if s.attrs.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&s.attrs)?)
        },
    })
}

/// The current time as stored: RFC 3339, UTC, microseconds.
pub(crate) fn now_text() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quhua_core::codes::{TownshipKind, VillageKind};

    #[test]
    fn kinds_round_trip() {
        for k in [
            UnitKind::Province,
            UnitKind::City,
            UnitKind::County,
            UnitKind::Township(TownshipKind::Town),
            UnitKind::Township(TownshipKind::Subdistrict),
            UnitKind::Village(VillageKind::SimilarVillagers),
        ] {
            assert_eq!(parse_kind(&kind_text(k).unwrap()).unwrap(), k);
        }
        assert!(parse_kind("township:nope").is_err());
    }

    #[test]
    fn flags_round_trip() {
        let f = Flags {
            county_seat: true,
            ethnic: true,
            ..Flags::default()
        };
        assert_eq!(bits_flags(flags_bits(&f)), f);
    }
}
