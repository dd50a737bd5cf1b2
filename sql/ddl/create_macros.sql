-- The fingerprint of an article's text that entity enrichment records (title and body kept apart:
-- a title moved into the body is another text).
CREATE OR REPLACE MACRO core.article_text_md5(title, body) AS
    md5(coalesce(title, '') || chr(0) || coalesce(body, ''));

-- Articles whose entity mentions are missing or out of date: no enrichment record with the
-- current model version of the article's language (languages without a tagger:
-- `other_version`), the current extraction code and the same text; of the articles of the dumps
-- listed in `dumps` (all when NULL) that are in the list `articles` (all when NULL: a merge's
-- part of a large dump asks about its own articles only). A table macro, so the merge, the
-- re-enrichment and the run summary ask the same question. `check_text := false` skips hashing every text: an
-- article's text changes only in a merge, which re-enriches it in the same transaction, so the
-- warehouse-wide question (after `make model` or a code change) is about versions alone.
CREATE OR REPLACE MACRO core.stale_entity_articles(
    tagger_languages, tagger_versions, other_version, current_code, dumps, articles,
    check_text := true
) AS TABLE
    WITH current_versions AS (
        SELECT unnest(tagger_languages) AS language, unnest(tagger_versions) AS model_version
    ),

    candidates AS (
        -- The text's digest here, not in the join below: there the titles and bodies went
        -- through the join (the status report read 3.3 GB on 290k articles without checking text).
        SELECT
            a.article_id,
            coalesce(v.model_version, other_version) AS model_version,
            CASE WHEN check_text THEN core.article_text_md5(a.title, a.body) END AS text_md5
        FROM core.articles AS a
        LEFT JOIN current_versions AS v ON v.language = a.language
        WHERE (
                dumps IS NULL
                OR a.article_id IN (
                    SELECT article_id FROM core.article_sightings
                    WHERE dump_file IN (SELECT unnest(dumps))
                )
            )
            AND (articles IS NULL OR a.article_id IN (SELECT unnest(articles)))
    )

    SELECT c.article_id
    FROM candidates AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM core.entity_enrichments AS e
        WHERE e.article_id = c.article_id
            AND e.model_version = c.model_version
            AND e.code_version = current_code
            AND (NOT check_text OR e.text_md5 = c.text_md5)
    );
