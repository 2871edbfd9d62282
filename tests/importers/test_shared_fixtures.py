"""
Import the real exports in ../shared/fixtures (see its README) and check the counts
and the tricky cases it names. Skipped with the reason when that folder is absent.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Photo, Status
from authors.models import Author
from importers.models import ImportedItem
from redirects.models import Redirect

from .conftest import changed, counts, fixture_file

pytestmark = pytest.mark.django_db

THEME_UNIT = "wordpress/themeunittestdata.wordpress.xml"
BLOCKS = "wordpress/64-block-test-data.xml"
COAUTHORS = "wordpress/co-authors-plus.xml"
YOAST = "wordpress/has-yoast-meta.xml"
GHOST_4 = "ghost/v4_export.json"
GHOST_LEXICAL = "ghost/mg-assetscraper-db-ghost.json"

# file -> (command, posts, pages, authors) as described in the fixtures README.
EXPECTED = {
    THEME_UNIT: ("import_wordpress", 58, 21, 2),
    BLOCKS: ("import_wordpress", 61, 1, 2),
    COAUTHORS: ("import_wordpress", 4, 0, 3),
    YOAST: ("import_wordpress", 2, 0, 1),
    GHOST_4: ("import_ghost", 7, 4, 2),
    GHOST_LEXICAL: ("import_ghost", 3, 0, 2),
}


def assert_every_live_article_renders(client):
    live = Article.objects.published()
    assert live.exists()
    for article in live:
        response = client.get(reverse("articles:detail", kwargs={"slug": article.slug}))
        assert response.status_code == 200, article.slug


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fixture_imports_renders_and_is_idempotent(name, run_import, client):
    command, posts, pages, authors = EXPECTED[name]
    path = fixture_file(name)
    _, report = run_import(command, path)
    assert counts(report, "articles")["imported"] == posts
    assert counts(report, "pages")["imported"] == pages
    assert counts(report, "authors")["imported"] == authors
    assert Article.objects.count() == posts + pages
    assert_every_live_article_renders(client)

    before = (
        list(Article.objects.values_list("id", "slug", "updated_at")),
        Author.objects.count(),
        Photo.objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )
    _, again = run_import(command, path)
    assert changed(again) == {}
    assert before == (
        list(Article.objects.values_list("id", "slug", "updated_at")),
        Author.objects.count(),
        Photo.objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fixture_dry_run_writes_nothing(name, run_import):
    command, posts, _, _ = EXPECTED[name]
    _, report = run_import(command, fixture_file(name), "--dry-run")
    assert counts(report, "articles")["imported"] == posts
    assert not Article.objects.exists()
    assert not Author.objects.exists()
    assert not ImportedItem.objects.exists()


@pytest.mark.parametrize("name", [THEME_UNIT, GHOST_4])
def test_truncated_fixture_changes_nothing(name, tmp_path):
    command = EXPECTED[name][0]
    data = fixture_file(name).read_bytes()
    truncated = tmp_path / ("truncated" + fixture_file(name).suffix)
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(CommandError, match=r"line \d+, column \d+"):
        call_command(command, str(truncated))
    assert not Article.objects.exists() and not Author.objects.exists()


def test_theme_unit_test_data_edge_cases(run_import):
    """https namespaces, scheduled, draft, password-protected, empty and odd titles."""
    _, report = run_import("import_wordpress", fixture_file(THEME_UNIT))
    scheduled = Article.objects.scheduled().get()
    assert scheduled.published_at.year == 2030
    assert set(Article.objects.drafts().values_list("slug", flat=True)) == {
        "draft",
        "template-password-protected",
    }
    assert Article.objects.published().count() == 58 + 21 - 2 - 1

    no_title = Article.objects.get(slug="edge-case-no-title")
    assert no_title.headline == "Edge case no title"
    assert no_title.is_live
    markup = Article.objects.get(slug="markup-title-with-markup")
    assert markup.headline == "Markup: Title With Markup"
    assert Article.objects.filter(
        headline__startswith="Markup: Title With Special Characters ~`!@#$%^&*()"
    ).exists()

    many_tags = Article.objects.get(slug="edge-case-many-tags")
    # Its 45 tags, plus its second category "Edge Case" (the first, Classic, is its section).
    assert many_tags.tags.count() == 46
    assert many_tags.section.name == "Classic"
    assert Article.objects.get(slug="template-sticky").is_featured
    assert Photo.objects.count() == 6
    assert all(photo.source_url.startswith("https://") for photo in Photo.objects.all())

    for article in Article.objects.all():
        assert "[caption" not in article.body and "[gallery" not in article.body
        assert "<!--" not in article.body
    counts_other = {entry["reason"] for entry in report["skipped"] if entry["kind"] == "other"}
    assert "navigation menu item; menus are not imported" in counts_other
    assert counts(report, "other")["skipped"] == 37 + 70


def test_block_test_data_titles_and_blocks(run_import):
    _, report = run_import("import_wordpress", fixture_file(BLOCKS))
    # Four posts share one featured image: one photo, counted once.
    assert counts(report, "photos") == {"imported": 1, "updated": 0, "unchanged": 0, "skipped": 0}
    assert Article.objects.filter(headline="Media & Text").exists()
    assert not Article.objects.filter(headline__contains="&amp;").exists()
    # Two posts share the name "footnotes" in this export: the second gets a new slug.
    assert Article.objects.filter(slug__in=["footnotes", "footnotes-2"]).count() == 2
    assert not Article.objects.filter(body__contains="wp:").exists()


def test_coauthors_plus_bylines(run_import):
    run_import("import_wordpress", fixture_file(COAUTHORS))

    def byline(slug):
        return [author.slug for author in Article.objects.get(slug=slug).byline]

    assert byline("multi-author-post") == ["alice-smith", "bob-jones"]
    assert byline("three-author-post") == ["alice-smith", "bob-jones", "carol-white"]
    assert byline("single-coauthor-post") == ["bob-jones"]
    assert byline("duplicate-author-post") == ["alice-smith", "bob-jones"]
    assert Author.objects.count() == 3


def test_yoast_fields(run_import):
    run_import("import_wordpress", fixture_file(YOAST))
    with_yoast = Article.objects.get(slug="my-sample-post")
    assert with_yoast.seo_title == "My Custom SEO Title for Search Engines"
    assert (
        with_yoast.seo_description
        == "A short description of the post for search engine results pages"
    )
    without = Article.objects.get(slug="no-yoast")
    assert without.seo_title == ""
    assert without.seo_description == "Another post.", "filled from the body, as for any article"


def test_ghost_4_export(run_import, client):
    _, report = run_import("import_ghost", fixture_file(GHOST_4))
    assert Article.objects.get(slug="sell").status == Status.DRAFT
    assert Article.objects.filter(section__name="Pages").count() == 4
    assert not get_user_model().objects.exists()
    secrets = json.loads(fixture_file(GHOST_4).read_text())["db"][0]["data"]
    hashes = [user["password"] for user in secrets["users"]]
    keys = [key["secret"] for key in secrets["api_keys"]]
    stored = json.dumps(list(Author.objects.values()), default=str) + json.dumps(report)
    assert not any(value in stored for value in hashes + keys)
    assert (
        "https://www.gravatar.com/avatar/d94a22d95b540979c98f20e4598e32ee?s=250&d=mm&r=x"
        in (report["remote_media"])
    )
    assert not any(url.startswith("//") for url in report["remote_media"])
    assert Article.objects.get(slug="welcome").tags.names()[0] == "Getting Started"
    assert client.get("/welcome/")["Location"] == "/articles/welcome/"


def test_ghost_lexical_post(run_import):
    run_import("import_ghost", fixture_file(GHOST_LEXICAL))
    lexical = Article.objects.get(slug="post-3-lexical")
    assert 'src="https://example.com/images/lexical-image.jpg"' in lexical.body
    assert lexical.byline == []
    assert Article.objects.get(slug="post-1").hero_photo.source_url == (
        "https://example.com/images/feature-1.jpg"
    )
