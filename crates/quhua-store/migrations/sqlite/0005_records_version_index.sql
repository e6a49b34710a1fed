-- A record's version without reading its body: SQLite stores a row's columns in order and
-- puts what does not fit the page into overflow pages, so with `body` (a handover with a
-- 45万-item ledger is ~100 MB) before `version`, the key lookup every read starts with walked
-- the whole body. The table is rebuilt with the body last; the metadata then sits on the
-- row's first page.
CREATE TABLE records_new (
    kind       TEXT    NOT NULL,
    id         INTEGER NOT NULL,
    county     TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_by TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);
INSERT INTO records_new (kind, id, county, name, version, created_by, created_at, updated_by, updated_at, body)
    SELECT kind, id, county, name, version, created_by, created_at, updated_by, updated_at, body FROM records;
DROP TABLE records;
ALTER TABLE records_new RENAME TO records;
CREATE INDEX records_county ON records (kind, county);
