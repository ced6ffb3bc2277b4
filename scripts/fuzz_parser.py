"""`make fuzz`: the parser on 100,000 generated and mutated blocks (issue 15, item 4).

    .venv/bin/python scripts/fuzz_parser.py [--count 100000] [--seed 15]

Seeds are the benchmark's generated layouts (bench/bench_parser.py), the project's test
blocks (tests/data/captions, tests/data/import, the seed block) and the real corpus's dev
half (tests/data/real_captions/dev; never holdout). Each block is a seed mutated one to four
times: cut anywhere, a span deleted, duplicated or upper-cased, lines shuffled or joined,
digits changed, a fragment (label, notice, number, size, control character, random unicode)
inserted, a long run of one character inserted, two blocks glued. Every record must keep the
contract of tests/parser_contract.py (SPEC fields and types, valid dates, a known country under
its code, caveats and problems only from the SPEC lists); no block may raise.

Prints a summary and the first failures with their seed and mutation; exit 1 on any failure.
Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_parser import make_blocks  # noqa: E402
from captions.ingest import parse_block  # noqa: E402
from tests.parser_contract import check_record  # noqa: E402

FRAGMENTS = [
    "Date taken:",
    "Aufnahmedatum:",
    "Location:",
    "Ort:",
    "Lieu :",
    "Fecha:",
    "Credit:",
    "Bildnummer:",
    "Image ID: 2XK4P7M",
    "datum: 01.01.1900",
    "Date/Time Original : 0000:00:00 00:00:00",
    "{{Information |description={{en|1=",
    "}}",
    "|date=",
    "[[User:",
    "]]",
    '{"bildnummer": "',
    '"}',
    " x ",
    " × ",
    "px",
    "cm",
    "inches",
    "dpi",
    "ppp",
    "|",
    "---",
    "\n",
    "\n\n",
    "\t",
    ":",
    "(",
    ")",
    "99999999999999999999",
    "0",
    "-1",
    "4.000",
    "3,508",
    "5\u202f472",
    "31,8",
    "1e309",
    "31 February 2019",
    "29.02.2023",
    "circa 1945",
    "1960s",
    "1944–1946",
    "undated",
    "o. D.",
    "Embargo:",
    "EMBARGOED UNTIL 00:01 GMT",
    "CET",
    "MESZ",
    "00:01",
    "Editorial use only",
    "Mandatory Credit",
    "Releases: Model - no",
    "REUTERS/",
    "(AP Photo/",
    "Foto: ",
    "*** ",
    "English: ",
    "...",
    "…",
    "\x00",
    "\x1b",
    "\u202e",
    "\ufeff",
    "\r",
    " in Paris, France",
    " near Cutro, southern Italy",
    ", München, Bayern",
    "Mailand",
    "XX",
    "Atlantis",
]
RUN_UNITS = ["1", "1.", "1,", " ", "-", ".", ",", "|", "/", ":", "(", "+", "A", "Ab, ", "© ", "1 x ", "é", "\t"]


def seeds() -> list[str]:
    texts = make_blocks(200, seed=15)
    data = ROOT / "tests" / "data"
    folders = [data / "captions", data / "import", data / "real_captions" / "dev"]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    seed_block = data / "seed_caption_block.txt"
    if seed_block.exists():
        texts.append(seed_block.read_text(encoding="utf-8"))
    return texts


def _random_text(rng: random.Random) -> str:
    length = rng.randrange(1, 30)
    return "".join(chr(rng.choice((rng.randrange(32, 127), rng.randrange(0xA0, 0x2FFF)))) for _ in range(length))


def mutate(text: str, rng: random.Random, pool: list[str]) -> tuple[str, str]:
    kind = rng.randrange(11)
    position = rng.randrange(len(text) + 1)
    if kind == 0:
        return text[:position], "cut"
    if kind == 1:
        end = min(len(text), position + rng.randrange(1, 200))
        return text[:position] + text[end:], "delete span"
    if kind == 2:
        end = min(len(text), position + rng.randrange(1, 200))
        return text[:end] + text[position:end] + text[end:], "duplicate span"
    if kind == 3:
        end = min(len(text), position + rng.randrange(1, 200))
        return text[:position] + text[position:end].upper() + text[end:], "upper span"
    if kind == 4:
        lines = text.split("\n")
        rng.shuffle(lines)
        return "\n".join(lines), "shuffle lines"
    if kind == 5:
        return text.replace("\n", rng.choice([" ", " | ", "\t"])), "join lines"
    if kind == 6:
        return "".join(str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.3 else c for c in text), "digits"
    if kind == 7:
        fragment = rng.choice(FRAGMENTS)
        return text[:position] + fragment + text[position:], f"insert {fragment!r}"
    if kind == 8:
        fragment = _random_text(rng)
        return text[:position] + fragment + text[position:], "insert random unicode"
    if kind == 9:
        unit = rng.choice(RUN_UNITS)
        length = rng.choice((50, 500, 5000))
        return text[:position] + unit * (length // len(unit)) + text[position:], f"run of {unit!r}"
    other = rng.choice(pool)
    return text + rng.choice(("\n", " ", "\n\n")) + other, "glue"


def run(count: int, seed: int, *, show: int = 5) -> int:
    rng = random.Random(seed)
    pool = seeds()
    today = date(2026, 11, 29)
    failures = 0
    started = time.perf_counter()
    for index in range(count):
        origin = rng.randrange(len(pool))
        text, steps = pool[origin], []
        for _ in range(rng.randrange(1, 5)):
            text, step = mutate(text, rng, pool)
            steps.append(step)
        try:
            check_record(parse_block(text, today=today))
        except Exception:  # the fuzzer reports every kind of failure
            failures += 1
            if failures <= show:
                print(f"block {index} (seed {origin}, {' -> '.join(steps)}): {text[:120]!r}")
                traceback.print_exc(limit=3)
    elapsed = time.perf_counter() - started
    print(f"fuzz: {count} blocks from {len(pool)} seeds, {failures} failures, {elapsed:.1f} s (seed {seed})")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    return 1 if run(args.count, args.seed) else 0


if __name__ == "__main__":
    sys.exit(main())
