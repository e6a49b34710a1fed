//! Imported boundaries: per county and level (township or village), one set of polygons
//! linked to registry units, stored as a whole in one transaction with its audit row, or
//! not at all. A later import of the same county and level replaces the set.

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// The description of one stored set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundarySet {
    /// 6-digit county code.
    pub county: String,
    /// `township` or `village`.
    pub level: String,
    /// File name or label.
    pub source: String,
    /// SHA-256 of the source file.
    pub source_sha256: String,
    /// The registry date the features were linked on (`YYYY-MM-DD`).
    pub as_of: String,
    /// Whether the geometry is schematic (示意).
    pub synthetic: bool,
}

/// A stored set as read back: its description, who imported it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundarySetInfo {
    /// The set.
    pub set: BoundarySet,
    /// Number of features.
    pub features: usize,
    /// SHA-256 of the stored features (see [`content_sha256`]).
    pub content_sha256: String,
    /// Who imported it.
    pub imported_by: String,
    /// When (RFC 3339, UTC).
    pub imported_at: String,
}

/// One unit's polygon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryFeature {
    /// The registry unit id.
    pub unit_id: i64,
    /// The unit's code on the set's date.
    pub code: String,
    /// MultiPolygon coordinates as JSON (`[[[[lon, lat], …]]]`), lon/lat degrees.
    pub geometry: String,
}

/// The SHA-256 the audit row commits to: features in unit-id order, each as
/// `unit_id \t code \t geometry \n`.
pub fn content_sha256(features: &[BoundaryFeature]) -> String {
    let mut sorted: Vec<&BoundaryFeature> = features.iter().collect();
    sorted.sort_by_key(|f| f.unit_id);
    let mut h = Sha256::new();
    for f in sorted {
        h.update(f.unit_id.to_string().as_bytes());
        h.update(b"\t");
        h.update(f.code.as_bytes());
        h.update(b"\t");
        h.update(f.geometry.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

fn check(set: &BoundarySet, features: &[BoundaryFeature]) -> Result<()> {
    if set.level != "township" && set.level != "village" {
        return Err(StoreError::invalid(
            format!("边界层级应为 township 或 village，而不是“{}”", set.level),
            format!(
                "the boundary level must be township or village, not \"{}\"",
                set.level
            ),
        ));
    }
    if features.is_empty() {
        return Err(StoreError::invalid(
            "边界文件没有要素",
            "the boundary file has no features",
        ));
    }
    let mut seen = HashSet::new();
    for f in features {
        if !seen.insert(f.unit_id) {
            return Err(StoreError::invalid(
                format!("单位 {} 有两个边界要素", f.code),
                format!("unit {} has two boundary features", f.code),
            ));
        }
    }
    Ok(())
}

/// Replaces the set of `set.county` and `set.level` with `features` inside `tx`, with one
/// audit row committing to the content. Returns how many features the replaced set had.
pub(crate) fn import(
    tx: &mut dyn Tx,
    set: &BoundarySet,
    features: &[BoundaryFeature],
    actor: &str,
) -> Result<usize> {
    check(set, features)?;
    let key = [Val::text(&set.county), Val::text(&set.level)];
    let replaced = tx.exec(
        "DELETE FROM boundaries WHERE county = $1 AND level = $2",
        &key,
    )? as usize;
    tx.exec(
        "DELETE FROM boundary_sets WHERE county = $1 AND level = $2",
        &key,
    )?;
    let now = now_text();
    let content = content_sha256(features);
    tx.exec(
        "INSERT INTO boundary_sets (county, level, source, source_sha256, content_sha256, as_of, \
         features, synthetic, imported_by, imported_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            Val::text(&set.county),
            Val::text(&set.level),
            Val::text(&set.source),
            Val::text(&set.source_sha256),
            Val::text(&content),
            Val::text(&set.as_of),
            Val::Int(features.len() as i64),
            Val::Int(i64::from(set.synthetic)),
            Val::text(actor),
            Val::text(&now),
        ],
    )?;
    let mut rows = features.iter().map(|f| {
        vec![
            Val::text(&set.county),
            Val::text(&set.level),
            Val::Int(f.unit_id),
            Val::text(&f.code),
            Val::text(&f.geometry),
        ]
    });
    tx.bulk_insert(
        "boundaries",
        &["county", "level", "unit_id", "code", "geometry"],
        &mut rows,
    )?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: IMPORT_ACTION,
            entity: entity(&set.county, &set.level),
            before: None,
            after: Some(
                serde_json::json!({
                    "source": set.source, "sha256": set.source_sha256,
                    "content_sha256": content, "as_of": set.as_of,
                    "features": features.len(), "replaced": replaced,
                    "synthetic": set.synthetic,
                })
                .to_string(),
            ),
        },
    )?;
    Ok(replaced)
}

const SET_COLS: &str = "county, level, source, source_sha256, content_sha256, as_of, features, \
                        synthetic, imported_by, imported_at";

fn decode_set(r: &Row) -> Result<BoundarySetInfo> {
    Ok(BoundarySetInfo {
        set: BoundarySet {
            county: r[0].string()?,
            level: r[1].string()?,
            source: r[2].string()?,
            source_sha256: r[3].string()?,
            as_of: r[5].string()?,
            synthetic: r[7].int()? != 0,
        },
        content_sha256: r[4].string()?,
        features: usize::try_from(r[6].int()?).unwrap_or(0),
        imported_by: r[8].string()?,
        imported_at: r[9].string()?,
    })
}

/// The schema version that added the boundary tables.
pub(crate) const SINCE_VERSION: i64 = 10;

/// Removes every stored set (a registry import renumbers the units they refer to), each with
/// its audit row.
pub(crate) fn clear(tx: &mut dyn Tx, actor: &str) -> Result<()> {
    for info in sets(tx)? {
        audit::append(
            tx,
            AuditEntry {
                actor,
                action: CLEAR_ACTION,
                entity: entity(&info.set.county, &info.set.level),
                before: None,
                after: Some(
                    serde_json::json!({"reason": "registry import", "features": info.features})
                        .to_string(),
                ),
            },
        )?;
    }
    tx.clear("boundaries")?;
    tx.clear("boundary_sets")
}

/// The audit action of an import.
pub const IMPORT_ACTION: &str = "boundaries_import";
/// The audit action of a set cleared by a registry import.
pub const CLEAR_ACTION: &str = "boundaries_clear";

/// The audit entity of a set.
pub fn entity(county: &str, level: &str) -> String {
    format!("boundaries:{county}:{level}")
}

/// Each stored set's entity and the SHA-256 of its rows as they are now (for `audit verify`).
pub(crate) fn actual_digests(tx: &mut dyn Tx) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for info in sets(tx)? {
        let features = features_of(tx, &info.set.county, &info.set.level)?;
        out.push((
            entity(&info.set.county, &info.set.level),
            content_sha256(&features),
        ));
    }
    Ok(out)
}

/// The features of one set, by unit id.
fn features_of(tx: &mut dyn Tx, county: &str, level: &str) -> Result<Vec<BoundaryFeature>> {
    tx.query(
        "SELECT unit_id, code, geometry FROM boundaries WHERE county = $1 AND level = $2 \
         ORDER BY unit_id",
        &[Val::text(county), Val::text(level)],
    )?
    .iter()
    .map(|r| {
        Ok(BoundaryFeature {
            unit_id: r[0].int()?,
            code: r[1].string()?,
            geometry: r[2].string()?,
        })
    })
    .collect()
}

/// Every stored set (without features), by county and level.
pub(crate) fn sets(tx: &mut dyn Tx) -> Result<Vec<BoundarySetInfo>> {
    tx.query(
        &format!("SELECT {SET_COLS} FROM boundary_sets ORDER BY county, level"),
        &[],
    )?
    .iter()
    .map(decode_set)
    .collect()
}

/// The stored sets of one county with their features (township before village).
pub(crate) fn of_county(
    tx: &mut dyn Tx,
    county: &str,
) -> Result<Vec<(BoundarySetInfo, Vec<BoundaryFeature>)>> {
    let sets: Vec<BoundarySetInfo> = tx
        .query(
            &format!("SELECT {SET_COLS} FROM boundary_sets WHERE county = $1 ORDER BY level"),
            &[Val::text(county)],
        )?
        .iter()
        .map(decode_set)
        .collect::<Result<_>>()?;
    let mut out = Vec::with_capacity(sets.len());
    for info in sets {
        let features = features_of(tx, county, &info.set.level)?;
        if content_sha256(&features) != info.content_sha256 {
            return Err(StoreError::Corrupt(format!(
                "boundaries of {county} ({}) do not match their recorded digest",
                info.set.level
            )));
        }
        out.push((info, features));
    }
    Ok(out)
}
