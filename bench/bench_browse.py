"""Browse at scale: every query the browse page runs, EXPLAINed, and the page's wall time.

Reproduce (PostgreSQL; the figures in docs/BENCHMARKS.md, "Browse at a million photos"):

    createdb -h 127.0.0.1 -U postgres bench_browse
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_browse SECRET_KEY=x
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py generate_archive --count 1000000 --seed 1     # ~10 minutes
    psql -h 127.0.0.1 -U postgres bench_browse -c "VACUUM ANALYZE"
    psql -h 127.0.0.1 -U postgres -c "ALTER DATABASE bench_browse SET random_page_cost = 1.1"  # SSD/RAM; see docs
    .venv/bin/python bench/bench_browse.py [--json out.json] [--only NAME ...] [--plans]

For each search it loads the page twice through Django's test client with an empty cache
("cold": facets computed) and again ("warm": facets of a large selection come from the cache),
then runs EXPLAIN (ANALYZE, BUFFERS) on every query of the cold load that reads
captions_photo and reports its execution time, the indexes its plan uses and whether it
scans the photo table sequentially. `--plans` prints the full plans; `--json` writes every
figure so two runs (before / after a change) can be compared with `--compare old.json new.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from captions.models import Photo  # noqa: E402
from captions.roles import RESEARCHERS  # noqa: E402


def searches(article_id: int) -> list[tuple[str, dict]]:
    """(name, query parameters): every filter alone, the date window at each precision,
    combinations, each sort, a second and a deep page."""
    return [
        ("no filters", {}),
        ("q one word (de)", {"q": "Feuerwehrleute"}),
        ("q two words", {"q": "firefighters Berlin"}),
        ("q rare word", {"q": "Stadium"}),
        ("place=Moskau", {"place": "Moskau"}),
        ("place=Russland", {"place": "Russland"}),
        ("country=DE", {"country": "DE"}),
        ("country=IS", {"country": "IS"}),
        *[
            (f"caveat={tag}", {"caveat": tag})
            for tag in ("editorial_only", "embargo", "imperfect_historical", "mandatory_credit", "no_model_release")
        ],
        *[(f"orientation={o}", {"orientation": o}) for o in ("landscape", "portrait", "square")],
        ("day 1945-06-15", {"taken_after": "1945-06-15", "taken_before": "1945-06-15"}),
        ("month 1945-06", {"taken_after": "1945-06", "taken_before": "1945-06"}),
        ("year 1945", {"taken_after": "1945", "taken_before": "1945"}),
        ("decade 1940s", {"taken_after": "1940", "taken_before": "1949"}),
        ("month 2025-12", {"taken_after": "2025-12", "taken_before": "2025-12"}),
        ("after 2020", {"taken_after": "2020"}),
        ("before 1910", {"taken_before": "1910"}),
        ("undated", {"undated": "1"}),
        ("min_print_width_cm=60", {"min_print_width_cm": "60"}),
        ("min width 30 at 150 dpi", {"min_print_width_cm": "30", "at_dpi": "150"}),
        ("article", {"article": str(article_id)}),
        ("Russland + 2025-12", {"place": "Russland", "taken_after": "2025-12", "taken_before": "2025-12"}),
        ("DE + portrait", {"country": "DE", "orientation": "portrait"}),
        (
            "DE + square + 1960s",
            {"country": "DE", "orientation": "square", "taken_after": "1960", "taken_before": "1969"},
        ),
        ("embargo + 2025", {"caveat": "embargo", "taken_after": "2025", "taken_before": "2025"}),
        ("q + country + caveat", {"q": "Feuerwehrleute", "country": "DE", "caveat": "mandatory_credit"}),
        (
            "Moskau + portrait + 1945",
            {"place": "Moskau", "orientation": "portrait", "taken_after": "1945", "taken_before": "1945"},
        ),
        ("sort=taken", {"sort": "taken"}),
        ("sort=-taken", {"sort": "-taken"}),
        ("sort=added", {"sort": "added"}),
        ("page 2", {"page": "2"}),
        ("deep page (400 x 24)", {"page": "400"}),
        ("1940s sort=taken page 50", {"taken_after": "1940", "taken_before": "1949", "sort": "taken", "page": "50"}),
        ("DE sort=-taken page 100", {"country": "DE", "sort": "-taken", "page": "100"}),
    ]


def kind_of(sql: str) -> str:
    if "pg_class" in sql:
        return "estimate"
    if "captions_photo" not in sql:
        return "other"
    if "COUNT(CASE WHEN" in sql or "FILTER (WHERE" in sql:
        return "facets"
    if re.search(r"COUNT\(\*\)", sql, re.I) and "LIMIT" in sql:
        return "count"
    if "ORDER BY" in sql and "LIMIT" in sql:
        return "page"
    return "other photo query"


INDEX_RE = re.compile(r"(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)")


def explain(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [row[0] for row in cursor.fetchall()]


def summarize(plan: list[str]) -> dict:
    runtime = next((line for line in plan if line.startswith("Execution Time")), "")
    ms = float(re.search(r"([\d.]+) ms", runtime).group(1)) if runtime else None
    indexes = []
    for line in plan:
        for name in INDEX_RE.findall(line):
            if name not in indexes:
                indexes.append(name)
    return {
        "ms": ms,
        "indexes": indexes,
        "seq_scan": any("Seq Scan on captions_photo" in line for line in plan),
        "parallel": any("Gather" in line for line in plan),
    }


def load(client, params) -> tuple[float, list[dict], object]:
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get("/", params)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed, captured.captured_queries, response


def describe_total(total) -> str:
    if total is None:
        return "invalid"
    if total.estimated:
        return f"~{total.value:,}"
    if total.capped:
        return f"{total.value:,}+"
    return f"{total.value:,}"


def run(only: list[str] | None, show_plans: bool) -> dict:
    setup_test_environment()  # so responses carry their template context
    assert connection.vendor == "postgresql", "run this on PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM captions_photo")
        photos = cursor.fetchone()[0]
    print(f"photos: {photos:,}")
    user, _ = User.objects.get_or_create(username="bench-researcher")
    user.groups.add(Group.objects.get(name=RESEARCHERS))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    article_id = Photo.articles.through.objects.order_by("article_id").values_list("article_id", flat=True).first()
    results = {"photos": photos, "searches": {}}
    for name, params in searches(article_id):
        if only and not any(o.lower() in name.lower() for o in only):
            continue
        cache.clear()
        cold_ms, queries, response = load(client, params)
        warm_ms, warm_queries, _ = load(client, params)
        entry = {
            "params": params,
            "cold_ms": round(cold_ms),
            "warm_ms": round(warm_ms),
            "queries": len(queries),
            "warm_queries": len(warm_queries),
            "total": describe_total(response.context.get("total")),
            "plans": [],
        }
        print(
            f"\n{name} {params}: cold {cold_ms:.0f} ms / warm {warm_ms:.0f} ms, "
            f"{len(queries)}/{len(warm_queries)} queries, total {entry['total']}"
        )
        for query in queries:
            sql = query["sql"]
            kind = kind_of(sql)
            if kind in ("other", "estimate"):
                continue
            plan = explain(sql)
            summary = {"kind": kind, **summarize(plan)}
            entry["plans"].append(summary)
            print(
                f"  {kind:14} {summary['ms']:9.2f} ms  {'SEQ SCAN ' if summary['seq_scan'] else ''}"
                f"{', '.join(summary['indexes']) or '-'}"
            )
            if show_plans:
                print("    " + sql[:400])
                print("\n".join("      " + line for line in plan))
        results["searches"][name] = entry
    return results


def compare(old_path: str, new_path: str) -> None:
    """A Markdown table: page loads and the slowest query of each search, before and after."""
    old, new = (json.load(open(p)) for p in (old_path, new_path))
    print(
        "| search | total | page cold: before → after | page warm: before → after "
        "| photo queries, sum: before → after | slowest: before → after | indexes after |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, after in new["searches"].items():
        before = old["searches"].get(name)

        def slowest(entry):
            return max((p["ms"] for p in entry["plans"]), default=0) if entry else None

        def summed(entry):
            return sum(p["ms"] for p in entry["plans"]) if entry else None

        def indexes(entry):
            used = []
            for p in entry["plans"]:
                for i in p["indexes"] + (["seq scan"] if p["seq_scan"] else []):
                    if i not in used:
                        used.append(i)
            return ", ".join(f"`{i}`" if i != "seq scan" else "**seq scan**" for i in used) or "—"

        b = lambda v, unit=" ms": "—" if v is None else f"{v:,.0f}{unit}" if v >= 10 else f"{v:.1f}{unit}"
        print(
            f"| {name} | {after['total']} | {b(before and before['cold_ms'])} → {b(after['cold_ms'])} "
            f"| {b(before and before['warm_ms'])} → {b(after['warm_ms'])} "
            f"| {b(summed(before))} → {b(summed(after))} "
            f"| {b(slowest(before))} → {b(slowest(after))} | {indexes(after)} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--only", nargs="*", help="run only searches whose name contains one of these")
    parser.add_argument("--plans", action="store_true", help="print each query and its full plan")
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), help="compare two --json files as Markdown")
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    results = run(args.only, args.plans)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
