-- PostgreSQL, run on the catalog database (psycopg parameters): release the write lock.
SELECT pg_advisory_unlock(%(key)s)
