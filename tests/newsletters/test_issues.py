"""Newsletters in the admin: who may use them, what an issue stores, what a sent issue
keeps, the automatic draft button and the previews."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Issue
from tests.factories import IssueFactory, NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def issue_form_data(issue=None, **overrides):
    """POST data for the issue add/change page, as the admin's form sends it."""
    data = {
        "newsletter": issue.newsletter_id if issue else "",
        "subject": issue.subject if issue else "Morning briefing",
        "slug": issue.slug if issue else "morning-briefing",
        "preheader": issue.preheader if issue else "",
        "body": issue.body if issue else "<p>Good morning.</p>",
        "send_at_0": "",
        "send_at_1": "",
        "in_archive": "on" if issue is None or issue.in_archive else "",
    }
    return data | overrides


ADMIN_PAGES = [
    "admin:newsletters_newsletter_changelist",
    "admin:newsletters_newsletter_add",
    "admin:newsletters_issue_changelist",
    "admin:newsletters_issue_add",
    "admin:newsletters_subscriber_changelist",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_contributors_have_no_newsletters_in_the_admin(contributor_client, name):
    assert contributor_client.get(reverse(name)).status_code == 403


def test_contributors_cannot_post_an_issue(contributor_client):
    newsletter = NewsletterFactory()
    response = contributor_client.post(
        reverse("admin:newsletters_issue_add"), issue_form_data(newsletter=newsletter.pk)
    )
    assert response.status_code == 403
    assert not Issue.objects.exists()


def test_the_roles_give_newsletters_to_editors_and_admins_only():
    send = Permission.objects.get(codename="send_issue")
    every = set(Permission.objects.filter(content_type__app_label="newsletters"))
    assert send in every
    assert every <= set(Group.objects.get(name="Editor").permissions.all())
    assert every <= set(Group.objects.get(name="Admin").permissions.all())
    contributor = Group.objects.get(name="Contributor").permissions
    assert not contributor.filter(content_type__app_label="newsletters").exists()


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_editors_see_every_newsletters_page(editor_client, name):
    IssueFactory(sent=True)
    SubscriberFactory()
    assert editor_client.get(reverse(name)).status_code == 200


def test_an_editor_adds_an_issue_stored_clean(editor_client):
    newsletter = NewsletterFactory()
    body = (
        "<p>Good\u00a0morning&nbsp;from the desk.</p>"
        '<script>alert(1)</script><p onclick="steal()">Read <a href="javascript:alert(2)">this</a>.</p>'
    )
    response = editor_client.post(
        reverse("admin:newsletters_issue_add"),
        issue_form_data(newsletter=newsletter.pk, body=body),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    issue = Issue.objects.get()
    assert "<script" not in issue.body and "alert(1)" not in issue.body
    assert "onclick" not in issue.body and "javascript:" not in issue.body
    # Spaces the editor typed stay spaces a line can break at.
    assert "<p>Good morning from the desk.</p>" in issue.body
    assert issue.sent_at is None and issue.send_at is None


def test_the_issue_form_opens_in_the_prose_editor_with_the_pages_nonce(editor_client):
    issue = IssueFactory()
    response = editor_client.get(reverse("admin:newsletters_issue_change", args=[issue.pk]))
    html = response.text
    assert "prose-editor" in html
    nonce = response.wsgi_request.csp_nonce
    assert f'nonce="{nonce}"' in html
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "state", [{"sent": True}, {"sending_started_at": timezone.now}], ids=["sent", "sending"]
)
def test_a_sent_or_sending_issue_keeps_what_readers_received(editor_client, state):
    state = {name: value() if callable(value) else value for name, value in state.items()}
    issue = IssueFactory(subject="What went out", body="<p>As sent.</p>", **state)
    url = reverse("admin:newsletters_issue_change", args=[issue.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert 'name="subject"' not in page.text and 'name="body"' not in page.text
    assert "<p>As sent.</p>" in page.text
    response = editor_client.post(
        url,
        issue_form_data(
            issue,
            subject="Rewritten afterwards",
            body="<p>Changed.</p>",
            slug="changed",
            send_at_0="2030-01-01",
            send_at_1="08:00",
            in_archive="",
        ),
    )
    assert response.status_code == 302
    stored = Issue.objects.get(pk=issue.pk)
    assert (stored.subject, stored.body, stored.slug, stored.send_at) == (
        "What went out",
        "<p>As sent.</p>",
        issue.slug,
        None,
    )
    # Taking it out of the archive is still the editor's call.
    assert stored.in_archive is False


def test_a_sent_issue_cannot_be_deleted(editor_client):
    issue = IssueFactory(sent=True)
    response = editor_client.post(
        reverse("admin:newsletters_issue_delete", args=[issue.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Issue.objects.filter(pk=issue.pk).exists()


def test_a_sent_issue_cannot_be_deleted_with_the_list_action(editor_client):
    draft, sent = IssueFactory(), IssueFactory(sent=True)
    response = editor_client.post(
        reverse("admin:newsletters_issue_changelist"),
        {"action": "delete_selected", "_selected_action": [draft.pk, sent.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Issue.objects.count() == 2


def test_only_who_may_send_schedules(client, editor):
    editor.groups.clear()
    editor.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="newsletters", codename__in=["add_issue", "view_newsletter"]
        )
    )
    client.force_login(editor)
    newsletter = NewsletterFactory()
    client.post(
        reverse("admin:newsletters_issue_add"),
        issue_form_data(newsletter=newsletter.pk, send_at_0="2030-01-01", send_at_1="08:00"),
    )
    assert Issue.objects.get().send_at is None


def test_the_issue_list_shows_each_state(editor_client):
    IssueFactory(subject="A draft")
    IssueFactory(subject="Going out", scheduled=True)
    IssueFactory(subject="On its way", sending_started_at=timezone.now())
    IssueFactory(subject="Delivered", sent=True)
    response = editor_client.get(reverse("admin:newsletters_issue_changelist"))
    text = response.text
    assert "Draft" in text and "Scheduled for " in text
    assert "Sending" in text and "Sent " in text
    sent = editor_client.get(reverse("admin:newsletters_issue_changelist"), {"state": "sent"})
    assert list(sent.context["cl"].result_list) == [Issue.objects.get(subject="Delivered")]
    found = editor_client.get(reverse("admin:newsletters_issue_changelist"), {"q": "going"})
    assert [issue.subject for issue in found.context["cl"].result_list] == ["Going out"]


@pytest.mark.parametrize("lists", [1, 5])
def test_the_list_of_newsletters_counts_readers_in_fixed_queries(
    editor_client, django_assert_num_queries, lists
):
    for _ in range(lists):
        newsletter = NewsletterFactory()
        SubscriberFactory.create_batch(3, newsletters=[newsletter])
        SubscriberFactory.create_batch(2, pending=True, newsletters=[newsletter])
        SubscriberFactory(suppressed_at=timezone.now(), newsletters=[newsletter])
    editor_client.get(reverse("admin:newsletters_newsletter_changelist"))
    # The session, the user and their permissions (4), the list's two counts, filtered
    # and in all (2), and the page of lists with both reader counts (1).
    with django_assert_num_queries(7):
        response = editor_client.get(reverse("admin:newsletters_newsletter_changelist"))
    rows = {
        row.name: (row.confirmed_total, row.pending_total)
        for row in response.context["cl"].result_list
    }
    assert set(rows.values()) == {(3, 2)}


def test_subscribers_are_listed_but_not_added_by_hand(editor_client):
    newsletter = NewsletterFactory(name="Weekend Reads")
    subscriber = SubscriberFactory(email="ana@example.org", newsletters=[newsletter])
    listing = editor_client.get(reverse("admin:newsletters_subscriber_changelist"))
    assert "ana@example.org" in listing.text and "Weekend Reads" in listing.text
    assert editor_client.get(reverse("admin:newsletters_subscriber_add")).status_code == 403
    change = editor_client.get(reverse("admin:newsletters_subscriber_change", args=[subscriber.pk]))
    # The key that signs the reader's links is shown, never editable; nor are the
    # address and its confirmation, which are the reader's.
    assert subscriber.key in change.text and 'name="key"' not in change.text
    assert 'name="confirmed_at' not in change.text and 'name="email"' not in change.text
    editor_client.post(
        reverse("admin:newsletters_subscriber_change", args=[subscriber.pk]),
        {"email": "someone.else@example.org", "suppression_reason": ""},
    )
    subscriber.refresh_from_db()
    assert subscriber.email == "ana@example.org"


def test_the_draft_button_makes_an_issue_and_opens_it(editor_client):
    newsletter = NewsletterFactory()
    change = editor_client.get(reverse("admin:newsletters_newsletter_change", args=[newsletter.pk]))
    draft_url = reverse("admin:newsletters_newsletter_draft", args=[newsletter.pk])
    assert f'action="{draft_url}"' in change.text
    assert editor_client.get(draft_url).status_code == 405
    response = editor_client.post(draft_url)
    issue = Issue.objects.get()
    assert response["Location"] == reverse("admin:newsletters_issue_change", args=[issue.pk])
    assert issue.newsletter == newsletter and issue.sent_at is None


def test_previews_are_for_staff_only(editor_client):
    issue = IssueFactory(subject="Tomorrow's news", body="<p>Not out yet.</p>")
    urls = [
        reverse(f"admin:newsletters_issue_preview_{kind}", args=[issue.pk])
        for kind in ("email", "email_html", "page")
    ]
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert editor_client.get(url).status_code == 200
    # Nor is an unsent issue on the site itself.
    assert Client().get(issue.get_absolute_url()).status_code == 404


def test_the_email_preview_frames_the_email_under_a_policy_that_runs_nothing(editor_client):
    issue = IssueFactory(subject="Tomorrow's news", body="<p>Not out yet.</p>")
    change = editor_client.get(reverse("admin:newsletters_issue_change", args=[issue.pk]))
    preview_url = reverse("admin:newsletters_issue_preview_email", args=[issue.pk])
    html_url = reverse("admin:newsletters_issue_preview_email_html", args=[issue.pk])
    assert f'href="{preview_url}"' in change.text
    page = editor_client.get(preview_url)
    assert "Tomorrow&#x27;s news" in page.text
    assert f'src="{html_url}" sandbox' in page.text
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    email = editor_client.get(html_url)
    # Inlined: the paragraph carries its style.
    assert re.search(r"<p[^>]*>Not out yet.</p>", email.text)
    policy = email["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy and "script" not in policy
    assert email["X-Frame-Options"] == "SAMEORIGIN"
    assert email["Referrer-Policy"] == "no-referrer"


def test_the_page_preview_shows_the_issue_as_readers_will(editor_client):
    issue = IssueFactory(subject="Tomorrow's news", body="<p>Not out yet.</p>")
    change = editor_client.get(reverse("admin:newsletters_issue_change", args=[issue.pk]))
    url = reverse("admin:newsletters_issue_preview_page", args=[issue.pk])
    assert f'href="{url}"' in change.text
    response = editor_client.get(url)
    assert "<h1>Tomorrow&#x27;s news</h1>" in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-store" in response["Cache-Control"]
