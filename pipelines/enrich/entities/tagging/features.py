"""CRF token features for Arabic and English, cached per word type for speed.

Each word's own features and its features as a neighbour (±1, ±2) depend on the word alone,
so they are computed once per distinct word; a sentence's feature lists are concatenations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.enrich.entities.names.known_spans import SPAN_MARK, KnownSpans
from pipelines.enrich.entities.names.text import (
    extended_forms,
    inner_forms,
    is_arabic,
    normalize_word,
    token_form,
    token_forms,
)
from pipelines.enrich.entities.tagging.arabic_stems import GROUPS, stem_features

_PUNCT = frozenset(".,;:!?؟،؛\"'()[]{}«»-–—/…")
_CACHE_LIMIT = 500_000
# Arabic stem features (`arabic_stems`) a word passes on as the ±1 neighbour (group `near`).
STEM_NEAR = ("ls", "lg", "lp", "nb")
# Where a token's features come from: its own word (0) and its neighbours, in this order.
OFFSETS = (0, -1, 1, -2, 2)
# Feature prefixes a word passes on as the ±1 neighbour, and as the ±2 neighbour.
NEAR = ("w=", "s=", "sh", "ga", "cl", "x2", "pc", "pn", "tg", "fq", "pw", "ow", *STEM_NEAR)
FAR = ("w=", "s=", "ga", "pn", "tg", "pw")
_NEAR_WITHOUT_STEMS = NEAR[: -len(STEM_NEAR)]


def _typed(words: str, kind: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), kind)


# Normalized words (article dropped) that announce a name of a type: titles before persons,
# head nouns of organisations and places (`tg=` features, seen by the words around them).
TRIGGERS: dict[str, str] = {
    **_typed(
        "رئيس رئيسه وزير وزيره شيخ سيد سيده امير اميره ملك ملكه نائب مدير مديره سفير قائد زعيم "
        "امين مستشار مستشاره دكتور مهندس لواء عميد عقيد جنرال لاعب مدرب كاتب كاتبه شاعر فنان "
        "فنانه مخرج ممثل ممثله متحدث ناطق استاذ بروفسور بابا امام مرشح سناتور قاضي محامي "
        "مراسل زميل عاهل ولي مطرب مطربه مغني مغنيه حاكم محافظ",
        "PER",
    ),
    **_typed(
        "شركه جامعه وزاره حزب منظمه هيئه مجلس وكاله بنك مصرف جمعيه اتحاد لجنه مؤسسه جبهه حركه "
        "صحيفه مجموعه مركز معهد نادي فريق منتخب محكمه برلمان اكاديميه كليه مكتب اداره صندوق "
        "مديريه نقابه تحالف ائتلاف قناه اذاعه تلفزيون جريده مجله بورصه سوق مصنع مستشفي "
        "مدرسه مجمع رابطه دائره",
        "ORG",
    ),
    **_typed(
        "مدينه محافظه منطقه ولايه اقليم جزيره جزر نهر بحر جبل جبال بحيره عاصمه قريه بلده "
        "مقاطعه دوله جمهوريه مملكه مخيم حي ميناء مطار شمال جنوب شرق غرب وسط شمالي جنوبي "
        "شرقي غربي ضاحيه صحراء خليج مضيق قضاء ريف",
        "LOC",
    ),
}


# New words' features are most of a cold run's tagging (every dump brings new words): the
# prefix and suffix features' names, and the trigrams' slices, are built once.
_AFFIXES = tuple((n, f"p{n}=", f"x{n}=") for n in (1, 2, 3, 4))
_LENGTHS = tuple(f"len={n}" for n in range(11))
_SLICES = [tuple(slice(i, i + 3) for i in range(size)) for size in range(64)]


def _trigram_slices(size: int) -> tuple[slice, ...]:
    """The slices of the character trigrams of a `size`-letter stem padded with `<` and `>`."""
    return _SLICES[size] if size < len(_SLICES) else tuple(slice(i, i + 3) for i in range(size))


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    # `isalnum` settles most words at C speed (the generator: words with marks or symbols)
    if word in _PUNCT or not (word.isalnum() or any(c.isalnum() for c in word)):
        return "punct"
    if is_arabic(word):
        return "arabic"
    if word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    if word.isalpha() and word.isascii():
        return "lower"
    return "other"


@dataclass
class FeatureExtractor:
    """Word features given the gazetteer vocabulary and the lexicon saved with a model.

    `place_words`: normalized words that are whole place names (by type); `name_words`: words of
    multi-word gazetteer names; `known`: words a proclitic may be stripped down to;
    `clusters`: word → distributional cluster id learned from unlabelled text;
    `person_words`: words of person names from an openly licensed name list;
    `frequency`: normalized word → twice its Zipf frequency in general Arabic text (absent: 0);
    `affinity`: bare word → how much more or less often it takes the article and a pronoun
    than bare (Zipf differences, `word_evidence.word_affinities`; names take neither);
    `wiki_person_words`, `wiki_org_words`: words of well-known people's and sports clubs' names;
    `organisation_words`: words of the crosswalk's organisation names;
    `known_spans`: multi-word names of the crosswalk and the gazetteer (`marked`).
    """

    place_words: dict[str, str]
    name_words: frozenset[str]
    known: frozenset[str]
    clusters: dict[str, str] = field(default_factory=dict)
    person_words: frozenset[str] = frozenset()
    frequency: dict[str, int] = field(default_factory=dict)
    affinity: dict[str, list[str]] = field(default_factory=dict)
    wiki_person_words: frozenset[str] = frozenset()
    wiki_org_words: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    known_spans: KnownSpans = field(default_factory=lambda: KnownSpans.build([]))
    # `known` plus the known names' Arabic first words, for name-start forms only (`وحماس` ->
    # `حماس`); never for stems or place matching, where longer proclitics would then cut real
    # words (`وباريس` -> `و` + `ب` + `اريس`).
    span_known: frozenset[str] = frozenset()
    stem_groups: frozenset[str] = GROUPS  # `arabic_stems` features in use
    _cache: dict[str, tuple[list[str], ...]] = field(default_factory=dict, repr=False)

    def word_features(self, word: str) -> list[str]:
        """Features of one word on its own (of a `marked` pseudo-word: plus its span mark)."""
        if SPAN_MARK in word:
            word, mark = word.split(SPAN_MARK)
            return [*self.word_features(word), "sm=" + mark[2:], "smp=" + mark]
        normalized = normalize_word(word)
        shape = _shape(word)
        feats = ["b", "w=" + normalized, "sh=" + shape]
        if shape in ("punct", "digit"):
            return feats
        stem = self.cluster_key(word) if shape == "arabic" else normalized  # cached, shared
        if stem != normalized:
            feats += ["s=" + stem, "pc=" + normalized[: len(normalized) - len(stem)]]
        size = len(stem)
        for n, first, last in _AFFIXES:
            if size <= n:
                break
            feats += (first + stem[:n], last + stem[-n:])
        padded = "<" + stem + ">"  # its character trigrams, sliced and prefixed at C speed
        feats += map("c3=".__add__, map(padded.__getitem__, _trigram_slices(size)))
        feats.append(_LENGTHS[min(size, 10)])
        place = self.place_words.get(stem)
        if place:
            feats.append("gaz=" + place)
        if stem in self.name_words:
            feats.append("gazw")
        if stem in self.person_words:
            feats.append("pn")
        if stem in self.wiki_person_words:
            feats.append("pw")
        if stem in self.wiki_org_words:
            feats.append("ow")
        if stem in self.organisation_words:
            feats.append("co")
        cluster = self.clusters.get(stem)
        if cluster:
            feats += ["cl=" + cluster, "cl1=" + cluster[:1], "cl2=" + cluster[:2]]
        trigger = TRIGGERS.get(stem)
        if trigger:
            feats.append("tg=" + trigger)
        if shape == "arabic":
            feats.append("fq=" + str(self.frequency.get(normalized, 0)))
            affinity = self.affinity.get(stem)
            if affinity is not None:
                feats += ["da=" + affinity[0], "dp=" + affinity[1]]
            if self.stem_groups:
                feats += stem_features(stem, self.lists_holding, self.stem_groups)
        return feats

    def lists_holding(self, word: str) -> list[str]:
        """The name lists holding a normalized word (`gaz:LOC`, `gazw`, `pn`, `pw`, `ow`, `co`)."""
        found = []
        place = self.place_words.get(word)
        if place:
            found.append("gaz:" + place)
        for name, words in (
            ("gazw", self.name_words),
            ("pn", self.person_words),
            ("pw", self.wiki_person_words),
            ("ow", self.wiki_org_words),
            ("co", self.organisation_words),
        ):
            if word in words:
                found.append(name)
        return found

    def cluster_key(self, word: str) -> str:
        """The form of a word that clusters are keyed by (normalized, proclitics stripped)."""
        return token_form(word, self.known)

    def first_forms(self, words: list[str]) -> list[str]:
        """The words' forms as a known name's first word (cached per word type)."""
        if not self.span_known:
            return token_forms(words, self.known)
        return extended_forms(words, self.known, self.span_known)

    def marked(
        self, words: list[str], firsts: list[str] | None = None, inners: list[str] | None = None
    ) -> list[str]:
        """The words, those inside a known name as pseudo-words with their mark; `firsts` and
        `inners` may give the words' `first_forms` and `inner_forms` already (the decoder's)."""
        spans = self.known_spans
        firsts = self.first_forms(words) if firsts is None else firsts
        if spans.first_words.isdisjoint(firsts):
            return words
        marks = spans.marks(firsts, inner_forms(words) if inners is None else inners)
        if marks is None:
            return words
        pairs = zip(words, marks, strict=True)
        return [word + SPAN_MARK + mark if mark else word for word, mark in pairs]

    def context(self, word: str) -> tuple[list[str], ...]:
        """The word's own features and its features as the -1, +1, -2, +2 neighbour."""
        found = self._cache.get(word)
        if found is not None:
            return found
        own = self.word_features(word)
        near = NEAR if "near" in self.stem_groups else _NEAR_WITHOUT_STEMS
        neighbour = [f for f in own if f[:2] in near]
        far = [f for f in neighbour if f[:2] in FAR]
        entry = (
            own,
            ["-1" + f for f in neighbour],
            ["+1" + f for f in neighbour],
            ["-2" + f for f in far],
            ["+2" + f for f in far],
        )
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def sentence_features(self, words: list[str]) -> list[list[str]]:
        """Feature lists of every word of a sentence (own features plus a ±2 window)."""
        entries = [self.context(word) for word in self.marked(words)]
        last = len(entries) - 1
        result: list[list[str]] = []
        for i, entry in enumerate(entries):
            feats = list(entry[0])
            feats += entries[i - 1][1] if i >= 1 else ["BOS"]
            feats += entries[i + 1][2] if i < last else ["EOS"]
            for part, offset in enumerate(OFFSETS[3:], start=3):
                if 0 <= i + offset <= last:
                    feats += entries[i + offset][part]
            result.append(feats)
        return result
