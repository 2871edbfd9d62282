from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ArticleAuthor, LiveState, Photo
from authors.models import Author
from demo.seeding import seed
from feed.models import Brief, Quote, Video
from tests.articles.test_live_blogs import LIVE_BLOG_QUERIES

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Author, Photo, Quote, Video, Brief, ArticleAuthor)
    }


def test_seed_creates_a_believable_newsroom():
    seed()

    assert Author.objects.count() == 8
    # 60 and the live blog.
    assert Article.objects.in_edition("en").count() == 61
    assert Quote.objects.in_edition("en").count() == 40
    assert Video.objects.in_edition("en").count() == 12
    # 16, and the live blog's summary and 32 entries.
    assert Brief.objects.in_edition("en").count() == 16 + 33
    loose = Brief.objects.in_edition("en").filter(live_blog=None)
    assert len(set(loose.values_list("body", flat=True))) == 16, "distinct texts"
    assert Brief.objects.filter(photo__isnull=False).exists()
    assert all(brief.authors.exists() for brief in Brief.objects.all())
    assert Article.objects.in_edition("en").published().count() < 61, "a few drafts and scheduled"
    assert Article.objects.scheduled().exists()
    assert Article.objects.drafts().exists()
    assert Article.objects.filter(hero_photo__isnull=True).count() == 0
    multi_author = [a for a in Article.objects.prefetch_related("credits") if a.credits.count() > 1]
    assert multi_author, "some articles have several bylines"
    photo = Photo.objects.exclude(agency="").first()
    assert photo.caption and photo.credit_line.startswith("Photo by ")
    assert photo.image.storage.exists(photo.image.name)
    assert all(author.avatar and author.bio and author.role for author in Author.objects.all())


def test_seed_is_idempotent():
    seed()
    before = counts()
    report = seed()
    assert report.total == 0
    assert counts() == before


def test_scale_multiplies_content():
    seed(scale=2)
    english = {model: model.objects.in_edition("en").count() for model in (Article, Quote, Brief)}
    assert english[Article] == 121
    assert english[Quote] == 80
    # The live blog's entries too: its summary and 2 x 32 entries.
    assert english[Brief] == 32 + 1 + 64
    assert Author.objects.count() == 16


def test_the_demo_has_a_running_live_blog(client):
    seed()
    blog = Article.objects.get(slug="storm-elin-live")
    assert blog.is_live and blog.live_state == LiveState.LIVE
    entries = Brief.objects.published().filter(live_blog=blog)
    assert entries.count() == 33
    assert len(set(entries.values_list("body", flat=True))) == 33, "every update its own"
    assert entries.filter(is_pinned=True).count() == 1
    assert entries.filter(is_key_event=True).count() == 8
    assert (
        entries.filter(in_news_feed=True).exists() and entries.filter(in_news_feed=False).exists()
    )

    html = client.get(blog.get_absolute_url()).text
    assert "What we know so far" in html and "Key events" in html
    assert html.count('<article class="live-entry') == 20
    assert 'rel="next">Show More</a>' in html


@pytest.mark.parametrize("scale", [1, 3])
def test_the_demo_live_blog_takes_the_same_queries_at_scale(
    client, django_assert_num_queries, scale
):
    seed(scale=scale)
    blog = Article.objects.get(slug="storm-elin-live")
    assert Brief.objects.filter(live_blog=blog).count() == 1 + 32 * scale
    with django_assert_num_queries(LIVE_BLOG_QUERIES):
        assert client.get(blog.get_absolute_url()).status_code == 200


def test_command_reports_what_it_made():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "60 articles" in out.getvalue()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing to add" in out.getvalue()


def test_command_refuses_a_scale_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("seed_demo", scale=0)


def test_demo_logins_are_an_editor_and_a_contributor(client):
    from django.contrib.auth import get_user_model

    seed()
    users = get_user_model().objects
    editor, contributor = users.get(username="editor"), users.get(username="contributor")
    assert not editor.is_superuser and editor.is_staff
    assert list(editor.groups.values_list("name", flat=True)) == ["Editor"]
    assert editor.has_perm("articles.publish_article")
    assert list(contributor.groups.values_list("name", flat=True)) == ["Contributor"]
    assert not contributor.has_perm("articles.publish_article")
    assert contributor.author_profile.articles.exists(), "the contributor has a byline to work on"
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": "newsroom-demo"}
    )
    assert response.status_code == 302, "the printed demo login works"
    assert client.get("/admin/").status_code == 200
