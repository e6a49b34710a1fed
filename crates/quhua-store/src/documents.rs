//! Documents attached to plans and registers, content-addressed by SHA-256: stored once per
//! content, checked against the digest when read back.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Tx, Val};
use sha2::{Digest, Sha256};

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
