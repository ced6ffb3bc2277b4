import sys

from django.core.management.base import BaseCommand, CommandError

from captions.core.textfiles import UnreadableInput, read_text
from captions.ingest.pipeline import block_texts_of, parse_many
from captions.services import imports


class Command(BaseCommand):
    help = (
        "Import caption blocks (separated by a line '---') into the archive: create new photos, "
        "update those matched by supplier + image id (or by the block's fingerprint), flag problems."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="caption files; '-' reads standard input")
        parser.add_argument("--dry-run", action="store_true", help="parse and match, write nothing")
        parser.add_argument("--batch-size", type=int, default=imports.IMPORT_BATCH_SIZE)

    def handle(self, *args, paths, dry_run, batch_size, **options):
        texts = []
        for path in paths:
            try:
                texts.append(read_text(path))
            except UnreadableInput as exc:
                raise CommandError(str(exc)) from None
        block_texts = block_texts_of(texts)
        total = len(block_texts)
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0 and total > batch_size
        blocks = parse_many(block_texts)  # parsed in a worker process while batches are saved

        def progress(done):
            if show_progress:
                width = 30
                filled = width * done // total
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} blocks")
                sys.stderr.flush()

        result = imports.import_blocks(blocks=blocks, dry_run=dry_run, batch_size=batch_size, progress=progress)
        if show_progress:
            sys.stderr.write("\n")
        self.stdout.write(result.summary)
        for number, label, problems in result.flagged_blocks:
            self.stdout.write(f"block {number} ({label}): {', '.join(problems)}")
        if dry_run:
            self.stdout.write("dry run: nothing was saved")
        for number, reason in result.failures:
            self.stderr.write(f"block {number} not saved: {reason}")
        if result.failed:
            sys.exit(1)
