"""Export views: print-ready specs as CSV, JSON and PDF sheets (SPEC "Print-ready specs").

Thin: the selection, the rows and the renderers live in `captions.exports`. Every view needs
the `captions.export_specs` permission (group Production, and superusers); a malformed filter
or parameter gets a page that says what to fix, and an embargoed photo's sheet is refused with
the date it becomes available.
"""

from __future__ import annotations

import mimetypes

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from captions.core import dimensions
from captions.exports import package, pdf_sheet
from captions.exports.copy_csv import csv_export
from captions.exports.copy_json import json_export
from captions.exports.csv_format import DEFAULT_DIALECT, DIALECTS
from captions.exports.rows import spec_row_for, spec_rows
from captions.exports.selection import InvalidSelection, Selection, select_photos, target_dpi_from
from captions.selectors import lightboxes as lightbox_selectors
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


# The two forms that ask for a print size: (URL name, what was not made, button, way back).
PRINT_FORMS = {
    "print": (
        "photo_print",
        gettext_lazy("Nothing was made. Change the size below and try again."),
        gettext_lazy("Download the print rendition"),
        gettext_lazy("Back to the photo"),
    ),
    "package": (
        "lightbox_package_zip",
        gettext_lazy("Nothing was packaged. Change the size below and try again."),
        gettext_lazy("Download the print package (ZIP)"),
        gettext_lazy("Back to the lightbox"),
    ),
}


def print_size_refusal(request, errors: dict, *, form: str, target):
    """A print size that cannot be made: the form again (`form`, for the photo or lightbox
    `target`), with the values asked for and each problem beside its field."""
    url_name, message, button, back_label = PRINT_FORMS[form]
    return render(
        request,
        "exports/refused.html",
        {
            "title": _("The print size needs fixing"),
            "message": message,
            "back_url": target.get_absolute_url(),
            "back_label": back_label,
            "errors": {},
            "print_form": {"action": reverse(url_name, args=[target.pk]), "button": button},
            "print_prefix": form,
            "print_values": {name: request.GET.get(name, "").strip()[:40] for name in ("width_cm", "at_dpi")},
            "print_errors": errors,
        },
        status=400,
    )


def _print_size(params) -> tuple[package.PackageOptions | None, dict]:
    """The target dpi and print width asked for, both checked (every problem at once)."""
    errors = {}
    try:
        target_dpi = target_dpi_from(params)
    except InvalidSelection as exc:
        errors.update(exc.errors)
        target_dpi = dimensions.DEFAULT_TARGET_DPI
    try:
        options = package.package_options(params, target_dpi=target_dpi)
    except InvalidSelection as exc:
        errors.update(exc.errors)
        options = None
    return (None if errors else options), errors


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
    for name, value in selection.http_headers().items():
        response[name] = value
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
    pieces, rows = csv_export(selection, dialect=dialect)
    event = record_export(request, selection, "csv" if dialect == DEFAULT_DIALECT else f"csv-{dialect}")
    response = StreamingHttpResponse(
        audit.streamed(pieces, event=event, rows=rows),
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
    pieces, rows = json_export(selection)
    event = record_export(request, selection, "json")
    response = StreamingHttpResponse(
        audit.streamed(pieces, event=event, rows=rows),
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


# --- print packages and one photo's files (issue 14) ------------------------------------------


def _package_response(
    request, selection, *, title: str, audit_filters: dict, back_url: str, filename: str, positions=None
):
    """The streamed package of `selection`; `positions` maps photo ids to their place in a
    lightbox (the package names a left-out embargoed photo by that, never by its id)."""
    try:
        options = package.package_options(request.GET, target_dpi=selection.target_dpi)
    except InvalidSelection as exc:
        return refusal(
            request,
            status=400,
            title=_("The print width needs fixing"),
            message=_("Nothing was packaged."),
            errors=exc.errors,
            back_url=back_url,
        )
    limit = package.max_photos()
    photo_ids = photo_selectors.ids_in_order(selection.photos, limit=limit + 1)
    if len(photo_ids) > limit:
        return refusal(
            request,
            status=400,
            title=_("Too many photos for one package"),
            message=_(
                "This selection holds more than %(limit)s photos; a print package takes up to %(limit)s. "
                "Narrow the filters, or gather the photos you need in a lightbox."
            )
            % {"limit": limit},
            back_url=back_url,
        )
    # Recorded before the first byte (who, which lightbox or filters, how many photos, the true
    # number left out for embargo), completed with the photos packed when the stream ends.
    event = audit.record_package(
        request=request,
        user=request.user,
        filters={**audit_filters, **({"width_cm": options.width_cm} if options.width_cm else {})},
        photo_count=len(photo_ids),
        embargoed_left_out=selection.embargoed_held_back,
        complete=False,
    )
    report = package.PackageReport()
    body = package.stream_package(
        selection,
        photo_ids=photo_ids,
        options=options,
        title=title,
        report=report,
        language=get_language(),
        positions=positions,
    )
    response = StreamingHttpResponse(audit.streamed(body, event=event, rows=report), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@export_permission
@require_GET
def package_zip(request):
    """/export/package.zip?<browse filters>&width_cm=: the print package of a selection."""
    try:
        selection = select_photos(request.GET, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return invalid_filters(request, exc)
    query = request.GET.urlencode()
    return _package_response(
        request,
        selection,
        title=selection.describe(),
        audit_filters=selection.filters,
        back_url=reverse("browse") + (f"?{query}" if query else ""),
        filename=selection.filename("zip", kind="package"),
    )


@login_required
@export_permission
@require_GET
def lightbox_package_zip(request, pk):
    """/lightboxes/<id>/package.zip?at_dpi=&width_cm=: the print package of a lightbox, in its order."""
    lightbox = lightbox_selectors.lightbox_by_id(pk)
    if lightbox is None or lightbox_selectors.access_to(lightbox, request.user) == lightbox_selectors.Access.NONE:
        raise Http404(_("No such lightbox, or it is not shared with you."))
    params = {"lightbox": str(lightbox.pk), "at_dpi": request.GET.get("at_dpi", "")}
    errors = _print_size(request.GET)[1]
    if errors:
        return print_size_refusal(request, errors, form="package", target=lightbox)
    try:
        selection = select_photos(params, sees_embargoed=sees_embargoed(request.user), viewer=request.user)
    except InvalidSelection as exc:
        return refusal(
            request,
            status=400,
            title=_("The print package needs fixing"),
            message=_("Nothing was packaged."),
            errors=exc.errors,
            back_url=lightbox.get_absolute_url(),
        )
    return _package_response(
        request,
        selection,
        title=lightbox.name,
        audit_filters={**selection.filters, "lightbox_name": lightbox.name},
        positions=lightbox_selectors.positions_in(lightbox),
        back_url=lightbox.get_absolute_url(),
        filename=f"package_lightbox-{lightbox.pk}-{slugify(lightbox.name)[:60] or 'x'}"
        f"_{timezone.localdate(selection.exported_at).isoformat()}.zip",
    )


def _may_download_files(user) -> bool:
    """Production (the export permission) and editors take a photo's files with the archive's metadata."""
    return user.has_perm("captions.export_specs") or user.has_perm("captions.change_photo")


def _photo_file_or_refusal(request, pk):
    if not _may_download_files(request.user):
        raise PermissionDenied(_("Only production staff and editors download a photo's files."))
    photo = get_object_or_404(photo_selectors.photo_with_relations(), pk=pk)
    back_url = photo.get_absolute_url()
    if photo.is_embargoed() and not sees_embargoed(request.user):
        return photo, refusal(
            request,
            status=409,
            title=_("This photo is under embargo"),
            message=_("Its files are held back until the embargo ends, so they cannot reach a print order early."),
            back_url=back_url,
            back_label=_("Back to the photo"),
        )
    if not photo.image:
        return photo, refusal(
            request,
            status=404,
            title=_("No image file"),
            message=_("This record has no image file to download; its spec sheet has the print sizes."),
            back_url=back_url,
            back_label=_("Back to the photo"),
        )
    return photo, None


@login_required
@require_GET
def photo_download(request, pk):
    """The photo's original file with the archive's metadata written in (one click)."""
    photo, refused = _photo_file_or_refusal(request, pk)
    if refused:
        return refused
    try:
        written = package.with_metadata(package.read_file(photo.image), photo)
    except OSError:
        raise Http404(_("The image file could not be read from storage.")) from None
    extension = photo.image.name.rsplit(".", 1)[-1].lower()
    response = HttpResponse(
        written.data, content_type=mimetypes.guess_type(photo.image.name)[0] or "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"photo-{photo.pk}.{extension}")
    response["Cache-Control"] = "no-store"
    if written.sidecar is not None:
        response["X-Metadata-Note"] = "in-sidecar"
    return response


@login_required
@require_GET
def photo_print(request, pk):
    """A print rendition of the photo at `at_dpi` (and `width_cm`), with the archive's metadata."""
    photo, refused = _photo_file_or_refusal(request, pk)
    if refused:
        return refused
    back_url = photo.get_absolute_url()
    options, errors = _print_size(request.GET)
    if errors:
        return print_size_refusal(request, errors, form="print", target=photo)
    try:
        rendition = package.photo_print_rendition(photo, options)
    except package.CannotPrint as exc:
        return refusal(
            request,
            status=422,
            title=_("No print rendition"),
            message=str(exc),
            back_url=back_url,
            back_label=_("Back to the photo"),
        )
    response = HttpResponse(rendition, content_type="image/jpeg")
    response["Content-Disposition"] = content_disposition_header(
        True, f"photo-{photo.pk}_{options.rendition_suffix()}.jpg"
    )
    response["Cache-Control"] = "no-store"
    return response
