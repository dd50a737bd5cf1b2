-- Template: DuckDB binds no parameters in COMMENT ON; {text} is a quoted literal from sql/marts.
COMMENT ON TABLE {table} IS {text}
