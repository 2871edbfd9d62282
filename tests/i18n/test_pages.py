"""
Reader pages, emails and our admin screens read in Ukrainian when Ukrainian is active:
not one interface string stays English.

A page is asked for as a Ukrainian reader asks: by the address `reverse` gives while
Ukrainian is active (under /uk/ once reader addresses have their language prefix), with
Ukrainian active around the request too, which is what picks the language for as long
as no middleware takes it from the address. Content is written in Ukrainian, so the
only English a page could show is ours: the catalog's msgids (see interface_text).
"""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from articles.models import Article, Correction, Photo, Section
from authors.models import Author
from feed.models import Brief, Quote, Video
from newsletters.models import Issue, Newsletter
from tests.factories import CorrectionFactory, SubscriberFactory
from tests.newsroom_data import build_newsroom
from tests.pages import HTML, pages, url

from .catalog import ukrainian_catalog
from .interface_text import english_strings, interface_texts

READER_PAGES = pages(format=HTML)


def in_ukrainian(objects):
    """Moves every item into the Ukrainian edition and rewrites every text an editor
    writes in Ukrainian (slugs stay as they were)."""
    for kind in (Article, Quote, Video, Brief):
        kind.objects.update(language="uk")
    Article.objects.update(
        headline="Шторм на узбережжі",
        standfirst="Рятувальники працюють усю ніч.",
        body="<p>Вітер зірвав дахи в трьох селах.</p>",
        hero_caption="Узбережжя вранці",
        # Derived from the English standfirst when the article was saved.
        seo_title="",
        seo_description="Рятувальники працюють усю ніч.",
    )
    Section.objects.update(name="Світ", description="Новини з усього світу")
    Photo.objects.update(alt_text="Хвилі біля пірсу", caption="Пірс у шторм", photographer="")
    Author.objects.update(name="Марта Коваль", role="Кореспондентка", bio="Пише про море.")
    Quote.objects.update(text="Ми впораємося", speaker="Олена Петренко", context="мерка міста")
    Video.objects.update(title="Шторм з висоти", teaser="Знято з дрона.")
    Brief.objects.update(headline="Міст закрито", body="<p>Рух перекрито до ранку.</p>")
    Newsletter.objects.update(name="Ранковий огляд", description="Головне за ніч.", cadence="")
    Issue.objects.update(subject="Що сталося вночі", preheader="Шторм і міст", body="<p>Огляд.</p>")
    Tag.objects.update(name="клімат")
    CorrectionFactory(article=objects["article"], note="Уточнено кількість сіл.")
    Correction.objects.update(note="Уточнено кількість сіл.")


@pytest.fixture
def newsroom(db):
    objects = build_newsroom(3)
    in_ukrainian(objects)
    return objects


def get_in_ukrainian(client, path_of):
    with translation.override("uk"):
        response = client.get(path_of())
    assert response.status_code in (200, 404), response.status_code
    return response.content.decode()


def assert_reads_in_ukrainian(html):
    found = english_strings(html, ukrainian_catalog())
    assert not found, "English on a Ukrainian page:\n" + "\n".join(map(repr, found))


@pytest.fixture
def english_newsroom(db):
    return build_newsroom(3)


def test_the_helper_finds_the_english_of_an_english_page(client, english_newsroom):
    """On the English front page the check must find our strings, or it proves nothing."""
    found = english_strings(client.get("/").content.decode(), ukrainian_catalog())
    texts = {text for text, _msgid in found}
    assert {"Skip to content", "Search", "News Feed", "Top stories"} <= texts
    assert "%(minutes)s min read" in {msgid for _text, msgid in found}


def test_the_helper_leaves_content_and_finds_whole_sentences():
    html = (
        "<p>A search for the harbour</p><p>Try fewer or different words. Or wait.</p>"
        '<button aria-label="Dismiss">×</button><script>var s = "Search";</script>'
    )
    assert interface_texts(html) == [
        "A search for the harbour",
        "Try fewer or different words. Or wait",
        "Dismiss",
        "×",
    ]
    assert english_strings(html, ukrainian_catalog()) == [
        ("Try fewer or different words. Or wait", "Try fewer or different words."),
        ("Dismiss", "Dismiss"),
    ]


@pytest.mark.parametrize("page", READER_PAGES, ids=[page.name for page in READER_PAGES])
def test_reader_page_reads_in_ukrainian(client, newsroom, page):
    html = get_in_ukrainian(client, lambda: url(page, newsroom))
    assert '<html lang="uk">' in html and ">Пошук</button>" in html
    assert_reads_in_ukrainian(html)


@pytest.mark.parametrize(
    "name", ["newsletters:index", "feed:search"], ids=["newsletters", "empty-search"]
)
def test_other_reader_page_reads_in_ukrainian(client, newsroom, name):
    assert_reads_in_ukrainian(get_in_ukrainian(client, lambda: reverse(name)))


def test_search_without_results_reads_in_ukrainian(client, newsroom):
    assert_reads_in_ukrainian(get_in_ukrainian(client, lambda: reverse("feed:search") + "?q=зебра"))


def test_not_found_page_reads_in_ukrainian(client, newsroom):
    html = get_in_ukrainian(client, lambda: reverse("feed:list") + "nowhere-at-all/")
    assert "Сторінку не знайдено" in html
    assert_reads_in_ukrainian(html)


@pytest.mark.parametrize("name", ["500.html", "503.html"])
def test_error_page_reads_in_ukrainian(name):
    with translation.override("uk"):
        html = render_to_string(name)
    assert '<html lang="uk">' in html
    assert_reads_in_ukrainian(html)


EMAILS = {
    "confirmation_email": {"days": 3, "confirm_url": "https://example.com/c/"},
    "already_subscribed_email": {"preferences_url": "https://example.com/p/"},
    "email/issue": {
        "subject": "Що сталося вночі",
        "body": "<p>Огляд.</p>",
        "body_text": "Огляд.",
        "web_url": "https://example.com/w/",
        "preferences_url": "https://example.com/p/",
        "unsubscribe_url": "https://example.com/u/",
        "postal_address": "Київ",
    },
}


@pytest.mark.parametrize("name", EMAILS)
@pytest.mark.parametrize("extension", ["html", "txt"])
def test_email_reads_in_ukrainian(newsroom, name, extension):
    """Both parts of every email, drawn as the sending code draws them."""
    newsletters = [newsroom["newsletter"]]
    context = {
        "site_name": "Новини",
        "subscriber": SubscriberFactory(email="reader@example.com"),
        "newsletter": newsletters[0],
        "newsletters": newsletters,
        "asked": newsletters,
        "current": newsletters,
        **EMAILS[name],
    }
    with translation.override("uk"):
        text = render_to_string(f"newsletters/{name}.{extension}", context)
    assert_reads_in_ukrainian(text if extension == "html" else f"<pre>{text}</pre>")
