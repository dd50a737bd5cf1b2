-- Named entities: one row per thing, whatever the language or spelling it is named in.
-- entity_id: 'iso:RU' (country), 'geonames:1871859' (city/continent), 'cldr:UN' (UN, EU),
-- well-known persons and organisations by their English name key in every language
-- ('per:vladimir putin', 'per:kim jong un'), else '<type>:<normalized name key>' ('org:حزب عمال كوري').
CREATE TABLE IF NOT EXISTS core.entities (
    entity_id VARCHAR NOT NULL,
    entity_type VARCHAR NOT NULL,     -- PER | ORG | GPE | LOC | MISC
    name VARCHAR NOT NULL,            -- English name (gazetteer) or the most frequent surface
    name_ar VARCHAR,
    country_code VARCHAR,             -- ISO 3166-1 alpha-2
    geonames_id BIGINT,
    latitude DOUBLE,
    longitude DOUBLE,
    is_linked BOOLEAN NOT NULL        -- from the gazetteer (ISO / GeoNames / CLDR) or the crosswalk
);
-- Where each entity is named: offsets into the article's cleaned title or body.
CREATE TABLE IF NOT EXISTS core.entity_mentions (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,           -- 'title' | 'body'
    surface VARCHAR NOT NULL,         -- = field text [start_char, end_char) (0-based code points)
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    entity_type VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,       -- CRF marginal (min over the span); 1.0 gazetteer-only
    extractor VARCHAR NOT NULL,       -- 'crf+gazetteer' | 'gazetteer'
    model_version VARCHAR NOT NULL,   -- 'crf-ar-<digest of model, lexicon, gazetteer>'
    unlinked_reason VARCHAR           -- NULL when linked; else the linking rule that left it unlinked
);
-- Tagged spans a linking rule found to be no mention ('cue.common_word_unsure': a common word
-- spelled like a town), with the rule's name: what the rules removed, to judge them by.
CREATE TABLE IF NOT EXISTS core.dropped_entity_mentions (
    article_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,           -- 'title' | 'body'
    surface VARCHAR NOT NULL,         -- = field text [start_char, end_char)
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    entity_type VARCHAR NOT NULL,     -- as tagged: PER | ORG | LOC | MISC
    confidence DOUBLE NOT NULL,       -- CRF marginal (min over the span)
    model_version VARCHAR NOT NULL,
    drop_reason VARCHAR NOT NULL      -- the linking rule's name (pipelines/enrich/entities/linking/reasons.py)
);
-- Which versions each article's mentions come from: re-enrichment skips articles whose model,
-- extraction code and text are unchanged, so a model upgrade re-enriches only what it affects.
CREATE TABLE IF NOT EXISTS core.entity_enrichments (
    article_id VARCHAR NOT NULL,
    model_version VARCHAR NOT NULL,   -- as on the article's mentions ('crf-ar-…', 'gazetteer-…')
    code_version VARCHAR NOT NULL,    -- digest of the extraction code
    text_md5 VARCHAR NOT NULL,        -- md5 of title and body, as enriched
    count_mentions INTEGER NOT NULL,
    enriched_at TIMESTAMP NOT NULL
);
