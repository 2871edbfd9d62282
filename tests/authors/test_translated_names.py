"""Authors and sections in the Ukrainian edition: editors give the name, role, bio or
description in the admin, and /uk/ pages show them wherever the English ones appear,
falling back to the English text where there is no translation."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Section
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def in_ukrainian(path_of):
    with translation.override("uk"):
        return path_of()


def in_english(path_of):
    with translation.override("en"):
        return path_of()


def json_ld(html):
    return json.loads(JSON_LD.search(html).group(1))["@graph"]


# The admin ----------------------------------------------------------------------------


def author_form_data(author, **overrides):
    return {
        "name": author.name,
        "slug": author.slug,
        "role": author.role,
        "bio": author.bio,
        "website": "",
        "x_handle": "",
        "bluesky_handle": "",
        "email": "",
        "user": "",
        **overrides,
    }


def test_the_author_form_shows_the_ukrainian_fields(admin_client):
    author = AuthorFactory(name="Marta Kowalczyk", translations={"uk": {"name": "Марта Ковальчик"}})

    html = admin_client.get(reverse("admin:authors_author_change", args=[author.pk])).text

    for label in ("Name (Українська)", "Role (Українська)", "Bio (Українська)"):
        assert f">{label}:</label>" in html
    assert re.search(
        r'<input type="text" name="name_uk" value="Марта Ковальчик"[^>]* lang="uk"', html
    )
    assert 'name="translations"' not in html


def test_the_author_form_keeps_the_ukrainian_text_without_the_empty_fields(admin_client):
    author = AuthorFactory(name="Marta Kowalczyk", role="Reporter")

    response = admin_client.post(
        reverse("admin:authors_author_change", args=[author.pk]),
        author_form_data(
            author, name_uk="Марта Ковальчик ", role_uk="", bio_uk="Пише про енергетику."
        ),
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert author.translations == {"uk": {"name": "Марта Ковальчик", "bio": "Пише про енергетику."}}
    assert author.name == "Marta Kowalczyk"


def test_emptying_every_ukrainian_field_leaves_no_translation(admin_client):
    author = AuthorFactory(translations={"uk": {"name": "Марта Ковальчик"}})

    admin_client.post(
        reverse("admin:authors_author_change", args=[author.pk]),
        author_form_data(author, name_uk="", role_uk="", bio_uk=""),
    )

    author.refresh_from_db()
    assert author.translations == {}


def test_the_section_form_keeps_the_ukrainian_name_and_description(admin_client):
    response = admin_client.post(
        reverse("admin:articles_section_add"),
        {
            "name": "World",
            "slug": "world",
            "description": "News from everywhere.",
            "position": "0",
            "name_uk": "Світ",
            "description_uk": "",
        },
    )

    assert response.status_code == 302
    assert Section.objects.get(slug="world").translations == {"uk": {"name": "Світ"}}


# Reader pages ---------------------------------------------------------------------------


@pytest.fixture
def marta():
    return AuthorFactory(
        name="Marta Kowalczyk",
        role="Energy correspondent",
        bio="Marta covers the energy market.",
        translations={
            "uk": {
                "name": "Марта Ковальчик",
                "role": "Кореспондентка з енергетики",
                "bio": "Марта пише про енергетичний ринок.",
            }
        },
    )


@pytest.fixture
def economy():
    return SectionFactory(
        name="Economy",
        description="Money and work.",
        translations={"uk": {"name": "Економіка", "description": "Гроші та праця."}},
    )


def test_the_ukrainian_author_page_shows_the_ukrainian_name_role_and_bio(client, marta):
    html = client.get(in_ukrainian(marta.get_absolute_url)).text

    assert '<h1 id="author-name">Марта Ковальчик</h1>' in html
    assert '<p class="role">Кореспондентка з енергетики</p>' in html
    assert "<p>Марта пише про енергетичний ринок.</p>" in html
    assert "<title>Марта Ковальчик |" in html
    assert "Marta" not in html.split("<body")[1].split('class="layout-aside"')[0]
    profile = next(node for node in json_ld(html) if node["@type"] == "ProfilePage")
    assert profile["mainEntity"]["name"] == "Марта Ковальчик"
    assert profile["mainEntity"]["description"] == "Марта пише про енергетичний ринок."


def test_the_english_author_page_stays_english(client, marta):
    html = client.get(in_english(marta.get_absolute_url)).text

    assert '<h1 id="author-name">Marta Kowalczyk</h1>' in html
    assert "<p>Marta covers the energy market.</p>" in html
    assert "Марта" not in html


def test_a_ukrainian_article_names_its_authors_and_section_in_ukrainian(client, marta, economy):
    article = ArticleFactory(language="uk", authors=[marta], section=economy)

    html = client.get(article.get_absolute_url()).text

    assert re.search(
        r'<p class="byline">[^<]*<a href="/uk/authors/[^"]+">Марта Ковальчик</a>', html
    )
    assert '<p class="author-name"><a href="/uk/authors/' in html
    assert '<p class="bio">Марта пише про енергетичний ринок.</p>' in html
    assert re.search(r'<p class="kicker"><a href="/uk/[^"]+">Економіка</a>', html)
    news_article = next(node for node in json_ld(html) if node["@type"] == "NewsArticle")
    assert [person["name"] for person in news_article["author"]] == ["Марта Ковальчик"]
    assert news_article["articleSection"] == "Економіка"
    assert "Marta Kowalczyk" not in html


def test_untranslated_names_fall_back_to_english(client):
    author = AuthorFactory(name="Zoe Ward", role="Reporter")
    article = ArticleFactory(language="uk", authors=[author], section=SectionFactory(name="Sport"))

    html = client.get(article.get_absolute_url()).text

    assert ">Zoe Ward</a>" in html
    assert re.search(r'<p class="kicker"><a href="[^"]+">Sport</a>', html)


def test_the_ukrainian_section_page_and_navigation_use_the_ukrainian_name(client, economy):
    ArticleFactory(language="uk", section=economy, authors=[AuthorFactory()])

    html = client.get(in_ukrainian(economy.get_absolute_url)).text

    assert re.search(r"<h1[^>]*>Економіка</h1>", html)
    assert "Гроші та праця." in html
    assert re.search(r"<nav[^>]*>.*?>Економіка</a>", html, re.S)
    assert ">Economy<" not in html


def test_ukrainian_teasers_label_their_section_in_ukrainian(client, economy):
    ArticleFactory(language="uk", section=economy, authors=[AuthorFactory()])

    html = client.get(in_ukrainian(lambda: reverse("feed:list"))).text

    assert '<p class="kicker">Економіка</p>' in html
