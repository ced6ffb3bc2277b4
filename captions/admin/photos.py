"""The photo admin: configuration of the change list and the change form. The rules are in
`captions.validation`, the writes in `captions.services`, the form in `captions.editorial.forms`,
the bulk actions in `captions.admin.actions`, the paste page in `captions.editorial.paste`."""

from __future__ import annotations

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from captions import times, validation
from captions.admin import actions
from captions.admin.filters import CaveatFilter, CountryFilter, DecadeFilter, HasImageFilter, SupplierFilter
from captions.admin.history import ReadableHistoryMixin
from captions.admin.permissions import EditorsWriteMixin
from captions.admin.safety import ReadableIdsMixin
from captions.core import dimensions
from captions.editorial import paste
from captions.editorial import uploads as image_uploads
from captions.editorial.display import one_decimal, size_line
from captions.editorial.forms import PhotoAdminForm
from captions.models import CAVEAT_LABELS, CAVEAT_SHORT_LABELS, PROBLEM_LABELS, Photo
from captions.selectors import search
from captions.selectors.facets import CappedCountPaginator
from captions.services import images as image_services
from captions.services import photos as photo_services
from captions.services import records

ADMIN_SEARCH_IDS = 2_000  # a search matching at most this many photos is read as their ids


@admin.register(Photo)
class PhotoAdmin(ReadableIdsMixin, ReadableHistoryMixin, EditorsWriteMixin, SimpleHistoryAdmin):
    form = PhotoAdminForm
    action_form = actions.PhotoActionForm
    actions = [
        actions.set_place,
        actions.add_caveat,
        actions.remove_caveat,
        actions.mark_reviewed,
        actions.link_article,
    ]
    list_display = [
        "thumbnail_tag",
        "review_flag",
        "caption_start",
        "pixel_size",
        "dpi",
        "print_300",
        "date_text",
        "place_short",
        "caveat_tags",
    ]
    list_display_links = ["thumbnail_tag", "caption_start"]
    list_filter = ["needs_review", CountryFilter, DecadeFilter, CaveatFilter, SupplierFilter, HasImageFilter]
    list_select_related = ["place"]
    list_per_page = 50
    show_full_result_count = False  # one COUNT per page, not two, on a million rows
    paginator = CappedCountPaginator  # that count stops past 10,000 rows: then PostgreSQL's estimate
    search_fields = ["caption", "credit", "source_id", "place__search_names"]  # see get_search_results
    search_help_text = _("Words in the caption or credit, a supplier's image id, or a place in any language.")
    autocomplete_fields = ["place", "articles"]
    readonly_fields = ["print_sizes", "image_preview", "problem_list", "created", "last_changed"]
    fieldsets = [
        (
            _("Caption & credit"),
            {
                "fields": [
                    "caption",
                    "headline",
                    "title",
                    "language",
                    "credit",
                    "creator",
                    "copyright_notice",
                    "keywords",
                    ("supplier", "source_id"),
                    ("job_id", "caption_writer"),
                ]
            },
        ),
        (
            _("Pixels & print"),
            {
                "fields": [
                    ("width_px", "height_px", "dpi"),
                    "print_sizes",
                    ("stated_width_cm", "stated_height_cm"),
                    ("stated_width_in", "stated_height_in"),
                ]
            },
        ),
        (
            _("Shoot date"),
            {
                "fields": [
                    "date_text",
                    "date_edtf",
                    ("date_start", "date_end"),
                    ("date_precision", "date_approximate"),
                ],
                "description": _(
                    "Type the date as supplied: the interval follows from it. "
                    "Set the EDTF date or the interval yourself only to correct it."
                ),
            },
        ),
        (_("Place"), {"fields": ["place", "place_text", ("new_place_city", "new_place_region", "new_place_country")]}),
        (
            _("Caveats & rights"),
            {
                "fields": [
                    ("caveat_editorial_only", "caveat_no_model_release", "caveat_mandatory_credit"),
                    ("caveat_imperfect_historical", "caveat_embargo"),
                    "embargo_until",
                    "restriction_text",
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_preview"]}),
        (_("Articles"), {"fields": ["articles"]}),
        (
            _("Review"),
            {"fields": ["needs_review", "problem_list", ("created", "last_changed"), "edit_base", "acknowledged"]},
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        """The browse page's word search, a place under any of its names, or a supplier's image id
        (`selectors.search.matching_term`); not Django's LIKE '%…%' over every caption."""
        term = search_term.strip()
        return (search.matching_term(queryset, term, ids_at_most=ADMIN_SEARCH_IDS) if term else queryset), False

    # --- derived, read-only ------------------------------------------------------------------
    @admin.display(description=_("created"))
    def created(self, obj):
        return times.local_datetime(obj.created_at)  # one format with the zone, as on every page

    @admin.display(description=_("last changed"))
    def last_changed(self, obj):
        return times.local_datetime(obj.updated_at)

    @admin.display(description=_("print size"))
    def print_sizes(self, obj):
        if obj is None or not obj.has_pixels:
            return gettext("Give the pixel size to see print sizes.")
        rows = []
        if obj.native_print_size:
            rows.append((gettext("at %(dpi)s dpi (native)") % {"dpi": obj.dpi}, size_line(obj.native_print_size)))
        else:
            rows.append((gettext("native"), gettext("no dpi stated")))
        if obj.dpi != dimensions.DEFAULT_TARGET_DPI:  # else the native row already says it
            rows.append((gettext("at 300 dpi"), size_line(obj.print_size_300)))
        rows.append(
            (
                gettext("pixels"),
                gettext("%(mp)s megapixels, %(orientation)s, %(ratio)s")
                % {
                    "mp": one_decimal(obj.megapixels),
                    "orientation": gettext(obj.orientation),
                    "ratio": obj.aspect_ratio,
                },
            )
        )
        return format_html(
            '<table class="print-sizes">{}</table>', format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
        )

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        if obj is None or not obj.preview:
            return gettext("No image yet: choose an image file above.")
        return format_html('<img src="{}" alt="" style="max-width:480px;max-height:360px">', obj.preview.url)

    @admin.display(description=_("problems"))
    def problem_list(self, obj):
        if obj is None or not obj.problems:
            return gettext("none")
        return format_html_join(", ", "{}", ((PROBLEM_LABELS.get(code, code),) for code in obj.problems))

    @admin.display(description=_("image"))
    def thumbnail_tag(self, obj):
        if not obj.thumbnail:
            return "—"
        return format_html('<img src="{}" alt="" width="64" loading="lazy">', obj.thumbnail.url)

    @admin.display(description=_("review"), ordering="-needs_review")
    def review_flag(self, obj):
        # Words, not a green tick: a tick beside "needs review" reads as "all good".
        if not obj.needs_review:
            return ""
        return format_html(
            '<span class="needs-review" title="{}">{}</span>',
            ", ".join(str(PROBLEM_LABELS.get(c, c)) for c in obj.problems or []),
            gettext("needs review"),
        )

    @admin.display(description=_("caption"), ordering="caption")
    def caption_start(self, obj):
        text = obj.headline or obj.caption or gettext("(no caption)")
        return text if len(text) <= 70 else text[:69] + "…"

    @admin.display(description=_("pixels"))
    def pixel_size(self, obj):
        return f"{obj.width_px}\u00a0×\u00a0{obj.height_px}" if obj.has_pixels else "—"

    @admin.display(description=_("at 300 dpi (cm)"))
    def print_300(self, obj):
        size = obj.print_size_300
        return f"{one_decimal(size.width_cm)}\u00a0×\u00a0{one_decimal(size.height_cm)}" if size else "—"

    @admin.display(description=_("place"), ordering="place__city")
    def place_short(self, obj):
        if obj.place is None:
            return obj.place_text or "—"
        return ", ".join(p for p in (obj.place.city or obj.place.sublocation, obj.place.country_code) if p) or "—"

    @admin.display(description=_("caveats"))
    def caveat_tags(self, obj):
        return (
            format_html_join(
                ", ", '<span title="{}">{}</span>', ((CAVEAT_LABELS[t], CAVEAT_SHORT_LABELS[t]) for t in obj.caveats)
            )
            or "—"
        )

    # --- saving ------------------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        for note in photo_services.save_edit(photo=obj, user=request.user, **form.edit_inputs()):
            messages.info(request, note)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The problems banner names the fields that carry each problem (the validator's checks).
        photo = self.get_object(request, object_id)
        rows = []
        for code in (photo.problems if photo else []) or []:
            fields = [str(Photo._meta.get_field(name).verbose_name) for name in validation.problem_fields(photo, code)]
            rows.append((code, PROBLEM_LABELS.get(code, code), ", ".join(fields)))
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "problem_rows": rows})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            # Files an upload stored are removed again if anything after them fails (the
            # admin's transaction then rolls back the record too): no orphan files.
            with image_services.files_kept_only_on_success():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except records.EditConflict:
            # Saved by someone else between this form's check and its save: nothing was written.
            messages.error(
                request,
                gettext(
                    "Someone saved this photo at the same moment; nothing of yours was saved. "
                    "Here is the current version: make your change again."
                ),
            )
            return redirect(reverse("admin:captions_photo_change", args=[object_id]))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting would bypass the edit-conflict check; old versions are for reading.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    # --- the paste page (captions.editorial.paste) ----------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view(functools.partial(paste.paste_view, model_admin=self))
        many = self.admin_site.admin_view(functools.partial(image_uploads.upload_many_view, model_admin=self))
        one = self.admin_site.admin_view(functools.partial(image_uploads.upload_one_view, model_admin=self))
        return [
            path("paste/", view, name="captions_photo_paste"),
            path("upload/", many, name="captions_photo_upload"),
            path("upload/one/", one, name="captions_photo_upload_one"),
            *super().get_urls(),
        ]
