"""Synthetic multilingual news corpus generator for benchmarks.

Writes ``--articles`` JSON Lines records (news-please-like schema: ``title``, ``maintext``,
``date_publish``, ``url``, ``language``, ``authors``, ``source_domain``) split over
``--files`` files in ``--out``, plus a ``manifest.json`` with exact counts.

Mix (approximate, per line): 50% Arabic / 35% English / 15% French; ~5% exact duplicate
bodies under a new URL, ~5% the same URL (whole record) repeated, ~3% near-duplicates with
a few words changed, ~0.5% malformed lines (broken JSON, non-object, empty body, invalid
URL, invalid UTF-8). Bodies are 150-600 words in paragraphs, built from sentence templates
and the small vocabularies below (all text is synthetic).

Deterministic for a given ``--seed``/``--articles``/``--files``; streams to disk with
memory bounded by a fixed-size reservoir of recent originals.

Example::

    python bench/generate_corpus.py --articles 100000 --out /tmp/corpus --files 10 --seed 42
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

Record = dict[str, Any]

LANG_WEIGHTS: tuple[tuple[str, float], ...] = (("ar", 0.50), ("en", 0.35), ("fr", 0.15))
P_MALFORMED = 0.005
P_EXACT_DUP_BODY = 0.05
P_SAME_URL = 0.05
P_NEAR_DUP = 0.03
POOL_SIZE = 6000  # template sentences pre-generated per language
RESERVOIR_SIZE = 4000  # recent originals kept for duplicates (bounds memory)
CHUNK_LINES = 2000  # lines buffered before each write
MIN_WORDS, MAX_WORDS = 150, 600
DATE_START = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
DATE_SPAN = int(datetime(2025, 7, 1, tzinfo=UTC).timestamp()) - DATE_START

# ---------------------------------------------------------------------------
# Vocabularies (written for this script)
# ---------------------------------------------------------------------------

EN: dict[str, list[str]] = {
    "subj": [
        "The finance ministry",
        "The central bank",
        "City officials",
        "The transport authority",
        "A group of investors",
        "The national oil company",
        "Local residents",
        "The health ministry",
        "Environmental groups",
        "The chamber of commerce",
        "University researchers",
        "The port operator",
        "The football federation",
        "Tourism officials",
        "The energy regulator",
        "Several airlines",
        "The housing authority",
        "The statistics office",
        "A consortium of banks",
        "The water authority",
        "Technology start-ups",
        "Farmers' associations",
        "The civil defence",
        "The education ministry",
        "Municipal engineers",
        "The stock exchange",
        "Hotel operators",
        "The weather centre",
        "Real estate developers",
        "The culture commission",
    ],
    "verb": [
        "announced",
        "approved",
        "launched",
        "completed",
        "delayed",
        "expanded",
        "reviewed",
        "criticised",
        "welcomed",
        "proposed",
        "suspended",
        "funded",
        "unveiled",
        "tested",
        "inaugurated",
        "postponed",
        "signed",
        "reported on",
        "confirmed",
        "rejected",
        "upgraded",
        "evaluated",
        "promoted",
        "finalised",
        "restructured",
    ],
    "obj": [
        "a new metro line",
        "the annual budget",
        "a desalination plant",
        "plans for a solar park",
        "a housing programme",
        "the tourism strategy",
        "a water recycling project",
        "new safety rules",
        "a digital payments platform",
        "the airport expansion",
        "a training scheme for young engineers",
        "a cultural festival",
        "the school calendar",
        "an electric bus fleet",
        "a free trade agreement",
        "new flight routes",
        "a public health campaign",
        "the stadium renovation",
        "a logistics hub",
        "a research centre for artificial intelligence",
        "the coastal highway",
        "a reforestation campaign",
        "rules on short-term rentals",
        "a start-up incubator",
        "the port modernisation",
        "a heritage restoration project",
        "a data centre",
        "the desert railway link",
        "a hydrogen pilot plant",
        "a new hospital wing",
    ],
    "place": [
        "Riyadh",
        "Jeddah",
        "Dammam",
        "Mecca",
        "Medina",
        "Abha",
        "Taif",
        "Tabuk",
        "Al-Ula",
        "Jubail",
        "Yanbu",
        "Khobar",
        "Hail",
        "Najran",
        "Buraidah",
        "Al-Ahsa",
        "Jazan",
        "the Eastern Province",
        "the capital",
        "the Red Sea coast",
        "Dubai",
        "Doha",
        "Manama",
        "Kuwait City",
        "Muscat",
        "Amman",
        "Cairo",
        "Paris",
        "London",
        "Singapore",
    ],
    "time": [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "on Saturday",
        "on Sunday",
        "last week",
        "this month",
        "earlier this year",
        "late on Sunday",
        "in the first quarter",
        "after months of delays",
        "ahead of the summer season",
        "before the end of the year",
    ],
    "future": [
        "by the end of the year",
        "within the next few months",
        "in the fourth quarter",
        "early next year",
        "before the summer holidays",
        "within two years",
    ],
    "src": [
        "officials said",
        "a spokesperson said",
        "according to a statement",
        "according to preliminary data",
        "analysts said",
        "the report showed",
        "people familiar with the matter said",
        "the organisers said",
    ],
    "clause": [
        "despite rising costs",
        "amid strong demand",
        "as part of a wider reform plan",
        "in partnership with private investors",
        "to reduce traffic congestion",
        "to cut water consumption",
        "to attract foreign visitors",
        "to create thousands of jobs",
        "following public consultations",
        "under a new regulatory framework",
        "with support from international partners",
        "to meet growing demand",
        "while critics urged caution",
        "after a successful pilot phase",
    ],
    "stat": [
        "Exports",
        "Passenger numbers",
        "Hotel occupancy",
        "Electricity demand",
        "Retail sales",
        "Container volumes",
        "Housing prices",
        "Visitor numbers",
        "Non-oil revenue",
        "Online sales",
    ],
    "sverb": ["rose", "fell", "climbed", "dropped", "increased", "declined", "jumped", "slipped"],
}

FR: dict[str, list[str]] = {
    "subj": [
        "Le ministère des Finances",
        "La banque centrale",
        "La municipalité",
        "L'autorité des transports",
        "Un groupe d'investisseurs",
        "La compagnie pétrolière nationale",
        "Un collectif d'habitants",
        "Le ministère de la Santé",
        "Une association écologiste",
        "La chambre de commerce",
        "Une équipe de chercheurs",
        "L'opérateur portuaire",
        "La fédération de football",
        "L'office du tourisme",
        "Le régulateur de l'énergie",
        "Une compagnie aérienne",
        "L'agence du logement",
        "L'institut de statistique",
        "Un consortium de banques",
        "L'autorité de l'eau",
        "Une jeune pousse technologique",
        "La protection civile",
        "Le ministère de l'Éducation",
        "Le syndicat des hôteliers",
        "La Bourse",
        "Le centre météorologique",
        "Un promoteur immobilier",
        "La commission de la culture",
        "La coopérative agricole",
        "Le conseil régional",
    ],
    "verb": [
        "a annoncé",
        "a approuvé",
        "a lancé",
        "a achevé",
        "a retardé",
        "a élargi",
        "a examiné",
        "a critiqué",
        "a salué",
        "a proposé",
        "a suspendu",
        "a financé",
        "a dévoilé",
        "a testé",
        "a inauguré",
        "a reporté",
        "a signé",
        "a confirmé",
        "a rejeté",
        "a modernisé",
    ],
    "obj": [
        "une nouvelle ligne de métro",
        "le budget annuel",
        "une usine de dessalement",
        "un projet de parc solaire",
        "un programme de logements",
        "la stratégie touristique",
        "un projet de recyclage de l'eau",
        "de nouvelles règles de sécurité",
        "une plateforme de paiement numérique",
        "l'extension de l'aéroport",
        "un programme de formation pour jeunes ingénieurs",
        "un festival culturel",
        "le calendrier scolaire",
        "une flotte de bus électriques",
        "un accord de libre-échange",
        "de nouvelles liaisons aériennes",
        "une campagne de santé publique",
        "la rénovation du stade",
        "une plateforme logistique",
        "un centre de recherche en intelligence artificielle",
        "l'autoroute côtière",
        "une campagne de reboisement",
        "un incubateur de jeunes entreprises",
        "la modernisation du port",
        "un projet de restauration du patrimoine",
        "un centre de données",
        "la liaison ferroviaire du désert",
        "une unité pilote d'hydrogène",
        "une nouvelle aile d'hôpital",
        "un plan contre les vagues de chaleur",
    ],
    "place": [
        "à Riyad",
        "à Djeddah",
        "à Dammam",
        "à La Mecque",
        "à Médine",
        "à Abha",
        "à Taëf",
        "à Tabouk",
        "à Al-Ula",
        "à Jubail",
        "à Yanbu",
        "à Khobar",
        "à Haïl",
        "à Najran",
        "dans la province orientale",
        "dans la capitale",
        "sur la côte de la mer Rouge",
        "à Dubaï",
        "à Doha",
        "à Manama",
        "à Koweït",
        "à Mascate",
        "à Amman",
        "au Caire",
        "à Paris",
        "à Marseille",
        "à Lyon",
        "à Bruxelles",
        "à Genève",
        "à Montréal",
    ],
    "time": [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "la semaine dernière",
        "ce mois-ci",
        "en début d'année",
        "au premier trimestre",
        "après des mois de retard",
        "avant la saison estivale",
        "dimanche soir",
    ],
    "future": [
        "d'ici la fin de l'année",
        "dans les prochains mois",
        "au quatrième trimestre",
        "début de l'année prochaine",
        "avant les vacances d'été",
        "d'ici deux ans",
    ],
    "src": [
        "selon un communiqué",
        "a indiqué un porte-parole",
        "selon des données préliminaires",
        "selon les analystes",
        "a précisé un responsable",
        "selon les organisateurs",
        "d'après des sources proches du dossier",
    ],
    "clause": [
        "malgré la hausse des coûts",
        "face à une forte demande",
        "dans le cadre d'un vaste plan de réformes",
        "en partenariat avec des investisseurs privés",
        "pour réduire les embouteillages",
        "pour limiter la consommation d'eau",
        "pour attirer les visiteurs étrangers",
        "pour créer des milliers d'emplois",
        "après une consultation publique",
        "avec le soutien de partenaires internationaux",
        "après une phase pilote réussie",
        "tandis que les critiques appellent à la prudence",
    ],
    "stat": [
        "des exportations",
        "du nombre de passagers",
        "du taux d'occupation des hôtels",
        "de la demande d'électricité",
        "des ventes au détail",
        "du volume de conteneurs",
        "des prix de l'immobilier",
        "de la fréquentation touristique",
        "des recettes non pétrolières",
        "des ventes en ligne",
    ],
    "sverb": ["Une hausse", "Une baisse", "Une progression", "Un recul"],
}

# Arabic subjects carry a gender flag (True = feminine) for verb agreement.
AR_SUBJ: list[tuple[str, bool]] = [
    ("وزارة المالية", True),
    ("البنك المركزي", False),
    ("أمانة المنطقة", True),
    ("هيئة النقل العام", True),
    ("تحالف من المستثمرين", False),
    ("شركة النفط الوطنية", True),
    ("وزارة الصحة", True),
    ("جمعية حماية البيئة", True),
    ("الغرفة التجارية", True),
    ("فريق من الباحثين", False),
    ("مشغل الميناء", False),
    ("اتحاد كرة القدم", False),
    ("هيئة السياحة", True),
    ("هيئة تنظيم الكهرباء", True),
    ("شركة الطيران الوطنية", True),
    ("وزارة الإسكان", True),
    ("الهيئة العامة للإحصاء", True),
    ("تحالف من البنوك المحلية", False),
    ("هيئة المياه", True),
    ("الدفاع المدني", False),
    ("وزارة التعليم", True),
    ("المجلس البلدي", False),
    ("السوق المالية", True),
    ("المركز الوطني للأرصاد", False),
    ("هيئة الثقافة", True),
    ("جمعية المزارعين", True),
    ("هيئة الطيران المدني", True),
    ("صندوق التنمية", False),
    ("هيئة المدن الصناعية", True),
    ("مجلس إدارة الجامعة", False),
]
AR_VERB: list[tuple[str, str]] = [
    ("أعلن", "أعلنت"),
    ("أقر", "أقرت"),
    ("أطلق", "أطلقت"),
    ("أنجز", "أنجزت"),
    ("أجّل", "أجّلت"),
    ("وسّع", "وسّعت"),
    ("راجع", "راجعت"),
    ("انتقد", "انتقدت"),
    ("اقترح", "اقترحت"),
    ("علّق", "علّقت"),
    ("موّل", "موّلت"),
    ("كشف عن", "كشفت عن"),
    ("اختبر", "اختبرت"),
    ("افتتح", "افتتحت"),
    ("وقّع", "وقّعت"),
    ("اعتمد", "اعتمدت"),
    ("طوّر", "طوّرت"),
    ("دشّن", "دشّنت"),
    ("استكمل", "استكملت"),
    ("درس", "درست"),
]
AR: dict[str, list[str]] = {
    "obj": [
        "خطًا جديدًا للمترو",
        "الميزانية السنوية",
        "محطة لتحلية المياه",
        "خطة لإنشاء مجمع للطاقة الشمسية",
        "برنامجًا للإسكان",
        "الاستراتيجية السياحية",
        "مشروعًا لإعادة تدوير المياه",
        "اشتراطات جديدة للسلامة",
        "منصة للمدفوعات الرقمية",
        "مشروع توسعة المطار",
        "برنامجًا لتدريب المهندسين الشباب",
        "مهرجانًا ثقافيًا",
        "التقويم الدراسي",
        "أسطولًا من الحافلات الكهربائية",
        "اتفاقية للتجارة الحرة",
        "وجهات جديدة للرحلات الجوية",
        "حملة للتوعية الصحية",
        "مشروع تطوير الملعب",
        "مركزًا لوجستيًا",
        "مركزًا لأبحاث الذكاء الاصطناعي",
        "مشروع الطريق الساحلي",
        "حملة للتشجير",
        "ضوابط جديدة للإيجار قصير المدى",
        "حاضنة للشركات الناشئة",
        "خطة تحديث الميناء",
        "مشروعًا لترميم المباني التراثية",
        "مركزًا للبيانات",
        "مشروع الربط السككي",
        "وحدة تجريبية لإنتاج الهيدروجين",
        "جناحًا جديدًا في المستشفى",
    ],
    "place": [
        "الرياض",
        "جدة",
        "الدمام",
        "مكة المكرمة",
        "المدينة المنورة",
        "أبها",
        "الطائف",
        "تبوك",
        "العلا",
        "الجبيل",
        "ينبع",
        "الخبر",
        "حائل",
        "نجران",
        "بريدة",
        "الأحساء",
        "جازان",
        "المنطقة الشرقية",
        "العاصمة",
        "ساحل البحر الأحمر",
        "دبي",
        "الدوحة",
        "المنامة",
        "الكويت",
        "مسقط",
        "عمّان",
        "القاهرة",
    ],
    "time": [
        "اليوم",
        "أمس",
        "يوم الاثنين",
        "يوم الثلاثاء",
        "يوم الأربعاء",
        "يوم الخميس",
        "يوم الأحد",
        "الأسبوع الماضي",
        "خلال الشهر الجاري",
        "مطلع العام",
        "في الربع الأول",
        "بعد أشهر من التأجيل",
        "قبل بدء موسم الصيف",
    ],
    "future": [
        "قبل نهاية العام",
        "خلال الأشهر المقبلة",
        "في الربع الأخير",
        "مطلع العام المقبل",
        "قبل الإجازة الصيفية",
        "خلال عامين",
    ],
    "src": [
        "بحسب بيان رسمي",
        "وفق بيانات أولية",
        "كما أفاد متحدث رسمي",
        "بحسب محللين",
        "وفق ما أعلنه المنظمون",
        "حسب مصادر مطلعة",
    ],
    "clause": [
        "رغم ارتفاع التكاليف",
        "في ظل طلب متزايد",
        "ضمن خطة إصلاح شاملة",
        "بالشراكة مع القطاع الخاص",
        "للحد من الازدحام المروري",
        "لخفض استهلاك المياه",
        "لجذب الزوار من الخارج",
        "لتوفير آلاف الوظائف",
        "بعد استطلاع آراء السكان",
        "بدعم من شركاء دوليين",
        "بعد نجاح المرحلة التجريبية",
        "لتلبية الطلب المتنامي",
    ],
    "stat": [
        "الصادرات غير النفطية",
        "أعداد المسافرين",
        "نسب إشغال الفنادق",
        "الطلب على الكهرباء",
        "مبيعات التجزئة",
        "أحجام الحاويات",
        "أسعار العقارات",
        "أعداد الزوار",
        "الإيرادات غير النفطية",
        "المبيعات الإلكترونية",
    ],
    "sverb": ["ارتفاع", "انخفاض", "تراجع", "نمو"],
    "conn": ["و", "كما ", "من جهة أخرى، ", "وفي السياق ذاته، ", "في غضون ذلك، ", "إلى ذلك، "],
}

SOURCES: dict[str, list[str]] = {
    "ar": [
        "alwatan-example.sa",
        "almadina-example.sa",
        "alyaum-example.sa",
        "sabq-example.sa",
        "akhbar-alkhaleej.example",
        "alriyadh-daily.example",
    ],
    "en": [
        "gulf-daily.example",
        "desert-tribune.example",
        "arab-wire.example",
        "peninsula-post.example",
        "red-sea-herald.example",
    ],
    "fr": [
        "le-quotidien.example.fr",
        "orient-hebdo.example.fr",
        "la-gazette-du-golfe.example.fr",
    ],
}
SECTIONS = ["local", "economy", "world", "sports", "culture", "tech", "health", "travel"]
AUTHORS: dict[str, list[str]] = {
    "ar": [
        "سارة العتيبي",
        "محمد الغامدي",
        "نورة القحطاني",
        "خالد الشمري",
        "ريم الحربي",
        "فهد الدوسري",
        "هند الزهراني",
        "عبدالله المطيري",
        "محرر الشؤون المحلية",
    ],
    "en": [
        "Nadia Haddad",
        "James Whitfield",
        "Priya Nair",
        "Omar Saleh",
        "Laura Chen",
        "Staff Reporter",
        "Markets Desk",
    ],
    "fr": ["Claire Dubois", "Julien Moreau", "Sarah Benali", "Antoine Lefèvre", "Rédaction"],
}

# ---------------------------------------------------------------------------
# Sentence pools
# ---------------------------------------------------------------------------


def _en_sentence(rng: random.Random) -> str:
    v = EN
    c = rng.choice
    subj = c(v["subj"])
    low = subj[0].lower() + subj[1:]
    k = rng.randrange(7)
    if k == 0:
        return (
            f"{subj} {c(v['verb'])} {c(v['obj'])} in {c(v['place'])} {c(v['time'])}, {c(v['src'])}."
        )
    if k == 1:
        return f"{subj} {c(v['verb'])} {c(v['obj'])} {c(v['clause'])}."
    if k == 2:
        return (
            f"{c(v['stat'])} in {c(v['place'])} {c(v['sverb'])} {rng.randint(2, 48)} percent "
            f"{c(v['time'])}, {c(v['src'])}."
        )
    if k == 3:
        return (
            f"According to {c(('officials', 'analysts', 'the statement'))}, "
            f"{low} {c(v['verb'])} {c(v['obj'])} {c(v['clause'])}."
        )
    if k == 4:
        return (
            f"The project is expected to cost about {rng.randint(12, 950)} million riyals and to "
            f"be completed {c(v['future'])}."
        )
    if k == 5:
        return (
            f"A spokesperson for {low} said {c(v['obj'])} in {c(v['place'])} would be ready "
            f"{c(v['future'])}."
        )
    return (
        f"The move comes {c(v['clause'])}, and {low} {c(v['verb'])} {c(v['obj'])} {c(v['time'])}."
    )


def _fr_sentence(rng: random.Random) -> str:
    v = FR
    c = rng.choice
    k = rng.randrange(6)
    if k == 0:
        return (
            f"{c(v['subj'])} {c(v['verb'])} {c(v['obj'])} {c(v['place'])} {c(v['time'])}, "
            f"{c(v['src'])}."
        )
    if k == 1:
        return f"{c(v['subj'])} {c(v['verb'])} {c(v['obj'])} {c(v['clause'])}."
    if k == 2:
        return (
            f"{c(v['sverb'])} de {rng.randint(2, 48)} % {c(v['stat'])} a été enregistrée "
            f"{c(v['place'])} {c(v['time'])}, {c(v['src'])}."
        )
    if k == 3:
        return (
            f"Le projet devrait coûter environ {rng.randint(12, 950)} millions de riyals et être "
            f"achevé {c(v['future'])}."
        )
    if k == 4:
        subj = c(v["subj"])
        return (
            f"Selon un porte-parole, {subj[0].lower() + subj[1:]} {c(v['verb'])} "
            f"{c(v['obj'])} {c(v['clause'])}."
        )
    return f"Cette décision intervient {c(v['clause'])}, {c(v['src'])}."


def _ar_sentence(rng: random.Random) -> str:
    v = AR
    c = rng.choice
    subj, fem = c(AR_SUBJ)
    verb = c(AR_VERB)[1 if fem else 0]
    k = rng.randrange(6)
    if k == 0:
        return (
            f"{c(v['conn'])}{verb} {subj} {c(v['obj'])} في {c(v['place'])} {c(v['time'])}، "
            f"{c(v['src'])}."
        )
    if k == 1:
        return f"{c(v['conn'])}{verb} {subj} {c(v['obj'])} {c(v['clause'])}."
    if k == 2:
        return (
            f"وسُجّل {c(v['sverb'])} في {c(v['stat'])} بنسبة {rng.randint(2, 48)} في المئة في "
            f"{c(v['place'])} {c(v['time'])}، {c(v['src'])}."
        )
    if k == 3:
        return (
            f"ومن المتوقع أن تبلغ تكلفة المشروع نحو {rng.randint(12, 950)} مليون ريال، على أن "
            f"يكتمل {c(v['future'])}."
        )
    if k == 4:
        return (
            f"وأوضح المتحدث باسم {subj} أن العمل على {c(v['obj'])} يجري {c(v['clause'])}، "
            f"على أن يكتمل {c(v['future'])}."
        )
    return f"ويأتي ذلك {c(v['clause'])} في {c(v['place'])}، {c(v['src'])}."


def _title(lang: str, rng: random.Random) -> str:
    c = rng.choice
    if lang == "ar":
        subj, fem = c(AR_SUBJ)
        verb = c(AR_VERB)[1 if fem else 0]
        return f"{subj} {verb} {c(AR['obj'])} في {c(AR['place'])}"
    if lang == "fr":
        return f"{c(FR['subj'])} {c(FR['verb'])} {c(FR['obj'])} {c(FR['place'])}"
    return f"{c(EN['subj'])} {c(EN['verb'])} {c(EN['obj'])} in {c(EN['place'])}"


SENTENCE_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "ar": _ar_sentence,
    "en": _en_sentence,
    "fr": _fr_sentence,
}


@dataclass
class Pool:
    """Pre-generated sentences of one language with their word counts."""

    sentences: list[str]
    words: list[int]
    vocab: list[str]
    max_words: int


def build_pools(rng: random.Random) -> dict[str, Pool]:
    vocab_sources: dict[str, list[str]] = {
        "ar": [w for vals in AR.values() for phrase in vals for w in phrase.split()]
        + [w for s, _ in AR_SUBJ for w in s.split()],
        "en": [w for vals in EN.values() for phrase in vals for w in phrase.split()],
        "fr": [w for vals in FR.values() for phrase in vals for w in phrase.split()],
    }
    pools: dict[str, Pool] = {}
    for lang, make in SENTENCE_MAKERS.items():
        sents = [make(rng) for _ in range(POOL_SIZE)]
        vocab = sorted({w.strip(".,،") for w in vocab_sources[lang] if len(w) > 2})
        counts = [s.count(" ") + 1 for s in sents]
        pools[lang] = Pool(sents, counts, vocab, max(counts))
    return pools


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


def make_body(pool: Pool, rng: random.Random) -> str:
    """150-600 words in paragraphs of 2-5 sentences (paragraphs separated by newlines)."""
    target = rng.randint(MIN_WORDS, MAX_WORDS - pool.max_words)
    n = len(pool.sentences)
    rand = rng.random
    paragraphs: list[str] = []
    words = 0
    while words < target:
        para: list[str] = []
        for _ in range(2 + int(rand() * 4)):
            i = int(rand() * n)
            para.append(pool.sentences[i])
            words += pool.words[i]
            if words >= target:
                break
        paragraphs.append(" ".join(para))
    # overshoot is at most one sentence, so MIN_WORDS <= words <= MAX_WORDS
    return "\n".join(paragraphs)


def make_url(lang: str, domain: str, published: datetime, serial: int, rng: random.Random) -> str:
    section = rng.choice(SECTIONS)
    if lang == "ar":
        return f"https://{domain}/{section}/{serial}.html"
    return f"https://{domain}/{section}/{published:%Y/%m/%d}/story-{serial}"


def make_original(lang: str, pools: dict[str, Pool], rng: random.Random, serial: int) -> Record:
    domain = rng.choice(SOURCES[lang])
    published = datetime.fromtimestamp(DATE_START + rng.randrange(DATE_SPAN), tz=UTC)
    n_auth = rng.choice((0, 1, 1, 1, 2))
    return {
        "title": _title(lang, rng),
        "maintext": make_body(pools[lang], rng),
        "date_publish": published.strftime("%Y-%m-%d %H:%M:%S"),
        "url": make_url(lang, domain, published, serial, rng),
        "language": lang,
        "authors": rng.sample(AUTHORS[lang], n_auth),
        "source_domain": domain,
    }


def near_duplicate(body: str, vocab: Sequence[str], rng: random.Random) -> str:
    """Replace 3-8 words of ``body`` with other vocabulary words."""
    tokens = body.split(" ")
    for _ in range(rng.randint(3, 8)):
        i = rng.randrange(len(tokens))
        tok = tokens[i]
        lead = "\n" if tok.startswith("\n") else ""
        trail = tok[-1] if tok and tok[-1] in ".,،\n" else ""
        tokens[i] = lead + rng.choice(vocab) + trail
    return " ".join(tokens)


def malformed_line(rec: Record, rng: random.Random) -> tuple[str, bytes]:
    """Return (kind, raw line bytes) for a broken record."""
    k = rng.randrange(5)
    if k == 0:
        text = json.dumps(rec, ensure_ascii=False)
        return "malformed_json", text[: rng.randint(10, len(text) // 2)].encode("utf-8")
    if k == 1:
        return "not_an_object", rng.choice([b"42", b"null", b'"scrape failed"', b"[1, 2, 3]"])
    if k == 2:
        bad = {**rec, "maintext": rng.choice(["", "   ", "\n\t"])}
        return "missing_body", json.dumps(bad, ensure_ascii=False).encode("utf-8")
    if k == 3:
        bad = {**rec, "url": rng.choice(["not a url", "javascript:void(0)", "/relative/123"])}
        return "invalid_url", json.dumps(bad, ensure_ascii=False).encode("utf-8")
    # invalid UTF-8: the line is encoded as Windows-1256 (Arabic) or Latin-1 (others)
    text = json.dumps(rec, ensure_ascii=False)
    codec = "cp1256" if rec["language"] == "ar" else "latin-1"
    raw = text.encode(codec, errors="replace")
    if raw.isascii():
        raw += b" \xff"
    return "bad_encoding", raw


@dataclass
class Stats:
    kinds: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    files: list[dict[str, Any]] = field(default_factory=list)


def generate(n_articles: int, n_files: int, seed: int, out: Path) -> Stats:
    rng = random.Random(seed)
    pools = build_pools(rng)
    langs = [lang for lang, _ in LANG_WEIGHTS]
    cum: list[float] = []
    acc = 0.0
    for _, w in LANG_WEIGHTS:
        acc += w
        cum.append(acc)
    reservoir: list[Record] = []
    stats = Stats()
    out.mkdir(parents=True, exist_ok=True)
    t_dup = P_MALFORMED + P_EXACT_DUP_BODY
    t_url = t_dup + P_SAME_URL
    t_near = t_url + P_NEAR_DUP
    serial = 1_000_000

    for f in range(n_files):
        start, stop = n_articles * f // n_files, n_articles * (f + 1) // n_files
        path = out / f"part-{f:05d}.jsonl"
        with path.open("wb") as fh:
            buf: list[bytes] = []
            for _ in range(start, stop):
                serial += 1
                r = rng.random()
                kind: str
                line: bytes
                if reservoir and r < P_MALFORMED:
                    kind, line = malformed_line(rng.choice(reservoir), rng)
                    stats.kinds["malformed:" + kind] += 1
                    buf.append(line)
                    continue
                if reservoir and r < t_dup:
                    src = rng.choice(reservoir)
                    lang = src["language"]
                    domain = rng.choice(SOURCES[lang])
                    published = datetime.strptime(src["date_publish"], "%Y-%m-%d %H:%M:%S")
                    rec = {
                        **src,
                        "title": src["title"] if rng.random() < 0.5 else _title(lang, rng),
                        "url": make_url(lang, domain, published, serial, rng),
                        "source_domain": domain,
                    }
                    kind = "exact_dup_body"
                elif reservoir and r < t_url:
                    rec = rng.choice(reservoir)
                    kind = "same_url"
                elif reservoir and r < t_near:
                    src = rng.choice(reservoir)
                    lang = src["language"]
                    domain = rng.choice(SOURCES[lang])
                    published = datetime.strptime(src["date_publish"], "%Y-%m-%d %H:%M:%S")
                    rec = {
                        **src,
                        "maintext": near_duplicate(src["maintext"], pools[lang].vocab, rng),
                        "url": make_url(lang, domain, published, serial, rng),
                        "source_domain": domain,
                    }
                    kind = "near_dup"
                else:
                    x = rng.random()
                    lang = langs[0] if x < cum[0] else langs[1] if x < cum[1] else langs[2]
                    rec = make_original(lang, pools, rng, serial)
                    if len(reservoir) < RESERVOIR_SIZE:
                        reservoir.append(rec)
                    else:
                        reservoir[rng.randrange(RESERVOIR_SIZE)] = rec
                    kind = "original"
                stats.kinds[kind] += 1
                stats.langs[rec["language"]] += 1
                buf.append(json.dumps(rec, ensure_ascii=False).encode("utf-8"))
                if len(buf) >= CHUNK_LINES:
                    fh.write(b"\n".join(buf) + b"\n")
                    buf.clear()
            if buf:
                fh.write(b"\n".join(buf) + b"\n")
        stats.files.append(
            {"file": path.name, "articles": stop - start, "bytes": path.stat().st_size}
        )
    return stats


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Generate a synthetic multilingual (ar/en/fr) news corpus as JSON Lines "
        "for benchmarks, with duplicates, near-duplicates and malformed lines.",
    )
    parser.add_argument(
        "--articles",
        type=int,
        required=True,
        help="total number of lines (articles, including duplicates and ~0.5%% malformed) to write",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output directory (created if missing)"
    )
    parser.add_argument(
        "--files",
        type=int,
        default=10,
        help="number of JSONL files to split the articles over (default: 10)",
    )
    parser.add_argument(
        "--seed", type=int, default=42, help="random seed; same seed gives identical output"
    )
    args = parser.parse_args(argv)
    if args.articles < 1 or args.files < 1:
        parser.error("--articles and --files must be >= 1")
    if args.files > args.articles:
        parser.error("--files must not exceed --articles")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    t0 = time.perf_counter()
    stats = generate(args.articles, args.files, args.seed, args.out)
    elapsed = time.perf_counter() - t0
    total_bytes = sum(f["bytes"] for f in stats.files)
    manifest = {
        "articles": args.articles,
        "files": stats.files,
        "seed": args.seed,
        "total_bytes": total_bytes,
        "kinds": dict(sorted(stats.kinds.items())),
        "languages_of_parseable_records": dict(sorted(stats.langs.items())),
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    for f in stats.files:
        print(f"{f['bytes']:>12,}  {f['articles']:>8,} articles  {args.out / f['file']}")
    print(
        f"wrote {args.articles:,} articles in {len(stats.files)} files, "
        f"{total_bytes:,} bytes ({total_bytes / 1e6:.1f} MB) in {elapsed:.1f}s"
    )
    print("kinds: " + ", ".join(f"{k}={v:,}" for k, v in sorted(stats.kinds.items())))
    print("languages: " + ", ".join(f"{k}={v:,}" for k, v in sorted(stats.langs.items())))
    print(f"manifest: {args.out / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
