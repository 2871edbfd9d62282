"""
`collectstatic` that first builds the web fonts from their npm packages (newsroom/fonts.py),
so every way of collecting (make static, a deploy, the browser tests' site) serves them,
and without npm collects the rest as before.
"""

from django.contrib.staticfiles.management.commands import collectstatic

from newsroom.fonts import build_fonts


class Command(collectstatic.Command):
    help = (
        "Build the web fonts from node_modules (when installed), then collect the static "
        "files in a single location."
    )

    def handle(self, **options):
        if not options["dry_run"]:
            built = build_fonts()
            if options["verbosity"] >= 1:
                if built:
                    self.stdout.write(f"Built the web fonts: {len(built)} files.")
                else:
                    self.stdout.write("No font packages in node_modules: the system fonts serve.")
        return super().handle(**options)
