"""Pure text cleaning: artefacts, Unicode, title/date header lines, boilerplate, language; the
identity keys (canonical URL, content hash, article_id) of a cleaned article."""

from pipelines.clean.article import CleanedArticle, clean_article
from pipelines.clean.language import SUPPORTED_LANGUAGES, detect_language, detect_languages
from pipelines.text.dates import parse_published_at
from pipelines.text.normalization import normalize_text

__all__ = [
    "SUPPORTED_LANGUAGES",
    "CleanedArticle",
    "clean_article",
    "detect_language",
    "detect_languages",
    "normalize_text",
    "parse_published_at",
]
