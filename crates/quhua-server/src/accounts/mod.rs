//! Accounts: users with a role and a jurisdiction, and their login sessions, stored in the
//! same database as quhua-store on quhua-store's migrations, behind [`AccountStore`].

mod store;

pub use quhua_app::access::{Jurisdiction, Role};
pub use store::{AccountError, AccountStore, SessionRecord, User};
