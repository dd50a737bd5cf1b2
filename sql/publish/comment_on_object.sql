-- Template: DuckDB binds no parameters in COMMENT ON; {kind} is TABLE, VIEW or MACRO from the code,
-- {target} an allow-listed object, {text} a quoted literal from sql/marts or schemas/contract.yaml.
COMMENT ON {kind} {target} IS {text}
