"""The history pages of the admin in the reader's language: the reason of each change (stored
as a code, `vocabulary.CHANGE_REASONS`), and values as an editor reads them (Yes/No, a
choice's label, a problem's label, local numbers and dates) instead of Python's reprs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext
from simple_history.template_utils import HistoricalRecordContextHelper

from captions import times
from captions.models import PROBLEM_LABELS


def readable_value(field, value):
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field.name == "problems" and isinstance(value, list):
        return [str(PROBLEM_LABELS.get(code, code)) for code in value]
    if isinstance(value, dt.datetime):
        return times.local_datetime(value)
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, (float, Decimal)):
        return formats.localize(value)
    return value


class ReadableHistory(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return readable_value(self.model._meta.get_field(change.field), value)


class ReadableHistoryMixin:
    """For a SimpleHistoryAdmin: titles and values of its history pages for people."""

    object_history_list_template = "admin/captions/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def history_view_title(self, request, obj):
        return gettext("History of “%(object)s”") % {"object": obj}

    def history_form_view_title(self, request, obj):
        return gettext("“%(object)s” as it was then") % {"object": obj}
