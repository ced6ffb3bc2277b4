"""Does the parser see a caption cut off inside its last word?

    .venv/bin/python scripts/cut_captions.py [FOLDER] [--show]

A metamorphic check, not a score (as scripts/perturb_corpus.py): each block of FOLDER (by
default the dev half of tests/data/real_captions) whose expected caption ends with a full stop
after a word of six letters or more, that word found once in the text and the block not flagged
truncated_text as it is, is cut after the first half of that word, as a wire's caption field
cut at a fixed length is; everything after the cut goes. The block should be flagged
truncated_text (SPEC: 'the block, or a field, ends in a word fragment'). Many halves are words
themselves ('beste', 'super'), so the figure cannot reach all blocks; `--show` lists the misses.

Its control: the same blocks cut after the whole last word instead (its full stop and everything
after it gone), a caption that ends in a whole word without its stop. Those must NOT be flagged
(a missing stop is no fragment); the second figure counts the ones that are, so a change cannot
buy the first figure with false flags. `--show` lists them too, after the misses. The third
figure is the same control over every block whose caption ends in a word and a full stop, whatever
the word's length (the short words a piece of a word may also be: 'opera', 'beste'). A block whose
control is flagged for a cut record alone is left out of all three: a record (JSON, an API's dump)
loses its closing brackets with the cut, and the parser rightly says so, whatever the last word.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.core.vocabulary import read_problem_detail  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402


def _record_cut_only(detail: str | None) -> bool:
    """Is a cut record the only reason given for truncated_text?"""
    parts = read_problem_detail(detail) if detail else []
    return bool(parts) and all(isinstance(part, tuple) and part[0] == "record_cut" for part in parts)


def cuts(folder: Path) -> tuple[int, int, list[str], int, list[str], int, int]:
    """(blocks cut, flagged truncated_text, the misses, their whole controls flagged, those
    controls, whole controls of every length, flagged)."""
    tried = flagged = false_flags = controls = control_flags = 0
    misses: list[str] = []
    falsely: list[str] = []
    for path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(expected, list):
            if len(expected) != 1:
                continue
            expected = expected[0]
        caption = expected.get("caption") or ""
        if "truncated_text" in (expected.get("problems") or []) or not caption.endswith(".") or len(caption) < 40:
            continue
        last = caption.rstrip(".").split()[-1]
        text = read_text(str(path).replace(".expected.json", ".txt"))
        if not last.isalpha() or text.count(last + ".") != 1:
            continue
        if "truncated_text" in parse_blocks(text)[0].problems:
            continue
        whole = text[: text.find(last + ".")] + last
        record = parse_blocks(whole)[0]
        if _record_cut_only(record.problem_details.get("truncated_text")):
            continue  # a record (JSON, an API's dump) lost its closing with the cut: rightly flagged
        whole_flagged = "truncated_text" in record.problems
        controls += 1
        control_flags += whole_flagged
        if len(last) < 6:
            continue
        piece = last[: len(last) - len(last) // 2]
        cut = text[: text.find(last + ".")] + piece
        tried += 1
        if "truncated_text" in parse_blocks(cut)[0].problems:
            flagged += 1
        else:
            misses.append(f"  {path.name[:-14]}: ...{cut[-40:]!r}")
        if whole_flagged:
            false_flags += 1
            falsely.append(f"  {path.name[:-14]}: ...{whole[-40:]!r}")
    return tried, flagged, misses, false_flags, falsely, controls, control_flags


def main() -> int:
    args, _show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    tried, flagged, misses, false_flags, falsely, controls, control_flags = cuts(folder)
    if "--show" in sys.argv:
        print("cut, not flagged:")
        print("\n".join(misses))
        print("whole (the stop dropped), flagged:")
        print("\n".join(falsely))
    print(f"blocks cut {tried}, flagged truncated_text {flagged} ({100 * flagged / max(tried, 1):.1f}%)")
    print(
        f"same blocks whole (after the last word, no stop) {tried}, falsely flagged {false_flags}"
        f" ({100 * false_flags / max(tried, 1):.1f}%)"
    )
    print(
        f"all blocks whole (last word of any length, no stop) {controls}, falsely flagged {control_flags}"
        f" ({100 * control_flags / max(controls, 1):.1f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
