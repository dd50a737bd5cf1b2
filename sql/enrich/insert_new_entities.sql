-- Entities not seen before; ids are derived from ISO code / GeoNames id / name key, so stable.
INSERT INTO core.entities (
    entity_id, entity_type, name, name_ar, country_code, geonames_id, latitude, longitude,
    is_linked
)
SELECT
    entity_id, arg_min(entity_type, name), min(name), min(name_ar), min(country_code),
    min(geonames_id), min(latitude), min(longitude), bool_or(is_linked)
FROM batch
WHERE entity_id NOT IN (SELECT entity_id FROM core.entities)
GROUP BY entity_id
