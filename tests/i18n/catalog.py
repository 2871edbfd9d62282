"""The Ukrainian catalog as the tests read it: with polib, straight from the .po."""

from functools import cache

import polib
from django.conf import settings

PO_PATH = settings.BASE_DIR / "locale" / "uk" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")


@cache
def ukrainian_catalog():
    return polib.pofile(str(PO_PATH))


def entries(catalog):
    """{(context, msgid): the translation, or its plural forms as a tuple} of a catalog."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in catalog
        if not entry.obsolete
    }
