-- Entities a batch links (gazetteer or crosswalk) that an earlier load stored by name key alone:
-- they take the linked names and are no longer renamed by their most frequent surface.
UPDATE core.entities AS e
SET name = b.name, name_ar = coalesce(b.name_ar, e.name_ar), is_linked = true
FROM (
    SELECT entity_id, min(name) AS name, min(name_ar) AS name_ar
    FROM batch
    WHERE is_linked
    GROUP BY entity_id
) AS b
WHERE e.entity_id = b.entity_id AND NOT e.is_linked
