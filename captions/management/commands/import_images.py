import sys

from django.core.management.base import BaseCommand

from captions.services import image_imports


class Command(BaseCommand):
    help = (
        "Import image files (files or folders, recursively) with their embedded metadata, renditions and "
        "sidecars (NAME.xmp, NAME.txt with a caption block). Idempotent by content hash; work spread over the cores."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
        parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")

    def handle(self, *args, paths, workers, **options):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0

        def progress(done, total):
            if show_progress:
                width = 30
                filled = width * done // max(total, 1)
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} files")
                sys.stderr.flush()

        result = image_imports.import_image_files(paths=paths, workers=workers, progress=progress)
        if show_progress:
            sys.stderr.write("\n")
        self.stdout.write(result.summary)
        for outcome in result.outcomes:
            if outcome.status == "refused":
                self.stdout.write(f"refused {outcome.path}: {outcome.reason}")
        if options["verbosity"] > 1:
            for outcome in result.outcomes:
                if outcome.status == "duplicate":
                    self.stdout.write(f"duplicate {outcome.path}: the same bytes as {outcome.duplicate_of}")
                elif outcome.problems and outcome.status in ("created", "updated"):
                    self.stdout.write(f"flagged {outcome.path}: {', '.join(outcome.problems)}")
