"""Export throughput: stream /export/specs.csv (or .json) of every photo through the real view.

    createdb -h 127.0.0.1 -U postgres bench_export
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_export DEBUG=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py generate_archive --count 1000000
    .venv/bin/python bench/bench_export.py [--format csv|json] [--dialect excel-de] [--param caveat=editorial_only]

Measures, in this process (Django's test client calls the view; no network): the time to the
first byte and to the first photo row, rows per second over the whole stream, and the growth
of resident memory (peak VmRSS while streaming minus VmRSS before the request). Read-only: it
adds one user ('bench-production') and nothing else. Refuses a database whose name lacks 'bench'.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--dialect", default=None, help="CSV dialect, e.g. excel-de")
    parser.add_argument("--param", action="append", default=[], help="a browse filter, name=value (repeatable)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client

    from captions.models import Photo
    from captions.roles import PRODUCTION

    db = settings.DATABASES["default"]
    if "bench" not in str(db["NAME"]):
        sys.exit(f"refusing to run on database {db['NAME']!r}: its name must contain 'bench'")
    user, _ = User.objects.get_or_create(username="bench-production")
    user.groups.add(Group.objects.get(name=PRODUCTION))
    photos = Photo.objects.count()

    params = dict(p.split("=", 1) for p in args.param)
    if args.dialect:
        params["dialect"] = args.dialect
    url = f"/export/specs.{args.format}" + (f"?{urlencode(params)}" if params else "")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    # warm up: a long-running server has imported its modules and resolved its URLs already
    b"".join(client.get("/export/specs.csv", {"q": "warm-up-matches-nothing"}).streaming_content)

    backend_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend_pid = cursor.fetchone()[0]
    backend_before = backend_cpu_seconds(backend_pid) if backend_pid else None
    rss_before = peak = rss_kib()
    cpu_started = time.process_time()
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    first_byte = first_row = None
    size, _last = 0, b""
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

    # the audit trail's line of this export holds how many photos went out
    from captions.models import AuditEvent

    rows = (
        AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT).order_by("-id").values_list("photo_count", flat=True)[0]
    )
    print(f"database: {connection.vendor} ({db['NAME']}), photos: {photos:,}, url: {url}")
    print(f"rows exported:     {rows:,} ({size / 1e6:,.1f} MB) in {elapsed:.1f} s")
    print(
        f"throughput:        {rows / elapsed:,.0f} rows/s wall clock; {rows / cpu:,.0f} rows per CPU second "
        f"of this process (load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    if backend_before is not None and backend_after is not None:
        db_cpu = backend_after - backend_before
        print(
            f"CPU per row:       {cpu / rows * 1e6:.1f} us in Django + {db_cpu / rows * 1e6:.1f} us in the PostgreSQL "
            f"backend = {rows / (cpu + db_cpu):,.0f} rows/s when both have a CPU to themselves"
        )
    print(f"first byte:        {first_byte * 1000:.0f} ms")
    print(f"first photo row:   {first_row * 1000:.0f} ms" if first_row else "first photo row:   (none)")
    print(f"peak RSS growth:   {(peak - rss_before) / 1024:.1f} MB (from {rss_before / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
