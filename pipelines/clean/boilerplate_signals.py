"""Phrases that mark site boilerplate, in the languages the warehouse sees most.

STRONG phrases are never news prose ("we use cookies", "all rights reserved"); WEAK ones can
be ("privacy policy", "personal data"), so they only count next to a strong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

STRONG = 2
WEAK = 1


@dataclass(frozen=True)
class BoilerplateSignal:
    pattern: re.Pattern[str]
    weight: int
    is_cookie_consent: bool


def _signals(weight: int, is_cookie_consent: bool, *patterns: str) -> list[BoilerplateSignal]:
    return [
        BoilerplateSignal(re.compile(pattern, re.IGNORECASE), weight, is_cookie_consent)
        for pattern in patterns
    ]


_NEAR = r"[^.!?؟]{0,80}"  # within the same sentence
BUTTON_LABEL_RE = re.compile(
    r"^(?:accept(?: all)?|ok|got it|learn more|more info|i agree|decline|reject all"
    r"|manage (?:cookies|preferences|options)|en savoir plus|j'accepte|tout accepter"
    r"|refuser|alle akzeptieren|akzeptieren|kabul et|aceptar|موافق|قبول|أوافق|رفض)[.!]?$",
    re.IGNORECASE,
)

COOKIE_CONSENT_SIGNALS = [
    *_signals(
        STRONG,
        True,
        rf"\b(?:we|this (?:web)?site|our (?:web)?site|our partners)\b{_NEAR}\bcookies?\b",
        rf"\bcookies?\b{_NEAR}\b(?:accept|agree|consent|settings|preferences|improve|experience)",
        rf"\b(?:accept|agree to|consent to)\b{_NEAR}\bcookies?\b",
        rf"\bby (?:using|continuing|browsing|clicking)\b{_NEAR}\b(?:site|website|agree|accept)",
        r"\bcookie (?:policy|settings|preferences|notice|banner)\b",
        r"\b(?:disclosure text|data policy)\b",
        r"\bKVKK\b",
        r"\bnous utilisons des cookies\b",
        rf"\bcookies?\b{_NEAR}\b(?:acceptez|accepter|consentement|paramétrer|navigation)\b",
        r"\ben poursuivant (?:votre )?navigation\b",
        r"\b(?:wir verwenden|diese (?:website|webseite|seite) (?:verwendet|nutzt)) cookies\b",
        r"\bcookie-einstellungen\b",
        r"\b(?:utilizamos|usamos) cookies\b",
        rf"\bcookies?\b{_NEAR}\b(?:aceptas|aceptar|consentimiento|navegación)\b",
        rf"\bçerez(?:ler)?\w*{_NEAR}(?:kullan|kabul|politika)",
        r"\baydınlatma metni\b",
        r"ملفات (?:تعريف )?الارتباط",
        r"الكوكيز",
        rf"(?:باستخدامك|باستمرارك|بمواصلة|بمتابعة){_NEAR}(?:الموقع|توافق)",
    ),
    *_signals(
        WEAK,
        True,
        r"\bcookies?\b",
        r"\b(?:privacy|data protection) (?:policy|notice|statement|settings)\b",
        r"\bpersonal data\b",
        r"\bGDPR\b",
        r"\b(?:politique de confidentialité|données personnelles)\b",
        r"\bdatenschutz(?:erklärung|hinweise)?\b",
        r"\b(?:política de privacidad|datos personales)\b",
        r"\b(?:kişisel veri\w*|gizlilik politikası)\b",
        r"سياسة الخصوصية|البيانات الشخصية|توافق على",
    ),
    BoilerplateSignal(BUTTON_LABEL_RE, WEAK, True),
]

OTHER_BOILERPLATE_SIGNALS = [
    *_signals(
        STRONG,
        False,
        r"\ball rights reserved\b",
        r"\btous droits réservés\b",
        r"\balle rechte vorbehalten\b",
        r"\btodos los derechos reservados\b",
        r"\btüm hakları saklıdır\b",
        r"جميع الحقوق محفوظة|حقوق (?:النشر|الطبع) محفوظة",
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d{2}",
        r"\b(?:subscribe|sign up) (?:to|for) (?:our |the )?(?:\w+ )?newsletters?\b",
        r"\b(?:abonnez|inscrivez)-vous à (?:notre|la) (?:lettre d'information|newsletter)\b",
        r"\bnewsletter (?:abonnieren|bestellen)\b",
        r"\bsuscríbete a (?:nuestro|el) (?:boletín|newsletter)\b",
        r"\bbültene? abone ol\w*\b",
        r"اشترك (?:في |ب)(?:ال)?نشر(?:ة|تنا)|النشرة البريدية",
        r"\bshare this (?:article|story|post)\b",
        r"\bpartager cet article\b",
        r"\b(?:follow us on|suivez-nous sur|folgen sie uns)\b",
        r"تابعونا على|شارك (?:هذا )?(?:المقال|الخبر)|رابط الخبر",
    ),
    *_signals(
        WEAK,
        False,
        r"\bterms (?:of use|of service|and conditions)\b",
        r"\bconditions (?:générales )?d'utilisation\b",
        r"شروط الاستخدام",
    ),
]

ALL_SIGNALS = COOKIE_CONSENT_SIGNALS + OTHER_BOILERPLATE_SIGNALS

# Every signal above contains one of these (lower-case) words; a line with none of them and
# longer than a button label is skipped without running the regexes (keeps cleaning fast).
SIGNAL_KEYWORDS = tuple(
    keyword
    for group in (
        "cookie|by using|by continuing|by browsing|by clicking|disclosure text|data policy|kvkk",
        "gdpr|privacy|data protection|personal data|poursuivant|confidentialité",
        "données personnelles|datenschutz|privacidad|datos personales|çerez|aydınlatma",
        "kişisel veri|gizlilik|ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|باستخدامك",
        "باستمرارك|بمواصلة|بمتابعة|الخصوصية|البيانات الشخصية|توافق على",
        "rights reserved|droits réservés|rechte vorbehalten|derechos reservados",
        "hakları saklıdır|الحقوق محفوظة|حقوق النشر|حقوق الطبع|©|(c)|copyright",
        "newsletter|lettre d'information|boletín|bülten|اشترك في النشر|اشترك بالنشر",
        "اشترك في نشر|اشترك بنشر|النشرة البريدية",
        "share this|partager cet|follow us|suivez-nous|folgen sie|تابعونا",
        "شارك هذا|شارك المقال|شارك الخبر|رابط الخبر|terms of|conditions|شروط الاستخدام",
    )
    for keyword in group.split("|")
)
BUTTON_LABEL_MAX_CHARS = 40


def is_button_label(text: str) -> bool:
    return len(text) <= BUTTON_LABEL_MAX_CHARS and BUTTON_LABEL_RE.match(text.strip()) is not None


def _keyword_automaton() -> ahocorasick.Automaton:
    machine = ahocorasick.Automaton()
    for keyword in SIGNAL_KEYWORDS:
        machine.add_word(keyword, keyword)
    machine.make_automaton()
    return machine


# One Aho–Corasick pass finds any keyword (a substring search per keyword cost 2.6 times more).
_KEYWORDS = _keyword_automaton()


def has_signal_keyword(text: str) -> bool:
    return next(_KEYWORDS.iter(text.lower()), None) is not None


def may_contain_signal(text: str) -> bool:
    return is_button_label(text) or has_signal_keyword(text)


# Teaser lines that link elsewhere ("Read also: ...", "اقرأ أيضا: ..."). Words that can also
# open a news sentence ("Related to this, ...") count only when a colon or dash follows.
TEASER_LINE_RE = re.compile(
    r"^\s*(?:(?:read (?:also|more)|see also|(?:à )?lire aussi|voir aussi|lesen sie auch"
    r"|lea también|leer más|ayrıca (?:okuyun|bakınız)|[اإ]قرأ (?:أيضا|أيضاً|ايضا|ايضاً|المزيد))\b"
    r"|(?:related(?: articles?| stories| news)?|more on this(?: story)?|mehr zum thema"
    r"|ilgili haber(?:ler)?|ذات صلة|(?:مواضيع|أخبار|مقالات) ذات صلة)\s*[:：\-–—|»])",
    re.IGNORECASE,
)
STANDALONE_BOILERPLATE_LINE_RE = re.compile(
    r"^\s*(?:advertisement|publicité|anzeige|publicidad|reklam|إعلان|اعلان|share|partager"
    r"|tweet|print|imprimer|طباعة|مشاركة|شارك)\s*[:：]?\s*$",
    re.IGNORECASE,
)
