"""
The demo's newsletters: the daily briefing (the default list) and a weekend one, a
handful of readers (most confirmed, a few who have not clicked their link yet), and an
archive of past issues drafted from the demo's own news, as an editor would, each with
the delivery log of the readers it went to.

Idempotent: lists and readers are found by slug and address, and a list that already
has sent issues gets no more.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from newsletters.drafting import draft_issue
from newsletters.models import Delivery, Newsletter, Subscriber, Subscription

LISTS = [
    {
        "slug": "daily-briefing",
        "name": "The Daily Briefing",
        "description": "The day's most important stories, the live coverage to follow "
        "and what people are saying, before breakfast.",
        "cadence": "Every weekday morning",
        "position": 0,
    },
    {
        "slug": "weekend-reads",
        "name": "Weekend Reads",
        "description": "The week's best reporting and the stories worth your time, to read slowly.",
        "cadence": "Saturdays",
        "position": 1,
    },
]
CONFIRMED_PER_SCALE = 8
PENDING_PER_SCALE = 3
DAILY_ISSUES = 4
WEEKEND_ISSUES = 2
# Archives stay a size an editor would page through, whatever the scale.
MAX_ISSUES = 60
# What the editor writes above each drafted issue, in turn.
INTROS = [
    "Good morning. Here is what you need to know before you start your day.",
    "Good morning. A busy night on the news desk: here is where things stand.",
    "Good morning. The stories we are following today, and the ones you may have missed.",
    "Good morning. Five minutes to catch up on everything that matters.",
]
WEEKEND_INTROS = [
    "The week in reporting worth your time: pour a coffee and read slowly.",
    "What we learned this week, and the stories behind the headlines.",
]


def seed_newsletters(scale=1, now=None, report=None):
    """The demo's lists, readers and archives at `scale`; `report` (demo.seeding's
    SeedReport) counts what was created."""
    now = now or timezone.now()
    count = report.add if report else (lambda label, number: None)
    daily, weekend = (newsletter_for(spec, count) for spec in LISTS)
    # Readers who joined two months ago and confirmed at once, and a few who signed up
    # this morning and have not clicked their link yet.
    long_ago = now - timedelta(days=60)
    confirmed = readers(CONFIRMED_PER_SCALE * scale, "example.com", long_ago, True, count)
    this_morning = now - timedelta(hours=3)
    pending = readers(PENDING_PER_SCALE * scale, "example.org", this_morning, False, count)
    subscribe(daily, confirmed, long_ago, count)
    subscribe(daily, pending, this_morning, count)
    subscribe(weekend, confirmed[::2], long_ago, count)
    past_issues(daily, weekday_mornings(now, min(DAILY_ISSUES * scale, MAX_ISSUES)), INTROS, count)
    past_issues(
        weekend,
        saturday_mornings(now, min(WEEKEND_ISSUES * scale, MAX_ISSUES)),
        WEEKEND_INTROS,
        count,
    )


def newsletter_for(spec, count):
    newsletter, created = Newsletter.objects.get_or_create(slug=spec["slug"], defaults=spec)
    if created:
        count("newsletters", 1)
        # The first list is the default, unless the site already chose one.
        if spec["position"] == 0 and not Newsletter.objects.filter(is_default=True).exists():
            newsletter.is_default = True
            newsletter.save(update_fields=["is_default"])
    return newsletter


def readers(number, domain, joined_at, confirmed, count):
    """`number` readers at `domain` who signed up at `joined_at` and, if `confirmed`,
    clicked their link a few minutes later."""
    emails = [f"reader{index + 1}@{domain}" for index in range(number)]
    existing = set(Subscriber.objects.filter(email__in=emails).values_list("email", flat=True))
    fresh = [
        Subscriber(
            email=email,
            created_at=joined_at,
            confirmation_sent_at=joined_at,
            confirmed_at=joined_at + timedelta(minutes=5) if confirmed else None,
        )
        for email in emails
        if email not in existing
    ]
    Subscriber.objects.bulk_create(fresh)
    count("newsletter subscribers", len(fresh))
    return list(Subscriber.objects.filter(email__in=emails).order_by("email"))


def subscribe(newsletter, subscribers, joined_at, count):
    already = set(
        Subscription.objects.filter(newsletter=newsletter).values_list("subscriber_id", flat=True)
    )
    fresh = [
        Subscription(subscriber=subscriber, newsletter=newsletter, created_at=joined_at)
        for subscriber in subscribers
        if subscriber.pk not in already
    ]
    Subscription.objects.bulk_create(fresh)
    count("newsletter subscriptions", len(fresh))


def weekday_mornings(now, number):
    """The last `number` weekday mornings at seven before `now`, oldest first."""
    return mornings(now, number, hour=7, days={0, 1, 2, 3, 4})


def saturday_mornings(now, number):
    return mornings(now, number, hour=8, days={5})


def mornings(now, number, hour, days):
    local = timezone.localtime(now)
    moment = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    found = []
    while len(found) < number:
        if moment < local and moment.weekday() in days:
            found.append(moment)
        moment -= timedelta(days=1)
    return found[::-1]


def past_issues(newsletter, moments, intros, count):
    """One issue per moment, drafted from what was published before it, with the
    editor's intro above, sent to the list's confirmed readers."""
    if newsletter.issues.filter(sent_at__isnull=False).exists():
        return
    receiving = list(
        Subscriber.objects.filter(
            newsletters=newsletter, confirmed_at__isnull=False, suppressed_at=None
        )
    )
    for number, moment in enumerate(moments):
        issue = draft_issue(newsletter, now=moment)
        issue.body = f"<p>{intros[number % len(intros)]}</p>{issue.body}"
        issue.sending_started_at = moment
        issue.sent_at = moment + timedelta(minutes=2)
        issue.save()
        Delivery.objects.bulk_create(
            [
                Delivery(
                    issue=issue,
                    subscriber=subscriber,
                    status=Delivery.Status.SENT,
                    attempts=1,
                    sent_at=issue.sent_at,
                    message_id=f"<issue-{issue.pk}.{subscriber.pk}@{settings.NEWSROOM_SITE_DOMAIN}>",
                )
                for subscriber in receiving
            ]
        )
        count("newsletter issues", 1)
        count("newsletter deliveries", len(receiving))
