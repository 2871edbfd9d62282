import warnings

import pytest
from django.contrib import admin
from django.core.paginator import UnorderedObjectListWarning
from django.urls import reverse

from articles.models import Status
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    PhotoFactory,
    PreviewLinkFactory,
    QuoteFactory,
    RedirectFactory,
    SectionFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "article": ArticleFactory,
    "previewlink": PreviewLinkFactory,
    "author": AuthorFactory,
    "brief": BriefFactory,
    "photo": PhotoFactory,
    "quote": QuoteFactory,
    "redirect": RedirectFactory,
    "section": SectionFactory,
    "video": VideoFactory,
}
MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"articles", "authors", "feed", "redirects"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_admin_page_renders_for_staff(admin_client, model):
    obj = FACTORIES[model._meta.model_name]()

    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "changelist"), {"q": "x"}).status_code == 200
    can_add = admin.site._registry[model].has_add_permission(admin_client.request().wsgi_request)
    assert admin_client.get(admin_url(model, "add")).status_code == (200 if can_add else 403)
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_article_changelist_shows_authors_and_status(admin_client):
    article = ArticleFactory(headline="Floods recede", authors=[AuthorFactory(name="Ana Lopes")])
    response = admin_client.get(admin_url(type(article), "changelist"))
    assert "Floods recede" in response.text
    assert "Ana Lopes" in response.text


def test_publish_action_makes_drafts_live(admin_client):
    draft = ArticleFactory(draft=True, authors=[AuthorFactory()])
    admin_client.post(
        admin_url(type(draft), "changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED and draft.is_live


def test_tag_suggestions_offer_existing_tags(admin_client):
    ArticleFactory().tags.add("Elections", "Energy")
    response = admin_client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "ele"})
    assert response.json() == {"tags": ["Elections"]}


def test_tag_suggestions_are_for_staff_only(client):
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "e"})
    assert response.status_code == 302


def test_editor_can_add_an_article_with_an_ordered_byline(admin_client):
    section, first, second = SectionFactory(), AuthorFactory(), AuthorFactory()
    response = admin_client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "Bridge reopens",
            "slug": "bridge-reopens",
            "body": "<p>Traffic flows again.</p><script>x</script>",
            "_workflow": Status.PUBLISHED,
            "section": section.pk,
            "tags": "Transport",
            "credits-TOTAL_FORMS": "2",
            "credits-INITIAL_FORMS": "0",
            "credits-0-author": second.pk,
            "credits-0-position": "0",
            "credits-1-author": first.pk,
            "credits-1-position": "1",
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = section.articles.get()
    assert article.byline == [second, first]
    assert article.is_live, "publishing without a time publishes now"
    assert "<script>" not in article.body


@pytest.mark.parametrize(
    ("model_name", "field_name", "expected"),
    [("article", "section", ["City", "World"]), ("articleauthor", "author", ["Ana Lopes", "Zoe Ward"])],
    ids=["section", "author"],
)  # fmt: skip
def test_section_and_author_autocompletes_list_in_a_stated_order(
    admin_client, model_name, field_name, expected
):
    """Sections by position, authors by name; without an order the admin's paginator warns
    (UnorderedObjectListWarning) and pages of results may repeat or skip rows."""
    SectionFactory(name="World", position=2)
    SectionFactory(name="City", position=1)
    AuthorFactory(name="Zoe Ward")
    AuthorFactory(name="Ana Lopes")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "articles", "model_name": model_name, "field_name": field_name},
        )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == expected
