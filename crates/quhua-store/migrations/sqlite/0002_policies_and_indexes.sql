-- quhua-store schema v2 (SQLite): named policies (TOML), and indexes for code/parent lookups.

CREATE TABLE policies (
    name       TEXT PRIMARY KEY,
    body       TEXT    NOT NULL,       -- the policy file (TOML)
    version    INTEGER NOT NULL,
    updated_by TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE INDEX unit_versions_code ON unit_versions (code);
CREATE INDEX unit_versions_parent ON unit_versions (parent_id, valid_from);
CREATE INDEX codes_unit ON codes (unit_id);
CREATE INDEX lineage_from ON lineage (from_unit);
CREATE INDEX lineage_to ON lineage (to_unit);
