-- A record's version without reading its body (PostgreSQL keeps large bodies out of line
-- already; the covering index lets the version lookup every read starts with be an
-- index-only scan). SQLite's counterpart moves the body to the last column.
CREATE INDEX records_kind_id_version ON records (kind, id, version);
