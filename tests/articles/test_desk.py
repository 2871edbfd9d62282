"""The desk on the admin's front page: what waits for whom, as each role sees it."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from articles.desk import ROWS_PER_PANEL
from articles.models import Article, Photo, Status
from feed.models import Quote, Video
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BriefFactory,
    PhotoFactory,
    QuoteFactory,
    UserFactory,
    VideoFactory,
)

from .desk_page import INDEX_URL, desk

pytestmark = pytest.mark.django_db

FACTORIES = {
    "article": ArticleFactory,
    "brief": BriefFactory,
    "quote": QuoteFactory,
    "video": VideoFactory,
}
REVIEW = {"status": Status.REVIEW, "published_at": None}


def changed(item, ago):
    """Set when `item` last changed (auto_now sets it on save)."""
    type(item).objects.filter(pk=item.pk).update(updated_at=timezone.now() - ago)
    return item


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def shown(item):
    """The item's name as the desk shows it (a quote's is cut after 60 characters,
    perhaps after a space)."""
    return str(item).strip()


def listed(client, url):
    """The items an admin changelist address lists."""
    response = client.get(url)
    assert response.status_code == 200
    return set(response.context["cl"].queryset)


# What each panel lists, and in what order ------------------------------------------


def test_ready_for_review_lists_every_kind_oldest_first(editor_client, contributor):
    article = changed(ArticleFactory(**REVIEW, authors=[contributor.author_profile]), timedelta(3))
    quote = changed(QuoteFactory(**REVIEW, created_by=contributor), timedelta(1))
    video = changed(VideoFactory(**REVIEW), timedelta(2))
    ArticleFactory(draft=True)
    ArticleFactory()

    panel = desk(editor_client)["review"]

    assert panel.count == 3
    assert [row.url for row in panel.rows] == [
        change_url(article),
        change_url(video),
        change_url(quote),
    ]
    assert panel.rows[0].title == article.headline
    assert panel.rows[0].meta.startswith("Article · by Casey · last changed ")
    assert panel.rows[2].meta.startswith("Quote · by casey · last changed ")
    assert [label for label, _ in panel.links] == ["1 article →", "1 quote →", "1 video →"]


def test_scheduled_lists_what_goes_live_next_first(editor_client):
    now = timezone.now()
    later = ArticleFactory(published_at=now + timedelta(hours=5))
    soon = QuoteFactory(published_at=now + timedelta(hours=1))
    between = VideoFactory(published_at=now + timedelta(hours=3))
    ArticleFactory()  # live already
    ArticleFactory(status=Status.DRAFT, published_at=now + timedelta(hours=2))  # not scheduled

    panel = desk(editor_client)["scheduled"]

    assert panel.titles == [shown(soon), between.title, later.headline]
    goes_live = timezone.localtime(soon.published_at)
    assert panel.rows[0].meta.endswith(f"goes live {goes_live:%-d %b %Y, %H:%M}")


def test_my_drafts_are_the_ones_the_user_started_or_signs(editor_client, editor):
    started = changed(ArticleFactory(draft=True, created_by=editor), timedelta(hours=2))
    signed = changed(ArticleFactory(draft=True, authors=[editor.author_profile]), timedelta(1))
    quote = changed(QuoteFactory(draft=True, created_by=editor), timedelta(hours=1))
    ArticleFactory(draft=True, authors=[AuthorFactory()])  # someone else's
    ArticleFactory(**REVIEW, created_by=editor)  # submitted: no longer a draft

    panel = desk(editor_client)["drafts"]

    assert panel.titles == [shown(quote), started.headline, signed.headline]


def test_recently_published_is_the_last_week_newest_first(editor_client):
    now = timezone.now()
    older = ArticleFactory(published_at=now - timedelta(days=3))
    newer = VideoFactory(published_at=now - timedelta(hours=1))
    ArticleFactory(published_at=now - timedelta(days=8))
    ArticleFactory(scheduled=True)
    ArticleFactory(status=Status.UNPUBLISHED)

    panel = desk(editor_client)["recent"]

    assert panel.titles == [newer.title, older.headline]
    assert panel.rows[0].meta.startswith("Video · went live ")


def test_photos_missing_alt_text_or_credit(editor_client):
    uncredited = PhotoFactory(alt_text="Protesters at the gate", photographer="", agency="")
    undescribed = PhotoFactory(alt_text="")
    PhotoFactory(alt_text="Credited and described", photographer="")

    panel = desk(editor_client)["photos"]

    assert panel.count == 2
    by_url = {row.url: row for row in panel.rows}
    assert by_url[change_url(uncredited)].title == "Protesters at the gate"
    assert by_url[change_url(uncredited)].meta.startswith("Photo · needs a credit · uploaded ")
    assert by_url[change_url(undescribed)].meta.startswith("Photo · needs alt text · uploaded ")
    assert "Credited and described" not in panel.text


def test_a_panel_shows_its_first_rows_and_counts_them_all(editor_client):
    now = timezone.now()
    for hours in range(1, 12):
        ArticleFactory(published_at=now + timedelta(hours=hours))
    QuoteFactory(scheduled=True)

    panel = desk(editor_client)["scheduled"]

    assert panel.count == 12
    assert len(panel.rows) == ROWS_PER_PANEL
    assert [label for label, _ in panel.links] == ["11 articles →", "1 quote →"]


def test_each_all_link_lists_the_panels_items_of_its_kind(editor_client, editor):
    now = timezone.now()
    review = ArticleFactory(**REVIEW)
    scheduled = ArticleFactory(published_at=now + timedelta(hours=2))
    own_draft = ArticleFactory(draft=True, created_by=editor)
    signed_draft = ArticleFactory(draft=True, authors=[editor.author_profile])
    recent = ArticleFactory(published_at=now - timedelta(days=1))
    ArticleFactory(published_at=now - timedelta(days=9))
    ArticleFactory(draft=True)
    no_credit = PhotoFactory(photographer="", agency="")
    PhotoFactory()

    panels = desk(editor_client)
    expected = {
        "review": {review},
        "scheduled": {scheduled},
        "drafts": {own_draft, signed_draft},
        "recent": {recent},
        "photos": {no_credit},
    }
    for name, items in expected.items():
        [(_, url)] = panels[name].links
        assert listed(editor_client, url) == items, name


def test_titles_are_shown_as_text(editor_client):
    ArticleFactory(**REVIEW, headline='<img src=x onerror="alert(1)">Bridge reopens')

    panel = desk(editor_client)["review"]

    assert panel.titles == ['<img src=x onerror="alert(1)">Bridge reopens']
    page = editor_client.get(INDEX_URL).content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Bridge reopens" in page
    assert '<img src=x onerror="alert(1)">' not in page


def test_the_app_list_and_recent_actions_stay(editor_client):
    page = editor_client.get(INDEX_URL).content.decode()
    assert f'href="{reverse("admin:articles_article_changelist")}"' in page
    assert "Recent actions" in page


# Who sees what --------------------------------------------------------------------


def test_a_contributor_sees_only_their_own_drafts_and_pieces_in_review(
    contributor_client, contributor
):
    own_review = ArticleFactory(**REVIEW, authors=[contributor.author_profile])
    own_quote = QuoteFactory(**REVIEW, created_by=contributor)
    own_draft = VideoFactory(draft=True, created_by=contributor)
    ArticleFactory(**REVIEW, authors=[AuthorFactory()])
    QuoteFactory(**REVIEW)
    ArticleFactory(scheduled=True, created_by=contributor)
    ArticleFactory(created_by=contributor)

    panels = desk(contributor_client)

    assert sorted(panels) == ["drafts", "photos", "review"]
    assert set(panels["review"].titles) == {own_review.headline, shown(own_quote)}
    assert panels["review"].count == 2
    assert panels["drafts"].titles == [own_draft.title]


def test_a_contributor_sees_only_the_photos_they_may_still_fix(contributor_client, contributor):
    own = PhotoFactory(alt_text="Own upload", agency="", photographer="", uploaded_by=contributor)
    shown = PhotoFactory(
        alt_text="On a live page", agency="", photographer="", uploaded_by=contributor
    )
    ArticleFactory(hero_photo=shown)
    PhotoFactory(alt_text="Someone else's", agency="", photographer="")

    panel = desk(contributor_client)["photos"]

    assert panel.titles == [own.alt_text]
    assert panel.count == 1


def test_the_desk_agrees_with_the_admins_change_permission(contributor, editor, rf):
    """Every row is one the admin lets the user open, and every item it would let them
    change in a panel's status is counted."""
    others = AuthorFactory()
    for user in (contributor, editor):
        author = user.author_profile
        for status in Status.values:
            published_at = (
                timezone.now() - timedelta(hours=1) if status == Status.PUBLISHED else None
            )
            ArticleFactory(status=status, published_at=published_at, authors=[author])
            ArticleFactory(status=status, published_at=published_at, authors=[others])
            QuoteFactory(status=status, published_at=published_at, created_by=user)
            VideoFactory(status=status, published_at=published_at)
    for user in (contributor, editor):
        request = rf.get(INDEX_URL)
        request.user = user
        for model in (Article, Quote, Video):
            model_admin = admin.site.get_model_admin(model)
            may_change = {
                item
                for item in model.objects.all()
                if model_admin.has_change_permission(request, item)
            }
            assert set(model_admin.changeable(request, model.objects.all())) == may_change
        photo_admin = admin.site.get_model_admin(Photo)
        may_change = {
            photo
            for photo in Photo.objects.all()
            if photo_admin.has_change_permission(request, photo)
        }
        assert set(Photo.objects.editable_by(user)) == may_change


def test_rows_of_a_kind_need_its_change_permission(client):
    """A staff user who may change articles but not quotes sees no quotes on the desk."""
    group = Group.objects.create(name="Article desk")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["change_article", "publish_article", "view_quote", "view_video"]
        )
    )
    user = UserFactory(username="arthur", is_staff=True)
    user.groups.add(group)
    article = ArticleFactory(**REVIEW)
    QuoteFactory(**REVIEW)
    client.force_login(user)

    panels = desk(client)

    assert panels["review"].titles == [article.headline]
    assert [label for label, _ in panels["review"].links] == ["1 article →"]
    assert "photos" not in panels


def test_staff_who_may_change_nothing_see_no_desk(client):
    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    ArticleFactory(**REVIEW)
    client.force_login(user)

    assert desk(client) == {}
    assert 'class="desk"' not in client.get(INDEX_URL).content.decode()


# Cost -------------------------------------------------------------------------------

# Session, user, permissions (user's and groups') and the Recent actions: 5. The desk:
# per kind one count of every panel and one query per non-empty panel (4), plus the
# articles' bylines in each (4); photos one count and one query: 4 + 16 + 4 + 2 = 26.
INDEX_QUERIES = 31


@pytest.mark.parametrize("items", [3, 30])
def test_desk_query_count_does_not_grow_with_items(
    editor_client, editor, django_assert_num_queries, items
):
    now = timezone.now()
    author = editor.author_profile
    for kind, factory in FACTORIES.items():
        extra = {"authors": [author, AuthorFactory()]} if kind == "article" else {}
        for number in range(items):
            factory(**REVIEW, **extra)
            factory(published_at=now + timedelta(hours=number + 1), **extra)
            factory(draft=True, created_by=editor, **extra)
            factory(published_at=now - timedelta(hours=number + 1), **extra)
    for _ in range(items):
        PhotoFactory(photographer="", agency="")

    with django_assert_num_queries(INDEX_QUERIES):
        panels = desk(editor_client)

    assert {name: panel.count for name, panel in panels.items()} == {
        "review": 4 * items,
        "scheduled": 4 * items,
        "drafts": 4 * items,
        "recent": 4 * items,
        "photos": items,
    }
    assert all(
        len(panel.rows) == min(ROWS_PER_PANEL, 4 * items)
        for panel in panels.values()
        if panel != panels["photos"]
    )


def test_an_editor_with_nothing_waiting_sees_every_panel_say_so(editor_client):
    panels = desk(editor_client)

    assert list(panels) == ["review", "scheduled", "drafts", "recent", "photos"]
    assert all(panel.count == 0 and not panel.rows for panel in panels.values())
    assert "Nothing is waiting for review." in panels["review"].text
    assert "Every photo has its alt text and credit." in panels["photos"].text
