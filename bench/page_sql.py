"""The SQL a page runs, captured from the running app: for each URL, the queries of a load
with an empty cache ("cold") and of the load after it ("warm"), as the database received them.

    DATABASE_URL=postgres://...bench_x .venv/bin/python bench/page_sql.py --user bench-editor \\
        --out sql.json "/?place=Moskau" "/export/specs.csv"

A streamed response (an export) is read to its first rows only: its one big SELECT is logged
when the cursor opens. bench/bench_db.py replays the captured SQL through psycopg (the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.pop("REDIS_URL", None)  # an in-process cache of its own: "cold" clears only it

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def load(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        if response.streaming:
            for _chunk, _ in zip(response.streaming_content, range(3), strict=False):
                pass
            response.close()
    return [q["sql"] for q in captured.captured_queries]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--user", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    found = {}
    for url in args.urls:
        cache.clear()
        cold = load(client, url)
        warm = load(client, url)
        found[url] = {"cold": cold, "warm": warm}
    with open(args.out, "w") as out:
        json.dump(found, out, indent=1)


if __name__ == "__main__":
    main()
