-- Template: {target} and {source} are allow-listed tables (marts discovered, others from
-- schemas/contract.yaml), {columns} `*` or their quoted contract columns.
CREATE OR REPLACE TABLE {target} AS SELECT {columns} FROM {source}
