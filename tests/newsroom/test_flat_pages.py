"""Flat pages (about, contact, corrections policy): drawn in the site's frame, listed in
every page's footer, and kept current by the page cache when staff edit them."""

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse

from demo.pages import seed_pages
from newsroom.apps import name_the_site

pytestmark = pytest.mark.django_db


def flat_page(url="/pages/about/", title="About us", content="<p>Who we are.</p>"):
    page = FlatPage.objects.create(url=url, title=title, content=content)
    page.sites.add(Site.objects.get(pk=settings.SITE_ID))
    return page


def footer(html):
    return html.split('<footer class="site-footer">')[1]


def test_a_flat_page_is_drawn_in_the_sites_frame(client):
    flat_page(content="<p>We report on the city.</p>")
    response = client.get("/pages/about/")
    assert response.status_code == 200
    html = response.text
    assert "<title>About us | The Newsroom</title>" in html
    assert "<h1>About us</h1>" in html and "<p>We report on the city.</p>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html


def test_an_unknown_flat_page_is_not_found(client):
    assert client.get("/pages/no-such-page/").status_code == 404


def test_the_footer_lists_only_the_flat_pages_there_are(client):
    flat_page()
    flat_page("/pages/contact/", "Contact")
    html = footer(client.get(reverse("home")).text)
    assert '<a href="/pages/about/">About us</a>' in html
    assert '<a href="/pages/contact/">Contact</a>' in html
    assert "Corrections policy" not in html


def test_the_footer_has_the_feeds_and_the_sites_accounts(client, settings):
    settings.NEWSROOM_SITE_X_HANDLE = "newsroom"
    settings.NEWSROOM_SITE_SOCIAL_LINKS = ["https://mastodon.social/@newsroom"]
    html = footer(client.get(reverse("home")).text)
    for name in ("articles:feed-rss", "articles:feed-atom", "articles:feed-json"):
        assert f'href="{reverse(name)}"' in html
    assert 'href="https://x.com/newsroom"' in html
    assert (
        '<a href="https://mastodon.social/@newsroom" rel="me noopener">mastodon.social</a>' in html
    )


def test_the_demo_seeds_three_flat_pages_once(client):
    seed_pages()
    seed_pages()
    assert FlatPage.objects.count() == 3
    for page in FlatPage.objects.all():
        assert client.get(page.get_absolute_url()).status_code == 200


@pytest.fixture
def page_cache(settings, transactional_db):
    """Pages and their parts cached; changes reach the cache as they commit."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""


def test_editing_a_flat_page_refreshes_cached_pages(client, page_cache):
    about = flat_page()
    assert "About us" in footer(client.get(reverse("home")).text)
    assert "Who we are." in client.get("/pages/about/").text
    about.title = "About the newsroom"
    about.content = "<p>Who we are, and how we work.</p>"
    about.save()
    assert "About the newsroom" in footer(client.get(reverse("home")).text)
    assert "how we work" in client.get("/pages/about/").text


def test_a_first_flat_page_joins_cached_footers(client, page_cache):
    assert "Contact" not in footer(client.get(reverse("home")).text)
    flat_page("/pages/contact/", "Contact")
    assert '<a href="/pages/contact/">Contact</a>' in footer(client.get(reverse("home")).text)


def test_a_cached_footer_costs_no_query(client, parts_cached_only, django_assert_max_num_queries):
    """With its parts cached, a redrawn flat page reads the page itself and nothing else
    of its content: the navigation, the breaking-news bar and the footer's sections and
    pages come cached (their versions are one lookup, in the database's version table
    on SQLite, none with Redis)."""
    flat_page()
    client.get("/pages/about/")
    with django_assert_max_num_queries(2) as queries:
        assert client.get("/pages/about/").status_code == 200
    content = [
        query["sql"] for query in queries.captured_queries if "cache_versions" not in query["sql"]
    ]
    assert len(content) == 1 and "django_flatpage" in content[0]


def test_migrate_gives_the_site_its_public_host(settings):
    """Feeds and sitemaps write the sites framework's domain into their links."""
    settings.NEWSROOM_SITE_DOMAIN = "news.example.org"
    name_the_site(sender=None, using="default")
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("news.example.org", settings.NEWSROOM_SITE_NAME)
