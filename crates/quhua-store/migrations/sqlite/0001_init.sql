-- quhua-store schema v1 (SQLite): registry, events, lineage, codes, imports, scenarios, audit log.
-- Dates are ISO text (YYYY-MM-DD), timestamps RFC 3339 text (UTC); JSON is stored as text.

-- The registry's header: one row, written by an import.
CREATE TABLE registry_meta (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    genesis_date   TEXT    NOT NULL,
    genesis_count  INTEGER NOT NULL,   -- units 0..genesis_count-1 are the initial list (their version 0)
    sources        TEXT    NOT NULL,   -- JSON array of attribute sources
    import_id      INTEGER NOT NULL,
    content_digest TEXT    NOT NULL    -- SHA-256 of the imported content (see registry_io::content_digest)
);

-- Every version of every unit, valid over [valid_from, valid_to). A unit's version 0 is its
-- initial state (from the import, or from the event that established it).
CREATE TABLE unit_versions (
    unit_id    INTEGER NOT NULL,
    version_no INTEGER NOT NULL,
    valid_from TEXT    NOT NULL,
    valid_to   TEXT,
    code       TEXT    NOT NULL,       -- division code, short form (2/4/6/9/12 digits)
    name       TEXT    NOT NULL,
    level      INTEGER NOT NULL,       -- 1 province … 5 village
    kind       TEXT    NOT NULL,       -- e.g. township:town, village:villagers_committee
    parent_id  INTEGER,
    seat       TEXT,                   -- JSON, NULL when none
    flags      INTEGER NOT NULL,       -- bit set: county_seat 1, border 2, historic 4, key_town 8, ethnic 16
    attrs      TEXT,                   -- JSON, NULL when empty
    event_id   INTEGER,                -- event that created the version; NULL = import
    PRIMARY KEY (unit_id, version_no)
) WITHOUT ROWID;

-- Units, as their latest version.
CREATE VIEW units AS
SELECT v.* FROM unit_versions v
WHERE v.version_no = (SELECT max(w.version_no) FROM unit_versions w WHERE w.unit_id = v.unit_id);

-- The code book: each code's single use (codes are never reused: 废码不用).
CREATE TABLE codes (
    code       TEXT    PRIMARY KEY,    -- short form; its length gives the level (东莞 441900 ≠ 4419)
    unit_id    INTEGER NOT NULL,
    valid_from TEXT    NOT NULL,
    valid_to   TEXT
) WITHOUT ROWID;

-- Recorded change events; facts and the request as JSON.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,   -- sequence number in the registry, from 0
    kind        TEXT NOT NULL,
    date        TEXT NOT NULL,
    approval_no TEXT NOT NULL,
    request     TEXT NOT NULL,
    facts       TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

-- Lineage: one row per (event, edge, village); village NULL for an edge without villages.
CREATE TABLE lineage (
    event_id  INTEGER NOT NULL,
    edge_no   INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    from_unit INTEGER NOT NULL,
    to_unit   INTEGER NOT NULL,
    village   INTEGER,
    PRIMARY KEY (event_id, edge_no, pos)
) WITHOUT ROWID;

-- Imports of initial lists.
CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    actor          TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    source_name    TEXT    NOT NULL,
    source_sha256  TEXT    NOT NULL,
    unit_count     INTEGER NOT NULL,
    version_count  INTEGER NOT NULL,
    code_count     INTEGER NOT NULL,
    event_count    INTEGER NOT NULL,
    counts         TEXT    NOT NULL,   -- JSON: units by level
    content_digest TEXT    NOT NULL
);

-- Draft schemes, with optimistic concurrency on `version`.
CREATE TABLE scenarios (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    county     TEXT    NOT NULL,
    body       TEXT    NOT NULL,       -- the scenario file (TOML or JSON)
    format     TEXT    NOT NULL,       -- 'toml' | 'json'
    version    INTEGER NOT NULL,
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_by TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- Append-only, hash-chained audit log: hash = SHA-256(prev_hash || canonical(row incl. seq)).
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

-- The chain head (last seq and hash), updated with every append.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Defence in depth: the audit log refuses UPDATE and DELETE (audit_verify still checks the chain).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计记录只能追加，不得修改 / the audit log is append-only: rows cannot be updated');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计记录只能追加，不得删除 / the audit log is append-only: rows cannot be deleted');
END;
