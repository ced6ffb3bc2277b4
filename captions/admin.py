"""The editor workflow in Django's admin. The classes configure; the rules are in
`captions.validation`, the writes in `captions.editing` and `captions.services`."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import update_change_reason

from captions import dimensions, editing, services, validation
from captions.forms import PasteCaptionForm, PhotoAdminForm
from captions.models import CAVEAT_LABELS, CAVEAT_TAGS, PROBLEM_LABELS, Article, DatePrecision, Photo, Place
from captions.roles import EDITORS

# Three models need no navigation sidebar; the change list needs the width for its columns.
admin.site.enable_nav_sidebar = False


def is_editor(user) -> bool:
    """Editors (and superusers) write; everyone else at most reads. Cached on the user."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_captions_is_editor"):
        user._captions_is_editor = user.groups.filter(name=EDITORS).exists()
    return user._captions_is_editor


class EditorsWriteMixin:
    """Only Editors reach the write views: a staff user outside the group gets 403 there,
    whatever single permissions they hold."""

    def has_add_permission(self, request, *args):
        return is_editor(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_delete_permission(request, obj)


def one_decimal(value: float) -> str:
    """One decimal, rounded half-up, with the active language's separator (31.8 / 31,8)."""
    return formats.number_format(dimensions.round_half_up(value, 1), 1)


def size_line(size: dimensions.PrintSize) -> str:
    return gettext("%(wcm)s × %(hcm)s cm · %(win)s × %(hin)s in") % {
        "wcm": one_decimal(size.width_cm),
        "hcm": one_decimal(size.height_cm),
        "win": one_decimal(size.width_in),
        "hin": one_decimal(size.height_in),
    }


# The change list's caveat column: short words, the full label in the tooltip.
CAVEAT_SHORT = {
    "editorial_only": _("editorial only"),
    "embargo": _("embargo"),
    "imperfect_historical": _("imperfect historical"),
    "mandatory_credit": _("mandatory credit"),
    "no_model_release": _("no model release"),
}


# --- list filters (each reads small tables or fixed values, never a scan of the photos) -------


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        rows = (
            Place.objects.exclude(country_code="").order_by("country").values_list("country_code", "country").distinct()
        )
        return [(code, f"{name or code} ({code})") for code, name in rows]

    def queryset(self, request, queryset):
        return queryset.filter(place__country_code=self.value()) if self.value() else queryset


class DecadeFilter(admin.SimpleListFilter):
    title = _("decade taken")
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        this_decade = timezone.localdate().year // 10 * 10
        return [(str(d), gettext("%(decade)ss") % {"decade": d}) for d in range(this_decade, 1890, -10)]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        decade = int(self.value())
        # Intervals overlapping the decade: a "circa 1945" photo is in the 1940s.
        return queryset.filter(date_start__lte=dt.date(decade + 9, 12, 31), date_end__gte=dt.date(decade, 1, 1))


class CaveatFilter(admin.SimpleListFilter):
    title = _("caveat")
    parameter_name = "caveat"

    def lookups(self, request, model_admin):
        return [(tag, CAVEAT_LABELS[tag]) for tag in CAVEAT_TAGS]

    def queryset(self, request, queryset):
        return queryset.with_caveat(self.value()) if self.value() in CAVEAT_TAGS else queryset


class SupplierFilter(admin.SimpleListFilter):
    """Suppliers are a handful of agencies; listing them takes a DISTINCT over every photo,
    so the list is cached for a few minutes instead of read on each page."""

    title = _("supplier")
    parameter_name = "supplier"
    CACHE_KEY, CACHE_SECONDS = "captions:admin:suppliers", 300

    def lookups(self, request, model_admin):
        suppliers = cache.get_or_set(
            self.CACHE_KEY,
            lambda: list(
                Photo.objects.exclude(supplier="").order_by("supplier").values_list("supplier", flat=True).distinct()
            ),
            self.CACHE_SECONDS,
        )
        if self.value() and self.value() not in suppliers:  # new since the list was cached: still filter by it
            suppliers = sorted([*suppliers, self.value()])
        return [(name, name) for name in suppliers]

    def queryset(self, request, queryset):
        return queryset.filter(supplier=self.value()) if self.value() else queryset


class HasImageFilter(admin.SimpleListFilter):
    title = _("image file")
    parameter_name = "has_image"

    def lookups(self, request, model_admin):
        return [("yes", _("has an image")), ("no", _("no image yet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(image="")
        if self.value() == "no":
            return queryset.filter(image="")
        return queryset


class PhotoActionForm(ActionForm):
    """The inputs the bulk actions need, next to the action menu."""

    place = forms.ModelChoiceField(
        Place.objects.all(),
        required=False,
        label=_("Place"),
        widget=AutocompleteSelect(Photo._meta.get_field("place"), admin.site),
    )
    caveat = forms.ChoiceField(
        choices=[("", _("— caveat —"))] + [(t, CAVEAT_LABELS[t]) for t in CAVEAT_TAGS],
        required=False,
        label=_("Caveat"),
    )
    article = forms.ModelChoiceField(
        Article.objects.all(),
        required=False,
        label=_("Article"),
        widget=AutocompleteSelect(Photo._meta.get_field("articles"), admin.site),
    )


@admin.register(Place)
class PlaceAdmin(EditorsWriteMixin, admin.ModelAdmin):
    list_display = ["sublocation", "city", "region", "country", "country_code"]
    list_filter = ["country_code"]
    search_fields = ["sublocation", "city", "region", "country", "search_names"]

    def save_model(self, request, obj, form, change):
        obj.search_names = services.place_search_text(
            sublocation=obj.sublocation, city=obj.city, region=obj.region, country_code=obj.country_code
        )
        super().save_model(request, obj, form, change)


@admin.register(Article)
class ArticleAdmin(EditorsWriteMixin, SimpleHistoryAdmin):
    list_display = ["headline", "publication", "published_date", "language"]
    list_filter = ["publication", "language"]
    search_fields = ["headline", "publication", "url", "summary"]
    date_hierarchy = "published_date"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a pasted "www.…" becomes https


@admin.register(Photo)
class PhotoAdmin(EditorsWriteMixin, SimpleHistoryAdmin):
    form = PhotoAdminForm
    action_form = PhotoActionForm
    actions = ["set_place", "add_caveat", "remove_caveat", "mark_reviewed", "link_article"]
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
    search_fields = ["caption", "credit", "source_id", "place__search_names"]  # see get_search_results
    search_help_text = _("Words in the caption or credit, a supplier's image id, or a place in any language.")
    autocomplete_fields = ["place", "articles"]
    readonly_fields = ["print_sizes", "image_preview", "problem_list", "created_at", "updated_at"]
    fieldsets = [
        (
            _("Caption & credit"),
            {
                "fields": [
                    "caption",
                    "headline",
                    "language",
                    "credit",
                    "creator",
                    "copyright_notice",
                    "keywords",
                    ("supplier", "source_id"),
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
            {"fields": ["needs_review", "problem_list", ("created_at", "updated_at"), "edit_base", "acknowledged"]},
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        """The browse page's word search (full text on PostgreSQL, with its GIN index), a place
        under any of its names, or a supplier's image id; not Django's LIKE '%…%' over every
        caption, which reads the whole table on each search."""
        from captions import search
        from captions.filters import place_ids_matching

        term = search_term.strip()
        if not term:
            return queryset, False
        # As a subquery: PostgreSQL then probes a hash of the GIN index's matches while it walks
        # the list's order, instead of computing every row's tsvector on the way (170 ms for a
        # common word at 200,000 photos, seconds for a rare one).
        matches = Q(pk__in=search.filter_words(Photo.objects.order_by(), term).values("pk"))
        place_ids = [row["pk"] for row in place_ids_matching(term)]
        if place_ids:
            matches |= Q(place_id__in=place_ids)
        if " " not in term and any(ch.isdigit() for ch in term):  # looks like an image id
            matches |= Q(source_id=term)
        return queryset.filter(matches), False

    # --- derived, read-only ------------------------------------------------------------------
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
            return gettext("No image yet: choose a JPEG, PNG, TIFF or WebP file above.")
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
                ", ", '<span title="{}">{}</span>', ((CAVEAT_LABELS[t], CAVEAT_SHORT.get(t, t)) for t in obj.caveats)
            )
            or "—"
        )

    # --- saving ------------------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        notes = []
        new_place = self._new_place(form)
        if new_place is not None:
            obj.place = new_place
        if "image" in form.changed_data and form.cleaned_data.get("image") is False:  # "Clear" ticked
            editing.detach_image(photo=obj)
        if form.checked_upload is not None:
            notes = editing.attach_image(
                photo=obj, upload=form.cleaned_data["image"], checked=form.checked_upload, made=form.renditions
            )
        reviewed = "needs_review" in form.changed_data and not form.cleaned_data.get("needs_review")
        flagged = "needs_review" in form.changed_data and form.cleaned_data.get("needs_review")
        editing.review_state(
            obj,
            previous_problems=form.previous_problems,
            changed_fields=form.changed_data,
            reviewed=reviewed,
            flagged=flagged,
        )
        obj._history_user = request.user
        editing.save_edited_photo(photo=obj, base_version=form.base_version if change else None)
        for note in notes:
            messages.info(request, note)

    def _new_place(self, form):
        data = form.cleaned_data
        if not form.new_place_country:
            return None
        return services.get_or_create_place(
            city=data.get("new_place_city"),
            region=data.get("new_place_region"),
            country=form.new_place_country.name,
            country_code=form.new_place_country.code,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The problems banner names the fields each problem is about.
        photo = self.get_object(request, object_id)
        rows = []
        for code in (photo.problems if photo else []) or []:
            fields = [str(Photo._meta.get_field(name).verbose_name) for name in validation.PROBLEM_FIELDS.get(code, ())]
            rows.append((code, PROBLEM_LABELS.get(code, code), ", ".join(fields)))
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "problem_rows": rows})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except editing.EditConflict:
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

    # --- bulk actions -------------------------------------------------------------------------
    def _report(self, request, outcome, done: str):
        self.message_user(
            request,
            ngettext("%(n)d photo: %(done)s.", "%(n)d photos: %(done)s.", outcome.changed)
            % {"n": outcome.changed, "done": done},
            messages.SUCCESS,
        )
        for photo, reason in outcome.refused[:20]:
            self.message_user(
                request,
                gettext("Photo #%(pk)s was left unchanged: %(reason)s") % {"pk": photo.pk, "reason": reason},
                messages.WARNING,
            )

    def _action_input(self, request, name: str, message: str):
        form = self.action_form(request.POST)
        form.fields["action"].choices = self.get_action_choices(request)
        value = form.cleaned_data.get(name) if form.is_valid() else None
        if not value:
            self.message_user(request, message, messages.ERROR)
        return value

    @admin.action(description=_("Set the place of the selected photos"), permissions=["change"])
    def set_place(self, request, queryset):
        place = self._action_input(request, "place", gettext("Choose the place in the “Place” box next to the action."))
        if place:
            self._report(
                request,
                editing.bulk_set_place(photos=queryset, place=place, user=request.user),
                gettext("place set to %(place)s") % {"place": place.label},
            )

    @admin.action(description=_("Add a caveat to the selected photos"), permissions=["change"])
    def add_caveat(self, request, queryset):
        tag = self._action_input(
            request, "caveat", gettext("Choose the caveat in the “Caveat” box next to the action.")
        )
        if tag:
            self._report(
                request,
                editing.bulk_set_caveat(photos=queryset, tag=tag, value=True, user=request.user),
                gettext("caveat “%(tag)s” added") % {"tag": CAVEAT_LABELS[tag]},
            )

    @admin.action(description=_("Remove a caveat from the selected photos"), permissions=["change"])
    def remove_caveat(self, request, queryset):
        tag = self._action_input(
            request, "caveat", gettext("Choose the caveat in the “Caveat” box next to the action.")
        )
        if tag:
            self._report(
                request,
                editing.bulk_set_caveat(photos=queryset, tag=tag, value=False, user=request.user),
                gettext("caveat “%(tag)s” removed") % {"tag": CAVEAT_LABELS[tag]},
            )

    @admin.action(description=_("Mark the selected photos reviewed"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self._report(
            request, editing.bulk_mark_reviewed(photos=queryset, user=request.user), gettext("marked reviewed")
        )

    @admin.action(description=_("Link an article to the selected photos"), permissions=["change"])
    def link_article(self, request, queryset):
        article = self._action_input(
            request, "article", gettext("Choose the article in the “Article” box next to the action.")
        )
        if article:
            self._report(
                request,
                editing.bulk_link_article(photos=queryset, article=article, user=request.user),
                gettext("linked to “%(headline)s”") % {"headline": article.headline},
            )

    # --- paste caption block ------------------------------------------------------------------
    def get_urls(self):
        paste = path("paste/", self.admin_site.admin_view(self.paste_view), name="captions_photo_paste")
        return [paste, *super().get_urls()]

    def paste_view(self, request):
        from captions import caption_parser

        if not (self.has_add_permission(request) and request.user.has_perm("captions.import_captions")):
            raise PermissionDenied
        form = PasteCaptionForm(request.POST or None, request.FILES or None)
        blocks = []
        if request.method == "POST" and form.is_valid():
            blocks = caption_parser.parse_blocks(form.cleaned_data["text"])
            if not blocks:
                form.add_error(
                    "text", forms.ValidationError(gettext("No caption block was found in this text."), code="no_blocks")
                )
            elif "save" in request.POST:
                return self._save_pasted(request, blocks)
        return self._paste_page(request, form, blocks)

    def _paste_page(self, request, form, blocks, text=None):
        shown = blocks[:PASTE_PREVIEW_LIMIT]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Paste caption block"),
            "form": form,
            "previews": [paste_preview(block) for block in shown],
            "block_count": len(blocks),
            "not_previewed": len(blocks) - len(shown),
            "text": text
            if text is not None
            else (form.cleaned_data.get("text", "") if form.is_bound and form.is_valid() else ""),
        }
        return TemplateResponse(request, "admin/captions/photo/paste.html", context)

    def _save_pasted(self, request, blocks):
        """Each block in its own transaction: a block that cannot be saved is reported and
        handed back in the form, and the others are saved."""
        outcomes, failed = [], []
        for number, block in enumerate(blocks, start=1):
            try:
                with transaction.atomic():
                    outcome = services.save_parsed_caption(parsed=block)
                    if outcome.changed:
                        update_change_reason(outcome.photo, gettext("Pasted caption block"))
            except (ValidationError, DatabaseError) as exc:
                reason = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc).splitlines()[0]
                failed.append(block)
                self.message_user(
                    request,
                    gettext("Block %(n)d was not saved: %(reason)s") % {"n": number, "reason": reason},
                    messages.ERROR,
                )
                continue
            outcomes.append(outcome)
        created = sum(o.created for o in outcomes)
        updated = sum(o.changed and not o.created for o in outcomes)
        unchanged = len(outcomes) - created - updated
        if outcomes:
            self.message_user(
                request,
                gettext("Saved: %(c)d created, %(u)d updated, %(n)d already up to date.")
                % {"c": created, "u": updated, "n": unchanged},
                messages.SUCCESS,
            )
        if failed:  # nothing the editor pasted is lost: the blocks not saved come back to fix
            text = "\n---\n".join(block.raw_text.strip() for block in failed)
            return self._paste_page(request, PasteCaptionForm(), failed, text=text)
        if len(outcomes) == 1:
            return redirect(reverse("admin:captions_photo_change", args=[outcomes[0].photo.pk]))
        changelist = reverse("admin:captions_photo_changelist")
        if len(outcomes) > PASTE_PREVIEW_LIMIT:
            return redirect(changelist)  # newest first: the pasted photos lead the list
        ids = ",".join(str(o.photo.pk) for o in outcomes)
        return redirect(changelist + f"?id__in={ids}")


# A paste of thousands of blocks is saved whole, but previewed (one lookup per block) only
# this far.
PASTE_PREVIEW_LIMIT = 100

# Where each problem is shown in the preview: next to the row it is about.
PREVIEW_PROBLEM_ROW = {
    "truncated_text": "caption",
    "missing_dimensions": "pixels",
    "missing_dpi": "dpi",
    "print_size_mismatch": "stated",
    "invalid_date": "date",
    "future_date": "date",
    "unknown_country": "place",
}


def paste_preview(parsed) -> dict:
    """One parsed block as rows of (label, value, problems beside it) for the preview page."""
    problems: dict[str, list[str]] = {}
    for code in sorted(parsed.problems):
        detail = str(parsed.problem_details.get(code) or PROBLEM_LABELS.get(code, code))
        key = PREVIEW_PROBLEM_ROW.get(code, "caption")
        if code == "truncated_text" and parsed.restriction_text and parsed.restriction_text.strip()[-12:] in detail:
            key = "restrictions"  # the cut-off is in a notice, not in the caption
        problems.setdefault(key, []).append(detail)
    sizes = []
    if parsed.width_px and parsed.height_px:
        if parsed.dpi and dimensions.MIN_DPI <= parsed.dpi <= dimensions.MAX_DPI:
            native = dimensions.print_size(parsed.width_px, parsed.height_px, parsed.dpi)
            sizes.append(gettext("at %(dpi)s dpi: %(size)s") % {"dpi": parsed.dpi, "size": size_line(native)})
        if parsed.dpi != dimensions.DEFAULT_TARGET_DPI:  # else the native line already says it
            at_300 = dimensions.print_size(parsed.width_px, parsed.height_px, dimensions.DEFAULT_TARGET_DPI)
            sizes.append(gettext("at 300 dpi: %(size)s") % {"size": size_line(at_300)})
    stated = ", ".join(f"{s.width or '?'} × {s.height or '?'} {s.unit}" for s in parsed.stated_sizes)
    if parsed.date_start:
        interval = (
            parsed.date_start.isoformat()
            if parsed.date_start == parsed.date_end
            else f"{parsed.date_start.isoformat()} – {parsed.date_end.isoformat()}"
        )
        precision = dict(DatePrecision.choices).get(parsed.date_precision, parsed.date_precision)
        interval += f" ({precision}{', ' + gettext('approximate') if parsed.approximate else ''})"
    else:
        interval = ""
    place = ", ".join(p for p in (parsed.sublocation, parsed.city, parsed.region, parsed.country) if p)
    if parsed.country_code:
        place += f" ({parsed.country_code})"
    existing = services.find_existing_photo(
        supplier=parsed.supplier or "", source_id=parsed.source_id or "", fingerprint=parsed.fingerprint
    )
    rows = [
        ("caption", gettext("Caption"), parsed.caption),
        ("headline", gettext("Headline"), parsed.headline),
        ("pixels", gettext("Pixels"), f"{parsed.width_px} × {parsed.height_px} px" if parsed.width_px else ""),
        ("dpi", gettext("dpi"), parsed.dpi or ""),
        ("sizes", gettext("Print size (derived)"), " · ".join(sizes)),
        ("stated", gettext("Print size as stated"), stated),
        ("date", gettext("Shoot date"), " → ".join(p for p in (parsed.date_text or "", interval) if p)),
        ("place", gettext("Place"), place or parsed.place_text or ""),
        ("caveats", gettext("Caveats"), ", ".join(str(CAVEAT_LABELS.get(c, c)) for c in sorted(parsed.caveats))),
        ("restrictions", gettext("Restrictions (verbatim)"), parsed.restriction_text),
        ("embargo", gettext("Embargoed until"), parsed.embargo_until.isoformat() if parsed.embargo_until else ""),
        ("credit", gettext("Credit"), parsed.credit),
        ("supplier", gettext("Supplier and image id"), " ".join(p for p in (parsed.supplier, parsed.source_id) if p)),
        ("language", gettext("Language"), parsed.language),
    ]
    return {
        "rows": [
            {"key": key, "label": label, "value": value or "", "problems": problems.get(key, [])}
            for key, label, value in rows
        ],
        "problem_count": len(parsed.problems),
        "existing": existing,
    }
