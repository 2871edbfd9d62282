"""
List photos that readers would see without alt text or without a credit.

Alt text is what screen-reader users get instead of the picture, and a credit is
owed to the photographer or agency; both can go missing in imports. Editors fix the
listed photos in the admin. Read-only: it changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from articles.models import Article, Photo


def photos_missing_credits(in_use_only=False):
    """Photos lacking alt text or a credit, with how many articles show them, most used first."""
    photos = Photo.objects.missing_credits().annotate(
        live_articles=Count("hero_of", filter=Q(hero_of__in=Article.objects.published()))
    )
    if in_use_only:
        photos = photos.filter(live_articles__gt=0)
    return photos.order_by("-live_articles", "-created_at", "-id")


class Command(BaseCommand):
    help = "Report photos missing alt text or a credit (photographer or agency)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--in-use",
            action="store_true",
            help="Only photos used as the hero of a live article.",
        )
        parser.add_argument(
            "--fail",
            action="store_true",
            help="Exit with an error when any photo is listed (for scheduled checks).",
        )

    def handle(self, *args, in_use, fail, verbosity, **options):
        photos = list(photos_missing_credits(in_use_only=in_use))
        for photo in photos:
            missing = []
            if not photo.alt_text.strip():
                missing.append("alt text")
            if not photo.credit:
                missing.append("credit")
            label = photo.alt_text[:60] or photo.image.name or photo.source_url
            self.stdout.write(
                f"Photo {photo.pk} ({label}): missing {' and '.join(missing)}; "
                f"hero of {photo.live_articles} live article(s)"
            )
        if not photos:
            if verbosity >= 1:
                self.stdout.write(self.style.SUCCESS("Every photo has alt text and a credit."))
            return
        summary = f"{len(photos)} photo(s) missing alt text or a credit."
        if fail:
            raise CommandError(summary)
        self.stdout.write(self.style.WARNING(summary))
