-- The day an article counts for in daily and weekly marts: its publication day, or the day it was
-- first seen when it is undated.
CREATE OR REPLACE MACRO core.article_day(published_at, first_seen_at) AS
    coalesce(CAST(published_at AS DATE), CAST(first_seen_at AS DATE));
