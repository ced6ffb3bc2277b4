"""Every write to the archive goes through here: keyword-only functions that validate
(`full_clean()`) and then save. Views, admin actions and commands only call these."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from captions.models import CAVEAT_TAGS, Article, Photo, Place, caveat_field

PLACE_NAME_SEPARATOR = "|"


# --- places ----------------------------------------------------------------------------------

def place_search_text(*, sublocation: str, city: str, region: str, country_code: str) -> str:
    from captions import places

    names = places.place_search_names(
        sublocation=sublocation or None, city=city or None, region=region or None, country_code=country_code or None
    )
    # Leading and trailing separators let a search match a whole name with one LIKE '%|name|%'.
    return PLACE_NAME_SEPARATOR + PLACE_NAME_SEPARATOR.join(sorted(names)) + PLACE_NAME_SEPARATOR if names else ""


def get_or_create_place(
    *, sublocation: str | None = None, city: str | None = None, region: str | None = None,
    country: str | None = None, country_code: str | None = None,
) -> Place | None:
    """The one Place row for these parts (None when every part is empty)."""
    parts = {
        "sublocation": (sublocation or "").strip()[:200],
        "city": (city or "").strip()[:200],
        "region": (region or "").strip()[:200],
        "country_code": (country_code or "").strip().upper()[:2],
    }
    if not any(parts.values()):
        return None
    existing = Place.objects.filter(**parts).first()
    if existing:
        return existing
    place = Place(**parts, country=(country or "").strip()[:100], search_names=place_search_text(**parts))
    place.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            place.save()
    except IntegrityError:  # created meanwhile by a concurrent import
        return Place.objects.get(**parts)
    return place


# --- photos ----------------------------------------------------------------------------------

def photo_values_from_parsed(parsed) -> dict:
    """Model field values for a parsed caption block (`caption_parser.ParsedCaption`).

    Stated print sizes are not here: they were checked by the parser (print_size_mismatch)
    and are discarded, since print sizes are always derived from pixels and dpi.
    """
    values = {
        "supplier": (parsed.supplier or "")[:100],
        "source_id": (parsed.source_id or "")[:100],
        "fingerprint": parsed.fingerprint,
        "caption": parsed.caption or "",
        "headline": (parsed.headline or "")[:500],
        "language": parsed.language or "",
        "credit": (parsed.credit or "")[:300],
        "creator": (parsed.creator or "")[:200],
        "copyright_notice": (parsed.copyright_notice or "")[:300],
        "keywords": ", ".join(parsed.keywords or []),
        "width_px": parsed.width_px,
        "height_px": parsed.height_px,
        "dpi": parsed.dpi,
        "date_text": (parsed.date_text or "")[:200],
        "date_edtf": (parsed.date_edtf or "")[:64],
        "date_start": parsed.date_start,
        "date_end": parsed.date_end,
        "date_precision": parsed.date_precision or "",
        "date_approximate": bool(parsed.approximate),
        "place_text": (parsed.place_text or "")[:300],
        "restriction_text": parsed.restriction_text or "",
        "embargo_until": parsed.embargo_until,
        "problems": sorted(parsed.problems),
        "needs_review": bool(parsed.problems),
    }
    for tag in CAVEAT_TAGS:
        values[caveat_field(tag)] = tag in parsed.caveats
    return values


def place_from_parsed(parsed) -> Place | None:
    return get_or_create_place(
        sublocation=parsed.sublocation, city=parsed.city, region=parsed.region,
        country=parsed.country, country_code=parsed.country_code,
    )


def find_existing_photo(*, supplier: str, source_id: str, fingerprint: str) -> Photo | None:
    """The record a block describes: by supplier + source id when it has one, else by the
    fingerprint of its normalized text."""
    if source_id:
        return Photo.objects.filter(supplier=supplier, source_id=source_id).first()
    if fingerprint:
        return Photo.objects.filter(fingerprint=fingerprint).first()
    return None


@dataclass
class SaveOutcome:
    photo: Photo
    created: bool
    changed: bool


def save_parsed_caption(*, parsed, existing: Photo | None = None) -> SaveOutcome:
    """Create the photo a parsed block describes, or update the one it matches.

    A re-import of the very same block (same fingerprint) changes nothing, so corrections an
    editor made after the first import are never overwritten by the unchanged source.
    """
    values = photo_values_from_parsed(parsed)
    if existing is None:
        existing = find_existing_photo(
            supplier=values["supplier"], source_id=values["source_id"], fingerprint=values["fingerprint"]
        )
    with transaction.atomic():
        if existing is not None and existing.fingerprint == values["fingerprint"]:
            return SaveOutcome(existing, created=False, changed=False)
        place = place_from_parsed(parsed)
        photo = existing or Photo()
        for name, value in values.items():
            setattr(photo, name, value)
        photo.place = place
        if existing is not None:
            photo.version = existing.version + 1
        photo.full_clean()
        photo.save()
    return SaveOutcome(photo, created=existing is None, changed=True)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    flagged: int = 0
    failed: int = 0
    flagged_blocks: list[tuple[int, str, list[str]]] = field(default_factory=list)
    failures: list[tuple[int, str]] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)

    @property
    def summary(self) -> str:
        line = f"created {self.created}, updated {self.updated}, flagged {self.flagged}"
        return line + (f", failed {self.failed}" if self.failed else "")


def block_label(parsed) -> str:
    if parsed.source_id:
        return f"{parsed.supplier or 'source'} {parsed.source_id}"
    text = parsed.caption or parsed.raw_text.strip()
    return (text[:60] + "…") if len(text) > 60 else text


def import_blocks(*, blocks, dry_run: bool = False, today: dt.date | None = None, progress=None) -> ImportResult:
    """Save parsed blocks, each in its own transaction: a failing block is reported and the
    others are saved. With `dry_run`, nothing is written and the counts say what would be."""
    result = ImportResult()
    for number, parsed in enumerate(blocks, start=1):
        try:
            if dry_run:
                existing = find_existing_photo(
                    supplier=(parsed.supplier or ""), source_id=(parsed.source_id or ""), fingerprint=parsed.fingerprint
                )
                created = existing is None
            else:
                outcome = save_parsed_caption(parsed=parsed)
                created = outcome.created
                result.photos.append(outcome.photo)
        except Exception as exc:  # one bad block never stops the others
            result.failed += 1
            result.failures.append((number, f"{type(exc).__name__}: {exc}"))
            continue
        finally:
            if progress:
                progress(number)
        if created:
            result.created += 1
        else:
            result.updated += 1
        if parsed.problems:
            result.flagged += 1
            result.flagged_blocks.append((number, block_label(parsed), sorted(parsed.problems)))
    return result


# --- articles --------------------------------------------------------------------------------

def create_or_update_article(
    *, headline: str, url: str | None = None, publication: str = "", published_date: dt.date | None = None,
    language: str = "", summary: str = "", body: str = "",
) -> Article:
    """One article per URL; without a URL, one per publication + headline."""
    if url:
        article = Article.objects.filter(url=url).first()
    else:
        article = Article.objects.filter(url__isnull=True, publication=publication, headline=headline).first()
    article = article or Article()
    article.headline, article.url, article.publication = headline, url or None, publication
    article.published_date, article.language = published_date, language
    article.summary, article.body = summary, body
    article.full_clean()
    article.save()
    return article


def link_article(*, photo: Photo, article: Article) -> None:
    photo.articles.add(article)


def unlink_article(*, photo: Photo, article: Article) -> None:
    photo.articles.remove(article)
