"""Synthetic but realistic archive records, deterministic for a seed (and a `today`).

Used for demo data and for measuring the archive at a million photos. Suppliers and
publications are fictional and article URLs live under example.org, so generated records can
never be mistaken for real agency material.

What makes the data realistic enough to measure search on (issue 11):

- captions, headlines and keywords draw on a long-tailed vocabulary: the 12,000 most frequent
  words of each language (English, German, French, Spanish) from the `wordfreq` package, drawn
  with their real frequencies, so a few words match a large share of the archive and most
  match a handful of photos (Zipf);
- shoot years are skewed to recent decades (about half of the dated photos in the last 30
  years, one in six before 1950), with every precision (day, month, year, decade, circa,
  undated);
- places are weighted by size: a capital is drawn more often than a small city, a country
  with many known cities more often than one with few;
- about 2 % of photos are under an embargo still to come and 3 % under one already passed;
- some sizes are crops of the usual camera sizes, so an archive holds thousands of sizes.

Records are made in blocks of `BLOCK` photos, each from its own random generator seeded by
(seed, block number), so photo n is the same whatever the batch size and however a run was
split. On PostgreSQL rows go in through `COPY` (psycopg), on SQLite through one
`executemany` per batch; no history rows are written (generated records have no editor).
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import datetime as dt
import functools
import hashlib
import itertools
import json
import random
import time
from dataclasses import dataclass, field

import wordfreq
from django.db import connection, transaction
from django.utils import dateformat, timezone, translation

from captions.core import places
from captions.models import CAVEAT_TAGS, Article, Photo, caveat_field
from captions.services import facet_summary
from captions.services.places import get_or_create_place

ARTICLE_EVERY = 20  # photos per article
BLOCK = 10_000  # photos per random generator: photo n depends on (seed, n // BLOCK) only

SUPPLIERS = ("Northwind Press", "Harbour Lights Photo", "Bildagentur Süd", "Agence Lumière", "Foto Ibérica")
SUPPLIER_WEIGHTS = (40, 25, 18, 10, 7)
PUBLICATIONS = {
    "en": ("The Evening Ledger", "Harbour Herald", "The Northern Courier", "Weekly Lantern"),
    "de": ("Rundschau am Abend", "Kurier der Küste", "Tagesbote", "Allgemeine Landeszeitung"),
    "fr": ("Le Quotidien du Port", "La Gazette du Soir"),
    "es": ("Diario del Valle", "El Heraldo del Norte"),
}
LANGUAGE_WEIGHTS = (("en", 50), ("de", 30), ("fr", 10), ("es", 10))

SUBJECTS = {
    "en": (
        "Demonstrators",
        "Firefighters",
        "Commuters",
        "Schoolchildren",
        "Dock workers",
        "Musicians",
        "Delegates",
        "Farmers",
        "Fans",
        "Rescue teams",
        "Cyclists",
        "Market traders",
    ),
    "de": (
        "Demonstranten",
        "Feuerwehrleute",
        "Pendler",
        "Schulkinder",
        "Hafenarbeiter",
        "Musiker",
        "Delegierte",
        "Landwirte",
        "Fans",
        "Rettungskräfte",
        "Radfahrer",
        "Markthändler",
    ),
    "fr": (
        "Des manifestants",
        "Des pompiers",
        "Des voyageurs",
        "Des écoliers",
        "Des dockers",
        "Des musiciens",
        "Des délégués",
        "Des agriculteurs",
        "Des supporters",
        "Des secouristes",
        "Des cyclistes",
        "Des marchands",
    ),
    "es": (
        "Manifestantes",
        "Bomberos",
        "Viajeros",
        "Escolares",
        "Estibadores",
        "Músicos",
        "Delegados",
        "Agricultores",
        "Aficionados",
        "Equipos de rescate",
        "Ciclistas",
        "Comerciantes",
    ),
}
ACTIONS = {
    "en": (
        "gather in the main square of {city}",
        "wait at the central station in {city}",
        "march through the old town of {city}",
        "celebrate the end of the season in {city}",
        "clear snow from the streets of {city}",
        "arrive for the summit in {city}",
    ),
    "de": (
        "versammeln sich auf dem Hauptplatz von {city}",
        "warten am Hauptbahnhof in {city}",
        "ziehen durch die Altstadt von {city}",
        "feiern das Saisonende in {city}",
        "räumen Schnee von den Straßen in {city}",
        "kommen zum Gipfeltreffen in {city} an",
    ),
    "fr": (
        "se rassemblent sur la place principale de {city}",
        "attendent à la gare centrale de {city}",
        "défilent dans la vieille ville de {city}",
        "fêtent la fin de la saison à {city}",
        "déneigent les rues de {city}",
        "arrivent au sommet de {city}",
    ),
    "es": (
        "se reúnen en la plaza mayor de {city}",
        "esperan en la estación central de {city}",
        "marchan por el casco antiguo de {city}",
        "celebran el fin de temporada en {city}",
        "retiran la nieve de las calles de {city}",
        "llegan a la cumbre de {city}",
    ),
}
# Joins the structured sentence to the free words drawn from the vocabulary.
TOPIC = {"en": "Topics:", "de": "Themen:", "fr": "Sujets :", "es": "Temas:"}
SUBLOCATIONS = ("City Hall", "Central Station", "Old Town", "Harbour", "Parliament", "Main Square", "Stadium")
SIZES = (  # (width, height), weight: camera and agency sizes, most common first
    ((6000, 4000), 20),
    ((5472, 3648), 12),
    ((4928, 3264), 8),
    ((8256, 5504), 6),
    ((3000, 2000), 10),
    ((1880, 1160), 6),
    ((2400, 1600), 6),
    ((4000, 6000), 8),
    ((3648, 5472), 6),
    ((3000, 3000), 5),
    ((3543, 2362), 4),
    ((2048, 1536), 4),
    ((7952, 5304), 3),
    ((1024, 768), 2),
)
CROPPED = 0.15  # share of photos cropped from a camera size (so sizes have a long tail too)
DPIS = ((300, 55), (72, 15), (150, 10), (240, 8), (600, 5), (350, 4), (96, 3))
DAY_FORMATS = {"en": "j F Y", "de": "j. F Y", "fr": "j F Y", "es": r"j \d\e F \d\e Y"}
MONTH_FORMATS = {"en": "F Y", "de": "F Y", "fr": "F Y", "es": r"F \d\e Y"}
CIRCA = {"en": "circa {y}", "de": "um {y}", "fr": "vers {y}", "es": "hacia {y}"}
DECADE = {"en": "{y}s", "de": "{y}er Jahre", "fr": "années {y}", "es": "años {y}"}
UNDATED = {"en": "undated", "de": "o. D.", "fr": "s. d.", "es": "sin fecha"}
DATE_KINDS = (("day", 55), ("month", 15), ("year", 14), ("decade", 8), ("circa", 6), ("undated", 2))
FIRST_NAMES = [
    "Anna",
    "Luis",
    "Claire",
    "Jonas",
    "Mia",
    "Tomás",
    "Sam",
    "Lena",
    "Pierre",
    "Carmen",
    "Jakob",
    "Sofia",
    "Noah",
    "Élodie",
    "Pablo",
    "Greta",
    "Marc",
    "Ines",
    "Felix",
    "Hanna",
    "Omar",
    "Julia",
    "Mateo",
    "Chloé",
    "Paul",
    "Lucía",
    "Henrik",
    "Amira",
    "David",
    "Marta",
    "Yusuf",
    "Clara",
    "Rafael",
    "Nora",
    "Emil",
    "Alba",
    "Theo",
    "Lea",
]
LAST_NAMES = [
    "Berg",
    "Ortega",
    "Dubois",
    "Weber",
    "Chen",
    "Ruiz",
    "Okafor",
    "Schmidt",
    "Martin",
    "García",
    "Müller",
    "Bernard",
    "López",
    "Fischer",
    "Moreau",
    "Novak",
    "Hoffmann",
    "Lefebvre",
    "Sánchez",
    "Wagner",
    "Laurent",
    "Romero",
    "Becker",
    "Girard",
    "Torres",
    "Schulz",
    "Fontaine",
    "Navarro",
    "Richter",
    "Mercier",
    "Jansen",
    "Costa",
    "Keller",
    "Duval",
    "Iglesias",
    "Wolf",
    "Roux",
    "Castillo",
    "Braun",
    "Lambert",
]
RESTRICTIONS = {
    "editorial_only": "Editorial use only.",
    "no_model_release": "Releases: Model - no | Property - no",
    "mandatory_credit": "Mandatory credit.",
    "imperfect_historical": "This image could have imperfections as it's either historical or reportage.",
    "embargo": "Embargoed until {until}.",
}
VOCABULARY_SIZE = 12_000  # words per language, before filtering
COMMON_WORDS_SKIPPED = 120  # the most frequent words are articles, pronouns, auxiliaries
# Words left out of generated captions (the frequency lists come from subtitles and the web).
UNSUITABLE = frozenset(
    [
        "sex",
        "sexy",
        "porn",
        "porno",
        "fuck",
        "fucking",
        "fucked",
        "shit",
        "bitch",
        "dick",
        "pussy",
        "cock",
        "nazi",
        "nazis",
        "hitler",
        "scheiße",
        "scheisse",
        "ficken",
        "arsch",
        "fotze",
        "hure",
        "merde",
        "putain",
        "salope",
        "bite",
        "couille",
        "mierda",
        "puta",
        "joder",
        "coño",
        "polla",
    ]
)

COLUMNS = (
    "id",
    "supplier",
    "source_id",
    "fingerprint",
    "import_digest",
    "content_hash",
    "caption",
    "headline",
    "language",
    "credit",
    "creator",
    "copyright_notice",
    "keywords",
    "width_px",
    "height_px",
    "dpi",
    "date_text",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "place_id",
    "place_text",
    *(caveat_field(tag) for tag in CAVEAT_TAGS),
    "restriction_text",
    "embargo_until",
    "image",
    "thumbnail",
    "preview",
    "problems",
    "needs_review",
    "version",
    "created_at",
    "updated_at",
    "title",  # issue 10: fields an image file's metadata fills in; empty in synthetic records
    "job_id",
    "caption_writer",
)


@dataclass
class GenerateResult:
    created: int
    skipped: int
    articles: int
    places: int
    stages: dict = field(default_factory=dict)  # seconds per stage: rows, indexes, commit, analyze


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)


@functools.cache
def vocabulary(lang: str) -> Vocabulary:
    """The language's frequent words (alphabetic, 3+ letters, the very commonest left out),
    each weighted by its frequency in `wordfreq`'s lists."""
    ranked = wordfreq.top_n_list(lang, VOCABULARY_SIZE)[COMMON_WORDS_SKIPPED:]
    words = tuple(w for w in ranked if w.isalpha() and len(w) >= 3 and w not in UNSUITABLE)
    weights = [wordfreq.word_frequency(w, lang) for w in words]
    return Vocabulary(words, tuple(itertools.accumulate(weights)))


@functools.cache
def _month_names(lang: str) -> tuple[str, ...]:
    """The month names as the date formats print them (index 1..12), computed once."""
    with translation.override(lang):
        return ("",) + tuple(dateformat.format(dt.date(2000, m, 1), "F") for m in range(1, 13))


def _format_day(lang: str, when: dt.date) -> str:
    month = _month_names(lang)[when.month]
    if lang == "de":
        return f"{when.day}. {month} {when.year}"
    if lang == "es":
        return f"{when.day} de {month} de {when.year}"
    return f"{when.day} {month} {when.year}"


def _format_month(lang: str, year: int, month: int) -> str:
    name = _month_names(lang)[month]
    return f"{name} de {year}" if lang == "es" else f"{name} {year}"


def _cumulative(pairs):
    values, weights = zip(*pairs, strict=True)
    return values, tuple(itertools.accumulate(weights))


_LANGS, _LANG_CUM = _cumulative(LANGUAGE_WEIGHTS)
_KINDS, _KIND_CUM = _cumulative(DATE_KINDS)
_SIZES, _SIZE_CUM = _cumulative(SIZES)
_DPIS, _DPI_CUM = _cumulative(DPIS)
_SUPPLIER_CUM = tuple(itertools.accumulate(SUPPLIER_WEIGHTS))


def _pick(rng: random.Random, values, cum):
    return values[bisect.bisect(cum, rng.random() * cum[-1])]


def shoot_year(rng: random.Random, today: dt.date) -> int:
    """A year from 1900 to today, skewed to recent decades: age = span * u**2.5."""
    span = today.year - 1900
    return today.year - int(span * rng.random() ** 2.5)


def _date_fields(rng: random.Random, lang: str, today: dt.date) -> tuple:
    """(date_text, date_edtf, date_start, date_end, date_precision, date_approximate)"""
    year = shoot_year(rng, today)
    kind = _pick(rng, _KINDS, _KIND_CUM)
    if kind == "undated":
        return (UNDATED[lang], "", None, None, "", False)
    if kind == "decade":
        decade = year // 10 * 10
        end = dt.date(decade + 9, 12, 31)  # the current decade too: "2020s" is a decade
        return (DECADE[lang].format(y=decade), f"{decade // 10}X", dt.date(decade, 1, 1), end, "decade", False)
    if kind in ("year", "circa"):
        circa = kind == "circa"
        return (
            CIRCA[lang].format(y=year) if circa else str(year),
            f"{year}~" if circa else str(year),
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            "year",
            circa,
        )
    month = rng.randint(1, 12 if year < today.year else today.month)
    last = calendar.monthrange(year, month)[1]
    if kind == "month":
        return (
            _format_month(lang, year, month),
            f"{year}-{month:02d}",
            dt.date(year, month, 1),
            dt.date(year, month, last),
            "month",
            False,
        )
    when = min(dt.date(year, month, rng.randint(1, last)), today)
    return (_format_day(lang, when), when.isoformat(), when, when, "day", False)


def place_weight(city: places.City, rank_in_country: int, cities_in_country: int) -> float:
    """How often a city appears: by its population (GeoNames), sublinearly (a city ten times
    larger is in the news about four times as often), capitals twice; a city without a known
    population by its rank in its country's list (largest first)."""
    capital = 2.0 if city.capital else 1.0
    if city.population:
        return capital * (city.population / 1_000_000) ** 0.6
    return capital * cities_in_country**0.5 / (1 + rank_in_country) ** 0.8 / 4


def _place_pool(rng: random.Random):
    """(city, place, weight) for every known city (and a sublocation of each capital), created once."""
    pool = []
    ranks: dict[str, int] = {}
    per_country: dict[str, int] = {}
    for city in places.cities():
        per_country[city.country_code] = per_country.get(city.country_code, 0) + 1
    for city in places.cities():
        rank = ranks.get(city.country_code, 0)
        ranks[city.country_code] = rank + 1
        weight = place_weight(city, rank, per_country[city.country_code])
        country = places.find_country(city.country_code)
        parts = {
            "city": city.name,
            "region": city.region,
            "country_code": city.country_code,
            "country": country.name if country else "",
        }
        if city.capital:
            pool.append((city, get_or_create_place(**parts), weight * 0.7))
            sub = get_or_create_place(sublocation=rng.choice(SUBLOCATIONS), **parts)
            pool.append((city, sub, weight * 0.3))
        else:
            pool.append((city, get_or_create_place(**parts), weight))
    return pool


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() if words else ""


def _articles(count: int, today: dt.date, seed: int) -> list[int]:
    """One article per ARTICLE_EVERY photos (ids in url order), created once per seed."""
    wanted = count // ARTICLE_EVERY + 1
    prefix = f"https://example.org/archive-demo/{seed}/"
    rng = random.Random(f"articles:{seed}")
    rows = []
    for n in range(wanted):
        lang = _pick(rng, _LANGS, _LANG_CUM)
        age_days = int(365 * 120 * rng.random() ** 2.5)
        headline = _sentence(vocabulary(lang).draw(rng, rng.randint(4, 10)))
        rows.append(
            Article(
                headline=headline[:500],
                publication=rng.choice(PUBLICATIONS[lang]),
                url=f"{prefix}{n:07d}",
                published_date=today - dt.timedelta(days=age_days),
                language=lang,
                summary=_sentence(vocabulary(lang).draw(rng, rng.randint(12, 30))) + ".",
            )
        )
    existing = Article.objects.filter(url__startswith=prefix)
    if existing.count() < wanted:
        Article.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return list(existing.filter(url__lt=f"{prefix}{wanted:07d}").order_by("url").values_list("id", flat=True))


class _Maker:
    """Makes the rows of photo n (a tuple in COLUMNS order without the id) and its article picks."""

    def __init__(self, *, seed, today, now, pool, articles):
        self.seed, self.today, self.now = seed, today, now
        self.cities = [(city, place) for city, place, _ in pool]
        self.city_cum = tuple(itertools.accumulate(w for _, _, w in pool))
        self.articles = articles
        self.defaults = {"content_hash": "", "image": "", "thumbnail": "", "preview": "", "version": 1}

    def stream(self, count: int):
        """(row, article picks) of photos 0..count-1, a fresh generator every BLOCK photos."""
        rng = None
        for n in range(count):
            if n % BLOCK == 0:
                rng = random.Random(self.seed * 1_000_003 + n // BLOCK)
            yield self.photo(rng, n)

    def photo(self, rng: random.Random, n: int):
        lang = _pick(rng, _LANGS, _LANG_CUM)
        vocab = vocabulary(lang)
        city, place = self.cities[bisect.bisect(self.city_cum, rng.random() * self.city_cum[-1])]
        city_name = city.names.get(lang, city.name)
        sentence = f"{rng.choice(SUBJECTS[lang])} {rng.choice(ACTIONS[lang]).format(city=city_name)}."
        caption = f"{sentence} {TOPIC[lang]} {', '.join(vocab.draw(rng, rng.randint(3, 14)))}."
        headline = _sentence(vocab.draw(rng, rng.randint(3, 8))) if rng.random() < 0.6 else ""
        (width, height) = _pick(rng, _SIZES, _SIZE_CUM)
        if rng.random() < CROPPED:
            width = max(200, int(width * (0.4 + 0.6 * rng.random())))
            height = max(200, int(height * (0.4 + 0.6 * rng.random())))
        dpi = _pick(rng, _DPIS, _DPI_CUM)
        dates = _date_fields(rng, lang, self.today)
        old = dates[2] is not None and dates[2].year < 1975
        tags = set()
        if rng.random() < 0.40:
            tags.add("editorial_only")
        if rng.random() < 0.30:
            tags.add("no_model_release")
        if rng.random() < 0.15:
            tags.add("mandatory_credit")
        if old and rng.random() < 0.6:
            tags.add("imperfect_historical")
        embargo_until = None
        roll = rng.random()
        if roll < 0.02:  # still to come: held back from exports
            embargo_until = self.now + dt.timedelta(hours=rng.randint(2, 24 * 14))
        elif roll < 0.05:  # already passed: released
            embargo_until = self.now - dt.timedelta(hours=rng.randint(1, 24 * 2000))
        if embargo_until is not None:
            tags.add("embargo")
        problems = []
        if rng.random() < 0.03:
            dpi = None
            problems.append("missing_dpi")
        supplier = SUPPLIERS[bisect.bisect(_SUPPLIER_CUM, rng.random() * _SUPPLIER_CUM[-1])]
        # photographers: a long tail too (the first names of the lists most often)
        first = FIRST_NAMES[int(len(FIRST_NAMES) * rng.random() ** 2)]
        person = f"{first} {LAST_NAMES[int(len(LAST_NAMES) * rng.random() ** 2)]}"
        restriction = "\n".join(
            RESTRICTIONS[t].format(until=embargo_until.isoformat(timespec="minutes") if embargo_until else "")
            for t in sorted(tags)
        )
        copyright_notice = (
            f"© {dates[2].year if dates[2] else self.today.year} {supplier}" if rng.random() < 0.3 else ""
        )
        keywords = ", ".join(dict.fromkeys((city.name, *vocab.draw(rng, rng.randint(1, 5)))))
        picks = ()
        if self.articles and rng.random() < 0.6:
            # among the first n // 20 + 1 articles, so photo n's links do not depend on the count
            k = 2 if rng.random() < 0.25 else 1
            reach = n // ARTICLE_EVERY + 1
            picks = tuple(dict.fromkeys(self.articles[int(reach * rng.random())] for _ in range(k)))
        added = self.now - dt.timedelta(seconds=(50_000_000 - n % 50_000_000))
        row = (
            supplier,
            f"S{self.seed}-{n:08d}",
            hashlib.sha256(f"synthetic:{self.seed}:{n}".encode()).hexdigest(),
            "",  # import_digest: no block was imported
            "",
            caption,
            headline[:500],
            lang,
            f"{person} / {supplier}",
            person,
            copyright_notice,
            keywords,
            width,
            height,
            dpi,
            *dates,
            place.pk,
            place.label,
            *(tag in tags for tag in CAVEAT_TAGS),
            restriction,
            embargo_until,
            "",
            "",
            "",
            json.dumps(problems),
            bool(problems),
            1,
            added,
            added,
            "",
            "",
            "",
        )
        return row, picks


def _known_source_ids(seed: int, numbers: range) -> set[str]:
    first, last = f"S{seed}-{numbers.start:08d}", f"S{seed}-{numbers.stop - 1:08d}"
    return set(
        Photo.objects.filter(supplier__in=SUPPLIERS, source_id__gte=first, source_id__lte=last).values_list(
            "source_id", flat=True
        )
    )


def _write_postgresql(rows, links):
    photo, through = Photo._meta.db_table, Photo.articles.through._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute(f"SELECT nextval(pg_get_serial_sequence('{photo}', 'id')) FROM generate_series(1, %s)", [len(rows)])
        ids = [r[0] for r in raw.fetchall()]
        with raw.copy(f"COPY {photo} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for pk, row in zip(ids, rows, strict=True):
                copy.write_row((pk, *row))
        with raw.copy(f"COPY {through} (photo_id, article_id) FROM STDIN") as copy:
            for pk, picks in zip(ids, links, strict=True):
                for article_id in picks:
                    copy.write_row((pk, article_id))


def _write_other(rows, links):
    """Any other database (SQLite): ids from the table's maximum inside the write transaction."""
    photo, through = Photo._meta.db_table, Photo.articles.through._meta.db_table
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {photo}")
        first = cursor.fetchone()[0] + 1
        ids = range(first, first + len(rows))
        at = COLUMNS.index("embargo_until")
        created = COLUMNS.index("created_at")

        def adapt(pk, row):
            values = [pk, *row]
            for i in (at, created, created + 1):
                values[i] = ops.adapt_datetimefield_value(values[i])
            for i in (COLUMNS.index("date_start"), COLUMNS.index("date_end")):
                values[i] = ops.adapt_datefield_value(values[i])
            return values

        marks = ", ".join(["%s"] * len(COLUMNS))
        cursor.executemany(
            f"INSERT INTO {photo} ({', '.join(COLUMNS)}) VALUES ({marks})",
            [adapt(pk, row) for pk, row in zip(ids, rows, strict=True)],
        )
        cursor.executemany(
            f"INSERT INTO {through} (photo_id, article_id) VALUES (%s, %s)",
            [(pk, a) for pk, picks in zip(ids, links, strict=True) for a in picks],
        )


BULK_LOAD_AT_LEAST = 100_000  # photos; see _indexes_rebuilt_after
# The full-text GIN index is kept and maintained while rows stream in: its cost (to_tsvector
# in two languages, ~90 us a row) is then paid by the database backend while Python makes the
# next rows on the other core, instead of in one single-threaded index build at the end.
KEPT_DURING_LOAD = "% USING gin %"


@contextlib.contextmanager
def _indexes_rebuilt_after(count: int, stages: dict):
    """On PostgreSQL, a large load into a table at most as large as the load runs in one
    transaction with the photo table's secondary indexes dropped, then rebuilds them (a
    sorted build per index is several times cheaper than maintaining 22 indexes, the
    full-text GIN among them, row by row). Readers of the table wait until it commits; a
    failure rolls the whole load back. Elsewhere, and for small loads, it does nothing."""
    if connection.vendor != "postgresql" or count < BULK_LOAD_AT_LEAST:
        yield False
        return
    table = Photo._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        if max(cursor.fetchone()[0], 0) > count:
            yield False
            return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "AND pg_get_indexdef(i.indexrelid) NOT LIKE %s",
            [table, KEPT_DURING_LOAD],
        )
        indexes = cursor.fetchall()
        cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        cursor.execute("SET LOCAL gin_pending_list_limit = '32MB'")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        with facet_summary.paused_for_bulk_load(cursor):
            yield True
            started = time.perf_counter()
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the deferred foreign keys now
            stages["foreign_keys"] = time.perf_counter() - started
            started = time.perf_counter()
        stages["summary"] = time.perf_counter() - started  # the facet summary rebuilt in one pass
        started = time.perf_counter()
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        stages["indexes"] = time.perf_counter() - started
        started = time.perf_counter()
    stages["commit"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")
        cursor.execute(f"ANALYZE {Photo.articles.through._meta.db_table}")
    stages["analyze"] = time.perf_counter() - started


def generate_archive(
    *, count: int, seed: int = 1, today: dt.date | None = None, batch_size: int = BLOCK, progress=None
) -> GenerateResult:
    """Create `count` synthetic photos (skipping those a previous run with this seed made).

    `today` is the latest shoot date; embargoes are set around noon of that day when it is
    given (so a run is reproducible), around now otherwise.
    """
    if today is None:
        today, now = timezone.localdate(), timezone.now()
    else:
        now = timezone.make_aware(dt.datetime.combine(today, dt.time(12)))
    pool = _place_pool(random.Random(seed))
    articles = _articles(count, today, seed)
    maker = _Maker(seed=seed, today=today, now=now, pool=pool, articles=articles)
    write = _write_postgresql if connection.vendor == "postgresql" else _write_other
    stages: dict[str, float] = {}
    known_all = None
    if connection.vendor == "postgresql" and count >= BULK_LOAD_AT_LEAST:  # read while the indexes exist
        known_all = _known_source_ids(seed, range(count))
    with _indexes_rebuilt_after(count, stages) as bulk:
        started = time.perf_counter()
        created, skipped = _generate(
            maker,
            seed=seed,
            count=count,
            batch_size=batch_size,
            write=write,
            progress=progress,
            known_all=known_all if bulk else None,
        )
        stages["rows"] = time.perf_counter() - started
    return GenerateResult(
        created=created,
        skipped=skipped,
        articles=len(articles),
        places=len({p.pk for _, p, _ in pool}),
        stages=stages,
    )


def _generate(maker, *, seed, count, batch_size, write, progress, known_all=None):
    """`known_all`: every source id this seed already has, read once (the bulk path, whose
    dropped indexes would make a query per batch a scan of the growing table)."""
    created = skipped = 0
    batch_size = max(1, batch_size)
    stream = maker.stream(count)
    for start in range(0, count, batch_size):
        numbers = range(start, min(count, start + batch_size))
        known = known_all if known_all is not None else _known_source_ids(seed, numbers)
        rows, links = [], []
        for row, picks in itertools.islice(stream, len(numbers)):
            if row[1] in known:
                skipped += 1
                continue
            rows.append(row)
            links.append(picks)
        if rows:
            with transaction.atomic():
                write(rows, links)
        created += len(rows)
        if progress:
            progress(numbers.stop)
    return created, skipped
