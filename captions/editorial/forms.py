"""Forms of the editor workflow. The rules live in `captions.validation` (one implementation,
also behind `Photo.clean()`); the forms only collect input, call them and put each message
beside the field it is about."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.admin.widgets import AdminFileWidget, AdminSplitDateTime, RelatedFieldWidgetWrapper
from django.core.files.uploadedfile import UploadedFile
from django.forms.boundfield import BoundField
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from captions import times, validation
from captions.core import dates, places
from captions.editorial import conflicts
from captions.images import uploads
from captions.models import Photo
from captions.selectors.photos import find_duplicate

DATE_FIELDS = ("date_edtf", "date_start", "date_end", "date_precision", "date_approximate")


class ShownValueBoundField(BoundField):
    """Renders the value the form chose to show (`form.shown_data`) instead of the submitted one
    where they differ: after an edit conflict, a colleague's values in the fields this editor had
    not touched, a new edit base, an acknowledged warning. `form.data` stays what was sent."""

    def value(self):
        shown = self.form.shown_data
        if shown is None:
            return super().value()
        data = self.field.widget.value_from_datadict(shown, self.form.files, self.html_name)
        return self.field.prepare_value(self.field.bound_data(data, self.initial))


class EdgeSafeSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, for a stored moment the archive's time zone cannot
    show (an embargo saved before 4fcbed0 at the calendar's edge: 9999-12-31 23:59 UTC is year
    10000 in Berlin). Django's widget converts to the zone and raised OverflowError, a server
    error on the change form and on its save; this one shows such a value in UTC and says so.
    `PhotoAdminForm.clean_embargo_until` keeps it as stored while the inputs are left alone."""

    def decompress(self, value):
        if isinstance(value, dt.datetime) and not times.shows_in_archive_zone(value):
            utc = value.astimezone(dt.UTC)
            return [utc.date(), utc.time()]
        return super().decompress(value)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if isinstance(value, dt.datetime) and not times.shows_in_archive_zone(value):
            note = gettext(
                "Shown in UTC: %(value)s UTC lies beyond what the archive's time zone can show. "
                "It is kept as it is unless you change it."
            ) % {"value": value.astimezone(dt.UTC).isoformat(" ", "minutes").removesuffix("+00:00")}
            html += format_html('<p class="help edge-value">{}</p>', note)
        return html


class PhotoAdminForm(forms.ModelForm):
    bound_field_class = ShownValueBoundField

    stated_width_cm = forms.CharField(label=_("stated width (cm)"), required=False, max_length=20)
    stated_height_cm = forms.CharField(label=_("stated height (cm)"), required=False, max_length=20)
    stated_width_in = forms.CharField(label=_("stated width (in)"), required=False, max_length=20)
    stated_height_in = forms.CharField(
        label=_("stated height (in)"),
        required=False,
        max_length=20,
        help_text=_("Optional: a print size the source states, checked against pixels and dpi, then discarded."),
    )
    new_place_city = forms.CharField(label=_("or a new place: city"), required=False, max_length=200)
    new_place_region = forms.CharField(label=_("region"), required=False, max_length=200)
    new_place_country = forms.CharField(
        label=_("country"),
        required=False,
        max_length=100,
        help_text=_("In English, German, French or Spanish, or its code: Russland, RU, RUS."),
    )
    # A plain file field: the checks are ours (images.uploads.check_upload), so Django's ImageField does
    # not decode the whole file before the size, pixel-count and format checks have run.
    image = forms.FileField(
        label=_("image file"),
        required=False,
        widget=AdminFileWidget,
        help_text=_(
            "JPEG, PNG, TIFF, WebP, AVIF, HEIC or a camera raw file. Pixel size, dpi and empty fields are read from it."
        ),
    )
    dpi = forms.IntegerField(label=_("dpi"), required=False, help_text=_("From 1 to 10,000; 300 is usual for print."))
    edit_base = forms.CharField(widget=forms.HiddenInput, required=False)
    acknowledged = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Photo
        fields = "__all__"  # noqa: DJ007  (the admin's fieldsets choose which are shown)
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 5, "class": "vLargeTextField"}),
            "restriction_text": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
            "keywords": forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
            "embargo_until": EdgeSafeSplitDateTime,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_problems = list(self.instance.problems or [])
        self.prepared = None  # captions.images.files.Prepared: the checked, read and rendered upload
        self.new_place_country = None
        self.conflict = None
        self.base_version = None
        self.shown_data = None  # what the re-rendered form shows, when it differs from what was sent
        if self.instance.pk and not self.is_bound:
            self.initial["edit_base"] = conflicts.edit_base_token(self.instance)
        self.unreadable_ids = self._without_unreadable_ids()

    def _without_unreadable_ids(self) -> dict[str, str]:
        """A place or article id that no row can have ('abc', '99999999999999999999': a hand-made
        request) is taken out of the data before Django's fields and the autocomplete widgets
        query with it, which raised ValueError or OverflowError (a server error on saving, and
        on showing the form again); `clean` says which value was wrong, beside its field."""
        if not self.is_bound:
            return {}
        unreadable, data = {}, None
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
                continue
            key = self.add_prefix(name)
            values = self.data.getlist(key) if hasattr(self.data, "getlist") else [self.data.get(key)]
            wrong = [value for value in values if value not in (None, "") and validation.row_id(value) is None]
            if wrong:
                data = data if data is not None else self.data.copy()
                data.setlist(key, [value for value in values if value not in wrong])
                unreadable[name] = wrong[0]
        if data is not None:
            self.data = data
        return unreadable

    def edit_inputs(self) -> dict:
        """What `services.photos.save_edit` needs beyond the model fields the form sets."""
        # the edit-base token is the form's bookkeeping, not a change to the record
        data, changed = self.cleaned_data, [name for name in self.changed_data if name != "edit_base"]
        new_place = None
        if self.new_place_country:
            new_place = {
                "city": data.get("new_place_city"),
                "region": data.get("new_place_region"),
                "country": self.new_place_country.name,
                "country_code": self.new_place_country.code,
            }
        return {
            "base_version": self.base_version if self.instance.pk else None,
            "changed_fields": changed,
            "previous_problems": self.previous_problems,
            "reviewed": "needs_review" in changed and not data.get("needs_review"),
            "flagged": "needs_review" in changed and bool(data.get("needs_review")),
            "new_place": new_place,
            "clear_image": "image" in changed and data.get("image") is False,  # "Clear" ticked
            "prepared": self.prepared,
        }

    # --- one field each --------------------------------------------------------------------
    def clean_dpi(self):
        dpi = self.cleaned_data.get("dpi")
        error = validation.dpi_error(dpi)
        if error:
            raise error
        return dpi

    def clean_embargo_until(self):
        value = self.cleaned_data.get("embargo_until")
        stored = self.initial.get("embargo_until")
        edge = isinstance(stored, dt.datetime) and not times.shows_in_archive_zone(stored)
        if edge and not self["embargo_until"]._has_changed():
            return stored  # shown in UTC and left alone: kept to the minute, not read as local time
        if value is not None and not times.shows_in_archive_zone(value):
            raise forms.ValidationError(
                _("%(value)s is beyond the calendar the archive can store: give a moment between years 1 and 9999."),
                code="embargo_out_of_range",
                params={"value": times.local_datetime(value)},
            )
        return value

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not isinstance(upload, UploadedFile):
            return upload
        identified = uploads.identify_upload(upload)
        duplicate = find_duplicate(content_hash=identified.content_hash, exclude_pk=self.instance.pk)
        if duplicate is not None:
            url = reverse("admin:captions_photo_change", args=[duplicate.pk])
            raise forms.ValidationError(
                format_html(
                    gettext(
                        'This very file is already in the archive as <a href="{}">photo #{} “{}”</a>: '
                        "open that record instead of making a second one."
                    ),
                    url,
                    duplicate.pk,
                    str(duplicate),
                ),
                code="duplicate_image",
            )
        self.prepared = uploads.prepare_upload(identified, language=self.data.get("language") or "")
        return upload

    def clean_new_place_country(self):
        text = self.cleaned_data.get("new_place_country", "").strip()
        error = validation.country_name_error(text)
        if error:
            raise error
        if text:
            self.new_place_country = places.find_country(text)
        return text

    # --- across fields ---------------------------------------------------------------------
    def clean(self):
        cleaned = super().clean()
        for name, value in self.unreadable_ids.items():
            self.add_error(
                name,
                forms.ValidationError(
                    _("“%(value)s” is not the number of any %(kind)s: choose one from the list."),
                    code="invalid_choice",
                    params={"value": value[:40], "kind": self.fields[name].queryset.model._meta.verbose_name},
                ),
            )
        self._check_edit_base(cleaned)
        self._derive_interval(cleaned)
        pixels = {"width_px": cleaned.get("width_px"), "height_px": cleaned.get("height_px"), "dpi": cleaned.get("dpi")}
        stated = {name: cleaned.get(name, "") for name in validation.STATED_SIZE_FIELDS}
        for name, error in validation.stated_size_errors(*pixels.values(), stated).items():
            self.add_error(name, error)
        if (
            (cleaned.get("new_place_city") or cleaned.get("new_place_region"))
            and not cleaned.get("new_place_country")
            and "new_place_country" not in self.errors
        ):
            self.add_error(
                "new_place_country",
                forms.ValidationError(_("Say which country the new place is in."), code="country_missing"),
            )
        if not self.instance.pk:
            self._warn_once("embargo_until", validation.embargo_warning(cleaned.get("embargo_until")))
        # Problems recorded on the record excuse a save, except on fields the editor changed.
        self.instance.problems = validation.excused_problems(self.previous_problems, self.changed_data)
        return cleaned

    def _warn_once(self, field: str, warning):
        """A warning stops the first save with its message beside the field; saving again
        (the form now carries the warning's code) keeps the value."""
        if warning is None:
            return
        acknowledged = set(filter(None, (self.data.get("acknowledged") or "").split(",")))
        if warning.code in acknowledged:
            return
        self.add_error(field, warning)
        self._show("acknowledged", ",".join(sorted(acknowledged | {warning.code})))

    def _show(self, name: str, value):
        """Re-render field `name` with `value` (raw, as a browser would send it), leaving the
        submitted data as it is."""
        if self.shown_data is None:
            self.shown_data = self.data.copy()
        if isinstance(value, list):
            self.shown_data.setlist(name, value)
        elif value is None:
            self.shown_data.pop(name, None)
        else:
            self.shown_data[name] = value

    def _derive_interval(self, cleaned):
        """A changed date text sets the interval (unless the editor set the interval too);
        a changed EDTF date does the same. dates.py does the reading, as for the parser."""
        changed = set(self.changed_data)
        if "date_text" in changed and not changed & set(DATE_FIELDS):
            text = (cleaned.get("date_text") or "").strip()
            partial = dates.parse_date(text) if text else None
            if text and partial is None:
                self.add_error(
                    "date_text",
                    forms.ValidationError(
                        _(
                            "No date can be read in “%(text)s”: write it like 2 December 2025, 12.2025, circa 1945 or "
                            "1960s, or give the EDTF date below."
                        ),
                        code="unreadable_date",
                        params={"text": text},
                    ),
                )
                return
            self._set_interval(cleaned, partial)
        elif "date_edtf" in changed and not changed & {"date_start", "date_end", "date_precision"}:
            value = (cleaned.get("date_edtf") or "").strip()
            try:
                partial = dates.from_edtf(value) if value else None
            except ValueError:
                return  # validate_photo puts the reason beside the EDTF field
            self._set_interval(cleaned, partial, keep_edtf=True)

    def _set_interval(self, cleaned, partial, keep_edtf=False):
        if partial is None or partial.start is None:
            values = {"date_start": None, "date_end": None, "date_precision": "", "date_approximate": False}
            if not keep_edtf:
                values["date_edtf"] = ""
        else:
            values = {
                "date_start": partial.start,
                "date_end": partial.end,
                "date_precision": partial.precision,
                "date_approximate": partial.approximate,
            }
            if not keep_edtf:
                values["date_edtf"] = partial.edtf or ""
        cleaned.update(values)

    def _check_edit_base(self, cleaned):
        """The no-lost-update rule (`captions.editorial.conflicts`): a save based on an older
        version is refused, naming what the other editor changed; the form is then shown based
        on the current version, with their values in every field this editor had not touched."""
        if not self.instance.pk:
            return
        base = conflicts.read_edit_base(self.data.get("edit_base"))
        if base is None:
            self.add_error(None, conflicts.edit_base_missing())
            return
        self.base_version = base.get("v")
        conflict = conflicts.find_conflict(
            photo=self.instance, base=base, submitted=cleaned, changed_fields=self.changed_data
        )
        if conflict is None:
            return
        self.add_error(None, conflict.error())
        self.conflict = conflict.changes
        for name in conflict.show_current:
            if name in self.fields:
                self._show_current_value(name)
        self._show("edit_base", conflict.token)

    def _show_current_value(self, name: str):
        field = self.fields[name]
        value = self.get_initial_for_field(field, name)
        widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
        if isinstance(widget, forms.CheckboxInput):
            self._show(name, "on" if value else None)
        elif isinstance(widget, forms.MultiWidget):
            for index, part in enumerate(widget.decompress(value)):
                self._show(f"{name}_{index}", widget.widgets[index].format_value(part) or "")
        elif isinstance(field, forms.ModelMultipleChoiceField):
            self._show(name, [str(getattr(v, "pk", v)) for v in value or []])
        elif isinstance(field, forms.ModelChoiceField):
            self._show(name, "" if value is None else str(getattr(value, "pk", value)))
        elif isinstance(field, forms.FileField):
            return
        else:
            formatted = widget.format_value(field.prepare_value(value))
            self._show(name, "" if formatted is None else str(formatted))
