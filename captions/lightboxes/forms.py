"""The forms the lightbox pages post. Each error has a code and says what to do."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from captions.models import Lightbox, LightboxItem
from captions.selectors import lightboxes as lightbox_selectors


class LightboxNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=Lightbox._meta.get_field("name").max_length, strip=True, required=True
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Give the lightbox a name, such as the story it is for."), code="required")
        return name


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=LightboxItem._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ShareForm(forms.Form):
    """Share with a group (by name) or a person (by username), to read or to edit."""

    group = forms.CharField(label=_("Group"), required=False, max_length=150)
    user = forms.CharField(label=_("Person (username)"), required=False, max_length=150)
    can_edit = forms.TypedChoiceField(
        label=_("They may"),
        choices=[("0", _("look (read only)")), ("1", _("add, remove, reorder and write notes"))],
        coerce=lambda value: value == "1",
        empty_value=False,
        required=False,
    )

    def clean_group(self):
        name = self.cleaned_data["group"].strip()
        if not name:
            return None
        group = lightbox_selectors.group_named(name)
        if group is None:
            raise ValidationError(
                _("There is no group “%(name)s”. The groups are %(known)s."),
                code="unknown_group",
                params={"name": name, "known": ", ".join(lightbox_selectors.group_names())},
            )
        return group

    def clean_user(self):
        name = self.cleaned_data["user"].strip()
        if not name:
            return None
        user = lightbox_selectors.person_named(name)
        if user is None:
            raise ValidationError(
                _("No one signs in as “%(name)s”: check the spelling of the username."),
                code="unknown_user",
                params={"name": name},
            )
        return user

    def clean(self):
        cleaned = super().clean()
        if not self.errors and (cleaned.get("group") is None) == (cleaned.get("user") is None):
            raise ValidationError(_("Name either a group or a person, not both and not neither."), code="group_or_user")
        return cleaned
