"""Load test: N clients for S seconds against the app as deployed, on this machine only.

    .venv/bin/python bench/load.py --port 8104 --user bench-production --password ... \\
        [--clients 50] [--seconds 60] [--max-requests 100000] [--json out.json]

Each client signs in (the real login form) before the clock starts: a sign-in is a deliberately
slow password hash (Django's PBKDF2, about half a second of CPU), and 50 of them inside the
measured minute would measure the hasher, not the pages. Then every client loops over a mix of
requests until the time or the request budget is spent: browse pages of every shape (70 %),
photo pages (25 %) and a small CSV export (5 %). Only loopback hosts are accepted; every loop
is bounded in count and time, and the run stops by itself. Reports requests/s, p50/p95/p99 and
errors, overall, per kind and per shape, with the load average before and after. With
--exporters N, N more clients export the whole archive over and over meanwhile (reported apart):
whether long exports starve the pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from web import Session, percentile

LOOPBACK = {"127.0.0.1", "localhost", "::1"}

BROWSE = [
    "/",
    "/?place=Moskau",
    "/?taken_after=2025-12&taken_before=2025-12",
    "/?q=firefighters",
    "/?country=DE&caveat=editorial_only",
    "/?min_print_width_cm=30&at_dpi=300",
    "/?place=Berlin&taken_after=1960&taken_before=1989",
    "/?sort=-taken&page=3",
    "/?orientation=portrait&country=FR",
]
PHOTO = "/photos/<id>/"
EXPORT = "/export/specs.csv?place=Reykjavik&caveat=mandatory_credit"
FULL_EXPORT = "/export/specs.csv"  # every photo: what --exporters clients fetch over and over
MIX = (("browse", 0.70), ("photo", 0.25), ("export", 0.05))


def photo_ids(session: Session, count: int = 500) -> list[int]:
    status, body, _, _ = session.get(f"/api/photos/?page_size={count}")
    if status != 200:
        raise SystemExit(f"/api/photos/ answered {status}")
    return [photo["id"] for photo in json.loads(body)["photos"]]


def sign_in(host: str, port: int, user: str, password: str, count: int, parallel: int = 2) -> list[dict]:
    """`count` signed-in browsers' cookies (sessions live in the database, so any server of the
    same database and SECRET_KEY accepts them: bench/load_compare.py signs in once for all)."""

    def one(_number: int) -> dict:
        session = Session(host, port)
        try:
            session.login(user, password)
            return dict(session.cookies)
        finally:
            session.close()

    with ThreadPoolExecutor(parallel) as pool:
        return list(pool.map(one, range(count)))


def summary(times_ms: list[float]) -> dict:
    return {
        "count": len(times_ms),
        "p50_ms": round(percentile(times_ms, 0.5), 1),
        "p95_ms": round(percentile(times_ms, 0.95), 1),
        "p99_ms": round(percentile(times_ms, 0.99), 1),
    }


def pick(rng: random.Random, ids: list[int]) -> tuple[str, str, str]:
    """(kind, shape, path) of the next request, drawn from MIX."""
    roll = rng.random()
    if roll < MIX[0][1]:
        path = rng.choice(BROWSE)
        return "browse", path, path
    if roll < MIX[0][1] + MIX[1][1]:
        return "photo", PHOTO, f"/photos/{rng.choice(ids)}/"
    return "export", EXPORT, EXPORT


def run(args, cookies: list[dict] | None = None) -> dict:
    if args.host not in LOOPBACK:
        raise SystemExit(f"--host {args.host!r}: a load test only targets this machine (127.0.0.1)")
    if cookies is None:
        cookies = sign_in(args.host, args.port, args.user, args.password, args.clients)
    first = Session(args.host, args.port)
    first.cookies = dict(cookies[0])
    ids = photo_ids(first)
    first.close()
    budget = threading.Semaphore(args.max_requests)
    results: list[tuple[str, str, float, int]] = []
    errors: list[str] = []
    lock = threading.Lock()
    load_before = os.getloadavg()
    started = time.monotonic()
    deadline = started + args.seconds

    def client(number: int) -> None:
        rng = random.Random(args.seed * 1000 + number)
        session = Session(args.host, args.port, timeout=args.timeout)
        session.cookies = dict(cookies[number % len(cookies)])
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            kind, shape, path = pick(rng, ids)
            try:
                status, _, seconds, _ = session.get(path, sink=lambda chunk: None)
            except Exception as exc:  # a failed request is an error; the run goes on
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}")
                continue
            with lock:
                results.append((kind, shape, seconds, status))
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
        session.close()

    def exporter(number: int) -> None:
        """A production assistant exporting the whole archive, again and again (--exporters): does
        a long export hold a worker the pages need? Not counted in the mix's figures."""
        session = Session(args.host, args.port, timeout=max(args.timeout, args.seconds))
        session.cookies = dict(cookies[number % len(cookies)])
        while time.monotonic() < deadline:
            try:
                status, _, seconds, _ = session.get(FULL_EXPORT, sink=lambda chunk: None)
            except Exception as exc:
                with lock:
                    errors.append(f"{FULL_EXPORT}: {type(exc).__name__}")
                continue
            with lock:
                exports.append((seconds, status))
        session.close()

    exports: list[tuple[float, int]] = []
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(args.clients)]
    threads += [threading.Thread(target=exporter, args=(n,), daemon=True) for n in range(args.exporters)]
    for thread in threads:
        thread.start()
    # one bound for all the joins: the run ends by itself even if a request hangs
    join_deadline = deadline + args.timeout + 5
    for thread in threads:
        thread.join(timeout=max(0.0, join_deadline - time.monotonic()))
    elapsed = time.monotonic() - started
    with lock:  # a hung client (past every timeout) may still append: read a copy
        done, failed = list(results), list(errors)
    report = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(done),
        "requests_per_s": round(len(done) / elapsed, 1),
        "errors": len(failed),
        "error_examples": sorted(set(failed))[:5],
        "unfinished_clients": sum(thread.is_alive() for thread in threads),
        "load_average_before": load_before,
        "load_average": os.getloadavg(),
    }
    for kind in ("all", "browse", "photo", "export"):
        report[kind] = summary([s * 1000 for k, _, s, _ in done if kind in ("all", k)])
    report["full_exports"] = summary([s * 1000 for s, _ in exports]) | {"exporters": args.exporters}
    report["shapes"] = {
        shape: summary([s * 1000 for _, sh, s, _ in done if sh == shape]) for shape in [*BROWSE, PHOTO, EXPORT]
    }
    return report


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--exporters", type=int, default=0, help="extra clients exporting every photo in a loop")
    parser.add_argument("--json")
    return parser


def main() -> None:
    args = parser().parse_args()
    report = run(args)
    print(json.dumps(report, indent=1))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=1)


if __name__ == "__main__":
    main()
