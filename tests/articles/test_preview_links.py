from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink, PreviewVisit
from tests.factories import ArticleFactory, PreviewLinkFactory

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"


def test_staff_preview_shows_a_draft_as_readers_will_see_it(admin_client):
    draft = ArticleFactory(draft=True, headline="Budget leaks ahead of the vote")
    response = admin_client.get(reverse("articles:preview", kwargs={"pk": draft.pk}))
    assert response.status_code == 200
    assert "Budget leaks ahead of the vote" in response.text
    assert_private(response)


def test_staff_preview_is_for_staff_only(client):
    draft = ArticleFactory(draft=True)
    response = client.get(reverse("articles:preview", kwargs={"pk": draft.pk}))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_change_page_links_to_the_preview(admin_client):
    draft = ArticleFactory(draft=True)
    page = admin_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert reverse("articles:preview", kwargs={"pk": draft.pk}) in page.text
    assert "Share a preview link" in page.text


def test_editor_makes_a_link_with_the_lifetime_they_choose(editor_client, editor):
    draft = ArticleFactory(draft=True)
    response = editor_client.post(
        reverse("admin:articles_previewlink_add"),
        {"article": draft.pk, "note": "Legal review", "lifetime": "24"},
        follow=True,
    )
    link = PreviewLink.objects.get()
    assert link.created_by == editor
    assert timedelta(hours=23, minutes=59) < link.expires_at - timezone.now() <= timedelta(hours=24)
    assert link.get_absolute_url() in response.text, "the address to share is shown"


def test_anyone_with_the_link_sees_the_draft_and_the_visit_is_logged(client):
    link = PreviewLinkFactory(article__headline="Embargoed report")
    response = client.get(link.get_absolute_url(), HTTP_USER_AGENT="Lawyer's browser")
    assert response.status_code == 200
    assert "Embargoed report" in response.text
    assert_private(response)
    visit = PreviewVisit.objects.get()
    assert visit.link == link and visit.user_agent == "Lawyer's browser"


def test_expired_link_stops_working(client):
    link = PreviewLinkFactory(article__headline="Embargoed report")
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "Embargoed report" not in response.text
    assert "expired" in response.text
    assert_private(response)
    assert not PreviewVisit.objects.exists()


def test_revoked_link_stops_working(editor_client, client):
    link = PreviewLinkFactory()
    editor_client.post(
        reverse("admin:articles_previewlink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    link.refresh_from_db()
    assert link.is_revoked
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "withdrawn" in response.text


def test_forged_or_guessed_tokens_are_not_found(client):
    link = PreviewLinkFactory()
    forged = f"{link.key.hex}:{'A' * 27}"
    assert client.get(reverse("articles:shared-preview", args=[forged])).status_code == 404
    assert client.get(reverse("articles:shared-preview", args=["nonsense"])).status_code == 404


def test_contributors_cannot_make_preview_links(contributor_client):
    response = contributor_client.post(
        reverse("admin:articles_previewlink_add"),
        {"article": ArticleFactory(draft=True).pk, "lifetime": "24"},
    )
    assert response.status_code == 403
    assert not PreviewLink.objects.exists()
