from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from captions.demo.loader import DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load demo data once (seed record, its article, generated photos, one user per role)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=40, help="generated photos (default 40)")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, seed, **options):
        if not (settings.DEMO_MODE or settings.DEBUG):
            raise CommandError("demo data is for development only: set DEMO_MODE=1 (make run does)")
        result = load_demo(generated=count, seed=seed)
        self.stdout.write(
            f"seed photo #{result.seed_photo_id} ({'created' if result.seed_created else 'already present'}), "
            f"{result.generated} generated photos added"
        )
        self.stdout.write("demo users (demo mode only; password after the colon):")
        for username, password, group, _staff in DEMO_USERS:
            self.stdout.write(f"  {username}: {password}   ({group})")
