-- quhua-store schema v3 (PostgreSQL): plans in the statutory procedure, and their documents.

CREATE TABLE plans (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT   NOT NULL,
    county      TEXT   NOT NULL,
    body        TEXT   NOT NULL,
    version     BIGINT NOT NULL,
    created_by  TEXT   NOT NULL,
    created_at  TEXT   NOT NULL,
    updated_by  TEXT   NOT NULL,
    updated_at  TEXT   NOT NULL
);

CREATE INDEX plans_county ON plans (county);

CREATE TABLE documents (
    sha256     TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    content    TEXT NOT NULL,
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
