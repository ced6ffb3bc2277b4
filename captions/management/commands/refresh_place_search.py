from django.core.management.base import BaseCommand, CommandError

from captions.models import Place
from captions.services import places


class Command(BaseCommand):
    help = (
        "Recompute the names every place is found under (search_names) from this release's place "
        "data (region aliases and type words, country and city names). Run it after an upgrade whose "
        "release notes say the place data changed, or when `manage.py check --database default` "
        "warns (captions.W003). Writes only the places whose names changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count the places that would change, write nothing")
        parser.add_argument("--batch-size", type=int, default=places.REFRESH_BATCH_SIZE, help="places per transaction")

    def handle(self, *args, dry_run, batch_size, verbosity, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size must be a positive whole number, not {batch_size}.")

        def listed(place, old, new):
            if verbosity >= 2:
                parts = (place.sublocation, place.city, place.region, place.country_code)
                named = ", ".join(part for part in parts if part)
                self.stdout.write(f"place {place.pk} ({named}): {old!r} -> {new!r}")

        result = places.refresh_search_names(
            Place.objects.all(), batch_size=batch_size, dry_run=dry_run, on_change=listed
        )
        self.stdout.write(str(result))
