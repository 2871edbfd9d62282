"""The Ukrainian catalog is complete, its plurals and placeholders are right, and the
committed .mo is the .po compiled."""

import re

import polib

from .catalog import MO_PATH, entries, ukrainian_catalog

UKRAINIAN_PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def test_every_entry_is_translated_and_none_is_fuzzy_or_obsolete():
    catalog = ukrainian_catalog()
    assert not catalog.metadata_is_fuzzy
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    assert [entry.msgid for entry in catalog.obsolete_entries()] == []


def test_the_header_gives_ukrainian_its_three_plural_forms():
    catalog = ukrainian_catalog()
    assert catalog.metadata["Language"] == "uk"
    assert catalog.metadata["Plural-Forms"] == UKRAINIAN_PLURAL_FORMS


def test_every_plural_entry_has_three_forms():
    short = [
        entry.msgid
        for entry in ukrainian_catalog()
        if entry.msgid_plural
        and (sorted(entry.msgstr_plural) != [0, 1, 2] or not all(entry.msgstr_plural.values()))
    ]
    assert short == []


def test_translations_keep_the_placeholders_of_their_msgid():
    wrong = []
    for entry in ukrainian_catalog():
        expected = placeholders(entry.msgid)
        if entry.msgid_plural:
            translations = entry.msgstr_plural.values()
            # The singular may leave out the count ("About the author"); every form
            # keeps what the plural msgid has.
            expected = placeholders(entry.msgid_plural)
        else:
            translations = [entry.msgstr]
        wrong += [(entry.msgid, text) for text in translations if placeholders(text) != expected]
    assert wrong == []


def test_the_committed_mo_is_the_po_compiled(tmp_path):
    compiled = tmp_path / "django.mo"
    ukrainian_catalog().save_as_mofile(str(compiled))
    assert entries(polib.mofile(str(MO_PATH))) == entries(polib.mofile(str(compiled)))
