-- quhua-store schema (postgres): the share of a partial lineage edge (a village split), parts per
-- million of the predecessor's population; NULL when the whole territory went.

ALTER TABLE lineage ADD COLUMN share BIGINT;
