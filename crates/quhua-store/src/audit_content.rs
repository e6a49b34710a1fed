//! What the audit log commits to: the content of the registry, of every record and policy.
//!
//! The chain ([`crate::audit`]) proves the log itself was not edited; this check proves the
//! data agrees with the log. Every record (scenario, plan, handover, task …) and policy has the
//! version and body (or the body's SHA-256) of the last audit row that changed it; the
//! registry's initial list and imported events hash to the digest its import row recorded;
//! every later event is the one its `record_event` row recorded. A row edited, inserted or
//! deleted directly in the database, bypassing the store, is named.

use crate::audit::{AuditIssue, AuditRow};
use quhua_core::registry::Registry;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// A stored versioned row (a record or a policy) as the check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredContent {
    /// The audit entity naming it: `scenario:3`, `policy:hebei`.
    pub entity: String,
    /// Its version.
    pub version: i64,
    /// Its body text.
    pub body: String,
}

/// The stored registry as the check sees it.
pub struct StoredRegistry<'a> {
    /// The registry rebuilt from its initial list and events, or why that failed.
    pub registry: std::result::Result<&'a Registry, String>,
    /// The digest kept in `registry_meta`.
    pub meta_digest: String,
}

/// The last content commitment of each entity: its seq and the `after` JSON.
fn commitments(rows: &[AuditRow]) -> BTreeMap<&str, (i64, serde_json::Value)> {
    let mut last = BTreeMap::new();
    for r in rows {
        let Some(after) = r.after.as_deref() else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(after) else {
            continue;
        };
        let versioned = v.get("version").is_some_and(|x| x.is_i64())
            && (v.get("body").is_some() || v.get("sha256").is_some());
        if versioned {
            last.insert(r.entity.as_str(), (r.seq, v));
        }
    }
    last
}

/// Whether `stored` is what the commitment `after` recorded.
fn agrees(stored: &StoredContent, after: &serde_json::Value) -> bool {
    if after.get("version").and_then(|v| v.as_i64()) != Some(stored.version) {
        return false;
    }
    match (after.get("body"), after.get("sha256")) {
        (Some(b), _) => b.as_str() == Some(stored.body.as_str()),
        (None, Some(sha)) => {
            sha.as_str() == Some(hex::encode(Sha256::digest(stored.body.as_bytes())).as_str())
        }
        (None, None) => false,
    }
}

/// Compares every stored record and policy with its last audit row; names the entities whose
/// content differs, that have no audit row, or that the log has and the database lost.
pub fn check_records(rows: &[AuditRow], stored: &[StoredContent]) -> Vec<AuditIssue> {
    let last = commitments(rows);
    let mut issues = Vec::new();
    let mut present = BTreeSet::new();
    for s in stored {
        present.insert(s.entity.as_str());
        match last.get(s.entity.as_str()) {
            None => issues.push(AuditIssue::Unaudited {
                entity: s.entity.clone(),
            }),
            Some((seq, after)) if !agrees(s, after) => issues.push(AuditIssue::ContentChanged {
                entity: s.entity.clone(),
                seq: *seq,
            }),
            Some(_) => {}
        }
    }
    for (entity, (seq, _)) in &last {
        if !present.contains(entity) && !entity.starts_with("event:") {
            issues.push(AuditIssue::ContentMissing {
                entity: entity.to_string(),
                seq: *seq,
            });
        }
    }
    issues
}

/// Compares each stored boundary set — `(entity, SHA-256 of its rows now)` — with its last
/// audit row: an import row commits to the content's SHA-256, a clear row (a registry import)
/// to its absence. Names sets edited, inserted or deleted directly in the database.
pub fn check_boundaries(rows: &[AuditRow], stored: &[(String, String)]) -> Vec<AuditIssue> {
    let mut last: BTreeMap<&str, (i64, Option<String>)> = BTreeMap::new();
    for r in rows {
        if !r.entity.starts_with("boundaries:") {
            continue;
        }
        let committed = match r.action.as_str() {
            crate::boundaries::IMPORT_ACTION => r
                .after
                .as_deref()
                .and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok())
                .and_then(|v| v.get("content_sha256")?.as_str().map(str::to_string))
                .or(Some(String::new())),
            crate::boundaries::CLEAR_ACTION => None,
            _ => continue,
        };
        last.insert(r.entity.as_str(), (r.seq, committed));
    }
    let mut issues = Vec::new();
    let mut present = BTreeSet::new();
    for (entity, actual) in stored {
        present.insert(entity.as_str());
        match last.get(entity.as_str()) {
            None => issues.push(AuditIssue::Unaudited {
                entity: entity.clone(),
            }),
            Some((seq, committed)) if committed.as_deref() != Some(actual.as_str()) => {
                issues.push(AuditIssue::ContentChanged {
                    entity: entity.clone(),
                    seq: *seq,
                })
            }
            Some(_) => {}
        }
    }
    for (entity, (seq, committed)) in &last {
        if committed.is_some() && !present.contains(entity) {
            issues.push(AuditIssue::ContentMissing {
                entity: entity.to_string(),
                seq: *seq,
            });
        }
    }
    issues
}

/// Compares the stored registry with the last import row and the `record_event` rows after it.
pub fn check_registry(rows: &[AuditRow], stored: Option<StoredRegistry<'_>>) -> Vec<AuditIssue> {
    let import = rows
        .iter()
        .rev()
        .find(|r| r.action == "import" && r.entity == "registry");
    let mut issues = Vec::new();
    let (import, stored) = match (import, stored) {
        (None, None) => return issues,
        (None, Some(_)) => {
            issues.push(AuditIssue::Unaudited {
                entity: "registry".into(),
            });
            return issues;
        }
        (Some(r), None) => {
            issues.push(AuditIssue::ContentMissing {
                entity: "registry".into(),
                seq: r.seq,
            });
            return issues;
        }
        (Some(r), Some(s)) => (r, s),
    };
    let after: serde_json::Value = import
        .after
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or_default();
    let digest = after.get("content_digest").and_then(|d| d.as_str());
    let imported_events = after
        .get("event_count")
        .and_then(|n| n.as_u64())
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0);
    let changed = |issues: &mut Vec<AuditIssue>| {
        issues.push(AuditIssue::ContentChanged {
            entity: "registry".into(),
            seq: import.seq,
        })
    };
    let reg = match stored.registry {
        Ok(reg) => reg,
        Err(_) => {
            changed(&mut issues);
            return issues;
        }
    };
    if digest != Some(stored.meta_digest.as_str())
        || digest != Some(crate::registry_io::content_digest_prefix(reg, imported_events).as_str())
    {
        changed(&mut issues);
    }
    // Events recorded after the import, each against its own row.
    let mut recorded: BTreeMap<u64, (i64, &str)> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.seq > import.seq) {
        if r.action == "record_event"
            && let Some(id) = r.entity.strip_prefix("event:").and_then(|n| n.parse().ok())
        {
            recorded.insert(id, (r.seq, r.after.as_deref().unwrap_or("")));
        }
    }
    for e in reg.events().iter().skip(imported_events) {
        let entity = format!("event:{}", e.id.0);
        match recorded.remove(&u64::from(e.id.0)) {
            None => issues.push(AuditIssue::Unaudited { entity }),
            Some((seq, after)) => {
                let logged = serde_json::from_str::<serde_json::Value>(after).ok();
                let now = serde_json::to_value(e).ok();
                if logged.is_none() || logged != now {
                    issues.push(AuditIssue::ContentChanged { entity, seq });
                }
            }
        }
    }
    for (id, (seq, _)) in recorded {
        issues.push(AuditIssue::ContentMissing {
            entity: format!("event:{id}"),
            seq,
        });
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64, entity: &str, after: serde_json::Value) -> AuditRow {
        AuditRow {
            seq,
            at: String::new(),
            actor: "a".into(),
            action: "x_update".into(),
            entity: entity.into(),
            before: None,
            after: Some(after.to_string()),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }

    fn stored(entity: &str, version: i64, body: &str) -> StoredContent {
        StoredContent {
            entity: entity.into(),
            version,
            body: body.into(),
        }
    }

    #[test]
    fn the_last_commitment_is_the_one_compared() {
        let sha = hex::encode(Sha256::digest(b"v2"));
        let rows = [
            row(1, "plan:1", serde_json::json!({"version": 1, "body": "v1"})),
            row(2, "plan:1", serde_json::json!({"read": "personal"})),
            row(
                3,
                "plan:1",
                serde_json::json!({"version": 2, "sha256": sha}),
            ),
            row(
                4,
                "policy:p",
                serde_json::json!({"version": 1, "body": "x"}),
            ),
        ];
        assert!(
            check_records(
                &rows,
                &[stored("plan:1", 2, "v2"), stored("policy:p", 1, "x")]
            )
            .is_empty()
        );
        assert_eq!(
            check_records(
                &rows,
                &[stored("plan:1", 2, "v1"), stored("policy:p", 1, "x")]
            ),
            vec![AuditIssue::ContentChanged {
                entity: "plan:1".into(),
                seq: 3
            }]
        );
        assert_eq!(
            check_records(
                &rows,
                &[stored("plan:1", 1, "v2"), stored("policy:p", 1, "x")]
            ),
            vec![AuditIssue::ContentChanged {
                entity: "plan:1".into(),
                seq: 3
            }]
        );
        assert_eq!(
            check_records(
                &rows,
                &[stored("plan:1", 2, "v2"), stored("task:9", 1, "t")]
            ),
            vec![
                AuditIssue::Unaudited {
                    entity: "task:9".into()
                },
                AuditIssue::ContentMissing {
                    entity: "policy:p".into(),
                    seq: 4
                }
            ]
        );
    }
}
