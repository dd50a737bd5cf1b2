COMMENT ON COLUMN {column} IS {text}
