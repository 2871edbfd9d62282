"""The whole round: an editor drafts the daily briefing from the day's news, previews it
and sends it; it arrives through a real SMTP server, correct in both parts, and its
reader leaves in one click."""

import re
from email import policy
from email.parser import BytesParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from newsletters import links
from newsletters.models import Issue, Subscription
from tests.factories import ArticleFactory, QuoteFactory

from . import sending_data as data

pytestmark = pytest.mark.django_db


def test_an_editor_drafts_previews_and_sends_the_daily_briefing(
    smtp_server, run_tasks, editor_client, client
):
    briefing = data.newsletter("The Daily Briefing", "daily-briefing", is_default=True)
    reader = data.subscriber("reader@example.com", briefing)
    data.subscriber("waiting@example.com", briefing, confirmed=False)
    story = ArticleFactory(headline="Council votes the harbour budget", standfirst="By 31 to 12.")
    QuoteFactory(text="We will rebuild the harbour", speaker="The mayor")

    drafted = editor_client.post(reverse("admin:newsletters_newsletter_draft", args=[briefing.pk]))
    issue = Issue.objects.get(newsletter=briefing)
    assert drafted["Location"] == reverse("admin:newsletters_issue_change", args=[issue.pk])
    assert story.headline in issue.body and "We will rebuild the harbour" in issue.body

    preview = editor_client.get(
        reverse("admin:newsletters_issue_preview_email_html", args=[issue.pk])
    )
    assert story.headline in preview.text

    confirm = editor_client.get(reverse("admin:newsletters_issue_send", args=[issue.pk]))
    # One confirmed reader: the one still to click their link is not counted.
    assert "<strong>1</strong> confirmed subscriber will receive it" in confirm.text
    editor_client.post(reverse("admin:newsletters_issue_send", args=[issue.pk]))
    run_tasks()

    assert [recipients for recipients, _ in smtp_server.messages] == [[reader.email]]
    [message] = smtp_server.to(reader.email)
    message = BytesParser(policy=policy.default).parsebytes(message.as_bytes())
    assert message["Subject"] == issue.subject
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    story_url = links.site_url(story.get_absolute_url())
    assert f"{story.headline} ({story_url})" in text
    assert re.search(rf'<a href="{re.escape(story_url)}"[^>]*>{story.headline}</a>', html)
    assert "<script" not in html and 'style="' in html

    issue.refresh_from_db()
    assert issue.is_sent
    assert client.get(issue.get_absolute_url()).status_code == 200

    # The mail client's one-click unsubscribe (RFC 8058) takes the reader off the list.
    unsubscribe = urlsplit(message["List-Unsubscribe"].strip("<>")).path
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    answer = client.post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200
    assert not Subscription.objects.filter(subscriber=reader, newsletter=briefing).exists()
