"""
A subscriber's data on request: exported as JSON, or erased with everything that hangs
on it, from the command line and from the admin.
"""

import json
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from newsletters import links
from newsletters.models import Delivery, Issue, Subscriber, Subscription
from tests.factories import UserFactory

from .signup_data import confirmed, daily, weekly

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """A confirmed reader of two lists, sent one issue, with an admin history."""
    briefing = daily()
    subscriber = confirmed("reader@example.com", briefing, weekly())
    issue = Issue.objects.create(newsletter=briefing, subject="Monday's briefing", slug="monday")
    Delivery.objects.create(
        issue=issue,
        subscriber=subscriber,
        status=Delivery.Status.SENT,
        attempts=1,
        sent_at=timezone.now(),
        message_id="<1@news.example>",
    )
    LogEntry.objects.log_actions(
        user_id=UserFactory(is_superuser=True, is_staff=True).pk,
        queryset=Subscriber.objects.filter(pk=subscriber.pk),
        action_flag=CHANGE,
    )
    return subscriber


def held_about(subscriber):
    return (
        Subscriber.objects.filter(pk=subscriber.pk).count()
        + Subscription.objects.filter(subscriber_id=subscriber.pk).count()
        + Delivery.objects.filter(subscriber_id=subscriber.pk).count()
        + LogEntry.objects.filter(object_repr__contains=subscriber.email).count()
    )


def run(*args):
    out = StringIO()
    call_command("subscriber", *args, stdout=out)
    return out.getvalue()


def test_export_prints_everything_held_about_the_address(reader):
    data = json.loads(run("export", "Reader@Example.com"))

    assert data["email"] == "reader@example.com"
    assert data["confirmed_at"] is not None
    assert [s["newsletter"] for s in data["subscriptions"]] == ["Daily Briefing", "Weekend Reads"]
    [delivery] = data["deliveries"]
    assert delivery["issue"] == "Monday's briefing"
    assert delivery["status"] == "sent"
    assert delivery["message_id"] == "<1@news.example>"
    # The signing key is the site's secret, not a fact about the reader.
    assert reader.key not in json.dumps(data)


def test_erase_deletes_the_address_and_all_that_hangs_on_it(reader, client):
    unsubscribe = reverse(
        "newsletters:unsubscribe",
        kwargs={"token": links.unsubscribe_token(reader, reader.newsletters.first())},
    )
    assert held_about(reader) == 5

    output = run("erase", "reader@example.com")

    assert "Erased reader@example.com: 2 subscription(s), 1 delivery record(s)." in output
    assert held_about(reader) == 0
    assert Issue.objects.count() == 1
    # The links in the emails it was sent are dead.
    assert client.get(unsubscribe).status_code == 400


def test_a_dry_run_erases_nothing(reader):
    assert "Would erase reader@example.com" in run("erase", "reader@example.com", "--dry-run")
    assert held_about(reader) == 5


@pytest.mark.parametrize("operation", ["export", "erase"])
def test_an_unknown_address_is_an_error(operation):
    daily()
    with pytest.raises(CommandError, match="No subscriber has the address 'nobody@example.com'"):
        run(operation, "nobody@example.com")


def test_an_unknown_address_exits_non_zero(capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "subscriber", "export", "nobody@example.com"]).execute()
    assert exit_info.value.code == 1
    assert "No subscriber has the address" in capsys.readouterr().err


def staff_with(*codenames):
    user = UserFactory(is_staff=True)
    content_type = ContentType.objects.get_for_model(Subscriber)
    user.user_permissions.add(
        *Permission.objects.filter(content_type=content_type, codename__in=codenames)
    )
    return user


def changelist():
    return reverse("admin:newsletters_subscriber_changelist")


def act(client, action, subscriber, **extra):
    return client.post(
        changelist(), {"action": action, "_selected_action": [subscriber.pk], **extra}
    )


def test_the_admin_exports_the_selected_subscribers(reader, client):
    client.force_login(staff_with("view_subscriber"))

    response = act(client, "export_subscribers", reader)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="subscribers.json"'
    [data] = json.loads(response.content)
    assert data["email"] == "reader@example.com"
    assert len(data["deliveries"]) == 1


def test_the_admin_asks_before_erasing_then_erases(reader, client):
    client.force_login(staff_with("view_subscriber", "delete_subscriber"))

    asked = act(client, "erase_subscribers", reader)
    assert asked.status_code == 200
    assert "reader@example.com" in asked.text
    assert "Yes, erase them" in asked.text
    assert held_about(reader) == 5

    done = act(client, "erase_subscribers", reader, erase="yes")

    assert done.status_code == 302
    assert held_about(reader) == 0
    page = client.get(changelist())
    assert "Erased 1 subscriber." in page.text


def test_only_a_role_that_may_delete_can_erase(reader, client):
    client.force_login(staff_with("view_subscriber"))
    page = client.get(changelist())
    assert 'value="export_subscribers"' in page.text
    assert 'value="erase_subscribers"' not in page.text
    # Nor Django's own delete, which would keep the address in the admin's history.
    assert 'value="delete_selected"' not in page.text

    act(client, "erase_subscribers", reader, erase="yes")
    assert held_about(reader) == 5


def test_staff_without_subscriber_permissions_see_nothing(reader, client, contributor):
    client.force_login(contributor)
    assert client.get(changelist()).status_code == 403
    act(client, "export_subscribers", reader)
    assert held_about(reader) == 5
