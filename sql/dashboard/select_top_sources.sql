-- The outlets with the most stories (canonical articles), one bar each.
SELECT
    coalesce(s.name, a.source_id, 'unknown') || ' (' || coalesce(a.source_id, 'unknown') || ')'
        AS outlet,
    count(*) FILTER (WHERE a.is_canonical) AS stories,
    count(*) AS articles
FROM core.articles AS a
LEFT JOIN core.sources AS s USING (source_id)
GROUP BY ALL
ORDER BY stories DESC, articles DESC, outlet
LIMIT $limit
