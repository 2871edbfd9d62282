from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink, PreviewVisit
from tests.factories import ArticleFactory, PreviewLinkFactory, UserFactory

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


# From the article's page: make, list, copy and revoke its links ---------------------


def article_page(client, article):
    return client.get(reverse("admin:articles_article_change", args=[article.pk]))


def revoke_url(link):
    return reverse("admin:articles_previewlink_revoke", args=[link.pk])


def test_a_link_made_from_the_article_returns_to_the_article(editor_client):
    draft = ArticleFactory(draft=True)
    share = article_page(editor_client, draft).context["preview_links_panel"]["share_url"]

    # What the form under the article posts.
    response = editor_client.post(
        share, {"article": draft.pk, "note": "Legal", "lifetime": "24", "_save": "1"}
    )

    change_page = reverse("admin:articles_article_change", args=[draft.pk])
    assert response.status_code == 302
    assert response["Location"] == change_page + "#preview-links"
    link = PreviewLink.objects.get(article=draft)
    page = editor_client.get(change_page)
    assert f'value="http://testserver{link.get_absolute_url()}"' in page.text
    assert "data-copy=" in page.text


def test_the_article_page_lists_its_links_with_expiry_visits_and_state(editor_client):
    draft = ArticleFactory(draft=True)
    active = PreviewLinkFactory(article=draft, note="Legal review")
    PreviewVisit.objects.create(link=active)
    PreviewVisit.objects.create(link=active)
    PreviewLinkFactory(article=draft, note="Lawyers", revoked_at=timezone.now())
    PreviewLinkFactory(note="Another article's link")

    page = article_page(editor_client, draft)

    rows = {row["link"].note: row for row in page.context["preview_links_panel"]["links"]}
    assert set(rows) == {"Legal review", "Lawyers"}
    assert rows["Legal review"]["visits"] == 2
    assert rows["Legal review"]["revoke_url"] == revoke_url(active)
    assert rows["Lawyers"]["revoke_url"] == "", "a revoked link has nothing to revoke"
    assert "Active" in page.text and "Revoked" in page.text
    assert timezone.localtime(active.expires_at).strftime("%Y-%m-%dT%H:%M") in page.text


def test_an_editor_revokes_a_link_from_the_article_page(editor_client, client):
    link = PreviewLinkFactory()

    response = editor_client.post(revoke_url(link))

    change_page = reverse("admin:articles_article_change", args=[link.article_id])
    assert response["Location"] == change_page + "#preview-links"
    link.refresh_from_db()
    assert link.is_revoked
    assert client.get(link.get_absolute_url()).status_code == 410


def test_the_script_revoking_a_link_is_answered_with_its_new_state(editor_client):
    link = PreviewLinkFactory()
    response = editor_client.post(revoke_url(link), headers={"Accept": "application/json"})
    assert response.json() == {"state": "Revoked"}


def test_a_contributor_cannot_revoke_a_link(contributor_client, contributor, client):
    link = PreviewLinkFactory(article__created_by=contributor)

    response = contributor_client.post(revoke_url(link))

    assert response.status_code == 403
    link.refresh_from_db()
    assert not link.is_revoked
    assert client.get(link.get_absolute_url()).status_code == 200


def test_only_the_change_permission_on_preview_links_revokes(client):
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_previewlink", "change_article"])
    )
    client.force_login(viewer)
    link = PreviewLinkFactory()

    assert client.post(revoke_url(link)).status_code == 403
    link.refresh_from_db()
    assert not link.is_revoked
    page = article_page(client, link.article)
    assert page.context["preview_links_panel"]["links"][0]["revoke_url"] == ""
    assert "data-revoke" not in page.text


def test_revoking_needs_a_post_with_the_csrf_token(editor):
    from django.test import Client

    link = PreviewLinkFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)

    assert browser.get(revoke_url(link)).status_code == 405
    assert browser.post(revoke_url(link)).status_code == 403
    link.refresh_from_db()
    assert not link.is_revoked


def test_people_who_cannot_see_preview_links_get_no_list(contributor_client, contributor):
    draft = ArticleFactory(draft=True, created_by=contributor)
    PreviewLinkFactory(article=draft)
    page = article_page(contributor_client, draft)
    assert page.status_code == 200
    assert "preview_links_panel" not in page.context
    assert 'id="preview-links"' not in page.text
