"""Print sizes as an editor reads them: one decimal, the language's separator, cm and inches."""

from django.utils import formats
from django.utils.translation import gettext

from captions.core import dimensions


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
