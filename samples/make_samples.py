"""Deterministic generator for the bundled sample dumps in ``samples/landing/``.

Every article text below is original, written for this project (no dataset text),
except the single real seed ``text/seed_ar_korea.txt``, which is copied byte for byte.

Run::

    python samples/make_samples.py            # (re)writes samples/landing/ + expected_outcomes.json
    python samples/make_samples.py --check    # regenerate in memory, fail if files differ

Determinism: no timestamps leak into any file (gzip mtime=0 and no file name, zip
entries carry a fixed date, bz2/zstd/parquet have no clock input), dict order is fixed,
and running the script twice produces byte-identical files.
Dependencies: Python stdlib, pyarrow, zstandard.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import hashlib
import io
import json
import sys
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard
from html_samples import build_html, html_outcomes  # sibling module: samples/html_samples.py

HERE = Path(__file__).resolve().parent
LANDING = HERE / "landing"
EXPECTED_JSON = HERE / "expected_outcomes.json"

SEED_SOURCE = Path("/work/shared/seeds/000_8251fbba6d0163f5.txt")
SEED_TARGET = "text/seed_ar_korea.txt"
SEED_SHA256 = "f661ba05f53bc1145e673d85ceb1ce19709176aefa95352325075fb315dd965c"

ZIP_DATE = (2025, 5, 2, 6, 0, 0)

# Suggested quarantine reason codes (the semantic category is the contract).
MALFORMED_JSON = "unparseable_json"
NOT_AN_OBJECT = "not_an_object"
MISSING_BODY = "missing_body"
INVALID_URL = "invalid_url"
MALFORMED_ROW = "malformed_row"
BAD_ENCODING = "bad_encoding"

Record = dict[str, Any]

# ---------------------------------------------------------------------------
# Shared storylines
# ---------------------------------------------------------------------------

# S1: one wire story (fictional "Gulf News Agency") republished by three outlets with
# different headlines, outlet boilerplate and one lightly edited sentence each.
WIRE_P1 = (
    "أعلنت هيئة تحلية المياه الساحلية، اليوم الاثنين، بدء التشغيل التجريبي لمحطة جديدة "
    "لتحلية مياه البحر في مدينة الجبيل الصناعية بطاقة إنتاجية تبلغ 600 ألف متر مكعب يوميًا."
)
WIRE_P2 = (
    "وأوضحت الهيئة في بيان أن المحطة تعتمد على تقنية التناضح العكسي وتعمل جزئيًا بالطاقة "
    "الشمسية، ما يخفض استهلاك الكهرباء بنحو 30 في المئة مقارنة بالمحطات التقليدية."
)
WIRE_P2_EDITED = (
    "وبيّنت الهيئة في بيانها أن المحطة تعتمد على تقنية التناضح العكسي وتستمد جزءًا من "
    "طاقتها من الشمس، ما يخفض استهلاك الكهرباء بنحو 30 في المئة مقارنة بالمحطات التقليدية."
)
WIRE_P3 = (
    "ومن المتوقع أن تغذي المحطة أكثر من مليون ونصف المليون نسمة في المنطقة الشرقية ومدينة "
    "الرياض عبر خط أنابيب يمتد لمسافة 450 كيلومترًا."
)
WIRE_P4 = (
    "وأشار البيان إلى أن التشغيل الكامل سيبدأ مطلع الربع الثالث من العام الجاري بعد استكمال "
    "اختبارات الجودة والسلامة."
)
WIRE_P4_EDITED = (
    "وأشار البيان إلى أن التشغيل الكامل سيبدأ مطلع الربع الثالث من هذا العام بعد استكمال "
    "اختبارات الجودة والسلامة."
)

# S2: one page scraped three times (plain URL / trailing slash + #comments / utm params).
METRO_URL = "https://alwatan-example.sa/local/2025/04/28/riyadh-metro-line-7"
METRO_TITLE = "افتتاح المسار السابع لقطار الرياض أمام الركاب"
METRO_BODY = "\n".join(
    [
        "استقبل المسار السابع لقطار الرياض أول ركابه صباح اليوم الاثنين، بعد أشهر من التشغيل "
        "التجريبي دون ركاب.",
        "ويمتد المسار الجديد بطول 32 كيلومترًا ويربط حي الدرعية بوسط العاصمة عبر 14 محطة، "
        "من بينها محطتان تحت الأرض.",
        "وقال المتحدث باسم هيئة النقل العام إن القطارات ستعمل من السادسة صباحًا حتى منتصف الليل، "
        "مع تقليص زمن الانتظار إلى أربع دقائق في ساعات الذروة.",
        "ودعت الهيئة الركاب إلى استخدام بطاقات الدفع الذكية لتسريع الدخول إلى المحطات.",
    ]
)

# S3: exact duplicate body (wire copy) under two different URLs and headlines.
DAMMAM_BODY = (
    "Dammam's main commercial port handled 812,000 containers in the first quarter of 2025, "
    "a record for the period, the port operator said on Wednesday.\n\n"
    "The operator attributed the 14 percent year-on-year increase to new shipping services "
    "linking the Gulf with East Africa and South Asia, and to faster customs clearance.\n\n"
    '"We are seeing steady demand for construction materials and consumer goods across the '
    "region,\" the operator's chief executive said.\n\n"
    "The port plans to add two automated berths by the end of next year."
)

# S4: a French story and its update (same URL, one paragraph added).
STORM_URL = "https://le-quotidien.example.fr/monde/2025/05/01/tempete-de-sable-riyad"
STORM_PARAS = [
    "Une importante tempête de sable s'est abattue jeudi matin sur Riyad, réduisant la "
    "visibilité à moins de 500 mètres dans plusieurs quartiers de la capitale saoudienne.",
    "À l'aéroport international, une vingtaine de vols ont été retardés et trois ont été "
    "déroutés vers Dammam, selon les autorités aéroportuaires.",
    "Le centre national de météorologie a appelé les automobilistes à la prudence et "
    "recommandé aux personnes souffrant d'asthme de rester chez elles.",
]
STORM_UPDATE_PARA = (
    "Mise à jour à 13 h 30 : la visibilité s'améliore progressivement et le trafic aérien "
    "reprend normalement, même si des retards restent possibles en soirée. Les écoles de la "
    "capitale ont toutefois maintenu l'enseignement à distance pour la journée."
)

# S5: an Arabic story and its update (one paragraph added); v2 only exists as scraped text.
FIRE_TITLE = "الدفاع المدني يسيطر على حريق في مستودع جنوب جدة"
FIRE_PARAS = [
    "تمكنت فرق الدفاع المدني فجر اليوم الثلاثاء من السيطرة على حريق اندلع في مستودع للمواد "
    "الغذائية بحي الخمرة جنوب جدة.",
    "وأوضح المتحدث باسم الدفاع المدني أن 14 فرقة شاركت في عمليات الإطفاء التي استمرت نحو "
    "ثلاث ساعات.",
    "ولم تسجل أي إصابات بشرية، فيما اقتصرت الأضرار على المحتويات وجزء من سقف المستودع.",
]
FIRE_UPDATE_PARA = (
    "وفي تحديث لاحق، أعلنت الجهات المختصة أن التحقيقات الأولية تشير إلى تماس كهربائي في وحدة "
    "التبريد كسبب محتمل للحريق، وأنه تم تشكيل لجنة لمراجعة اشتراطات السلامة في المستودعات "
    "المجاورة."
)

COOKIE_EN = (
    "We use cookies to improve your experience on our website. By continuing to browse, you "
    "agree to our use of cookies. For more information, please read our Privacy Policy."
)
COOKIE_AR = (
    "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. باستمرارك في التصفح "
    "فإنك توافق على استخدامنا لها. لمزيد من المعلومات يرجى الاطلاع على سياسة الخصوصية."
)


def paras(*parts: str, sep: str = "\n\n") -> str:
    """Join paragraphs with ``sep``."""
    return sep.join(parts)


# ---------------------------------------------------------------------------
# 1. newsplease/2025-04-28.jsonl
# ---------------------------------------------------------------------------


def newsplease(
    title: str,
    maintext: str,
    date: str,
    url: str,
    lang: str,
    authors: list[str],
    domain: str,
    image: str | None,
) -> Record:
    """A record in news-please's output schema (plus unmapped extras)."""
    return {
        "authors": authors,
        "date_download": "2025-04-28 12:00:03",
        "date_modify": None,
        "date_publish": date,
        "description": None,
        "image_url": image,
        "language": lang,
        "maintext": maintext,
        "source_domain": domain,
        "title": title,
        "url": url,
    }


def build_newsplease() -> bytes:
    lines: list[str] = []

    def add(rec: Record) -> None:
        lines.append(json.dumps(rec, ensure_ascii=False))

    add(
        newsplease(
            "بدء التشغيل التجريبي لمحطة تحلية جديدة في الجبيل",
            paras(
                WIRE_P1,
                WIRE_P2,
                WIRE_P3,
                WIRE_P4,
                "المصدر: وكالة الخليج للأنباء",
                "اقرأ أيضًا: ارتفاع الطلب على المياه مع دخول فصل الصيف",
                sep="\n",
            ),
            "2025-04-28 07:41:00",
            "https://almadina-example.sa/local/2025/04/28/jubail-desalination-trial",
            "ar",
            ["وكالة الخليج للأنباء"],
            "almadina-example.sa",
            "https://almadina-example.sa/media/2025/04/jubail-plant.jpg",
        )
    )
    add(
        newsplease(
            METRO_TITLE,
            METRO_BODY,
            "2025-04-28 07:30:00",
            METRO_URL,
            "ar",
            ["محرر الشؤون المحلية"],
            "alwatan-example.sa",
            "https://alwatan-example.sa/media/2025/04/metro-line-7.jpg",
        )
    )
    add(
        newsplease(
            "Riyadh Book Fair opens with record number of publishers",
            paras(
                "The Riyadh International Book Fair opened on Monday with more than 2,000 "
                "publishers from 32 countries, the largest line-up in its history.",
                "Organisers said this year's edition dedicates a full hall to children's "
                "literature and another to translated works from Asian languages.",
                "Visitors queued at the entrance well before the doors opened at 11 a.m., and "
                "several stands reported selling out of new poetry collections within hours.",
                "The fair runs until May 7 and admission is free.",
                sep="\n",
            ),
            "2025-04-28 15:10:00",
            "https://gulf-daily.example/culture/2025/04/28/riyadh-book-fair-opens",
            "en",
            ["Nadia Haddad"],
            "gulf-daily.example",
            None,
        )
    )
    add(
        newsplease(
            "معرض الرياض الدولي للكتاب يفتح أبوابه بمشاركة ألفي دار نشر",
            paras(
                "افتتح معرض الرياض الدولي للكتاب دورته الجديدة اليوم بمشاركة أكثر من ألفي دار "
                "نشر من 32 دولة.",
                "وخصصت اللجنة المنظمة جناحًا كاملًا لأدب الطفل وآخر للكتب المترجمة من اللغات "
                "الآسيوية.",
                "وشهدت الساعات الأولى إقبالًا كبيرًا من الزوار، فيما أعلنت عدة دور نشر نفاد "
                "دواوين شعرية صدرت حديثًا.",
                "ويستمر المعرض حتى السابع من مايو، والدخول مجاني للجميع.",
                sep="\n",
            ),
            "2025-04-28 14:02:00",
            "https://alwatan-example.sa/culture/2025/04/28/riyadh-book-fair",
            "ar",
            [],
            "alwatan-example.sa",
            "https://alwatan-example.sa/media/2025/04/book-fair.jpg",
        )
    )
    lines.append("")  # blank line: not a record
    # unparseable_json: truncated object
    lines.append(
        '{"title": "أمطار غزيرة على أبها", "maintext": "هطلت أمطار غزيرة على مدينة أبها مساء '
        "الأحد، ما أدى إلى"
    )
    add(
        newsplease(
            "Heat advisory issued for Eastern Province as temperatures near 47C",
            paras(
                "The national weather centre issued a heat advisory for the Eastern Province on "
                "Monday, forecasting temperatures of up to 47 degrees Celsius in Al-Ahsa and "
                "Hafr Al-Batin.",
                "Residents were advised to avoid direct sunlight between noon and 4 p.m. and to "
                "keep children and elderly relatives indoors.",
                "Employers were reminded to provide shaded rest areas and drinking water for "
                "outdoor workers.",
                "The advisory remains in force until Thursday evening.",
                sep="\n",
            ),
            "2025-04-28 09:20:00",
            "https://gulf-daily.example/local/2025/04/28/heat-advisory-eastern-province",
            "en",
            ["Weather Desk"],
            "gulf-daily.example",
            None,
        )
    )
    lines.append("42")  # not_an_object
    add(
        newsplease(
            "مهرجان التمور في بريدة يسجل مبيعات قياسية في أسبوعه الأول",
            paras(
                "سجل مهرجان التمور في مدينة بريدة مبيعات تجاوزت 180 مليون ريال خلال أسبوعه "
                "الأول، بحسب اللجنة المنظمة.",
                "وشارك في المهرجان أكثر من 1200 مزارع عرضوا أصنافًا متعددة أبرزها السكري "
                "والخلاص والصقعي.",
                "وأوضح رئيس اللجنة أن نسبة كبيرة من المبيعات ذهبت إلى تجار من دول الخليج والأردن.",
                "ويتضمن المهرجان هذا العام ورش عمل حول التغليف والتصدير لصغار المنتجين.",
                sep="\n",
            ),
            "2025-04-28 10:05:00",
            "https://alwatan-example.sa/economy/2025/04/28/buraidah-dates-festival",
            "ar",
            ["قسم الاقتصاد"],
            "alwatan-example.sa",
            None,
        )
    )
    add(  # missing_body: empty maintext
        newsplease(
            "عاجل: انقطاع الكهرباء في أحياء شرق جدة",
            "",
            "2025-04-28 11:47:00",
            "https://alwatan-example.sa/breaking/2025/04/28/jeddah-power-cut",
            "ar",
            [],
            "alwatan-example.sa",
            None,
        )
    )
    add(  # invalid_url
        newsplease(
            "Saudi low-cost carrier adds new routes to Central Asia",
            paras(
                "The low-cost carrier will launch direct flights from Riyadh to Almaty and "
                "Tashkent in June, the airline said on Monday.",
                "Three weekly flights are planned on each route, operated with narrow-body "
                "aircraft.",
                "The airline expects demand from both tourists and business travellers.",
                sep="\n",
            ),
            "2025-04-28 12:30:00",
            "not a url",
            "en",
            ["Aviation Desk"],
            "gulf-daily.example",
            None,
        )
    )
    add(
        newsplease(
            "جامعة في جدة تطلق دبلومًا مهنيًا في الذكاء الاصطناعي",
            paras(
                "أطلقت إحدى الجامعات الحكومية في جدة برنامج دبلوم مهني في تطبيقات الذكاء "
                "الاصطناعي يبدأ استقبال طلبات الالتحاق به الشهر المقبل.",
                "ويستمر البرنامج ثلاثة فصول دراسية، ويركز على تحليل البيانات ومعالجة اللغة "
                "العربية والرؤية الحاسوبية.",
                "وقال عميد الكلية المشرفة إن 40 في المئة من المقاعد مخصصة للموظفين الراغبين في "
                "تطوير مهاراتهم.",
                "ويشترط للقبول الحصول على درجة البكالوريوس في أي تخصص علمي.",
                sep="\n",
            ),
            "2025-04-28 13:15:00",
            "https://almadina-example.sa/education/2025/04/28/university-ai-diploma",
            "ar",
            ["محرر التعليم"],
            "almadina-example.sa",
            None,
        )
    )
    add(
        newsplease(
            "Riyadh agritech start-up raises $12m for water-saving irrigation",
            paras(
                "A Riyadh-based agricultural technology start-up has raised $12 million in a "
                "funding round led by regional venture investors, the company said on Monday.",
                "Its sensors measure soil moisture every 15 minutes and switch irrigation pumps "
                "on only when crops need water.",
                "The founders say pilot farms in Al-Kharj cut water use by almost a third last "
                "season.",
                "The new capital will fund expansion into Jordan and Egypt.",
                sep="\n",
            ),
            "2025-04-28 16:45:00",
            "https://gulf-daily.example/business/2025/04/28/agritech-startup-funding",
            "en",
            ["Omar Saleh", "Priya Nair"],
            "gulf-daily.example",
            "https://gulf-daily.example/img/agritech.png",
        )
    )
    add(
        newsplease(
            "نادي الساحل يتوج بكأس السلة بعد فوز مثير في النهائي",
            paras(
                "توج فريق نادي الساحل بلقب كأس كرة السلة بعد فوزه على منافسه نادي الصحراء "
                "بنتيجة 88 مقابل 85 في المباراة النهائية التي أقيمت مساء الأحد في الدمام.",
                "وحسم الفريق اللقب في الثواني الأخيرة بعد رمية ثلاثية من قائده.",
                "وقال مدرب الفريق عقب المباراة إن الفوز ثمرة موسم كامل من العمل الجماعي.",
                "ويعد هذا اللقب الثالث للنادي في تاريخ المسابقة.",
                sep="\n",
            ),
            "2025-04-28 00:55:00",
            "https://alwatan-example.sa/sports/2025/04/28/basketball-cup-final",
            "ar",
            ["القسم الرياضي"],
            "alwatan-example.sa",
            None,
        )
    )
    add(
        newsplease(
            "Jeddah waterfront extension to open before summer",
            paras(
                "A 3-kilometre extension of Jeddah's northern waterfront will open to the public "
                "before the summer holidays, the municipality said.",
                "The new section includes cycling lanes, shaded seating, two fishing piers and a "
                "small amphitheatre for weekend concerts.",
                "Officials said the project was completed two months ahead of schedule.",
                "Parking will be free for the first three months.",
                sep="\n",
            ),
            "2025-04-28 17:30:00",
            "https://gulf-daily.example/travel/2025/04/28/jeddah-waterfront-extension",
            "en",
            [],
            "gulf-daily.example",
            None,
        )
    )
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# 2. saudinewsnet/2025-04-29.json.gz
# ---------------------------------------------------------------------------


def sn(source: str, url: str, extracted: str, title: str, author: str, content: str) -> Record:
    """A record in the SaudiNewsNet schema."""
    return {
        "source": source,
        "url": url,
        "date_extracted": extracted,
        "title": title,
        "author": author,
        "content": content,
    }


def build_saudinewsnet() -> bytes:
    items: list[Any] = [
        sn(
            "gulf-daily",
            "https://gulf-daily.example/ar/local/2025/04/28/jubail-desalination",
            "2025-04-29 08:15:02",
            "محطة الجبيل الجديدة تضخ 600 ألف متر مكعب من المياه يوميًا",
            "وكالة الخليج للأنباء",
            paras(
                WIRE_P1,
                WIRE_P2_EDITED,
                WIRE_P3,
                WIRE_P4,
                "جميع الحقوق محفوظة © الخليج اليومية 2025",
                "تابعونا على منصات التواصل الاجتماعي للمزيد من الأخبار.",
                sep="\n",
            ),
        ),
        sn(
            "alwatan",
            METRO_URL + "/#comments",
            "2025-04-29 08:16:40",
            METRO_TITLE,
            "محرر الشؤون المحلية",
            METRO_BODY,
        ),
        sn(
            "almadina",
            "https://almadina-example.sa/local/2025/04/29/jeddah-warehouse-fire",
            "2025-04-29 08:17:11",
            FIRE_TITLE,
            "",
            paras(*FIRE_PARAS, sep="\n"),
        ),
        "تعذر تحميل الصفحة - خطأ 503",  # not_an_object
        sn(
            "alwatan",
            "https://alwatan-example.sa/economy/2025/04/29/gold-prices-local-market",
            "2025-04-29 08:18:27",
            "ارتفاع أسعار الذهب في السوق المحلية مع تزايد الطلب قبل موسم الأعراس",
            "قسم الاقتصاد",
            paras(
                "ارتفعت أسعار الذهب في محلات المجوهرات بالرياض وجدة خلال تعاملات اليوم، إذ بلغ "
                "سعر غرام الذهب عيار 21 نحو 352 ريالًا.",
                "وعزا تجار هذا الارتفاع إلى صعود الأسعار العالمية وزيادة الطلب المحلي قبل موسم "
                "الأعراس.",
                "وتوقع أحد التجار أن تستقر الأسعار خلال الأسبوعين المقبلين ما لم تشهد الأسواق "
                "العالمية تقلبات حادة.",
                sep="\n",
            ),
        ),
        sn(
            "almadina",
            "https://almadina-example.sa/environment/2025/04/29/tree-planting-campaign",
            "2025-04-29 08:19:05",
            "حملة لزراعة مئة ألف شجرة في شوارع المدينة المنورة",
            "",
            paras(
                "أطلقت أمانة المدينة المنورة حملة لزراعة مئة ألف شجرة محلية في الشوارع والحدائق "
                "العامة خلال العامين المقبلين.",
                "وتركز الحملة على أنواع تتحمل الحرارة وتحتاج إلى كميات قليلة من المياه مثل "
                "السدر والغاف.",
                "وتشارك في الحملة مدارس وجمعيات أهلية، مع تخصيص تطبيق إلكتروني يتيح للسكان تبني "
                "شجرة ومتابعة نموها.",
                sep="\n",
            ),
        ),
        sn(
            "gulf-daily",
            "https://gulf-daily.example/ar/travel/2025/04/29/umrah-season-passengers",
            "2025-04-29 08:20:48",
            "زيادة أعداد المسافرين عبر مطار جدة خلال موسم العمرة",
            "خدمة الخليج اليومية",
            paras(
                "أعلنت إدارة مطار جدة أن عدد المسافرين عبر صالاته تجاوز أربعة ملايين مسافر خلال "
                "الشهر الماضي، بزيادة 18 في المئة على الفترة نفسها من العام السابق.",
                "وأرجعت الإدارة هذه الزيادة إلى تدفق المعتمرين وإطلاق رحلات مباشرة جديدة من "
                "آسيا الوسطى وشمال أفريقيا.",
                "وأكدت أنها رفعت عدد موظفي الجوازات في ساعات الذروة لتقليص فترات الانتظار.",
                sep="\n",
            ),
        ),
        sn(
            "alwatan",
            "https://alwatan-example.sa/education/2025/04/29/final-exams-schedule",
            "2025-04-29 08:21:30",
            "وزارة التعليم تعلن جدول اختبارات نهاية العام الدراسي",
            "محرر التعليم",
            paras(
                "أعلنت وزارة التعليم جدول اختبارات نهاية العام الدراسي لطلاب المرحلتين المتوسطة "
                "والثانوية، على أن تبدأ في الثامن عشر من مايو.",
                "وتقرر أن تعقد الاختبارات في الفترة الصباحية فقط مراعاةً لارتفاع درجات الحرارة.",
                "ودعت الوزارة أولياء الأمور إلى متابعة المنصة الإلكترونية لمعرفة مواعيد "
                "اختبارات أبنائهم وقاعاتها.",
                sep="\n",
            ),
        ),
    ]
    # SaudiNewsNet-style dumps escape non-ASCII (\\uXXXX) and are pretty-printed.
    raw = json.dumps(items, ensure_ascii=True, indent=1).encode("ascii") + b"\n"
    return gzip_bytes(raw)


# ---------------------------------------------------------------------------
# 3. newspaper/2025-04-30.csv
# ---------------------------------------------------------------------------


def build_newspaper_csv() -> bytes:
    header = ["title", "text", "publish_date", "url", "authors"]
    rows: list[list[str]] = [
        [
            "Jubail desalination plant starts trial operations",
            paras(
                "A new seawater desalination plant in Jubail Industrial City began trial "
                "operations on Monday, with capacity to produce 600,000 cubic metres of drinking "
                "water a day.",
                "The plant uses reverse osmosis and draws part of its power from solar panels, "
                "cutting electricity consumption by about 30 percent compared with conventional "
                "plants, the coastal water authority said.",
                "Water from the facility will reach more than 1.5 million people in the Eastern "
                "Province and Riyadh through a 450-kilometre pipeline. Full operations are due to "
                "begin early in the third quarter.",
            ),
            "2025-04-28 09:05:00+03:00",
            "https://gulf-daily.example/business/2025/04/28/jubail-desalination-trial",
            "['Staff Reporter']",
        ],
        [
            "Dammam port posts record first quarter",
            DAMMAM_BODY,
            "2025-04-30 09:30:00+03:00",
            "https://gulf-daily.example/business/2025/04/30/dammam-port-record-quarter",
            "['Wire Service']",
        ],
        [
            "Le Salon du livre de Riyad bat des records de fréquentation",
            paras(
                "Le Salon international du livre de Riyad a ouvert ses portes lundi avec plus de "
                "2 000 éditeurs venus de 32 pays, un record depuis sa création.",
                "Les organisateurs ont consacré un pavillon entier à la littérature jeunesse et un "
                "autre aux traductions, notamment depuis le japonais, le coréen et le chinois.",
                "Plusieurs éditeurs français, présents pour la première fois, disent vouloir "
                "nouer des partenariats de traduction avec des maisons saoudiennes. Le salon se "
                "tient jusqu'au 7 mai ; l'entrée est gratuite.",
            ),
            "2025-04-29 18:20:00+02:00",
            "https://le-quotidien.example.fr/culture/2025/04/29/salon-du-livre-riyad",
            "['Claire Dubois']",
        ],
    ]
    rows_after: list[list[str]] = [
        [
            "Paris et Riyad signent un accord sur l'hydrogène vert",
            paras(
                "La France et l'Arabie saoudite ont signé mardi un protocole d'accord visant à "
                "développer la production et le transport d'hydrogène vert, selon un communiqué "
                "conjoint.",
                "Le texte prévoit des études de faisabilité pour une usine d'électrolyse sur la "
                "côte de la mer Rouge et la formation d'ingénieurs saoudiens dans des écoles "
                "françaises.",
                "Aucun montant n'a été communiqué, mais des industriels des deux pays, de "
                "l'énergie et du transport maritime, participeront aux premières études.",
            ),
            "2025-04-30 11:00:00+02:00",
            "https://le-quotidien.example.fr/economie/2025/04/30/accord-hydrogene-vert",
            "['Julien Moreau', 'Sarah Benali']",
        ],
        [
            "Riyadh metro records 2 million weekly trips as seventh line opens",
            paras(
                "Riyadh's metro network carried more than 2 million passenger trips last week, "
                "transport officials said on Tuesday, as the newly opened seventh line drew crowds "
                "of first-time riders.",
                "The 32-kilometre line links Diriyah with the city centre through 14 stations.",
                "Officials said trains on the busiest lines now run every four minutes at peak "
                "times, and that contactless bank cards will be accepted at all gates from June.",
            ),
            "2025-04-29 20:45:00+03:00",
            "https://desert-tribune.example/city/2025/04/29/riyadh-metro-weekly-trips",
            "[]",
        ],
        [
            "À Paris, une exposition consacrée à la calligraphie arabe contemporaine",
            paras(
                "Une exposition réunissant une soixantaine d'œuvres de calligraphes venus du "
                "Golfe, du Maghreb et d'Europe ouvre ses portes jeudi à Paris.",
                "Le parcours montre comment l'écriture arabe, longtemps cantonnée aux manuscrits "
                "et aux mosquées, s'invite aujourd'hui dans le design, la mode et l'art urbain.",
                "« Nous voulions montrer une tradition vivante, pas un art figé », explique la "
                "commissaire de l'exposition. L'exposition est visible jusqu'à la fin du mois "
                "d'août.",
            ),
            "2025-04-30 08:00:00+02:00",
            "https://le-quotidien.example.fr/culture/2025/04/30/exposition-calligraphie-arabe",
            "['Claire Dubois']",
        ],
    ]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # malformed_row: an unquoted body with commas -> 7 fields instead of 5.
    buf.write(
        "Oil prices edge higher in Asian trade,Brent crude rose 40 cents, or 0.6 percent, "
        "to 66.10 dollars a barrel in early Asian trade.,2025-04-30 04:10:00+00:00,"
        "https://gulf-daily.example/markets/2025/04/30/oil-prices-asia,['Markets Desk']\r\n"
    )
    writer.writerows(rows_after)
    # Excel-style export: UTF-8 with BOM, CRLF row terminators, LF inside quoted bodies.
    return buf.getvalue().encode("utf-8-sig")


# ---------------------------------------------------------------------------
# 4. generic/feed_2025-05-01.json
# ---------------------------------------------------------------------------


def generic(headline: str, body: str, published: str, link: str, lang: str, source: str) -> Record:
    return {
        "headline": headline,
        "body": body,
        "published": published,
        "link": link,
        "lang": lang,
        "source": source,
    }


# French news that names people and organisations as French papers do: ministers by title,
# `l'ONU`, `l'OTAN`, companies after `le groupe`, coordinated names (`de X et de Y`). The people
# and companies are invented; the international bodies are real.
FRENCH_NEWS = [
    generic(
        "Sécheresse au Sahel : l'ONU lance un appel de fonds",
        paras(
            "Le secrétaire général adjoint de l'ONU, Marc Delaunay, a lancé jeudi à Genève un "
            "appel de fonds de 400 millions de dollars pour les pays du Sahel touchés par la "
            "sécheresse.",
            "Selon l'OMS et le Programme alimentaire mondial, près de six millions de personnes "
            "manquent d'eau potable dans la région.",
            "La ministre française des Affaires étrangères, Hélène Marchetti, a promis une "
            "contribution de 30 millions d'euros. « La France sera au rendez-vous », a-t-elle "
            "déclaré devant l'Assemblée nationale.",
        ),
        "Thu, 01 May 2025 13:10:00 +0200",
        "https://le-quotidien.example.fr/monde/2025/05/01/sahel-secheresse-appel-onu",
        "fr",
        "le-quotidien.example.fr",
    ),
    generic(
        "Le groupe Valmière investit dans l'hydrogène au Maroc",
        paras(
            "Le groupe industriel Valmière a annoncé jeudi un investissement de 1,2 milliard "
            "d'euros dans une usine d'hydrogène près de Tanger, avec le soutien de la Banque "
            "mondiale et de la Banque européenne d'investissement.",
            "Son président, Olivier Sarrazin, a signé l'accord à Rabat en présence du ministre "
            "marocain de l'Industrie, Karim Benali.",
            "Le ministère de l'Économie a salué un projet « exemplaire ». Les syndicats de "
            "Valmière, dont la CGT, demandent des garanties pour les sites français.",
        ),
        "Thu, 01 May 2025 14:30:00 +0200",
        "https://le-quotidien.example.fr/economie/2025/05/01/valmiere-hydrogene-maroc",
        "fr",
        "le-quotidien.example.fr",
    ),
    generic(
        "Les ministres de l'OTAN réunis à Bruxelles",
        paras(
            "Les ministres de la Défense de l'OTAN se sont réunis jeudi à Bruxelles pour "
            "discuter du financement de la défense aérienne de l'Europe de l'Est.",
            "Le ministre des Armées, Thomas Lefèvre, a plaidé pour un effort commun avec "
            "l'Union européenne. Son homologue allemand, Jürgen Albrecht, s'est dit « prêt à "
            "aller plus loin ».",
            "Le secrétaire général de l'Alliance doit présenter ses propositions en juin, lors "
            "du sommet de La Haye.",
        ),
        "Thu, 01 May 2025 16:05:00 +0200",
        "https://le-quotidien.example.fr/monde/2025/05/01/otan-ministres-bruxelles",
        "fr",
        "le-quotidien.example.fr",
    ),
    generic(
        "Le FMI relève sa prévision de croissance pour la France",
        paras(
            "Le Fonds monétaire international a relevé jeudi sa prévision de croissance pour "
            "la France à 0,9 % cette année, contre 0,7 % en janvier.",
            "Dans un entretien au journal Les Échos, la directrice du département Europe du "
            "FMI, Anna Kowalczyk, juge toutefois la dette publique « préoccupante ».",
            "À Bercy, le ministre de l'Économie, Paul Garnier, a rappelé l'objectif d'un "
            "déficit ramené sous 5 % du PIB. La Banque de France et l'Insee publieront leurs "
            "propres estimations la semaine prochaine.",
        ),
        "Thu, 01 May 2025 17:20:00 +0200",
        "https://le-quotidien.example.fr/economie/2025/05/01/fmi-croissance-france",
        "fr",
        "le-quotidien.example.fr",
    ),
]


def build_generic_feed() -> bytes:
    articles = [
        generic(
            "Tempête de sable sur Riyad : des vols retardés",
            paras(*STORM_PARAS),
            "Thu, 01 May 2025 09:00:00 +0300",
            STORM_URL,
            "fr",
            "le-quotidien.example.fr",
        ),
        generic(
            "Sandstorm delays flights at Riyadh airport",
            paras(
                "A thick sandstorm swept across Riyadh on Thursday morning, cutting visibility to "
                "under 500 metres and delaying about 20 departures from the capital's main "
                "airport.",
                "Three inbound flights were diverted to Dammam, airport officials said.",
                "The weather centre expects winds to ease by the afternoon but warned that dust "
                "could linger over central regions until Friday.",
            ),
            "Thu, 01 May 2025 08:40:00 +0300",
            "https://gulf-daily.example/local/2025/05/01/riyadh-sandstorm-flights",
            "en-GB",
            "gulf-daily.example",
        ),
        generic(
            "Le baril recule après l'annonce d'une hausse de la production",
            paras(
                "Les cours du pétrole ont reculé jeudi en Asie après l'annonce par plusieurs pays "
                "producteurs d'une hausse progressive de leur production à partir de juin.",
                "Le baril de Brent perdait 1,2 % à 61,40 dollars en fin de matinée, tandis que le "
                "WTI cédait 1,4 %.",
                "Les analystes estiment que la demande reste fragile en raison du ralentissement "
                "de l'activité industrielle en Europe et en Chine.",
            ),
            "Thu, 01 May 2025 10:15:00 +0200",
            "https://le-quotidien.example.fr/economie/2025/05/01/petrole-baril-recule",
            "FR",
            "le-quotidien.example.fr",
        ),
        generic(
            "New Red Sea resort welcomes first guests",
            paras(
                "A 120-room resort on an island off the Red Sea coast welcomed its first guests "
                "this week, its operator said.",
                "The resort runs entirely on solar power and desalinates its own water, and guests "
                "arrive by seaplane from a coastal airport.",
                "Room rates start at about $1,500 a night. The operator plans to open two more "
                "properties in the area by the end of 2026.",
            ),
            "Thu, 01 May 2025 07:30:00 +0000",
            "https://desert-tribune.example/travel/2025/05/01/red-sea-resort-opens",
            "en",
            "desert-tribune.example",
        ),
        generic(
            "Trois films saoudiens sélectionnés dans des festivals européens",
            paras(
                "Trois longs métrages produits en Arabie saoudite ont été sélectionnés cette année "
                "dans des festivals européens, une première pour l'industrie cinématographique du "
                "royaume.",
                "Parmi eux figure un drame tourné dans la région d'Al-Ula, qui raconte le retour "
                "d'une jeune architecte dans son village natal.",
                "Les producteurs y voient le signe d'une montée en puissance rapide, portée par "
                "des aides publiques et l'ouverture de plus de 60 cinémas en six ans.",
            ),
            "Thu, 01 May 2025 11:45:00 +0200",
            "https://le-quotidien.example.fr/culture/2025/05/01/films-saoudiens-festivals",
            "fr",
            "le-quotidien.example.fr",
        ),
        generic(
            "Non-oil exports rise 9% in first quarter",
            paras(
                "Saudi non-oil exports rose 9 percent in the first quarter from a year earlier, "
                "driven by chemicals, plastics and machinery, according to preliminary official "
                "data.",
                "Re-exports, which include goods shipped through Saudi ports to neighbouring "
                "markets, grew even faster at 21 percent.",
                "Economists said the figures showed progress in diversifying the economy, although "
                "oil still accounts for the bulk of export revenue.",
            ),
            "Thu, 01 May 2025 12:00:00 +0300",
            "https://gulf-daily.example/business/2025/05/01/non-oil-exports-q1",
            "en",
            "gulf-daily.example",
        ),
        *FRENCH_NEWS,
    ]
    doc = {
        "meta": {
            "feed": "partner-export",
            "exported_at": "2025-05-01T12:05:00Z",
            "count": len(articles),
            "schema_version": "2.1",
        },
        "articles": articles,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# 6. text/scraped_list_ar.txt.zst
# ---------------------------------------------------------------------------


def scraped_text(title: str, date: str, body_paras: Iterable[str], cookie: str) -> str:
    """One article in the seed's plain-text shape."""
    return paras(title, title, date, *body_paras, cookie)


def build_scraped_list() -> bytes:
    articles = [
        scraped_text(FIRE_TITLE, "29.04.2025 10:15", [*FIRE_PARAS, FIRE_UPDATE_PARA], COOKIE_EN),
        scraped_text(
            "قمة إقليمية في الرياض تبحث تعزيز الأمن الغذائي",
            "29.04.2025 12:30",
            [
                "انطلقت في الرياض اليوم أعمال قمة إقليمية للأمن الغذائي بمشاركة وزراء الزراعة في "
                "عشر دول عربية وممثلين عن منظمات دولية.",
                'وقال رئيس اللجنة التنظيمية في كلمة الافتتاح: "نحن أمام تحدٍّ حقيقي يتطلب تعاونًا '
                "يتجاوز الحدود\"، مضيفًا أن شعار القمة 'غذاء للجميع' يعكس أولوية المرحلة المقبلة.",
                "وتناقش القمة على مدى يومين مقترحات لإنشاء مخزون غذائي استراتيجي مشترك وتوسيع "
                "الاستثمار في الزراعة المائية.",
                "ومن المنتظر أن يصدر في ختامها إعلان يتضمن التزامات محددة بجداول زمنية.",
            ],
            COOKIE_AR,
        ),
        scraped_text(
            "عاصفة رملية تضرب الرياض وتؤخر الرحلات الجوية",
            "01.05.2025 09:20",
            [
                "ضربت عاصفة رملية كثيفة العاصمة الرياض صباح اليوم الخميس، ما أدى إلى انخفاض مدى "
                "الرؤية إلى أقل من 500 متر في عدد من الأحياء.",
                "وأعلنت إدارة المطار تأخر نحو عشرين رحلة مغادرة وتحويل ثلاث رحلات قادمة إلى مطار "
                "الدمام.",
                "ونصح المركز الوطني للأرصاد قائدي المركبات بتوخي الحذر، ودعا المصابين بأمراض "
                "الجهاز التنفسي إلى البقاء في منازلهم.",
            ],
            COOKIE_EN,
        ),
        scraped_text(
            "العلا تستضيف مهرجانًا للمناطيد بمشاركة 40 فريقًا دوليًا",
            "30.04.2025 17:05",
            [
                "تستضيف محافظة العلا مطلع الأسبوع المقبل مهرجانًا للمناطيد الهوائية بمشاركة 40 "
                "فريقًا من 15 دولة.",
                "وتحلق المناطيد يوميًا عند شروق الشمس فوق التكوينات الصخرية والمواقع الأثرية، "
                "فيما تقام في المساء عروض ضوئية وموسيقية.",
                "وأوضح المنظمون أن تذاكر الرحلات الجماعية متاحة عبر الموقع الإلكتروني للمهرجان، "
                "مع تخصيص مناطق مجانية للمشاهدة للعائلات.",
            ],
            COOKIE_AR,
        ),
        scraped_text(
            "توقعات بنمو القطاع غير النفطي بنسبة 4.5 في المئة هذا العام",
            "30.04.2025 08:45",
            [
                "توقع تقرير اقتصادي صادر عن أحد البنوك المحلية أن ينمو القطاع غير النفطي في "
                "المملكة بنسبة 4.5 في المئة خلال العام الجاري.",
                "وأشار التقرير إلى أن قطاعات السياحة والتجزئة والبناء ستقود النمو، مدعومة "
                "بالمشاريع الكبرى والفعاليات الدولية.",
                "وحذر التقرير في المقابل من أثر تراجع أسعار النفط على الإنفاق الحكومي إذا استمر "
                "لفترة طويلة.",
                "ويأتي التقرير بعد أيام من بيانات رسمية أظهرت ارتفاع الصادرات غير النفطية في "
                "الربع الأول.",
            ],
            COOKIE_EN,
        ),
    ]
    payload = repr(articles)
    if "\\'" not in payload:
        raise AssertionError("expected an escaped quote in the repr payload")
    raw = (payload + "\n").encode("utf-8")
    return zstandard.ZstdCompressor(level=19, write_checksum=True).compress(raw)


# ---------------------------------------------------------------------------
# 7. archive/batch_2025-05-02.zip
# ---------------------------------------------------------------------------


def build_batch_a() -> bytes:
    records = [
        generic(
            "Tempête de sable sur Riyad : des vols retardés, le trafic reprend",
            paras(*STORM_PARAS, STORM_UPDATE_PARA),
            "2025-05-01T13:30:00+03:00",
            STORM_URL,
            "fr",
            "le-quotidien.example.fr",
        ),
        generic(
            "Riyadh airport back to normal after sandstorm",
            paras(
                "Flights at Riyadh's main airport returned to normal on Thursday afternoon after "
                "a sandstorm that had delayed about 20 departures earlier in the day.",
                "Airport officials said all diverted flights had returned from Dammam by 3 p.m.",
                "Schools in the capital stayed on remote learning for the day, and the weather "
                "centre said winds would ease further overnight.",
            ),
            "2025-05-01T15:10:00+03:00",
            "https://gulf-daily.example/local/2025/05/01/riyadh-airport-normal-after-sandstorm",
            "en",
            "gulf-daily.example",
        ),
        generic(
            "Les exportations non pétrolières saoudiennes progressent de 9 %",
            paras(
                "Les exportations non pétrolières de l'Arabie saoudite ont progressé de 9 % au "
                "premier trimestre sur un an, tirées par la chimie, les plastiques et les "
                "machines, selon des données officielles préliminaires.",
                "Les réexportations, qui transitent par les ports saoudiens vers les marchés "
                "voisins, ont bondi de 21 %.",
                "Pour les économistes, ces chiffres confirment les progrès de la diversification, "
                "même si le pétrole représente toujours l'essentiel des recettes d'exportation.",
            ),
            "2025-05-01T16:00:00+02:00",
            "https://le-quotidien.example.fr/economie/2025/05/01/exportations-non-petrolieres",
            "fr",
            "le-quotidien.example.fr",
        ),
    ]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in records)
    return b"\xff\xfe" + text.encode("utf-16-le")  # UTF-16 LE with BOM, CRLF


def build_batch_b() -> bytes:
    def ts(value: str) -> datetime:
        return datetime.fromisoformat(value).astimezone(UTC)

    rows: list[Record] = [
        {
            "headline": METRO_TITLE,
            "text": METRO_BODY,
            "date": ts("2025-04-28T07:30:00+00:00"),
            "link": METRO_URL + "?utm_source=twitter&utm_medium=social",
            "source": "alwatan-example.sa",
        },
        {
            "headline": "أمانة الرياض تطلق مسارات جديدة للمشاة في الأحياء السكنية",
            "text": paras(
                "أطلقت أمانة منطقة الرياض مشروعًا لإنشاء 60 كيلومترًا من مسارات المشي في 12 حيًا "
                "سكنيًا، ضمن خطة لتحسين جودة الحياة في العاصمة.",
                "وتتضمن المسارات إنارة موفرة للطاقة ومقاعد مظللة ونقاطًا لتوفير مياه الشرب.",
                "وقالت الأمانة إن اختيار الأحياء تم بناءً على استبيان شارك فيه أكثر من 30 ألف ساكن.",
            ),
            "date": ts("2025-05-02T06:00:00+00:00"),
            "link": "https://alwatan-example.sa/local/2025/05/02/riyadh-walking-paths",
            "source": "alwatan-example.sa",
        },
        {
            "headline": "Pro league signs five-year streaming deal",
            "text": paras(
                "The national professional football league has signed a five-year streaming "
                "agreement that will show every match live on a subscription app from next "
                "season, the league said on Friday.",
                "The deal also includes a free weekly highlights programme on public television.",
                "League officials said the agreement would almost double broadcasting revenue "
                "distributed to clubs.",
            ),
            "date": ts("2025-05-02T09:00:00+00:00"),
            "link": "https://gulf-daily.example/sports/2025/05/02/league-streaming-deal",
            "source": "gulf-daily.example",
        },
        {
            "headline": "ارتفاع الطلب على الوحدات السكنية الصغيرة في جدة",
            "text": paras(
                "كشف تقرير عقاري حديث عن ارتفاع الطلب على الشقق الصغيرة في جدة بنسبة 12 في المئة "
                "خلال الربع الأول من العام.",
                "وأرجع التقرير ذلك إلى تزايد أعداد الشباب العاملين في المدينة وارتفاع أسعار "
                "الإيجارات للوحدات الكبيرة.",
                "ويتوقع مطورون عقاريون طرح أكثر من خمسة آلاف وحدة جديدة من هذا النوع خلال "
                "العامين المقبلين.",
            ),
            "date": ts("2025-05-02T07:15:00+00:00"),
            "link": "https://almadina-example.sa/realestate/2025/05/02/jeddah-small-apartments",
            "source": "almadina-example.sa",
        },
    ]
    schema = pa.schema(
        [
            ("headline", pa.string()),
            ("text", pa.string()),
            ("date", pa.timestamp("us", tz="UTC")),
            ("link", pa.string()),
            ("source", pa.string()),
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def build_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in (
            ("batch_a.jsonl", build_batch_a()),
            ("batch_b.parquet", build_batch_b()),
        ):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# 8. legacy/alwatan_cp1256.tsv.bz2
# ---------------------------------------------------------------------------


def build_legacy_tsv() -> bytes:
    header = ["title", "content", "date", "link", "source"]
    rows = [
        [
            "الجبيل: محطة تحلية تعمل بالطاقة الشمسية تدخل الخدمة تجريبيًا",
            " ".join(
                [
                    "الجبيل - وكالة الخليج للأنباء:",
                    WIRE_P1,
                    WIRE_P2,
                    WIRE_P3,
                    WIRE_P4_EDITED,
                    "للاشتراك في النشرة البريدية لصحيفة الوطن اضغط هنا.",
                ]
            ),
            "28/04/2025",
            "https://alwatan-example.sa/local/2025/04/28/jubail-desalination-plant",
            "alwatan-example.sa",
        ],
        [
            "بلدية الخبر تبدأ أعمال صيانة الواجهة البحرية",
            "بدأت بلدية الخبر أعمال صيانة شاملة للواجهة البحرية تشمل تجديد الممرات والإنارة "
            "ودورات المياه العامة. وأوضحت البلدية أن الأعمال ستنفذ على مراحل لضمان بقاء أجزاء "
            "من الواجهة مفتوحة أمام الزوار. ومن المتوقع الانتهاء من المشروع قبل إجازة منتصف العام.",
            "29/04/2025",
            "https://alwatan-example.sa/local/2025/04/29/khobar-waterfront-maintenance",
            "alwatan-example.sa",
        ],
        [
            "منتخب الناشئين لكرة اليد يتأهل إلى نهائيات البطولة الآسيوية",
            "تأهل منتخب الناشئين لكرة اليد إلى نهائيات البطولة الآسيوية بعد فوزه في مباراته "
            "الأخيرة من التصفيات بفارق أربعة أهداف. وقال مدير المنتخب إن اللاعبين أظهروا انضباطًا "
            "تكتيكيًا عاليًا طوال المرحلة. ويدخل المنتخب معسكرًا إعداديًا مغلقًا الشهر المقبل "
            "استعدادًا للنهائيات.",
            "30/04/2025",
            "https://alwatan-example.sa/sports/2025/04/30/handball-juniors-qualify",
            "alwatan-example.sa",
        ],
        [
            "انطلاق ملتقى الخط العربي في الأحساء",
            "انطلقت في الأحساء فعاليات ملتقى الخط العربي بمشاركة 70 خطاطًا من داخل المملكة "
            "وخارجها. ويتضمن الملتقى معرضًا للوحات الخطية وورش عمل لتعليم خطي الثلث والديواني "
            "للمبتدئين. ويستمر الملتقى أسبوعًا كاملًا، وتقام فعالياته يوميًا من الرابعة عصرًا "
            "حتى العاشرة مساءً.",
            "30/04/2025",
            "https://alwatan-example.sa/culture/2025/04/30/ahsa-calligraphy-forum",
            "alwatan-example.sa",
        ],
        [
            "الغرفة التجارية: نمو السجلات التجارية الجديدة في قطاع التقنية",
            "أظهرت بيانات الغرفة التجارية نموًا بنسبة 25 في المئة في عدد السجلات التجارية "
            "الجديدة في قطاع التقنية خلال الربع الأول. وتصدرت أنشطة تطوير التطبيقات والتجارة "
            "الإلكترونية قائمة الأنشطة الأكثر تسجيلًا. وأكدت الغرفة أن رواد الأعمال الشباب "
            "يمثلون أكثر من نصف أصحاب السجلات الجديدة.",
            "30/04/2025",
            "https://alwatan-example.sa/economy/2025/04/30/tech-commercial-registrations",
            "alwatan-example.sa",
        ],
    ]
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise AssertionError("TSV cells must stay on one line")
    lines = ["\t".join(header), *("\t".join(r) for r in rows)]
    raw = ("\r\n".join(lines) + "\r\n").encode("cp1256")  # strict: fails on unmappable chars
    return bz2.compress(raw, compresslevel=9)


# ---------------------------------------------------------------------------
# 9. misc/mislabelled.txt   10. misc/empty_bodies.jsonl
# ---------------------------------------------------------------------------


def build_mislabelled() -> bytes:
    records = [
        generic(
            "Record quarter for Dammam container terminal",
            DAMMAM_BODY,
            "2025-04-30T07:02:00Z",
            "https://desert-tribune.example/economy/2025/04/30/dammam-port-container-record",
            "en",
            "desert-tribune.example",
        ),
        generic(
            "Riyadh hospital opens region's largest paediatric rehabilitation centre",
            paras(
                "A specialist hospital in Riyadh has opened a 150-bed paediatric rehabilitation "
                "centre, the largest of its kind in the region, the health cluster said on "
                "Wednesday.",
                "The centre offers physiotherapy, speech therapy and hydrotherapy, and includes a "
                "school so long-stay patients can keep up with lessons.",
                "Families from other provinces will be offered free accommodation near the "
                "hospital during treatment.",
            ),
            "2025-04-30T10:20:00Z",
            "https://desert-tribune.example/health/2025/04/30/paediatric-rehab-centre",
            "en",
            "desert-tribune.example",
        ),
        generic(
            "Desert locust swarms unlikely this spring, agriculture officials say",
            paras(
                "Agriculture officials said on Wednesday that the risk of desert locust swarms "
                "reaching farmland this spring was low, after surveys found only scattered groups "
                "in the south-west.",
                "Teams have treated about 3,000 hectares as a precaution.",
                "Farmers were asked to report any sightings through a hotline or the ministry's "
                "app.",
            ),
            "2025-04-30T13:45:00Z",
            "https://desert-tribune.example/environment/2025/04/30/locust-risk-low",
            "en",
            "desert-tribune.example",
        ),
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def build_empty_bodies() -> bytes:
    def rec(title: str, body: str, date: str, url: str, lang: str, domain: str) -> Record:
        return {
            "title": title,
            "maintext": body,
            "date_publish": date,
            "url": url,
            "language": lang,
            "authors": [],
            "source_domain": domain,
        }

    good_1 = rec(
        "Taif rose harvest begins early after warm winter",
        "Farmers in Taif began harvesting the region's damask roses almost two weeks earlier than "
        "usual this year after a mild winter.\nGrowers expect a good yield despite lower rainfall, "
        "and the first batches of rose water are already on sale in local markets.\nThe annual "
        "rose festival will open on schedule next week.",
        "2025-04-30 16:00:00",
        "https://gulf-daily.example/local/2025/04/30/taif-rose-harvest",
        "en",
        "gulf-daily.example",
    )
    # bad_encoding: a French record encoded as Latin-1 inside a UTF-8 file.
    latin1 = rec(
        "Été précoce à Djeddah",
        "Les températures ont dépassé 40 °C à Djeddah dès la fin avril, un record précoce. Les "
        "autorités conseillent d'éviter les sorties aux heures les plus chaudes.",
        "2025-04-30 17:10:00",
        "https://le-quotidien.example.fr/monde/2025/04/30/ete-precoce-djeddah",
        "fr",
        "le-quotidien.example.fr",
    )
    blank = rec(
        "Ministry announces new public holidays calendar",
        "   \n\t  \n",
        "2025-04-30 18:00:00",
        "https://desert-tribune.example/local/2025/04/30/holiday-calendar",
        "en",
        "desert-tribune.example",
    )
    good_2 = rec(
        "Abha cable car reopens after six-month upgrade",
        "The cable car linking Abha with the Green Mountain area reopened on Wednesday after a "
        "six-month upgrade.\nThe new cabins carry eight passengers each and are air-conditioned."
        "\nOperators said tickets can now be booked online to avoid weekend queues.",
        "2025-04-30 19:25:00",
        "https://gulf-daily.example/travel/2025/04/30/abha-cable-car-reopens",
        "en",
        "gulf-daily.example",
    )
    bad_line = json.dumps(latin1, ensure_ascii=False).encode("latin-1")
    try:
        bad_line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # pragma: no cover - guard
        raise AssertionError("latin-1 line unexpectedly decodes as UTF-8")
    out = [
        json.dumps(good_1, ensure_ascii=False).encode("utf-8"),
        bad_line,
        json.dumps(blank, ensure_ascii=False).encode("utf-8"),
        json.dumps(good_2, ensure_ascii=False).encode("utf-8"),
    ]
    return b"\n".join(out) + b"\n"


# ---------------------------------------------------------------------------
# Helpers, seed, expected outcomes
# ---------------------------------------------------------------------------


def gzip_bytes(raw: bytes) -> bytes:
    """Gzip with mtime=0 and no embedded file name (reproducible)."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def read_seed(seed_source: Path) -> bytes:
    """Return the seed bytes, from ``seed_source`` or the already-committed copy."""
    for candidate in (seed_source, LANDING / SEED_TARGET):
        if candidate.is_file():
            data = candidate.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest != SEED_SHA256:
                raise SystemExit(f"seed {candidate} has sha256 {digest}, expected {SEED_SHA256}")
            return data
    raise SystemExit(f"seed not found at {seed_source} nor {LANDING / SEED_TARGET}")


def expected_outcomes() -> dict[str, Any]:
    """The contract asserted by integration tests (also rendered in samples/README.md)."""
    files: dict[str, dict[str, Any]] = {
        "newsplease/2025-04-28.jsonl": {
            "records": 14,
            "valid": 10,
            "quarantined": {MALFORMED_JSON: 1, NOT_AN_OBJECT: 1, MISSING_BODY: 1, INVALID_URL: 1},
            "valid_languages": {"ar": 6, "en": 4},
        },
        "saudinewsnet/2025-04-29.json.gz": {
            "records": 8,
            "valid": 7,
            "quarantined": {NOT_AN_OBJECT: 1},
            "valid_languages": {"ar": 7},
        },
        "newspaper/2025-04-30.csv": {
            "records": 7,
            "valid": 6,
            "quarantined": {MALFORMED_ROW: 1},
            "valid_languages": {"en": 3, "fr": 3},
        },
        "generic/feed_2025-05-01.json": {
            "records": 10,
            "valid": 10,
            "quarantined": {},
            "valid_languages": {"en": 3, "fr": 7},
        },
        "text/seed_ar_korea.txt": {
            "records": 1,
            "valid": 1,
            "quarantined": {},
            "valid_languages": {"ar": 1},
        },
        "text/scraped_list_ar.txt.zst": {
            "records": 5,
            "valid": 5,
            "quarantined": {},
            "valid_languages": {"ar": 5},
        },
        "archive/batch_2025-05-02.zip": {
            "records": 7,
            "valid": 7,
            "quarantined": {},
            "valid_languages": {"ar": 3, "en": 2, "fr": 2},
            "members": {"batch_a.jsonl": 3, "batch_b.parquet": 4},
        },
        "legacy/alwatan_cp1256.tsv.bz2": {
            "records": 5,
            "valid": 5,
            "quarantined": {},
            "valid_languages": {"ar": 5},
        },
        "misc/mislabelled.txt": {
            "records": 3,
            "valid": 3,
            "quarantined": {},
            "valid_languages": {"en": 3},
        },
        "misc/empty_bodies.jsonl": {
            "records": 4,
            "valid": 2,
            "quarantined": {BAD_ENCODING: 1, MISSING_BODY: 1},
            "valid_languages": {"en": 2},
        },
        **html_outcomes(),
    }
    totals = {
        "files": len(files),
        "records": sum(f["records"] for f in files.values()),
        "valid": sum(f["valid"] for f in files.values()),
        "quarantined": sum(sum(f["quarantined"].values()) for f in files.values()),
    }
    groups = {
        "same_canonical_url": [
            {
                "canonical_url": METRO_URL,
                "members": [
                    ["newsplease/2025-04-28.jsonl", 2],
                    ["saudinewsnet/2025-04-29.json.gz", 2],
                    ["archive/batch_2025-05-02.zip!batch_b.parquet", 1],
                ],
                "note": "same page scraped 3 times; identical title and body",
            },
            {
                "canonical_url": STORM_URL,
                "members": [
                    ["generic/feed_2025-05-01.json", 1],
                    ["archive/batch_2025-05-02.zip!batch_a.jsonl", 1],
                ],
                "note": "story update: the later version adds one paragraph and edits the headline",
            },
        ],
        "exact_duplicate_body": [
            {
                "members": [
                    ["newspaper/2025-04-30.csv", 2],
                    ["misc/mislabelled.txt", 1],
                ],
                "note": "wire copy: byte-identical body, different URLs, hosts and headlines",
            }
        ],
        "near_duplicate": [
            {
                "members": [
                    ["newsplease/2025-04-28.jsonl", 1],
                    ["saudinewsnet/2025-04-29.json.gz", 1],
                    ["legacy/alwatan_cp1256.tsv.bz2", 1],
                ],
                "note": "one wire story, 3 outlets: different headline, boilerplate, "
                "one lightly edited sentence each",
            },
            {
                "members": [
                    ["saudinewsnet/2025-04-29.json.gz", 3],
                    ["text/scraped_list_ar.txt.zst", 1],
                ],
                "note": "story update: the scraped text version adds one paragraph (no URL)",
            },
        ],
        "note": "members are [file, 1-based record position in that file/member, counting "
        "quarantined records too]",
    }
    return {"files": files, "totals": totals, "groups": groups}


def build_all(seed_source: Path) -> dict[str, bytes]:
    """Return {relative path under landing/: file bytes}."""
    return {
        "newsplease/2025-04-28.jsonl": build_newsplease(),
        "saudinewsnet/2025-04-29.json.gz": build_saudinewsnet(),
        "newspaper/2025-04-30.csv": build_newspaper_csv(),
        "generic/feed_2025-05-01.json": build_generic_feed(),
        SEED_TARGET: read_seed(seed_source),
        "text/scraped_list_ar.txt.zst": build_scraped_list(),
        "archive/batch_2025-05-02.zip": build_zip(),
        "legacy/alwatan_cp1256.tsv.bz2": build_legacy_tsv(),
        "misc/mislabelled.txt": build_mislabelled(),
        "misc/empty_bodies.jsonl": build_empty_bodies(),
        **build_html(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out",
        type=Path,
        default=LANDING,
        help="landing directory to write (default: samples/landing next to this script)",
    )
    parser.add_argument(
        "--seed-source",
        type=Path,
        default=SEED_SOURCE,
        help="path of the real seed text to copy (falls back to the committed copy)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if any file on disk differs from what would be generated",
    )
    args = parser.parse_args(argv)

    outputs = build_all(args.seed_source)
    expected = (json.dumps(expected_outcomes(), ensure_ascii=False, indent=2) + "\n").encode()
    targets: list[tuple[Path, bytes]] = [(args.out / rel, data) for rel, data in outputs.items()]
    targets.append((EXPECTED_JSON, expected))

    if args.check:
        stale = [str(p) for p, data in targets if not p.is_file() or p.read_bytes() != data]
        for p in stale:
            print(f"differs: {p}")
        return 1 if stale else 0

    total = 0
    for path, data in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if path != EXPECTED_JSON:
            total += len(data)
        print(f"{len(data):>8}  {path.relative_to(HERE)}")
    print(f"{total:>8}  total bytes under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
