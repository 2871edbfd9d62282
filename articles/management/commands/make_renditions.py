"""
Make the WebP renditions of photos that have none yet.

Photos saved one by one get their renditions at once; photos created in bulk (imports,
the demo content) do not, and this command catches them up. Safe to run again.
"""

from django.core.management.base import BaseCommand

from articles.renditions import make_missing_renditions, photos_missing_renditions


class Command(BaseCommand):
    help = "Make the responsive WebP renditions of every photo that lacks them. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the photos that need renditions."
        )

    def handle(self, *args, dry_run, verbosity, **options):
        if dry_run:
            count = photos_missing_renditions().distinct().count()
            self.stdout.write(f"{count:,} photos need renditions.")
            return
        made = make_missing_renditions()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Made {made:,} renditions."))
