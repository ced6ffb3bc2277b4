"""Print sizes as an editor reads them: one decimal, the language's separator, cm and inches."""

from django.utils import formats
from django.utils.translation import gettext

from captions.core import dimensions, vocabulary
from captions.models import CAVEAT_LABELS


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


def local_decimal(text) -> str:
    """A number as stated ('21.2', '21,2', '8') in the active language's format, keeping its
    decimals; text that is not a number comes back as it is."""
    raw = str(text).strip()
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return raw
    decimals = len(raw.replace(",", ".").partition(".")[2])
    return formats.number_format(value, decimals)


_DECIMAL_VALUES = ("value", "derived")


def problem_detail_text(detail: str) -> str:
    """What the parser said about a problem (English, `vocabulary.PROBLEM_DETAILS`), in the
    reader's language with the reader's numbers: 'Angegebene Höhe 21,2 cm, aber …'."""
    sentences = []
    for part in vocabulary.read_problem_detail(str(detail)):
        if isinstance(part, str):
            sentences.append(part)
            continue
        key, values = part
        shown = {name: local_decimal(v) if name in _DECIMAL_VALUES else v for name, v in values.items()}
        sentences.append(gettext(vocabulary.PROBLEM_DETAILS[key]).format(**shown))
    return vocabulary.DETAIL_SEPARATOR.join(sentences)


def reason_text(stored: str | None) -> str:
    """A history row's reason in the active language ('—' when none was given)."""
    read = vocabulary.read_change_reason(stored)
    if read is None:
        return stored or "—"
    code, values = read
    if "tag" in values:
        values = {**values, "tag": str(CAVEAT_LABELS.get(values["tag"], values["tag"]))}
    template = gettext(vocabulary.CHANGE_REASONS[code])
    return template % values if values else template
