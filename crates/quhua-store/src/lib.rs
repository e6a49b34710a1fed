//! quhua-store: persistence for quhua, on SQLite (embedded, one file, WAL; the default) or
//! PostgreSQL (multi-user), behind one synchronous interface, [`Store`].
//!
//! What is stored: the registry (initial list, every unit version with `valid_from`/`valid_to`,
//! the code book with validity, change events with their facts as JSON and lineage rows),
//! scenarios with a version number (optimistic concurrency), policies (TOML), imports (who,
//! when, file name and SHA-256, counts), and an append-only, hash-chained audit log written in
//! the same transaction as each change. The schema is migrated on open (`schema_version`).
//!
//! ```no_run
//! # fn main() -> quhua_store::Result<()> {
//! let mut store = quhua_store::Store::open("sqlite:quhua.db")?;
//! if let Some(registry) = store.load_registry()? {
//!     println!("{} units", registry.unit_count());
//! }
//! assert!(store.audit_verify()?.is_ok());
//! # Ok(()) }
//! ```

mod accounts;
mod audit;
mod audit_anchor;
mod audit_content;
mod backup;
mod boundaries;
mod codec;
mod documents;
mod error;
mod import;
mod kinds;
pub mod migrate;
mod observations;
mod policy;
mod pool;
pub mod postgres;
mod record;
mod registry_io;
pub mod sqlite;
mod store;
mod tx;
pub mod url;

pub use accounts::{AccountRow, OrgRow, SessionRow};
pub use audit::{AuditIssue, AuditReport, AuditRow, GENESIS_HASH, check_chain};
pub use audit_anchor::{ANCHOR_FORMAT, AuditAnchor, check_anchor};
pub use audit_content::{StoredContent, StoredRegistry, check_records, check_registry};
pub use backup::{BackupReport, backup, restore};
pub use boundaries::{
    BoundaryFeature, BoundarySet, BoundarySetInfo, content_sha256 as boundary_content_sha256,
};
pub use error::{Result, StoreError};
pub use import::{ImportId, ImportMeta, ImportRecord};
pub use kinds::Filed;
pub use observations::{ObservationImport, ObservationRecord};
pub use policy::PolicyRecord;
pub use record::{Record, RecordKind};
pub use registry_io::content_digest;
pub use store::{Backend, RegistryStamp, Store};
pub use tx::BackendKind;
