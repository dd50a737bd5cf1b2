"""Boilerplate removal table: banners and footers that must go, news prose that must stay."""

from __future__ import annotations

import pytest

from pipelines.clean.boilerplate import remove_boilerplate, score_sentence
from pipelines.clean.boilerplate_signals import ALL_SIGNALS, may_contain_signal

ARTICLE = "The council met on Monday and approved the new budget."

TRAILING_BOILERPLATE = [
    # (trailing block, expected reason)
    ("We use cookies to personalise content. By using our site you accept them.", "cookie_banner"),
    (
        "In order to provide you with a better service, we position cookies on our site. "
        "Your personal data is collected and processed within the scope of KVKK and GDPR.",
        "cookie_banner",
    ),
    ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie_banner"),
    ("Wir verwenden Cookies, um Inhalte zu personalisieren.", "cookie_banner"),
    ("Utilizamos cookies propias y de terceros.", "cookie_banner"),
    ("Sitemizde çerezler kullanılmaktadır. Detaylar için aydınlatma metni.", "cookie_banner"),
    ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", "cookie_banner"),
    ("يستخدم هذا الموقع ملفات الكوكيز.", "cookie_banner"),
    ("© 2024 Example News. All rights reserved.", "boilerplate"),
    ("Tous droits réservés.", "boilerplate"),
    ("Alle Rechte vorbehalten.", "boilerplate"),
    ("Todos los derechos reservados.", "boilerplate"),
    ("Tüm hakları saklıdır.", "boilerplate"),
    ("جميع الحقوق محفوظة لصحيفة المثال 2024", "boilerplate"),
    ("Subscribe to our daily newsletter for more stories.", "boilerplate"),
    ("اشترك في النشرة البريدية لتصلك آخر الأخبار", "boilerplate"),
    ("Share this article", "boilerplate"),
]


@pytest.mark.parametrize(("block", "reason"), TRAILING_BOILERPLATE)
def test_trailing_boilerplate_block_is_removed(block: str, reason: str) -> None:
    assert remove_boilerplate(f"{ARTICLE}\n\n{block}") == (ARTICLE, (reason,))


@pytest.mark.parametrize(("block", "reason"), TRAILING_BOILERPLATE)
def test_boilerplate_glued_after_last_sentence_is_removed(block: str, reason: str) -> None:
    assert remove_boilerplate(f"{ARTICLE} {block}") == (ARTICLE, (reason,))


def test_button_lines_after_a_banner_go_with_it() -> None:
    text = f"{ARTICLE}\n\nWe use cookies on this website.\nAccept all\nManage preferences"
    assert remove_boilerplate(text) == (ARTICLE, ("cookie_banner",))


NEWS_THAT_STAYS = [
    "Critics said the privacy policy of the agency is vague.",
    "The GDPR allows fines of up to four percent of turnover, the regulator said.",
    "Privacy advocates want limits on how personal data is shared with police.",
    "The bakery sold 500 cookies at the charity fair.",
    "Related to this, the ministry announced new rules.",
    "شارك الآلاف في المسيرة التي نظمت وسط المدينة.",
    "وأكد الوزير أهمية حماية الخصوصية والبيانات الشخصية للمواطنين.",
    "Accept",  # alone, without a banner before it, a one-word line is left alone
]


@pytest.mark.parametrize("sentence", NEWS_THAT_STAYS)
def test_news_mentioning_boilerplate_words_stays(sentence: str) -> None:
    text = f"{ARTICLE}\n\n{sentence}\n\nThe session ended at noon."
    assert remove_boilerplate(text) == (text, ())
    last = f"{ARTICLE}\n\n{sentence}"
    assert remove_boilerplate(last) == (last, ())


TEASER_LINES = [
    "Read also: Storm hits the coast",
    "Read more: the full report",
    "Lire aussi : La réforme adoptée",
    "اقرأ أيضا: الأرصاد تحذر من موجة حر",
    "اقرأ أيضاً| قرار جديد من الوزارة",
    "Related: Budget approved",
    "Advertisement",
    "إعلان",
]


@pytest.mark.parametrize("teaser", TEASER_LINES)
def test_teaser_and_ad_lines_are_removed_anywhere(teaser: str) -> None:
    text = f"{ARTICLE}\n{teaser}\nThe session ended at noon."
    assert remove_boilerplate(text) == (
        f"{ARTICLE}\nThe session ended at noon.",
        ("boilerplate",),
    )


def test_banner_line_in_the_middle_is_removed() -> None:
    text = f"{ARTICLE}\nWe use cookies to improve your experience.\nThe session ended at noon."
    assert remove_boilerplate(text) == (
        f"{ARTICLE}\nThe session ended at noon.",
        ("cookie_banner",),
    )


@pytest.mark.parametrize(("block", "reason"), TRAILING_BOILERPLATE)
def test_keyword_prefilter_never_hides_a_signal(block: str, reason: str) -> None:
    for sentence in block.split(". "):
        if any(signal.pattern.search(sentence) for signal in ALL_SIGNALS):
            assert may_contain_signal(sentence), sentence
            assert score_sentence(sentence).weight > 0


# One sentence per signal at least; the test below checks every signal is exercised.
SIGNAL_EXAMPLES = [
    "We use cookies.",
    "Cookies help us improve the service.",
    "You agree to cookies.",
    "By continuing to browse the site you agree.",
    "Read our cookie policy.",
    "See the disclosure text.",
    "Details under KVKK.",
    "Nous utilisons des cookies.",
    "Les cookies nécessitent votre consentement.",
    "En poursuivant votre navigation, vous acceptez.",
    "Diese Website verwendet Cookies.",
    "Cookie-Einstellungen ändern.",
    "Usamos cookies.",
    "Las cookies requieren su consentimiento.",
    "Çerezler kullanılmaktadır ve politikamız geçerlidir.",
    "Aydınlatma metni için tıklayın.",
    "نستخدم ملفات تعريف الارتباط.",
    "يستخدم الموقع الكوكيز.",
    "باستخدامك لهذا الموقع فإنك توافق على الشروط.",
    "Cookies.",
    "Read our privacy policy.",
    "Your personal data matters.",
    "Under the GDPR.",
    "Lisez notre politique de confidentialité.",
    "Datenschutzerklärung",
    "Consulte la política de privacidad.",
    "Kişisel verilerin korunması.",
    "اطلع على سياسة الخصوصية.",
    "Accept all",
    "All rights reserved.",
    "Tous droits réservés.",
    "Alle Rechte vorbehalten.",
    "Todos los derechos reservados.",
    "Tüm hakları saklıdır.",
    "جميع الحقوق محفوظة",
    "Copyright 2024 Example.",
    "Subscribe to our newsletter.",
    "Abonnez-vous à notre newsletter.",
    "Newsletter abonnieren",
    "Suscríbete a nuestro boletín.",
    "Bültene abone olun.",
    "اشترك في النشرة اليومية",
    "Share this story",
    "Partager cet article",
    "Follow us on Twitter",
    "تابعونا على تويتر",
    "Read the terms of use.",
    "Voir les conditions d'utilisation.",
    "اطلع على شروط الاستخدام",
]


def test_every_signal_has_an_example_that_passes_the_prefilter() -> None:
    for example in SIGNAL_EXAMPLES:
        assert may_contain_signal(example), example
        assert score_sentence(example).weight > 0, example
    for signal in ALL_SIGNALS:
        assert any(signal.pattern.search(example) for example in SIGNAL_EXAMPLES), signal.pattern
