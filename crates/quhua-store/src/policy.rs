//! Named policies (TOML text), validated with `quhua_core::policy::Policy::from_toml` on save.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::{Deserialize, Serialize};

/// A stored policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRecord {
    /// Name (unique).
    pub name: String,
    /// The policy file (TOML), exactly as saved.
    pub body: String,
    /// Version, from 1; every save adds one.
    pub version: i64,
    /// Who saved it last.
    pub updated_by: String,
    /// When (RFC 3339, UTC).
    pub updated_at: String,
}

fn decode(r: &Row) -> Result<PolicyRecord> {
    Ok(PolicyRecord {
        name: r[0].string()?,
        body: r[1].string()?,
        version: r[2].int()?,
        updated_by: r[3].string()?,
        updated_at: r[4].string()?,
    })
}

pub(crate) fn save(tx: &mut dyn Tx, name: &str, toml_text: &str, actor: &str) -> Result<i64> {
    if name.trim().is_empty() {
        return Err(StoreError::invalid(
            "政策名称为空",
            "the policy name is empty",
        ));
    }
    if let Err(e) = quhua_core::policy::Policy::from_toml(toml_text) {
        return Err(StoreError::invalid(
            format!("政策文件无效：{e}"),
            format!("the policy file is invalid: {e}"),
        ));
    }
    let before = get(tx, name)?;
    let version = tx.query_int(
        "INSERT INTO policies (name, body, version, updated_by, updated_at) VALUES ($1, $2, 1, $3, $4) \
         ON CONFLICT (name) DO UPDATE SET body = excluded.body, version = policies.version + 1, \
         updated_by = excluded.updated_by, updated_at = excluded.updated_at RETURNING version",
        &[Val::text(name), Val::text(toml_text), Val::text(actor), Val::owned(now_text())],
    )?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "policy_save",
            entity: format!("policy:{name}"),
            before: before
                .map(|p| serde_json::json!({"version": p.version, "body": p.body}).to_string()),
            after: Some(serde_json::json!({"version": version, "body": toml_text}).to_string()),
        },
    )?;
    Ok(version)
}

pub(crate) fn get(tx: &mut dyn Tx, name: &str) -> Result<Option<PolicyRecord>> {
    tx.query_opt(
        "SELECT name, body, version, updated_by, updated_at FROM policies WHERE name = $1",
        &[Val::text(name)],
    )?
    .map(|r| decode(&r))
    .transpose()
}

pub(crate) fn list(tx: &mut dyn Tx) -> Result<Vec<PolicyRecord>> {
    tx.query(
        "SELECT name, body, version, updated_by, updated_at FROM policies ORDER BY name",
        &[],
    )?
    .iter()
    .map(decode)
    .collect()
}
