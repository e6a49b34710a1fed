//! Errors of quhua-stats, in both languages as data.

use quhua_core::DivisionCode;
use quhua_core::date::Date;

/// Why a statistic could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    /// An observation names a code no unit ever carried.
    #[error(
        "代码 {code} 不在区划名录中（{context}） / code {code} is not in the registry ({context})"
    )]
    UnknownCode {
        /// The code.
        code: DivisionCode,
        /// Where it was met (e.g. the indicator and period).
        context: String,
    },
    /// An observation's unit was not in force in its period.
    #[error("{name}（{code}）在 {period} 年不存在 / {name} ({code}) did not exist in {period}")]
    NotInForce {
        /// The code.
        code: DivisionCode,
        /// The unit's name.
        name: String,
        /// The period.
        period: i32,
    },
    /// The county is not in the registry on the date.
    #[error("{date} 名录中没有县级单位 {county} / no county {county} in the registry on {date}")]
    NoCounty {
        /// The county code.
        county: DivisionCode,
        /// The date.
        date: Date,
    },
    /// A unit whose territory cannot be followed to the other date.
    #[error("{name}（{code}）在 {date} 无对应单位 / {name} ({code}) has no counterpart on {date}")]
    LostUnit {
        /// The unit's code.
        code: DivisionCode,
        /// Its name.
        name: String,
        /// The target date.
        date: Date,
    },
    /// A stated split share is not usable.
    #[error("{zh} / {en}")]
    BadSplit {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The same (unit, indicator, period) appears twice.
    #[error(
        "{code} 的指标“{indicator}” {period} 年重复 / duplicate {indicator} for {code} in {period}"
    )]
    Duplicate {
        /// The code.
        code: DivisionCode,
        /// The indicator.
        indicator: String,
        /// The period.
        period: i32,
    },
    /// An indicator carries two units of measure.
    #[error(
        "指标“{indicator}”的计量单位不一致：{a} 与 {b} / indicator {indicator} has two units of measure: {a} and {b}"
    )]
    MixedUnits {
        /// The indicator.
        indicator: String,
        /// One unit.
        a: String,
        /// The other.
        b: String,
    },
}

impl StatsError {
    /// The Chinese half of the message.
    pub fn zh(&self) -> String {
        let s = self.to_string();
        s.split(" / ").next().unwrap_or(&s).to_string()
    }

    /// The English half of the message.
    pub fn en(&self) -> String {
        let s = self.to_string();
        s.split_once(" / ").map(|x| x.1.to_string()).unwrap_or(s)
    }
}
