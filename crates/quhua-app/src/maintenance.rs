//! Keeping the database trustworthy: verify the audit log and the data against it (with an
//! anchor kept outside the database), export an anchor, back up and restore. Local-operator
//! use cases; the CLI is their adapter. They take the store (or a database URL), not an
//! [`crate::App`]: they work on a database without a registry, and a restore must not open
//! (and so migrate) its target first.

use crate::access::Actor;
use crate::error::{AppError, AppResult};
use crate::imports::require_operator;
pub use quhua_store::AuditAnchor;
use quhua_store::{ANCHOR_FORMAT, AuditReport, BackupReport, Store};
use std::path::Path;

/// Verifies the chain and the stored content, and the anchor when given.
pub fn audit_verify(
    store: &Store,
    actor: &Actor,
    anchor: Option<&AuditAnchor>,
) -> AppResult<AuditReport> {
    require_operator(actor)?;
    Ok(match anchor {
        Some(a) => store.audit_verify_anchored(a)?,
        None => store.audit_verify()?,
    })
}

/// An anchor of the head, signed with `key` when given; refused (with the report) when the
/// log or the data does not verify: an anchor vouches for what it pins.
pub fn audit_anchor(
    store: &Store,
    actor: &Actor,
    key: Option<&[u8]>,
) -> AppResult<Result<AuditAnchor, AuditReport>> {
    let report = audit_verify(store, actor, None)?;
    if !report.is_ok() {
        return Ok(Err(report));
    }
    let anchor = store.audit_anchor()?;
    Ok(Ok(match key {
        Some(k) => anchor.sign(k),
        None => anchor,
    }))
}

/// Backs the database at `url` up into the new file `to`, verified.
pub fn backup(actor: &Actor, url: &str, to: &Path) -> AppResult<BackupReport> {
    require_operator(actor)?;
    Ok(quhua_store::backup(url, to)?)
}

/// Restores `from` into the database at `url` (replacing data only when `replace`), verified.
pub fn restore(actor: &Actor, from: &Path, url: &str, replace: bool) -> AppResult<BackupReport> {
    require_operator(actor)?;
    Ok(quhua_store::restore(from, url, replace)?)
}

/// The whole audit log, in order.
pub fn audit_log(store: &Store, actor: &Actor) -> AppResult<Vec<quhua_store::AuditRow>> {
    require_operator(actor)?;
    Ok(store.audit_log()?)
}

/// Reads an anchor file's text (`name` names it in errors) and, given a key, checks its
/// signature: an altered anchor, or one signed with another key, is refused.
pub fn read_anchor(name: &str, text: &str, key: Option<&[u8]>) -> AppResult<AuditAnchor> {
    let a: AuditAnchor = serde_json::from_str(text).map_err(|e| {
        AppError::invalid(
            format!("锚点文件 {name} 无法读取：{e}"),
            format!("anchor file {name} cannot be read: {e}"),
        )
    })?;
    if a.format != ANCHOR_FORMAT {
        return Err(AppError::invalid(
            format!("锚点文件 {name} 的格式“{}”不受支持", a.format),
            format!("anchor file {name}: unsupported format \"{}\"", a.format),
        ));
    }
    if let Some(k) = key
        && !a.signed_by(k)
    {
        return Err(AppError::invalid(
            format!("锚点文件 {name} 的签名与密钥不符（被改动或非此密钥签发）"),
            format!(
                "anchor file {name}: the signature does not match the key (altered, or signed with another key)"
            ),
        ));
    }
    Ok(a)
}
