"""Import throughput: parse + save N unique caption blocks, then re-import them.

    createdb -h 127.0.0.1 -U postgres bench_import
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import .venv/bin/python bench/bench_import.py --count 20000

Empties the photo tables of that database first: never point it at a real archive.
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench.blocks import make_blocks
    from captions import caption_parser, services
    from captions.models import Photo, Place

    db = settings.DATABASES["default"]
    if "bench" not in str(db["NAME"]):
        sys.exit(f"refusing to run on database {db['NAME']!r}: its name must contain 'bench'")
    call_command("migrate", verbosity=0)
    Photo.history.all().delete()
    Photo.objects.all().delete()
    Place.objects.all().delete()

    text = "\n---\n".join(make_blocks(args.count))
    t0 = time.perf_counter()
    blocks = caption_parser.parse_blocks(text)
    t1 = time.perf_counter()
    result = services.import_blocks(blocks=blocks)
    t2 = time.perf_counter()
    again = services.import_blocks(blocks=caption_parser.parse_blocks(text))
    t3 = time.perf_counter()
    n = len(blocks)
    print(f"database: {connection.vendor} ({db['NAME']}), blocks: {n}")
    print(f"parse:            {n / (t1 - t0):9,.0f} blocks/s")
    print(f"save (first):     {n / (t2 - t1):9,.0f} blocks/s   {result.summary}")
    print(f"parse+save:       {n / (t2 - t0):9,.0f} blocks/s")
    print(f"re-import (same): {n / (t3 - t2):9,.0f} blocks/s   {again.summary}")


if __name__ == "__main__":
    main()
