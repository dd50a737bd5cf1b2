-- Provenance of the publication date: where it came from ('field' | 'text' | 'html' | 'url' |
-- 'crawl'), how much to trust it (0-1), and whether its day/month order was ambiguous.
ALTER TABLE staging.cleaned_records ADD COLUMN IF NOT EXISTS published_at_source VARCHAR;
ALTER TABLE staging.cleaned_records ADD COLUMN IF NOT EXISTS published_at_confidence DOUBLE;
ALTER TABLE staging.cleaned_records ADD COLUMN IF NOT EXISTS is_published_at_ambiguous BOOLEAN;
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS published_at_source VARCHAR;
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS published_at_confidence DOUBLE;
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS is_published_at_ambiguous BOOLEAN;
