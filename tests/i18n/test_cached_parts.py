"""A cached part of a page (a fragment, a teaser) is kept per language: a Ukrainian page
never shows the English drawn for an English one, nor the other way round."""

from django.utils import translation

from tests.factories import ArticleFactory

from .test_pages import get_in_ukrainian


def test_cached_parts_are_kept_per_language(client, db, parts_cached_only):
    ArticleFactory(is_featured=True)
    ArticleFactory(is_featured=True, language="uk")
    # Drawn in English first, so each part is in the cache in English.
    english = client.get("/").content.decode()
    assert ">Show More</a>" in english and "min read" in english

    ukrainian = get_in_ukrainian(client, lambda: "/uk/")
    assert ">Показати більше</a>" in ukrainian and "хв читання" in ukrainian
    assert "min read" not in ukrainian

    with translation.override("en"):
        assert client.get("/").content.decode().count("min read") == english.count("min read")
