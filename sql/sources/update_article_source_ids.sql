-- Point every article at its outlet; rows already right are left alone.
UPDATE core.articles AS a
SET source_id = k.source_id
FROM source_keys AS k
WHERE a.source IS NOT DISTINCT FROM k.source
    AND core.url_host(coalesce(a.url, a.canonical_url)) IS NOT DISTINCT FROM k.host
    AND a.source_id IS DISTINCT FROM k.source_id
