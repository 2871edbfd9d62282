"""The page cache and the fragments pages share keep the editions apart."""

import pytest

from tests.factories import ArticleFactory, BriefFactory, SectionFactory

# Pages are refreshed when a change commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""


def test_a_ukrainian_page_is_never_served_at_an_english_address(client):
    section = SectionFactory()
    ArticleFactory(headline="Storm closes the port", section=section, is_featured=True)
    ArticleFactory(headline="Шторм закрив порт", section=section, is_featured=True, language="uk")
    BriefFactory(headline="Ferries cancelled")
    BriefFactory(headline="Пороми скасовано", language="uk")
    for path in ("/", "/feed/", section.get_absolute_url()):
        # Each edition drawn once and then served from the cache, in either order.
        for _ in range(2):
            ukrainian = client.get(f"/uk{path}").content.decode()
            english = client.get(path).content.decode()
            assert '<html lang="uk">' in ukrainian and "Шторм закрив порт" in ukrainian
            assert "Storm closes the port" not in ukrainian
            assert '<html lang="en">' in english and "Storm closes the port" in english
            assert "Шторм закрив порт" not in english and "Пороми скасовано" not in english
