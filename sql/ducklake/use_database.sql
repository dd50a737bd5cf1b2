-- Template: {alias} allow-listed; unqualified `schema.table` names then resolve in the DuckLake.
USE {alias}
