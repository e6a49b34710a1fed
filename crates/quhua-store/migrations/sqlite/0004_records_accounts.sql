-- quhua-store schema v4 (SQLite): one generic versioned record for scenarios, plans and the
-- registers; organisations; accounts and sessions (formerly the server's own tables).

CREATE TABLE records (
    kind       TEXT    NOT NULL,       -- 'scenario', 'plan', … (one per register)
    id         INTEGER NOT NULL,       -- numbered per kind, from 1
    county     TEXT    NOT NULL,       -- the division-code the record belongs to (jurisdiction filter)
    name       TEXT    NOT NULL,
    body       TEXT    NOT NULL,       -- the typed body as JSON
    version    INTEGER NOT NULL,       -- optimistic concurrency, from 1
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_by TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_county ON records (kind, county);

INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at)
SELECT 'scenario', id, county, name, body, version, created_by, created_at, updated_by, updated_at FROM scenarios;
INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at)
SELECT 'plan', id, county, name, body, version, created_by, created_at, updated_by, updated_at FROM plans;
DROP TABLE scenarios;
DROP TABLE plans;

CREATE TABLE organisations (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,        -- JSON of quhua_workflow::org::OrgKind
    jurisdiction TEXT NOT NULL,
    parent       TEXT
);

-- Accounts (names kept from the server's former schema so existing databases keep their users).
CREATE TABLE IF NOT EXISTS server_users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    created_at TEXT NOT NULL
);
ALTER TABLE server_users ADD COLUMN org TEXT;
CREATE TABLE IF NOT EXISTS server_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES server_users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS server_sessions_expiry ON server_sessions(expires_at);
