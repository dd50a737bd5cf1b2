"""Linking rules on tiny sentences with given tags (independent of the CRF's decisions)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from pipelines.enrich.entities.build.gazetteer_build import build_gazetteer
from pipelines.enrich.entities.build.word_evidence import MissingData, word_zipf
from pipelines.enrich.entities.linking.context import Verdict
from pipelines.enrich.entities.linking.linker import article_agrees, resolve_namesakes
from pipelines.enrich.entities.names.gazetteer import load_gazetteer
from pipelines.enrich.entities.names.text import name_key
from tests.enrich.placed import judged, reviewed

PERSONS = frozenset({"باراك"})


def _judge(sentence: str, place_word: str, sports_text: bool = False, tags: str = "") -> Verdict:
    """Judge the one-word place `place_word` of `sentence`."""
    return judged(sentence, place_word, tags=tags, sports_text=sports_text, persons=PERSONS)


@pytest.mark.parametrize(
    ("sentence", "word", "kind", "start", "end"),
    [
        ("سيدخل بهم الأدوار النهائية لدوري ابطال آسيا للاندية", "آسيا", "MISC", 4, 7),
        ("طرحت في منتدى الرياض الاقتصادي الأسبوع المنصرم", "الرياض", "MISC", 2, 5),
        ("شارك في مهرجان ينبع 36 بأكبر تجمع", "ينبع", "MISC", 2, 5),
        ("عثر باحثون في جامعة برمنغهام على صفحات", "برمنغهام", "ORG", 3, 5),
        ("رحيل الحارس إلى بورتو البرتغالي لم يحبط", "بورتو", "ORG", 3, 5),
        ("مذكرات الشاعر بيرم التونسي", "بيرم", "PERS", 2, 3),
        ("قدمها اللاعب براندون لافل للمشجعين", "براندون", "PERS", 2, 3),
        ("للرئيس الأميركي باراك أوباما", "باراك", "PERS", 2, 3),
        # after a venue, broadcaster or festival head
        ("نسبة كبيرة وفندق بكة أراك الواقع", "أراك", "ORG", 2, 5),
        ("ينظم مختبر السرديات بمكتبة الإسكندرية ندوة", "الإسكندرية", "ORG", 3, 5),
        ("اختتمت حفلات « ليالي دبي في العيد »", "دبي", "MISC", 3, 5),
        ("قالت إذاعة شمال ألمانيا إن", "ألمانيا", "ORG", 1, 4),
    ],
)
def test_place_inside_a_name_is_not_linked(
    sentence: str, word: str, kind: str, start: int, end: int
) -> None:
    verdict = _judge(sentence, word)
    assert (verdict.kind, verdict.start, verdict.end, verdict.place) == (kind, start, end, None)


def test_city_in_a_sports_text_is_a_club_unless_it_is_where_things_happen() -> None:
    assert _judge("جدير بالذكر أن برشلونة نجح مطلع الشهر", "برشلونة", True).kind == "ORG"
    assert _judge("صعبت من لعب نجران على ملعب الأخدود", "نجران").kind == "ORG"  # ملعب: sport
    kept = ["إقامة السوبر في لندن", "معسكر الفريق بالرياض", "سبق- جدة : أعلن النادي"]
    for sentence, word in zip(kept, ["لندن", "بالرياض", "جدة"], strict=True):
        assert _judge(sentence, word, True).place is not None, sentence
    assert _judge("ينطلق اليوم في برشلونة الإسبانية", "برشلونة", True).place is not None


def test_masculine_nisba_after_a_city_drops_the_link() -> None:
    assert _judge("قطع في الرباط الصليبي", "الرباط").kind is None  # a ligament
    assert _judge("منطقة الرمادي الشمالي", "الرمادي").place is not None  # a district


def test_next_person_tag_makes_a_person_unless_the_place_is_locative() -> None:
    person = _judge("تعيين بندر الجعيثن مدربا", "بندر", tags="O B-LOC B-PERS O")
    assert person.kind == "PERS"
    place = _judge("القنصل في جدة محمد شوكت", "جدة", tags="O O B-LOC B-PERS I-PERS")
    assert place.place is not None


def test_article_must_agree_with_the_places_arabic_names() -> None:
    gazetteer = load_gazetteer()
    for surface, linked in [
        ("البخاري", False),  # a nisba; the city is بخارى
        ("رياض", False),  # a first name; the city is الرياض
        ("الرياض", True),
        ("القدس", True),
        ("بجدة", True),
    ]:
        key = name_key([surface], gazetteer.vocabulary)
        place = gazetteer.lookup(key)
        assert place is not None
        assert article_agrees(gazetteer, key, place, [surface]) is linked, surface


def test_namesakes_go_to_the_bigger_city_or_one_in_a_country_the_text_names() -> None:
    gazetteer = load_gazetteer()
    birmingham = gazetteer.candidates(name_key(["برمنغهام"]))
    assert birmingham[0].country_code == "GB"  # GeoNames spells it in Arabic for Alabama only
    newcastle = gazetteer.candidates(name_key(["نيوكاسل"]))
    assert newcastle[0].country_code == "AU"
    chosen = resolve_namesakes(
        [None], [(0, newcastle)], [["بمستشفيات", "نيوكاسل", "البريطانية"]], gazetteer
    )
    assert chosen[0] is not None and chosen[0].country_code == "GB"
    # Newcastle AU and ZA are of about the same size: without a country, not linked
    assert resolve_namesakes([None], [(0, newcastle)], [["نيوكاسل"]], gazetteer) == {0: None}


def _review(sentence: str, place_word: str, tags: str = "", confidence: float = 0.8) -> Verdict:
    """The reading and cue passes over the one-word place `place_word`."""
    return reviewed(sentence, place_word, tags=tags, confidence=confidence)


def test_state_named_like_a_country_or_city_is_not_linked() -> None:
    verdict = _review("أستاذ بجامعة ايمورى بولاية جورجيا الامريكية", "جورجيا")
    assert (verdict.kind, verdict.place) == ("LOC", None)
    assert _review("زار الوزير جورجيا أمس", "جورجيا").place is not None


def test_place_inside_a_short_quoted_name_is_an_organisation() -> None:
    verdict = _review('فقد سجلت " إطعام الرياض " خلال رمضان', "الرياض")
    assert (verdict.kind, verdict.start, verdict.end, verdict.place) == ("ORG", 3, 5, None)
    listed = _review('بين البلدين " البحرين والسعودية " بالربط', "البحرين", "O O O B-LOC B-LOC O O")
    assert listed.place is not None  # a list in quotes, not a name


def test_city_in_construct_with_another_place_is_a_common_noun() -> None:
    tags = "O B-LOC B-LOC O"
    assert _review("في بورصة شنغهاي للذهب", "بورصة", tags).kind is None
    assert _review("في الرياض والدمام أمس", "الرياض", tags).place is not None  # a list


def test_with_good_fortune_is_no_yemen() -> None:
    assert _review("اعاده الله على الجميع باليمن والبركات", "باليمن").kind is None
    assert _review("تنتشر الجماعات في اليمن والعراق", "اليمن", "O O O B-LOC B-LOC").place
    assert _review("أن يعيده على الجميع بالخير واليمن والبركات", "واليمن").kind is None
    assert _review("زار الوزير بالرياض واليمن والعراق", "واليمن", "O O B-LOC B-LOC B-LOC").place


def test_adverbs_and_common_words_need_a_cue_or_a_sure_tagger() -> None:
    assert _review("نحن نتحرك سويًّا في الطائرات", "سويًّا").kind is None  # tanween
    assert _review("ليظل دوما كما عهدناه", "دوما", confidence=0.64).kind is None
    assert _review("ليظل دوما كما عهدناه", "دوما", confidence=0.995).place is not None
    assert _review("قصف في دوما أمس", "دوما", confidence=0.64).place is not None  # a cue
    assert load_gazetteer().common_word(name_key(["بورصة"]))  # ANERcorp train: mostly O
    assert _review("ارتفعت بورصة أمس", "بورصة", confidence=0.8).kind is None
    assert not load_gazetteer().common_word(name_key(["اليمن"]))


def test_namesakes_of_about_the_same_size_are_not_linked_without_a_country() -> None:
    gazetteer = load_gazetteer()
    richmond = gazetteer.candidates(name_key(["ريتشموند"]))
    assert resolve_namesakes([None], [(0, richmond)], [["ريتشموند"]], gazetteer) == {0: None}
    london = gazetteer.candidates(name_key(["لندن"]))
    assert resolve_namesakes([None], [(0, london)], [["لندن"]], gazetteer) == {}  # GB, far bigger


def test_frequent_word_needs_a_preposition_and_no_genitive() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.frequent_word("اقصر", False)  # `أقصر` "shortest": Zipf 4.1, not in ANERcorp
    assert not gazetteer.frequent_word("اقصر", True)  # `الأقصر` (Luxor) is rarer as a word
    assert gazetteer.frequent_word("مشهد", False)  # `المشهد` as frequent: a noun
    assert not gazetteer.frequent_word("بغداد", False)  # Zipf 4.9, but a name in ANERcorp
    assert _review("من المعلوم أن أقصر الطرق", "أقصر", confidence=0.85).kind is None
    assert _review("من المعلوم أن أقصر الطرق", "أقصر", confidence=0.95).place  # Arab world: 0.9
    assert _review("وقد لا يشعر المودع البسيط بهذا", "البسيط", confidence=0.91).kind is None
    assert _review("وتم عمل مشهد مبسط قامت به", "مشهد", confidence=0.97).kind is None
    assert _review("تغير جذريا في مشهد العمليات تلك", "مشهد", confidence=0.84).kind is None
    assert _review("بربك ما العمل", "بربك", confidence=0.8).kind is None  # a proclitic: no cue
    assert _review("وصل الوفد إلى مشهد أمس", "مشهد", confidence=0.8).place is not None
    assert _review("وقال مستهلكون بالدمام إن", "بالدمام", confidence=0.7).place  # `بال`
    assert _review("في محافظات حماه وحلب وحمص", "وحلب", "O O B-LOC B-LOC B-LOC", 0.5).place
    assert _review("زار الوزير الأقصر أمس", "الأقصر", confidence=0.8).place is not None


def test_masculine_participle_after_a_city_makes_a_common_noun() -> None:
    assert _review("قطع في الرباط المتصالب مما", "الرباط", confidence=0.9).kind is None
    assert _review("وصل الوفد إلى الرباط المغربية", "الرباط").place is not None


def test_gazetteer_build_needs_word_evidence(tmp_path: Path) -> None:
    msgpack = pytest.importorskip("msgpack")  # build time only (`make model`)
    with pytest.raises(MissingData):
        build_gazetteer(tmp_path / "g.tsv.gz", anercorp=tmp_path / "missing.txt")
    buckets: list[object] = [{"format": "cB", "version": 1}, *[[] for _ in range(500)]]
    buckets[451] = ["مشهد", "المشهد"]  # -450 cB: Zipf 4.5
    buckets[301] = ["أراك"]  # -300 cB: Zipf 6.0 (`أ` normalizes to `ا`)
    path = tmp_path / "large_ar.msgpack.gz"
    path.write_bytes(gzip.compress(msgpack.packb(buckets)))
    assert word_zipf(path, {"مشهد", "اراك", "lyon"}) == {"مشهد": (4.5, 4.5), "اراك": (6.0, 0.0)}
