-- Every create and update of a record stamps it with the audit sequence number of its change,
-- so a cache asks "what changed since change N?" through one index range instead of reading
-- the id and version of every record in a jurisdiction (a province holds 100,000 tasks).
-- Rows written before this migration keep 0: a cache reads them in full once.
ALTER TABLE records ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX records_change_seq ON records (kind, seq);
