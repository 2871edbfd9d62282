"""Sending an issue through the real task worker to a real SMTP server."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import resolve

from newsletters import sending
from newsletters.models import Delivery
from tests.factories import ArticleFactory

from . import sending_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience():
    """Three readers who receive the list, and three who must not."""
    morning = data.newsletter()
    evening = data.newsletter("The Evening Read", "evening")
    readers = [data.subscriber(f"reader{n}@example.com", morning) for n in range(3)]
    data.subscriber("pending@example.com", morning, confirmed=False)
    data.subscriber("bounced@example.com", morning, suppressed=True)
    data.subscriber("evening@example.com", evening)
    return morning, readers


def test_an_issue_reaches_exactly_the_confirmed_readers_of_its_list(
    smtp_server, run_tasks, audience
):
    morning, readers = audience
    issue = data.issue(morning)

    sending.start_sending(issue)
    run_tasks()

    received = sorted(address for recipients, _ in smtp_server.messages for address in recipients)
    assert received == [reader.email for reader in readers]
    issue.refresh_from_db()
    assert issue.is_sent
    deliveries = Delivery.objects.filter(issue=issue)
    assert {d.status for d in deliveries} == {Delivery.Status.SENT}
    for delivery in deliveries:
        [message] = smtp_server.to(delivery.subscriber.email)
        assert message["Message-ID"] == delivery.message_id
        assert delivery.sent_at is not None and delivery.attempts == 1


def test_each_message_carries_the_list_headers_and_the_readers_own_links(
    smtp_server, run_tasks, audience, client, media_root
):
    morning, readers = audience
    article = ArticleFactory()
    (media_root / "photos").mkdir(parents=True)
    (media_root / "photos" / "vote.jpg").write_bytes(b"\xff\xd8 a photo")
    body = (
        f'<h2>Top stories</h2><p>The council <a href="{article.get_absolute_url()}">'
        'voted the budget</a>.</p><img src="/media/photos/vote.jpg" alt="The vote">'
    )
    sending.start_sending(data.issue(morning, body=body))
    run_tasks()

    [message] = smtp_server.to(readers[0].email)
    assert message["Subject"] == "Tuesday: the budget vote"
    assert message["From"] == "The Newsroom <newsroom@testserver>"
    assert message["Message-ID"].endswith("@testserver>")
    assert message["List-Id"] == "The Morning Briefing <morning.testserver>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = message["List-Unsubscribe"].strip()
    unsubscribe = re.fullmatch(r"<(http://testserver/\S+)>", header)[1]
    assert resolve(urlsplit(unsubscribe).path).view_name == "newsletters:unsubscribe"
    # Each reader's link is their own.
    [other] = smtp_server.to(readers[1].email)
    assert other["List-Unsubscribe"].strip() != header

    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(("html",)).get_content()
    assert "Top stories\n===========" in text
    assert f"voted the budget (http://testserver{article.get_absolute_url()})" in text
    assert f"Unsubscribe: {unsubscribe}" in text
    assert '<h1 style="' in html and 'style="max-width: 100%' in html
    assert "@media (max-width: 480px)" in html
    assert "And two more things you should know" in html
    assert f'href="{unsubscribe}"' in html

    addresses = set(re.findall(r'(?:href|src)="([^"]+)"', html))
    assert len(addresses) == 6  # home, article, photo, web, preferences, unsubscribe
    for address in addresses:
        assert address.startswith("http://testserver/")
        path = urlsplit(address).path
        if path.startswith("/newsletters/"):
            # The newsletter pages' own tests follow these.
            assert resolve(path).namespace == "newsletters"
        else:
            assert client.get(path).status_code == 200, address


def test_a_send_is_started_once(smtp_server, run_tasks, audience):
    morning, readers = audience
    issue = data.issue(morning)
    sending.start_sending(issue)

    with pytest.raises(sending.SendRefused):
        sending.start_sending(issue)
    run_tasks()
    with pytest.raises(sending.SendRefused):
        sending.start_sending(issue)
    assert len(smtp_server.messages) == 3


def test_an_issue_without_a_body_is_not_sent(audience):
    morning, _ = audience
    issue = data.issue(morning, body="<p> </p>")

    with pytest.raises(sending.SendRefused, match="subject and a body"):
        sending.start_sending(issue)
    issue.refresh_from_db()
    assert issue.sending_started_at is None


def test_writing_the_log_twice_logs_each_copy_once(audience):
    morning, _ = audience
    issue = data.issue(morning)

    assert sending.write_log(issue) == 3
    assert sending.write_log(issue) == 3


def test_the_command_sends_in_the_foreground_with_a_progress_bar(smtp_server, audience, capsys):
    morning, readers = audience
    issue = data.issue(morning)

    call_command("send_newsletter", issue.pk)

    output = capsys.readouterr()
    assert "Sent 3 / 3 (100%)" in output.err
    assert "3 sent, 0 failed" in output.out
    assert len(smtp_server.messages) == 3
    issue.refresh_from_db()
    assert issue.is_sent
