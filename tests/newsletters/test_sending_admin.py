"""Send now, Schedule and the progress page in the admin, for editors only."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletters.models import Issue

from . import sending_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(editor, client):
    """An editor who may change and send issues (the Editor group's permissions)."""
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
    morning = data.newsletter()
    data.confirmed_readers(morning, 3)
    data.subscriber("pending@example.com", morning, confirmed=False)
    return data.issue(morning)


def url(issue, view):
    return reverse(f"admin:newsletters_issue_{view}", args=[issue.pk])


def test_send_now_names_the_list_and_its_readers_then_sends(sender, issue, smtp_server, run_tasks):
    page = sender.get(url(issue, "send"))
    assert page.status_code == 200
    assert "The Morning Briefing" in page.text
    assert "<strong>3</strong> confirmed subscribers will receive it" in page.text

    response = sender.post(url(issue, "send"))
    assert response.status_code == 302 and response.url == url(issue, "sending")
    progress = sender.get(url(issue, "sending"))
    assert '<meta http-equiv="refresh" content="5">' in progress.text
    assert '<td class="sending-pending">0</td>' in progress.text  # the log is not written yet

    run_tasks()

    assert len(smtp_server.messages) == 3
    progress = sender.get(url(issue, "sending"))
    assert '<td class="sending-sent">3</td>' in progress.text
    assert "http-equiv" not in progress.text  # finished: nothing to wait for
    # A second press does not send it again.
    sender.post(url(issue, "send"))
    run_tasks()
    assert len(smtp_server.messages) == 3


def test_a_contributor_cannot_send_schedule_or_watch(contributor_client, issue, contributor):
    contributor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="newsletters").exclude(
            codename="send_issue"
        )
    )
    for view in ("send", "schedule", "sending", "resume"):
        assert contributor_client.post(url(issue, view)).status_code == 403
        assert contributor_client.get(url(issue, view)).status_code == 403
    # Nor schedule it by setting "send at", which is read-only for them.
    send_at = timezone.localtime() + timedelta(hours=3)
    contributor_client.post(
        reverse("admin:newsletters_issue_change", args=[issue.pk]),
        {
            **change_form(issue),
            "send_at_0": send_at.strftime("%Y-%m-%d"),
            "send_at_1": send_at.strftime("%H:%M:%S"),
        },
    )
    issue.refresh_from_db()
    assert issue.send_at is None
    assert issue.sending_started_at is None
    assert not DBTaskResult.objects.exists()


def change_form(issue):
    return {
        "newsletter": issue.newsletter_id,
        "subject": issue.subject,
        "slug": issue.slug,
        "preheader": issue.preheader,
        "body": issue.body,
        "in_archive": "on",
    }


def test_schedule_queues_the_start_for_send_at(sender, issue, smtp_server, run_tasks):
    issue.send_at = timezone.now() + timedelta(hours=2)
    issue.save()
    page = sender.get(url(issue, "schedule"))
    assert "3 confirmed subscribers would receive it" in page.text

    sender.post(url(issue, "schedule"))

    [start] = DBTaskResult.objects.all()
    assert start.run_after == issue.send_at
    run_tasks()
    assert not smtp_server.messages  # not yet
    DBTaskResult.objects.filter(pk=start.pk).update(run_after=timezone.now())
    run_tasks()
    assert len(smtp_server.messages) == 3


def test_a_schedule_moved_afterwards_does_not_start_at_the_old_time(sender, issue, run_tasks):
    issue.send_at = timezone.now() + timedelta(hours=2)
    issue.save()
    sender.post(url(issue, "schedule"))
    Issue.objects.filter(pk=issue.pk).update(send_at=issue.send_at + timedelta(days=1))

    DBTaskResult.objects.update(run_after=timezone.now())
    run_tasks()

    issue.refresh_from_db()
    assert issue.sending_started_at is None


def test_schedule_without_a_future_time_says_so(sender, issue):
    page = sender.get(url(issue, "schedule"))
    assert "Set “send at” on the issue" in page.text
    sender.post(url(issue, "schedule"))
    assert not DBTaskResult.objects.exists()


def test_saving_a_future_send_at_schedules_the_issue(sender, issue):
    send_at = timezone.localtime() + timedelta(hours=3)
    response = sender.post(
        reverse("admin:newsletters_issue_change", args=[issue.pk]),
        {
            **change_form(issue),
            "send_at_0": send_at.strftime("%Y-%m-%d"),
            "send_at_1": send_at.strftime("%H:%M:%S"),
        },
        follow=True,
    )

    assert "will be sent to The Morning Briefing" in response.text
    [start] = DBTaskResult.objects.all()
    assert start.run_after == send_at.replace(microsecond=0)
    assert start.task_path == "newsletters.sending.start_scheduled"
