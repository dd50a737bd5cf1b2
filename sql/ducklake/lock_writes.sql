-- PostgreSQL, run on the catalog database (psycopg parameters): wait for the warehouse's write
-- lock. A session lock: released by unlock_writes, or by the server when the session ends.
SELECT pg_advisory_lock(%(key)s)
