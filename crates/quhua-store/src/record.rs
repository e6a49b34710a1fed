//! One generic versioned, audited record that scenarios, plans and the registers share.
//!
//! A record has a kind (one per register), an id numbered per kind, the division code it
//! belongs to (so a jurisdiction filter runs in SQL), a name, a typed body stored as JSON and
//! a version for optimistic concurrency: every update names the version it read, and
//! `UPDATE … WHERE kind = ? AND id = ? AND version = ?` changing no row means someone else got
//! there first — [`StoreError::Conflict`] then carries the body now stored. Every create and
//! update appends its audit row in the same transaction.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A type stored as a versioned record.
pub trait RecordKind: Serialize + DeserializeOwned {
    /// The kind's identifier in the `records` table and the audit log (`scenario`, `plan` …).
    const KIND: &'static str;
    /// What the kind is called, in Chinese and English (for messages).
    const LABEL: (&'static str, &'static str);

    /// The division code the record belongs to (a county's 6 digits, usually).
    fn county(&self) -> &str;

    /// The record's display name.
    fn name(&self) -> &str;

    /// Reads a stored body (JSON; a kind may accept older formats too).
    fn decode(text: &str) -> std::result::Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// A stored record with its metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<T> {
    /// Id within its kind.
    pub id: i64,
    /// The division code it belongs to.
    pub county: String,
    /// Name.
    pub name: String,
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
    /// The typed body.
    pub body: T,
}

const COLS: &str =
    "id, county, name, body, version, created_by, created_at, updated_by, updated_at";

fn decode<T: RecordKind>(r: &Row) -> Result<Record<T>> {
    let id = r[0].int()?;
    let body = T::decode(r[3].str()?)
        .map_err(|e| StoreError::Corrupt(format!("stored {} {id} is unreadable: {e}", T::KIND)))?;
    Ok(Record {
        id,
        county: r[1].string()?,
        name: r[2].string()?,
        body,
        version: r[4].int()?,
        created_by: r[5].string()?,
        created_at: r[6].string()?,
        updated_by: r[7].string()?,
        updated_at: r[8].string()?,
    })
}

fn not_found<T: RecordKind>(id: i64) -> StoreError {
    StoreError::not_found(
        format!("{} {id}", T::LABEL.0),
        format!("{} {id}", T::LABEL.1),
    )
}

/// Checks a jurisdiction prefix (digits only, so it is safe inside `LIKE`).
fn prefix_pattern(prefix: &str) -> Result<String> {
    if !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::rejected(
            format!("辖区“{prefix}”应为数字代码前缀"),
            format!("jurisdiction \"{prefix}\" must be a numeric code prefix"),
        ));
    }
    Ok(format!("{prefix}%"))
}

/// Inserts a record's row at version 1 and returns the body's text.
fn insert<T: RecordKind>(tx: &mut dyn Tx, id: i64, body: &T, actor: &str) -> Result<String> {
    let text = serde_json::to_string(body)?;
    let now = now_text();
    tx.exec(
        "INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at, seq) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $6, $7, (SELECT seq + 1 FROM audit_head WHERE id = 1))",
        &[
            Val::text(T::KIND),
            Val::Int(id),
            Val::text(body.county()),
            Val::text(body.name()),
            Val::text(&text),
            Val::text(actor),
            Val::text(&now),
        ],
    )?;
    Ok(text)
}

/// Creates a record (version 1); returns its id.
pub(crate) fn create<T: RecordKind>(tx: &mut dyn Tx, body: &T, actor: &str) -> Result<i64> {
    let id = tx.query_int(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM records WHERE kind = $1",
        &[Val::text(T::KIND)],
    )?;
    let text = insert(tx, id, body, actor)?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: &format!("{}_create", T::KIND),
            entity: format!("{}:{id}", T::KIND),
            before: None,
            after: Some(
                serde_json::json!({"name": body.name(), "county": body.county(), "version": 1, "body": text})
                    .to_string(),
            ),
        },
    )?;
    Ok(id)
}

/// Creates a record under a chosen id (version 1), e.g. a plan's handover under the plan's id;
/// refused when the id is taken.
pub(crate) fn create_at<T: RecordKind>(
    tx: &mut dyn Tx,
    id: i64,
    body: &T,
    intent: &serde_json::Value,
    actor: &str,
) -> Result<i64> {
    if raw_version(tx, T::KIND, id)?.is_some() {
        return Err(StoreError::rejected(
            format!("{} {id} 已存在", T::LABEL.0),
            format!("{} {id} already exists", T::LABEL.1),
        ));
    }
    let text = insert(tx, id, body, actor)?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: &format!("{}_create", T::KIND),
            entity: format!("{}:{id}", T::KIND),
            before: None,
            after: Some(summary(1, &text, intent)),
        },
    )?;
    Ok(id)
}

/// The audit text of a large record's change: its version, the SHA-256 of the body stored and
/// what was done (the intent), instead of the whole body.
fn summary(version: i64, text: &str, intent: &serde_json::Value) -> String {
    use sha2::{Digest, Sha256};
    let sha = hex::encode(Sha256::digest(text.as_bytes()));
    serde_json::json!({"version": version, "sha256": sha, "bytes": text.len(), "intent": intent})
        .to_string()
}

/// Like [`update`], for records too large to copy into the audit log whole (a handover with a
/// 45万-item ledger): the audit row holds the versions, the new body's SHA-256 and the intent.
pub(crate) fn update_summarised<T: RecordKind>(
    tx: &mut dyn Tx,
    id: i64,
    expected_version: i64,
    body: &T,
    intent: &serde_json::Value,
    actor: &str,
) -> Result<i64> {
    let current = raw_version(tx, T::KIND, id)?.ok_or_else(|| not_found::<T>(id))?;
    if current != expected_version {
        let body = raw(tx, T::KIND, id)?.map(|r| r.0).unwrap_or_default();
        return Err(StoreError::Conflict {
            id,
            current_version: current,
            current_body: body,
        });
    }
    let text = serde_json::to_string(body)?;
    let changed = tx.exec(
        "UPDATE records SET body = $4, name = $5, version = version + 1, updated_by = $6, updated_at = $7, \
         seq = (SELECT seq + 1 FROM audit_head WHERE id = 1) WHERE kind = $1 AND id = $2 AND version = $3",
        &[
            Val::text(T::KIND),
            Val::Int(id),
            Val::Int(expected_version),
            Val::text(&text),
            Val::text(body.name()),
            Val::text(actor),
            Val::owned(now_text()),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict {
            id,
            current_version: current,
            current_body: String::new(),
        });
    }
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: &format!("{}_update", T::KIND),
            entity: format!("{}:{id}", T::KIND),
            before: Some(serde_json::json!({"version": expected_version}).to_string()),
            after: Some(summary(expected_version + 1, &text, intent)),
        },
    )?;
    Ok(expected_version + 1)
}

/// A record's version, without reading its body.
pub(crate) fn raw_version(tx: &mut dyn Tx, kind: &str, id: i64) -> Result<Option<i64>> {
    tx.query_opt(
        "SELECT version FROM records WHERE kind = $1 AND id = $2",
        &[Val::text(kind), Val::Int(id)],
    )?
    .map(|r| r[0].int())
    .transpose()
}

/// Appends an audit row for a read of protected data (personal data of cadres).
pub(crate) fn log_read(
    tx: &mut dyn Tx,
    actor: &str,
    action: &str,
    entity: String,
    what: &str,
) -> Result<()> {
    audit::append(
        tx,
        AuditEntry {
            actor,
            action,
            entity,
            before: None,
            after: Some(serde_json::json!({"read": what}).to_string()),
        },
    )
    .map(|_| ())
}

/// Replaces a record's body if it is still at `expected_version`; returns the new version.
/// `action` names the change in the audit log (`plan_update`, `plan_apply` …).
pub(crate) fn update<T: RecordKind>(
    tx: &mut dyn Tx,
    id: i64,
    expected_version: i64,
    body: &T,
    action: &str,
    actor: &str,
) -> Result<i64> {
    // Writers are serialised (see audit), so this read sees the row the UPDATE will test.
    let before = raw(tx, T::KIND, id)?.ok_or_else(|| not_found::<T>(id))?;
    let text = serde_json::to_string(body)?;
    let changed = tx.exec(
        "UPDATE records SET body = $4, name = $5, version = version + 1, updated_by = $6, updated_at = $7, \
         seq = (SELECT seq + 1 FROM audit_head WHERE id = 1) WHERE kind = $1 AND id = $2 AND version = $3",
        &[
            Val::text(T::KIND),
            Val::Int(id),
            Val::Int(expected_version),
            Val::text(&text),
            Val::text(body.name()),
            Val::text(actor),
            Val::owned(now_text()),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict {
            id,
            current_version: before.1,
            current_body: before.0,
        });
    }
    audit::append(
        tx,
        AuditEntry {
            actor,
            action,
            entity: format!("{}:{id}", T::KIND),
            before: Some(serde_json::json!({"version": before.1, "body": before.0}).to_string()),
            after: Some(
                serde_json::json!({"version": expected_version + 1, "body": text}).to_string(),
            ),
        },
    )?;
    Ok(expected_version + 1)
}

/// The stored body text and version of a record.
fn raw(tx: &mut dyn Tx, kind: &str, id: i64) -> Result<Option<(String, i64)>> {
    tx.query_opt(
        "SELECT body, version FROM records WHERE kind = $1 AND id = $2",
        &[Val::text(kind), Val::Int(id)],
    )?
    .map(|r| Ok((r[0].string()?, r[1].int()?)))
    .transpose()
}

/// One record.
pub(crate) fn get<T: RecordKind>(tx: &mut dyn Tx, id: i64) -> Result<Option<Record<T>>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM records WHERE kind = $1 AND id = $2"),
        &[Val::text(T::KIND), Val::Int(id)],
    )?
    .map(|r| decode(&r))
    .transpose()
}

/// The records of a kind whose division code starts with `prefix` (`""`: all), by id.
pub(crate) fn list<T: RecordKind>(tx: &mut dyn Tx, prefix: &str) -> Result<Vec<Record<T>>> {
    let pattern = prefix_pattern(prefix)?;
    tx.query(
        &format!("SELECT {COLS} FROM records WHERE kind = $1 AND county LIKE $2 ORDER BY id"),
        &[Val::text(T::KIND), Val::text(&pattern)],
    )?
    .iter()
    .map(decode)
    .collect()
}

/// The last change to any record of a kind: the audit sequence number its create or update
/// was stamped with (0 when there is none, or only records written before the stamp existed).
/// Writers are serialised, so every change numbered up to it has been committed.
pub(crate) fn last_change<T: RecordKind>(tx: &mut dyn Tx) -> Result<i64> {
    tx.query_int(
        "SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM records WHERE kind = $1",
        &[Val::text(T::KIND)],
    )
}

/// The records of a kind within a jurisdiction created or updated after change `since` (see
/// [`last_change`]), by id — or none when more than `limit` did (reading everything is then
/// cheaper). The query walks the `(kind, seq)` index in change order and stops after `limit`
/// rows, which also keeps PostgreSQL from a full scan: it cannot know that a kind's recent
/// changes are few when another kind's records were written after them.
pub(crate) fn changed_since<T: RecordKind>(
    tx: &mut dyn Tx,
    prefix: &str,
    since: i64,
    limit: usize,
) -> Result<Option<Vec<Record<T>>>> {
    let pattern = prefix_pattern(prefix)?;
    let rows = tx.query(
        &format!(
            "SELECT {COLS} FROM records WHERE kind = $1 AND seq > $2 AND county LIKE $3 \
             ORDER BY seq LIMIT $4"
        ),
        &[
            Val::text(T::KIND),
            Val::Int(since),
            Val::text(&pattern),
            Val::Int(i64::try_from(limit).unwrap_or(i64::MAX - 1) + 1),
        ],
    )?;
    if rows.len() > limit {
        return Ok(None);
    }
    let mut records = rows
        .iter()
        .map(decode)
        .collect::<Result<Vec<Record<T>>>>()?;
    records.sort_by_key(|r| r.id);
    Ok(Some(records))
}

/// The record of a kind with this name (the follow-up registers store a task's, risk's or
/// feedback item's stable text id as the name), if any.
pub(crate) fn find_by_name<T: RecordKind>(
    tx: &mut dyn Tx,
    name: &str,
) -> Result<Option<Record<T>>> {
    tx.query_opt(
        &format!("SELECT {COLS} FROM records WHERE kind = $1 AND name = $2 ORDER BY id LIMIT 1"),
        &[Val::text(T::KIND), Val::text(name)],
    )?
    .map(|r| decode(&r))
    .transpose()
}

/// A stamp of the records of a kind within a jurisdiction: how many there are and the sum of
/// their versions. Records are never deleted and every update adds one to a version, so the
/// stamp changes with every create and update — a cache keyed by it is never stale.
pub(crate) fn stamp<T: RecordKind>(tx: &mut dyn Tx, prefix: &str) -> Result<(i64, i64)> {
    let pattern = prefix_pattern(prefix)?;
    let row = tx.query_opt(
        "SELECT COUNT(*), CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM records WHERE kind = $1 AND county LIKE $2",
        &[Val::text(T::KIND), Val::text(&pattern)],
    )?;
    match row {
        Some(r) => Ok((r[0].int()?, r[1].int()?)),
        None => Ok((0, 0)),
    }
}

/// Creates many records of a kind (version 1 each) in the caller's transaction; each gets an
/// audit row with its body's SHA-256 and `intent`. Returns the ids, in order.
pub(crate) fn create_many<T: RecordKind>(
    tx: &mut dyn Tx,
    bodies: &[T],
    intent: &serde_json::Value,
    actor: &str,
) -> Result<Vec<i64>> {
    let first = tx.query_int(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM records WHERE kind = $1",
        &[Val::text(T::KIND)],
    )?;
    let mut ids = Vec::with_capacity(bodies.len());
    for (i, body) in bodies.iter().enumerate() {
        let id = first + i as i64;
        let text = insert(tx, id, body, actor)?;
        audit::append(
            tx,
            AuditEntry {
                actor,
                action: &format!("{}_create", T::KIND),
                entity: format!("{}:{id}", T::KIND),
                before: None,
                after: Some(summary(1, &text, intent)),
            },
        )?;
        ids.push(id);
    }
    Ok(ids)
}
