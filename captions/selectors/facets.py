"""Counts for browse: the result total and the facets (country, decade, caveat, orientation).

Built for a million photos; no page scans the photo table (`browse_counts`):

* the whole archive and each single facet value (a place, a country, a decade, undated, a
  caveat, an orientation) are read from the facet summary (captions.summary, kept by the
  database's triggers): exact totals and facets without reading a photo; for a viewer who may
  not see embargoed photos, the photos under embargo now are subtracted (index-only scans);
* any other selection is read to at most COUNT_CAP + 1 rows in one aggregate that is both its
  count and its facets, exact when it holds at most COUNT_CAP photos; past that the total is
  exact from the summary's pairs (two filters it answers) or PostgreSQL's estimate ("about
  N"), and the facets are estimated from those rows, marked as estimates and kept in the
  shared cache for `CACHE_SECONDS` (the key is the filter, so paging and sorting never
  recount).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from captions import summary
from captions.core import dimensions
from captions.core.dates import decade_of
from captions.models import CAVEAT_TAGS, FacetCount, Photo, caveat_field
from captions.selectors import embargo
from captions.selectors.places import country_codes_of, place_ids_in_country, place_ids_matching

# Counts and facets are exact up to this many photos; a larger selection's facets are estimated
# from its first COUNT_CAP + 1 rows. Each is a random heap read (10,000 took 150-500 ms on this
# loaded 2-core machine, 2,000 take 30-60 ms), so the cap is what a cold page pays.
COUNT_CAP = 2_000
CACHE_SECONDS = 600
EMBARGOED_CACHE_SECONDS = 60  # the photos under embargo now, subtracted from the summary
FIRST_DECADE = 1820  # photography begins in the 1820s


@dataclass(frozen=True)
class Total:
    value: int
    capped: bool = False  # more than `value` match; `value` is the cap
    estimated: bool = False  # `value` is the planner's estimate ("about N")

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
    estimated: bool = False  # scaled up from the first COUNT_CAP + 1 matches: "about"


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


def _grouped_by_place(qs: QuerySet, columns, *, within: int | None) -> list[tuple]:
    """(place_id, photos, one count per facet column) of the selection, one row a place. A
    selection that can hold nothing (a filter on a place that does not exist: `place=0`) is
    no rows: the ORM refuses to write SQL for it."""
    inner = qs.order_by().values(
        "place_id", "date_start", "date_end", "width_px", "height_px", *(caveat_field(t) for t in CAVEAT_TAGS)
    )
    if within is not None:
        inner = inner[: within + 1]
    try:
        inner_sql, inner_params = inner.query.sql_with_params()
    except EmptyResultSet:
        return []
    counts = ", ".join(f"COUNT(CASE WHEN {condition} THEN 1 END)" for _, condition, _ in columns)
    params = [p for _, _, column_params in columns for p in column_params] + list(inner_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT s.place_id, COUNT(*), {counts} FROM ({inner_sql}) s GROUP BY s.place_id", params)
        return cursor.fetchall()


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
    rows = _grouped_by_place(qs, columns, within=within)
    names = [name for name, _, _ in columns]
    summed = {name: sum(row[2 + i] for row in rows) for i, name in enumerate(names)}
    place_ids = [row[0] for row in rows if row[0] is not None]
    codes = country_codes_of(place_ids)
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


# --- counts for the browse page: the summary, the ids of a small selection, estimates --------


def _filter_groups(filters: dict) -> list[dict]:
    """The active filters as groups that each make one selection (the two ends of a date
    window are one group)."""
    filters = {name: value for name, value in filters.items() if name not in ("sort", "at_dpi")}
    groups = []
    if "taken_after" in filters or "taken_before" in filters:
        groups.append({name: filters.pop(name) for name in ("taken_after", "taken_before") if name in filters})
    groups += [{name: value} for name, value in filters.items()]
    return groups


def _group_keys(group: dict, place_ids: dict | None = None) -> list[str] | None:
    """The summary's keys whose rows add up to the selection of one filter group, or None."""
    if set(group) == {"taken_after", "taken_before"}:
        first, last = group["taken_after"][0], group["taken_before"][1]
        decade = first.year
        if (first.month, first.day) == (1, 1) and decade % 10 == 0 and last == dt.date(decade + 9, 12, 31):
            return [summary.decade_key(decade)] if decade >= FIRST_DECADE else None
        return None
    if len(group) != 1:
        return None
    ((name, value),) = group.items()
    known = (place_ids or {}).get(name)  # already resolved by the filter
    if name == "country":
        return [summary.place_key(pk) for pk in (known if known is not None else place_ids_in_country(value))]
    if name == "place":
        if known is None:
            known = [row["pk"] for row in place_ids_matching(value.strip())]
        return [summary.place_key(pk) for pk in known]
    if name == "caveat":
        return [summary.caveat_key(value)]
    if name == "orientation":
        return [summary.orientation_key(value)]
    if name == "undated" and value:
        return [summary.UNDATED]
    return None


def summary_keys(filters: dict) -> list[str] | None:
    """The summary's filter keys whose rows add up to the selection these filters make
    (`PhotoFilterSet.active_filters`: cleaned values), or None when the summary cannot answer
    (words, print size, article, lightbox, a window that is not one decade, two filters).
    Places partition the photos, so a place or country is the sum of its places' rows."""
    return _summary_answers(filters)[0]


def summary_pair_keys(filters: dict) -> tuple[list[str], list[str]] | None:
    """For two filter groups the summary answers each (a country and a caveat, a place and a
    decade ...): their keys, whose pairs add up to the number of photos both select."""
    return _summary_answers(filters)[1]


def _summary_answers(filters: dict, place_ids: dict | None = None):
    """(summary_keys, summary_pair_keys), each group's keys looked up once."""
    groups = _filter_groups(filters)
    if not groups:
        return [summary.EVERY_PHOTO], None
    if len(groups) > 2:
        return None, None
    keys = [_group_keys(group, place_ids) for group in groups]
    if len(keys) == 1:
        return keys[0], None
    return None, (tuple(keys) if keys[0] is not None and keys[1] is not None else None)


def _key_condition(keys: list[str]) -> Q:
    """The photos of the union of these summary keys, as a filter (the embargoed part)."""
    from captions.selectors.photos import orientation_condition  # noqa: PLC0415  (photos imports nothing of this)

    if keys == [summary.EVERY_PHOTO]:
        return Q()
    places = [int(key[1:]) for key in keys if key.startswith("p")]
    if places or not keys:
        return Q(place_id__in=places)
    (key,) = keys
    if key == summary.UNDATED:
        return Q(date_start__isnull=True)
    if key.startswith("d"):
        decade = int(key[1:])
        return Q(date_start__lte=dt.date(decade + 9, 12, 31), date_end__gte=dt.date(decade, 1, 1))
    if key.startswith("c:"):
        return Q(**{caveat_field(key[2:]): True})
    return orientation_condition(key[2:])


def keyed_counts(qs: QuerySet, *, within: int | None = None) -> dict[str, int]:
    """The selection's counts under the summary's keys ('n' the number of photos, 'p<id>' per
    place, 'd<decade>', 'u', 'c:<tag>', 'o:<orientation>'): one aggregate grouped by place."""
    columns = _facet_columns()
    rows = _grouped_by_place(qs, columns, within=within)
    keys = [_summary_key_of(name) for name, _, _ in columns]
    sums: dict[str, int] = {summary.PHOTO_COUNT: sum(row[1] for row in rows)}
    for row in rows:
        if row[0] is not None:
            sums[summary.place_key(row[0])] = row[1]
        for i, key in enumerate(keys):
            if row[2 + i]:
                sums[key] = sums.get(key, 0) + row[2 + i]
    return sums


def _summary_key_of(column: str) -> str:
    if column.startswith("decade_"):
        return summary.decade_key(int(column.removeprefix("decade_")))
    if column.startswith("caveat_"):
        return summary.caveat_key(column.removeprefix("caveat_"))
    if column.startswith("orientation_"):
        return summary.orientation_key(column.removeprefix("orientation_"))
    return summary.UNDATED


def facets_from_counts(sums: dict[str, int], *, scale: float = 1.0, estimated: bool = False) -> Facets:
    """Facets from keyed counts (the summary's or `keyed_counts`'s): one primary-key lookup of
    the places' country codes. `scale`: estimated counts, from a sample of the selection."""

    def n(key: str) -> int:
        value = sums.get(key, 0)
        return round(value * scale) if value > 0 else 0

    place_counts = {int(key[1:]): n(key) for key in sums if key.startswith("p") and sums[key] > 0}
    codes = country_codes_of(place_counts)
    by_country: dict[str, int] = {}
    for pk, count in place_counts.items():
        code = codes.get(pk)
        if code and count:
            by_country[code] = by_country.get(code, 0) + count
    return Facets(
        countries=sorted(by_country.items(), key=lambda item: (-item[1], item[0])),
        decades=[(d, n(summary.decade_key(d))) for d in decades() if n(summary.decade_key(d))],
        undated=n(summary.UNDATED),
        caveats=[(tag, n(summary.caveat_key(tag))) for tag in CAVEAT_TAGS if n(summary.caveat_key(tag))],
        orientations=[
            (o, n(summary.orientation_key(o))) for o in dimensions.ORIENTATIONS if n(summary.orientation_key(o))
        ],
        estimated=estimated,
    )


def summary_sums(keys: list[str]) -> tuple[dict[str, int], int]:
    """The summary's counts of the union of `keys`, and its version (one indexed read of the
    small table)."""
    sums: dict[str, int] = {}
    version = 0
    for filter_key, facet_key, n in FacetCount.objects.filter(
        filter_key__in=[*keys, summary.VERSION_FILTER]
    ).values_list("filter_key", "facet_key", "n"):
        if filter_key == summary.VERSION_FILTER:
            version = n
        else:
            sums[facet_key] = sums.get(facet_key, 0) + n
    return sums, version


def summary_version() -> int:
    row = FacetCount.objects.filter(filter_key=summary.VERSION_FILTER, facet_key=summary.VERSION_FACET).first()
    return row.n if row else 0


def embargoed_sums(*groups: list[str], version: int) -> dict[str, int]:
    """Keyed counts of the photos under embargo now among the photos of every key group (few,
    index-only scans of migration 0017's covering indexes); shared through the cache for a
    minute, since an embargo's end changes them without any write (a stale entry then only
    leaves out a photo just released). `version`: the summary's, so that any write to the
    photos (an embargo set) makes a new entry."""
    text = json.dumps([version, *(sorted(g) for g in groups)])
    key = "browse-embargoed:" + hashlib.sha256(text.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    # the two halves of PhotoQuerySet.embargoed(), each an index-only scan of its covering
    # index; a BitmapOr of both would read the heap
    condition = Q()
    for group in groups:
        condition &= _key_condition(group)
    ahead = keyed_counts(Photo.objects.filter(condition, embargo_until__gt=timezone.now()))
    unknown = keyed_counts(Photo.objects.filter(condition, caveat_embargo=True, embargo_until__isnull=True))
    sums = {key: ahead.get(key, 0) + unknown.get(key, 0) for key in {*ahead, *unknown}}
    cache.set(key, sums, EMBARGOED_CACHE_SECONDS)
    return sums


def pair_total(first: list[str], second: list[str], *, sees_embargoed: bool, reads_hidden: bool) -> Total:
    """The exact number of photos two summary-answered filter groups both select (one read of
    the pairs and the summary's version)."""
    n = version = 0
    if first and second:
        rows = FacetCount.objects.filter(
            Q(filter_key__in=first, facet_key__in=second)
            | Q(filter_key=summary.VERSION_FILTER, facet_key=summary.VERSION_FACET)
        ).values_list("filter_key", "n")
        for filter_key, count in rows:
            if filter_key == summary.VERSION_FILTER:
                version = count
            else:
                n += count
        if n and not sees_embargoed and reads_hidden:
            n -= embargoed_sums(first, second, version=version).get(summary.PHOTO_COUNT, 0)
    return Total(max(n, 0))


def from_summary(keys: list[str], *, sees_embargoed: bool, reads_hidden: bool) -> tuple[Total, Facets]:
    """Exact total and facets of a selection the summary answers, for this viewer: for one
    who may not see embargoed photos, the facets leave out those under embargo now, and so
    does the total when the selection was made by what their cards hide."""
    sums, version = summary_sums(keys)
    if not sees_embargoed:
        hidden = embargoed_sums(keys, version=version)
        countable = {key: sums.get(key, 0) - hidden.get(key, 0) for key in sums}
        total = countable.get(summary.PHOTO_COUNT, 0) if reads_hidden else sums.get(summary.PHOTO_COUNT, 0)
    else:
        countable, total = sums, sums.get(summary.PHOTO_COUNT, 0)
    return Total(max(total, 0)), facets_from_counts(countable) if total else Facets()


def planner_estimate(qs: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows of `qs` (EXPLAIN, no execution)."""
    if connection.vendor != "postgresql":
        return None
    sql, params = qs.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def count_selection(qs: QuerySet, *, cap: int | None = None) -> Total:
    """How many photos `qs` selects, reading at most `cap` + 1 rows; past the cap the
    planner's estimate ("about N", never below the cap)."""
    cap = cap or COUNT_CAP
    seen = qs.order_by().values("pk")[: cap + 1].count()
    return Total(seen) if seen <= cap else _past_the_cap(qs, cap)


def _past_the_cap(qs: QuerySet, cap: int) -> Total:
    estimate = planner_estimate(qs)
    if estimate is not None and estimate > cap:
        return Total(_rounded(estimate), estimated=True)
    return Total(cap, capped=True)


def _rounded(n: int) -> int:
    """Two significant figures: an estimate shown as 41,564 would claim a precision it lacks."""
    digits = len(str(n)) - 2
    return round(n, -digits) if digits > 0 else n


def browse_counts(
    qs: QuerySet,
    *,
    filters: dict,
    params: dict[str, str],
    sees_embargoed: bool,
    reads_hidden: bool,
    place_ids: dict | None = None,
) -> tuple[Total, Facets]:
    """The total and facets of a browse selection, in the cheapest exact-enough way:

    * a selection the summary answers (the whole archive, a place, a country, a decade,
      undated, a caveat, an orientation): exact, from the summary, no scan;
    * a small one (at most COUNT_CAP): exact, one aggregate over it that is also its count;
    * a larger one: its total exact from the summary's pairs when two filters it answers make
      it (a country and a caveat), else "about N" from the planner; facets estimated from its
      first COUNT_CAP + 1 rows scaled up to the total (marked as estimates); both kept in the
      shared cache, so a warm page runs no count at all.
    """
    keys, pair = _summary_answers(filters, place_ids)
    if keys is not None:
        return from_summary(keys, sees_embargoed=sees_embargoed, reads_hidden=reads_hidden)
    key = cache_key(params, sees_embargoed=sees_embargoed) + ":large"
    cached = cache.get(key)
    if cached is not None:
        total, facets = cached
        facets.from_cache = True
        return total, facets
    cap = COUNT_CAP
    countable = qs if (sees_embargoed or reads_hidden) else embargo.countable(qs, sees=False)
    if countable is qs:
        # what the viewer may count is the selection itself: one aggregate over its first
        # cap + 1 rows is both its count and its facets
        sample = keyed_counts(qs, within=cap)
        seen = sample.get(summary.PHOTO_COUNT, 0)
        if seen <= cap:
            return Total(seen), facets_from_counts(sample) if seen else Facets()
        total = _larger_total(qs, pair, cap, sees_embargoed=sees_embargoed, reads_hidden=reads_hidden)
    else:
        total = count_selection(qs, cap=cap)
        if not total.value:
            return total, Facets()
        sample = keyed_counts(countable, within=cap)
        if total.exact:
            return total, facets_from_counts(sample)
        total = _larger_total(qs, pair, cap, sees_embargoed=sees_embargoed, reads_hidden=reads_hidden)
    seen = max(sample.get(summary.PHOTO_COUNT, 0), 1)
    facets = facets_from_counts(sample, scale=total.value / seen, estimated=True)
    cache.set(key, (total, facets), CACHE_SECONDS)
    return total, facets


def _larger_total(qs, pair, cap, *, sees_embargoed, reads_hidden) -> Total:
    """The total of a selection past the cap: exact from the summary's pairs for two
    filters it answers (`pair`: their keys), else the planner's estimate."""
    if pair is not None:
        return pair_total(*pair, sees_embargoed=sees_embargoed, reads_hidden=reads_hidden)
    return _past_the_cap(qs, cap)


class CappedCountPaginator(Paginator):
    """The admin change list's paginator: its count reads at most COUNT_CAP + 1 rows; past that
    the list shows PostgreSQL's estimate of the selection (rounded), never an exact COUNT(*)
    over hundreds of thousands of rows on every page."""

    @cached_property
    def count(self):
        total = count_selection(self.object_list.values("pk"))
        return total.value
