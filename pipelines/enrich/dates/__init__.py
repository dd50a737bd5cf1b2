"""Date mentions: find date expressions in article text and resolve them against publication."""

from pipelines.enrich.dates.mentions import DateMention, find_date_mentions

__all__ = ["DateMention", "find_date_mentions"]
