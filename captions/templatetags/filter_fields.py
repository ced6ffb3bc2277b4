"""One browse filter field (label, input or menu, its error) built in Python:
`{% filter_field form.q placeholder=… %}`, the markup `captions/_filter_field.html` gave.

Twelve includes of that template a page cost ~1.5 ms of the browse page's Python (a context
push each, ~25 variable lookups, a `stringformat` pair per menu option); the same HTML byte for
byte here (tests/test_filter_fields.py renders every field, valid and not, EN and DE, against
the template it replaced, kept in tests/data/reference_templates/).
"""

from __future__ import annotations

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def filter_field(field, placeholder="", checkbox=False, text=False) -> SafeString:
    """`field`: a BoundField. `checkbox`: a tick box; `text`: a text input even for a field
    with choices (an article number, not a menu of every article)."""
    errors = field.errors
    field_id = escape(field.auto_id)
    name = escape(field.html_name)
    label = conditional_escape(field.label)
    invalid = f' aria-invalid="true" aria-describedby="{field_id}_error"' if errors else ""
    value = field.value()
    if checkbox:
        ticked = " checked" if value else ""
        control = (
            f'<input type="checkbox" name="{name}" id="{field_id}" value="1"{ticked}{invalid}>\n'
            f'  <label for="{field_id}">{label}</label>\n  '
        )
    else:
        control = f'<label for="{field_id}">{label}</label>\n  '
        choices = None if text else getattr(field.field, "choices", None)
        if choices:
            current = "%s" % (value,)  # noqa: UP031 (the template's stringformat:"s")
            options = '<option value="">—</option>' if field.name != "sort" else ""
            for choice, choice_label in choices:
                if choice != "":
                    selected = " selected" if current == "%s" % (choice,) else ""  # noqa: UP031
                    shown = conditional_escape(choice_label)
                    options += f'<option value="{conditional_escape(choice)}"{selected}>{shown}</option>'
            control += f'<select name="{name}" id="{field_id}"{invalid}>{options}</select>\n  '
        else:
            shown = "" if value is None else conditional_escape(localize(value))
            hint = f' placeholder="{conditional_escape(placeholder)}"' if placeholder else ""
            control += f'<input type="text" name="{name}" id="{field_id}" value="{shown}"{hint}{invalid}>'
        control += "\n  "
    message = ""
    if errors:
        message = (
            f'<p class="field-error" id="{field_id}_error" role="alert">'
            f"{' '.join(str(conditional_escape(error)) for error in errors)}</p>"
        )
    return mark_safe(  # every value escaped above
        f'<div class="field{" has-error" if errors else ""}{" check" if checkbox else ""}">\n'
        f"  {control}\n  {message}\n</div>\n"
    )
