"""EXPLAIN (ANALYZE, BUFFERS) of every query a browse shape sends that reads the photo table,
captured from the app with an empty cache (the cold load), as Markdown.

    DATABASE_URL=postgres://...bench_scale .venv/bin/python bench/explain_shapes.py \\
        [--user bench-researcher] [--out var/bench/explain.md] ["/?q=mate" ...]

Without URLs it takes bench/bench_db.py's shapes (and a few more). Each plan is shortened to
its node lines (the first line of each node, with its actual rows and time); the session's
settings are the app's (random_page_cost, jit off).
"""

from __future__ import annotations

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.pop("REDIS_URL", None)

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SHAPES = [
    "/",
    "/?place=Moskau",
    "/?taken_after=2025-12&taken_before=2025-12",
    "/?taken_after=1960&taken_before=1969",
    "/?q=firefighters",
    "/?q=mate",
    "/?country=DE&caveat=editorial_only",
    "/?country=DE",
    "/?caveat=editorial_only",
    "/?orientation=portrait",
    "/?min_print_width_cm=30&at_dpi=300",
    "/?place=Berlin&taken_after=1960&taken_before=1989&q=demonstrators",
    "/?country=DE&orientation=portrait&taken_after=1960&taken_before=1969",
    "/?sort=taken&page=40",
]
KEEP = re.compile(
    r"^\s*(->\s*)?[A-Z][A-Za-z ]+(Scan|Join|Loop|Aggregate|Sort|Limit|Hash|BitmapAnd|BitmapOr|Gather|Memoize|Append|Unique|Result|Materialize|Merge)"
)


def short(sql: str) -> str:
    text = re.sub(r'"captions_photo"\."(\w+)"', r"\1", sql)
    text = re.sub(r"SELECT .*? FROM", "SELECT … FROM", text, count=1, flags=re.S)
    text = re.sub(r"COUNT\(CASE WHEN .*?END\)(, COUNT\(CASE WHEN .*?END\))*", "COUNT(CASE …)×N", text, flags=re.S)
    return text if len(text) < 400 else text[:380] + " …"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--user", default="bench-researcher")
    parser.add_argument("--out")
    parser.add_argument("urls", nargs="*")
    args = parser.parse_args()
    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    out = []
    for url in args.urls or SHAPES:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code)
        total = response.context["total"] if response.context else None
        out.append(f"#### `{url}` — total {total.value:,}{' (about)' if total and not total.exact else ''}\n")
        photo_sql = [
            q["sql"]
            for q in captured.captured_queries
            if "captions_photo" in q["sql"] and not q["sql"].lstrip().upper().startswith("EXPLAIN")
        ]
        out.append(f"{len(captured.captured_queries)} queries, {len(photo_sql)} read the photo table.\n")
        for sql in photo_sql:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                lines = [row[0] for row in cursor.fetchall()]
            kept = [line for line in lines if KEEP.match(line) or line.startswith("Execution Time")]
            out.append("```\n" + short(sql) + "\n" + "\n".join(kept) + "\n```\n")
    text = "\n".join(out)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
