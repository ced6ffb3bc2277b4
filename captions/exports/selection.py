"""Which photos an export covers: exactly what the browse FilterSet selects, minus every photo
whose embargo has not passed (counted, so the export can say how many were left out).

The count a file shows follows the embargo rule of the read layer (selectors.embargo): for
someone who may not see embargoed photos it counts only those the same filters show them as
cards, so `?q=Putin` cannot tell them that an embargoed caption holds "Putin". The audit
trail records the true number (`held_back`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify

from captions.models import Photo
from captions.selectors.filters import PhotoFilterSet
from captions.times import iso_datetime


class InvalidSelection(ValueError):
    """The filters do not validate; `errors` maps each parameter to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()))


@dataclass(frozen=True)
class Selection:
    photos: QuerySet  # releasable photos, in the requested order
    filters: dict[str, str]  # the filter parameters as given, in the FilterSet's order
    target_dpi: int
    embargoed_count: int  # embargoed photos left out, as far as the viewer may know of them
    exported_at: dt.datetime
    held_back: int | None = None  # every embargoed photo the filters match (for the audit trail)
    # the embargoed photos left out, as far as the viewer may know of them (a package lists them)
    embargoed: QuerySet | None = None

    @property
    def embargoed_held_back(self) -> int:
        return self.embargoed_count if self.held_back is None else self.held_back

    def describe(self) -> str:
        """'place=Moskau, caveat=editorial_only', or 'all photos' without filters."""
        return ", ".join(f"{name}={value}" for name, value in self.filters.items()) or "all photos"

    def query_string(self) -> str:
        """The filters as the query string that selects the same photos ('' for all photos)."""
        return urlencode(self.filters)

    def generated(self) -> str:
        """The export time, ISO 8601 with the offset of the archive's time zone."""
        return iso_datetime(self.exported_at)

    def filename(self, extension: str, *, kind: str = "specs") -> str:
        """specs_place-moskau_caveat-editorial_only_2026-11-26T141503+0100.csv: the selection and
        the time (no colons: file systems that refuse them exist)."""
        parts = [f"{name}-{slugify(value) or 'x'}" for name, value in self.filters.items()]
        stem = "_".join([kind, *(parts or ["all-photos"])])[:120]
        return f"{stem}_{timezone.localtime(self.exported_at).strftime('%Y-%m-%dT%H%M%S%z')}.{extension}"

    def http_headers(self) -> dict[str, str]:
        """What a file of this selection says about itself outside its body (SPEC: CSV exports
        start with their header row): ASCII, a script reads them with parse_qs / fromisoformat."""
        return {
            "X-Archive-Selection": self.query_string() or "all",
            "X-Archive-Generated": self.generated(),
            "X-Archive-Target-DPI": str(self.target_dpi),
            "X-Archive-Embargoed-Left-Out": str(self.embargoed_count),
        }


def select_photos(params, *, sees_embargoed: bool, viewer, now: dt.datetime | None = None) -> Selection:
    """The selection the browse filters in `params` (a QueryDict or a dict) describe, for a
    viewer who sees embargoed photos whole (`sees_embargoed`, selectors.embargo) or not, and
    whose lightboxes `lightbox` may name (`viewer`: the signed-in user; EVERY_LIGHTBOX on the
    command line).

    Raises `InvalidSelection` when a filter does not validate: an export never widens to
    "everything" because one value was mistyped.
    """
    filterset = PhotoFilterSet(params, queryset=Photo.objects.all(), sees_embargoed=sees_embargoed, viewer=viewer)
    if not filterset.is_valid():
        raise InvalidSelection({name: list(messages) for name, messages in filterset.form.errors.items()})
    now = now or timezone.now()
    selected = filterset.qs
    embargoed_count = selected.embargoed_count(now)
    held_back = None
    if not sees_embargoed and filterset.reads_hidden:  # else the viewer's count is the true one
        whole = PhotoFilterSet(params, queryset=Photo.objects.all(), sees_embargoed=True, viewer=viewer)
        held_back = whole.qs.embargoed_count(now)
    filters = {}
    for name in filterset.filters:
        value = params.get(name)
        if value is not None and str(value).strip() != "":
            filters[name] = str(value).strip()
    return Selection(
        photos=selected.releasable(now),
        filters=filters,
        target_dpi=filterset.target_dpi,
        embargoed_count=embargoed_count,
        exported_at=now,
        held_back=held_back,
        embargoed=selected.embargoed(now),
    )


def target_dpi_from(params) -> int:
    """Only the `at_dpi` parameter, checked by the same FilterSet field (a one-photo sheet)."""
    filterset = PhotoFilterSet({"at_dpi": params.get("at_dpi", "")}, queryset=Photo.objects.none())
    if not filterset.is_valid():
        raise InvalidSelection({name: list(messages) for name, messages in filterset.form.errors.items()})
    return filterset.target_dpi
