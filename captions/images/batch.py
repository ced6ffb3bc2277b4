"""Many image files made ready at once, over the cores: `import_images`' heavy half.

PURE (no Django): each file is read, identified, its metadata read (with a `NAME.xmp`
sidecar) and its renditions made in a worker process; a `NAME.txt` sidecar's caption block
is parsed there too. The main process only hashes, looks up and saves. Processes, not
threads: libexiv2 is not thread-safe, and decoding is CPU-bound.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace

import pillow_heif

from captions.core.textfiles import decode as decode_text
from captions.images import files
from captions.ingest import parse_block

SIDECAR_EXTENSIONS = ("xmp", "txt")
INLINE_BELOW = 4  # fewer files than this: no worker processes (starting them costs ~1 s)


@dataclass(frozen=True)
class Job:
    path: str
    max_bytes: int
    max_pixels: int
    sizes: tuple[tuple[str, int], ...]
    content_hash: str = ""  # the caller hashed the file already: not again here
    stamp: tuple[int, int] = (0, 0)  # (size, mtime_ns) when it was hashed


@dataclass
class Result:
    path: str
    prepared: files.Prepared | None = None  # without the file's bytes: the saver reads them again
    refused: files.Refused | None = None
    parsed: object | None = None  # captions.ingest.ParsedCaption of a NAME.txt sidecar
    sidecars: tuple[str, ...] = ()
    stamp: tuple[int, int] = (0, 0)


def sidecar(path: str, extension: str) -> str | None:
    """`IMG_1.xmp` or `IMG_1.jpg.xmp` beside `IMG_1.jpg` (Adobe's and darktable's habits)."""
    stem = os.path.splitext(path)[0]
    for candidate in (f"{stem}.{extension}", f"{path}.{extension}", f"{stem}.{extension.upper()}"):
        if candidate != path and os.path.isfile(candidate):
            return candidate
    return None


def image_paths(paths: Iterable[str]) -> list[str]:
    """Every file named, and every file under every folder named (recursively), sidecars and
    hidden files aside, in a stable order."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith(".") or files.extension(name) in SIDECAR_EXTENSIONS:
                        continue
                    found.append(os.path.join(root, name))
        else:
            found.append(path)
    return found


def prepare_path(job: Job) -> Result:
    """One file: identified, read, rendered; a refusal is a result, not an exception."""
    result = Result(job.path, stamp=job.stamp)
    try:
        with open(job.path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        result.refused = files.Refused("unreadable", name=os.path.basename(job.path), reason=exc.strerror or str(exc))
        return result
    xmp_path, txt_path = sidecar(job.path, "xmp"), sidecar(job.path, "txt")
    result.sidecars = tuple(p for p in (xmp_path, txt_path) if p)
    language = ""
    if txt_path:
        with open(txt_path, "rb") as handle:
            result.parsed = parse_block(decode_text(handle.read()))
        language = getattr(result.parsed, "language", "") or ""
    sidecar_xmp = None
    if xmp_path:
        with open(xmp_path, "rb") as handle:
            sidecar_xmp = handle.read()
    try:
        identified = files.identify(
            data,
            os.path.basename(job.path),
            max_bytes=job.max_bytes,
            max_pixels=job.max_pixels,
            known_hash=job.content_hash,
        )
        prepared = files.prepare(identified, sizes=dict(job.sizes), sidecar_xmp=sidecar_xmp, language=language)
    except files.Refused as refused:
        result.refused = refused
        return result
    # The bytes stay here: the saver reads the file itself, so they are not sent between processes.
    prepared.identified = replace(prepared.identified, data=b"", pixels=b"")
    result.prepared = prepared
    return result


def _init_worker() -> None:
    pillow_heif.options.DECODE_THREADS = 1  # the pool already uses every core


def prepare_many(items: Iterable, *, workers: int | None = None, inline: bool = False) -> Iterator:
    """For each item in order: a Job's Result (prepared `workers` at a time, by default one
    per core), any other item as it is (the caller's own outcomes keep their place). At most
    a few results wait at a time, so memory stays flat for any number of files."""
    workers = workers or os.cpu_count() or 1
    if inline or workers == 1:
        for item in items:
            yield prepare_path(item) if isinstance(item, Job) else item
        return
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no database connection, no locks
    window = workers * 3
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
        pending: collections.deque = collections.deque()
        for item in items:
            pending.append(pool.submit(prepare_path, item) if isinstance(item, Job) else item)
            while len(pending) > window or (pending and _ready(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _ready(entry) -> bool:
    return not isinstance(entry, Future) or entry.done()


def _result(entry):
    return entry.result() if isinstance(entry, Future) else entry


def stamp(path: str) -> tuple[int, int]:
    """(size, modification time): a file whose stamp changed was written to meanwhile."""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
