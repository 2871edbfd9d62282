from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("report_missing_credits", *args, stdout=out)
    return out.getvalue()


def test_lists_photos_without_alt_text_or_credit():
    PhotoFactory(alt_text="Credited and described")
    uncredited = PhotoFactory(alt_text="Protesters at the gate", photographer="", agency="")
    no_alt = PhotoFactory(alt_text="")
    ArticleFactory(hero_photo=uncredited)

    output = run()
    assert (
        f"Photo {uncredited.pk} (Protesters at the gate): missing credit; hero of 1 live" in output
    )
    assert f"Photo {no_alt.pk}" in output and "missing alt text" in output
    assert "Credited and described" not in output
    assert "2 photo(s) missing" in output


def test_in_use_lists_only_photos_readers_see():
    PhotoFactory(alt_text="Unused", photographer="", agency="")
    used = PhotoFactory(alt_text="On the front page", photographer="", agency="")
    ArticleFactory(hero_photo=used)
    output = run("--in-use")
    assert "On the front page" in output and "Unused" not in output


def test_all_clear_and_fail_flag():
    PhotoFactory()
    assert "Every photo has alt text and a credit." in run("--fail")
    PhotoFactory(photographer="", agency="")
    with pytest.raises(CommandError, match="1 photo"):
        run("--fail")
