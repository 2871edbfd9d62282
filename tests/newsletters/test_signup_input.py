"""
Whatever is typed or forged into the sign-up form, the reader gets the form back with
the error beside the field: never a server error, never an email.
"""

import pytest
from django.urls import reverse

from newsletters.models import Subscriber

from .signup_data import daily, sign_up, weekly

pytestmark = pytest.mark.django_db

HOSTILE_ADDRESSES = {
    "header injection": "a@b.com\nBcc: x@y.com",
    "carriage return": "a@b.com\r\nSubject: hi",
    "null byte": "a@b.com\x00",
    "two addresses": "a@b.com, c@d.com",
    "display name": "Someone <a@b.com>",
    "overlong": "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "com",
    "overlong local part": "a" * 300 + "@example.com",
    "cyrillic a in domain": "reader@ex\u0430mple.com",
    "right-to-left override": "reader@example.com\u202egro",
    "zero-width joiner": "rea\u200dder@example.com",
    "fullwidth at sign": "reader\uff20example.com",
    "no domain": "reader@",
    "empty": "",
    "spaces only": "   ",
}


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES.values(), ids=HOSTILE_ADDRESSES.keys())
def test_a_bad_address_is_a_form_error_and_sends_nothing(client, smtp_server, run_tasks, address):
    briefing = daily()

    response = sign_up(client, address, briefing)
    run_tasks()

    assert response.status_code == 400
    assert 'id="newsletter-email-error"' in response.text
    assert 'aria-describedby="newsletter-email-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_the_error_takes_the_focus_and_the_form_keeps_the_choices(client):
    briefing, weekend = daily(), weekly()

    response = sign_up(client, "not an address", weekend)

    assert "Enter an email address like name@example.com." in response.text
    assert 'aria-describedby="newsletter-email-error" autofocus' in response.text
    assert f'value="{weekend.pk}" checked' in response.text
    assert f'value="{briefing.pk}" aria-describedby' in response.text


def test_no_list_chosen_is_an_error_on_the_lists(client):
    daily()
    response = sign_up(client, "reader@example.com")
    assert response.status_code == 400
    assert "Choose at least one newsletter." in response.text
    assert '<fieldset aria-describedby="newsletters-error">' in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("value", ["999", "x", "1; DROP TABLE", ""])
def test_a_forged_list_is_an_error(client, value):
    daily()
    response = client.post(
        reverse("newsletters:subscribe"), {"email": "reader@example.com", "newsletters": value}
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_list_not_offered_to_readers_cannot_be_joined(client):
    staff = daily(name="Staff Digest", slug="staff", is_public=False, is_default=False)
    response = sign_up(client, "reader@example.com", staff)
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_bad_address_in_the_footer_box_shows_the_full_form_with_the_error(client):
    briefing = daily()
    response = client.post(
        reverse("newsletters:subscribe"), {"email": "nope", "newsletters": briefing.pk}
    )
    assert response.status_code == 400
    assert "<h1>Newsletters</h1>" in response.text
    assert 'value="nope"' in response.text
