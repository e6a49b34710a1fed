//! [`AccountStore`]: users (role × jurisdiction, belonging to an organisation) and login
//! sessions, kept by quhua-store on its own migrations and transactions. Session tokens are
//! never stored: only their SHA-256 (hex).

use quhua_app::access::{Jurisdiction, Role};
use quhua_store::{AccountRow, Store, StoreError};
use quhua_workflow::org::{Department, OrgKind};
use serde::Serialize;

/// Why an account operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
    /// A user with this name exists.
    #[error("用户“{0}”已存在 / user \"{0}\" already exists")]
    Duplicate(String),
    /// Invalid input.
    #[error("{zh} / {en}")]
    Invalid {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// Stored data is malformed.
    #[error("账号数据损坏：{0} / account data is malformed: {0}")]
    Corrupt(String),
}

impl From<StoreError> for AccountError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid { zh, en } => AccountError::Invalid { zh, en },
            other => AccountError::Store(other),
        }
    }
}

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Jurisdiction (code prefix).
    pub jurisdiction: Jurisdiction,
    /// The organisation the account belongs to (its code), if any.
    pub org: Option<String>,
    /// The department of that organisation, when it is one.
    pub department: Option<Department>,
}

/// A live session, as looked up by its token hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Whose.
    pub user: User,
    /// The synchronizer CSRF token of this session.
    pub csrf_token: String,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
}

/// Users and sessions in the quhua database.
#[derive(Debug, Clone)]
pub struct AccountStore {
    store: Store,
}

fn user_from(row: AccountRow) -> Result<User, AccountError> {
    let role = Role::parse(&row.role)
        .ok_or_else(|| AccountError::Corrupt(format!("role {}", row.role)))?;
    let department = match row.org_kind {
        Some(OrgKind::Department(d)) => Some(d),
        _ => None,
    };
    Ok(User {
        id: row.id,
        username: row.username,
        role,
        jurisdiction: Jurisdiction::from_stored(row.jurisdiction),
        org: row.org,
        department,
    })
}

impl AccountStore {
    /// Opens the database at `url` (`sqlite:PATH`, a path, or `postgres://…`), migrating it.
    pub fn open(db_url: &str) -> Result<AccountStore, AccountError> {
        Ok(AccountStore {
            store: Store::open(db_url)?,
        })
    }

    /// Accounts on an open store (sharing its connection pool).
    pub fn new(store: Store) -> AccountStore {
        AccountStore { store }
    }

    /// Creates a user with an already hashed password.
    pub fn create_user(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
        jurisdiction: &Jurisdiction,
    ) -> Result<User, AccountError> {
        self.create_user_in(username, password_hash, role, jurisdiction, None)
    }

    /// Creates a user belonging to an organisation (by code).
    pub fn create_user_in(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
        jurisdiction: &Jurisdiction,
        org: Option<&str>,
    ) -> Result<User, AccountError> {
        let name = username.trim();
        if self.store.find_user(name)?.is_some() {
            return Err(AccountError::Duplicate(name.to_string()));
        }
        let row = self.store.create_user(
            name,
            password_hash,
            role.id(),
            jurisdiction.as_str(),
            org,
            "quhua",
        )?;
        user_from(row)
    }

    /// A user and its password hash, by name.
    pub fn find_user(&self, username: &str) -> Result<Option<(User, String)>, AccountError> {
        self.store
            .find_user(username)?
            .map(|(row, hash)| Ok((user_from(row)?, hash)))
            .transpose()
    }

    /// Number of users.
    pub fn user_count(&self) -> Result<i64, AccountError> {
        Ok(self.store.user_count()?)
    }

    /// Stores a session.
    pub fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), AccountError> {
        Ok(self
            .store
            .create_session(token_hash, user_id, csrf_token, now, expires_at)?)
    }

    /// The live session with this token hash (expired ones are not returned).
    pub fn get_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRecord>, AccountError> {
        self.store
            .get_session(token_hash, now)?
            .map(|s| {
                Ok(SessionRecord {
                    user: user_from(s.account)?,
                    csrf_token: s.csrf_token,
                    expires_at: s.expires_at,
                })
            })
            .transpose()
    }

    /// Deletes a session (logout).
    pub fn delete_session(&self, token_hash: &str) -> Result<(), AccountError> {
        Ok(self.store.delete_session(token_hash)?)
    }
}
