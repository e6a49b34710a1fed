//! quhua-app: the use cases of quhua, one function per user action.
//!
//! The CLI and the HTTP server are thin adapters over this crate: they parse their input,
//! call one function here with the [`Actor`](access::Actor) doing it, and render the typed
//! result. No use case is written twice, and authorization (role × jurisdiction) is checked
//! here, once, for both.
//!
//! - [`App`]: the store (a connection pool) and the current registry, refreshed after writes;
//! - [`access`]: roles, jurisdictions, the acting person;
//! - [`plans`]: the statutory procedure — submit, consult, attach, complete, department
//!   opinions, return for revision, revise, approve, extend, apply, documents;
//! - [`propose`]: 方案推荐, merger schemes from the optimizer on a county ([`county`]: its
//!   base and geometry);
//! - [`imports`]: the national list, a survey table, the demo county;
//! - [`survey`]: 摸底表更新 from the browser, checked (every changed value listed) before it
//!   is stored;
//! - [`boundaries`]: township or village polygons from a file, linked by code, and a
//!   county's geometry built from them;
//! - [`registry`]: the units in force on a date, changes between dates, lineage;
//! - [`followup`]: 后半篇 — follow-up tasks (督查督办, 挂图作战, 销号), their board and inbox;
//! - [`views`]: the typed results the adapters render (JSON for the API and `--json`).

pub mod access;
mod app;
pub mod audit_review;
pub mod boundaries;
pub mod county;
pub mod drafts;
mod error;
pub mod followup;
pub mod handover;
pub mod imports;
pub mod maintenance;
pub mod plans;
pub mod policy;
pub mod propose;
pub mod registry;
pub mod scenarios;
pub mod stats;
pub mod survey;
pub mod text;
pub mod upload;
pub mod views;

pub use app::App;
pub use error::{AppError, AppResult, ErrorKind};
