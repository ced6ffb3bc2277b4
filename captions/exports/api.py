"""A read-only JSON API for researchers' scripts: the browse filters in, spec rows out.

    GET /api/photos/?place=Moskau&taken_after=2025&page=2   (page_size 1-500, default 100)
    GET /api/photos/<id>/

The same selection (embargoed photos left out and counted), the same rows and the same JSON
shape per photo as /export/specs.json, so a script can move from one to the other. Any signed-in
user with view permission may read it (researchers, production, editors); a session cookie
authenticates. Pages go as deep as the browse page does (10,000 photos); the streamed export is
the way to every photo of a large selection.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from captions.exports.json_format import row_as_dict, selection_meta
from captions.exports.rows import spec_row_for, spec_rows
from captions.exports.selection import InvalidSelection, select_photos, target_dpi_from
from captions.selectors import photos as photo_selectors
from captions.selectors.embargo import card_for, sees_embargoed
from captions.selectors.pages import MAX_OFFSET  # as deep as browse pages go: bounded work per request

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


def _whole_number(raw, *, default: int, low: int, high: int) -> int | None:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if low <= value <= high else None


def error(status: int, message: str, errors=None) -> JsonResponse:
    return JsonResponse({"error": message, "errors": errors or {}}, status=status)


@login_required
@permission_required("captions.view_photo", raise_exception=True)
@require_GET
def photo_list(request):
    page_size = _whole_number(request.GET.get("page_size"), default=DEFAULT_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE)
    if page_size is None:
        message = f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}."
        return error(400, message, {"page_size": [message]})
    page = _whole_number(request.GET.get("page"), default=1, low=1, high=MAX_OFFSET // page_size)
    if page is None:
        message = (
            f"page must be a whole number from 1 to {MAX_OFFSET // page_size} at page_size "
            f"{page_size}; narrow the filters to reach the photos beyond."
        )
        return error(400, message, {"page": [message]})
    try:
        selection = select_photos(request.GET, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return error(400, "The filters need fixing; nothing was selected.", exc.errors)
    offset = (page - 1) * page_size
    rows = list(spec_rows(selection.photos[offset : offset + page_size + 1], target_dpi=selection.target_dpi))
    has_next = len(rows) > page_size and page < MAX_OFFSET // page_size
    following = None
    if has_next:
        query = request.GET.copy()
        query["page"] = str(page + 1)
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return JsonResponse(
        {
            "meta": {**selection_meta(selection), "page": page, "page_size": page_size},
            "photos": [row_as_dict(row) for row in rows[:page_size]],
            "next": following,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
@permission_required("captions.view_photo", raise_exception=True)
@require_GET
def photo_item(request, pk):
    photo = get_object_or_404(photo_selectors.embargo_of(pk))
    if photo.is_embargoed():
        # The API is a way out of the archive, like the exports: an embargoed photo is its
        # card here for everyone, editors included (they see it whole on its page).
        card = card_for(photo)
        until = card.as_dict()["embargo_until"]
        return JsonResponse(
            {
                **card.as_dict(),
                "error": f"Photo {pk} is embargoed until {until}."
                if until
                else f"Photo {pk} is embargoed; the end of the embargo is not known yet.",
            },
            status=409,
            json_dumps_params={"ensure_ascii": False},
        )
    try:
        target_dpi = target_dpi_from(request.GET)
    except InvalidSelection as exc:
        return error(400, "at_dpi needs fixing.", exc.errors)
    return JsonResponse(
        row_as_dict(spec_row_for(photo, target_dpi=target_dpi)), json_dumps_params={"ensure_ascii": False}
    )
