"""Python per page, before and after, side by side in one run (issue 11, item 4).

    DATABASE_URL=postgres://...bench_x .venv/bin/python bench/page_python.py \
        --baseline /path/to/a/checkout/of/the/old/commit [--rounds 7] [--loads 10]

Starts one worker process per checkout (this one, and `--baseline` when given), each with
Django set up once and a signed-in test client, and asks them in turn, round after round, for
`--loads` warm loads of every page: so both see the same machine, whatever else runs on it.
Each worker reports per load the wall time, the time spent inside the database cursor's
execute (the SQL and psycopg: the floor) and the difference (Python: Django, the views, the
templates), and, from one extra load under cProfile, the number of Python function calls
(repeatable whatever the load). The table gives the medians over rounds; the load average is
read before and after.

`--callgrind URL`: instead, the instructions one warm load of URL costs in this checkout (and
in `--baseline`), counted by `valgrind --tool=callgrind` (repeatable on a busy machine): the
run with `--loads` loads minus the run with none. `--only PREFIX ...`: only the pages whose
URL starts so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    ("/", "bench-researcher"),
    ("/?place=Moskau", "bench-researcher"),
    ("/?taken_after=2025-12&taken_before=2025-12", "bench-researcher"),
    ("/?q=firefighters", "bench-researcher"),
    ("/?country=DE&caveat=editorial_only", "bench-researcher"),
    ("/?min_print_width_cm=30&at_dpi=300", "bench-researcher"),
    ("/?sort=-taken&page=3", "bench-researcher"),
    ("/", "bench-production"),
    ("/", "bench-editor"),
    ("/photos/{photo}/", "bench-researcher"),
    ("/photos/{photo}/?page=1", "bench-researcher"),
    ("/photos/{photo}/", "bench-editor"),
    ("/api/photos/?page_size=24", "bench-researcher"),
    ("/api/photos/{photo}/", "bench-researcher"),
]


# --- the worker: one checkout, Django set up once ------------------------------------------------


def worker(root: str) -> None:
    sys.path.insert(0, root)
    os.chdir(root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.pop("REDIS_URL", None)
    import cProfile
    import pstats

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    sql = {"seconds": 0.0, "queries": 0}

    def timed(execute, statement, params, many, context):
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            sql["seconds"] += time.perf_counter() - started
            sql["queries"] += 1

    clients: dict[str, Client] = {}

    def client_for(username: str) -> Client:
        if username not in clients:
            clients[username] = Client(HTTP_HOST="127.0.0.1")  # no setup_test_environment: it instruments every render
            clients[username].force_login(User.objects.get(username=username))
        return clients[username]

    with connection.execute_wrapper(timed):
        for line in sys.stdin:
            url, username, loads = line.split()
            client = client_for(username)
            response = client.get(url)  # warm: caches filled, templates compiled
            assert response.status_code == 200, (url, response.status_code)
            walls, sqls = [], []
            for _ in range(int(loads)):
                sql.update(seconds=0.0, queries=0)
                started = time.perf_counter()
                client.get(url)
                walls.append(time.perf_counter() - started)
                sqls.append(sql["seconds"])
            queries = sql["queries"]
            profile = cProfile.Profile()
            profile.enable()
            client.get(url)
            profile.disable()
            calls = sum(entry[1] for entry in pstats.Stats(profile).stats.values())
            print(
                json.dumps(
                    {"wall": walls, "sql": sqls, "queries": queries, "calls": calls, "bytes": len(response.content)}
                ),
                flush=True,
            )


# --- the driver ----------------------------------------------------------------------------------


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def start(root: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--worker", root],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )


def ask(process: subprocess.Popen, url: str, user: str, loads: int) -> dict:
    process.stdin.write(f"{url} {user} {loads}\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())


def a_photo_id() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from captions.models import Photo

    # a photo with a place and a date (its page shows "more from this place / day"), not embargoed
    photo = (
        Photo.objects.releasable()
        .filter(place__isnull=False, date_start__isnull=False)
        .order_by("-created_at", "-id")
        .only("pk")
        .first()
    )
    return photo.pk


def compare(args) -> None:
    photo = a_photo_id()
    pages = [(url.format(photo=photo), user) for url, user in PAGES if url.startswith(tuple(args.only))]
    sides = {"after": start(str(Path(__file__).resolve().parent.parent))}
    if args.baseline:
        sides = {"before": start(os.path.abspath(args.baseline)), **sides}
    results: dict[tuple, dict[str, list[dict]]] = {page: {side: [] for side in sides} for page in pages}
    before_load = load_average()
    for _ in range(args.rounds):
        for page in pages:
            for side, process in sides.items():
                results[page][side].append(ask(process, *page, args.loads))
    after_load = load_average()
    for process in sides.values():
        process.stdin.close()
        process.wait()
    print(
        f"{args.rounds} rounds x {args.loads} warm loads a page, interleaved; load average before {before_load}, "
        f"after {after_load}; photo {photo}\n"
    )
    header = "| page | user |"
    for side in sides:
        header += f" {side}: ms | SQL ms | Python ms | calls | queries |"
    if len(sides) == 2:
        header += " Python after ÷ before |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for (url, user), by_side in results.items():
        line = f"| `{url}` | {user.removeprefix('bench-')} |"
        python = {}
        for side, rounds in by_side.items():
            wall = statistics.median(statistics.median(r["wall"]) for r in rounds) * 1000
            sql = statistics.median(statistics.median(r["sql"]) for r in rounds) * 1000
            python[side] = (
                statistics.median(
                    statistics.median(w - s for w, s in zip(r["wall"], r["sql"], strict=True)) for r in rounds
                )
                * 1000
            )
            calls = statistics.median(r["calls"] for r in rounds)
            line += f" {wall:.1f} | {sql:.1f} | {python[side]:.1f} | {calls:,.0f} | {rounds[-1]['queries']} |"
        if len(sides) == 2:
            line += f" {python['after'] / python['before']:.2f} |"
        print(line)


def callgrind(args) -> None:
    """Instructions of one warm load of args.callgrind: (run with N loads - run with 0) / N, in
    this checkout, then in `--baseline` when given."""
    photo = a_photo_id()
    url = args.callgrind.format(photo=photo)
    roots = {"after": Path(__file__).resolve().parent.parent}
    if args.baseline:
        roots = {"before": Path(args.baseline).resolve(), **roots}
    for side, root in roots.items():
        per_load = _instructions(url, args.user, args.loads, root)
        print(
            f"{side}: {url} ({args.user}): {per_load / 1e6:,.1f} million instructions a warm load (callgrind, {args.loads} loads)"
        )


def _instructions(url: str, user: str, loads_wanted: int, root: Path) -> float:
    counts = []
    for loads in (0, loads_wanted):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "callgrind.out"
            script = (
                "import sys; sys.argv = ['x', '--worker', sys.argv[1]]; "
                f"exec(open({os.path.abspath(__file__)!r}).read())"
            )
            subprocess.run(
                [
                    "valgrind",
                    "--tool=callgrind",
                    f"--callgrind-out-file={out}",
                    sys.executable,
                    "-c",
                    script,
                    str(root),
                ],
                input=f"{url} {user} {loads}\n",
                text=True,
                capture_output=True,
                check=True,
                cwd=root,
            )
            summary = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
            counts.append(int(summary.group(1)))
    return (counts[1] - counts[0]) / loads_wanted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help="a checkout of the commit to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--callgrind", metavar="URL")
    parser.add_argument("--user", default="bench-researcher")
    parser.add_argument("--only", nargs="*", default=[""], help="only the pages whose URL starts so")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
    elif args.callgrind:
        callgrind(args)
    else:
        compare(args)


if __name__ == "__main__":
    main()
