//! Anchors: the chain head written down outside the database.
//!
//! Whoever can write to the database can rewrite the whole chain consistently, or cut its tail
//! and rewind the head; the chain alone cannot tell. An anchor — the seq and hash of a row,
//! exported with `quhua audit anchor` and kept elsewhere (printed in the archive, sent to the
//! city) — can: `audit verify --anchor` checks that the row is still there with the same hash.
//! With a key (HMAC-SHA256), the anchor file itself cannot be forged by someone without it.

use crate::audit::{AuditIssue, AuditRow};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The anchor file's format tag.
pub const ANCHOR_FORMAT: &str = "quhua-audit-anchor/1";

/// A chain head written down outside the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditAnchor {
    /// Always [`ANCHOR_FORMAT`].
    pub format: String,
    /// The anchored row's seq (the head when taken).
    pub seq: i64,
    /// Its hash (hex).
    pub hash: String,
    /// When the anchor was taken (RFC 3339, UTC).
    pub taken_at: String,
    /// HMAC-SHA256 (hex) of [`AuditAnchor::message`] under the anchor key, when signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

impl AuditAnchor {
    /// An unsigned anchor of `seq`/`hash`.
    pub fn new(seq: i64, hash: &str, taken_at: &str) -> AuditAnchor {
        AuditAnchor {
            format: ANCHOR_FORMAT.into(),
            seq,
            hash: hash.into(),
            taken_at: taken_at.into(),
            signature: None,
        }
    }

    /// The signed text: format, seq, hash and time, one per line.
    pub fn message(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n",
            self.format, self.seq, self.hash, self.taken_at
        )
    }

    /// Signs the anchor with `key`.
    pub fn sign(mut self, key: &[u8]) -> AuditAnchor {
        self.signature = Some(hex::encode(hmac_sha256(key, self.message().as_bytes())));
        self
    }

    /// Whether the signature is that of `key` (false when unsigned).
    pub fn signed_by(&self, key: &[u8]) -> bool {
        let want = hex::encode(hmac_sha256(key, self.message().as_bytes()));
        self.signature.as_deref().is_some_and(|s| {
            // Constant-time comparison of equal-length hex strings.
            s.len() == want.len()
                && s.bytes()
                    .zip(want.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        })
    }

    /// The printable form, for the archive: what to compare by eye.
    pub fn printable(&self) -> String {
        let sig = self.signature.as_deref().unwrap_or("（未签名 / unsigned）");
        format!(
            "quhua 审计日志锚点 / audit log anchor\n\
             记录序号 / row seq:    {}\n\
             哈希 / hash:           {}\n\
             时间 / taken at:       {}\n\
             签名 / signature:      {}\n",
            self.seq, self.hash, self.taken_at, sig
        )
    }
}

/// What the log says about an anchor: the anchored row is there with the same hash, or the
/// chain was rewritten (different hash) or cut (the row is gone).
pub fn check_anchor(rows: &[AuditRow], head_seq: i64, anchor: &AuditAnchor) -> Vec<AuditIssue> {
    match rows.iter().find(|r| r.seq == anchor.seq) {
        Some(r) if r.hash == anchor.hash => Vec::new(),
        Some(_) => vec![AuditIssue::AnchorMismatch { seq: anchor.seq }],
        None => vec![AuditIssue::Truncated {
            anchor_seq: anchor.seq,
            head_seq,
        }],
    }
}

/// HMAC-SHA256 (RFC 2104).
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| k.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231, test cases 1, 2 and 6 (a key longer than the block).
    #[test]
    fn hmac_matches_rfc_4231() {
        assert_eq!(
            hex::encode(hmac_sha256(&[0x0b; 20], b"Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        assert_eq!(
            hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex::encode(hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn a_signature_binds_every_field() {
        let a = AuditAnchor::new(7, "ab12", "2026-12-02T10:00:00Z").sign(b"k");
        assert!(a.signed_by(b"k"));
        assert!(!a.signed_by(b"other"));
        for forged in [
            AuditAnchor {
                seq: 8,
                ..a.clone()
            },
            AuditAnchor {
                hash: "ab13".into(),
                ..a.clone()
            },
            AuditAnchor {
                taken_at: "2026-12-03T10:00:00Z".into(),
                ..a.clone()
            },
            AuditAnchor {
                signature: None,
                ..a.clone()
            },
        ] {
            assert!(!forged.signed_by(b"k"), "{forged:?}");
        }
    }
}
