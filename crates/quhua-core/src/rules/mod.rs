//! Rule findings on a scenario's result: each with severity, rule id, units, a message in
//! Chinese and English, and the citation of the law, State Council or provincial text it
//! rests on (from the policy).
//!
//! - [`unit`](self::unit_findings): rules on one unit (area, population, contiguity, county
//!   seat, locks, historic names, 民族乡, name and kind, the 设镇/设街道 standards);
//! - [`global_findings`]: rules on the result as a whole (unique names, homophones, the
//!   number of units);
//! - [`village_findings`]: rules on the villages a scheme changed (names, the 居委会 size,
//!   village floors, merged villages in one piece);
//! - [`fmt`]: numbers as people read them.

pub mod fmt;
mod global;
mod id;
mod names;
mod population;
mod standards;
mod unit;
mod villages;

pub use global::global_findings;
pub use id::RuleId;
pub use names::toneless;
pub use unit::{components, unit_findings};
pub use villages::{figure, is_changed, village_findings, village_label};

use crate::i18n::Text;
use crate::policy::Severity;
use crate::scenario::ResultUnit;
use serde::Serialize;

/// One rule finding.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Rule id (stable, for filtering); serialised as `area_cap`, `contiguity`, …
    pub rule: RuleId,
    /// The units concerned (labels).
    pub units: Vec<String>,
    /// The message.
    pub message: Text,
    /// Where the rule comes from: a law, a State Council or a provincial text.
    pub citation: String,
}

impl Finding {
    /// A finding.
    pub fn new(
        severity: Severity,
        rule: RuleId,
        units: Vec<String>,
        message: Text,
        citation: impl Into<String>,
    ) -> Finding {
        Finding {
            severity,
            rule,
            units,
            message,
            citation: citation.into(),
        }
    }
}

/// `name（code）` or `name（新设）`.
pub fn label(u: &ResultUnit) -> String {
    match u.code {
        Some(c) => format!("{}（{}）", u.name, c),
        None => format!("{}（新设）", u.name),
    }
}

fn finding(
    sev: Severity,
    rule: RuleId,
    units: Vec<String>,
    zh: String,
    en: String,
    citation: &str,
) -> Finding {
    Finding::new(sev, rule, units, Text::new(zh, en), citation)
}
