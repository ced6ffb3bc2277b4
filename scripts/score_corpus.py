"""Score the parser on a folder of real caption blocks with expectations written beforehand.

    .venv/bin/python scripts/score_corpus.py tests/data/real_captions/dev [--report] [--mismatches]
    .venv/bin/python scripts/score_corpus.py tests/data/real_captions/holdout

For every NAME.txt beside a NAME.expected.json, the file is read as `parse_caption` reads it
(captions.core.textfiles), split into blocks, parsed, and each expected field compared with
the parsed one under the SPEC's conventions: text fields ignoring case and runs of spaces, print
sizes to 0.001, caveats and problems as sets, embargo moments as instants. The last line is
`fields right: R/T (P%)`. `--report` adds tables by layout (the file name's first part, such as
`reuters`), by language (its second part) and by field, as docs/CAPTIONS.md shows them for the
dev half. `--mismatches` lists every field that differs: for tuning on dev only. Holdout is
reported as its one figure (TEAM rule: its blocks are the fair measure of generality, not a
tuning set), so neither option is honoured for a folder named holdout.

Used by tests/test_real_captions.py, which holds the corpus to a floor.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402

FLOAT_FIELDS = {"print_width_cm", "print_height_cm", "print_width_in", "print_height_in"}
SET_FIELDS = {"caveats", "problems"}
TEXT_FIELDS = {"caption", "credit", "sublocation", "city", "region", "country", "source_id"}


def _text(value) -> str | None:
    return None if value is None else re.sub(r"\s+", " ", str(value)).strip().casefold()


def same(name: str, expected, actual) -> bool:
    """Does a parsed field hold the expected value, by the SPEC's conventions?"""
    if name in FLOAT_FIELDS:
        if expected is None or actual is None:
            return expected is None and actual is None
        try:
            return math.isclose(float(expected), float(actual), abs_tol=0.001)
        except (TypeError, ValueError):
            return False
    if name in SET_FIELDS:
        return sorted(expected or []) == sorted(actual or [])
    if name in TEXT_FIELDS:
        return _text(expected) == _text(actual)
    if name == "embargo_until" and expected and actual:
        try:
            return datetime.fromisoformat(expected) == datetime.fromisoformat(actual)
        except (TypeError, ValueError):
            return False
    return expected == actual


@dataclass
class Score:
    right: int = 0
    total: int = 0
    by_layout: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_language: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_field: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    blocks: int = 0
    files: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0

    def count(self, layout: str, language: str, name: str, ok: bool) -> None:
        self.right += ok
        self.total += 1
        for table, key in ((self.by_layout, layout), (self.by_language, language), (self.by_field, name)):
            table[key][0] += ok
            table[key][1] += 1


def score_folder(folder: Path, *, today: date | None = None) -> Score:
    score = Score()
    today = today or date.today()
    for expected_path in sorted(folder.glob("*.expected.json")):
        text_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if isinstance(expected, dict):
            expected = [expected]
        parts = text_path.name.split("-")
        layout, language = parts[0], (parts[1] if len(parts) > 2 else "?")
        score.files += 1
        parsed = [record.as_spec_dict() for record in parse_blocks(read_text(str(text_path)), today=today)]
        if len(parsed) != len(expected):  # every expected field counts as wrong
            parsed = [{} for _ in expected]
        for index, (wanted, got) in enumerate(zip(expected, parsed, strict=True)):
            score.blocks += 1
            for name, value in wanted.items():
                actual = got.get(name, "<missing>")
                ok = same(name, value, actual)
                score.count(layout, language, name, ok)
                if not ok:
                    score.mismatches.append(f"{text_path.name}[{index}] {name}: expected {value!r}, got {actual!r}")
    return score


def _table(title: str, rows: dict) -> str:
    lines = [f"| {title} | fields right | % |", "|---|---|---|"]
    for key, (right, total) in sorted(rows.items(), key=lambda item: (item[1][0] / item[1][1], item[0])):
        lines.append(f"| {key} | {right}/{total} | {100.0 * right / total:.1f} |")
    return "\n".join(lines)


def report(score: Score) -> str:
    return "\n\n".join(
        (
            _table("layout", score.by_layout),
            _table("language", score.by_language),
            _table("field", score.by_field),
        )
    )


def main() -> int:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "real_captions" / "dev"
    if not any(folder.glob("*.expected.json")):
        print(f"no *.expected.json in {folder}")
        return 2
    score = score_folder(folder)
    summary_only = folder.name == "holdout"
    if not summary_only and "--mismatches" in sys.argv:
        print("\n".join(score.mismatches))
    if not summary_only and "--report" in sys.argv:
        print(report(score))
        print()
    print(f"{score.files} files, {score.blocks} blocks")
    print(f"fields right: {score.right}/{score.total} ({score.percent:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
