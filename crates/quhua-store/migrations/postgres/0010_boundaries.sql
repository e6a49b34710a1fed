-- quhua-store schema (postgres): imported boundaries (township or village polygons) per county,
-- linked to registry units. One set per (county, level); a later import replaces it (audited).
-- A registry import clears both tables (unit ids are renumbered).

CREATE TABLE boundary_sets (
    county         TEXT    NOT NULL,   -- 6-digit county code
    level          TEXT    NOT NULL,   -- township | village
    source         TEXT    NOT NULL,   -- file name or label
    source_sha256  TEXT    NOT NULL,
    content_sha256 TEXT    NOT NULL,   -- SHA-256 of the stored features (committed in the audit row)
    as_of          TEXT    NOT NULL,   -- registry date the features were linked on (YYYY-MM-DD)
    features       BIGINT NOT NULL,
    synthetic      BIGINT NOT NULL,   -- 1: schematic (示意) geometry
    imported_by    TEXT    NOT NULL,
    imported_at    TEXT    NOT NULL,
    PRIMARY KEY (county, level)
);

CREATE TABLE boundaries (
    county         TEXT    NOT NULL,
    level          TEXT    NOT NULL,
    unit_id        BIGINT NOT NULL,   -- registry unit id
    code           TEXT    NOT NULL,   -- the unit's code on as_of
    geometry       TEXT    NOT NULL,   -- MultiPolygon coordinates as JSON, lon/lat (CGCS2000)
    PRIMARY KEY (county, level, unit_id)
);
