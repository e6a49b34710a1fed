//! The server's own tiny versioned migrations (`server_schema_version`), separate from
//! quhua-store's `schema_version` so the two crates evolve independently.

/// One migration: version, name, SQLite text, PostgreSQL text.
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// All migrations, in order. Never edit a released one: add a new one.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "accounts and sessions",
    sqlite: "
        CREATE TABLE server_users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            jurisdiction TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE server_sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES server_users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX server_sessions_expiry ON server_sessions(expires_at);
    ",
    postgres: "
        CREATE TABLE server_users (
            id BIGSERIAL PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            jurisdiction TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE server_sessions (
            token_hash TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES server_users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        CREATE INDEX server_sessions_expiry ON server_sessions(expires_at);
    ",
}];

/// Creates the version table.
pub(crate) const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS server_schema_version (
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
