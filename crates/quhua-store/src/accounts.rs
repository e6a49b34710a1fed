//! Accounts, login sessions and organisations, on the store's migrations and transactions.
//!
//! Roles and jurisdictions are checked by the caller (the server's account types); the store
//! keeps them as text. Session tokens are never stored: only their SHA-256. Creating a user or
//! an organisation appends an audit row in the same transaction; sessions are not audited
//! (a login changes no record).

use crate::audit::{self, AuditEntry};
use crate::codec::now_text;
use crate::error::{Result, StoreError};
use crate::tx::{Row, Tx, Val};
use serde::{Deserialize, Serialize};

/// A stored account (without its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    /// Id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Role id (`county_editor` …).
    pub role: String,
    /// Jurisdiction (a division-code prefix).
    pub jurisdiction: String,
    /// The organisation the account belongs to (its code), if any.
    pub org: Option<String>,
    /// That organisation's kind (JSON of `quhua_workflow::org::OrgKind`), if any.
    pub org_kind: Option<quhua_workflow::org::OrgKind>,
}

/// A stored live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Whose.
    pub account: AccountRow,
    /// The session's synchronizer CSRF token.
    pub csrf_token: String,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
}

/// A stored organisation (its kind as the JSON of `quhua_workflow::org::OrgKind`).
pub type OrgRow = quhua_workflow::org::Organisation;

const USER_COLS: &str = "u.id, u.username, u.role, u.jurisdiction, u.org, o.kind";
const USERS: &str = "server_users u LEFT JOIN organisations o ON o.code = u.org";

fn account(r: &Row) -> Result<AccountRow> {
    Ok(AccountRow {
        id: r[0].int()?,
        username: r[1].string()?,
        role: r[2].string()?,
        jurisdiction: r[3].string()?,
        org: r[4].opt_string()?,
        org_kind: r[5].opt_str()?.map(serde_json::from_str).transpose()?,
    })
}

/// Creates an account with an already hashed password.
pub(crate) fn create_user(
    tx: &mut dyn Tx,
    username: &str,
    password_hash: &str,
    role: &str,
    jurisdiction: &str,
    org: Option<&str>,
    actor: &str,
) -> Result<AccountRow> {
    let name = username.trim();
    if name.is_empty() || name.len() > 64 || name.chars().any(char::is_whitespace) {
        return Err(StoreError::rejected(
            "用户名不能为空、不能含空白、不超过 64 字节",
            "user names are 1–64 bytes without whitespace",
        ));
    }
    if find_user(tx, name)?.is_some() {
        return Err(StoreError::rejected(
            format!("用户“{name}”已存在"),
            format!("user \"{name}\" already exists"),
        ));
    }
    let org_kind = match org {
        Some(code) => Some(organisation(tx, code)?.map(|o| o.kind).ok_or_else(|| {
            StoreError::rejected(
                format!("机构“{code}”不存在"),
                format!("organisation \"{code}\" does not exist"),
            )
        })?),
        None => None,
    };
    let id = tx.query_int(
        "INSERT INTO server_users (username, password_hash, role, jurisdiction, created_at, org) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        &[
            Val::text(name),
            Val::text(password_hash),
            Val::text(role),
            Val::text(jurisdiction),
            Val::owned(now_text()),
            Val::opt_text(org),
        ],
    )?;
    audit::append(
        tx,
        AuditEntry {
            actor,
            action: "user_create",
            entity: format!("user:{id}"),
            before: None,
            after: Some(
                serde_json::json!({"username": name, "role": role, "jurisdiction": jurisdiction, "org": org})
                    .to_string(),
            ),
        },
    )?;
    Ok(AccountRow {
        id,
        username: name.to_string(),
        role: role.to_string(),
        jurisdiction: jurisdiction.to_string(),
        org: org.map(str::to_string),
        org_kind,
    })
}

/// An account and its password hash, by name.
pub(crate) fn find_user(tx: &mut dyn Tx, username: &str) -> Result<Option<(AccountRow, String)>> {
    tx.query_opt(
        &format!("SELECT {USER_COLS}, u.password_hash FROM {USERS} WHERE u.username = $1"),
        &[Val::text(username)],
    )?
    .map(|r| Ok((account(&r)?, r[6].string()?)))
    .transpose()
}

/// Number of accounts.
pub(crate) fn user_count(tx: &mut dyn Tx) -> Result<i64> {
    tx.query_int("SELECT COUNT(*) FROM server_users", &[])
}

/// Stores a session and removes expired ones.
pub(crate) fn create_session(
    tx: &mut dyn Tx,
    token_hash: &str,
    user_id: i64,
    csrf_token: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    tx.exec(
        "INSERT INTO server_sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
        &[
            Val::text(token_hash),
            Val::Int(user_id),
            Val::text(csrf_token),
            Val::Int(now),
            Val::Int(expires_at),
        ],
    )?;
    tx.exec(
        "DELETE FROM server_sessions WHERE expires_at <= $1",
        &[Val::Int(now)],
    )?;
    Ok(())
}

/// The live session with this token hash (expired ones are not returned).
pub(crate) fn get_session(
    tx: &mut dyn Tx,
    token_hash: &str,
    now: i64,
) -> Result<Option<SessionRow>> {
    tx.query_opt(
        &format!(
            "SELECT {USER_COLS}, s.csrf_token, s.expires_at FROM server_sessions s \
             JOIN server_users u ON u.id = s.user_id LEFT JOIN organisations o ON o.code = u.org \
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        ),
        &[Val::text(token_hash), Val::Int(now)],
    )?
    .map(|r| {
        Ok(SessionRow {
            account: account(&r)?,
            csrf_token: r[6].string()?,
            expires_at: r[7].int()?,
        })
    })
    .transpose()
}

/// Deletes a session (logout).
pub(crate) fn delete_session(tx: &mut dyn Tx, token_hash: &str) -> Result<()> {
    tx.exec(
        "DELETE FROM server_sessions WHERE token_hash = $1",
        &[Val::text(token_hash)],
    )?;
    Ok(())
}

fn org_from(r: &Row) -> Result<OrgRow> {
    Ok(OrgRow {
        code: r[0].string()?,
        name: r[1].string()?,
        kind: serde_json::from_str(r[2].str()?)?,
        jurisdiction: r[3].string()?,
        parent: r[4].opt_string()?,
    })
}

/// One organisation.
pub(crate) fn organisation(tx: &mut dyn Tx, code: &str) -> Result<Option<OrgRow>> {
    tx.query_opt(
        "SELECT code, name, kind, jurisdiction, parent FROM organisations WHERE code = $1",
        &[Val::text(code)],
    )?
    .map(|r| org_from(&r))
    .transpose()
}

/// The organisations whose jurisdiction starts with `prefix`, by code.
pub(crate) fn organisations(tx: &mut dyn Tx, prefix: &str) -> Result<Vec<OrgRow>> {
    if !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::rejected(
            format!("辖区“{prefix}”应为数字代码前缀"),
            format!("jurisdiction \"{prefix}\" must be a numeric code prefix"),
        ));
    }
    tx.query(
        "SELECT code, name, kind, jurisdiction, parent FROM organisations WHERE jurisdiction LIKE $1 ORDER BY code",
        &[Val::owned(format!("{prefix}%"))],
    )?
    .iter()
    .map(org_from)
    .collect()
}

/// Adds the organisations not stored yet (by code); returns how many were added.
pub(crate) fn add_organisations(tx: &mut dyn Tx, orgs: &[OrgRow], actor: &str) -> Result<usize> {
    let mut added = 0;
    for o in orgs {
        if organisation(tx, &o.code)?.is_some() {
            continue;
        }
        let kind = serde_json::to_string(&o.kind)?;
        tx.exec(
            "INSERT INTO organisations (code, name, kind, jurisdiction, parent) VALUES ($1, $2, $3, $4, $5)",
            &[
                Val::text(&o.code),
                Val::text(&o.name),
                Val::text(&kind),
                Val::text(&o.jurisdiction),
                Val::opt_text(o.parent.as_deref()),
            ],
        )?;
        audit::append(
            tx,
            AuditEntry {
                actor,
                action: "organisation_create",
                entity: format!("organisation:{}", o.code),
                before: None,
                after: Some(serde_json::to_string(o)?),
            },
        )?;
        added += 1;
    }
    Ok(added)
}
