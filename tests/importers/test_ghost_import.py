"""import_ghost on a small export written for these tests (always runs)."""

import json
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Status
from authors.models import Author
from importers.models import ImportedItem

from .conftest import changed, counts
from .samples import ghost_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export_path(tmp_path):
    path = tmp_path / "ghost.json"
    path.write_text(json.dumps(ghost_export()), encoding="utf-8")
    return path


def test_posts_pages_and_statuses(run_import, export_path):
    _, report = run_import("import_ghost", export_path)
    assert counts(report, "articles")["imported"] == 6
    assert counts(report, "pages")["imported"] == 1
    assert Article.objects.get(slug="harbour-reopens").is_live
    assert Article.objects.get(slug="coming-soon").is_scheduled
    assert Article.objects.get(slug="draft").status == Status.DRAFT
    assert Article.objects.get(slug="contact").section.name == "Pages"


def test_members_only_post_becomes_a_draft(run_import, export_path):
    run_import("import_ghost", export_path)
    assert Article.objects.get(slug="paid-story").status == Status.DRAFT
    assert "paid members" in ImportedItem.objects.get(source_id="p6").note


def test_dates_keep_their_time_zone(run_import, export_path):
    run_import("import_ghost", export_path)
    assert Article.objects.get(slug="tides").published_at == datetime(2024, 3, 2, 6, tzinfo=UTC)
    assert Article.objects.get(slug="lexical").published_at == datetime(2024, 3, 3, 10, tzinfo=UTC)


def test_fields_map_to_the_article(run_import, export_path):
    run_import("import_ghost", export_path)
    article = Article.objects.get(slug="harbour-reopens")
    assert article.standfirst == "Ships are back."
    assert article.seo_title == "Harbour reopens | Harbour Times"
    assert article.seo_description == "Ships are back after the storm."
    assert article.is_featured
    assert [author.name for author in article.byline] == ["Mara Lind", "Olek Dunn"]
    assert list(article.tags.names()) == ["Ports"]
    photo = article.hero_photo
    assert photo.source_url == "/content/images/2024/03/harbour.jpg"
    assert photo.alt_text == "The harbour at dawn"
    assert photo.caption == "Dawn over the quay"


def test_exported_html_is_used_and_cleaned(run_import, export_path):
    run_import("import_ghost", export_path)
    body = Article.objects.get(slug="harbour-reopens").body
    assert 'href="/tides/"' in body
    assert "__GHOST_URL__" not in body and "<iframe" not in body
    assert 'href="https://www.youtube.com/embed/x"' in body


def test_imported_bodies_keep_no_non_breaking_spaces(run_import, tmp_path):
    path = tmp_path / "ghost.json"
    export = with_first_post({"html": "<p>Open&nbsp;again&#160;at\u00a0dawn.&nbsp;</p>"})
    path.write_text(json.dumps(export), encoding="utf-8")
    run_import("import_ghost", path)
    assert Article.objects.get(slug="harbour-reopens").body == "<p>Open again at dawn. </p>"


def test_mobiledoc_cards_are_rendered(run_import, export_path):
    run_import("import_ghost", export_path)
    body = Article.objects.get(slug="tides").body
    assert '<a href="https://example.org/" rel="noopener noreferrer">this</a><br>' in body
    assert "<ul><li><strong>one</strong></li><li>two</li></ul>" in body
    assert '<img src="https://cdn.example/a.jpg" alt="A"><figcaption>Cap</figcaption>' in body
    assert "Example</a>" in body
    assert "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>" in body


def test_lexical_cards_are_rendered(run_import, export_path):
    run_import("import_ghost", export_path)
    body = Article.objects.get(slug="lexical").body
    assert "<p><strong>Bold words</strong></p>" in body
    assert '<img src="https://cdn.example/l.jpg" alt="L">' in body
    assert "<hr>" in body


def test_secrets_are_never_imported(run_import, export_path):
    _, report = run_import("import_ghost", export_path)
    assert not get_user_model().objects.exists()
    assert not Author.objects.exclude(email="").exists()
    stored = json.dumps(list(Author.objects.values()), default=str) + json.dumps(
        list(ImportedItem.objects.values_list("source_id", "note"))
    )
    assert "$2a$" not in stored and "secret-key" not in stored
    assert {"kind": "other", "source_id": "api_keys"}.items() <= next(
        entry for entry in report["skipped"] if entry["source_id"] == "api_keys"
    ).items()
    assert "secret-key" not in json.dumps(report)


def test_author_profile_and_protocol_relative_avatar(run_import, export_path):
    _, report = run_import("import_ghost", export_path)
    author = Author.objects.get(slug="mara")
    assert author.bio == "Port reporter."
    assert author.website == "https://mara.example"
    assert author.x_handle == "maralind"
    assert "https://www.gravatar.com/avatar/abc?s=250" in report["remote_media"]


def test_second_run_changes_nothing(run_import, export_path):
    run_import("import_ghost", export_path)
    before = list(Article.objects.values_list("id", "updated_at"))
    _, report = run_import("import_ghost", export_path)
    assert changed(report) == {}
    assert list(Article.objects.values_list("id", "updated_at")) == before


def test_dry_run_writes_nothing(run_import, export_path):
    _, report = run_import("import_ghost", export_path, "--dry-run")
    assert counts(report, "articles")["imported"] == 6
    assert not Article.objects.exists() and not Author.objects.exists()


def test_truncated_json_changes_nothing(export_path):
    text = export_path.read_text()
    export_path.write_text(text[: len(text) // 2])
    with pytest.raises(CommandError, match=r"line 1, column \d+"):
        call_command("import_ghost", str(export_path))
    assert not Article.objects.exists()


def test_json_that_is_not_a_ghost_export_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"posts": []}')
    with pytest.raises(CommandError, match="not a Ghost export"):
        call_command("import_ghost", str(path))


def test_imported_articles_render(run_import, export_path, client):
    run_import("import_ghost", export_path)
    for article in Article.objects.published():
        response = client.get(reverse("articles:detail", kwargs={"slug": article.slug}))
        assert response.status_code == 200, article.slug
    assert client.get("/harbour-reopens/")["Location"] == "/articles/harbour-reopens/"


def with_first_post(changes):
    export = ghost_export()
    export["db"][0]["data"]["posts"][0].update(changes)
    return export


@pytest.mark.parametrize(
    "changes",
    [{"title": ["Harbour", "reopens"]}, {"slug": 42}, {"tags": "harbour"}, {"html": {"p": 1}}],
    ids=["list-title", "number-slug", "string-tags", "object-html"],
)
def test_fields_of_the_wrong_type_are_a_clear_error_and_change_nothing(tmp_path, changes):
    path = tmp_path / "ghost.json"
    export = with_first_post(changes)
    if "tags" in changes:
        export["db"][0]["data"]["tags"] = "harbour"
    path.write_text(json.dumps(export), encoding="utf-8")
    with pytest.raises(CommandError, match="unexpected type or shape"):
        call_command("import_ghost", str(path))
    assert not Article.objects.exists()


def test_a_published_post_with_an_unreadable_date_becomes_a_draft_and_is_reported(
    run_import, tmp_path
):
    path = tmp_path / "ghost.json"
    path.write_text(json.dumps(with_first_post({"published_at": "next Tuesday"})))
    _, report = run_import("import_ghost", path)
    article = Article.objects.get(slug="harbour-reopens")
    assert article.status == Status.DRAFT and article.published_at is None
    assert any("publication date could not be read" in note["note"] for note in report["notes"])
