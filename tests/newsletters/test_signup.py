"""
Signing up: the form answers at once, the worker mails a confirmation through the SMTP
server, and only the link in it makes the address one that issues go to.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import resolve, reverse
from django.utils import timezone

from newsletters import links
from newsletters.models import Subscriber

from .signup_data import confirmed, daily, links_in, sign_up, weekly

pytestmark = pytest.mark.django_db


def test_a_sign_up_is_confirmed_by_the_link_in_the_email(client, smtp_server, run_tasks, settings):
    settings.DEFAULT_FROM_EMAIL = "briefing@news.example"
    briefing, weekend = daily(), weekly()

    response = sign_up(client, "Reader@Example.com ", briefing, weekend)

    assert response.status_code == 200
    assert "Check your inbox" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.com"
    assert not subscriber.is_confirmed
    assert set(subscriber.newsletters.all()) == {briefing, weekend}
    # The reader's request only queued the email; the worker sends it.
    assert smtp_server.messages == []

    run_tasks()

    [message] = smtp_server.to("reader@example.com")
    assert message["From"] == "briefing@news.example"
    assert message["Subject"] == "Confirm your subscription to Daily Briefing and Weekend Reads"
    text_links, html_links = links_in(message)
    [confirm_path] = text_links
    assert confirm_path in html_links
    # The link names the subscriber by the signed key, and nothing else.
    token = resolve(confirm_path).kwargs["token"]
    assert resolve(confirm_path).view_name == "newsletters:confirm"
    assert links.confirmed_key(token) == subscriber.key
    assert "Weekend Reads" in message.get_body(("plain",)).get_content()
    subscriber.refresh_from_db()
    assert subscriber.confirmation_sent_at is not None

    page = client.get(confirm_path)

    assert page.status_code == 200
    assert "You are subscribed" in page.text
    preferences = reverse(
        "newsletters:preferences", kwargs={"token": links.preferences_token(subscriber)}
    )
    assert f'href="{preferences}"' in page.text
    subscriber.refresh_from_db()
    assert subscriber.can_receive


def test_nothing_but_the_confirmation_is_sent_before_the_click(client, smtp_server, run_tasks):
    briefing = daily()
    sign_up(client, "reader@example.com", briefing)
    sign_up(client, "reader@example.com", briefing)
    run_tasks()

    subjects = [message["Subject"] for message in smtp_server.to("reader@example.com")]
    assert subjects == ["Confirm your subscription to Daily Briefing"] * 2
    assert not Subscriber.objects.get().can_receive


def test_the_answer_does_not_tell_who_subscribes(client, smtp_server, run_tasks):
    """New, pending, confirmed or suppressed: one page, word for word, but for the
    address it repeats."""
    briefing = daily()
    sign_up(client, "pending@example.com", briefing)
    confirmed("confirmed@example.com", briefing)
    Subscriber.objects.create(
        email="bounced@example.com", suppressed_at=timezone.now(), suppression_reason="bounced"
    )

    pages = {
        address: sign_up(client, f"{address}@example.com", briefing)
        for address in ("new", "pending", "confirmed", "bounced")
    }

    assert {response.status_code for response in pages.values()} == {200}
    bodies = {
        response.text.replace(f"{address}@example.com", "ADDRESS")
        for address, response in pages.items()
    }
    assert len(bodies) == 1
    run_tasks()
    assert smtp_server.to("bounced@example.com") == []
    assert [m["Subject"] for m in smtp_server.to("confirmed@example.com")] == [
        "You are already subscribed to The Newsroom newsletters"
    ]


def test_lists_a_confirmed_reader_asks_for_through_the_form_wait_for_their_click(
    client, smtp_server, run_tasks
):
    briefing, weekend = daily(), weekly()
    subscriber = confirmed("reader@example.com", briefing)

    sign_up(client, "reader@example.com", weekend)
    run_tasks()

    assert list(subscriber.newsletters.all()) == [briefing]
    [message] = smtp_server.to("reader@example.com")
    text = message.get_body(("plain",)).get_content()
    assert "Weekend Reads" in text
    preferences = reverse(
        "newsletters:preferences", kwargs={"token": links.preferences_token(subscriber)}
    )
    assert links_in(message)[0] == [preferences]


def test_an_expired_link_offers_a_new_one(client, smtp_server, run_tasks, settings):
    settings.NEWSLETTER_CONFIRMATION_DAYS = 3
    briefing = daily()
    sign_up(client, "reader@example.com", briefing)
    run_tasks()
    [confirm_path] = links_in(smtp_server.messages[0][1])[0]

    with time_machine.travel(timezone.now() + timedelta(days=3, hours=1)):
        page = client.get(confirm_path)
        assert page.status_code == 410
        assert "This link has expired" in page.text
        assert f'action="{reverse("newsletters:subscribe")}"' in page.text
        assert not Subscriber.objects.get().is_confirmed

        # The page's form takes the same path as any sign-up: a new link arrives.
        sign_up(client, "reader@example.com", briefing)
        run_tasks()
        [new_path] = links_in(smtp_server.messages[1][1])[0]
        assert client.get(new_path).status_code == 200
    assert Subscriber.objects.get().is_confirmed


@pytest.mark.parametrize(
    "token",
    ["made-up", "cmVhZGVy:1vQ5xF:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
)
def test_a_forged_link_is_refused(client, token):
    daily()
    response = client.get(reverse("newsletters:confirm", kwargs={"token": token}))
    assert response.status_code == 400
    assert "This link does not work" in response.text


def test_an_altered_link_is_refused(client):
    subscriber = Subscriber.objects.create(email="reader@example.com")
    someone_else = Subscriber.objects.create(email="other@example.com")
    token = links.confirm_token(subscriber)
    value, signature = token.split(":", 1)
    altered = someone_else.key + ":" + signature

    response = client.get(reverse("newsletters:confirm", kwargs={"token": altered}))

    assert response.status_code == 400
    assert not Subscriber.objects.filter(confirmed_at__isnull=False).exists()


def test_a_link_used_again_says_already_confirmed(client):
    subscriber = Subscriber.objects.create(email="reader@example.com")
    path = reverse("newsletters:confirm", kwargs={"token": links.confirm_token(subscriber)})
    client.get(path)
    first = Subscriber.objects.get().confirmed_at

    again = client.get(path)

    assert again.status_code == 200
    assert "You had already confirmed" in again.text
    assert Subscriber.objects.get().confirmed_at == first


def test_the_link_of_an_erased_reader_is_dead(client):
    subscriber = Subscriber.objects.create(email="reader@example.com")
    path = reverse("newsletters:confirm", kwargs={"token": links.confirm_token(subscriber)})
    subscriber.delete()
    assert client.get(path).status_code == 400


def test_pages_with_a_personal_link_are_never_kept_or_indexed(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    subscriber = Subscriber.objects.create(email="reader@example.com")
    briefing = daily()
    subscriber.newsletters.add(briefing)
    # The preferences form must name its origin to our own site for CSRF protection
    # (under no-referrer browsers post it with `Origin: null`); no page names it elsewhere.
    for path, referrer_policy in (
        (
            reverse("newsletters:confirm", kwargs={"token": links.confirm_token(subscriber)}),
            "no-referrer",
        ),
        (
            reverse(
                "newsletters:preferences", kwargs={"token": links.preferences_token(subscriber)}
            ),
            "same-origin",
        ),
        (
            reverse(
                "newsletters:unsubscribe",
                kwargs={"token": links.unsubscribe_token(subscriber, briefing)},
            ),
            "no-referrer",
        ),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["Referrer-Policy"] == referrer_policy
        assert "noindex" in response["X-Robots-Tag"]
        assert '<meta name="robots" content="noindex">' in response.text


def test_the_newsletters_page_offers_every_public_list(client):
    briefing, weekend = daily(), weekly()
    daily(name="Staff Digest", slug="staff", is_public=False, is_default=False)

    page = client.get(reverse("newsletters:index"))

    assert page.status_code == 200
    for newsletter in (briefing, weekend):
        assert newsletter.name in page.text
        assert newsletter.description.replace("'", "&#x27;") in page.text
        assert newsletter.cadence in page.text
        assert (
            f'href="{reverse("newsletters:archive", kwargs={"slug": newsletter.slug})}"'
            in page.text
        )
    assert "Staff Digest" not in page.text
    # The default list comes ticked; the reader may untick it.
    assert f'value="{briefing.pk}" checked' in page.text
    assert f'value="{weekend.pk}" aria-describedby' in page.text


def test_a_post_from_another_site_is_refused(client, smtp_server, run_tasks):
    briefing = daily()
    cross = sign_up(
        client, "victim@example.com", briefing, headers={"Sec-Fetch-Site": "cross-site"}
    )
    forged_origin = client.post(
        reverse("newsletters:subscribe"),
        {"email": "victim@example.com", "newsletters": [briefing.pk]},
        headers={"Origin": "https://elsewhere.example"},
    )
    run_tasks()

    assert cross.status_code == forged_origin.status_code == 403
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_the_form_from_this_site_is_accepted_by_its_origin(client):
    briefing = daily()
    response = client.post(
        reverse("newsletters:subscribe"),
        {"email": "reader@example.com", "newsletters": [briefing.pk]},
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200
    assert Subscriber.objects.filter(email="reader@example.com").exists()


def test_opening_the_sign_up_address_leads_to_the_form(client):
    response = client.get(reverse("newsletters:subscribe"))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:index")
