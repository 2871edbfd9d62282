"""
Sign-ups are limited per address (no one can fill a stranger's inbox) and per client (no
one can flood the form), counted in the cache every worker shares.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from newsletters import throttling
from newsletters.models import Subscriber

from .signup_data import confirmed, daily, sign_up

pytestmark = pytest.mark.django_db


def test_fifty_sign_ups_for_one_address_send_three_emails(client, smtp_server, run_tasks):
    briefing = daily()
    answers = {
        sign_up(
            client, "victim@example.com", briefing, REMOTE_ADDR=f"10.0.{n // 200}.{n % 200}"
        ).text
        for n in range(50)
    }
    run_tasks()

    assert len(smtp_server.to("victim@example.com")) == throttling.EMAILS_PER_ADDRESS == 3
    # Over the limit, the reader sees the usual page: the limit tells nothing either.
    assert len(answers) == 1
    assert "Check your inbox" in answers.pop()


def test_the_address_limit_covers_already_subscribed_emails(client, smtp_server, run_tasks):
    briefing = daily()
    confirmed("reader@example.com", briefing)
    for n in range(10):
        sign_up(client, "READER@example.com", briefing, REMOTE_ADDR=f"10.0.0.{n}")
    run_tasks()
    assert len(smtp_server.to("reader@example.com")) == 3


def test_the_address_limit_is_a_sliding_day(client, smtp_server, run_tasks):
    briefing = daily()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            sign_up(client, "reader@example.com", briefing)
        clock.shift(timedelta(hours=23))
        sign_up(client, "reader@example.com", briefing)
        run_tasks()
        assert len(smtp_server.to("reader@example.com")) == 3
        clock.shift(timedelta(hours=1, seconds=1))
        sign_up(client, "reader@example.com", briefing)
        run_tasks()
        assert len(smtp_server.to("reader@example.com")) == 4


def test_fifty_sign_ups_from_one_client_send_at_most_its_limit(client, smtp_server, run_tasks):
    briefing = daily()
    statuses = [
        sign_up(client, f"reader{n}@example.com", briefing, REMOTE_ADDR="203.0.113.9").status_code
        for n in range(50)
    ]
    run_tasks()

    limit = throttling.SIGNUPS_PER_CLIENT
    assert statuses == [200] * limit + [429] * (50 - limit)
    assert len(smtp_server.messages) == limit
    assert Subscriber.objects.count() == limit
    # Another client is not held up.
    assert (
        sign_up(client, "other@example.com", briefing, REMOTE_ADDR="198.51.100.1").status_code
        == 200
    )


def test_the_flood_page_says_when_to_come_back(client):
    briefing = daily()
    for n in range(throttling.SIGNUPS_PER_CLIENT):
        sign_up(client, f"reader{n}@example.com", briefing)
    response = sign_up(client, "one-more@example.com", briefing)
    assert response.status_code == 429
    assert response["Retry-After"] == str(throttling.CLIENT_WINDOW)
    assert "Too many sign-ups" in response.text


def test_a_forged_forwarded_for_header_buys_no_fresh_count(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    briefing = daily()
    statuses = {
        sign_up(
            client,
            f"reader{n}@example.com",
            briefing,
            # The client writes the left part; the proxy appends the address it saw.
            headers={"X-Forwarded-For": f"192.0.2.{n}, 203.0.113.9"},
        ).status_code
        for n in range(throttling.SIGNUPS_PER_CLIENT + 1)
    }
    assert statuses == {200, 429}
