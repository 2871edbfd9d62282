"""
Fill the site with demo content so it can be tried and measured.

Safe to run again: existing items are kept and nothing is duplicated. `--scale N`
multiplies the content (60 articles, 40 quotes, 12 videos, 8 authors per unit) for
benchmarks; 1,700 gives about 100,000 articles. The Ukrainian edition is seeded once,
whatever the scale.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from articles.renditions import make_missing_renditions
from demo.seeding import seed

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Create believable demo content (authors, sections, articles, quotes, videos). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Multiply the amount of content (default 1)."
        )

    def handle(self, *args, scale, verbosity, **options):
        if scale < 1:
            raise CommandError("--scale must be a whole number of at least 1.")
        show_bar = verbosity >= 1 and scale > 1 and sys.stderr.isatty()

        def progress(label, done, total):
            if show_bar:
                filled = BAR_WIDTH * done // total
                bar = "#" * filled + "." * (BAR_WIDTH - filled)
                end = "\n" if done >= total else ""
                self.stderr.write(f"\r{label:<9} [{bar}] {done:,}/{total:,}", ending=end)
            elif verbosity >= 2:
                self.stdout.write(f"{label}: {done:,}/{total:,}")

        report = seed(scale=scale, progress=progress)
        # The demo's photos are bulk-created, so no save signal made their renditions.
        renditions = make_missing_renditions()
        if verbosity >= 1:
            if report.total:
                made = ", ".join(
                    f"{count:,} {label}" for label, count in report.created.items() if count
                )
                self.stdout.write(self.style.SUCCESS(f"Demo content created: {made}."))
            else:
                self.stdout.write("Demo content already present; nothing to add.")
            if renditions:
                self.stdout.write(f"Made {renditions:,} photo renditions.")
