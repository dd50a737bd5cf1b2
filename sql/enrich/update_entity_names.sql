-- Unlinked entities are shown by their most frequent surface (ties: the longest, then the
-- alphabetically first), over all their mentions; only the unlinked entities the given articles
-- name now or named before (`$entity_ids`) are recomputed. Linked ones are left out before their
-- mentions are read: a country's mentions grow with the warehouse.
UPDATE core.entities AS e
SET name = s.surface
FROM (
    SELECT entity_id, arg_min(surface, (-count_mentions, -length(surface), surface)) AS surface
    FROM (
        SELECT entity_id, surface, count(*) AS count_mentions
        FROM core.entity_mentions
        WHERE entity_id IN (
            SELECT entity_id
            FROM core.entities
            WHERE NOT is_linked
                AND (
                    entity_id IN (SELECT unnest($entity_ids))
                    OR entity_id IN (
                        SELECT entity_id FROM core.entity_mentions
                        WHERE article_id IN (SELECT unnest($article_ids))
                    )
                )
        )
        GROUP BY entity_id, surface
    )
    GROUP BY entity_id
) AS s
WHERE e.entity_id = s.entity_id AND NOT e.is_linked AND e.name <> s.surface;
