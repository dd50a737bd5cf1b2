-- Whether the DDL version `fingerprint` is applied (fails when the table does not exist yet).
SELECT count(*) > 0 FROM admin.schema_fingerprints WHERE fingerprint = $fingerprint
