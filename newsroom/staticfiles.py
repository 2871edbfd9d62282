"""Static files as served: the site's own scripts minified before they are hashed and
compressed, so the readable source stays in the repository and readers get the bytes."""

from pathlib import Path

import rjsmin
from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            own = Path(settings.BASE_DIR, "static").resolve()
            for name, (storage, path) in list(paths.items()):
                source = Path(storage.path(path)).resolve()
                if name.endswith(".js") and source.is_relative_to(own):
                    collected = Path(self.path(name))
                    collected.write_text(rjsmin.jsmin(source.read_text()))
                    # Hashed from the minified copy, not from the source.
                    paths[name] = (self, name)
        yield from super().post_process(paths, dry_run, **options)
