"""Where a page's time goes in Python: cProfile of N warm loads of one URL, grouped.

    DATABASE_URL=postgres://...bench_x .venv/bin/python bench/profile_page.py "/?place=Moskau" [--loads 20] [--user bench-researcher]

Prints the wall time per load split into time waiting on the database (psycopg's execute and
fetch), template rendering, and the rest of Python, then the functions with the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.pop("REDIS_URL", None)

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--user", default="bench-researcher")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    assert client.get(args.url).status_code == 200  # warm: caches filled
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(args.loads):
        client.get(args.url)
    profile.disable()
    wall = (time.perf_counter() - started) / args.loads * 1000
    stats = pstats.Stats(profile)
    groups = {"database (psycopg execute/fetch)": 0.0, "templates (render)": 0.0}
    for (filename, _line, _name), (_cc, _nc, tottime, _cum, _callers) in stats.stats.items():
        if "psycopg" in filename:
            groups["database (psycopg execute/fetch)"] += tottime
        elif "django/template" in filename:
            groups["templates (render)"] += tottime
    total = sum(v[2] for v in stats.stats.values())
    print(f"{args.url}: {wall:.1f} ms a load (profiled), {args.loads} loads")
    for name, seconds in groups.items():
        print(f"  {name}: {seconds / args.loads * 1000:.1f} ms ({seconds / total:.0%} of profiled time)")
    rest = total - sum(groups.values())
    print(f"  other Python: {rest / args.loads * 1000:.1f} ms ({rest / total:.0%})")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
