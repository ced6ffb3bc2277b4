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
from django.db.models import QuerySet
from django.utils import timezone

from captions.core import dimensions
from captions.core.dates import decade_of
from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field
from captions.selectors import embargo

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


def _facet_columns() -> list[tuple[str, str, list]]:
    """(name, SQL condition on the selection's row `s`, its parameters) for every counted value.
    A decade counts every photo whose shoot interval overlaps it: the same rule as the
    taken_after / taken_before link the facet leads to, so the numbers agree. Orientation is
    the sign of width - height, as in `selectors.orientation_condition`."""
    date = connection.ops.adapt_datefield_value
    columns = [
        (
            f"decade_{d}",
            "s.date_start <= %s AND s.date_end >= %s",
            [date(dt.date(d + 9, 12, 31)), date(dt.date(d, 1, 1))],
        )
        for d in decades()
    ]
    columns += [(f"caveat_{tag}", f"s.{caveat_field(tag)}", []) for tag in CAVEAT_TAGS]
    columns += [
        (f"orientation_{dimensions.LANDSCAPE}", "s.width_px - s.height_px > 0", []),
        (f"orientation_{dimensions.PORTRAIT}", "s.width_px - s.height_px < 0", []),
        (f"orientation_{dimensions.SQUARE}", "s.width_px - s.height_px = 0", []),
        ("undated", "s.date_start IS NULL", []),
    ]
    return columns


def compute_facets(qs: QuerySet, *, within: int | None = None) -> Facets:
    """Every facet in one aggregate over the selection, grouped by place, then the country
    codes of those places (a primary-key lookup in the small place table): two queries.

    `within`: the count has just shown that the selection holds at most this many photos.
    The aggregate then reads the selection as the count did, through `LIMIT within + 1`, so
    the planner takes the same fast-start, index-driven plan instead of betting on a
    sequential scan, and the work stays bounded by the cap whatever the estimates say.

    Written as SQL around the ORM's own query for the selection, because the ORM cannot
    group the rows of a subquery (`SELECT ... FROM (selection LIMIT n) s GROUP BY ...`);
    every filter still comes from the one FilterSet.
    """
    columns = _facet_columns()
    inner = qs.order_by().values(
        "place_id", "date_start", "date_end", "width_px", "height_px", *(caveat_field(t) for t in CAVEAT_TAGS)
    )
    if within is not None:
        inner = inner[: within + 1]
    inner_sql, inner_params = inner.query.sql_with_params()
    counts = ", ".join(f"COUNT(CASE WHEN {condition} THEN 1 END)" for _, condition, _ in columns)
    params = [p for _, _, column_params in columns for p in column_params] + list(inner_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT s.place_id, COUNT(*), {counts} FROM ({inner_sql}) s GROUP BY s.place_id", params)
        rows = cursor.fetchall()
    names = [name for name, _, _ in columns]
    summed = {name: sum(row[2 + i] for row in rows) for i, name in enumerate(names)}
    place_ids = [row[0] for row in rows if row[0] is not None]
    codes = (
        dict(Place.objects.filter(pk__in=place_ids, country_code__gt="").values_list("pk", "country_code"))
        if place_ids
        else {}
    )
    by_country: dict[str, int] = {}
    for row in rows:
        code = codes.get(row[0])
        if code:
            by_country[code] = by_country.get(code, 0) + row[1]
    return Facets(
        countries=sorted(by_country.items(), key=lambda item: (-item[1], item[0])),
        decades=[(d, summed[f"decade_{d}"]) for d in decades() if summed[f"decade_{d}"]],
        undated=summed["undated"],
        caveats=[(tag, summed[f"caveat_{tag}"]) for tag in CAVEAT_TAGS if summed[f"caveat_{tag}"]],
        orientations=[(o, summed[f"orientation_{o}"]) for o in dimensions.ORIENTATIONS if summed[f"orientation_{o}"]],
    )


def cache_key(params: dict[str, str], *, sees_embargoed: bool) -> str:
    # Editors' counts include embargoed photos: they must never be served to anyone else.
    text = "&".join(f"{k}={params[k]}" for k in sorted(params)) + f"#embargoed={sees_embargoed}"
    return "browse-facets:" + hashlib.sha256(text.encode()).hexdigest()


def facets_for(qs: QuerySet, *, total: Total, params: dict[str, str], sees_embargoed: bool) -> Facets:
    """Exact facets for a selection within the cap; cached ones past it. An embargoed photo
    counts only for those who may see it (selectors.embargo): its card has no country,
    decade, caveat or orientation."""
    qs = embargo.countable(qs, sees=sees_embargoed)
    if total.exact:
        return compute_facets(qs, within=total.value) if total.value else Facets()
    key = cache_key(params, sees_embargoed=sees_embargoed)
    cached = cache.get(key)
    if cached is not None:
        cached.from_cache = True
        return cached
    facets = compute_facets(qs)
    cache.set(key, facets, CACHE_SECONDS)
    return facets
