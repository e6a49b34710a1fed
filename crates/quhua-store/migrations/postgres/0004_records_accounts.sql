-- quhua-store schema v4 (PostgreSQL): one generic versioned record for scenarios, plans and the
-- registers; organisations; accounts and sessions (formerly the server's own tables).

CREATE TABLE records (
    kind       TEXT   NOT NULL,
    id         BIGINT NOT NULL,
    county     TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    created_by TEXT   NOT NULL,
    created_at TEXT   NOT NULL,
    updated_by TEXT   NOT NULL,
    updated_at TEXT   NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_county ON records (kind, county text_pattern_ops);

INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at)
SELECT 'scenario', id, county, name, body, version, created_by, created_at, updated_by, updated_at FROM scenarios;
INSERT INTO records (kind, id, county, name, body, version, created_by, created_at, updated_by, updated_at)
SELECT 'plan', id, county, name, body, version, created_by, created_at, updated_by, updated_at FROM plans;
DROP TABLE scenarios;
DROP TABLE plans;

CREATE TABLE organisations (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    parent       TEXT
);

CREATE TABLE IF NOT EXISTS server_users (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    created_at TEXT NOT NULL
);
ALTER TABLE server_users ADD COLUMN org TEXT;
CREATE TABLE IF NOT EXISTS server_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES server_users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS server_sessions_expiry ON server_sessions(expires_at);
