//! [`App`]: the store and the registry as of the last write anyone made, shared by every use
//! case. The registry is reloaded when the stored one changes — after a write through this
//! `App`, and, through [`App::refresh`], after writes by another process on the same database.

use crate::error::{AppError, AppResult};
use quhua_core::registry::Registry;
use quhua_store::Store;
use std::sync::{Arc, RwLock};

/// The registry as loaded, with the store's stamp at the time.
#[derive(Debug)]
struct Loaded {
    stamp: quhua_store::RegistryStamp,
    registry: Option<Arc<Registry>>,
}

/// The application: a store (a connection pool) and the current registry.
#[derive(Debug, Clone)]
pub struct App {
    store: Store,
    loaded: Arc<RwLock<Arc<Loaded>>>,
    handovers: Arc<crate::handover::HandoverCache>,
    tasks: Arc<crate::followup::TaskCache>,
}

impl App {
    /// Opens the database (`sqlite:PATH` or `postgres://…`, migrating it) and loads the registry.
    ///
    /// ```no_run
    /// let app = quhua_app::App::open("sqlite:quhua.db").unwrap();
    /// println!("{} units", app.registry().map(|r| r.unit_count()).unwrap_or(0));
    /// ```
    pub fn open(db_url: &str) -> AppResult<App> {
        let store = Store::open(db_url).map_err(|e| {
            AppError::internal(format!(
                "无法打开数据库 {db_url}：{e} / cannot open database {db_url}"
            ))
        })?;
        App::new(store)
    }

    /// An application over an open store.
    pub fn new(store: Store) -> AppResult<App> {
        let app = App {
            store,
            loaded: Arc::new(RwLock::new(Arc::new(Loaded {
                stamp: (-1, -1, String::new()),
                registry: None,
            }))),
            handovers: Arc::default(),
            tasks: Arc::default(),
        };
        app.refresh()?;
        Ok(app)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Decoded handovers by version (see [`crate::handover`]).
    pub(crate) fn handover_cache(&self) -> &crate::handover::HandoverCache {
        &self.handovers
    }

    /// Decoded follow-up tasks by jurisdiction (see [`crate::followup`]).
    pub(crate) fn task_cache(&self) -> &crate::followup::TaskCache {
        &self.tasks
    }

    fn current(&self) -> Arc<Loaded> {
        self.loaded
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The registry, or a clear error when nothing has been imported.
    pub fn registry(&self) -> AppResult<Arc<Registry>> {
        self.registry_opt().ok_or_else(|| {
            AppError::new(
                crate::ErrorKind::NotFound,
                "数据库中尚无区划名录：请先导入（quhua import nbs 目录、quhua import table 文件 或 quhua import demo）",
                "the database holds no registry yet: import one first (quhua import nbs DIR, quhua import table FILE or quhua import demo)",
            )
        })
    }

    /// The registry, if one was imported.
    pub fn registry_opt(&self) -> Option<Arc<Registry>> {
        self.current().registry.clone()
    }

    /// The store's registry stamp when the registry was last loaded.
    pub fn stamp(&self) -> quhua_store::RegistryStamp {
        self.current().stamp.clone()
    }

    /// Reloads the registry if the stored one changed since it was loaded (by this process or
    /// another); returns whether it did. Cheap when nothing changed (one small query).
    pub fn refresh(&self) -> AppResult<bool> {
        let stamp = self.store.registry_stamp()?;
        if stamp == self.current().stamp {
            return Ok(false);
        }
        let registry = self.store.load_registry()?.map(Arc::new);
        // The stamp read before loading: a write landing in between triggers another reload.
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) =
            Arc::new(Loaded { stamp, registry });
        Ok(true)
    }
}
