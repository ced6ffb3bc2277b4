"""Load test: N clients for S seconds against the app as deployed, on this machine only.

    .venv/bin/python bench/load.py --port 8104 --user bench-production --password ... \\
        [--clients 50] [--seconds 60] [--max-requests 100000] [--json out.json]

Each client signs in (the real login form), then loops over a mix of requests until the time
or the request budget is spent: browse pages of every shape (70 %), photo pages (25 %) and a
small CSV export (5 %). Only loopback hosts are accepted; every loop is bounded in count and
time, and the run stops by itself. Reports requests/s, p50/p95/p99 and errors, per kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time

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
EXPORT = "/export/specs.csv?place=Reykjavik&caveat=mandatory_credit"


def photo_ids(session: Session, count: int = 500) -> list[int]:
    status, body, _, _ = session.get(f"/api/photos/?page_size={count}")
    if status != 200:
        raise SystemExit(f"/api/photos/ answered {status}")
    return [photo["id"] for photo in json.loads(body)["photos"]]


def run(args) -> dict:
    if args.host not in LOOPBACK:
        raise SystemExit(f"--host {args.host!r}: a load test only targets this machine (127.0.0.1)")
    first = Session(args.host, args.port)
    first.login(args.user, args.password)
    ids = photo_ids(first)
    first.close()
    deadline = time.monotonic() + args.seconds
    budget = threading.Semaphore(args.max_requests)
    results: list[tuple[str, float, int]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        rng = random.Random(number)
        session = Session(args.host, args.port, timeout=args.timeout)
        try:
            session.login(args.user, args.password)
        except Exception as exc:  # a refused sign-in counts as an error, the run goes on
            with lock:
                errors.append(f"login: {exc}")
            return
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            roll = rng.random()
            if roll < 0.70:
                kind, path = "browse", rng.choice(BROWSE)
            elif roll < 0.95:
                kind, path = "photo", f"/photos/{rng.choice(ids)}/"
            else:
                kind, path = "export", EXPORT
            try:
                status, _, seconds, _ = session.get(path, sink=lambda chunk: None)
            except Exception as exc:
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}")
                continue
            with lock:
                results.append((kind, seconds, status))
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
        session.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.seconds + args.timeout + 5)
    elapsed = time.monotonic() - started
    report = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(results),
        "requests_per_s": round(len(results) / elapsed, 1),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "load_average": os.getloadavg(),
    }
    for kind in ("all", "browse", "photo", "export"):
        times = [s * 1000 for k, s, _ in results if kind in ("all", k)]
        report[kind] = {
            "count": len(times),
            "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "p99_ms": round(percentile(times, 0.99), 1),
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--json")
    args = parser.parse_args()
    report = run(args)
    print(json.dumps(report, indent=1))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=1)


if __name__ == "__main__":
    main()
