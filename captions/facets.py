"""Counts for browse: the result total and the facets (country, decade, caveat, orientation).

Built for a million photos. Counting never runs unbounded per page:

* the total is a capped count (`SELECT COUNT(*) FROM (... LIMIT cap + 1)`), shown as
  "10,000+" past the cap; without any filter PostgreSQL's own row estimate is shown instead
  ("about 1,000,000"), which costs one catalogue lookup;
* facets are two queries over the filtered selection (one GROUP BY country, one row of
  conditional counts for decades, caveats, orientations and undated photos). When the selection
  is within the cap they are exact and fresh; past it they are computed once per filter
  combination and kept in the cache for `CACHE_SECONDS`, so paging, sorting and changing the
  page size never rescan.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from captions import dimensions
from captions.dates import decade_of
from captions.models import CAVEAT_TAGS, Photo, caveat_field

COUNT_CAP = 10_000
CACHE_SECONDS = 600
FIRST_DECADE = 1820  # photography begins in the 1820s


@dataclass(frozen=True)
class Total:
    value: int
    capped: bool = False  # more than `value` match; `value` is the cap
    estimated: bool = False  # `value` is the planner's estimate of the whole archive

    @property
    def exact(self) -> bool:
        return not (self.capped or self.estimated)


@dataclass
class Facets:
    countries: list[tuple[str, int]] = field(default_factory=list)  # (ISO code, count), largest first
    decades: list[tuple[int, int]] = field(default_factory=list)  # (1960, count), oldest first
    undated: int = 0
    caveats: list[tuple[str, int]] = field(default_factory=list)
    orientations: list[tuple[str, int]] = field(default_factory=list)
    from_cache: bool = False


def archive_estimate() -> int | None:
    """PostgreSQL's estimate of the number of photos (kept current by autovacuum/ANALYZE)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [Photo._meta.db_table])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] and row[0] > 0 else None


def count_matches(qs: QuerySet, *, filtered: bool, cap: int | None = None) -> Total:
    """How many photos `qs` selects, counting at most `cap + 1` rows."""
    cap = cap or COUNT_CAP
    if not filtered:
        estimate = archive_estimate()
        if estimate is not None and estimate > cap:
            return Total(estimate, estimated=True)
    seen = qs.order_by().values("pk")[: cap + 1].count()
    if seen > cap:
        return Total(cap, capped=True)
    return Total(seen)


def decades(today: dt.date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return list(range(FIRST_DECADE, decade_of(today) + 10, 10))


def _orientation_condition(name: str) -> Q:
    if name == dimensions.LANDSCAPE:
        return Q(width_px__gt=F("height_px"))
    if name == dimensions.PORTRAIT:
        return Q(width_px__lt=F("height_px"))
    return Q(width_px=F("height_px"))


def compute_facets(qs: QuerySet) -> Facets:
    """Two queries over the selection, whatever its size."""
    qs = qs.order_by()
    # A decade counts every photo whose shoot interval overlaps it: the same rule as the
    # taken_after / taken_before link the facet leads to, so the numbers agree.
    counts = {
        f"decade_{d}": Count("pk", filter=Q(date_start__lte=dt.date(d + 9, 12, 31), date_end__gte=dt.date(d, 1, 1)))
        for d in decades()
    }
    counts.update({f"caveat_{tag}": Count("pk", filter=Q(**{caveat_field(tag): True})) for tag in CAVEAT_TAGS})
    counts.update({f"orientation_{o}": Count("pk", filter=_orientation_condition(o)) for o in dimensions.ORIENTATIONS})
    counts["undated"] = Count("pk", filter=Q(date_start__isnull=True))
    row = qs.aggregate(**counts)
    countries = [
        (code, n)
        for code, n in qs.filter(place__country_code__gt="")
        .values_list("place__country_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "place__country_code")
    ]
    return Facets(
        countries=countries,
        decades=[(d, row[f"decade_{d}"]) for d in decades() if row[f"decade_{d}"]],
        undated=row["undated"],
        caveats=[(tag, row[f"caveat_{tag}"]) for tag in CAVEAT_TAGS if row[f"caveat_{tag}"]],
        orientations=[(o, row[f"orientation_{o}"]) for o in dimensions.ORIENTATIONS if row[f"orientation_{o}"]],
    )


def cache_key(params: dict[str, str]) -> str:
    text = "&".join(f"{k}={params[k]}" for k in sorted(params))
    return "browse-facets:" + hashlib.sha256(text.encode()).hexdigest()


def facets_for(qs: QuerySet, *, total: Total, params: dict[str, str]) -> Facets:
    """Exact facets for a selection within the cap; cached ones past it."""
    if total.exact:
        return compute_facets(qs)
    key = cache_key(params)
    cached = cache.get(key)
    if cached is not None:
        cached.from_cache = True
        return cached
    facets = compute_facets(qs)
    cache.set(key, facets, CACHE_SECONDS)
    return facets
