import datetime as dt
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from captions.synthetic import generate_archive


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today {value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Create N synthetic but realistic photo records (deterministic for a seed and --today)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="how many photos")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--today", type=_date, default=None, help="latest shoot date, YYYY-MM-DD (default: today)")
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, count, seed, today, batch_size, **options):
        if count < 0:
            raise CommandError("--count must be 0 or more")
        started = time.perf_counter()
        show = sys.stderr.isatty() and options["verbosity"] > 0

        def progress(done):
            if show:
                sys.stderr.write(f"\r{done:,}/{count:,} photos")
                sys.stderr.flush()

        result = generate_archive(count=count, seed=seed, today=today, batch_size=batch_size, progress=progress)
        if show:
            sys.stderr.write("\n")
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"created {result.created} photos, skipped {result.skipped} already present, "
            f"{result.articles} articles, {result.places} places in {seconds:.1f}s"
        )
        if result.stages and options["verbosity"] > 1:
            self.stdout.write("stages: " + ", ".join(f"{name} {s:.1f}s" for name, s in result.stages.items()))
