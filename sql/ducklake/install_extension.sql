-- Template: {path} is the quoted path of an extension binary shipped in a pinned wheel
-- (duckdb-extension-ducklake, -postgres): installed from the file, never downloaded.
INSTALL {path}
