"""Names as text: token forms and name keys, the gazetteer of places, the crosswalk of
well-known persons and organisations, and the multi-word names the tagger marks as known."""
