"""Export views: print-ready specs as CSV, JSON and PDF sheets (SPEC "Print-ready specs").

Thin: the selection, the rows and the renderers live in `captions.exports`. Every view needs
the `captions.export_specs` permission (group Production, and superusers); a malformed filter
or parameter gets a page that says what to fix, and an embargoed photo's sheet is refused with
the date it becomes available.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from captions.core import dimensions
from captions.exports import pdf_sheet
from captions.exports.csv_format import DEFAULT_DIALECT, DIALECTS, render_csv
from captions.exports.json_format import render_json
from captions.exports.rows import spec_row_for, spec_rows
from captions.exports.selection import InvalidSelection, Selection, select_photos, target_dpi_from
from captions.selectors import photos as photo_selectors
from captions.selectors.embargo import card_for, sees_embargoed
from captions.services import audit

export_permission = permission_required("captions.export_specs", raise_exception=True)


def refusal(request, *, status: int, title: str, message: str, errors=None, back_url=None, back_label=None):
    return render(
        request,
        "exports/refused.html",
        {
            "title": title,
            "message": message,
            "errors": errors or {},
            "back_url": back_url,
            "back_label": back_label or _("Back to the photos"),
        },
        status=status,
    )


def invalid_filters(request, exc: InvalidSelection):
    query = request.GET.urlencode()
    return refusal(
        request,
        status=400,
        title=_("The export filters need fixing"),
        message=_("Nothing was exported: an export never widens to every photo because one filter was mistyped."),
        errors=exc.errors,
        back_url=reverse("browse") + (f"?{query}" if query else ""),
        back_label=_("Back to the filters (each problem is shown next to its field)"),
    )


def record_export(request, selection: Selection, format: str, photo_count: int | None = None):
    """The export's line in the audit trail, with the true number of embargoed photos the
    filters matched (the file itself tells the viewer only what they may know)."""
    return audit.record_export(
        request=request,
        format=format,
        filters=selection.filters,
        photo_count=photo_count,
        embargoed_left_out=selection.embargoed_held_back,
        complete=photo_count is not None,
    )


def attachment(response, selection: Selection, extension: str):
    response["Content-Disposition"] = content_disposition_header(True, selection.filename(extension))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@export_permission
@require_GET
def specs_csv(request):
    dialect = request.GET.get("dialect") or DEFAULT_DIALECT
    if dialect not in DIALECTS:
        return refusal(
            request,
            status=400,
            title=_("Unknown CSV dialect"),
            message=_("dialect=%(given)s is not known; use one of: %(known)s.")
            % {"given": dialect, "known": ", ".join(DIALECTS)},
        )
    try:
        selection = select_photos(request.GET, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return invalid_filters(request, exc)
    rows = audit.CountedRows(spec_rows(selection.photos, target_dpi=selection.target_dpi))
    event = record_export(request, selection, "csv" if dialect == DEFAULT_DIALECT else f"csv-{dialect}")
    response = StreamingHttpResponse(
        audit.streamed(render_csv(selection, rows, dialect=dialect), event=event, rows=rows),
        content_type="text/csv; charset=utf-8",
    )
    return attachment(response, selection, "csv")


@login_required
@export_permission
@require_GET
def specs_json(request):
    try:
        selection = select_photos(request.GET, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return invalid_filters(request, exc)
    rows = audit.CountedRows(spec_rows(selection.photos, target_dpi=selection.target_dpi))
    event = record_export(request, selection, "json")
    response = StreamingHttpResponse(
        audit.streamed(render_json(selection, rows), event=event, rows=rows),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, selection, "json")


@login_required
@export_permission
@require_GET
def specs_pdf(request):
    """Spec sheets of a selection: a summary page, then one page per photo, capped."""
    try:
        selection = select_photos(request.GET, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return invalid_filters(request, exc)
    cap = pdf_sheet.MAX_PHOTOS_PER_PDF
    rows = list(spec_rows(selection.photos[: cap + 1], target_dpi=selection.target_dpi))
    total = len(rows) if len(rows) <= cap else selection.photos.count()
    rows = rows[:cap]
    photos = photo_selectors.photo_with_relations().in_bulk([row.id for row in rows])
    sheets = [pdf_sheet.SheetPhoto.build(row, photos[row.id]) for row in rows if row.id in photos]
    document = pdf_sheet.selection_pdf(selection, sheets, total=total)
    record_export(request, selection, "pdf", photo_count=len(sheets))
    response = HttpResponse(document, content_type="application/pdf")
    return attachment(response, selection, "pdf")


@login_required
@export_permission
@require_GET
def photo_spec_pdf(request, pk):
    photo = get_object_or_404(photo_selectors.photo_with_relations(), pk=pk)
    back_url = photo.get_absolute_url()
    if photo.is_embargoed():
        if photo.embargo_until:
            until = card_for(photo).until
            message = _(
                "Photo %(id)s is embargoed until %(until)s. Its spec sheet is refused until then, so it "
                "cannot reach a print order early."
            ) % {"id": photo.pk, "until": until}
        else:
            message = _(
                "Photo %(id)s carries an embargo whose end is not known. Its spec sheet is refused until "
                "an editor sets the embargo date or clears the embargo."
            ) % {"id": photo.pk}
        audit.record_spec_sheet(
            request=request, photo_id=photo.pk, target_dpi=dimensions.DEFAULT_TARGET_DPI, embargoed=True
        )
        return refusal(
            request,
            status=409,
            title=_("This photo is under embargo"),
            message=message,
            back_url=back_url,
            back_label=_("Back to the photo"),
        )
    try:
        target_dpi = target_dpi_from(request.GET)
    except InvalidSelection as exc:
        return refusal(
            request,
            status=400,
            title=_("The target dpi needs fixing"),
            message=_("Use a whole number from %(low)s to %(high)s, such as 300.")
            % {"low": dimensions.MIN_DPI, "high": dimensions.MAX_DPI},
            errors=exc.errors,
            back_url=back_url,
            back_label=_("Back to the photo"),
        )
    exported_at = timezone.now()
    audit.record_spec_sheet(request=request, photo_id=photo.pk, target_dpi=target_dpi, embargoed=False)
    row = spec_row_for(photo, target_dpi=target_dpi)
    document = pdf_sheet.photo_pdf(
        pdf_sheet.SheetPhoto.build(row, photo), exported_at=exported_at, target_dpi=target_dpi
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        False, f"spec_photo-{photo.pk}_{timezone.localdate(exported_at).isoformat()}.pdf"
    )
    response["Cache-Control"] = "no-store"
    return response
