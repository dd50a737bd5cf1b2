-- Template: {path} is a quoted literal from the operator's configuration, {alias} allow-listed.
ATTACH {path} AS {alias}
