-- Every date expression found in an article's body, resolved to an inclusive date range.
CREATE TABLE IF NOT EXISTS core.date_mentions (
    article_id VARCHAR NOT NULL,
    mention_index INTEGER NOT NULL,    -- 0-based order of the mention in the body
    surface_text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,       -- character offsets in core.articles.body, end exclusive
    end_char INTEGER NOT NULL,
    resolved_start DATE,               -- NULL: not resolvable (no publication date, vague, incomplete Hijri)
    resolved_end DATE,                 -- inclusive: a month mention ends on the month's last day
    granularity VARCHAR NOT NULL,      -- 'day' | 'week' | 'month' | 'year'
    is_relative BOOLEAN NOT NULL,      -- resolved against the publication date (anchor_date)
    anchor_date DATE,                  -- the publication day (UTC) used as anchor; NULL when undated
    calendar VARCHAR NOT NULL,         -- 'gregorian' | 'hijri'
    language VARCHAR NOT NULL          -- the language whose patterns found it
);
