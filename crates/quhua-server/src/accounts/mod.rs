//! Accounts: users with a role and a jurisdiction, and their login sessions, stored in the
//! same database as quhua-store in tables this crate owns (`server_*`), behind [`AccountStore`].

mod migrate;
mod role;
mod store;

pub use role::{Jurisdiction, Role};
pub use store::{AccountError, AccountStore, SessionRecord, User};
