/* ---
description: Which periods the news talks about, by publication week (canonical articles, resolved date mentions).
columns:
  publication_week_date: Monday of the ISO week (UTC) in which the mentioning articles were published.
  language: ISO 639-1 language code of the mentioning articles.
  granularity: How precise the mentioned period is (day, week, month or year).
  period_start_date: First day of the mentioned period.
  period_end_date: Last day of the mentioned period (inclusive).
  calendar: Calendar the mention was written in (gregorian or hijri); periods are always Gregorian dates.
  count_mentions: Mentions of this period in that week's articles.
  count_articles: Distinct articles mentioning it.
  count_relative_mentions: Mentions resolved against the publication date ("last June", "yesterday").
--- */
-- Mentioned periods per publication week: the timeline of what time the news is about.
CREATE OR REPLACE TABLE marts.date_mentions_timeline AS
WITH canonical_articles AS (
    SELECT article_id FROM core.articles WHERE is_canonical
),
resolved_mentions AS (
    SELECT m.*
    FROM core.date_mentions AS m
    SEMI JOIN canonical_articles USING (article_id)
    WHERE m.resolved_start IS NOT NULL AND m.anchor_date IS NOT NULL
)
SELECT
    CAST(date_trunc('week', anchor_date) AS DATE) AS publication_week_date,
    language,
    granularity,
    resolved_start AS period_start_date,
    resolved_end AS period_end_date,
    calendar,
    count(*) AS count_mentions,
    count(DISTINCT article_id) AS count_articles,
    count(*) FILTER (WHERE is_relative) AS count_relative_mentions
FROM resolved_mentions
GROUP BY ALL
ORDER BY publication_week_date, language, period_start_date, granularity, calendar
