//! Import metadata: who imported which file (and its SHA-256), and the stored import records.

use crate::error::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// Identifier of a stored import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ImportId(pub i64);

/// Who imported what: recorded with the import and in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportMeta {
    /// Who (user name).
    pub actor: String,
    /// The source file's name (or a label for a generated list).
    pub source_name: String,
    /// SHA-256 of the source file, hex.
    pub source_sha256: String,
}

impl ImportMeta {
    /// Metadata for an import from in-memory bytes.
    pub fn from_bytes(
        actor: impl Into<String>,
        source_name: impl Into<String>,
        bytes: &[u8],
    ) -> Self {
        ImportMeta {
            actor: actor.into(),
            source_name: source_name.into(),
            source_sha256: hex::encode(Sha256::digest(bytes)),
        }
    }

    /// Metadata for an import from a file: hashes the file (streaming).
    pub fn from_file(actor: impl Into<String>, path: &Path) -> Result<Self> {
        let mut f = std::fs::File::open(path)?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = f.read(&mut buf)?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
        }
        Ok(ImportMeta {
            actor: actor.into(),
            source_name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            source_sha256: hex::encode(h.finalize()),
        })
    }
}

/// A stored import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    /// Id.
    pub id: ImportId,
    /// Who.
    pub actor: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Source file name.
    pub source_name: String,
    /// Source file SHA-256.
    pub source_sha256: String,
    /// Units imported (initial list plus units established by imported events).
    pub unit_count: i64,
    /// Unit versions written.
    pub version_count: i64,
    /// Codes written.
    pub code_count: i64,
    /// Events imported.
    pub event_count: i64,
    /// Units by level (`province`, `city`, `county`, `township`, `village`).
    pub counts: BTreeMap<String, i64>,
    /// SHA-256 of the imported content (see [`crate::content_digest`]).
    pub content_digest: String,
}
