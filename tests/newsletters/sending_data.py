"""Lists, subscribers and issues for the sending tests."""

from django.utils import timezone

from newsletters.models import Issue, Newsletter, Subscriber, Subscription


def newsletter(name="The Morning Briefing", slug="morning", **fields):
    return Newsletter.objects.create(name=name, slug=slug, **fields)


def subscriber(email, *lists, confirmed=True, suppressed=False):
    now = timezone.now()
    reader = Subscriber.objects.create(
        email=email,
        confirmed_at=now if confirmed else None,
        suppressed_at=now if suppressed else None,
        suppression_reason="bounced" if suppressed else "",
    )
    for newsletter_ in lists:
        Subscription.objects.create(subscriber=reader, newsletter=newsletter_)
    return reader


def confirmed_readers(newsletter_, count, prefix="reader"):
    return [subscriber(f"{prefix}{n}@example.com", newsletter_) for n in range(count)]


def issue(newsletter_, subject="Tuesday: the budget vote", **fields):
    fields.setdefault(
        "body",
        '<h2>Top stories</h2><p>The council <a href="/news/budget/">voted the budget</a>.</p>'
        '<figure><img src="/media/photos/vote.jpg" alt="The vote" width="1200" height="800">'
        "<figcaption>The vote</figcaption></figure>"
        "<ul><li>Trams run late</li><li>Schools reopen</li></ul>",
    )
    fields.setdefault("preheader", "And two more things you should know")
    fields.setdefault("slug", subject.split(":")[0].lower())
    return Issue.objects.create(newsletter=newsletter_, subject=subject, **fields)
