"""Does the parser read a block the same when it arrives as real pastes and mails deliver it?

    .venv/bin/python scripts/perturb_corpus.py [FOLDER] [--show NAME]

A metamorphic check, not a score: no expectation is read. Each block of FOLDER (by default the
dev half of tests/data/real_captions) is parsed as it is and again after each transformation
below, every one a way the same text reaches an editor: Windows line ends, no-break spaces and
soft hyphens from a web page, a Mac's decomposed accents, typographic quotes, a forwarded mail's
'> ' quoting, indentation from a code listing, HTML entities and line-break tags from a page's
source, trailing blanks, a picture page's gallery counter and buttons. A field that changes is
a field the parser reads from the text's surface rather than its content. The output is, per
transformation, how many blocks and fields changed; `--show NAME` prints the changed fields of
that transformation.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import SPEC_FIELDS, parse_blocks  # noqa: E402
from captions.ingest.records import read_data_record  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402

# The SPEC's fields, less those derived from others (print inches from cm, the country's name
# from its code); the raw text differs by construction.
FIELDS = tuple(name for name in SPEC_FIELDS if name not in ("print_width_in", "print_height_in", "country"))


def _every_nth_space(text: str, replacement: str, n: int = 3) -> str:
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return replacement if count % n == 0 else match.group(0)

    return re.sub(r"(?<=\S) (?=\S)", swap, text)


def _soft_hyphens(text: str) -> str:
    # a page's hyphenation points inside long words ('Bundes\xadregierung')
    return re.sub(r"\b([^\W\d_]{4})([^\W\d_]{4,})", lambda m: m.group(1) + "\u00ad" + m.group(2), text)


def _smart_quotes(text: str) -> str:
    text = re.sub(r'"([^"\n]{0,400})"', "\u201c\\1\u201d", text)
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def _entities(text: str) -> str:
    text = text.replace("&", "&amp;").replace('"', "&quot;")
    return _every_nth_space(text, "&nbsp;", 4)


PERTURBATIONS = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "nbsp": lambda text: _every_nth_space(text, "\u00a0"),
    "narrow_nbsp": lambda text: _every_nth_space(text, "\u202f", 5),
    "soft_hyphen": _soft_hyphens,
    "nfd": lambda text: unicodedata.normalize("NFD", text),
    "smart_quotes": _smart_quotes,
    "mail_quote": lambda text: "\n".join("> " + line if line else ">" for line in text.split("\n")),
    "indent": lambda text: "\n".join("    " + line if line else line for line in text.split("\n")),
    "trailing_blanks": lambda text: "\n".join(line + " \t " if line else line for line in text.split("\n")),
    # a page's source: not for JSON, where a tag between members is no JSON at all
    "html_br": lambda text: text if text.lstrip()[:1] in "{[" else text.replace("\n", "<br>\n"),
    "html_entities": _entities,
    "bom_zwsp": lambda text: "\ufeff" + text.replace("\n", "\n\u200b"),
    "blank_line_after_each": lambda text: re.sub(r"(?<=\S)\n(?=\S)", "\n\n", text),
    # a picture page copied whole: its gallery's counter and its buttons on lines of their own
    # (not around a record: a line before a JSON record or an XMP packet is no page of it)
    "gallery_counter": lambda text: _on_page(text, "3/12\n", ""),
    "gallery_counter_words": lambda text: _on_page(text, "Bild 3 von 12\n\n", ""),
    "page_buttons": lambda text: _on_page(text, "Enlarge image\n", "\nShare\n\n‹ Previous\nNext ›"),
    "page_buttons_fr": lambda text: _on_page(text, "Agrandir l'image\n\n", "\n\nPartager\nLire la suite"),
}


def _on_page(text: str, above: str, below: str) -> str:
    """The text on a web page, between a gallery's or a page's controls; a record of data
    (JSON, an object literal from code, XMP, an exiftool listing) is never pasted from one."""
    if text.lstrip()[:1] in "{[<" or read_data_record(text)[2]:
        return text
    return above + text + below


def _fields(record) -> dict:
    spec = record.as_spec_dict()
    return {name: spec.get(name) for name in FIELDS}


def _same(name: str, before, after) -> bool:
    if isinstance(before, str) and isinstance(after, str):
        return _fold(before) == _fold(after)
    return before == after


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'"})


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).translate(_QUOTES).split()).casefold()


def changes(texts: dict[str, str], perturb, base: dict | None = None) -> tuple[int, int, list[str]]:
    """(blocks changed, fields changed, what changed) when each text goes through `perturb`."""
    base = base if base is not None else read_all(texts)
    changed_blocks = changed_fields = 0
    details: list[str] = []
    for name, text in texts.items():
        records = [_fields(record) for record in parse_blocks(perturb(text))]
        if len(records) != len(base[name]):
            changed_blocks += len(base[name])
            changed_fields += len(base[name]) * len(FIELDS)
            details.append(f"  {name}: {len(base[name])} blocks became {len(records)}")
            continue
        for index, (before, after) in enumerate(zip(base[name], records, strict=True)):
            differing = [field for field in FIELDS if not _same(field, before[field], after[field])]
            changed_blocks += bool(differing)
            changed_fields += len(differing)
            details.extend(
                f"  {name}[{index}] {field}: {before[field]!r} -> {after[field]!r}"[:400] for field in differing
            )
    return changed_blocks, changed_fields, details


def read_all(texts: dict[str, str]) -> dict[str, list[dict]]:
    return {name: [_fields(record) for record in parse_blocks(text)] for name, text in texts.items()}


def texts_of(folder: Path) -> dict[str, str]:
    return {path.name: read_text(str(path)) for path in sorted(folder.glob("*.txt"))}


def main() -> int:
    args, show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    texts = texts_of(folder)
    base = read_all(texts)
    print(f"{len(texts)} files, {sum(len(records) for records in base.values())} blocks")
    print(f"{'transformation':<24} {'blocks changed':>15} {'fields changed':>15}")
    for label, perturb in PERTURBATIONS.items():
        if show and label != show:
            continue
        changed_blocks, changed_fields, details = changes(texts, perturb, base)
        if show:
            print("\n".join(details))
        print(f"{label:<24} {changed_blocks:>15} {changed_fields:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
