"""Editors publish a story in both languages and link the versions from the item's form;
contributors link only what they may change. Every step is a POST as the browser (or an
attacker) sends it."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article, Status
from feed.models import Brief, Quote, Video
from tests.admin_data import article_form_data
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
LIST_URL = reverse("admin:articles_article_changelist")


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def live_article(**kwargs):
    """A live article, with the byline that saving it again needs."""
    return ArticleFactory(authors=[AuthorFactory()], **kwargs)


def own_draft(user, **kwargs):
    return ArticleFactory(draft=True, created_by=user, authors=[user.author_profile], **kwargs)


def linked(*items):
    first, *others = items
    for other in others:
        first.link_translation(other)
    # Linking is a change like any other: the forms are opened on it.
    refresh(*items)
    return items


def refresh(*items):
    for item in items:
        item.refresh_from_db()


def form_errors(response):
    return response.context["adminform"].form.errors


# The form ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory", [ArticleFactory, BriefFactory, QuoteFactory, VideoFactory], ids=lambda f: f.__name__
)
def test_every_kind_shows_its_language_and_its_translations(editor_client, factory):
    english = factory(language="en")
    ukrainian = factory(language="uk", draft=True)
    linked(english, ukrainian)

    html = editor_client.get(change_url(english)).text

    assert re.search(r'<select name="language"[^>]*>\s*<option value="en" selected>English', html)
    panel = html.split('id="translations-heading"')[1].split("</section>")[0]
    assert f'<a href="{change_url(ukrainian)}">{escape(str(ukrainian))}</a> · Draft' in panel
    assert "Ukrainian" in panel
    assert 'name="translation_unlink"' in html
    # Both languages are taken: nothing left to add.
    assert "Add the" not in panel


def test_a_new_item_is_in_the_default_edition(editor_client):
    html = editor_client.get(ADD_URL).text

    assert re.search(r'<option value="en" selected>English</option>', html)


def test_the_link_choices_are_items_of_the_other_language_without_a_version_here(editor_client):
    article = ArticleFactory(language="en")
    free = ArticleFactory(language="uk", headline="Міст знову відкрили")
    taken_by_another = ArticleFactory(language="uk", headline="Вже перекладено")
    linked(ArticleFactory(language="en"), taken_by_another)
    same_language = ArticleFactory(language="en", headline="Another English story")

    response = editor_client.get(change_url(article))

    choices = list(response.context["adminform"].form.fields["translation_link"].queryset)
    assert choices == [free]
    assert taken_by_another.headline not in response.text
    assert f'<option value="{same_language.pk}"' not in response.text


def test_an_editor_links_an_existing_version(editor_client):
    english = live_article(language="en")
    ukrainian = live_article(language="uk")

    response = editor_client.post(
        change_url(english),
        article_form_data(english, translation_link=ukrainian.pk, _continue="1"),
        follow=True,
    )

    refresh(english, ukrainian)
    assert english.translation_group is not None
    assert list(english.translations) == [ukrainian]
    assert f"Linked “{ukrainian}” as the Ukrainian version." in response.text


def test_linking_what_the_model_refuses_is_a_form_error(editor_client):
    """Changing the language to the one being linked would give the story two versions
    in it: the model refuses, the editor reads why, nothing is saved."""
    english = live_article(language="en", headline="Bridge reopens")
    ukrainian = live_article(language="uk")

    response = editor_client.post(
        change_url(english),
        article_form_data(english, language="uk", translation_link=ukrainian.pk),
    )

    assert response.status_code == 200
    assert "one version per language" in str(form_errors(response)["translation_link"])
    refresh(english, ukrainian)
    assert english.language == "en"
    assert english.translation_group is None and ukrainian.translation_group is None


def test_moving_a_linked_item_into_its_versions_language_is_a_form_error(editor_client):
    english, ukrainian = linked(live_article(language="en"), live_article(language="uk"))

    response = editor_client.post(change_url(english), article_form_data(english, language="uk"))

    assert response.status_code == 200
    assert "already has a version in Ukrainian" in str(form_errors(response)["language"])
    refresh(english)
    assert english.language == "en"


def test_an_editor_unlinks_a_published_version(editor_client):
    english, ukrainian = linked(live_article(language="en"), live_article(language="uk"))

    response = editor_client.post(
        change_url(english), article_form_data(english, translation_unlink="on")
    )

    assert response.status_code == 302, form_errors(response)
    refresh(english, ukrainian)
    assert english.translation_group is None and ukrainian.translation_group is None


def test_add_the_ukrainian_version_starts_a_linked_draft_from_this_one(editor_client):
    section, photo = SectionFactory(name="World"), PhotoFactory()
    first, second = AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Zoe Ward")
    english = ArticleFactory(
        language="en", section=section, hero_photo=photo, authors=[second, first]
    )
    english.tags.add("Transport", "Kyiv")

    panel = editor_client.get(change_url(english)).text.split('id="translations-heading"')[1]
    add_url = re.search(r'<a class="button" href="([^"]+)">Add the Ukrainian version</a>', panel)
    form = editor_client.get(add_url.group(1).replace("&amp;", "&")).context["adminform"].form

    assert form.initial["language"] == "uk"
    assert str(form.initial["translation_link"]) == str(english.pk)
    assert form.initial["section"] == section.pk
    assert form.initial["hero_photo"] == photo.pk
    assert form.initial["tags"] == "Kyiv, Transport"
    assert "headline" not in form.initial and "body" not in form.initial

    response = editor_client.post(
        add_url.group(1).replace("&amp;", "&"),
        article_form_data(
            authors=[second, first],
            section=section,
            language="uk",
            headline="Міст знову відкрили",
            slug="mist-znovu-vidkryly",
            translation_link=english.pk,
            hero_photo=photo.pk,
        ),
    )

    assert response.status_code == 302, form_errors(response)
    ukrainian = Article.objects.get(slug="mist-znovu-vidkryly")
    assert ukrainian.status == Status.DRAFT
    assert list(ukrainian.translations) == [english]
    assert ukrainian.byline == [second, first]


def test_the_new_version_starts_with_the_byline_of_the_one_it_translates(editor_client):
    first, second = AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Zoe Ward")
    english = ArticleFactory(language="en", authors=[second, first])

    response = editor_client.get(ADD_URL, {"language": "uk", "translation_link": english.pk})

    byline = response.context["inline_admin_formsets"][0].formset
    assert [form.initial["author"] for form in byline.forms] == [second.pk, first.pk]


@pytest.mark.parametrize(
    ("model", "factory", "starters"),
    [
        (Brief, BriefFactory, {"photo"}),
        (Quote, QuoteFactory, {"source_url"}),
        (Video, VideoFactory, {"video_url", "duration_seconds", "thumbnail"}),
    ],
    ids=["brief", "quote", "video"],
)
def test_other_kinds_start_a_version_from_what_is_not_text(editor_client, model, factory, starters):
    kwargs = {
        "photo": {"photo": PhotoFactory()},
        "source_url": {"source_url": "https://example.com/speech"},
        "thumbnail": {"thumbnail": PhotoFactory()},
    }
    values = {}
    for name in starters:
        values |= kwargs.get(name, {})
    source = factory(language="en", **values)
    add_url = reverse(f"admin:feed_{model._meta.model_name}_add")

    form = (
        editor_client.get(add_url, {"language": "uk", "translation_link": source.pk})
        .context["adminform"]
        .form
    )

    for name in starters:
        assert form.initial[name] == model._meta.get_field(name).value_from_object(source)


# Contributors ------------------------------------------------------------------------


def test_a_contributor_links_two_of_their_own_drafts(contributor_client, contributor):
    english = own_draft(contributor, language="en")
    ukrainian = own_draft(contributor, language="uk")

    response = contributor_client.post(
        change_url(english), article_form_data(english, translation_link=ukrainian.pk)
    )

    assert response.status_code == 302, form_errors(response)
    refresh(english)
    assert list(english.translations) == [ukrainian]


def test_a_contributor_cannot_link_someone_elses_published_story(contributor_client, contributor):
    own = own_draft(contributor, language="uk")
    published = ArticleFactory(language="en", headline="Harbour reopens")

    page = contributor_client.get(change_url(own)).text
    response = contributor_client.post(
        change_url(own), article_form_data(own, translation_link=published.pk)
    )

    assert published.headline not in page
    assert response.status_code == 200
    assert "translation_link" in form_errors(response)
    refresh(own, published)
    assert own.translation_group is None and published.translation_group is None


def test_a_contributor_cannot_start_a_version_linked_to_someone_elses_story(
    contributor_client, contributor
):
    published = ArticleFactory(language="en")

    page = contributor_client.get(change_url(published)).text
    response = contributor_client.post(
        f"{ADD_URL}?language=uk&translation_link={published.pk}",
        article_form_data(language="uk", translation_link=published.pk),
    )

    assert "Add the Ukrainian version" not in page
    assert response.status_code == 200
    assert "translation_link" in form_errors(response)
    refresh(published)
    assert published.translation_group is None
    assert not Article.objects.filter(language="uk").exists()


def test_a_contributor_cannot_unlink_a_published_story_of_someone_else(
    contributor_client, contributor
):
    published = ArticleFactory(language="en")
    own = own_draft(contributor, language="uk")
    linked(published, own)

    page = contributor_client.get(change_url(own)).text
    from_own = contributor_client.post(
        change_url(own), article_form_data(own, translation_unlink="on")
    )
    from_published = contributor_client.post(
        change_url(published), article_form_data(published, translation_unlink="on")
    )

    assert 'name="translation_unlink"' not in page
    # Their draft is saved; the crafted unlink is not taken.
    assert from_own.status_code == 302, form_errors(from_own)
    assert from_published.status_code == 403
    refresh(published, own)
    assert published.translation_group is not None
    assert list(own.translations) == [published]


def test_a_contributor_cannot_relink_someone_elses_published_story(contributor_client, contributor):
    english, ukrainian = linked(ArticleFactory(language="en"), ArticleFactory(language="uk"))
    own = own_draft(contributor, language="uk")

    response = contributor_client.post(
        change_url(english), article_form_data(english, translation_link=own.pk)
    )

    assert response.status_code == 403
    refresh(english, own)
    assert list(english.translations) == [ukrainian]
    assert own.translation_group is None


# The list ---------------------------------------------------------------------------


def test_the_list_shows_each_items_language_and_its_translations(editor_client):
    english, ukrainian = linked(
        ArticleFactory(language="en", headline="Bridge reopens"),
        ArticleFactory(language="uk", headline="Міст знову відкрили"),
    )
    ArticleFactory(language="en", headline="Harbour reopens")

    html = editor_client.get(LIST_URL).text

    rows = {
        headline: row
        for row in html.split("<tr")
        for headline in ("Bridge reopens", "Міст знову відкрили", "Harbour reopens")
        if headline in row
    }
    assert '<span class="list-language" title="English">EN</span>+ UK' in rows["Bridge reopens"]
    assert (
        '<span class="list-language" title="Ukrainian">UK</span>+ EN' in rows["Міст знову відкрили"]
    )
    assert '<span class="list-language" title="English">EN</span></td>' in rows["Harbour reopens"]


def test_the_list_filters_by_language_and_by_translation(editor_client):
    english, ukrainian = linked(
        ArticleFactory(language="en", headline="Bridge reopens"),
        ArticleFactory(language="uk", headline="Міст знову відкрили"),
    )
    lonely = ArticleFactory(language="en", headline="Harbour reopens")
    # Its only version was unlinked: it lacks one, whatever its group once was.
    alone_in_group = ArticleFactory(language="uk", headline="Лише українською")
    Article.objects.filter(pk=alone_in_group.pk).update(translation_group=uuid.uuid4())

    def headlines(**params):
        response = editor_client.get(LIST_URL, params)
        return {article.headline for article in response.context["cl"].result_list}

    assert headlines(language="uk") == {"Міст знову відкрили", "Лише українською"}
    assert headlines(translation="yes") == {"Bridge reopens", "Міст знову відкрили"}
    assert headlines(translation="no") == {"Harbour reopens", "Лише українською"}
    assert headlines(translation="no", language="en") == {lonely.headline}


def test_the_list_query_count_does_not_grow_with_translations(editor_client):
    """Languages come from one EXISTS per language in the list's own query: a list of
    twenty linked items costs what a list of two does."""

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(LIST_URL).status_code == 200
        return len(queries)

    linked(ArticleFactory(language="en"), ArticleFactory(language="uk"))
    few = count_queries()
    for _ in range(9):
        linked(ArticleFactory(language="en"), ArticleFactory(language="uk"))
    assert count_queries() == few
