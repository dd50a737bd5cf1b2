-- Pending articles the batch did not stage (rebuilt from an earlier dump): signed in-process.
SELECT article_id, body
FROM core.articles
WHERE cluster_id IS NULL
    AND article_id NOT IN (SELECT article_id FROM staging.cleaned_records SEMI JOIN batch_dumps USING (dump_file))
ORDER BY article_id
