-- quhua-store schema (PostgreSQL): statistics observations (统计观测值), kept apart from the registry's
-- events. One figure per (unit code, indicator, period); a later import replaces it (audited).

CREATE TABLE observations (
    code           TEXT    NOT NULL,   -- the unit's code in force in the period (codes are never reused)
    indicator      TEXT    NOT NULL,   -- key or name (gdp, 地区生产总值 …)
    period         BIGINT  NOT NULL,   -- year
    value          BIGINT  NOT NULL,   -- fixed-point, 1/10000 of the unit of measure
    unit           TEXT    NOT NULL,   -- 人, 万元, km², % …
    nature         TEXT,               -- extensive | intensive (NULL: guessed from name and unit)
    source         TEXT    NOT NULL,   -- file name or label
    source_sha256  TEXT    NOT NULL,
    imported_by    TEXT    NOT NULL,
    imported_at    TEXT    NOT NULL,
    PRIMARY KEY (code, indicator, period)
);

CREATE INDEX observations_indicator ON observations (indicator, period);
