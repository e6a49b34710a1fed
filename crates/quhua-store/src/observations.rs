//! Statistics observations: (unit code, indicator, period, value, unit of measure, source),
//! imported as a whole file in one transaction with its audit row, or not at all.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use quhua_core::attr::Amount;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// One stored figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationRecord {
    /// The unit's code (as in force in the period).
    pub code: String,
    /// Indicator key or name.
    pub indicator: String,
    /// Year.
    pub period: i64,
    /// Value (exact fixed-point).
    pub value: Amount,
    /// Unit of measure.
    pub unit: String,
    /// `extensive` / `intensive`, when stated.
    pub nature: Option<String>,
    /// Source (file name or label).
    pub source: String,
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationImport {
    /// Figures stored.
    pub stored: usize,
    /// Of which replaced an earlier figure of the same unit, indicator and period.
    pub replaced: usize,
    /// Indicators.
    pub indicators: Vec<String>,
    /// Periods.
    pub periods: Vec<i64>,
}

const COLS: &str = "code, indicator, period, value, unit, nature, source";

fn decode(r: &Row) -> Result<ObservationRecord> {
    Ok(ObservationRecord {
        code: r[0].string()?,
        indicator: r[1].string()?,
        period: r[2].int()?,
        value: Amount(r[3].int()?),
        unit: r[4].string()?,
        nature: r[5].opt_string()?,
        source: r[6].string()?,
    })
}

pub(crate) fn import(
    tx: &mut dyn Tx,
    rows: &[ObservationRecord],
    source_sha256: &str,
    actor: &str,
) -> Result<ObservationImport> {
    let mut seen = HashSet::new();
    for r in rows {
        if !seen.insert((r.code.as_str(), r.indicator.as_str(), r.period)) {
            return Err(StoreError::rejected(
                format!("{} 的指标“{}” {} 年重复", r.code, r.indicator, r.period),
                format!("duplicate {} for {} in {}", r.indicator, r.code, r.period),
            ));
        }
    }
    let mut replaced = 0usize;
    for r in rows {
        replaced += tx.exec(
            "DELETE FROM observations WHERE code = $1 AND indicator = $2 AND period = $3",
            &[
                Val::text(&r.code),
                Val::text(&r.indicator),
                Val::Int(r.period),
            ],
        )? as usize;
    }
    let now = now_text();
    let mut it = rows.iter().map(|r| {
        vec![
            Val::text(&r.code),
            Val::text(&r.indicator),
            Val::Int(r.period),
            Val::Int(r.value.0),
            Val::text(&r.unit),
            Val::opt_text(r.nature.as_deref()),
            Val::text(&r.source),
            Val::text(source_sha256),
            Val::text(actor),
            Val::text(&now),
        ]
    });
    tx.bulk_insert(
        "observations",
        &[
            "code",
            "indicator",
            "period",
            "value",
            "unit",
            "nature",
            "source",
            "source_sha256",
            "imported_by",
            "imported_at",
        ],
        &mut it,
    )?;
    let indicators: Vec<String> = rows
        .iter()
        .map(|r| r.indicator.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let periods: Vec<i64> = rows
        .iter()
        .map(|r| r.period)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let source = rows.first().map(|r| r.source.clone()).unwrap_or_default();
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "observations_import",
            entity: format!("observations:{source_sha256}"),
            before: None,
            after: Some(
                serde_json::json!({
                    "source": source, "sha256": source_sha256, "stored": rows.len(),
                    "replaced": replaced, "indicators": indicators, "periods": periods,
                })
                .to_string(),
            ),
        },
    )?;
    Ok(ObservationImport {
        stored: rows.len(),
        replaced,
        indicators,
        periods,
    })
}

pub(crate) fn list(tx: &mut dyn Tx, indicator: Option<&str>) -> Result<Vec<ObservationRecord>> {
    let rows = match indicator {
        Some(i) => tx.query(
            &format!(
                "SELECT {COLS} FROM observations WHERE indicator = $1 ORDER BY code, indicator, period"
            ),
            &[Val::text(i)],
        )?,
        None => tx.query(
            &format!("SELECT {COLS} FROM observations ORDER BY code, indicator, period"),
            &[],
        )?,
    };
    rows.iter().map(decode).collect()
}
