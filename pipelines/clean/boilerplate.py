"""Remove site boilerplate: cookie banners, footers, teasers, share/subscribe prompts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.clean.boilerplate_signals import (
    ALL_SIGNALS,
    STANDALONE_BOILERPLATE_LINE_RE,
    STRONG,
    TEASER_LINE_RE,
    has_signal_keyword,
    is_button_label,
    may_contain_signal,
)

COOKIE_BANNER = "cookie_banner"
BOILERPLATE = "boilerplate"

_SENTENCE_END_RE = re.compile(r"(?<=[.!?؟…。])\s+")
_MAX_TEASER_WORDS = 30
_MAX_STANDALONE_LINE_CHARS = 400
# Share of a block's characters that must sit in boilerplate sentences.
_TRAILING_MIN_SHARE = 0.5
_STANDALONE_LINE_MIN_SHARE = 0.8


@dataclass(frozen=True)
class SentenceScore:
    text: str
    weight: int
    is_strong: bool
    is_cookie_consent: bool


def score_sentence(sentence: str) -> SentenceScore:
    if not may_contain_signal(sentence):
        return SentenceScore(text=sentence, weight=0, is_strong=False, is_cookie_consent=False)
    matched = [signal for signal in ALL_SIGNALS if signal.pattern.search(sentence)]
    return SentenceScore(
        text=sentence,
        weight=sum(signal.weight for signal in matched),
        is_strong=any(signal.weight >= STRONG for signal in matched),
        is_cookie_consent=any(signal.is_cookie_consent for signal in matched),
    )


def split_sentences(block: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END_RE.split(block) if sentence]


def _score_block(block: str) -> list[SentenceScore]:
    return [score_sentence(sentence) for sentence in split_sentences(block)]


def _boilerplate_share(scores: list[SentenceScore]) -> float:
    total_chars = sum(len(score.text) for score in scores) or 1
    return sum(len(score.text) for score in scores if score.weight > 0) / total_chars


def _reason(scores: list[SentenceScore]) -> str:
    return COOKIE_BANNER if any(score.is_cookie_consent for score in scores) else BOILERPLATE


def _is_predominantly_boilerplate(scores: list[SentenceScore], min_share: float) -> bool:
    has_strong = any(score.is_strong for score in scores)
    return has_strong and _boilerplate_share(scores) >= min_share


def _boilerplate_suffix_start(scores: list[SentenceScore]) -> int | None:
    """Index of the first sentence of a trailing boilerplate run that holds a strong signal."""
    start = len(scores)
    while start > 0 and scores[start - 1].weight > 0:
        start -= 1
    # Weak sentences before the first strong one may be news ("...its privacy policy.").
    while start < len(scores) and not scores[start].is_strong:
        start += 1
    return start if start < len(scores) else None


def _standalone_line_reason(line: str, signal: Callable[[str], bool]) -> str | None:
    if STANDALONE_BOILERPLATE_LINE_RE.match(line):
        return BOILERPLATE
    if TEASER_LINE_RE.match(line) and len(line.split()) <= _MAX_TEASER_WORDS:
        return BOILERPLATE
    if len(line) > _MAX_STANDALONE_LINE_CHARS or not signal(line):
        return None
    scores = _score_block(line)
    if _is_predominantly_boilerplate(scores, _STANDALONE_LINE_MIN_SHARE):
        return _reason(scores)
    return None


def _strip_trailing_boilerplate(
    lines: list[str], reasons: list[str], signal: Callable[[str], bool]
) -> list[str]:
    """Drop boilerplate blocks from the end, and a banner glued to the last sentence."""
    end = len(lines)  # lines[end:] are removed
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line:
            continue
        scores = _score_block(line) if signal(line) else []
        suffix_start = _boilerplate_suffix_start(scores)
        if suffix_start == 0 or (
            suffix_start is None and _is_predominantly_boilerplate(scores, _TRAILING_MIN_SHARE)
        ):
            reasons.append(_reason(scores))
            end = index
            continue
        if suffix_start is not None:
            reasons.append(_reason(scores[suffix_start:]))
            kept = " ".join(score.text for score in scores[:suffix_start])
            return [*lines[:index], kept]
        if scores and all(score.weight > 0 for score in scores):
            continue  # weak-only ("Accept", "Privacy policy"): removed only if a banner precedes
        break
    return lines[:end]


def remove_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Drop boilerplate at the end and boilerplate lines anywhere; return text and reasons."""
    reasons: list[str] = []
    kept_lines: list[str] = []
    # One keyword scan of the whole text spares a scan per line in the common clean case.
    signal = may_contain_signal if has_signal_keyword(text) else is_button_label
    for line in _strip_trailing_boilerplate(text.split("\n"), reasons, signal):
        reason = _standalone_line_reason(line, signal) if line else None
        if reason is None:
            kept_lines.append(line)
        else:
            reasons.append(reason)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
    return cleaned, tuple(dict.fromkeys(reasons))
