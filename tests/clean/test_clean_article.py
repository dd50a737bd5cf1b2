"""Hand-written articles with the exact cleaned output expected from clean_article."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines.clean import CleanedArticle, clean_article


def _plain(text: str) -> CleanedArticle:
    return clean_article(title=None, body=text, published_at_raw=None, is_plain_text=True)


def test_english_article_with_repeated_title_date_line_and_cookie_banner() -> None:
    raw = (
        "Storm Hits the Coast\n"
        "Storm hits the coast!\n"
        "Published: March 3, 2024\n"
        "\n"
        "A powerful storm reached the coast on Sunday, officials said.\n"
        "\n"
        "Thousands of homes lost power overnight.\n"
        "\n"
        "We use cookies to improve your experience on our site. By continuing to browse the "
        "site you agree to our use of cookies. Accept\n"
    )
    cleaned = _plain(raw)
    assert cleaned == CleanedArticle(
        title="Storm Hits the Coast",
        body=(
            "A powerful storm reached the coast on Sunday, officials said.\n"
            "\n"
            "Thousands of homes lost power overnight."
        ),
        published_at=datetime(2024, 3, 3, tzinfo=UTC),
        published_at_raw="Published: March 3, 2024",
        removed=("repeated_title", "date_line", "cookie_banner"),
        date_line="Published: March 3, 2024",
    )


def test_french_article_with_rights_reserved_footer() -> None:
    raw = (
        "La réforme des retraites adoptée\n"
        "\n"
        "Publié le 12/03/2024 à 18h30\n"
        "\n"
        "Le Parlement a adopté la réforme jeudi soir après un long débat.\n"
        "\n"
        "© 2024 Le Journal. Tous droits réservés."
    )
    cleaned = _plain(raw)
    assert cleaned.title == "La réforme des retraites adoptée"
    assert cleaned.body == "Le Parlement a adopté la réforme jeudi soir après un long débat."
    assert cleaned.published_at == datetime(2024, 3, 12, 18, 30, tzinfo=UTC)
    assert cleaned.published_at_raw == "Publié le 12/03/2024 à 18h30"
    assert cleaned.removed == ("date_line", "boilerplate")


def test_arabic_article_with_arabic_cookie_line_and_read_also_teaser() -> None:
    raw = (
        "أمطار غزيرة في جدة\n"
        "نشر في 28 أبريل 2025\n"
        "شهدت محافظة جدة أمطارا غزيرة صباح اليوم.\n"
        "اقرأ أيضا: الأرصاد تحذر من موجة حر\n"
        "وأعلنت الجهات المختصة تعليق الدراسة.\n"
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. باستخدامك لهذا الموقع فإنك توافق على ذلك."
    )
    cleaned = _plain(raw)
    assert cleaned.title == "أمطار غزيرة في جدة"
    assert cleaned.body == (
        "شهدت محافظة جدة أمطارا غزيرة صباح اليوم.\nوأعلنت الجهات المختصة تعليق الدراسة."
    )
    assert cleaned.published_at == datetime(2025, 4, 28, tzinfo=UTC)
    assert cleaned.published_at_raw == "نشر في 28 أبريل 2025"
    assert cleaned.removed == ("date_line", "cookie_banner", "boilerplate")


def test_arabic_rights_footer_and_glued_site_link_are_removed() -> None:
    raw = "عنوان الخبر\nنص الخبر الأول. رابط الخبر بصحيفة الوئام: عنوان الخبر\nجميع الحقوق محفوظة"
    cleaned = _plain(raw)
    assert cleaned.body == "نص الخبر الأول."
    assert cleaned.removed == ("boilerplate",)


def test_structured_record_drops_body_lines_repeating_the_title() -> None:
    cleaned = clean_article(
        title="  Budget  approved ",
        body="Budget approved.\n\nThe council approved the budget on Monday.",
        published_at_raw="2024-05-06T10:00:00+02:00",
        is_plain_text=False,
    )
    assert cleaned == CleanedArticle(
        title="Budget approved",
        body="The council approved the budget on Monday.",
        published_at=datetime(2024, 5, 6, 8, 0, tzinfo=UTC),
        published_at_raw="2024-05-06T10:00:00+02:00",
        removed=("repeated_title",),
    )


def test_structured_record_keeps_its_first_line_when_it_is_not_the_title() -> None:
    body = "Storm damage was limited.\nResidents returned home."
    cleaned = clean_article(title="Storm", body=body, published_at_raw=None, is_plain_text=False)
    assert cleaned.title == "Storm"
    assert cleaned.body == body
    assert cleaned.published_at is None
    assert cleaned.removed == ()


def test_middle_paragraph_mentioning_privacy_survives() -> None:
    body = (
        "The ministry published the draft law on Tuesday.\n"
        "\n"
        "Critics said the privacy policy of the new agency is vague and that personal data of "
        "citizens, including cookies set by state websites, needs stronger protection.\n"
        "\n"
        "The parliament will vote on the draft next month."
    )
    cleaned = clean_article(
        title="Draft law", body=body, published_at_raw=None, is_plain_text=False
    )
    assert cleaned.body == body
    assert cleaned.removed == ()


def test_last_paragraph_about_privacy_news_survives() -> None:
    body = "The vote was close.\n\nThe company said it would update its privacy policy."
    cleaned = clean_article(title="Vote", body=body, published_at_raw=None, is_plain_text=False)
    assert cleaned.body == body


def test_banner_glued_after_the_last_sentence_is_cut_there() -> None:
    body = (
        "The minister resigned on Friday. This site uses cookies to improve your experience. "
        "Accept all"
    )
    cleaned = clean_article(title=None, body=body, published_at_raw=None, is_plain_text=False)
    assert cleaned.body == "The minister resigned on Friday."
    assert cleaned.removed == ("cookie_banner",)


def test_one_paragraph_text_has_no_title() -> None:
    cleaned = _plain("Only one paragraph of news text without any title line.")
    assert cleaned.title is None
    assert cleaned.body == "Only one paragraph of news text without any title line."


def test_date_line_before_the_title_is_taken_too() -> None:
    cleaned = _plain("28.04.2025 07:41\nTitle here\nBody text follows here.")
    assert (cleaned.title, cleaned.body) == ("Title here", "Body text follows here.")
    assert cleaned.published_at == datetime(2025, 4, 28, 7, 41, tzinfo=UTC)


def test_missing_or_empty_body_gives_empty_body() -> None:
    for body in (None, "", "  \n\u200b\n "):
        cleaned = clean_article(title="T", body=body, published_at_raw=None, is_plain_text=False)
        assert cleaned.body == ""
        assert cleaned.title == "T"


def test_only_boilerplate_leaves_empty_body() -> None:
    cleaned = clean_article(
        title="T",
        body="We use cookies on our website. Accept all",
        published_at_raw=None,
        is_plain_text=False,
    )
    assert cleaned.body == ""
    assert cleaned.removed == ("cookie_banner",)


def test_plain_text_with_a_known_title_keeps_it_and_drops_its_repeat() -> None:
    cleaned = clean_article(
        title="Budget approved",
        body="Budget approved\n\nThe council approved the budget.",
        published_at_raw=None,
        is_plain_text=True,
    )
    assert (cleaned.title, cleaned.body) == ("Budget approved", "The council approved the budget.")
