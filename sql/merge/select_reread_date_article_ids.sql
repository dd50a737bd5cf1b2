-- Articles of the batch's dumps whose row comes from an earlier dump: dates are found again
-- in-process for them (merge/select_reread_date_articles reads their text).
SELECT s.article_id
FROM core.article_sightings AS s
SEMI JOIN batch_dumps AS b ON s.dump_file = b.dump_file AND s.record_index >= b.first_record
EXCEPT
SELECT article_id FROM rebuilt_articles
ORDER BY article_id
