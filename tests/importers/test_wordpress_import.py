"""import_wordpress on a small export written for these tests (always runs)."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Photo, Section, Status
from authors.models import Author
from importers.models import ImportedItem
from redirects.models import Redirect
from tests.images import jpeg_with_gps, metadata_of

from .conftest import changed, counts
from .samples import wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def export_file(tmp_path):
    def write(text=None, name="export.xml"):
        path = tmp_path / name
        path.write_text(text if text is not None else wxr(), encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_both_namespace_spellings_are_read(run_import, export_file, scheme):
    _, report = run_import("import_wordpress", export_file(wxr(scheme)))
    assert counts(report, "articles")["imported"] == 6
    assert counts(report, "pages")["imported"] == 1


def test_statuses_and_dates_are_kept(run_import, export_file):
    run_import("import_wordpress", export_file())
    published = Article.objects.get(slug="ferry-strike-ends")
    assert published.status == Status.PUBLISHED
    assert published.published_at == datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
    assert published.is_live and published.is_featured

    scheduled = Article.objects.get(slug="tides")
    assert scheduled.is_scheduled
    assert scheduled.published_at == datetime(2030, 1, 1, 8, 0, tzinfo=UTC)

    draft = Article.objects.get(headline="Unfinished piece")
    assert draft.status == Status.DRAFT
    assert draft.slug == "unfinished-piece"


def test_password_protected_post_becomes_a_draft_with_a_note(run_import, export_file):
    _, report = run_import("import_wordpress", export_file())
    article = Article.objects.get(slug="secret")
    assert article.status == Status.DRAFT
    item = ImportedItem.objects.get(kind="post", source_id="13")
    assert "Password-protected" in item.note
    assert any("Password-protected" in note["note"] for note in report["notes"])


def test_empty_title_gets_a_headline(run_import, export_file):
    run_import("import_wordpress", export_file())
    article = Article.objects.get(slug="no-title-here")
    assert article.headline == "No title here"


def test_entities_in_titles_and_categories_are_decoded_once(run_import, export_file):
    run_import("import_wordpress", export_file())
    assert Article.objects.get(slug="tides").headline == "Tides & Times"
    assert Section.objects.get(slug="city").name == "City & Port"


def test_clashing_slug_is_deduplicated(run_import, export_file):
    run_import("import_wordpress", export_file())
    assert Article.objects.get(headline="Ferry strike ends (again)").slug == "ferry-strike-ends-2"


def test_coauthors_keep_order_without_duplicates(run_import, export_file):
    run_import("import_wordpress", export_file())
    article = Article.objects.get(slug="ferry-strike-ends")
    assert [author.name for author in article.byline] == ["Olek Dunn", "Guest Writer", "Mara Lind"]
    guest = Author.objects.get(name="Guest Writer")
    assert guest.slug == "guest-writer"
    assert guest.user is None


def test_author_email_addresses_are_not_published(run_import, export_file):
    run_import("import_wordpress", export_file())
    assert not Author.objects.exclude(email="").exists()


def test_sections_tags_standfirst_and_seo(run_import, export_file):
    run_import("import_wordpress", export_file())
    article = Article.objects.get(slug="ferry-strike-ends")
    assert article.section.slug == "city"
    assert set(article.tags.names()) == {"Transport"}
    assert article.standfirst == "Crews return after two weeks."
    assert article.seo_title == "Ferry strike ends"
    assert article.seo_description == "Ferries run again from Monday."
    assert Article.objects.get(slug="secret").section.name == "News"
    assert Article.objects.get(slug="about").section.name == "Pages"


def test_featured_image_keeps_source_caption_alt_and_credit(run_import, export_file):
    _, report = run_import("import_wordpress", export_file())
    photo = Article.objects.get(slug="ferry-strike-ends").hero_photo
    assert photo.source_url == "https://harbour.example/wp-content/uploads/2024/03/ferry.jpg"
    assert photo.alt_text == "A white ferry at the pier"
    assert photo.caption == "The morning ferry leaves Pier 3."
    assert photo.photographer == "Ana Berg"
    assert not photo.image
    assert photo.source_url in report["remote_media"]


def test_shortcodes_become_clean_html(run_import, export_file):
    run_import("import_wordpress", export_file())
    body = Article.objects.get(slug="ferry-strike-ends").body
    assert "<p>The strike is over.</p>" in body
    assert "<figcaption>The morning ferry</figcaption>" in body
    assert "[caption" not in body and "[gallery" not in body and "[embed" not in body
    assert (
        "<li>" in body
        and 'src="https://harbour.example/wp-content/uploads/2024/03/quay.jpg"' in body
    )
    assert 'href="https://www.youtube.com/watch?v=abc"' in body
    assert "interview.mp3" in body
    assert "<script" not in body and "alert" not in body


def test_block_markup_becomes_clean_html(run_import, export_file):
    run_import("import_wordpress", export_file())
    body = Article.objects.get(slug="tides").body
    assert "<!--" not in body and "wp-block" not in body
    assert "<p>High water at noon.</p>" in body
    assert 'href="https://vimeo.com/123"' in body
    assert "<figcaption>Tide film</figcaption>" in body


def test_skipped_items_have_reasons(run_import, export_file):
    stdout, report = run_import("import_wordpress", export_file())
    reasons = {(entry["kind"], entry["reason"]) for entry in report["skipped"]}
    assert ("articles", "in the WordPress bin") in reasons
    assert ("other", "navigation menu item; menus are not imported") in reasons
    assert any(kind == "comments" for kind, _ in reasons)
    assert "Skipped:" in stdout and "Pages are imported as articles" in stdout


def test_second_run_changes_nothing(run_import, export_file):
    path = export_file()
    run_import("import_wordpress", path)
    before = {
        "articles": list(Article.objects.values_list("id", "slug", "updated_at")),
        "authors": Author.objects.count(),
        "photos": Photo.objects.count(),
        "paths": Redirect.objects.count(),
        "items": ImportedItem.objects.count(),
    }
    _, report = run_import("import_wordpress", path)
    assert changed(report) == {}
    assert before == {
        "articles": list(Article.objects.values_list("id", "slug", "updated_at")),
        "authors": Author.objects.count(),
        "photos": Photo.objects.count(),
        "paths": Redirect.objects.count(),
        "items": ImportedItem.objects.count(),
    }


def test_changed_export_updates_in_place(run_import, export_file):
    run_import("import_wordpress", export_file())
    _, report = run_import(
        "import_wordpress", export_file(wxr().replace("The strike is over.", "It is over."))
    )
    assert counts(report, "articles")["updated"] == 1
    assert Article.objects.filter(body__contains="It is over.").count() == 1


def test_dry_run_writes_nothing(run_import, export_file):
    stdout, report = run_import("import_wordpress", export_file(), "--dry-run")
    assert report["dry_run"] is True
    assert counts(report, "articles")["imported"] == 6
    assert "nothing was written" in stdout
    assert not Article.objects.exists()
    assert not Author.objects.exists()
    assert not ImportedItem.objects.exists()
    assert not Redirect.objects.exists()


def test_truncated_file_changes_nothing_and_fails_with_position(export_file):
    text = wxr()
    path = export_file(text[: len(text) // 2], name="truncated.xml")
    with pytest.raises(CommandError, match=r"line \d+, column \d+"):
        call_command("import_wordpress", str(path))
    assert not Article.objects.exists()
    assert not Author.objects.exists()


def test_xml_entity_expansion_is_refused(export_file):
    bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    with pytest.raises(CommandError, match="forbidden"):
        call_command("import_wordpress", str(export_file(bomb)))


def test_not_a_wordpress_file_is_refused(export_file):
    with pytest.raises(CommandError, match="not a WordPress export"):
        call_command("import_wordpress", str(export_file("<feed><title>x</title></feed>")))


def test_media_dir_copies_local_featured_image(run_import, export_file, tmp_path, jpeg_upload):
    uploads = tmp_path / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    (uploads / "ferry.jpg").write_bytes(jpeg_upload().read())
    path = export_file()
    _, report = run_import("import_wordpress", path, "--media-dir", str(tmp_path / "uploads"))
    photo = Article.objects.get(slug="ferry-strike-ends").hero_photo
    assert photo.image and photo.width == 640
    assert [entry["url"] for entry in report["copied_media"]] == [photo.source_url]
    _, again = run_import("import_wordpress", path, "--media-dir", str(tmp_path / "uploads"))
    assert changed(again) == {}


def test_imported_articles_render(run_import, export_file, client):
    run_import("import_wordpress", export_file())
    live = Article.objects.published()
    assert live.count() == 4
    for article in live:
        response = client.get(reverse("articles:detail", kwargs={"slug": article.slug}))
        assert response.status_code == 200, article.slug


def test_media_dir_pictures_are_stored_without_location(run_import, export_file, tmp_path):
    uploads = tmp_path / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    (uploads / "ferry.jpg").write_bytes(jpeg_with_gps(size=(640, 360)).read())
    run_import("import_wordpress", export_file(), "--media-dir", str(tmp_path / "uploads"))
    photo = Article.objects.get(slug="ferry-strike-ends").hero_photo
    size, exif, info = metadata_of(photo.image)
    assert exif == {} and "exif" not in info
    assert size == (360, 640) == (photo.width, photo.height), "turned upright first"


def test_a_media_file_that_is_not_a_picture_is_reported_not_fatal(
    run_import, export_file, tmp_path
):
    uploads = tmp_path / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    (uploads / "ferry.jpg").write_bytes(b"<html>not a picture</html>")
    _, report = run_import(
        "import_wordpress", export_file(), "--media-dir", str(tmp_path / "uploads")
    )
    photo = Article.objects.get(slug="ferry-strike-ends").hero_photo
    assert not photo.image
    assert photo.source_url.endswith("/ferry.jpg")
    assert any("Not copied" in note["note"] for note in report["notes"])


def test_posts_sharing_a_featured_image_share_one_photo(run_import, export_file):
    _, report = run_import("import_wordpress", export_file())
    ferry = Article.objects.get(slug="ferry-strike-ends").hero_photo
    assert Article.objects.get(slug="tides").hero_photo == ferry
    assert counts(report, "photos")["imported"] == Photo.objects.count()
