"""The demo's newsletters: two lists, confirmed and waiting readers, and an archive of
issues drafted from the demo's news, each logged as sent to the list's readers."""

import pytest
from django.test import Client

from demo.newsletters import seed_newsletters
from demo.seeding import seed
from newsletters.models import Delivery, Issue, Newsletter, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    seed()


def test_the_demo_has_a_daily_and_a_weekend_list(demo):
    daily, weekend = Newsletter.objects.all()
    assert (daily.name, daily.cadence, daily.is_default) == (
        "The Daily Briefing",
        "Every weekday morning",
        True,
    )
    assert (weekend.name, weekend.cadence, weekend.is_default) == (
        "Weekend Reads",
        "Saturdays",
        False,
    )
    assert Subscriber.objects.filter(confirmed_at__isnull=False).count() == 8
    assert Subscriber.objects.filter(confirmed_at=None).count() == 3
    assert not Subscriber.objects.exclude(email__regex=r"@example\.(com|org)$").exists()


def test_past_issues_are_drafted_from_the_news_and_logged_as_sent(demo):
    for newsletter, issues in (("daily-briefing", 4), ("weekend-reads", 2)):
        sent = Issue.objects.filter(newsletter__slug=newsletter, sent_at__isnull=False)
        assert sent.count() == issues
        receiving = Subscriber.objects.filter(
            newsletters__slug=newsletter, confirmed_at__isnull=False
        )
        for issue in sent:
            assert issue.body.startswith("<p>")
            assert "<h2>Top stories</h2>" in issue.body
            assert issue.subject.startswith(issue.newsletter.name + " — ")
            deliveries = issue.deliveries.all()
            assert {d.subscriber_id for d in deliveries} == {s.pk for s in receiving}
            assert {d.status for d in deliveries} == {Delivery.Status.SENT}
            assert all(d.subscriber.confirmed_at < issue.sending_started_at for d in deliveries)


def test_the_archives_show_the_demo_issues(demo):
    reader = Client()
    for newsletter in Newsletter.objects.all():
        archive = reader.get(newsletter.get_absolute_url())
        assert archive.status_code == 200
        for issue in newsletter.issues.all():
            assert issue.subject in archive.text
            assert reader.get(issue.get_absolute_url()).status_code == 200


def test_seeding_again_adds_nothing(demo):
    before = [model.objects.count() for model in (Newsletter, Subscriber, Issue, Delivery)]
    seed_newsletters()
    assert [model.objects.count() for model in (Newsletter, Subscriber, Issue, Delivery)] == before


def test_the_scale_multiplies_readers_and_issues():
    seed_newsletters(scale=2)
    assert Subscriber.objects.filter(confirmed_at__isnull=False).count() == 16
    assert Issue.objects.filter(newsletter__slug="daily-briefing").count() == 8
