"""Parsing many blocks while the importer writes: the parse runs in worker processes.

PURE: no Django import (the worker is a fresh interpreter that loads only the parser, so it
never shares a database connection with the importer). For a large file the importer's two
halves overlap: the workers parse the next chunks while the main process saves the last one.
Small inputs are parsed inline, where starting a process would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from .blocks import parse_block, split_blocks
from .record import ParsedCaption

PARALLEL_FROM_BLOCKS = 2_000
CHUNK = 500
# Parser processes: one per core, at most 2 (the importer's own process and the database's
# backend share the same cores). With one, the writer waited on the parser.
WORKERS = max(1, min(2, os.cpu_count() or 1))
AHEAD = 2 * WORKERS + 2  # chunks parsed ahead of the writer: bounds memory for huge files


def _parse_chunk(args: tuple[list[str], date]) -> list[ParsedCaption]:
    texts, today = args
    return [parse_block(text, today=today) for text in texts]


def parse_many(
    block_texts: list[str], *, today: date | None = None, parallel: bool | None = None
) -> Iterator[ParsedCaption]:
    """Parsed blocks in input order. `parallel=None` decides by size."""
    today = today or date.today()
    if parallel is None:
        parallel = len(block_texts) >= PARALLEL_FROM_BLOCKS
    if not parallel:
        for text in block_texts:
            yield parse_block(text, today=today)
        return
    chunks = [block_texts[i : i + CHUNK] for i in range(0, len(block_texts), CHUNK)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        pending = [pool.submit(_parse_chunk, (chunk, today)) for chunk in chunks[:AHEAD]]
        next_chunk = len(pending)
        while pending:
            done = pending.pop(0)
            if next_chunk < len(chunks):
                pending.append(pool.submit(_parse_chunk, (chunks[next_chunk], today)))
                next_chunk += 1
            yield from done.result()


def block_texts_of(texts: Iterable[str]) -> list[str]:
    return [block for text in texts for block in split_blocks(text)]
