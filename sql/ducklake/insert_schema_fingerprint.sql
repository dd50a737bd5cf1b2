INSERT INTO admin.schema_fingerprints (fingerprint, applied_at) VALUES ($fingerprint, now())
