"""Static files as served: the site's own scripts and stylesheets minified before they are
hashed and compressed, so the readable source stays in the repository and readers get the
bytes."""

import re
from pathlib import Path

import rjsmin
from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

# One pass, leftmost first: a string is kept whole (a quote in a comment is no string, a
# "/*" in a string no comment); runs of spaces and comments become one space, or nothing
# beside a brace or semicolon. Nothing else is touched: `.a :hover` and `a+b` in calc()
# need the spaces they have.
# A comment ends at its first "*/", however the rest of the pattern fares.
_SPACE = r"(?:\s|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/)"
CSS_TOKENS = re.compile(
    rf"(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')|{_SPACE}*([{{}};]){_SPACE}*|{_SPACE}+"
)


def minify_css(css):
    """`css` without its comments and the spaces nothing needs."""
    return CSS_TOKENS.sub(lambda m: m[1] or m[2] or " ", css).strip()


MINIFIERS = {".js": rjsmin.jsmin, ".css": minify_css}


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            own = Path(settings.BASE_DIR, "static").resolve()
            for name, (storage, path) in list(paths.items()):
                source = Path(storage.path(path)).resolve()
                minify = MINIFIERS.get(source.suffix)
                if minify and source.is_relative_to(own):
                    collected = Path(self.path(name))
                    collected.write_text(minify(source.read_text()))
                    # Hashed from the minified copy, not from the source.
                    paths[name] = (self, name)
        yield from super().post_process(paths, dry_run, **options)
