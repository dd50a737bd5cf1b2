-- The linking rule that left a mention unlinked. Mentions enriched before the column existed keep
-- NULL until re-enriched (the extraction code version changed with it: materialize
-- `entity_mentions` alone to re-enrich them).
ALTER TABLE core.entity_mentions ADD COLUMN IF NOT EXISTS unlinked_reason VARCHAR;
