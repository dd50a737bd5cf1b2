"""Text pieces shared by several stages (pure): Unicode and whitespace normalization, and the
parsing of publication-date strings with its vocabulary. Ingest (HTML dates), validation (date
bounds), cleaning and date mentions all read dates the same way, so this sits below them all."""
