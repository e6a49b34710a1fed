//! [`Store`]: one interface over the SQLite and PostgreSQL backends.

use crate::audit::{self, AuditReport, AuditRow};
use crate::error::Result;
use crate::import::{ImportId, ImportMeta, ImportRecord};
use crate::plan::{self, PlanId, PlanRecord};
use crate::policy::{self, PolicyRecord};
use crate::postgres::PgStore;
use crate::registry_io::{self, content_digest};
use crate::scenario::{self, ScenarioId, ScenarioRecord};
use crate::sqlite::SqliteStore;
use crate::tx::{Backend, Tx};
use crate::url::{self, Target};
use quhua_core::date::Date;
use quhua_core::event::ChangeEvent;
use quhua_core::registry::Registry;
use quhua_core::unit::UnitState;

/// A store: SQLite (embedded, the default) or PostgreSQL (multi-user). Every write is one
/// transaction that also appends its audit row; a failure anywhere stores nothing.
#[derive(Debug)]
pub enum Store {
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
            Target::Sqlite(p) => Store::Sqlite(SqliteStore::open(&p)?),
            Target::Postgres(u) => Store::Postgres(PgStore::open(&u)?),
        })
    }

    /// Opens a store migrated only up to schema `version` (upgrade tests).
    #[doc(hidden)]
    pub fn open_at_version(url: &str, version: i64) -> Result<Store> {
        Ok(match url::parse(url)? {
            Target::Sqlite(p) => Store::Sqlite(SqliteStore::open_at_version(&p, version)?),
            Target::Postgres(u) => Store::Postgres(PgStore::open_at_version(&u, version)?),
        })
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        match self {
            Store::Sqlite(_) => Backend::Sqlite,
            Store::Postgres(_) => Backend::Postgres,
        }
    }

    /// The applied schema version.
    pub fn schema_version(&mut self) -> Result<i64> {
        match self {
            Store::Sqlite(s) => s.schema_version(),
            Store::Postgres(s) => s.schema_version(),
        }
    }

    fn write<T>(&mut self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Store::Sqlite(s) => s.write(f),
            Store::Postgres(s) => s.write(f),
        }
    }

    fn read<T>(&mut self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Store::Sqlite(s) => s.read(f),
            Store::Postgres(s) => s.read(f),
        }
    }

    /// Replaces (or initialises) the stored registry with `reg` — its initial list, versions,
    /// codes, events and lineage — records the import, and appends one audit row with the
    /// counts, the file's SHA-256 and the content digest. One transaction.
    pub fn save_registry_import(&mut self, reg: &Registry, meta: &ImportMeta) -> Result<ImportId> {
        // The digest is computed on the second core while rows are written.
        std::thread::scope(|s| {
            let digest = s.spawn(|| content_digest(reg));
            let run = |tx: &mut dyn Tx| {
                let d = digest.join().map_err(|_| {
                    crate::error::StoreError::Corrupt("digest thread panicked".into())
                })?;
                registry_io::save_import(tx, reg, meta, &d)
            };
            match self {
                Store::Sqlite(st) => st.bulk_write(run),
                Store::Postgres(st) => st.write(run),
            }
        })
    }

    /// Rebuilds the stored registry (initial list + events → `Registry::from_parts`);
    /// `None` before the first import.
    pub fn load_registry(&mut self) -> Result<Option<Registry>> {
        self.read(registry_io::load)
    }

    /// Appends one recorded event (from `Registry::apply` on the loaded registry) with its new
    /// unit versions, codes and lineage, and its audit row. One transaction.
    pub fn record_event(&mut self, event: &ChangeEvent, actor: &str) -> Result<()> {
        self.record_events(std::slice::from_ref(event), actor)
    }

    /// Appends several events, all or none, in one transaction (one audit row each).
    pub fn record_events(&mut self, events: &[ChangeEvent], actor: &str) -> Result<()> {
        self.write(|tx| registry_io::record_events(tx, events, actor, true).map(|_| ()))
    }

    /// The units in force on `date`, by SQL over `unit_versions` (cross-check of `Registry::as_of`).
    pub fn units_as_of(&mut self, date: Date) -> Result<Vec<UnitState>> {
        self.read(|tx| registry_io::units_as_of(tx, date))
    }

    /// Creates a scenario (version 1). `body` is the scenario file (TOML or JSON).
    pub fn create_scenario(
        &mut self,
        name: &str,
        county: &str,
        body: &str,
        actor: &str,
    ) -> Result<(ScenarioId, i64)> {
        self.write(|tx| scenario::create(tx, name, county, body, actor))
    }

    /// Replaces a scenario's body if it is still at `expected_version`; returns the new version,
    /// or [`crate::StoreError::Conflict`] with the current version and body.
    pub fn update_scenario(
        &mut self,
        id: ScenarioId,
        expected_version: i64,
        body: &str,
        actor: &str,
    ) -> Result<i64> {
        self.write(|tx| scenario::update(tx, id, expected_version, body, actor))
    }

    /// Creates a plan (version 1); `body` is the plan as JSON.
    pub fn create_plan(
        &mut self,
        name: &str,
        county: &str,
        body: &str,
        actor: &str,
    ) -> Result<(PlanId, i64)> {
        self.write(|tx| plan::create(tx, name, county, body, actor))
    }

    /// Replaces a plan's body if it is still at `expected_version` (else [`StoreError::Conflict`]).
    pub fn update_plan(
        &mut self,
        id: PlanId,
        expected_version: i64,
        body: &str,
        actor: &str,
    ) -> Result<i64> {
        self.write(|tx| plan::update(tx, id, expected_version, body, "plan_update", actor))
    }

    /// Records a plan's events in the registry and its new body, in one transaction: the
    /// apply of an approved scheme either lands whole or not at all.
    pub fn apply_plan(
        &mut self,
        id: PlanId,
        expected_version: i64,
        body: &str,
        events: &[ChangeEvent],
        actor: &str,
    ) -> Result<i64> {
        self.write(|tx| {
            registry_io::record_events(tx, events, actor, true)?;
            plan::update(tx, id, expected_version, body, "plan_apply", actor)
        })
    }

    /// One plan.
    pub fn get_plan(&mut self, id: PlanId) -> Result<Option<PlanRecord>> {
        self.read(|tx| plan::get(tx, id))
    }

    /// All plans.
    pub fn list_plans(&mut self) -> Result<Vec<PlanRecord>> {
        self.read(plan::list)
    }

    /// Stores a document (once per content); returns its SHA-256.
    pub fn put_document(&mut self, name: &str, bytes: &[u8], actor: &str) -> Result<String> {
        self.write(|tx| plan::put_document(tx, name, bytes, actor))
    }

    /// A stored document by SHA-256: its name and bytes (checked against the digest).
    pub fn get_document(&mut self, sha256: &str) -> Result<Option<(String, Vec<u8>)>> {
        self.read(|tx| plan::get_document(tx, sha256))
    }

    /// One scenario.
    pub fn get_scenario(&mut self, id: ScenarioId) -> Result<Option<ScenarioRecord>> {
        self.read(|tx| scenario::get(tx, id))
    }

    /// All scenarios, by id.
    pub fn list_scenarios(&mut self) -> Result<Vec<ScenarioRecord>> {
        self.read(scenario::list)
    }

    /// Saves a policy (TOML, validated) under `name`; returns its new version.
    pub fn save_policy(&mut self, name: &str, toml_text: &str, actor: &str) -> Result<i64> {
        self.write(|tx| policy::save(tx, name, toml_text, actor))
    }

    /// One policy.
    pub fn get_policy(&mut self, name: &str) -> Result<Option<PolicyRecord>> {
        self.read(|tx| policy::get(tx, name))
    }

    /// All policies, by name.
    pub fn list_policies(&mut self) -> Result<Vec<PolicyRecord>> {
        self.read(policy::list)
    }

    /// All imports, oldest first.
    pub fn imports(&mut self) -> Result<Vec<ImportRecord>> {
        self.read(registry_io::imports)
    }

    /// The audit log, in order.
    pub fn audit_log(&mut self) -> Result<Vec<AuditRow>> {
        self.read(audit::read_all)
    }

    /// Walks the audit hash chain and reports every edited, deleted or reordered row.
    pub fn audit_verify(&mut self) -> Result<AuditReport> {
        self.read(audit::verify)
    }
}
