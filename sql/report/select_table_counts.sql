SELECT 'ops.dump_files' AS table_name, count(*) AS row_count FROM ops.dump_files
UNION ALL SELECT 'raw.records', count(*) FROM raw.records
UNION ALL SELECT 'staging.cleaned_records', count(*) FROM staging.cleaned_records
UNION ALL SELECT 'core.articles', count(*) FROM core.articles
UNION ALL SELECT 'core.article_sightings', count(*) FROM core.article_sightings
UNION ALL SELECT 'core.article_clusters', count(*) FROM core.article_clusters
UNION ALL SELECT 'core.clusters', count(*) FROM core.clusters
UNION ALL SELECT 'quarantine.rejected_records', count(*) FROM quarantine.rejected_records
