"""Synthetic but realistic archive records, deterministic for a seed (and a `today`).

Used for demo data and for measuring the archive at a million photos. Suppliers and
publications are fictional and article URLs live under example.org, so generated records can
never be mistaken for real agency material.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import dateformat, timezone, translation

from captions.core import places
from captions.models import CAVEAT_TAGS, Article, Photo, caveat_field
from captions.services.places import get_or_create_place

SUPPLIERS = ("Northwind Press", "Harbour Lights Photo", "Bildagentur Süd", "Agence Lumière", "Foto Ibérica")
PUBLICATIONS = {
    "en": ("The Evening Ledger", "Harbour Herald"),
    "de": ("Rundschau am Abend", "Kurier der Küste"),
    "fr": ("Le Quotidien du Port",),
    "es": ("Diario del Valle",),
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
SUBLOCATIONS = ("City Hall", "Central Station", "Old Town", "Harbour", "Parliament", "Main Square", "Stadium")
SIZES = (
    (6000, 4000),
    (5472, 3648),
    (4928, 3264),
    (8256, 5504),
    (3000, 2000),
    (1880, 1160),
    (2400, 1600),
    (4000, 6000),
    (3648, 5472),
    (3000, 3000),
    (3543, 2362),
    (2048, 1536),
    (7952, 5304),
)
DPIS = ((300, 55), (72, 15), (150, 10), (240, 8), (600, 5), (350, 4), (96, 3))
DAY_FORMATS = {"en": "j F Y", "de": "j. F Y", "fr": "j F Y", "es": r"j \d\e F \d\e Y"}
MONTH_FORMATS = {"en": "F Y", "de": "F Y", "fr": "F Y", "es": r"F \d\e Y"}
CIRCA = {"en": "circa {y}", "de": "um {y}", "fr": "vers {y}", "es": "hacia {y}"}
DECADE = {"en": "{y}s", "de": "{y}er Jahre", "fr": "années {y}", "es": "años {y}"}
UNDATED = {"en": "undated", "de": "o. D.", "fr": "s. d.", "es": "sin fecha"}
CREDIT_PEOPLE = ("Anna Berg", "Luis Ortega", "Claire Dubois", "Jonas Weber", "Mia Chen", "Tomás Ruiz", "Sam Okafor")
RESTRICTIONS = {
    "editorial_only": "Editorial use only.",
    "no_model_release": "Releases: Model - no | Property - no",
    "mandatory_credit": "Mandatory credit.",
    "imperfect_historical": "This image could have imperfections as it's either historical or reportage.",
    "embargo": "Embargoed until {until}.",
}


@dataclass
class GenerateResult:
    created: int
    skipped: int
    articles: int
    places: int


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def _date_fields(rng: random.Random, lang: str, today: dt.date) -> dict:
    year = rng.randint(1900, today.year)
    kind = _weighted(rng, (("day", 55), ("month", 15), ("year", 14), ("decade", 8), ("circa", 6), ("undated", 2)))
    empty = {
        "date_text": "",
        "date_edtf": "",
        "date_start": None,
        "date_end": None,
        "date_precision": "",
        "date_approximate": False,
    }
    if kind == "undated":
        return {**empty, "date_text": UNDATED[lang]}
    if kind == "decade":
        decade = year // 10 * 10
        return {
            **empty,
            "date_text": DECADE[lang].format(y=decade),
            "date_edtf": f"{decade // 10}X",
            "date_start": dt.date(decade, 1, 1),
            "date_end": dt.date(decade + 9, 12, 31),
            "date_precision": "decade",
        }
    if kind in ("year", "circa"):
        circa = kind == "circa"
        return {
            **empty,
            "date_text": CIRCA[lang].format(y=year) if circa else str(year),
            "date_edtf": f"{year}~" if circa else str(year),
            "date_start": dt.date(year, 1, 1),
            "date_end": dt.date(year, 12, 31),
            "date_precision": "year",
            "date_approximate": circa,
        }
    month = rng.randint(1, 12 if year < today.year else today.month)
    last = calendar.monthrange(year, month)[1]
    with translation.override(lang):
        if kind == "month":
            text = dateformat.format(dt.date(year, month, 1), MONTH_FORMATS[lang])
            return {
                **empty,
                "date_text": text,
                "date_edtf": f"{year}-{month:02d}",
                "date_start": dt.date(year, month, 1),
                "date_end": dt.date(year, month, last),
                "date_precision": "month",
            }
        day = rng.randint(1, last)
        when = min(dt.date(year, month, day), today)
        text = dateformat.format(when, DAY_FORMATS[lang])
    return {
        **empty,
        "date_text": text,
        "date_edtf": when.isoformat(),
        "date_start": when,
        "date_end": when,
        "date_precision": "day",
    }


def _place_pool(rng: random.Random):
    """Places for every known city (and a few sublocations), created once."""
    pool = []
    for city in places.cities():
        country = places.find_country(city.country_code)
        parts = {
            "city": city.name,
            "region": city.region,
            "country_code": city.country_code,
            "country": country.name if country else "",
        }
        pool.append((city, get_or_create_place(**parts)))
        if city.capital:
            pool.append((city, get_or_create_place(sublocation=rng.choice(SUBLOCATIONS), **parts)))
    return pool


def _articles(rng: random.Random, count: int, today: dt.date, seed: int) -> list[Article]:
    wanted = max(1, count // 20)
    slugs = [f"https://example.org/archive-demo/{seed}/{n:07d}" for n in range(wanted)]
    existing = set(Article.objects.filter(url__in=slugs).values_list("url", flat=True)) if wanted <= 20000 else set()
    new = []
    for n, url in enumerate(slugs):
        # Draw every value before deciding to skip, so the random sequence (and so every
        # later record) is the same whether or not the article already exists.
        lang = _weighted(rng, LANGUAGE_WEIGHTS)
        published = today - dt.timedelta(days=rng.randint(0, 365 * 120))
        headline = (
            f"{rng.choice(SUBJECTS[lang])} — {rng.choice(('report', 'feature', 'analysis', 'interview'))} #{n + 1}"
        )
        publication = rng.choice(PUBLICATIONS[lang])
        if url not in existing:
            new.append(
                Article(
                    headline=headline,
                    publication=publication,
                    url=url,
                    published_date=published,
                    language=lang,
                    summary="Synthetic demo article.",
                )
            )
    Article.objects.bulk_create(new, batch_size=2000, ignore_conflicts=True)
    mine = (
        Article.objects.filter(url__in=slugs)
        if wanted <= 20000
        else Article.objects.filter(url__startswith=f"https://example.org/archive-demo/{seed}/")
    )
    return list(mine.order_by("url").only("id"))


def generate_archive(
    *, count: int, seed: int = 1, today: dt.date | None = None, batch_size: int = 5000, progress=None
) -> GenerateResult:
    """Create `count` synthetic photos (skipping those a previous run with this seed made)."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    pool = _place_pool(rng)
    articles = _articles(rng, count, today, seed)
    through = Photo.articles.through
    created = skipped = 0
    now = timezone.now()
    for start in range(0, count, batch_size):
        numbers = range(start, min(count, start + batch_size))
        batch, links = [], []
        for n in numbers:
            photo, article_picks = _photo(rng, n, seed, pool, articles, today, now)
            batch.append(photo)
            links.append(article_picks)
        ids = [p.source_id for p in batch]
        known = set(Photo.objects.filter(supplier__in=SUPPLIERS, source_id__in=ids).values_list("source_id", flat=True))
        fresh = [(p, a) for p, a in zip(batch, links) if p.source_id not in known]
        skipped += len(batch) - len(fresh)
        with transaction.atomic():
            saved = Photo.objects.bulk_create([p for p, _ in fresh], batch_size=1000)
            if saved and saved[0].pk is None:  # a backend that does not return ids
                by_id = dict(
                    Photo.objects.filter(source_id__in=[p.source_id for p in saved]).values_list("source_id", "id")
                )
                for p in saved:
                    p.pk = by_id[p.source_id]
            through.objects.bulk_create(
                [through(photo_id=p.pk, article_id=a.pk) for p, picks in fresh for a in picks],
                batch_size=5000,
                ignore_conflicts=True,
            )
        created += len(fresh)
        if progress:
            progress(min(count, start + batch_size))
    return GenerateResult(created=created, skipped=skipped, articles=len(articles), places=len({p.pk for _, p in pool}))


def _photo(rng, n, seed, pool, articles, today, now):
    lang = _weighted(rng, LANGUAGE_WEIGHTS)
    city, place = rng.choice(pool)
    city_name = city.names.get(lang, city.name)
    caption = f"{rng.choice(SUBJECTS[lang])} {rng.choice(ACTIONS[lang]).format(city=city_name)}."
    width, height = rng.choice(SIZES)
    dpi = _weighted(rng, DPIS)
    dates = _date_fields(rng, lang, today)
    old = dates["date_start"] is not None and dates["date_start"].year < 1975
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
    if rng.random() < 0.02:
        tags.add("embargo")
        embargo_until = now + dt.timedelta(hours=rng.randint(2, 24 * 14))
    problems = []
    if rng.random() < 0.03:
        dpi = None
        problems.append("missing_dpi")
    supplier = SUPPLIERS[n % len(SUPPLIERS)]
    person = rng.choice(CREDIT_PEOPLE)
    restriction = "\n".join(
        RESTRICTIONS[t].format(until=embargo_until.isoformat(timespec="minutes") if embargo_until else "")
        for t in sorted(tags)
    )
    values = {
        "supplier": supplier,
        "source_id": f"S{seed}-{n:08d}",
        "caption": caption,
        "language": lang,
        "credit": f"{person} / {supplier}",
        "creator": person,
        "keywords": ", ".join(
            sorted({city.name, rng.choice(("people", "politics", "sport", "culture", "weather", "transport"))})
        ),
        "width_px": width,
        "height_px": height,
        "dpi": dpi,
        **dates,
        "place": place,
        "place_text": place.label,
        "restriction_text": restriction,
        "embargo_until": embargo_until,
        "problems": problems,
        "needs_review": bool(problems),
        "fingerprint": hashlib.sha256(f"synthetic:{seed}:{n}".encode()).hexdigest(),
    }
    for tag in CAVEAT_TAGS:
        values[caveat_field(tag)] = tag in tags
    picks = []
    if articles and rng.random() < 0.6:
        picks = rng.sample(articles, k=min(len(articles), rng.choice((1, 1, 1, 2))))
    return Photo(**values), picks
