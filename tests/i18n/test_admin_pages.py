"""Our own admin screens read in Ukrainian for an editor whose admin is in Ukrainian.

Only what our templates draw is checked, by the id of the part each one draws: around
it, the admin shows the names, labels and messages our Python code gives it, and
Django's admin brings its own Ukrainian.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import PreviewLinkFactory
from tests.newsletters import sending_data
from tests.newsroom_data import build_newsroom

from .interface_text import element_html
from .test_pages import assert_reads_in_ukrainian, in_ukrainian


@pytest.fixture
def newsroom(db):
    objects = build_newsroom(2)
    in_ukrainian(objects)
    PreviewLinkFactory(article=objects["live_blog"], note="Юристам")
    return objects


@pytest.fixture
def sender(editor, client):
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletters",
            codename__in=["send_issue", "view_issue", "change_issue"],
        )
    )
    client.force_login(editor)
    return client


@pytest.fixture
def issue():
    morning = sending_data.newsletter()
    sending_data.confirmed_readers(morning, 2)
    return sending_data.issue(
        morning,
        subject="Вівторок: голосування за бюджет",
        slug="vivtorok",
        preheader="І ще дві новини",
        body="<h2>Головне</h2><p>Рада ухвалила бюджет.</p>",
        send_at=timezone.now() + timedelta(hours=2),
    )


def parts_in_ukrainian(client, path, *element_ids):
    """The HTML of each named part of the admin page at `path`, asked for in Ukrainian:
    by a browser that asks for Ukrainian, as the admin follows the browser's language,
    and with Ukrainian active for as long as no middleware picks the language."""
    with translation.override("uk"):
        response = client.get(path, headers={"accept-language": "uk"})
    assert response.status_code == 200
    parts = [element_html(response.content.decode(), element_id) for element_id in element_ids]
    assert all(parts), dict(zip(element_ids, parts, strict=True))
    return "".join(parts)


def test_a_live_blogs_change_form_reads_in_ukrainian(editor_client, newsroom):
    path = reverse("admin:articles_article_change", args=[newsroom["live_blog"].pk])
    html = parts_in_ukrainian(editor_client, path, "preview-links", "live-blog-entries")
    assert "Посилання для попереднього перегляду" in html
    assert_reads_in_ukrainian(html)


def test_an_articles_history_reads_in_ukrainian(editor_client, newsroom):
    path = reverse("admin:articles_article_history", args=[newsroom["live_blog"].pk])
    html = parts_in_ukrainian(editor_client, path, "content-main")
    assert "Кожен рядок — одне збереження." in html
    assert_reads_in_ukrainian(html)


@pytest.mark.parametrize(
    ("view", "words"),
    [
        ("send", "Так, надіслати зараз"),
        ("schedule", "Запланувати"),
        ("sending", "Оновити зараз"),
        ("preview_email", "Як звичайний текст"),
    ],
)
def test_sending_an_issue_reads_in_ukrainian(sender, issue, view, words):
    path = reverse(f"admin:newsletters_issue_{view}", args=[issue.pk])
    html = parts_in_ukrainian(sender, path, "content-main")
    assert words in html
    assert_reads_in_ukrainian(html)
