"""The Great Expectations gate in front of publication: suites in code, results, Data Docs."""
