//! Plans in the statutory procedure, with optimistic concurrency like scenarios, and the
//! documents attached to their steps (content-addressed by SHA-256).

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Identifier of a stored plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(pub i64);

/// A stored plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRecord {
    /// Id.
    pub id: PlanId,
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// The plan as JSON (`quhua_workflow::procedure::Plan`).
    pub body: String,
    /// Version, from 1.
    pub version: i64,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: String,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: String,
}

const COLS: &str =
    "id, name, county, body, version, created_by, created_at, updated_by, updated_at";

fn decode(r: &Row) -> Result<PlanRecord> {
    Ok(PlanRecord {
        id: PlanId(r[0].int()?),
        name: r[1].string()?,
        county: r[2].string()?,
        body: r[3].string()?,
        version: r[4].int()?,
        created_by: r[5].string()?,
        created_at: r[6].string()?,
        updated_by: r[7].string()?,
        updated_at: r[8].string()?,
    })
}

pub(crate) fn create(
    tx: &mut dyn Tx,
    name: &str,
    county: &str,
    body: &str,
    actor: &str,
) -> Result<(PlanId, i64)> {
    let now = now_text();
    let id = tx.query_int(
        "INSERT INTO plans (name, county, body, version, created_by, created_at, updated_by, updated_at) \
         VALUES ($1, $2, $3, 1, $4, $5, $4, $5) RETURNING id",
        &[Val::text(name), Val::text(county), Val::text(body), Val::text(actor), Val::text(&now)],
    )?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "plan_create",
            entity: format!("plan:{id}"),
            before: None,
            after: Some(
                serde_json::json!({"name": name, "county": county, "version": 1, "body": body})
                    .to_string(),
            ),
        },
    )?;
    Ok((PlanId(id), 1))
}

pub(crate) fn update(
    tx: &mut dyn Tx,
    id: PlanId,
    expected_version: i64,
    body: &str,
    action: &'static str,
    actor: &str,
) -> Result<i64> {
    let current = get(tx, id)?.ok_or_else(|| not_found(id))?;
    let changed = tx.exec(
        "UPDATE plans SET body = $3, version = version + 1, updated_by = $4, updated_at = $5 WHERE id = $1 AND version = $2",
        &[Val::Int(id.0), Val::Int(expected_version), Val::text(body), Val::text(actor), Val::owned(now_text())],
    )?;
    if changed == 0 {
        let now = get(tx, id)?.ok_or_else(|| not_found(id))?;
        return Err(StoreError::Conflict {
            id: id.0,
            current_version: now.version,
            current_body: now.body,
        });
    }
    audit::append(
        tx,
        AuditEntry {
            actor,
            action,
            entity: format!("plan:{}", id.0),
            before: Some(
                serde_json::json!({"version": current.version, "body": current.body}).to_string(),
            ),
            after: Some(
                serde_json::json!({"version": expected_version + 1, "body": body}).to_string(),
            ),
        },
    )?;
    Ok(expected_version + 1)
}

pub(crate) fn get(tx: &mut dyn Tx, id: PlanId) -> Result<Option<PlanRecord>> {
    let rows = tx.query(
        &format!("SELECT {COLS} FROM plans WHERE id = $1"),
        &[Val::Int(id.0)],
    )?;
    rows.first().map(decode).transpose()
}

pub(crate) fn list(tx: &mut dyn Tx) -> Result<Vec<PlanRecord>> {
    tx.query(&format!("SELECT {COLS} FROM plans ORDER BY id"), &[])?
        .iter()
        .map(decode)
        .collect()
}

/// Stores a document's bytes under their SHA-256 (once); returns the hex digest.
pub(crate) fn put_document(
    tx: &mut dyn Tx,
    name: &str,
    bytes: &[u8],
    actor: &str,
) -> Result<String> {
    let sha = hex::encode(Sha256::digest(bytes));
    let exists = tx.query(
        "SELECT sha256 FROM documents WHERE sha256 = $1",
        &[Val::text(&sha)],
    )?;
    if exists.is_empty() {
        tx.exec(
            "INSERT INTO documents (sha256, name, content, added_by, added_at) VALUES ($1, $2, $3, $4, $5)",
            &[Val::text(&sha), Val::text(name), Val::owned(hex::encode(bytes)), Val::text(actor), Val::owned(now_text())],
        )?;
        audit::append(
            tx,
            AuditEntry {
                actor,
                action: "document_add",
                entity: format!("document:{sha}"),
                before: None,
                after: Some(
                    serde_json::json!({"name": name, "sha256": sha, "bytes": bytes.len()})
                        .to_string(),
                ),
            },
        )?;
    }
    Ok(sha)
}

/// A stored document: name and bytes; the bytes are checked against the digest.
pub(crate) fn get_document(tx: &mut dyn Tx, sha: &str) -> Result<Option<(String, Vec<u8>)>> {
    let rows = tx.query(
        "SELECT name, content FROM documents WHERE sha256 = $1",
        &[Val::text(sha)],
    )?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    let bytes = hex::decode(r[1].str()?).map_err(|e| {
        StoreError::rejected(
            format!("文档 {sha} 内容损坏：{e}"),
            format!("document {sha} is corrupt: {e}"),
        )
    })?;
    if hex::encode(Sha256::digest(&bytes)) != sha {
        return Err(StoreError::rejected(
            format!("文档 {sha} 的内容与摘要不符"),
            format!("document {sha} does not match its digest"),
        ));
    }
    Ok(Some((r[0].string()?, bytes)))
}

fn not_found(id: PlanId) -> StoreError {
    StoreError::not_found(format!("报批方案 {}", id.0), format!("plan {}", id.0))
}
