from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ArticleAuthor, Photo
from authors.models import Author
from demo.seeding import seed
from feed.models import Brief, Quote, Video

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Author, Photo, Quote, Video, Brief, ArticleAuthor)
    }


def test_seed_creates_a_believable_newsroom():
    seed()

    assert Author.objects.count() == 8
    assert Article.objects.count() == 60
    assert Quote.objects.count() == 40
    assert Video.objects.count() == 12
    assert Brief.objects.count() == 16
    assert len(set(Brief.objects.values_list("body", flat=True))) == 8, "distinct texts"
    assert Brief.objects.filter(photo__isnull=False).exists()
    assert all(brief.authors.exists() for brief in Brief.objects.all())
    assert Article.objects.published().count() < 60, "a few drafts and scheduled items"
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
    assert Article.objects.count() == 120
    assert Quote.objects.count() == 80
    assert Brief.objects.count() == 32
    assert Author.objects.count() == 16


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
