import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from demo.seeding import seed
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_seeded_article_page_has_the_whole_anatomy(client):
    seed()
    article = (
        Article.objects.published()
        .filter(related_articles__isnull=False)
        .prefetch_related("credits__author", "tags")
        .first()
    )
    html = client.get(article.get_absolute_url()).content.decode()

    # 1. Header: name, navigation with sections and the News Feed, search, skip link.
    assert '<a class="skip-link" href="#content">' in html
    assert 'href="/feed/"' in html and 'href="/sections/world/"' in html
    assert 'role="search"' in html
    # 2. Kicker, headline, standfirst, every author linked, time, reading time.
    assert f'<a href="{article.section.get_absolute_url()}">{article.section.name}</a>' in html
    assert f"<h1>{article.headline}</h1>" in html
    assert article.standfirst in html
    for author in article.byline:
        assert f'<a href="{author.get_absolute_url()}">{author.name}</a>' in html
    assert (
        f'<time datetime="{article.published_at.isoformat()}' in html or "<time datetime=" in html
    )
    assert f"{article.reading_time} min read" in html
    # 3. Hero figure with caption and credit.
    hero = re.search(r'<figure class="photo photo--hero">.*?</figure>', html, re.S).group(0)
    assert f'alt="{article.hero_photo.alt_text}"' in hero
    assert article.hero_photo.caption in hero
    assert f"(Photo by {article.hero_photo.credit})" in hero
    # 4. Body.
    assert article.body[:40] in html
    # 5. Related teasers: the editor's picks.
    pick = article.related_articles.first()
    assert 'id="related-heading"' in html and pick.headline in html
    # 6. Author cards with a shortened bio and "Read more".
    assert html.count('class="author-card"') == len(article.byline)
    assert '>Read more<span class="visually-hidden"> about ' in html
    # 7. Tags, then the News Feed strip with a link to the full feed.
    for tag in article.tags.all():
        assert f'href="/tags/{tag.slug}/"' in html
    assert 'id="news-feed-strip-heading"' in html
    assert html.index('class="tags"') < html.index("news-feed-strip-heading")


def test_related_falls_back_to_articles_sharing_a_tag(client):
    article = ArticleFactory()
    article.tags.add("Elections")
    sharing = ArticleFactory(headline="Polls open in the north")
    sharing.tags.add("Elections")
    ArticleFactory(headline="Unrelated weather story")
    hidden = ArticleFactory(headline="Draft about elections", draft=True)
    hidden.tags.add("Elections")

    html = client.get(article.get_absolute_url()).content.decode()
    related = re.search(r'<aside class="related".*?</aside>', html, re.S).group(0)

    assert "Polls open in the north" in related
    assert "Unrelated weather story" not in related
    assert "Draft about elections" not in html


def test_the_editor_s_live_picks_in_the_article_s_edition_come_newest_first(client):
    now = timezone.now()
    article = ArticleFactory()
    older = ArticleFactory(headline="Dam inquiry opens", published_at=now - timedelta(days=2))
    newer = ArticleFactory(headline="Dam inquiry reports", published_at=now - timedelta(hours=1))
    draft = ArticleFactory(headline="Dam inquiry draft", draft=True)
    scheduled = ArticleFactory(headline="Dam inquiry later", published_at=now + timedelta(days=1))
    ukrainian = ArticleFactory(headline="Розслідування щодо дамби", language="uk")
    article.related_articles.set([older, newer, draft, scheduled, ukrainian, article])

    html = client.get(article.get_absolute_url()).content.decode()
    related = re.search(r'<aside class="related".*?</aside>', html, re.S).group(0)
    assert related.index("Dam inquiry reports") < related.index("Dam inquiry opens")
    for hidden in ("Dam inquiry draft", "Dam inquiry later", "Розслідування", article.headline):
        assert hidden not in related


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_the_picks_are_read_by_key_not_by_walking_every_live_article():
    article = ArticleFactory()
    article.related_articles.set([ArticleFactory()])
    with CaptureQueriesContext(connection) as queries:
        article.related_pks(3)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[0]["sql"])
        plan = [row[-1] for row in cursor.fetchall()]
    assert plan[0] == "SEARCH articles_article USING INTEGER PRIMARY KEY (rowid=?)", plan


def test_long_bios_are_shortened_on_author_cards(client):
    author = AuthorFactory(bio="word " * 200)
    article = ArticleFactory(authors=[author])
    html = client.get(article.get_absolute_url()).content.decode()
    card = re.search(r'<div class="author-card">.*?</div>\s*</div>', html, re.S).group(0)
    assert card.count("word") <= 31
    assert (
        f'href="{author.get_absolute_url()}">Read more<span class="visually-hidden"> about' in card
    )


def test_updated_line_appears_only_after_a_real_edit(client, time_machine):
    article = ArticleFactory()
    assert "Updated" not in client.get(article.get_absolute_url()).content.decode()
    time_machine.move_to(timezone.now() + timedelta(hours=1))
    article.standfirst = "A corrected standfirst."
    article.save()
    assert "· Updated <time" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_editors_preview_unpublished_articles_uncached(client, trait):
    article = ArticleFactory(**{trait: True}, hero_photo=PhotoFactory())
    assert client.get(article.get_absolute_url()).status_code == 404

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert b"<strong>Preview.</strong>" in response.content
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert b'<meta name="robots" content="noindex, nofollow">' in response.content


def test_staff_without_permission_cannot_preview(client):
    article = ArticleFactory(draft=True)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_article_is_a_404_in_site_style(client):
    response = client.get(reverse("articles:detail", kwargs={"slug": "no-such-story"}))
    assert response.status_code == 404
    assert b"Page not found" in response.content and b'class="site-nav"' in response.content


def test_a_draft_preview_without_a_time_reads_its_reading_time_alone(admin_client):
    article = ArticleFactory(draft=True, published_at=None, authors=[AuthorFactory()])

    html = admin_client.get(reverse("articles:preview", kwargs={"pk": article.pk})).text

    meta = re.search(r'<p class="meta">(.*?)</p>', html, re.S).group(1)
    assert meta == f"{article.reading_time} min read", "no stray separator before it"
