from django.core.management.base import BaseCommand, CommandError

from captions.services.backup import ArchiveError, export_archive


class Command(BaseCommand):
    help = (
        "Write the whole archive to a new folder: archive.jsonl (every place, article, photo and link, "
        "every field; history with --history) and files/ (every image and rendition, by content hash). "
        "import_archive reads it back, identical."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="a folder that does not exist yet, or an empty one")
        parser.add_argument("--history", action="store_true", help="include every history record")

    def handle(self, *args, path, history, **options):
        try:
            summary = export_archive(path, history=history)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.stdout.write(summary.line)
        if summary.missing:
            for name in summary.missing:
                self.stderr.write(f"missing from storage: {name}")
            raise CommandError(
                f"the archive was written, but {len(summary.missing)} image file(s) its photos name are "
                "missing from storage (listed above): they are not in the backup"
            )
