-- Template: {uri} is the quoted `ducklake:postgres:<libpq string>` from the operator's
-- configuration, {alias} allow-listed, {options} from the code (READ_ONLY, the quoted DATA_PATH).
ATTACH {uri} AS {alias}{options}
