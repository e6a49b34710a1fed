//! [`Store`]: one interface over the SQLite and PostgreSQL backends.

use crate::accounts::{self, AccountRow, OrgRow, SessionRow};
use crate::audit::{self, AuditReport, AuditRow};
use crate::boundaries::{self, BoundaryFeature, BoundarySet, BoundarySetInfo};
use crate::documents;
use crate::error::{Result, StoreError};
use crate::import::{ImportId, ImportMeta, ImportRecord};
use crate::observations::{self, ObservationImport, ObservationRecord};
use crate::policy::{self, PolicyRecord};
use crate::postgres::PgStore;
use crate::record::{self, Record, RecordKind};
use crate::registry_io::{self, content_digest};
use crate::sqlite::SqliteStore;
use crate::tx::{BackendKind, Tx};
use crate::url::{self, Target};
use quhua_core::date::Date;
use quhua_core::event::ChangeEvent;
use quhua_core::registry::Registry;
use quhua_core::unit::UnitState;
use std::sync::Arc;

/// A store: SQLite (embedded, the default) or PostgreSQL (multi-user). Every write is one
/// transaction that also appends its audit row; a failure anywhere stores nothing.
///
/// A `Store` is a cheap handle (clone it freely): it holds a connection pool, so concurrent
/// readers do not wait for each other, and writers are serialised by the database.
#[derive(Debug, Clone)]
pub struct Store(Arc<Backend>);

/// See [`Store::registry_stamp`].
pub type RegistryStamp = (i64, i64, String);

/// The two backends.
#[derive(Debug)]
pub enum Backend {
    /// SQLite.
    Sqlite(SqliteStore),
    /// PostgreSQL.
    Postgres(PgStore),
}

impl Store {
    /// Opens a store from a URL (`sqlite:PATH`, a bare path, or `postgres://…`), creating and
    /// migrating the schema as needed.
    pub fn open(url: &str) -> Result<Store> {
        Ok(match url::parse(url)? {
            Target::Sqlite(p) => Store(Arc::new(Backend::Sqlite(SqliteStore::open(&p)?))),
            Target::Postgres(u) => Store(Arc::new(Backend::Postgres(PgStore::open(&u)?))),
        })
    }

    /// Opens a store migrated only up to schema `version` (upgrade tests).
    #[doc(hidden)]
    pub fn open_at_version(url: &str, version: i64) -> Result<Store> {
        Ok(match url::parse(url)? {
            Target::Sqlite(p) => Store(Arc::new(Backend::Sqlite(SqliteStore::open_at_version(
                &p, version,
            )?))),
            Target::Postgres(u) => Store(Arc::new(Backend::Postgres(PgStore::open_at_version(
                &u, version,
            )?))),
        })
    }

    /// Which backend this is.
    pub fn backend(&self) -> BackendKind {
        match &*self.0 {
            Backend::Sqlite(_) => BackendKind::Sqlite,
            Backend::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// The backend itself (for tests and maintenance tools that need the raw connection).
    #[doc(hidden)]
    pub fn raw(&self) -> &Backend {
        &self.0
    }

    /// The applied schema version.
    pub fn schema_version(&self) -> Result<i64> {
        match &*self.0 {
            Backend::Sqlite(s) => s.schema_version(),
            Backend::Postgres(s) => s.schema_version(),
        }
    }

    fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match &*self.0 {
            Backend::Sqlite(s) => s.write(f),
            Backend::Postgres(s) => s.write(f),
        }
    }

    fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match &*self.0 {
            Backend::Sqlite(s) => s.read(f),
            Backend::Postgres(s) => s.read(f),
        }
    }

    /// Replaces (or initialises) the stored registry with `reg` — its initial list, versions,
    /// codes, events and lineage — records the import, and appends one audit row with the
    /// counts, the file's SHA-256 and the content digest. One transaction.
    pub fn save_registry_import(&self, reg: &Registry, meta: &ImportMeta) -> Result<ImportId> {
        // Stored boundaries refer to the old registry's unit ids: they go with it (a store
        // opened at an older schema, in upgrade tests, has no boundary tables yet).
        let with_boundaries = self.schema_version()? >= boundaries::SINCE_VERSION;
        // The digest is computed on the second core while rows are written.
        std::thread::scope(|s| {
            let digest = s.spawn(|| content_digest(reg));
            let run = |tx: &mut dyn Tx| {
                let d = digest.join().map_err(|_| {
                    crate::error::StoreError::Corrupt("digest thread panicked".into())
                })?;
                if with_boundaries {
                    boundaries::clear(tx, &meta.actor)?;
                }
                registry_io::save_import(tx, reg, meta, &d)
            };
            match &*self.0 {
                Backend::Sqlite(st) => st.bulk_write(run),
                Backend::Postgres(st) => st.write(run),
            }
        })
    }

    /// Rebuilds the stored registry (initial list + events → `Registry::from_parts`);
    /// `None` before the first import.
    pub fn load_registry(&self) -> Result<Option<Registry>> {
        self.read(registry_io::load)
    }

    /// Appends one recorded event (from `Registry::apply` on the loaded registry) with its new
    /// unit versions, codes and lineage, and its audit row. One transaction.
    pub fn record_event(&self, event: &ChangeEvent, actor: &str) -> Result<()> {
        self.record_events(std::slice::from_ref(event), actor)
    }

    /// Appends several events, all or none, in one transaction (one audit row each).
    pub fn record_events(&self, events: &[ChangeEvent], actor: &str) -> Result<()> {
        self.write(|tx| registry_io::record_events(tx, events, actor, true).map(|_| ()))
    }

    /// The units in force on `date`, by SQL over `unit_versions` (cross-check of `Registry::as_of`).
    pub fn units_as_of(&self, date: Date) -> Result<Vec<UnitState>> {
        self.read(|tx| registry_io::units_as_of(tx, date))
    }

    /// Creates a versioned record (version 1) with its audit row; returns its id.
    pub fn create<T: RecordKind>(&self, body: &T, actor: &str) -> Result<i64> {
        self.write(|tx| record::create(tx, body, actor))
    }

    /// Replaces a record's body if it is still at `expected_version`; returns the new version,
    /// or [`crate::StoreError::Conflict`] with the current version and body.
    pub fn update<T: RecordKind>(
        &self,
        id: i64,
        expected_version: i64,
        body: &T,
        actor: &str,
    ) -> Result<i64> {
        let action = format!("{}_update", T::KIND);
        self.write(|tx| record::update(tx, id, expected_version, body, &action, actor))
    }

    /// Replaces several records' bodies, each only if still at its expected version, all or
    /// none in one transaction (one audit row each); returns the new versions in order.
    pub fn update_many<T: RecordKind>(
        &self,
        items: &[(i64, i64, &T)],
        actor: &str,
    ) -> Result<Vec<i64>> {
        let action = format!("{}_update", T::KIND);
        self.write(|tx| {
            items
                .iter()
                .map(|(id, version, body)| record::update(tx, *id, *version, *body, &action, actor))
                .collect()
        })
    }

    /// Creates a record under a chosen id (a plan's handover under the plan's id), with an
    /// audit row holding the body's SHA-256 and `intent`; refused when the id is taken.
    pub fn create_at<T: RecordKind>(
        &self,
        id: i64,
        body: &T,
        intent: &serde_json::Value,
        actor: &str,
    ) -> Result<i64> {
        self.write(|tx| record::create_at(tx, id, body, intent, actor))
    }

    /// Replaces a large record's body if it is still at `expected_version` (else
    /// [`crate::StoreError::Conflict`]); the audit row holds the new body's SHA-256 and `intent`
    /// (what was done) rather than both bodies.
    pub fn update_summarised<T: RecordKind>(
        &self,
        id: i64,
        expected_version: i64,
        body: &T,
        intent: &serde_json::Value,
        actor: &str,
    ) -> Result<i64> {
        self.write(|tx| record::update_summarised(tx, id, expected_version, body, intent, actor))
    }

    /// A record's current version, without reading its body (cheap: one key lookup).
    pub fn version_of<T: RecordKind>(&self, id: i64) -> Result<Option<i64>> {
        self.read(|tx| record::raw_version(tx, T::KIND, id))
    }

    /// Logs a read of protected data (a cadre roster) in the audit log.
    pub fn log_read(&self, actor: &str, action: &str, entity: &str, what: &str) -> Result<()> {
        self.write(|tx| record::log_read(tx, actor, action, entity.to_string(), what))
    }

    /// Stores a table of observations in one transaction with its audit row: every figure or
    /// none. A figure of the same unit, indicator and period replaces the stored one.
    pub fn import_observations(
        &self,
        rows: &[ObservationRecord],
        source_sha256: &str,
        actor: &str,
    ) -> Result<ObservationImport> {
        self.write(|tx| observations::import(tx, rows, source_sha256, actor))
    }

    /// Replaces the boundaries of one county and level with `features`, in one transaction
    /// with its audit row (committing to the content): every feature or none. Returns how
    /// many features the replaced set had.
    pub fn import_boundaries(
        &self,
        set: &BoundarySet,
        features: &[BoundaryFeature],
        actor: &str,
    ) -> Result<usize> {
        self.write(|tx| boundaries::import(tx, set, features, actor))
    }

    /// Every stored boundary set (without its features), by county and level.
    pub fn boundary_sets(&self) -> Result<Vec<BoundarySetInfo>> {
        self.read(boundaries::sets)
    }

    /// A county's stored boundary sets with their features (township before village); a set
    /// whose rows no longer match its recorded digest is an error.
    pub fn boundaries(&self, county: &str) -> Result<Vec<(BoundarySetInfo, Vec<BoundaryFeature>)>> {
        self.read(|tx| boundaries::of_county(tx, county))
    }

    /// Stored observations (of one indicator, or all), by code, indicator and period.
    pub fn observations(&self, indicator: Option<&str>) -> Result<Vec<ObservationRecord>> {
        self.read(|tx| observations::list(tx, indicator))
    }

    /// One record.
    pub fn get<T: RecordKind>(&self, id: i64) -> Result<Option<Record<T>>> {
        self.read(|tx| record::get(tx, id))
    }

    /// The records of a kind within a jurisdiction (a division-code prefix; `""` for all), by
    /// id. The filter runs in SQL.
    pub fn list<T: RecordKind>(&self, jurisdiction: &str) -> Result<Vec<Record<T>>> {
        self.read(|tx| record::list(tx, jurisdiction))
    }

    /// The record of a kind with this name (a task's, risk's or feedback item's text id).
    pub fn find_by_name<T: RecordKind>(&self, name: &str) -> Result<Option<Record<T>>> {
        self.read(|tx| record::find_by_name(tx, name))
    }

    /// The last change to any record of a kind (an audit sequence number; 0 when none). Every
    /// change numbered up to it is committed, so a cache that has read everything up to it
    /// asks [`Store::changed_since`] for the rest.
    pub fn last_change<T: RecordKind>(&self) -> Result<i64> {
        self.read(|tx| record::last_change::<T>(tx))
    }

    /// The records of a kind within a jurisdiction created or updated after change `since`,
    /// by id — one short index range however many records the jurisdiction holds — or none
    /// when more than `limit` changed.
    pub fn changed_since<T: RecordKind>(
        &self,
        jurisdiction: &str,
        since: i64,
        limit: usize,
    ) -> Result<Option<Vec<Record<T>>>> {
        self.read(|tx| record::changed_since(tx, jurisdiction, since, limit))
    }

    /// A stamp of the records of a kind within a jurisdiction: their count and version sum
    /// (it changes with every create and update: records are never deleted).
    pub fn stamp<T: RecordKind>(&self, jurisdiction: &str) -> Result<(i64, i64)> {
        self.read(|tx| record::stamp::<T>(tx, jurisdiction))
    }

    /// Stores the organisations not stored yet and creates the records, all or none, in one
    /// transaction (each record with its audit row holding its SHA-256 and `intent`); returns
    /// the new records' ids. Refused when a record of the kind already has one of the names.
    pub fn create_many<T: RecordKind>(
        &self,
        orgs: &[OrgRow],
        bodies: &[T],
        intent: &serde_json::Value,
        actor: &str,
    ) -> Result<Vec<i64>> {
        self.write(|tx| {
            for b in bodies {
                if record::find_by_name::<T>(tx, b.name())?.is_some() {
                    return Err(StoreError::invalid(
                        format!("{}“{}”已存在", T::LABEL.0, b.name()),
                        format!("{} \"{}\" already exists", T::LABEL.1, b.name()),
                    ));
                }
            }
            accounts::add_organisations(tx, orgs, actor)?;
            record::create_many(tx, bodies, intent, actor)
        })
    }

    /// Records a plan's events in the registry and its new body, in one transaction: the
    /// apply of an approved scheme either lands whole or not at all.
    pub fn apply_plan<T: RecordKind>(
        &self,
        id: i64,
        expected_version: i64,
        body: &T,
        events: &[ChangeEvent],
        actor: &str,
    ) -> Result<i64> {
        let action = format!("{}_apply", T::KIND);
        self.write(|tx| {
            registry_io::record_events(tx, events, actor, true)?;
            record::update(tx, id, expected_version, body, &action, actor)
        })
    }

    /// Stores a document (once per content); returns its SHA-256.
    pub fn put_document(&self, name: &str, bytes: &[u8], actor: &str) -> Result<String> {
        self.write(|tx| documents::put_document(tx, name, bytes, actor))
    }

    /// A stored document by SHA-256: its name and bytes (checked against the digest).
    pub fn get_document(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>> {
        self.read(|tx| documents::get_document(tx, sha256))
    }

    /// A stamp that changes whenever the stored registry or its boundaries do (an import, a
    /// recorded event, a boundary import): `(last import id, last event id, latest boundary
    /// set)`. Cheap (primary-key lookups on small tables), so a server can poll it to notice
    /// writes made by another process.
    pub fn registry_stamp(&self) -> Result<RegistryStamp> {
        self.read(|tx| {
            let r = tx
                .query_opt(
                    "SELECT COALESCE((SELECT MAX(id) FROM imports), 0), COALESCE((SELECT MAX(id) FROM events), -1), \
                     COALESCE((SELECT MAX(imported_at || content_sha256) FROM boundary_sets), '')",
                    &[],
                )?
                .ok_or_else(|| crate::error::StoreError::Corrupt("no registry stamp".into()))?;
            Ok((r[0].int()?, r[1].int()?, r[2].string()?))
        })
    }

    /// Creates an account (password already hashed) with its audit row.
    pub fn create_user(
        &self,
        username: &str,
        password_hash: &str,
        role: &str,
        jurisdiction: &str,
        org: Option<&str>,
        actor: &str,
    ) -> Result<AccountRow> {
        self.write(|tx| {
            accounts::create_user(tx, username, password_hash, role, jurisdiction, org, actor)
        })
    }

    /// An account and its password hash, by name.
    pub fn find_user(&self, username: &str) -> Result<Option<(AccountRow, String)>> {
        self.read(|tx| accounts::find_user(tx, username))
    }

    /// Number of accounts.
    pub fn user_count(&self) -> Result<i64> {
        self.read(accounts::user_count)
    }

    /// Stores a login session (and removes expired ones).
    pub fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        self.write(|tx| {
            accounts::create_session(tx, token_hash, user_id, csrf_token, now, expires_at)
        })
    }

    /// The live session with this token hash.
    pub fn get_session(&self, token_hash: &str, now: i64) -> Result<Option<SessionRow>> {
        self.read(|tx| accounts::get_session(tx, token_hash, now))
    }

    /// Deletes a session (logout).
    pub fn delete_session(&self, token_hash: &str) -> Result<()> {
        self.write(|tx| accounts::delete_session(tx, token_hash))
    }

    /// Adds organisations not stored yet (by code), each with its audit row; returns how many.
    pub fn add_organisations(&self, orgs: &[OrgRow], actor: &str) -> Result<usize> {
        self.write(|tx| accounts::add_organisations(tx, orgs, actor))
    }

    /// One organisation by code.
    pub fn organisation(&self, code: &str) -> Result<Option<OrgRow>> {
        self.read(|tx| accounts::organisation(tx, code))
    }

    /// The organisations within a jurisdiction prefix.
    pub fn organisations(&self, jurisdiction: &str) -> Result<Vec<OrgRow>> {
        self.read(|tx| accounts::organisations(tx, jurisdiction))
    }

    /// Saves a policy (TOML, validated) under `name`; returns its new version.
    pub fn save_policy(&self, name: &str, toml_text: &str, actor: &str) -> Result<i64> {
        self.write(|tx| policy::save(tx, name, toml_text, actor))
    }

    /// One policy.
    pub fn get_policy(&self, name: &str) -> Result<Option<PolicyRecord>> {
        self.read(|tx| policy::get(tx, name))
    }

    /// All policies, by name.
    pub fn list_policies(&self) -> Result<Vec<PolicyRecord>> {
        self.read(policy::list)
    }

    /// All imports, oldest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        self.read(registry_io::imports)
    }

    /// The audit log, in order.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>> {
        self.read(audit::read_all)
    }

    /// Walks the audit hash chain and reports every edited, deleted or reordered row, and
    /// every record, policy or registry row whose stored content is not what the log recorded.
    pub fn audit_verify(&self) -> Result<AuditReport> {
        self.read(|tx| audit::verify(tx, None))
    }

    /// As [`Store::audit_verify`], and checks that the anchored row is still in the chain with
    /// the anchored hash (a rewritten chain or a cut tail is named).
    pub fn audit_verify_anchored(&self, anchor: &crate::AuditAnchor) -> Result<AuditReport> {
        self.read(|tx| audit::verify(tx, Some(anchor)))
    }

    /// An anchor of the chain's head as it is now (unsigned; see [`crate::AuditAnchor::sign`]).
    pub fn audit_anchor(&self) -> Result<crate::AuditAnchor> {
        let r = self.audit_verify()?;
        Ok(crate::AuditAnchor::new(
            r.head_seq,
            &r.head_hash,
            &crate::codec::now_text(),
        ))
    }
}
