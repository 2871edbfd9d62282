"""
Answer a subscriber's request about their data: `export ADDRESS` prints everything held
about the address as JSON; `erase ADDRESS` deletes it all (see newsletters.privacy).
"""

from django.core.management.base import BaseCommand, CommandError

from newsletters import privacy
from newsletters.models import Subscriber


class Command(BaseCommand):
    help = "Export (as JSON) or erase everything held about a newsletter subscriber's address."

    def add_arguments(self, parser):
        parser.add_argument("operation", choices=["export", "erase"])
        parser.add_argument("address", help="The subscriber's email address, in any case.")
        parser.add_argument(
            "--dry-run", action="store_true", help="With erase: say what would go, delete nothing."
        )

    def handle(self, operation, address, dry_run, **options):
        subscriber = privacy.find(address)
        if subscriber is None:
            raise CommandError(f"No subscriber has the address {address!r}.")
        if operation == "export":
            self.stdout.write(privacy.as_json(privacy.export(subscriber)))
            return
        held = (
            f"{subscriber.email}: {subscriber.subscription_set.count()} subscription(s), "
            f"{subscriber.deliveries.count()} delivery record(s)"
        )
        if dry_run:
            self.stdout.write(f"Would erase {held}.")
            return
        privacy.erase(Subscriber.objects.filter(pk=subscriber.pk))
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Erased {held}."))
