"""The timeline above the results: how many photos of the current selection fall in each
decade, and in each year once the date window lies inside one decade; each bar narrows the
window (taken_after / taken_before) to its decade or year.

A photo counts in every decade or year its shoot interval overlaps: the rule of the date
window itself, so a bar's number is what its link finds (a "1960s" photo counts in each year
of the decade).

Decades cost nothing: they are the decade facet the browse page reads anyway
(selectors.facets). Years are one more aggregate, ten conditional counts over the selection
read as the facets read it: at most COUNT_CAP + 1 rows (exact when the total is exact, scaled
to an estimated total and marked as an estimate past it, then kept in the shared cache like
the facets), so a decade of a million-photo archive costs what a small selection does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from captions.selectors import embargo, facets


@dataclass(frozen=True)
class Bar:
    start: int  # the first year of the decade, or the year
    count: int
    share: int  # percent of the largest bar's count (the bar's height), at least 1 when count > 0
    after: str  # the window its link sets
    before: str
    current: bool = False  # the window is this bar's


@dataclass
class Timeline:
    level: str  # "decade" or "year"
    bars: list[Bar] = field(default_factory=list)
    decade: int | None = None  # the decade the years are of
    estimated: bool = False

    def __bool__(self) -> bool:
        return any(bar.count for bar in self.bars)


def decade_of_window(after: dt.date | None, before: dt.date | None) -> int | None:
    """The decade a date window lies inside (both ends given), or None."""
    if after is None or before is None or after.year // 10 != before.year // 10:
        return None
    return after.year // 10 * 10


def _bars(counts: list[tuple[int, int]], *, span: int, current: tuple[dt.date, dt.date] | None) -> list[Bar]:
    """Bars for (start, count), gaps between the first and the last filled with empty bars."""
    if not counts:
        return []
    found = dict(counts)
    largest = max(found.values()) or 1
    bars = []
    for start in range(min(found), max(found) + 1, span):
        n = found.get(start, 0)
        first, last = dt.date(start, 1, 1), dt.date(start + span - 1, 12, 31)
        bars.append(
            Bar(
                start=start,
                count=n,
                share=max(1, round(100 * n / largest)) if n else 0,
                after=str(start),
                before=str(start + span - 1),
                current=current == (first, last),
            )
        )
    return bars


def year_counts(qs: QuerySet, decade: int, *, within: int | None) -> tuple[dict[int, int], int]:
    """{year: photos overlapping it} for the ten years of `decade`, and how many rows were read:
    one aggregate over the selection, read through `LIMIT within + 1` when given."""
    date = connection.ops.adapt_datefield_value
    years = range(decade, decade + 10)
    inner = qs.order_by().values("date_start", "date_end")
    if within is not None:
        inner = inner[: within + 1]
    try:
        inner_sql, inner_params = inner.query.sql_with_params()
    except EmptyResultSet:  # a filter by an empty list of places: no photo
        return dict.fromkeys(years, 0), 0
    counts = ", ".join("COUNT(CASE WHEN s.date_start <= %s AND s.date_end >= %s THEN 1 END)" for _ in years)
    params = [date(d) for year in years for d in (dt.date(year, 12, 31), dt.date(year, 1, 1))]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), {counts} FROM ({inner_sql}) s", params + list(inner_params))
        row = cursor.fetchone()
    return {year: row[1 + i] for i, year in enumerate(years)}, row[0]


def _years(qs, decade, *, total: facets.Total, params: dict, sees_embargoed: bool) -> tuple[dict[int, int], bool]:
    countable = embargo.countable(qs, sees=sees_embargoed)
    if total.exact:
        counts, _ = year_counts(countable, decade, within=total.value)
        return counts, False
    key = facets.cache_key(params, sees_embargoed=sees_embargoed) + ":years"
    cached = cache.get(key)
    if cached is not None:
        return cached, True
    counts, seen = year_counts(countable, decade, within=facets.COUNT_CAP)
    if total.estimated and seen:
        scale = total.value / seen
        counts = {year: round(n * scale) for year, n in counts.items()}
    cache.set(key, counts, facets.CACHE_SECONDS)
    return counts, True


def timeline_for(
    qs: QuerySet,
    *,
    counted: facets.Facets,
    total: facets.Total,
    window: tuple[dt.date | None, dt.date | None],
    params: dict,
    sees_embargoed: bool,
) -> Timeline:
    """The timeline of a browse selection: decades from its facets, or the years of the decade
    its date window lies in (`window`: the first day of taken_after, the last of taken_before)."""
    after, before = window
    decade = decade_of_window(after, before)
    if decade is None:
        return Timeline(
            level="decade",
            bars=_bars(counted.decades, span=10, current=None),
            estimated=counted.estimated,
        )
    if not total.value:
        return Timeline(level="year", decade=decade)
    counts, estimated = _years(qs, decade, total=total, params=params, sees_embargoed=sees_embargoed)
    bars = _bars([(year, n) for year, n in counts.items() if n], span=1, current=(after, before))
    if bars:  # a decade shows all its years, the empty ones too
        found = {bar.start: bar for bar in bars}
        bars = [
            found.get(year) or Bar(start=year, count=0, share=0, after=str(year), before=str(year), current=False)
            for year in range(decade, decade + 10)
        ]
    return Timeline(level="year", bars=bars, decade=decade, estimated=estimated)
