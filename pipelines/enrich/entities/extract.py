"""Entity mentions of a text: CRF spans and types, gazetteer ids, normalized keys for the rest."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain

from pipelines.enrich.entities.linking.context import SPORTS_ARTICLE_MIN, Verdict, sports_words
from pipelines.enrich.entities.linking.linker import (
    keep_untagged,
    link_span,
    resolve_namesakes,
    unsure_town,
)
from pipelines.enrich.entities.linking.matcher import find_places
from pipelines.enrich.entities.linking.passes import place_verdict
from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.mentions import (
    GAZETTEER_EXTRACTOR,
    MENTION_TYPES,
    TAGGER_EXTRACTOR,
    DroppedSpan,
    Entity,
    Mention,
    keyed_entity,
    place_entity,
    unlinked_reason,
)
from pipelines.enrich.entities.names.crosswalk import load_crosswalk
from pipelines.enrich.entities.names.gazetteer import Place, load_gazetteer
from pipelines.enrich.entities.names.text import (
    PROCLITICS,
    clitic_length,
    is_arabic,
    name_key,
    split_sentences,
    token_forms,
    token_starts,
)
from pipelines.enrich.entities.tagging.document import (
    Span,
    propagate_names,
    tag_spans,
    vote_types,
)
from pipelines.enrich.entities.tagging.latin_features import (
    LATIN_LANGUAGES,
    tidy_latin_spans,
)
from pipelines.enrich.entities.tagging.organisations import (
    has_organisation_heads,
    known_organisation_spans,
    organisation_spans,
    standalone_organisations,
)
from pipelines.enrich.entities.tagging.tagger import Tagger, load_lexicon, load_tagger, stoplist
from pipelines.enrich.entities.versions import TAGGER_LANGUAGES, gazetteer_version

TagResult = tuple[list[str], list[float]]  # IOB2 tags and their marginal probabilities


@dataclass
class Found:
    """What one text yields: its mentions, and the tagged spans the linking rules dropped."""

    mentions: list[Mention] = field(default_factory=list)
    dropped: list[DroppedSpan] = field(default_factory=list)


@cache
def _known_words() -> frozenset[str]:
    """Words a proclitic may be stripped down to, for languages without a tagger."""
    return frozenset(load_lexicon()["known"]) | load_gazetteer().vocabulary


def extract_mentions(text: str, language: str | None, field: str = "body") -> list[Mention]:
    """Mentions in `text`; the tagger is chosen by language, others get gazetteer matches only."""
    return extract_texts([(text, language, field)])[0]


def extract_texts(items: list[tuple[str, str | None, str]]) -> list[list[Mention]]:
    """Mentions of many (text, language, field) items (see `find_in_texts`)."""
    return [found.mentions for found in find_in_texts(items)]


def find_in_texts(items: list[tuple[str, str | None, str]]) -> list[Found]:
    """Mentions and dropped spans of many (text, language, field) items; each language's
    sentences are tagged in one batch, which is what makes the decoder fast."""
    split = [split_sentences(text) for text, _, _ in items]
    words = [sentence_words for sentence_words, _ in split]
    tagged: dict[int, list[TagResult]] = {}
    forms: dict[int, list[list[str]]] = {}
    for language in sorted({lang for _, lang, _ in items if lang in TAGGER_LANGUAGES}):
        tagger = load_tagger(language)
        if tagger is None:
            continue
        chosen = [i for i, (_, lang, _) in enumerate(items) if lang == language]
        sentences = [w for i in chosen for w in words[i]]
        results, sentence_forms = tagger.tag_with_forms(sentences)
        at = 0
        for i in chosen:
            tagged[i] = results[at : at + len(words[i])]
            forms[i] = sentence_forms[at : at + len(words[i])]
            at += len(words[i])
    return [
        _text_mentions(text, language, field, split[i][1], words[i], tagged.get(i), forms.get(i))
        for i, (text, language, field) in enumerate(items)
    ]


def _text_mentions(
    text: str, language: str | None, field: str, bounds: list[tuple[int, int]],
    words_of: list[list[str]], tag_results: list[TagResult] | None,
    forms_of: list[list[str]] | None,
) -> Found:  # fmt: skip
    gazetteer = load_gazetteer()
    tagger: Tagger | None = load_tagger(language) if language in TAGGER_LANGUAGES else None
    known = tagger.extractor.known if tagger else _known_words()
    version = tagger.model_version if tagger else gazetteer_version()
    never_alone = stoplist()
    person_words = tagger.extractor.person_words if tagger else frozenset()
    if forms_of is None:
        forms_of = [token_forms(words, known) for words in words_of]
    spans_of: list[list[Span]] = []  # each sentence's tagged spans, when it was tagged
    if tag_results is not None:
        tag_results, spans_of = _propagated(words_of, forms_of, tag_results, language == "en")
    found = Found()
    mentions, dropped = found.mentions, found.dropped
    namesakes: list[tuple[int, tuple[Place, ...]]] = []  # mention index, candidate places
    sports_text: list[bool] = []  # computed on first need
    heads = language == "ar" and tagger is not None and has_organisation_heads(text)
    for index, words in enumerate(words_of):
        matches = find_places(words, gazetteer, known, forms_of[index])
        tags, marginals = tag_results[index] if tag_results else (["O"] * len(words), [])
        tagged = spans_of[index] if tag_results else []
        if language == "ar" and tagger is not None:
            tagged = _with_rule_spans(words, forms_of[index], tagged, heads)
        elif tagged and language in LATIN_LANGUAGES:
            tagged = tidy_latin_spans(words, tagged, language, _is_known_name)
        if not tagged and not matches:
            continue
        starts = token_starts(text, bounds[index][0], words)
        covered: set[int] = set()
        for span in tagged:
            link = link_span(words, span, matches, gazetteer)
            verdict = Verdict(link.start, link.end, link.kind, link.place, link.reason)
            # spans the rules added (tags O) are half sure, as propagated ones
            confidence = min(marginals[span[0] : span[1]]) if tags[span[0]] != "O" else 0.5
            if link.place is not None and language == "ar":
                if not sports_text:
                    counted = sports_words(chain.from_iterable(forms_of))
                    sports_text.append(counted >= SPORTS_ARTICLE_MIN)
                sports = (sports_text[0], sports_words(forms_of[index]) > 0)
                verdict = place_verdict(words, tags, forms_of[index], verdict, link.key, sports,
                                        confidence, gazetteer, person_words)  # fmt: skip
            if verdict.kind is None:  # not a mention after all
                reason = verdict.reason or Reason.UNKNOWN_NAME
                dropped.append(_dropped(text, field, words, starts, verdict, span, confidence,
                                        version, reason))  # fmt: skip
                continue
            kind = MENTION_TYPES[verdict.kind]
            if unsure_town(verdict, confidence):
                verdict = Verdict(verdict.start, verdict.end, verdict.kind, None,
                                  Reason.UNSURE_TOWN)  # fmt: skip
            start, end = verdict.start, verdict.end
            if not covered.isdisjoint(range(start, end)):
                dropped.append(_dropped(text, field, words, starts, verdict, span, confidence,
                                        version, Reason.OVERLAP))  # fmt: skip
                continue
            # `لداعش`: a proclitic on a one-word organisation name (`_standalone_organisations`)
            name_known = _with_organisations(known) if kind == "ORG" else known
            first, last = _char_span(words, starts, start, end, name_known)
            entity = place_entity(verdict.place) if verdict.place else None
            if verdict.place is not None and verdict.place.rank >= 2:
                candidates = gazetteer.candidates(link.key)
                if len(candidates) > 1:
                    namesakes.append((len(mentions), candidates))
            entity = entity or keyed_entity(kind, words[start:end], text[first:last], name_known)
            if entity is None:
                dropped.append(_dropped(text, field, words, starts, verdict, span, confidence,
                                        version, Reason.EMPTY_NAME))  # fmt: skip
                continue
            covered.update(range(start, end))
            mentions.append(_mention(field, text, first, last, entity, confidence,
                                     TAGGER_EXTRACTOR, version,
                                     unlinked_reason(entity, verdict.reason)))  # fmt: skip
        for match in matches:
            if match.key in never_alone or not keep_untagged(words, match, tagger is not None):
                continue
            if covered.isdisjoint(range(match.start, match.end)):
                first, last = _char_span(words, starts, match.start, match.end, known)
                mentions.append(_mention(field, text, first, last, place_entity(match.place),
                                         1.0, GAZETTEER_EXTRACTOR, version, None))  # fmt: skip
    if namesakes:
        chosen = resolve_namesakes(
            [m.entity.country_code for m in mentions], namesakes, words_of, gazetteer
        )
        for i, place in chosen.items():
            mention = mentions[i]
            if place is not None:
                mentions[i] = replace(mention, entity=place_entity(place))
            elif entity := keyed_entity("LOC", mention.surface.split(), mention.surface, known):
                why = unlinked_reason(entity, Reason.CLOSE_NAMESAKES)
                mentions[i] = replace(
                    mention, entity=entity, entity_type="LOC", unlinked_reason=why
                )
    mentions.sort(key=lambda m: (m.start_char, m.end_char))
    return found


def _is_known_name(words: list[str]) -> bool:
    """Whether the words are a whole gazetteer, person or organisation name."""
    key = name_key(words)
    return key in load_gazetteer().by_key or any(
        (kind, key) in load_crosswalk() for kind in ("PER", "ORG")
    )


def _is_organisation(form: str) -> bool:
    """Whether a word's token form is a crosswalk organisation's whole name (`ford`)."""
    return ("ORG", form) in load_crosswalk()


def _char_span(
    words: list[str], starts: list[int], start: int, end: int, known: frozenset[str]
) -> tuple[int, int]:
    """Where the words [start, end) of a sentence lie in the text, without a bare proclitic on
    the first word (`لحزب العمال` → `حزب العمال`)."""
    return starts[start] + clitic_length(words[start], known), starts[end - 1] + len(words[end - 1])


def _with_rule_spans(
    words: list[str], forms: list[str], tagged: list[Span], heads: bool
) -> list[Span]:
    """Tagged spans plus the organisation rules' spans that overlap none of them; `heads`:
    whether the text holds a head noun (`has_organisation_heads`)."""
    rules = organisation_spans(words) if heads else []
    written = _standalone_forms()
    if not written.isdisjoint(forms):
        rules += known_organisation_spans(forms, written)
    if not rules:
        return tagged
    inside = {i for s, e, _ in tagged for i in range(s, e)}
    for span in sorted(rules):
        if inside.isdisjoint(range(*span[:2])):
            tagged = [*tagged, span]
            inside.update(range(*span[:2]))
    return sorted(tagged)


@cache
def _standalone_forms() -> frozenset[str]:
    """The standalone organisation names as their words' token forms show them: bare, and
    behind a proclitic (`لداعش`: the form keeps it, the name is no `known` word)."""
    names = _standalone_organisations()
    return names | {clitic + name for clitic in PROCLITICS for name in names}


@cache
def _with_organisations(known: frozenset[str]) -> frozenset[str]:
    return known | _standalone_organisations()


@cache
def _standalone_organisations() -> frozenset[str]:
    """`organisations.standalone_organisations` of the crosswalk, by the Arabic affinities."""
    tagger = load_tagger("ar")
    affinity = tagger.extractor.affinity if tagger else {}
    keys = [key for kind, key in load_crosswalk() if kind == "ORG" and is_arabic(key)]
    return standalone_organisations(keys, affinity)


def _propagated(
    words: list[list[str]], forms: list[list[str]], results: list[TagResult], vote: bool = False
) -> tuple[list[TagResult], list[list[Span]]]:
    """Tags after one-sense-per-document propagation (with `vote`, English: each
    name first typed alike across the text, `document.vote_types`), and their spans (those of
    unchanged sentences found once); retyped and propagated tokens get confidence 0.5."""
    tags = [r[0] for r in results]
    voted = vote_types(forms, tags, _is_organisation) if vote else tags
    spans = [tag_spans(sentence_tags) for sentence_tags in voted]
    fresh = propagate_names(words, voted, str, forms, spans)
    out: list[TagResult] = []
    for index, (result, old, new) in enumerate(zip(results, tags, fresh, strict=True)):
        if new is old or new == old:
            out.append(result)
        else:
            marginals = [m if o == n else 0.5 for m, o, n in zip(result[1], old, new, strict=True)]
            out.append((new, marginals))
        if new is not voted[index]:
            spans[index] = tag_spans(new)
    return out, spans


def _mention(
    field: str, text: str, start_char: int, end_char: int, entity: Entity, confidence: float,
    extractor: str, version: str, reason: Reason | None,
) -> Mention:  # fmt: skip
    return Mention(
        field, text[start_char:end_char], start_char, end_char, entity.entity_type,
        round(confidence, 4), extractor, version, entity, reason,
    )  # fmt: skip


def _dropped(
    text: str, field: str, words: list[str], starts: list[int], verdict: Verdict, span: Span,
    confidence: float, version: str, reason: Reason,
) -> DroppedSpan:  # fmt: skip
    first, last = starts[verdict.start], starts[verdict.end - 1] + len(words[verdict.end - 1])
    return DroppedSpan(field, text[first:last], first, last, MENTION_TYPES[span[2]],
                       round(confidence, 4), version, reason)  # fmt: skip
