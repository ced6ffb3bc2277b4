import sys

from django.core.management.base import BaseCommand, CommandError

from captions.core.textfiles import UnreadableInput, read_text
from captions.ingest.pipeline import block_texts_of, parse_many
from captions.services import imports


class Command(BaseCommand):
    help = (
        "Import caption blocks (separated by a line '---') into the archive: create new photos, "
        "update those matched by supplier + image id (or by the fingerprint of the photo a block "
        "describes), flag problems. A block that matches no record exactly but may well describe one "
        "(the same image id under another supplier, or the same pixels, date and place with a caption "
        "at least 90%% alike) is a near-duplicate: see --near-duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="caption files; '-' reads standard input")
        parser.add_argument("--dry-run", action="store_true", help="parse and match, write nothing")
        parser.add_argument("--batch-size", type=int, default=imports.IMPORT_BATCH_SIZE)
        parser.add_argument(
            "--near-duplicates",
            choices=imports.NEAR_DUPLICATE_ACTIONS,
            default=imports.SKIP,
            help=(
                "what to do with a near-duplicate: 'update' the record it matches, 'keep' both (save "
                "the block as a new photo), or 'skip' it (the default: an unattended run neither "
                "merges two photos nor makes a twin; each is listed as 'matches #N' to re-run with "
                "a choice)"
            ),
        )

        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help=(
                "let a block's values replace fields an editor changed by hand since the record was last "
                "imported (by default those are kept, and each record that kept one is listed)"
            ),
        )

    def handle(self, *args, paths, dry_run, batch_size, near_duplicates, overwrite_edits, **options):
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

        result = imports.import_blocks(
            blocks=blocks,
            dry_run=dry_run,
            batch_size=batch_size,
            progress=progress,
            near_duplicates=near_duplicates,
            match_earlier_blocks=True,
            overwrite_edits=overwrite_edits,
        )
        if show_progress:
            sys.stderr.write("\n")
        self.stdout.write(result.summary)
        for number, label, problems in result.flagged_blocks:
            self.stdout.write(f"block {number} ({label}): {', '.join(problems)}")
        for number, label, line in result.match_lines_in(str):
            self.stdout.write(f"block {number} ({label}): {line}")
        for number, label, line in result.edit_lines_in(str):
            self.stdout.write(f"block {number} ({label}): {line}")
        if dry_run:
            self.stdout.write("dry run: nothing was saved")
        for number, reason in result.failures:
            self.stderr.write(f"block {number} not saved: {reason}")
        if result.failed:
            sys.exit(1)
