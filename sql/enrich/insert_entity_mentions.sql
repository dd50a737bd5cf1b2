INSERT INTO core.entity_mentions (
    article_id, entity_id, field, surface, start_char, end_char, entity_type, confidence,
    extractor, model_version, unlinked_reason
)
SELECT
    article_id, entity_id, field, surface, start_char, end_char, entity_type, confidence,
    extractor, model_version, unlinked_reason
FROM batch
