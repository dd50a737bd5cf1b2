"""The names of the linking rules, in the order the passes apply them.

A tagged span becomes a mention linked to a place or a well-known name, a mention left
unlinked, or no mention at all. When a rule decides it, the rule's name is the mention's
`unlinked_reason` (in `core.entity_mentions`) or the dropped span's `drop_reason` (in
`core.dropped_entity_mentions`). Names are `<pass>.<rule>`; the passes run in this order
(`passes.place_verdict`): `candidate` (linker.py), `phrase` (context.py), `reading`
(readings.py, longer_names.py), `cue` (cues.py), then `mention` (extract.py).
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a mention is not linked, or why a tagged span is no mention."""

    # candidate: the span's gazetteer place, if any (linker.link_span)
    UNKNOWN_NAME = "candidate.unknown_name"  # neither the gazetteer nor the crosswalk has it
    QUOTED_TITLE = "candidate.quoted_title"  # a quoted place name is a title: ORG
    ARTICLE_DISAGREES = "candidate.article_disagrees"  # `رياض` is a first name, `الرياض` the city
    # phrase: what the place name is in its phrase (context.read_phrase)
    NAME_HEAD = "phrase.name_head"  # `مؤتمر الرياض`, `مؤشر مونستر`: part of a longer name
    PROCLITIC_PERSON = "phrase.proclitic_person"  # `باراك`: ب + a town, a person's name
    AFTER_TITLE = "phrase.after_title"  # `الرئيس عمان`: a person
    BESIDE_PERSON = "phrase.beside_person"  # next to a tagged person
    NISBA_CLUB = "phrase.nisba_club"  # `الهلال السعودي`: a club over both words
    NISBA_ADJECTIVE = "phrase.nisba_adjective"  # dropped: an adjective, not a place
    SPORTS_CLUB = "phrase.sports_club"  # `برشلونة نجح` in a sports text
    # reading: another reading of a linked name (readings.read_other_meanings)
    NAMED_PERSON = "reading.named_person"  # `الروماني سان مارتن`
    REGION = "reading.region"  # `المغرب العربي`, `أيرلندا الشمالية`
    PRAYER_TIME = "reading.prayer_time"  # dropped: `صلاة المغرب`
    DEMONYM_ACCUSATIVE = "reading.demonym_accusative"  # dropped: `جنديا تركيا`
    FOREIGN_CLUB = "reading.foreign_club"  # `موناكو الفرنسي`
    CITY_NOT_FOUND = "reading.city_not_found"  # `مدينة X` with no city X in the gazetteer
    NAMED_CLUB = "reading.named_club"  # `اتليتيكو مدريد`
    # cue: whether the name is the place or a common word (cues.check_common_word)
    SUBNATIONAL = "cue.subnational"  # `ولاية جورجيا`: a state, not the country
    QUOTED_NAME = "cue.quoted_name"  # `"إطعام الرياض"`: a name
    CONSTRUCT_HEAD = "cue.construct_head"  # dropped: construct noun `بورصة شنغهاي`
    COMMON_NOUN_LIST = "cue.common_noun_list"  # dropped: `باليمن والبركات`
    MASCULINE_PARTICIPLE = "cue.masculine_participle"  # dropped: `الرباط المتصالب`
    FREQUENT_NOUN = "cue.frequent_noun"  # dropped: `في مشهد جميل`
    FREQUENT_UNSURE = "cue.frequent_unsure"  # dropped: a frequent word, tagger unsure
    COMMON_WORD_UNSURE = "cue.common_word_unsure"  # dropped: ANERcorp says mostly O
    ADVERB_SHAPE = "cue.adverb_shape"  # dropped: `دوما`, `سويا`
    # mention: after the passes (extract.py)
    UNSURE_TOWN = "mention.unsure_town"  # a one-word town abroad the tagger is unsure of
    CLOSE_NAMESAKES = "mention.close_namesakes"  # `ريتشموند`: two namesakes of a size
    OVERLAP = "mention.overlap"  # dropped: overlaps an earlier mention of the sentence
    EMPTY_NAME = "mention.empty_name"  # dropped: no name key is left (only clitics)


PASSES = ("candidate", "phrase", "reading", "cue", "mention")
