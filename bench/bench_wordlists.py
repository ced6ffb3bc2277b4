"""Load time and memory of the parser's word lists: `python bench/bench_wordlists.py`.

The truncation test (captions/ingest/caption_text.py: is_piece_of_word, is_whole_in,
is_rare_word_in) reads wordfreq's lists, loaded on first use in a process: the small lists
(words used once in a million and more) and, for a caption's last word that they lack, the large
list of the caption's language (words down to Zipf 1.5, kept as one sorted string: _WordStore),
built once and kept between processes in the place tables' cache directory (CAPTIONS_CACHE_DIR).
This measures, each in a fresh interpreter, cold (no cache file: the lists are built and the
files written) and warm (the files are there), the wall time of the first lookup in each
language, the memory it holds afterwards and at its peak (tracemalloc, in a separate cold run: it
slows allocation), and the resident set size of the whole process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from captions.ingest import caption_text
import wordfreq  # imported before measuring: the module is not the lists
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[2] == "memory":
    tracemalloc.start()
result = {}
started = time.perf_counter()
caption_text._language_words("de")
result["small_de_s"] = time.perf_counter() - started
for language in ("en", "de", "fr", "es"):
    started = time.perf_counter()
    caption_text._large_words(language)
    result[f"large_{language}_s"] = time.perf_counter() - started
    result[f"large_{language}_words"] = len(caption_text._large_words(language))
started = time.perf_counter()
for _ in range(1000):
    caption_text.is_rare_word_in.__wrapped__("enneigées", "fr")
result["lookup_us"] = (time.perf_counter() - started) * 1000
current, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
result.update(held_mb=current / 1e6, peak_mb=peak / 1e6, rss_before_mb=rss_before / 1024,
              rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(result))
"""


LANGUAGES = ("en", "de", "fr", "es")


def probe(mode: str, cache_dir: str) -> dict:
    command = [sys.executable, "-c", PROBE, str(ROOT), mode]
    env = dict(os.environ, CAPTIONS_CACHE_DIR=cache_dir)
    return json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)


def total(result: dict) -> float:
    return sum(result[f"large_{language}_s"] for language in LANGUAGES)


def main() -> None:
    colds, warms = [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as cache_dir:
            colds.append(probe("time", cache_dir))
            warms.append(probe("time", cache_dir))
    with tempfile.TemporaryDirectory() as cache_dir:
        memory = probe("memory", cache_dir)
    cold, warm = min(colds, key=total), min(warms, key=total)
    print(f"load average {os.getloadavg()[0]:.1f}; best of 3 fresh processes each")
    print("| list | words | first lookup, cold (builds, writes the cache) | warm (reads the cache) |")
    print("|---|---|---|---|")
    print(f"| small, German (and its Zipf table) | | {cold['small_de_s']:.2f} s | {warm['small_de_s']:.2f} s |")
    for language in LANGUAGES:
        print(
            f"| large, {language} (Zipf 1.5 and up) | {cold[f'large_{language}_words']:,} | "
            f"{cold[f'large_{language}_s']:.2f} s | {warm[f'large_{language}_s']:.2f} s |"
        )
    print(f"is_rare_word_in, uncached: {warm['lookup_us']:.1f} µs a call")
    print(
        f"memory held after all five lists: {memory['held_mb']:.0f} MB (peak {memory['peak_mb']:.0f} MB, cold); "
        f"process RSS cold {cold['rss_mb']:.0f} MB, warm {warm['rss_mb']:.0f} MB "
        f"(before the lists: {warm['rss_before_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
