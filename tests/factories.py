from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    Correction,
    Photo,
    PreviewLink,
    Section,
    Status,
)
from authors.models import Author
from feed.models import Brief, Quote, Video
from newsletters.models import Issue, Newsletter, Subscriber, Subscription
from redirects.models import Redirect


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a-strong-test-password")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Reporter"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.django.ImageField(width=320, height=180, color="navy")
    alt_text = factory.Faker("sentence", nb_words=6)
    caption = "KYIV, UKRAINE - NOVEMBER 19: A street after the rain."
    photographer = "Brandon Bell"
    agency = "Getty Images"


class PublishedFactory(factory.django.DjangoModelFactory):
    """Published an hour ago unless told otherwise; see the draft/scheduled traits."""

    class Meta:
        abstract = True

    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=1))
        )


class ArticleFactory(PublishedFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Faker("sentence", nb_words=7)
    slug = factory.Sequence(lambda n: f"article-{n}")
    standfirst = factory.Faker("sentence", nb_words=15)
    body = factory.LazyFunction(lambda: "<p>" + "word " * 300 + "</p>")
    section = factory.SubFactory(SectionFactory)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for position, author in enumerate(extracted):
                ArticleAuthor.objects.create(article=self, author=author, position=position)


class QuoteFactory(PublishedFactory):
    class Meta:
        model = Quote

    slug = factory.Sequence(lambda n: f"quote-{n}")
    text = factory.Faker("sentence", nb_words=12)
    speaker = factory.Faker("name")
    context = "said on X"


class VideoFactory(PublishedFactory):
    class Meta:
        model = Video

    slug = factory.Sequence(lambda n: f"video-{n}")
    title = factory.Faker("sentence", nb_words=6)
    video_url = factory.Sequence(lambda n: f"https://videos.example.com/{n}.mp4")
    duration_seconds = 125


class BriefFactory(PublishedFactory):
    class Meta:
        model = Brief

    slug = factory.Sequence(lambda n: f"brief-{n}")
    headline = factory.Faker("sentence", nb_words=6)
    body = factory.LazyFunction(lambda: "<p>The council approved the budget, the mayor said.</p>")


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    note = "An earlier version of this article misstated the date of the vote."


class PreviewLinkFactory(factory.django.DjangoModelFactory):
    """A link valid for a day unless told otherwise."""

    class Meta:
        model = PreviewLink

    article = factory.SubFactory(ArticleFactory, draft=True)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class RedirectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redirect

    old_path = factory.Sequence(lambda n: f"/articles/old-slug-{n}/")
    target = factory.SubFactory(ArticleFactory)


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Newsletter

    name = factory.Sequence(lambda n: f"Briefing {n}")
    slug = factory.Sequence(lambda n: f"briefing-{n}")
    description = "The day's news before breakfast."
    cadence = "Every weekday morning"


class IssueFactory(factory.django.DjangoModelFactory):
    """A draft unless told otherwise; see the sent/scheduled traits."""

    class Meta:
        model = Issue

    newsletter = factory.SubFactory(NewsletterFactory)
    subject = factory.Sequence(lambda n: f"Morning briefing no. {n}")
    slug = factory.Sequence(lambda n: f"issue-{n}")
    preheader = "Floods, a budget and a bridge."
    body = "<h2>Top stories</h2><p>The bridge reopened.</p>"

    class Params:
        sent = factory.Trait(
            sent_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
            sending_started_at=factory.SelfAttribute("sent_at"),
        )
        scheduled = factory.Trait(
            send_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=1))
        )


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed reader unless told otherwise (pending=True)."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(confirmed_at=None)

    @factory.post_generation
    def newsletters(self, create, extracted, **kwargs):
        if create and extracted:
            for newsletter in extracted:
                Subscription.objects.create(subscriber=self, newsletter=newsletter)
