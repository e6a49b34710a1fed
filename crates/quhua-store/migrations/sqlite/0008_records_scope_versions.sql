-- The follow-up caches ask, per jurisdiction, for the count and version sum of a kind's
-- records and for each record's id and version: an index covering those columns answers
-- both from the index alone (a province holds 100,000 tasks).
CREATE INDEX records_scope_versions ON records (kind, county, id, version);
