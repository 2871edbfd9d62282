"""
The reader's site's web fonts: Source Serif 4 for headlines and body, Source Sans 3 for
labels, both variable (one file per subset covers every weight) and both under the SIL
Open Font License 1.1.

The fonts are a dependency, not part of the repository: their pinned Fontsource packages
come from npm (package.json), and `collectstatic` first builds FONTS_BUILD_DIR from them:
the subsets the site needs as WOFF2 and `fonts/fonts.css`, Fontsource's own @font-face
rules (unicode-range, font-display: swap) pointing at the copies beside it. The folder is
served under `fonts/` by BuiltFontsFinder. Without the packages (no npm) nothing is built
and nothing is linked: site.css falls back to the system font stacks.
"""

import functools
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.storage import staticfiles_storage
from django.contrib.staticfiles.utils import get_files
from django.core.files.storage import FileSystemStorage
from django.templatetags.static import static

PREFIX = "fonts"
STYLESHEET = f"{PREFIX}/fonts.css"
# Latin for English, Cyrillic for the Ukrainian edition, and their extensions for names
# and quotations. A browser downloads a subset only when a page uses one of its
# characters (unicode-range), so a subset more costs readers nothing.
SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
# Languages whose body text is mostly in the Cyrillic subset: theirs is the file preloaded.
CYRILLIC_LANGUAGES = {"uk", "ru", "be", "bg", "mk"}
FACE = re.compile(r"/\* [\w-]+ \*/\s*@font-face \{[^}]*\}")
SOURCE = re.compile(r"url\(\./files/(?P<file>[\w.-]+\.woff2)\)")


@dataclass(frozen=True)
class Family:
    package: str
    # Fontsource's stylesheets for the weight axis (the optical-size ones are 2.4 times
    # heavier); an italic one only where the site sets italics in that family.
    stylesheets: tuple[str, ...]

    @property
    def slug(self):
        return self.package.rsplit("/", 1)[-1]


SERIF = Family("@fontsource-variable/source-serif-4", ("wght.css", "wght-italic.css"))
SANS = Family("@fontsource-variable/source-sans-3", ("wght.css",))
FAMILIES = (SERIF, SANS)


def subset_of(family, file):
    """'latin-ext' for 'source-serif-4-latin-ext-wght-normal.woff2'."""
    return file.removeprefix(f"{family.slug}-").rsplit("-wght-", 1)[0]


def build_fonts(packages_dir=None, build_dir=None):
    """Write the web fonts and their stylesheet into `build_dir` from the Fontsource
    packages in `packages_dir` (a node_modules folder); the files written, by name.

    Without every package, removes `build_dir` and returns []: the site then uses the
    system fonts rather than a stale or partial set. The new folder replaces the old one
    in a rename, so a server reading it never sees it half written.
    """
    packages_dir = Path(packages_dir or settings.FONTS_PACKAGES_DIR)
    build_dir = Path(build_dir or settings.FONTS_BUILD_DIR)
    roots = [packages_dir / family.package for family in FAMILIES]
    if not all((root / "package.json").is_file() for root in roots):
        shutil.rmtree(build_dir, ignore_errors=True)
        return []

    build_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{build_dir.name}-", dir=build_dir.parent))
    credits, faces, files = [], [], []
    for family, root in zip(FAMILIES, roots, strict=True):
        package = json.loads((root / "package.json").read_text())
        credits.append(f"{family.package} {package['version']} ({package['license']})")
        shutil.copyfile(root / "LICENSE", staging / f"LICENSE-{family.slug}.txt")
        for stylesheet in family.stylesheets:
            for face in FACE.findall((root / stylesheet).read_text()):
                file = SOURCE.search(face)["file"]
                if subset_of(family, file) in SUBSETS:
                    shutil.copyfile(root / "files" / file, staging / file)
                    faces.append(SOURCE.sub(r"url(\g<file>)", face))
                    files.append(file)
    header = (
        "/* Web fonts for the reader's site, built by `manage.py collectstatic` from\n"
        f"   {' and '.join(credits)}.\n"
        "   Licensed under the SIL Open Font License 1.1: see the LICENSE files beside this one. */"
    )
    (staging / "fonts.css").write_text("\n\n".join([header, *faces]) + "\n")

    if build_dir.exists():
        old = build_dir.with_name(f"{staging.name}-old")
        build_dir.rename(old)
        staging.rename(build_dir)
        shutil.rmtree(old)
    else:
        staging.rename(build_dir)
    return ["fonts.css", *files]


class BuiltFontsFinder(BaseFinder):
    """Finds the files of FONTS_BUILD_DIR, when it was built, under `fonts/`."""

    def check(self, **kwargs):
        return []

    @property
    def storage(self):
        # Read each time, not at start-up: collectstatic builds the folder after the
        # finders exist, and tests point the setting elsewhere.
        storage = FileSystemStorage(location=settings.FONTS_BUILD_DIR)
        storage.prefix = PREFIX
        return storage

    def find(self, path, find_all=False, **kwargs):
        name = path.removeprefix(f"{PREFIX}/")
        storage = self.storage
        # storage.path() refuses names that climb out of the folder.
        if name == path or not storage.exists(name):
            return []
        return [storage.path(name)] if find_all else storage.path(name)

    def list(self, ignore_patterns):
        if Path(settings.FONTS_BUILD_DIR).is_dir():
            storage = self.storage
            for path in get_files(storage, ignore_patterns):
                yield path, storage


def preloaded_fonts(language):
    """The static names of the faces the top of every page is set in (the serif's and
    the sans's upright) in the subset of the page's language: fetched before the first
    paint, they are drawn at once instead of swapped in, so nothing shifts."""
    language = language.split("-")[0]
    subset = "cyrillic" if language in CYRILLIC_LANGUAGES else "latin"
    return [f"{PREFIX}/{family.slug}-{subset}-wght-normal.woff2" for family in FAMILIES]


@functools.cache
def web_fonts(language):
    """The stylesheet's and the preloaded fonts' URLs for pages in `language` when the
    fonts were collected, else None; asked once per process and language, as static
    files change only with a deploy."""
    collected = staticfiles_storage.exists(STYLESHEET)
    # Served from the source folders rather than STATIC_ROOT (runserver, the tests).
    from_finders = settings.DEBUG or getattr(settings, "WHITENOISE_USE_FINDERS", False)
    if not (collected or (from_finders and finders.find(STYLESHEET))):
        return None
    return {
        "stylesheet": static(STYLESHEET),
        "preload": [static(name) for name in preloaded_fonts(language)],
    }
