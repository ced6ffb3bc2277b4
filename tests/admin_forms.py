"""Test helpers for the admin: the data a browser would post back from a rendered form."""

import io

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from PIL import Image


def form_data(response) -> dict:
    """The values a browser would submit from the admin change form in `response`, unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
        if isinstance(field, forms.FileField):
            continue
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)  # bound: already split
            for index, part in enumerate(parts):
                data[f"{name}_{index}"] = widget.widgets[index].format_value(part) or ""
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[name] = [str(getattr(v, "pk", v)) for v in value or []]
        else:
            formatted = widget.format_value(value) if value is not None else ""
            if isinstance(formatted, list):  # a single Select formats its value as a list
                formatted = formatted[0] if formatted else ""
            data[name] = "" if formatted is None else str(formatted)
    data["_save"] = "Save"
    return data


def image_file(fmt="JPEG", size=(64, 48), color="steelblue", mode="RGB", **save_args) -> bytes:
    """An image made in memory with Pillow, as the bytes of a file."""
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, fmt, **save_args)
    return out.getvalue()
