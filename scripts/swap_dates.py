"""Does the parser read a day's date in every common form of the block's language, and any day?

    .venv/bin/python scripts/swap_dates.py [FOLDER] [--show FORM]

A metamorphic check, not a score (as scripts/perturb_corpus.py and scripts/swap_places.py): each
block of FOLDER (by default the dev half of tests/data/real_captions) whose expected date is one
day that the parser reads, at day precision, is parsed again with that date rewritten. The
expression the parser read (`date_text`, as `captions.core.dates.find_date` gives it) is found in
the block, with every other mention of the same day (a labelled field and the caption's own
sentence; a weekday or an article right before it goes with it), and all of them are written in
one common, unambiguous form of the block's language ('3 May 2019', 'May 3, 2019', '2019-05-03',
'Friday, May 3, 2019'; '3. Mai 2019', '03.05.2019', '3. Mai 2019 (Freitag)'; '3 mai 2019', 'le
vendredi 3 mai 2019', '03/05/2019'; '3 de mayo de 2019', '03/05/2019', 'el viernes 3 de mayo de
2019'), once for the same day and once for another day (another day, month and year, the weekday
its own, one chosen per file so runs repeat), so that a parser that knew the date, not the form,
fails. The date should still be read. A machine-written record (JSON, XML, an exiftool dump's
'2019:05:03 14:00:00') is left out: nobody rewrites those. The output is, per form, how many
blocks were tried and how many lost their day; `--show FORM` (or `--show all`) lists the losses.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import datetime
import json
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core import dates  # noqa: E402
from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402
from captions.ingest.blocks import split_blocks  # noqa: E402
from scripts._probe import MONTHS as _MONTHS  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402

_WEEKDAYS = {  # Monday first, as datetime.date.weekday()
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _names(day: datetime.date, language: str) -> tuple[str, str]:
    return _MONTHS[language].split()[day.month - 1], _WEEKDAYS[language].split()[day.weekday()]


def _french_day(day: datetime.date) -> str:
    return "1er" if day.day == 1 else str(day.day)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# form name -> how it writes a day (the language's month and weekday names)
FORMS: dict[str, dict[str, object]] = {
    "en": {
        "d Month yyyy": lambda d, m, w: f"{d.day} {m} {d.year}",
        "Month d, yyyy": lambda d, m, w: f"{m} {d.day}, {d.year}",
        "yyyy-mm-dd": lambda d, m, w: d.isoformat(),
        "dd Month yyyy": lambda d, m, w: f"{d.day:02d} {m} {d.year}",
        "Weekday, Month d, yyyy": lambda d, m, w: f"{w}, {m} {d.day}, {d.year}",
        "Mon. d, yyyy (AP)": lambda d, m, w: f"{_AP_MONTHS[d.month - 1]} {d.day}, {d.year}",
        "dth Month yyyy": lambda d, m, w: f"{_ordinal(d.day)} {m} {d.year}",
        "Month dth, yyyy": lambda d, m, w: f"{m} {_ordinal(d.day)}, {d.year}",
    },
    "de": {
        "d. Monat yyyy": lambda d, m, w: f"{d.day}. {m} {d.year}",
        "dd.mm.yyyy": lambda d, m, w: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "d. Monat yyyy (Wochentag)": lambda d, m, w: f"{d.day}. {m} {d.year} ({w})",
        "Wochentag, d. Monat yyyy": lambda d, m, w: f"{w}, {d.day}. {m} {d.year}",
        "Wochentag, den d. Monat yyyy": lambda d, m, w: f"{w}, den {d.day}. {m} {d.year}",
        "dd. Monat yyyy": lambda d, m, w: f"{d.day:02d}. {m} {d.year}",
        "d.m.yyyy": lambda d, m, w: f"{d.day}.{d.month}.{d.year}",
    },
    "fr": {
        "d mois yyyy": lambda d, m, w: f"{_french_day(d)} {m} {d.year}",
        "le jour d mois yyyy": lambda d, m, w: f"le {w} {_french_day(d)} {m} {d.year}",
        "dd/mm/yyyy": lambda d, m, w: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "jour d mois yyyy": lambda d, m, w: f"{w} {_french_day(d)} {m} {d.year}",
        "dd mois yyyy": lambda d, m, w: f"{d.day:02d} {m} {d.year}",
    },
    "es": {
        "d de mes de yyyy": lambda d, m, w: f"{d.day} de {m} de {d.year}",
        "dd/mm/yyyy": lambda d, m, w: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "el día d de mes de yyyy": lambda d, m, w: f"el {w} {d.day} de {m} de {d.year}",
        "día, d de mes de yyyy": lambda d, m, w: f"{w}, {d.day} de {m} de {d.year}",
        "d de mes del yyyy": lambda d, m, w: f"{d.day} de {m} del {d.year}",
        "dd de mes de yyyy": lambda d, m, w: f"{d.day:02d} de {m} de {d.year}",
    },
}

_ALL_WEEKDAYS = sorted({word for words in _WEEKDAYS.values() for word in words.split()} | {"Sonnabend"}, key=len)
# a weekday (and its article) right before the date: written with it, so rewritten with it
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?P<article>[Ll]e|[Ee]l|[Dd]er|[Dd]en)\s)?(?P<weekday>(?i:"
    + "|".join(re.escape(word) for word in reversed(_ALL_WEEKDAYS))
    + r")(?:,\s?|\s))?$"
)
_MACHINE_DATE = re.compile(r"^\d{4}:\d\d:\d\d|^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


def _other_day(day: datetime.date, seed: str) -> datetime.date:
    """Another day, month and year (1950-2022), the same for a file on every run."""
    choice = random.Random(zlib.crc32(seed.encode()))
    while True:
        other = datetime.date(choice.randint(1950, 2022), choice.randint(1, 12), choice.randint(1, 28))
        if other.year != day.year and other.month != day.month and other.day != day.day:
            return other


def _pattern(expression: str) -> re.Pattern:
    return re.compile(
        r"(?<![\w.:/-])" + r"\s+".join(re.escape(part) for part in expression.split()) + r"(?![\w]|[.:/-]\d)"
    )


def mentions(block: str, day: datetime.date) -> tuple[list[tuple[int, int]], bool] | None:
    """The spans of every expression of `day` in the block (an American '03.01.2022' for 1 March
    too), and whether a year or a month of it is named elsewhere ('(2001)' over '11 septembre
    2001'); None when one is machine-written."""
    spans: list[tuple[int, int]] = []
    coarser = False
    swapped = datetime.date(day.year, day.day, day.month) if day.day <= 12 else None
    for match in re.finditer(r"[^\n]+", block):
        line = match.group()
        for _ in range(6):
            found = dates.find_date(line)
            if found is None or found.start is None:
                break
            hit = _pattern(found.text).search(line) if found.text.strip() else None
            if hit is None:
                break
            numeric = not any(character.isalpha() for character in found.text)
            if (
                found.precision == dates.DAY
                and found.start == found.end
                and (found.start == day or (numeric and found.start == swapped))
            ):
                if _MACHINE_DATE.match(line[hit.start() :]):
                    return None
                spans.append((match.start() + hit.start(), match.start() + hit.end()))
            elif found.start <= day <= found.end:
                coarser = True
            # blank it out (same length, no digit, no space) and look for the line's next date
            line = line[: hit.start()] + "\u00b7" * (hit.end() - hit.start()) + line[hit.end() :]
    return spans, coarser


def rewrite(block: str, spans, form, day: datetime.date, language: str) -> str:
    month, weekday = _names(day, language)
    written = form(day, month, weekday)
    article = written.split(" ", 1)[0] if written.startswith(("le ", "el ")) else None
    pieces = []
    last = 0
    for start, end in spans:
        before = _WEEKDAY_BEFORE.search(block, max(last, start - 24), start)
        if before is not None and before["article"] and article and before["article"].lower() == article:
            start = before.start()  # 'Paris, le 3 mai 2019' -> 'Paris, le vendredi 3 mai 2019'
        elif before is not None and before["weekday"]:
            start = before.start("weekday")  # 'Friday, May 3, 2019': the weekday goes with its day
        original = block[start:end]
        new = written
        if original[:1].isupper() and new[:1].islower():
            new = new[0].upper() + new[1:]
        letters = [character for character in original if character.isalpha()]
        if len(letters) > 2 and all(character.isupper() for character in letters):
            new = new.upper()  # 'MAY 3, 2019' in a dateline in capitals
        pieces.append(block[last:start] + new)
        last = end
    pieces.append(block[last:])
    return "".join(pieces)


def _expected_blocks(path: Path) -> list[dict]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    return expected if isinstance(expected, list) else [expected]


def probe(folder: Path):
    """{form: [tried, lost, same-day lost, other-day lost]}, the losses, and what was left out."""
    table: dict[str, list[int]] = {}
    losses: list[tuple[str, str]] = []
    skipped = {"machine-written": 0, "expression not found": 0, "other language": 0, "other day (its year named)": 0}
    for path in sorted(folder.glob("*.expected.json")):
        name = path.name[: -len(".expected.json")]
        text = read_text(str(folder / f"{name}.txt"))
        blocks = split_blocks(text)
        expected_blocks = _expected_blocks(path)
        if len(blocks) != len(expected_blocks):
            continue
        for index, (block, expected) in enumerate(zip(blocks, expected_blocks, strict=True)):
            wanted = expected.get("date_start")
            if not wanted or expected.get("date_precision") != "day" or expected.get("date_end") != wanted:
                continue
            records = parse_blocks(block)
            if len(records) != 1:
                continue
            record = records[0]
            day = datetime.date.fromisoformat(wanted)
            if record.date_start != day or record.date_end != day or record.date_precision != "day":
                continue  # (the parser misses it already: score_corpus --mismatches shows it)
            language = expected.get("language")
            if language not in FORMS:
                skipped["other language"] += 1
                continue
            if block.lstrip()[:1] in "{[<":
                skipped["machine-written"] += 1
                continue
            found = mentions(block, day)
            if found is None:
                skipped["machine-written"] += 1
                continue
            spans, coarser = found
            read = dates.find_date(record.date_text or "")
            expression = read.text if read is not None else (record.date_text or "")
            if not spans or not any(_pattern(expression).fullmatch(block[s:e]) for s, e in spans):
                skipped["expression not found"] += 1
                continue
            other = _other_day(day, name)
            # a year or a month of the day named apart ('(2001)' over '11 septembre 2001') would
            # disagree with another day: the same day only then
            targets = ((2, day),) if coarser else ((2, day), (3, other))
            skipped["other day (its year named)"] += coarser
            for label, form in FORMS[language].items():
                row = table.setdefault(f"{language} {label}", [0, 0, 0, 0])
                row[0] += 1
                lost_any = False
                for which, target in targets:
                    after = parse_blocks(rewrite(block, spans, form, target, language))
                    got = after[0] if len(after) == 1 else None
                    if got is None or (got.date_start, got.date_end, got.date_precision) != (target, target, "day"):
                        row[which] += 1
                        lost_any = True
                        said = form(target, *_names(target, language))
                        losses.append(
                            (
                                f"{language} {label}",
                                f"  {name}[{index}] {expression!r} -> {said!r}: "
                                + (f"{got.date_start} {got.date_precision} ({got.date_text!r})" if got else "blocks"),
                            )
                        )
                row[1] += lost_any
    return table, losses, skipped


def main() -> int:
    args, show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    table, losses, skipped = probe(folder)
    if show:
        print("\n".join(line for form, line in losses if show == "all" or form == show))
    print("left out: " + ", ".join(f"{why} {count}" for why, count in skipped.items()))
    print(f"{'form':<34} {'tried':>6} {'lost':>6} {'same day':>9} {'other day':>10}")
    total = [0, 0]
    for label, (tried, lost, same, other) in table.items():
        print(f"{label:<34} {tried:>6} {lost:>6} {same:>9} {other:>10}")
        total[0] += tried
        total[1] += lost
    print(
        f"{'all forms':<34} {total[0]:>6} {total[1]:>6}  ({100 * (total[0] - total[1]) / max(total[0], 1):.1f}% read)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
