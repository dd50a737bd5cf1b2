/* ---
description: One row per story cluster, with canonical title, sources, size, first and last seen.
columns:
  cluster_id: Story cluster id (core.clusters).
  canonical_article_id: The article chosen to represent the story.
  canonical_title: Title of the canonical article.
  canonical_url: Canonical URL of the canonical article.
  language: Language code of the canonical article.
  sources: Sorted distinct outlets (core.sources.source_id) that carried the story (a LIST; bi.stories has it as text).
  count_articles: Articles in the cluster.
  count_sources: Distinct outlets (source_id) in the cluster.
  first_published_at: Earliest publication time in the cluster.
  last_published_at: Latest publication time in the cluster.
  first_seen_at: When any member was first seen in a dump.
  last_seen_at: When any member was last seen in a dump.
  is_multi_article: True when more than one article tells the story.
--- */
-- One row per story cluster: the canonical article's title and URL, who carried it, size, when seen.
CREATE OR REPLACE TABLE marts.stories AS
WITH clusters AS (
    SELECT * FROM core.clusters
),
members AS (
    SELECT cluster_id, coalesce(source_id, 'unknown') AS source_id, first_seen_at, last_seen_at
    FROM core.articles
),
canonicals AS (
    SELECT article_id, title, canonical_url, language FROM core.articles WHERE is_canonical
),
member_summary AS (
    SELECT
        cluster_id,
        list_sort(list_distinct(list(source_id))) AS sources,
        count(DISTINCT source_id) AS count_sources,
        min(first_seen_at) AS first_seen_at,
        max(last_seen_at) AS last_seen_at
    FROM members
    GROUP BY cluster_id
),
renamed AS (
    SELECT
        c.cluster_id,
        c.canonical_article_id,
        k.title AS canonical_title,
        k.canonical_url,
        k.language,
        m.sources,
        c.count_articles,
        m.count_sources,
        c.first_published_at,
        c.last_published_at,
        m.first_seen_at,
        m.last_seen_at
    FROM clusters AS c
    JOIN canonicals AS k ON k.article_id = c.canonical_article_id
    JOIN member_summary AS m USING (cluster_id)
)
SELECT
    *,
    count_articles > 1 AS is_multi_article
FROM renamed
ORDER BY count_articles DESC, cluster_id
