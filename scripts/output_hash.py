"""One hash of every record the parser gives on the real-caption corpus: proves a change output-identical.

    CAPTIONS_CACHE_DIR= .venv/bin/python scripts/output_hash.py

For refactoring and speed work: every block of every file under tests/data/real_captions (dev
and holdout) is parsed as `parse_caption` parses it, each record written as sorted JSON, and
only the first 16 hex digits of the SHA-256 over all of them are printed. Run it before and after
a change: the same hash means no field of any record moved. Holdout is read but nothing of it is
shown (a hash tells nothing of a block), so the TEAM rule 'holdout only as one figure' holds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest.blocks import parse_blocks  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "real_captions"


def corpus_hash(corpus: pathlib.Path = CORPUS) -> str:
    digest = hashlib.sha256()
    for path in sorted(corpus.glob("*/*.txt")):
        for record in parse_blocks(read_text(str(path))):
            digest.update(json.dumps(dataclasses.asdict(record), sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    print(corpus_hash())
