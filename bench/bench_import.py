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
    from captions import ingest
    from captions.ingest.pipeline import block_texts_of, parse_many
    from captions.models import Photo, Place
    from captions.services import imports

    db = settings.DATABASES["default"]
    if "bench" not in str(db["NAME"]):
        sys.exit(f"refusing to run on database {db['NAME']!r}: its name must contain 'bench'")
    call_command("migrate", verbosity=0)

    def clear():
        Photo.history.all().delete()
        Photo.objects.all().delete()
        Place.objects.all().delete()

    clear()

    texts = block_texts_of(["\n---\n".join(make_blocks(args.count))])
    n = len(texts)
    t0 = time.perf_counter()
    blocks = [ingest.parse_block(t) for t in texts]
    t1 = time.perf_counter()
    result = imports.import_blocks(blocks=blocks)
    t2 = time.perf_counter()
    print(f"database: {connection.vendor} ({db['NAME']}), blocks: {n}, load average {os.getloadavg()[0]:.1f}")
    print(f"parse only, one core:          {n / (t1 - t0):9,.0f} blocks/s")
    print(f"save only (first import):      {n / (t2 - t1):9,.0f} blocks/s   {result.summary}")
    print(f"parse then save, one process:  {n / (t2 - t0):9,.0f} blocks/s")
    clear()
    t3 = time.perf_counter()
    # as the command imports: near-duplicates of earlier blocks of the run looked for in each batch too
    piped = imports.import_blocks(blocks=parse_many(texts, parallel=True), match_earlier_blocks=True)
    t4 = time.perf_counter()
    print(f"import_captions path (parse in a worker while saving): {n / (t4 - t3):9,.0f} blocks/s   {piped.summary}")
    t5 = time.perf_counter()
    again = imports.import_blocks(blocks=parse_many(texts, parallel=True), match_earlier_blocks=True)
    t6 = time.perf_counter()
    print(f"re-import of the same file:    {n / (t6 - t5):9,.0f} blocks/s   {again.summary}")


if __name__ == "__main__":
    main()
