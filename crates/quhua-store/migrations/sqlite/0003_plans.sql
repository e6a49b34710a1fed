-- quhua-store schema v3 (SQLite): plans in the statutory procedure, and their documents.

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    county      TEXT    NOT NULL,
    body        TEXT    NOT NULL,      -- the plan (JSON): scheme, steps, materials, approval
    version     INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE INDEX plans_county ON plans (county);

-- Attached documents, content-addressed by SHA-256 (hex of the bytes).
CREATE TABLE documents (
    sha256     TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    content    TEXT NOT NULL,          -- hex
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
