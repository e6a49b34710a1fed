-- The follow-up registers (tasks, risks, feedback) look records up by their stable text id,
-- which a record stores as its name: one index per kind and name.
CREATE INDEX records_name ON records (kind, name);
