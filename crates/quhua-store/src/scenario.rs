//! Scenarios (模拟方案) with optimistic concurrency: every update names the version it read;
//! `UPDATE … SET version = version + 1 … WHERE id = ? AND version = ?` changing no row means
//! someone else got there first, and [`StoreError::Conflict`] carries the current body.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::{Deserialize, Serialize};

/// Identifier of a stored scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ScenarioId(pub i64);

/// A stored scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRecord {
    /// Id.
    pub id: ScenarioId,
    /// Name.
    pub name: String,
    /// The county (6-digit code).
    pub county: String,
    /// The scenario file (its operations), TOML or JSON, exactly as saved.
    pub body: String,
    /// `toml` or `json`.
    pub format: String,
    /// Version, from 1; every update adds one.
    pub version: i64,
    /// Who created it.
    pub created_by: String,
    /// When (RFC 3339, UTC).
    pub created_at: String,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: String,
}

/// `json` when the body looks like a JSON object, else `toml`.
fn format_of(body: &str) -> &'static str {
    if body.trim_start().starts_with('{') {
        "json"
    } else {
        "toml"
    }
}

const COLS: &str =
    "id, name, county, body, format, version, created_by, created_at, updated_by, updated_at";

fn decode(r: &Row) -> Result<ScenarioRecord> {
    Ok(ScenarioRecord {
        id: ScenarioId(r[0].int()?),
        name: r[1].string()?,
        county: r[2].string()?,
        body: r[3].string()?,
        format: r[4].string()?,
        version: r[5].int()?,
        created_by: r[6].string()?,
        created_at: r[7].string()?,
        updated_by: r[8].string()?,
        updated_at: r[9].string()?,
    })
}

pub(crate) fn create(
    tx: &mut dyn Tx,
    name: &str,
    county: &str,
    body: &str,
    actor: &str,
) -> Result<(ScenarioId, i64)> {
    let now = now_text();
    let id = tx.query_int(
        "INSERT INTO scenarios (name, county, body, format, version, created_by, created_at, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, 1, $5, $6, $5, $6) RETURNING id",
        &[
            Val::text(name),
            Val::text(county),
            Val::text(body),
            Val::text(format_of(body)),
            Val::text(actor),
            Val::text(&now),
        ],
    )?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "scenario_create",
            entity: format!("scenario:{id}"),
            before: None,
            after: Some(
                serde_json::json!({"name": name, "county": county, "version": 1, "body": body})
                    .to_string(),
            ),
        },
    )?;
    Ok((ScenarioId(id), 1))
}

pub(crate) fn update(
    tx: &mut dyn Tx,
    id: ScenarioId,
    expected_version: i64,
    body: &str,
    actor: &str,
) -> Result<i64> {
    // Writers are serialised (see audit), so this read sees the row the UPDATE will test.
    let current = get(tx, id)?.ok_or_else(|| not_found(id))?;
    let changed = tx.exec(
        "UPDATE scenarios SET body = $3, format = $4, version = version + 1, updated_by = $5, updated_at = $6 \
         WHERE id = $1 AND version = $2",
        &[
            Val::Int(id.0),
            Val::Int(expected_version),
            Val::text(body),
            Val::text(format_of(body)),
            Val::text(actor),
            Val::owned(now_text()),
        ],
    )?;
    if changed == 0 {
        let now = get(tx, id)?.ok_or_else(|| not_found(id))?;
        return Err(StoreError::Conflict {
            id: id.0,
            current_version: now.version,
            current_body: now.body,
        });
    }
    let new_version = expected_version + 1;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "scenario_update",
            entity: format!("scenario:{}", id.0),
            before: Some(
                serde_json::json!({"version": current.version, "body": current.body}).to_string(),
            ),
            after: Some(serde_json::json!({"version": new_version, "body": body}).to_string()),
        },
    )?;
    Ok(new_version)
}

fn not_found(id: ScenarioId) -> StoreError {
    StoreError::not_found(format!("方案 {}", id.0), format!("scenario {}", id.0))
}

pub(crate) fn get(tx: &mut dyn Tx, id: ScenarioId) -> Result<Option<ScenarioRecord>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM scenarios WHERE id = $1"),
        &[Val::Int(id.0)],
    )?
    .map(|r| decode(&r))
    .transpose()
}

pub(crate) fn list(tx: &mut dyn Tx) -> Result<Vec<ScenarioRecord>> {
    tx.query(&format!("SELECT {COLS} FROM scenarios ORDER BY id"), &[])?
        .iter()
        .map(decode)
        .collect()
}
