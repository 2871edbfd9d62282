"""The words that come from Python (model labels, choices, the publishing checks, the
admin's messages, feeds) in Ukrainian, from the project's one catalog."""

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Correction, LiveState, Status
from feed.models import Brief
from newsroom import kinds
from tests.factories import ArticleFactory, PhotoFactory

CATALOG = settings.BASE_DIR / "locale" / "uk" / "LC_MESSAGES" / "django.po"
UKRAINIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


@pytest.fixture(autouse=True)
def default_language(settings):
    """Each test starts in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def test_catalog_is_complete_and_compiled():
    """Every entry translated, none fuzzy, three plural forms, and the committed .mo is
    the .po compiled: a plain `migrate` + `runserver` shows what the .po says."""
    po = polib.pofile(str(CATALOG))
    assert po.metadata["Plural-Forms"] == UKRAINIAN_PLURALS
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.get(form) for form in range(3)), entry.msgid
    mo = polib.mofile(str(CATALOG.with_suffix(".mo")))
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in mo}
    for entry in po:
        stored = compiled[(entry.msgctxt, entry.msgid)]
        assert (stored.msgstr, stored.msgstr_plural) == (entry.msgstr, entry.msgstr_plural)


def test_model_labels_and_choices_are_ukrainian():
    with translation.override("uk"):
        assert Article._meta.get_field("headline").verbose_name == "заголовок"
        assert Article._meta.get_field("section").verbose_name == "рубрика"
        assert Article._meta.get_field("hero_photo").verbose_name == "головне фото"
        assert str(Article._meta.verbose_name_plural) == "статті"
        assert str(Brief._meta.verbose_name) == "коротка новина"
        assert Status.DRAFT.label == "Чернетка"
        assert Status.REVIEW.label == "На перевірці"
        assert Status.PUBLISHED.label == "Опубліковано"
        assert Status.UNPUBLISHED.label == "Знято з публікації"
        assert LiveState.LIVE.label == "Наживо"
        assert Correction.Kind.CORRECTION.label == "Виправлення"
        assert str(Article._meta.get_field("slug").help_text).startswith("Частина адреси")
    # The same labels, read again, are English outside it: nothing is translated once
    # and kept.
    assert Article._meta.get_field("headline").verbose_name == "headline"
    assert Status.DRAFT.label == "Draft"


@pytest.mark.django_db
def test_publishing_problems_are_ukrainian_sentences():
    photo = PhotoFactory(alt_text="", photographer="", agency="")
    article = Article(headline="", slug="", hero_photo=photo)
    with translation.override("uk"):
        problems = article.publishing_problems()
    assert problems == [
        "Потрібен заголовок.",
        "Потрібен слаг (адреса в мережі).",
        "Потрібна рубрика.",
        "Потрібен щонайменше один автор.",
        "Головному фото потрібен альтернативний текст.",
        "Головному фото потрібен автор фото / джерело (фотограф або агенція).",
    ]


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 стаття"), (3, "3 статті"), (5, "5 статей"), (11, "11 статей"), (21, "21 стаття")],
)
def test_counts_take_the_ukrainian_plural_forms(count, words):
    with translation.override("uk"):
        assert kinds.get("article").counted(count) == words


@pytest.mark.django_db
def test_feed_title_and_descriptions_are_ukrainian(client):
    """The reader's edition picks the language (its URL prefix, on the site); the feed
    then speaks it: its title, and each quote's punctuation."""
    ArticleFactory(headline="Міст відкрили")
    with translation.override("uk"):
        rss = client.get(reverse("articles:feed-rss")).text
        news_feed = client.get(reverse("feed:rss")).text
    site = settings.NEWSROOM_SITE_NAME
    assert f"<title>{site}: останні новини</title>" in rss
    assert f"<title>{site}: стрічка новин</title>" in news_feed
    assert "Статті, короткі новини, цитати й відео в міру публікації." in news_feed


@pytest.mark.django_db
def test_admin_speaks_ukrainian_to_an_editor_whose_browser_asks_for_it(editor_client):
    """The article list and form in Ukrainian for an editor whose browser asks for it
    (Accept-Language): column headings, filters, actions, fieldsets, workflow buttons."""
    article = ArticleFactory(status=Status.DRAFT, published_at=None)
    changelist = editor_client.get(
        reverse("admin:articles_article_changelist"), HTTP_ACCEPT_LANGUAGE="uk"
    ).text
    assert "Заголовок" in changelist
    assert "Опублікувати вибрані матеріали зараз" in changelist
    assert "Чернетка" in changelist
    form = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk]), HTTP_ACCEPT_LANGUAGE="uk"
    ).text
    assert "Рубрика й теги" in form
    assert "Головне фото" in form
    assert "Опублікувати зараз" in form
    assert "Чернетка: її бачать лише працівники редакції." in form
