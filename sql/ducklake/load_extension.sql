-- Template: {extension} is an extension name from the code (ducklake, postgres).
LOAD {extension}
