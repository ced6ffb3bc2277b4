"""Export throughput: stream /export/specs.csv and .json of every photo through the real view.

    createdb -h 127.0.0.1 -U postgres bench_export
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_export DEBUG=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py generate_archive --count 1000000
    .venv/bin/python bench/bench_export.py [--format csv,json] [--rounds 3] [--dialect excel-de] \
        [--param caveat=editorial_only] [--read-only]

Measures, in this process (no network), for each format in turn, interleaved over `--rounds`
rounds with `COPY (<the export's own statement>) TO STDOUT` run through psycopg in the export's
session settings (the floor): the time to the first byte (the response's first piece: the CSV
header row, the JSON's meta) and to the first photo row, rows per second over the whole stream,
the CPU of this process and of the PostgreSQL backend per row, and the growth of resident
memory (peak VmRSS while streaming minus VmRSS before the request); best round of each.

Without `--read-only` it calls the view through Django's test client and adds one user
('bench-production'); the audit trail gets a line per export. With `--read-only` (for a database
that must not be written, such as the lead's bench_scale) every connection is opened with
default_transaction_read_only, the view is called with a request built by RequestFactory (no
session, no middleware) for the bench-production or bench-researcher user as it is, given
Production's permissions in this process only, and the audit line is not written. Refuses a database whose name lacks 'bench'.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

READ_ONLY = "-c default_transaction_read_only=on"


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def backend_cpu_seconds(pid: int) -> float | None:
    """CPU seconds used so far by the PostgreSQL backend serving this process (same host)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def copy_seconds(dsn: str, statement: str, read_only: bool) -> tuple[float, int, float]:
    """(seconds, rows, seconds to the first row) of the COPY through psycopg, in the export's settings."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True, options=READ_ONLY if read_only else "") as conn:
        conn.execute("SET jit = off")
        conn.execute("SET extra_float_digits = 1")
        conn.execute("SET DateStyle = 'ISO, YMD'")
        rows, first = 0, None
        started = time.perf_counter()
        with conn.cursor().copy(statement) as copy:
            for _block in copy:
                if first is None:
                    first = time.perf_counter() - started
                rows += 1
        return time.perf_counter() - started, rows, first or 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", default="csv", help="csv, json or csv,json")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--dialect", default=None, help="CSV dialect, e.g. excel-de")
    parser.add_argument("--param", action="append", default=[], help="a browse filter, name=value (repeatable)")
    parser.add_argument("--read-only", action="store_true", help="write nothing (see the docstring)")
    parser.add_argument(
        "--first-byte-rounds",
        type=int,
        default=0,
        help="also time the first byte alone this many times, interleaved with the same request counting the "
        "embargoed photos left out as before (one OR of the embargo rule's halves, a BitmapOr)",
    )
    args = parser.parse_args()

    import django
    from django.conf import settings

    if args.read_only:
        settings.DATABASES["default"].setdefault("OPTIONS", {})["options"] = READ_ONLY
    django.setup()
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve

    from captions.exports import views
    from captions.models import Photo
    from captions.roles import PRODUCTION

    db = settings.DATABASES["default"]
    if "bench" not in str(db["NAME"]):
        sys.exit(f"refusing to run on database {db['NAME']!r}: its name must contain 'bench'")
    if args.read_only:
        # a bench user as it is (no write), given Production's permissions for this process only
        user = User.objects.filter(username__in=("bench-production", "bench-researcher")).order_by("username").first()
        if user is None:
            sys.exit("no bench-production or bench-researcher user in this database")
        user.has_perm = lambda perm, obj=None: perm == "captions.export_specs"  # and not change_photo
        views.record_export = lambda *a, **k: None  # no audit line: nothing is written
        factory = RequestFactory(HTTP_HOST="localhost")

        def get(url, params=None):
            request = factory.get(url, params or {})
            request.user = user
            return resolve(request.path).func(request)
    else:
        user, _ = User.objects.get_or_create(username="bench-production")
        user.groups.add(Group.objects.get(name=PRODUCTION))
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        get = client.get
    photos = Photo.objects.count()
    dsn = (
        f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']} dbname={db['NAME']}"
        if connection.vendor == "postgresql"
        else None
    )

    params = dict(p.split("=", 1) for p in args.param)
    if args.dialect:
        params["dialect"] = args.dialect
    formats = args.format.split(",")
    urls = {f: f"/export/specs.{f}" + (f"?{urlencode(params)}" if params else "") for f in formats}
    # warm up: a long-running server has imported its modules and resolved its URLs already;
    # the export's own COPY statement is read from the warm-up of the whole selection
    statements = {}
    for fmt, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            response = get(url)
            pieces = iter(response.streaming_content)
            next(pieces), next(pieces, None)
            response.close()
        copies = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("COPY (")]
        statements[fmt] = copies[0] if copies else None

    # a response's close() ends the request, which closes the connection (CONN_MAX_AGE 0): keep
    # it, as a server's persistent connection would, so the backend's CPU is read from one process
    from django.core import signals
    from django.db import close_old_connections

    signals.request_finished.disconnect(close_old_connections)
    backend_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend_pid = cursor.fetchone()[0]

    def export(url) -> dict:
        backend_before = backend_cpu_seconds(backend_pid) if backend_pid else None
        rss_before = peak = rss_kib()
        cpu_started = time.process_time()
        started = time.perf_counter()
        response = get(url)
        assert response.status_code == 200, response.status_code
        first_byte = first_row = None
        size = 0
        for number, piece in enumerate(response.streaming_content):
            now = time.perf_counter()
            if first_byte is None:
                first_byte = now - started
            elif first_row is None:
                first_row = now - started  # the first piece holds the header lines, the second the first rows
            size += len(piece)
            if number % 20 == 0:
                peak = max(peak, rss_kib())
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        backend_after = backend_cpu_seconds(backend_pid) if backend_pid else None
        peak = max(peak, rss_kib())
        response.close()
        db_cpu = backend_after - backend_before if backend_before is not None and backend_after is not None else None
        return dict(
            s=elapsed,
            size=size,
            cpu=cpu,
            db_cpu=db_cpu,
            first_byte=first_byte,
            first_row=first_row,
            rss_growth=(peak - rss_before) / 1024,
            rss_before=rss_before / 1024,
        )

    load_before = os.getloadavg()
    best: dict = {}
    for _ in range(args.rounds):
        for fmt, url in urls.items():
            result = export(url)
            if fmt not in best or result["s"] < best[fmt]["s"]:
                best[fmt] = result
            if statements[fmt] and dsn:
                seconds, rows, first = copy_seconds(dsn, statements[fmt], args.read_only)
                if f"{fmt}-copy" not in best or seconds < best[f"{fmt}-copy"]["s"]:
                    best[f"{fmt}-copy"] = {"s": seconds, "rows": rows, "first_row": first}
    first_bytes: dict = {"now": [], "before": []}
    if args.first_byte_rounds:
        from statistics import median

        from captions.models import PhotoQuerySet

        def one_or(self, now=None):  # the count as it was before it was split in two halves
            return self.embargoed(now).count()

        split = PhotoQuerySet.embargoed_count
        url = next(iter(urls.values()))
        for _ in range(args.first_byte_rounds):
            for name, count in (("now", split), ("before", one_or)):
                PhotoQuerySet.embargoed_count = count
                started = time.perf_counter()
                response = get(url)
                next(iter(response.streaming_content))
                first_bytes[name].append(time.perf_counter() - started)
                response.close()
        PhotoQuerySet.embargoed_count = split
    load_after = os.getloadavg()
    print(
        f"database: {connection.vendor} ({db['NAME']}), photos: {photos:,}; best of {args.rounds} interleaved rounds; "
        f"load average before {load_before[0]:.1f} / {load_before[1]:.1f}, after {load_after[0]:.1f} / "
        f"{load_after[1]:.1f} (1 / 5 min) on {os.cpu_count()} CPUs" + ("; read-only" if args.read_only else "")
    )
    for fmt, url in urls.items():
        result = best[fmt]
        copied = best.get(f"{fmt}-copy")
        rows = copied["rows"] if copied else None
        print(f"{url}:")
        if rows:
            print(f"  rows exported:   {rows:,} ({result['size'] / 1e6:,.1f} MB) in {result['s']:.1f} s")
            print(
                f"  throughput:      {rows / result['s']:,.0f} rows/s wall clock; "
                f"{rows / result['cpu']:,.0f} rows per CPU second of this process"
            )
            print(
                f"  COPY of its own statement: {copied['s']:.1f} s = {rows / copied['s']:,.0f} rows/s, first row "
                f"{copied['first_row'] * 1000:.0f} ms; export / COPY = {copied['s'] / result['s']:.0%}"
            )
            if result["db_cpu"] is not None:
                print(
                    f"  CPU per row:     {result['cpu'] / rows * 1e6:.1f} us in Django + "
                    f"{result['db_cpu'] / rows * 1e6:.1f} us in the PostgreSQL backend"
                )
        else:
            print(f"  {result['size'] / 1e6:,.1f} MB in {result['s']:.1f} s (no COPY: the Python path)")
        print(f"  first byte:      {result['first_byte'] * 1000:.0f} ms")
        print(
            f"  first photo row: {result['first_row'] * 1000:.0f} ms"
            if result["first_row"]
            else "  first photo row: (none)"
        )
        print(f"  peak RSS growth: {result['rss_growth']:.1f} MB (from {result['rss_before']:.0f} MB)")
    if first_bytes["now"]:
        print(
            f"first byte of {next(iter(urls.values()))} alone, median of {args.first_byte_rounds} interleaved: "
            f"{median(first_bytes['now']) * 1000:.0f} ms (max {max(first_bytes['now']) * 1000:.0f}); with the embargoed "
            f"photos counted as before: {median(first_bytes['before']) * 1000:.0f} ms "
            f"(max {max(first_bytes['before']) * 1000:.0f})"
        )


if __name__ == "__main__":
    main()
