"""The parser's start-up in a fresh process: `python bench/bench_first_parse.py [--dev DIR]`.

Prints CPU seconds (time.process_time) of: importing the parser; the first dev block (the
country, region and city indexes); the first pass over every dev block beyond the second pass
(the town index, the word lists, the lazily made cities); the second pass. Run it with
`CAPTIONS_CACHE_DIR=` for a process that builds every table (no cache files), without it for one
that reads them (run it once first to write them). To compare two trees, copy the script into
the other one and interleave runs of both over the same blocks (`--dev`): each reads the code of
the tree it lies in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", type=Path, default=ROOT / "tests" / "data" / "real_captions" / "dev")
    args = parser.parse_args()
    start = time.process_time()
    from captions.core.textfiles import read_text  # (the import is what is timed)
    from captions.ingest.blocks import parse_block, split_blocks

    imported = time.process_time()
    blocks = [block for path in sorted(args.dev.glob("*.txt")) for block in split_blocks(read_text(str(path)))]
    read = time.process_time()
    parse_block(blocks[0])
    first = time.process_time()
    for block in blocks:
        parse_block(block)
    pass_one = time.process_time()
    for block in blocks:
        parse_block(block)
    pass_two = time.process_time()
    print(
        f"import {imported - start:.2f} s, first block {first - read:.2f} s, "
        f"first pass's extra {(pass_one - first) - (pass_two - pass_one):.2f} s, "
        f"second pass {pass_two - pass_one:.2f} s ({len(blocks)} blocks)"
    )


if __name__ == "__main__":
    main()
