"""Does the parser see a caption cut off inside its last word?

    .venv/bin/python scripts/cut_captions.py [FOLDER] [--show]

A metamorphic check, not a score (as scripts/perturb_corpus.py): each block of FOLDER (by
default the dev half of tests/data/real_captions) whose expected caption ends with a full stop
after a word of six letters or more, that word found once in the text and the block not flagged
truncated_text as it is, is cut after the first half of that word, as a wire's caption field
cut at a fixed length is; everything after the cut goes. The block should be flagged
truncated_text (SPEC: 'the block, or a field, ends in a word fragment'). Many halves are words
themselves ('beste', 'super'), so the figure cannot reach all blocks; `--show` lists the misses.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402


def cuts(folder: Path) -> tuple[int, int, list[str]]:
    """(blocks cut, flagged truncated_text, the misses)."""
    tried = flagged = 0
    misses: list[str] = []
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
        if len(last) < 6 or not last.isalpha() or text.count(last + ".") != 1:
            continue
        if "truncated_text" in parse_blocks(text)[0].problems:
            continue
        piece = last[: len(last) - len(last) // 2]
        cut = text[: text.find(last + ".")] + piece
        tried += 1
        if "truncated_text" in parse_blocks(cut)[0].problems:
            flagged += 1
        else:
            misses.append(f"  {path.name[:-14]}: ...{cut[-40:]!r}")
    return tried, flagged, misses


def main() -> int:
    args, _show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    tried, flagged, misses = cuts(folder)
    if "--show" in sys.argv:
        print("\n".join(misses))
    print(f"blocks cut {tried}, flagged truncated_text {flagged} ({100 * flagged / max(tried, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
