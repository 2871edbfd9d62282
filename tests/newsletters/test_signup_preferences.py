"""
The preferences page and the unsubscribe link every email carries: no account, the
signed link is the key; one click to leave, and a mail client can leave for the reader.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from newsletters import links
from newsletters.models import Subscriber

from .signup_data import confirmed, daily, weekly

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client():
    """A browser whose forms must carry the CSRF token, as real ones must."""
    return Client(enforce_csrf_checks=True)


def preferences_path(subscriber):
    return reverse("newsletters:preferences", kwargs={"token": links.preferences_token(subscriber)})


def unsubscribe_path(subscriber, newsletter):
    return reverse(
        "newsletters:unsubscribe", kwargs={"token": links.unsubscribe_token(subscriber, newsletter)}
    )


def checkbox(page, newsletter):
    """The checkbox of `newsletter` on the page, as HTML."""
    [tag] = re.findall(rf'<input type="checkbox"[^>]*value="{newsletter.pk}"[^>]*>', page.text)
    return tag


def csrf_token(client, path):
    client.get(path)
    return client.cookies["csrftoken"].value


def test_the_preferences_page_shows_the_readers_lists_ticked(client):
    briefing, weekend = daily(), weekly()
    staff = daily(name="Staff Digest", slug="staff", is_public=False, is_default=False)
    subscriber = confirmed("reader@example.com", briefing, staff)

    page = client.get(preferences_path(subscriber))

    assert page.status_code == 200
    assert "reader@example.com" in page.text
    assert "checked" in checkbox(page, briefing)
    assert "checked" not in checkbox(page, weekend)
    assert "checked" in checkbox(page, staff)
    # A list the reader was put on, though not offered to all, can be left here too.
    assert "Staff Digest" in page.text


def test_ticking_and_unticking_saves_the_lists(strict_client):
    briefing, weekend = daily(), weekly()
    subscriber = confirmed("reader@example.com", briefing)
    path = preferences_path(subscriber)

    response = strict_client.post(
        path, {"newsletters": [weekend.pk], "csrfmiddlewaretoken": csrf_token(strict_client, path)}
    )

    assert response.status_code == 200
    assert "Your choices are saved." in response.text
    assert list(subscriber.newsletters.all()) == [weekend]
    assert "checked" in checkbox(response, weekend)


def test_a_change_without_the_csrf_token_is_refused(strict_client):
    briefing, weekend = daily(), weekly()
    subscriber = confirmed("reader@example.com", briefing)
    response = strict_client.post(preferences_path(subscriber), {"newsletters": [weekend.pk]})
    assert response.status_code == 403
    assert list(subscriber.newsletters.all()) == [briefing]


def test_the_preferences_page_cannot_add_a_private_list(strict_client):
    briefing = daily()
    staff = daily(name="Staff Digest", slug="staff", is_public=False, is_default=False)
    subscriber = confirmed("reader@example.com", briefing)
    path = preferences_path(subscriber)
    response = strict_client.post(
        path, {"newsletters": [staff.pk], "csrfmiddlewaretoken": csrf_token(strict_client, path)}
    )
    assert "Your choices are saved." not in response.text
    assert list(subscriber.newsletters.all()) == [briefing]


def test_unsubscribe_from_everything(strict_client):
    subscriber = confirmed("reader@example.com", daily(), weekly())
    path = preferences_path(subscriber)

    response = strict_client.post(
        path, {"unsubscribe_all": "", "csrfmiddlewaretoken": csrf_token(strict_client, path)}
    )

    assert "You are unsubscribed from every newsletter" in response.text
    assert not subscriber.newsletters.exists()
    # The address stays confirmed: coming back on this page needs no new confirmation.
    assert Subscriber.objects.get().is_confirmed


def test_a_forged_preferences_link_is_refused(client):
    subscriber = confirmed("reader@example.com", daily())
    token = links.preferences_token(subscriber)
    for forged in ("x", token[:-2] + "AA", Subscriber.objects.create(email="b@b.com").key):
        response = client.get(reverse("newsletters:preferences", kwargs={"token": forged}))
        assert response.status_code == 400


def test_opening_the_unsubscribe_link_only_asks(client):
    """Mail scanners open every link in a message; only the button unsubscribes."""
    briefing = daily()
    subscriber = confirmed("reader@example.com", briefing)

    page = client.get(unsubscribe_path(subscriber, briefing))

    assert page.status_code == 200
    assert "Unsubscribe from Daily Briefing?" in page.text
    assert '<button type="submit">Unsubscribe</button>' in page.text
    assert list(subscriber.newsletters.all()) == [briefing]


def test_the_button_unsubscribes_from_that_list_only(client):
    briefing, weekend = daily(), weekly()
    subscriber = confirmed("reader@example.com", briefing, weekend)

    response = client.post(unsubscribe_path(subscriber, briefing))

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    assert "We will send you no more of Daily Briefing." in response.text
    assert list(subscriber.newsletters.all()) == [weekend]
    assert f'href="{preferences_path(subscriber)}"' in response.text


def test_a_mail_clients_one_click_post_unsubscribes(strict_client):
    """RFC 8058: the client POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe
    address, with no cookie and no token of ours."""
    briefing, weekend = daily(), weekly()
    subscriber = confirmed("reader@example.com", briefing, weekend)
    path = unsubscribe_path(subscriber, weekend)

    for _ in range(2):
        response = strict_client.post(
            path,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.text == "Unsubscribed.\n"
    assert list(subscriber.newsletters.all()) == [briefing]


def test_unsubscribing_again_is_harmless(client):
    briefing = daily()
    subscriber = confirmed("reader@example.com", briefing)
    path = unsubscribe_path(subscriber, briefing)
    client.post(path)

    again = client.post(path)
    opened = client.get(path)

    assert again.status_code == opened.status_code == 200
    assert "You are unsubscribed" in opened.text
    assert "<button" not in opened.text.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_unsubscribe_link_is_refused(client, method):
    briefing = daily()
    subscriber = confirmed("reader@example.com", briefing)
    token = links.unsubscribe_token(subscriber, briefing)
    for forged in ("x", token[:-3] + "abc"):
        response = getattr(client, method)(
            reverse("newsletters:unsubscribe", kwargs={"token": forged})
        )
        assert response.status_code == 400
    assert list(subscriber.newsletters.all()) == [briefing]
