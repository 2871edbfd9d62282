"""Old addresses of imported items redirect to the new pages."""

import pytest

from articles.models import Article

from .samples import wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wxr(), encoding="utf-8")
    run_import("import_wordpress", path)


def test_dated_permalink_redirects_permanently(imported, client):
    response = client.get("/2024/03/01/ferry-strike-ends/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/ferry-strike-ends/"


def test_permalink_without_trailing_slash_redirects(imported, client):
    response = client.get("/2024/03/01/ferry-strike-ends")
    assert response.status_code == 301
    assert response["Location"] == "/articles/ferry-strike-ends/"


def test_shortlink_redirects(imported, client):
    response = client.get("/?p=10")
    assert response.status_code == 301
    assert response["Location"] == "/articles/ferry-strike-ends/"
    assert client.get("/?page_id=20")["Location"] == "/articles/about/"


def test_second_post_with_the_same_slug_keeps_its_own_old_address(imported, client):
    response = client.get("/2024/03/05/ferry-strike-ends/")
    assert response["Location"] == "/articles/ferry-strike-ends-2/"


def test_old_address_of_a_draft_stays_a_404(imported, client):
    assert client.get("/2024/03/03/secret/").status_code == 404
    assert client.get("/?p=13").status_code == 200  # the home page, nothing revealed


def test_unknown_addresses_are_still_404(imported, client):
    assert client.get("/2024/03/01/never-existed/").status_code == 404


def test_author_and_category_addresses_redirect(imported, client):
    assert client.get("/author/mara/")["Location"] == "/authors/mara/"
    assert client.get("/category/city/")["Location"] == "/sections/city/"


def test_normal_pages_do_not_query_old_addresses(imported, client, django_assert_max_num_queries):
    article = Article.objects.get(slug="ferry-strike-ends")
    with django_assert_max_num_queries(20) as context:
        client.get(article.get_absolute_url())
    assert not any("redirects_redirect" in query["sql"] for query in context.captured_queries)
