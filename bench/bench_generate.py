"""generate_archive at scale: wall time, and the CPU time of Python and of its PostgreSQL backend.

    .venv/bin/python bench/bench_generate.py --count 1000000 [--db bench_generate]

Drops and creates the database (its name must contain 'bench'), migrates it, then runs
`generate_archive --count N --seed 1 --today 2026-11-29` in this process and reports:

- the wall time and each stage (rows, foreign keys, indexes, commit, analyze);
- the CPU seconds this Python process spent (making rows, sending COPY data);
- the CPU seconds of the PostgreSQL backend serving the connection (parsing COPY rows,
  to_tsvector for the full-text index kept during the load, the foreign-key check and the
  index builds), read from /proc/<backend pid>/stat, so the figure needs the server on this
  machine.

On a shared machine the wall time depends on the other load; the two CPU figures do not, and
their sum divided by two is what two idle cores would need if the work overlapped perfectly
(the rows stage does overlap: Python makes the next rows while the backend indexes the last).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DEBUG", "1")


def backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", default="bench_generate")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    if "bench" not in args.db:
        sys.exit(f"refusing to use database {args.db!r}: its name must contain 'bench'")

    import psycopg

    with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{args.db}"')
    os.environ["DATABASE_URL"] = f"{args.pg}/{args.db}"
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.db import connection

    from captions.synthetic import generate_archive

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    load_before = os.getloadavg()[0]
    backend0, own0, started = backend_cpu(pid), own_cpu(), time.perf_counter()
    result = generate_archive(count=args.count, seed=1, today=dt.date(2026, 11, 29))
    wall = time.perf_counter() - started
    python_cpu, backend = own_cpu() - own0, backend_cpu(pid) - backend0
    stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.stages.items())
    print(f"generate_archive --count {args.count:,}: created {result.created:,} in {wall:.0f} s wall ({stages})")
    print(f"CPU: Python {python_cpu:.1f} s, PostgreSQL backend {backend:.1f} s, sum {python_cpu + backend:.1f} s")
    print(f"load average before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
