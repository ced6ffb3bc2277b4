"""The admin's "upload many images" page: pick or drop many files; each goes up in its own
request (static/js/upload.js, one progress bar per file) and the page lists what became of
it: stored (a link to the new record), a duplicate (a link to the record that has the file),
refused (the reason). Without script the form sends every file in one request and the same
list comes back. The writing is `captions.services.image_imports`."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from captions.images import uploads
from captions.models import PROBLEM_LABELS
from captions.selectors.photos import find_duplicate
from captions.services import image_imports
from captions.services import images as image_services

ACCEPT = ",".join(
    [".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".avif", ".heic", ".heif", ".hif"]
    + [".dng", ".cr2", ".cr3", ".nef", ".arw", ".pef", ".raf", ".orf", ".rw2", ".srw"]
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One field, many files. Each file is checked by the upload code on its own (an empty or
    broken one is refused in its row), so one bad file never refuses the others."""

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return list(data)
        return super().clean(data, initial)


class ManyImagesForm(forms.Form):
    files = MultipleFileField(
        label=_("Image files"),
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ACCEPT}),
        help_text=_(
            "Choose or drop as many files as you like: JPEG, PNG, TIFF, WebP, AVIF, HEIC or camera raw. "
            "Each becomes a photo with the metadata it carries."
        ),
        required=False,
    )


def _check(request, model_admin):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied


STATES = {"stored": _("stored"), "duplicate": _("duplicate"), "refused": _("refused")}


def store_one(upload, user) -> dict:
    """One uploaded file into the archive: {'status', 'state', 'name', 'message', 'url', 'photo'}."""
    result = _store_one(upload, user)
    result["state"] = str(STATES[result["status"]])
    return result


def _store_one(upload, user) -> dict:
    name = upload.name
    try:
        identified = uploads.identify_upload(upload)
    except ValidationError as error:
        return {"status": "refused", "name": name, "message": " ".join(error.messages)}
    duplicate = find_duplicate(content_hash=identified.content_hash)
    if duplicate is not None:
        return {
            "status": "duplicate",
            "name": name,
            "message": gettext("Already in the archive as photo #%(pk)s “%(title)s”.")
            % {"pk": duplicate.pk, "title": str(duplicate)},
            "url": reverse("admin:captions_photo_change", args=[duplicate.pk]),
            "photo": duplicate.pk,
        }
    try:
        prepared = uploads.prepare_upload(identified)
    except ValidationError as error:
        return {"status": "refused", "name": name, "message": " ".join(error.messages)}
    with image_services.files_kept_only_on_success():
        outcome = image_imports.save_prepared(prepared, user=user)
    if outcome.status == "refused":
        return {"status": "refused", "name": name, "message": outcome.reason}
    photo = outcome.photo
    message = gettext("Stored as photo #%(pk)s “%(title)s”.") % {"pk": photo.pk, "title": str(photo)}
    if photo.problems:
        labels = ", ".join(str(PROBLEM_LABELS.get(code, code)) for code in photo.problems)
        message += " " + gettext("Needs review: %(problems)s.") % {"problems": labels}
    return {
        "status": "stored",
        "name": name,
        "message": message,
        "url": reverse("admin:captions_photo_change", args=[photo.pk]),
        "photo": photo.pk,
    }


def upload_many_view(request, *, model_admin):
    _check(request, model_admin)
    form = ManyImagesForm(request.POST or None, request.FILES or None)
    results = []
    if request.method == "POST" and form.is_valid():
        results = [store_one(upload, request.user) for upload in request.FILES.getlist("files")]
        if not results:
            form.add_error("files", forms.ValidationError(_("Choose at least one file."), code="empty"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Upload many images"),
        "form": form,
        "results": results,
        "one_url": reverse("admin:captions_photo_upload_one"),
    }
    return TemplateResponse(request, "admin/captions/photo/upload_many.html", context)


def upload_one_view(request, *, model_admin):
    """One file of the many-files page, sent by static/js/upload.js: JSON for its row."""
    _check(request, model_admin)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"status": "refused", "name": "", "message": gettext("No file was sent.")}, status=400)
    return JsonResponse(store_one(upload, request.user))
