"""Pages of results without counting the whole selection (bounded work on a million rows)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import QuerySet

PAGE_SIZES = (24, 48, 96)
MAX_OFFSET = 10_000  # deeper pages are not offered: narrow the search instead (bounded work)


@dataclass
class ResultPage:
    """One page of results, found without counting the whole selection: it reads one row
    more than it shows to know whether a next page exists."""

    rows: list
    number: int
    per_page: int
    has_next: bool
    beyond_limit: bool = False  # a page past MAX_OFFSET was asked for
    of: int | None = None  # the exact number of results, when it is known (browse counts them)
    capped: bool = False  # more results match than can be paged through (MAX_OFFSET)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.rows)

    @property
    def at_the_cap(self) -> bool:
        """The last page that can be reached while more results match: the place for the
        "only the first 10,000" note, and the only one."""
        return self.capped and bool(self.rows) and self.number == reachable_pages(self.per_page)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def page_number(raw) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return max(1, number)


def reachable_pages(per_page: int) -> int:
    return max(1, MAX_OFFSET // per_page)


def last_page_number(count: int | None, per_page: int) -> int:
    """The last page worth showing: of `count` results when it is exact, else (a capped or
    estimated count: more than can be paged through) the last page within MAX_OFFSET."""
    if count is None:
        return reachable_pages(per_page)
    return min(reachable_pages(per_page), max(1, math.ceil(count / per_page)))


def count_up_to(qs: QuerySet, limit: int) -> int:
    """How many rows `qs` has, counting at most `limit` (never past MAX_OFFSET: bounded work)."""
    return qs.order_by().values("pk")[: min(limit, MAX_OFFSET)].count()


def result_page(qs: QuerySet, *, number: int, per_page: int) -> ResultPage:
    last_page = reachable_pages(per_page)
    beyond = number > last_page
    number = min(number, last_page)
    offset = (number - 1) * per_page
    rows = list(qs[offset : offset + per_page + 1])
    has_next = len(rows) > per_page and number < last_page
    return ResultPage(rows[:per_page], number, per_page, has_next, beyond_limit=beyond)


@dataclass
class Neighbours:
    """Where a photo stands in a page of results, and the photos before and after it (with
    the page each is on), for previous / next on the photo page."""

    position: int  # 1-based, in the whole selection
    previous_id: int | None = None
    previous_page: int | None = None
    next_id: int | None = None
    next_page: int | None = None


def neighbours(qs: QuerySet, pk: int, *, number: int, per_page: int) -> Neighbours | None:
    """The photo `pk` among the results of page `number`, and its neighbours, from one query of
    at most `per_page` + 2 ids (the page and one photo on each side of it): bounded work
    whatever the selection, as the browse page's own. None when the photo is not on that page
    (the link is stale: the results changed since)."""
    number = min(max(1, number), reachable_pages(per_page))
    first = (number - 1) * per_page
    start = max(0, first - 1)
    ids = list(qs.values_list("pk", flat=True)[start : first + per_page + 1])
    try:
        index = ids.index(pk)
    except ValueError:
        return None
    if not first <= start + index < first + per_page:
        return None  # it is the neighbour of this page, not on it
    place = Neighbours(position=start + index + 1)
    if index > 0:
        place.previous_id, place.previous_page = ids[index - 1], (start + index - 1) // per_page + 1
    if index + 1 < len(ids) and start + index + 1 < MAX_OFFSET:
        place.next_id, place.next_page = ids[index + 1], (start + index + 1) // per_page + 1
    return place
