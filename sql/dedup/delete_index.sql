-- The whole LSH index (band keys and signatures), before it is rebuilt by a new index version.
DELETE FROM core.article_bands;
DELETE FROM core.article_signatures;
