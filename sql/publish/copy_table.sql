-- Template: {target} and {source} are allow-listed tables (marts discovered, core listed in code).
CREATE OR REPLACE TABLE {target} AS SELECT * FROM {source}
