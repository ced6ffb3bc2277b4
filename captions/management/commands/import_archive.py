from django.core.management.base import BaseCommand, CommandError

from captions.services.backup import ArchiveError, import_archive, restore_photo


class Command(BaseCommand):
    help = (
        "Restore a folder written by export_archive into an empty archive (in one transaction: all or "
        "nothing), or with --photo ID bring back that one photo into the live archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="the folder export_archive wrote")
        parser.add_argument(
            "--photo",
            type=int,
            metavar="ID",
            help="restore only this photo (recreated if deleted, its archived values written over it if not)",
        )

    def handle(self, *args, path, photo, **options):
        try:
            result = restore_photo(path, photo) if photo is not None else import_archive(path)
        except ArchiveError as exc:
            raise CommandError(f"nothing was restored: {exc}") from None
        except OSError as exc:
            raise CommandError(f"nothing was restored: cannot read {path}: {exc.strerror or exc}") from None
        self.stdout.write(result.line)
