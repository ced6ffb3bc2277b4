"""What every request pays around its view: middleware, context processors, session, auth.

    DATABASE_URL=postgres://...bench_x .venv/bin/python bench/request_overhead.py [--requests 30]
    ... --callgrind      # the same, each variant's instructions counted by valgrind's callgrind

Requests go straight into Django's WSGI handler (as gunicorn calls it, settings as deployed:
DEBUG off, the cache on Redis when REDIS_URL is set) for an anonymous visitor (the sign-in page,
the health check) and a signed-in researcher (a browse page and a photo page, with the session
and CSRF cookies a browser holds). For each page it prints the queries one request sends, then
the cost of one request with the full stack and with one middleware or context processor left
out at a time (the difference is what that piece costs): by cProfile (function calls and
profiled ms a request) or, with --callgrind, by instructions a request, which repeat to within
a fraction of a percent on a machine whose clock times do not. Sessions and authentication are
not left out on signed-in pages (they would turn the page into a redirect); their queries show
what they cost there.
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-xxxxxxxxxxxxxxxxxxxx")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("HTTPS_ONLY", "0")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("STATIC_ROOT", os.path.join(ROOT, "var", "bench", "static"))  # collectstatic first


def environ(path: str, cookies: dict[str, str]) -> dict:
    """A GET as gunicorn hands it to Django (a browser's usual headers)."""
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9,de;q=0.8",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate",
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) bench",
        "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def call(handler, path: str, cookies: dict[str, str]) -> int:
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = int(status.split()[0])
        seen["headers"] = headers

    body = handler(environ(path, cookies), start_response)
    try:
        for _chunk in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close:
            close()
    return seen["status"]


def repeat(handler, path: str, cookies: dict, times: int) -> None:
    for _ in range(times):
        call(handler, path, cookies)


def variants() -> list[tuple[str, dict]]:
    """(name, settings to override): the full stack, then each piece left out in turn."""
    from django.conf import settings

    out = [("full stack", {})]
    for name in settings.MIDDLEWARE:
        kept = [m for m in settings.MIDDLEWARE if m != name]
        out.append((f"- {name.rsplit('.', 1)[-1]}", {"MIDDLEWARE": kept}))
    engine = settings.TEMPLATES[0]
    for processor in engine["OPTIONS"]["context_processors"]:
        kept = [p for p in engine["OPTIONS"]["context_processors"] if p != processor]
        templates = [{**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": kept}}]
        out.append((f"- {processor.rsplit('.', 1)[-1]} (context processor)", {"TEMPLATES": templates}))
    return out


def handler_for(overrides: dict):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    if not overrides:
        return WSGIHandler(), None
    context = override_settings(**overrides)
    context.enable()
    return WSGIHandler(), context


def pages(user_name: str) -> list[tuple[str, str, dict]]:
    """(who, path, cookies) for the pages measured."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    from captions.models import Photo

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=user_name))
    client.get("/")  # the CSRF cookie, as a browser has it after signing in
    signed_in = {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: client.cookies[settings.CSRF_COOKIE_NAME].value,
    }
    photo = Photo.objects.order_by("pk").values_list("pk", flat=True)[500]
    return [
        ("anonymous", "/accounts/login/", {}),
        ("anonymous", "/healthz", {}),
        (user_name, "/", signed_in),
        (user_name, f"/photos/{photo}/", signed_in),
    ]


def queries(handler, path: str, cookies: dict) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call(handler, path, cookies)
    return [q["sql"][:110] for q in captured.captured_queries]


def measure(args, wanted: set[str] | None) -> dict:
    """Per page and variant: status, calls and profiled ms a request (or, under callgrind, the
    regions valgrind counts, in the order of the returned 'order' list)."""
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear() if args.clear_cache else None
    results: dict = {"pages": [], "order": []}
    measured_pages = pages(args.user)
    all_variants = [v for v in variants() if wanted is None or v[0] in wanted]
    for who, path, cookies in measured_pages:
        base, _ = handler_for({})
        for _ in range(3):
            call(base, path, cookies)
        page = {"who": who, "path": path, "queries": queries(base, path, cookies), "variants": []}
        for name, overrides in all_variants:
            handler, context = handler_for(overrides)
            try:
                status = call(handler, path, cookies)
                call(handler, path, cookies)
                if args.callgrind_child:
                    # the only code valgrind counts (--toggle-collect=sys_call_tracing), one dump each
                    sys.call_tracing(repeat, (handler, path, cookies, args.requests))
                    results["order"].append((path, name))
                    page["variants"].append({"name": name, "status": status})
                    continue
                profile = cProfile.Profile()
                started = time.perf_counter()
                profile.enable()
                for _ in range(args.requests):
                    call(handler, path, cookies)
                profile.disable()
                wall = (time.perf_counter() - started) / args.requests * 1000
                stats = pstats.Stats(profile)
                calls = sum(v[1] for v in stats.stats.values()) / args.requests
                page["variants"].append({"name": name, "status": status, "calls": calls, "ms": wall})
            finally:
                if context is not None:
                    context.disable()
        results["pages"].append(page)
    return results


def run_callgrind(args) -> dict:
    """The same measurement under callgrind: one dump per (page, variant) region."""
    out_dir = tempfile.mkdtemp(prefix="request-overhead-")
    command = [
        "valgrind",
        "--tool=callgrind",
        "--collect-atstart=no",
        "--toggle-collect=sys_call_tracing",
        "--dump-after=sys_call_tracing",
        f"--callgrind-out-file={out_dir}/cg.out",
        sys.executable,
        os.path.abspath(__file__),
        "--callgrind-child",
        f"{out_dir}/result.json",
        "--requests",
        str(args.requests),
        "--user",
        args.user,
        *(["--only", *args.only] if args.only else []),
    ]
    with open(f"{out_dir}/valgrind.log", "w") as log:
        if subprocess.run(command, stdout=log, stderr=subprocess.STDOUT).returncode:
            raise SystemExit(f"valgrind failed: see {out_dir}/valgrind.log")
    result = json.load(open(f"{out_dir}/result.json"))
    dumps = sorted(glob.glob(f"{out_dir}/cg.out.*"), key=lambda p: int(p.rsplit(".", 1)[-1]))
    counts = []
    for dump in dumps:
        with open(dump) as fh:
            for line in fh:
                if line.startswith("summary:") or line.startswith("totals:"):
                    counts.append(int(line.split()[1]))
                    break
    by_region = dict(zip(map(tuple, result["order"]), counts, strict=False))
    for page in result["pages"]:
        for variant in page["variants"]:
            total = by_region.get((page["path"], variant["name"]))
            variant["instructions"] = total / args.requests if total is not None else None
    return result


def report(result: dict, key: str, unit: str) -> None:
    for page in result["pages"]:
        print(f"\n{page['who']} GET {page['path']}: {len(page['queries'])} queries a request")
        for sql in page["queries"]:
            print(f"    {sql}")
        full = page["variants"][0]
        print(f"  {'variant':58} {'status':>6} {unit:>14} {'saved':>12}")
        for variant in page["variants"]:
            value = variant.get(key)
            saved = full[key] - value if value is not None and full.get(key) is not None else float("nan")
            share = saved / full[key] if full.get(key) else float("nan")
            print(f"  {variant['name']:58} {variant['status']:>6} {value:>14,.0f} {saved:>12,.0f} ({share:.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--user", default="bench-researcher")
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--callgrind-child", help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="*", help="variant names to measure besides the full stack (default: all)")
    parser.add_argument("--clear-cache", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    wanted = {"full stack", *args.only} if args.only else None
    load_before = os.getloadavg()[0]
    if args.callgrind_child:
        with open(args.callgrind_child, "w") as out:
            json.dump(measure(args, wanted), out)
        return
    if args.callgrind:
        result = run_callgrind(args)
        report(result, "instructions", "instr/request")
    else:
        result = measure(args, wanted)
        report(result, "calls", "calls/request")
        print("\nprofiled ms a request (cProfile; noisy on a shared machine):")
        for page in result["pages"]:
            print(f"  {page['path']}: " + ", ".join(f"{v['name']} {v['ms']:.1f}" for v in page["variants"][:1]))
    print(f"\nload average before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=1)


if __name__ == "__main__":
    main()
