"""Compile every catalog under locale/ (.po) into the .mo Django reads, in pure Python,
so neither a deploy nor a fresh clone needs GNU gettext: `make messages` runs it after
extracting the strings, and the compiled catalogs are committed beside their sources."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def main():
    for source in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        catalog = polib.pofile(str(source))
        catalog.save_as_mofile(str(source.with_suffix(".mo")))
        print(f"{source.relative_to(LOCALE.parent)}: {catalog.percent_translated()}% translated")


if __name__ == "__main__":
    main()
