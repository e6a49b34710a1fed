//! The append-only, hash-chained audit log.
//!
//! Row `i` stores `hash_i = SHA-256(bytes(hash_{i-1}) || canonical(row_i))`, where the
//! canonical form is the JSON array `[seq, at, actor, action, entity, before, after]` with
//! `before`/`after` as the exact stored text. `audit_head` keeps the last seq and hash, so a
//! deleted tail is noticed too. Rows are appended inside the transaction of the change they
//! describe; writers are serialised (SQLite `BEGIN IMMEDIATE`, PostgreSQL row lock on the head).

use crate::audit_anchor::{self, AuditAnchor};
use crate::audit_content::{self, StoredContent};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Tx, Val};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;

/// The hash before the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit row as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    /// Sequence number, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What was done (`import`, `record_event`, `scenario_create`, `scenario_update`, `policy_save`).
    pub action: String,
    /// What it was done to (`registry`, `event:12`, `scenario:3`, `policy:name`).
    pub entity: String,
    /// The state before (JSON), if any.
    pub before: Option<String>,
    /// The state after (JSON), if any.
    pub after: Option<String>,
    /// The previous row's hash (hex).
    pub prev_hash: String,
    /// This row's hash (hex).
    pub hash: String,
}

/// The canonical serialisation hashed for a row.
fn canonical(
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    // serde_json of a tuple of plain strings/ints is deterministic.
    serde_json::to_string(&(seq, at, actor, action, entity, before, after)).unwrap_or_default()
}

/// `SHA-256(bytes(prev) || canonical)`, hex. A malformed `prev` hashes as its text bytes.
fn chain_hash(prev: &str, canon: &str) -> String {
    let mut h = Sha256::new();
    match hex::decode(prev) {
        Ok(b) => h.update(&b),
        Err(_) => h.update(prev.as_bytes()),
    }
    h.update(canon.as_bytes());
    hex::encode(h.finalize())
}

impl AuditRow {
    /// The hash this row should carry given its stored `prev_hash` and content.
    pub fn expected_hash(&self) -> String {
        self.expected_hash_at(self.seq)
    }

    fn expected_hash_at(&self, seq: i64) -> String {
        chain_hash(
            &self.prev_hash,
            &canonical(
                seq,
                &self.at,
                &self.actor,
                &self.action,
                &self.entity,
                self.before.as_deref(),
                self.after.as_deref(),
            ),
        )
    }
}

/// One change to record.
pub(crate) struct AuditEntry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Appends a row to the chain inside `tx`. Returns its seq.
pub(crate) fn append(tx: &mut dyn Tx, e: AuditEntry<'_>) -> Result<i64> {
    let head = tx
        .query_opt("SELECT seq, hash FROM audit_head WHERE id = 1", &[])?
        .ok_or_else(|| StoreError::Corrupt("audit_head row missing".into()))?;
    let seq = head[0].int()? + 1;
    let prev = head[1].string()?;
    let at = now_text();
    let hash = chain_hash(
        &prev,
        &canonical(
            seq,
            &at,
            e.actor,
            e.action,
            &e.entity,
            e.before.as_deref(),
            e.after.as_deref(),
        ),
    );
    tx.exec(
        "INSERT INTO audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            Val::Int(seq),
            Val::text(&at),
            Val::text(e.actor),
            Val::text(e.action),
            Val::text(&e.entity),
            Val::opt_text(e.before.as_deref()),
            Val::opt_text(e.after.as_deref()),
            Val::text(&prev),
            Val::text(&hash),
        ],
    )?;
    tx.exec(
        "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
        &[Val::Int(seq), Val::text(&hash)],
    )?;
    Ok(seq)
}

/// Reads the whole log in seq order.
pub(crate) fn read_all(tx: &mut dyn Tx) -> Result<Vec<AuditRow>> {
    tx.query(
        "SELECT seq, at, actor, action, entity, before, after, prev_hash, hash FROM audit_log ORDER BY seq",
        &[],
    )?
    .into_iter()
    .map(|r| {
        Ok(AuditRow {
            seq: r[0].int()?,
            at: r[1].string()?,
            actor: r[2].string()?,
            action: r[3].string()?,
            entity: r[4].string()?,
            before: r[5].opt_string()?,
            after: r[6].opt_string()?,
            prev_hash: r[7].string()?,
            hash: r[8].string()?,
        })
    })
    .collect()
}

/// Something wrong in the audit chain, naming the row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "issue", rename_all = "snake_case")]
pub enum AuditIssue {
    /// The row's content no longer matches its hash (edited).
    Modified {
        /// The row.
        seq: i64,
    },
    /// Rows are missing (deleted): `from..=to`.
    Missing {
        /// First missing seq.
        from: i64,
        /// Last missing seq.
        to: i64,
    },
    /// The row is intact but sits at the wrong place (rows were reordered).
    Reordered {
        /// Where it is now.
        seq: i64,
        /// Where its content belongs, when that can be told.
        original_seq: Option<i64>,
    },
    /// The row does not link to its predecessor's hash (the predecessor was rewritten).
    LinkBroken {
        /// The row.
        seq: i64,
    },
    /// Rows exist after the recorded chain head (appended bypassing the store).
    Unanchored {
        /// The first such row.
        seq: i64,
    },
    /// The chain head disagrees with the last row.
    HeadMismatch {
        /// Seq recorded in the head.
        head_seq: i64,
    },
    /// The stored content differs from what the entity's last audit row recorded (edited in
    /// the database, bypassing the store).
    ContentChanged {
        /// The entity (`scenario:3`, `registry`, `event:12`, `policy:name`).
        entity: String,
        /// Its last audit row.
        seq: i64,
    },
    /// Stored content that no audit row records (written bypassing the store).
    Unaudited {
        /// The entity.
        entity: String,
    },
    /// The log records the entity, the database no longer holds it (deleted directly).
    ContentMissing {
        /// The entity.
        entity: String,
        /// Its last audit row.
        seq: i64,
    },
    /// The anchored row has another hash: the chain up to it was rewritten.
    AnchorMismatch {
        /// The anchored seq.
        seq: i64,
    },
    /// The anchored row is gone: the chain was cut (and its head rewound).
    Truncated {
        /// The anchored seq.
        anchor_seq: i64,
        /// The head's seq now.
        head_seq: i64,
    },
}

impl fmt::Display for AuditIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditIssue::Modified { seq } => write!(
                f,
                "第 {seq} 条审计记录内容被修改 / audit row {seq} was modified"
            ),
            AuditIssue::Missing { from, to } if from == to => {
                write!(
                    f,
                    "第 {from} 条审计记录缺失（被删除） / audit row {from} is missing (deleted)"
                )
            }
            AuditIssue::Missing { from, to } => {
                write!(
                    f,
                    "第 {from}–{to} 条审计记录缺失（被删除） / audit rows {from}–{to} are missing (deleted)"
                )
            }
            AuditIssue::Reordered {
                seq,
                original_seq: Some(o),
            } => write!(
                f,
                "第 {seq} 条审计记录顺序被打乱（原为第 {o} 条） / audit row {seq} is out of order (it was row {o})"
            ),
            AuditIssue::Reordered {
                seq,
                original_seq: None,
            } => {
                write!(
                    f,
                    "第 {seq} 条审计记录顺序被打乱 / audit row {seq} is out of order"
                )
            }
            AuditIssue::LinkBroken { seq } => write!(
                f,
                "第 {seq} 条审计记录与前一条的哈希链断开（前一条被改写） / audit row {seq} does not chain to the previous row (which was rewritten)"
            ),
            AuditIssue::Unanchored { seq } => write!(
                f,
                "第 {seq} 条起的审计记录不在链头记录之内 / audit rows from {seq} on are beyond the recorded chain head"
            ),
            AuditIssue::HeadMismatch { head_seq } => write!(
                f,
                "审计链头（第 {head_seq} 条）与最后一条记录不符 / the audit chain head (row {head_seq}) does not match the last row"
            ),
            AuditIssue::ContentChanged { entity, seq } => write!(
                f,
                "“{entity}”的库中内容与第 {seq} 条审计记录不符（绕过系统被直接修改） / the stored {entity} differs from what audit row {seq} recorded (edited bypassing the store)"
            ),
            AuditIssue::Unaudited { entity } => write!(
                f,
                "“{entity}”没有审计记录（绕过系统写入） / {entity} has no audit row (written bypassing the store)"
            ),
            AuditIssue::ContentMissing { entity, seq } => write!(
                f,
                "第 {seq} 条审计记录的“{entity}”已不在库中（被直接删除） / {entity}, recorded by audit row {seq}, is no longer stored (deleted directly)"
            ),
            AuditIssue::AnchorMismatch { seq } => write!(
                f,
                "第 {seq} 条审计记录的哈希与锚点不符：此前的审计链被改写 / audit row {seq} no longer has the anchored hash: the chain up to it was rewritten"
            ),
            AuditIssue::Truncated {
                anchor_seq,
                head_seq,
            } => write!(
                f,
                "锚点记录到第 {anchor_seq} 条，审计链现只到第 {head_seq} 条：链尾被截断 / the anchor records row {anchor_seq}, the chain now ends at row {head_seq}: its tail was cut"
            ),
        }
    }
}

/// The result of walking the audit chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Rows read.
    pub rows: u64,
    /// The head's seq (last row appended by the store).
    pub head_seq: i64,
    /// The head's hash: anchor it elsewhere (e.g. print it in a signed report) to detect a
    /// wholesale rewrite of the chain.
    pub head_hash: String,
    /// What is wrong, in seq order; empty when the chain is intact.
    pub issues: Vec<AuditIssue>,
}

impl AuditReport {
    /// Whether the chain is intact.
    pub fn is_ok(&self) -> bool {
        self.issues.is_empty()
    }
}

/// Walks the chain and reports every edited, deleted or reordered row, then compares the
/// stored registry, records and policies with what the log recorded
/// ([`crate::audit_content`]), and, given an anchor, checks the anchored row
/// ([`crate::audit_anchor`]). One read transaction: one consistent snapshot.
pub(crate) fn verify(tx: &mut dyn Tx, anchor: Option<&AuditAnchor>) -> Result<AuditReport> {
    let rows = read_all(tx)?;
    let head = tx
        .query_opt("SELECT seq, hash FROM audit_head WHERE id = 1", &[])?
        .ok_or_else(|| StoreError::Corrupt("audit_head row missing".into()))?;
    let (head_seq, head_hash) = (head[0].int()?, head[1].string()?);
    let mut report = check_chain(&rows, head_seq, &head_hash);
    let stored = stored_content(tx)?;
    report
        .issues
        .extend(audit_content::check_records(&rows, &stored));
    let meta = crate::registry_io::read_meta(tx)?;
    let loaded = meta
        .as_ref()
        .map(|_| crate::registry_io::load(tx).map_err(|e| e.to_string()));
    let registry = meta
        .as_ref()
        .zip(loaded.as_ref())
        .map(|(m, l)| audit_content::StoredRegistry {
            registry: match l {
                Ok(Some(reg)) => Ok(reg),
                Ok(None) => Err("no registry".to_string()),
                Err(e) => Err(e.clone()),
            },
            meta_digest: m.content_digest.clone(),
        });
    report
        .issues
        .extend(audit_content::check_registry(&rows, registry));
    let version = tx.query_int("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?;
    let boundaries = if version >= crate::boundaries::SINCE_VERSION {
        crate::boundaries::actual_digests(tx)?
    } else {
        Vec::new()
    };
    report
        .issues
        .extend(audit_content::check_boundaries(&rows, &boundaries));
    if let Some(a) = anchor {
        report
            .issues
            .extend(audit_anchor::check_anchor(&rows, head_seq, a));
    }
    Ok(report)
}

/// Every record and policy, as the content check compares them.
fn stored_content(tx: &mut dyn Tx) -> Result<Vec<StoredContent>> {
    let mut out = Vec::new();
    tx.query_each(
        "SELECT kind, id, version, body FROM records ORDER BY kind, id",
        &[],
        &mut |r| {
            out.push(StoredContent {
                entity: format!("{}:{}", r[0].str()?, r[1].int()?),
                version: r[2].int()?,
                body: r[3].string()?,
            });
            Ok(())
        },
    )?;
    tx.query_each(
        "SELECT name, version, body FROM policies ORDER BY name",
        &[],
        &mut |r| {
            out.push(StoredContent {
                entity: format!("policy:{}", r[0].str()?),
                version: r[1].int()?,
                body: r[2].string()?,
            });
            Ok(())
        },
    )?;
    Ok(out)
}

/// The pure chain check (see [`verify`]).
pub fn check_chain(rows: &[AuditRow], head_seq: i64, head_hash: &str) -> AuditReport {
    let by_hash: HashMap<&str, i64> = rows.iter().map(|r| (r.hash.as_str(), r.seq)).collect();
    let max_seq = rows.last().map_or(0, |r| r.seq);
    let mut issues = Vec::new();
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_string();
    // A row after a moved row does not link to it; that is the move, not a second finding.
    let mut prev_moved = false;
    for r in rows {
        let issues_before = issues.len();
        let gap = r.seq > expected_seq;
        if gap {
            issues.push(AuditIssue::Missing {
                from: expected_seq,
                to: r.seq - 1,
            });
        }
        let linked = r.prev_hash == prev_hash;
        let intact = r.expected_hash() == r.hash;
        if !linked && !gap && !prev_moved {
            // Does this row's predecessor sit elsewhere (rows moved), or was it rewritten?
            match by_hash.get(r.prev_hash.as_str()) {
                Some(_) => {
                    let original = if intact {
                        None
                    } else {
                        (1..=max_seq.max(r.seq)).find(|s| r.expected_hash_at(*s) == r.hash)
                    };
                    issues.push(AuditIssue::Reordered {
                        seq: r.seq,
                        original_seq: original,
                    });
                    if !intact && original.is_none() {
                        issues.push(AuditIssue::Modified { seq: r.seq });
                    }
                }
                None if r.seq == 1 || intact => issues.push(AuditIssue::LinkBroken { seq: r.seq }),
                None => issues.push(AuditIssue::Modified { seq: r.seq }),
            }
        } else if !intact {
            // Content changed but the link is fine; a moved row whose own seq changed also lands here.
            match (1..=max_seq).find(|s| *s != r.seq && r.expected_hash_at(*s) == r.hash) {
                Some(o) => issues.push(AuditIssue::Reordered {
                    seq: r.seq,
                    original_seq: Some(o),
                }),
                None => issues.push(AuditIssue::Modified { seq: r.seq }),
            }
        }
        prev_moved = issues[issues_before..]
            .iter()
            .any(|i| matches!(i, AuditIssue::Reordered { .. }));
        expected_seq = r.seq + 1;
        prev_hash = r.hash.clone();
    }
    let last_seq = rows.last().map_or(0, |r| r.seq);
    let last_hash = rows.last().map_or(GENESIS_HASH, |r| r.hash.as_str());
    if head_seq > last_seq {
        issues.push(AuditIssue::Missing {
            from: last_seq + 1,
            to: head_seq,
        });
    } else if head_seq < last_seq {
        issues.push(AuditIssue::Unanchored { seq: head_seq + 1 });
    } else if head_hash != last_hash {
        issues.push(AuditIssue::HeadMismatch { head_seq });
    }
    AuditReport {
        rows: rows.len() as u64,
        head_seq,
        head_hash: head_hash.to_string(),
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRow> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let mut r = AuditRow {
                    seq,
                    at: format!("2026-01-01T00:00:0{seq}Z"),
                    actor: "tester".into(),
                    action: "scenario_update".into(),
                    entity: "scenario:1".into(),
                    before: Some(format!("{{\"v\":{seq}}}")),
                    after: None,
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                r.hash = r.expected_hash();
                prev = r.hash.clone();
                r
            })
            .collect()
    }

    fn check(rows: &[AuditRow], full: &[AuditRow]) -> Vec<AuditIssue> {
        let last = full.last().unwrap();
        check_chain(rows, last.seq, &last.hash).issues
    }

    #[test]
    fn intact_chain_passes() {
        let c = chain(5);
        assert!(check(&c, &c).is_empty());
    }

    #[test]
    fn names_the_edited_deleted_and_moved_rows() {
        let c = chain(6);
        let mut edited = c.clone();
        edited[2].actor = "mallory".into();
        assert_eq!(check(&edited, &c), vec![AuditIssue::Modified { seq: 3 }]);

        let mut deleted = c.clone();
        deleted.remove(3);
        assert_eq!(
            check(&deleted, &c),
            vec![AuditIssue::Missing { from: 4, to: 4 }]
        );

        let mut tail = c.clone();
        tail.pop();
        assert_eq!(
            check(&tail, &c),
            vec![AuditIssue::Missing { from: 6, to: 6 }]
        );

        // Swap the contents of rows 2 and 3 (seq numbers stay in place).
        let mut swapped = c.clone();
        let (a, b) = (swapped[1].clone(), swapped[2].clone());
        swapped[1] = AuditRow { seq: 2, ..b };
        swapped[2] = AuditRow { seq: 3, ..a };
        let issues = check(&swapped, &c);
        assert!(
            issues.contains(&AuditIssue::Reordered {
                seq: 2,
                original_seq: Some(3)
            }),
            "{issues:?}"
        );
        assert!(
            issues.contains(&AuditIssue::Reordered {
                seq: 3,
                original_seq: Some(2)
            }),
            "{issues:?}"
        );
        assert_eq!(
            AuditIssue::Modified { seq: 3 }.to_string(),
            "第 3 条审计记录内容被修改 / audit row 3 was modified"
        );
    }
}
