"""
The templates' hierarchy: listing pages extend listing_base.html and item pages
item_base.html; what the bases own (the title, robots and "Back to the latest" of later
pages; an item's time and tags); the partials in includes/; and the rules every
template under templates/ keeps.
"""

import re
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from newsroom import kinds
from newsroom.stream import PAGE_SIZE
from newsroom.templatetags.times import machine_time
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    QuoteFactory,
    SectionFactory,
    VideoFactory,
)
from tests.newsroom_data import rendered_templates

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The admin's templates follow Django's admin, not these rules.
SITE_TEMPLATES = sorted(
    path
    for path in TEMPLATES.rglob("*")
    if path.is_file() and path.relative_to(TEMPLATES).parts[0] != "admin"
)
ROBOTS_NOINDEX = '<meta name="robots" content="noindex, follow">'
BACK_LINK = re.compile(r'<p class="meta"><a href="([^"]*)">Back to the latest</a></p>')
SHOW_MORE = re.compile(r'<a href="([^"]+)" rel="next">Show More</a>')


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def title(page):
    return re.search(r"<title>(.*?)</title>", page).group(1)


def next_page(client, page):
    return client.get(SHOW_MORE.search(page).group(1).replace("&amp;", "&"))


@pytest.fixture
def newsroom(db):
    """More articles than a page holds, in one section, by one author, under one tag."""
    section = SectionFactory(name="World", slug="world")
    author = AuthorFactory(name="Marta Kowalczyk", slug="marta")
    now = timezone.now()
    for number in range(PAGE_SIZE + 1):
        article = ArticleFactory(
            section=section, authors=[author], published_at=now - timedelta(minutes=number + 1)
        )
        article.tags.add("climate")
    return SimpleNamespace(section=section, author=author)


LISTINGS = {
    "section": lambda: reverse("articles:section", kwargs={"slug": "world"}),
    "tag": lambda: reverse("feed:tag", kwargs={"slug": "climate"}),
    "author": lambda: reverse("authors:detail", kwargs={"slug": "marta"}),
    "feed": lambda: reverse("feed:list"),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_pages_extend_the_listing_base(client, newsroom, listing):
    response = client.get(LISTINGS[listing]())
    drawn = rendered_templates(response)
    assert "listing_base.html" in drawn
    assert "includes/_stream.html" in drawn
    assert "item_base.html" not in drawn


@pytest.mark.parametrize("listing", LISTINGS)
def test_the_first_page_of_a_listing_is_indexed_and_has_no_way_back(client, newsroom, listing):
    page = html(client.get(LISTINGS[listing]()))
    assert "earlier" not in title(page)
    assert ROBOTS_NOINDEX not in page
    assert not BACK_LINK.search(page)
    assert SHOW_MORE.search(page)


@pytest.mark.parametrize("listing", ["section", "tag", "feed"])
def test_later_pages_of_a_listing_are_not_indexed_and_lead_back(client, newsroom, listing):
    first = LISTINGS[listing]()
    later = html(next_page(client, html(client.get(first))))
    assert title(later).endswith(f" (earlier) | {settings.NEWSROOM_SITE_NAME}")
    assert later.count(ROBOTS_NOINDEX) == 1
    back = BACK_LINK.findall(later)
    assert back == ([first] if listing != "feed" else ["?"])
    assert '<h2 class="visually-hidden">Earlier</h2>' in later


def test_the_news_feed_leads_back_to_the_latest_of_the_same_kind(client, newsroom):
    first = html(client.get(reverse("feed:list"), {"kind": "article"}))
    assert BACK_LINK.findall(html(next_page(client, first))) == ["?kind=article"]


def test_later_pages_of_an_author_say_earlier_articles_and_are_not_indexed(client, newsroom):
    first = LISTINGS["author"]()
    later = html(next_page(client, html(client.get(first))))
    assert title(later) == f"Marta Kowalczyk (earlier articles) | {settings.NEWSROOM_SITE_NAME}"
    assert later.count(ROBOTS_NOINDEX) == 1
    assert BACK_LINK.findall(later) == [first]
    # "Articles by …" heads the stream; there is no hidden one besides.
    assert "<h2>Articles by Marta Kowalczyk</h2>" in later
    assert '<h2 class="visually-hidden">' not in later


def test_the_listing_heading_shows_its_kicker_and_description(client, newsroom):
    newsroom.section.description = "News from everywhere else."
    newsroom.section.save()
    section = html(client.get(LISTINGS["section"]()))
    assert '<h1>World</h1>\n<p class="standfirst">News from everywhere else.</p>' in section
    tag = html(client.get(LISTINGS["tag"]()))
    assert '<p class="kicker">Tag</p>\n<h1>climate</h1>' in tag


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [ArticleFactory, QuoteFactory, VideoFactory])
def test_item_pages_extend_the_item_base_with_time_and_tags(client, factory):
    item = factory()
    item.tags.add("climate", "floods")
    response = client.get(item.get_absolute_url())
    page = html(response)
    assert "item_base.html" in rendered_templates(response)
    assert "listing_base.html" not in rendered_templates(response)
    assert f'<time datetime="{machine_time(timezone.localtime(item.published_at))}">' in page
    assert page.count('<nav class="tags" aria-label="Tags">') == 1
    assert '<li><a href="/tags/climate/">climate</a></li>' in page
    assert '<meta property="og:type" content="' in page


@pytest.mark.django_db
def test_quotes_and_videos_are_articles_to_opengraph_unless_they_say_otherwise(client):
    quote, video = QuoteFactory(), VideoFactory()
    assert '<meta property="og:type" content="article">' in html(
        client.get(quote.get_absolute_url())
    )
    assert '<meta property="og:type" content="video.other">' in html(
        client.get(video.get_absolute_url())
    )


@pytest.mark.django_db
def test_an_item_without_tags_has_no_tag_list(client):
    page = html(client.get(QuoteFactory().get_absolute_url()))
    assert 'class="tags"' not in page


# The partials, with their inputs only.


def test_tags_partial_links_each_tag_to_its_page():
    tags = [SimpleNamespace(slug="climate", name="Climate"), SimpleNamespace(slug="eu", name="EU")]
    rendered = render_to_string("includes/_tags.html", {"tags": tags})
    assert (
        '<nav class="tags" aria-label="Tags"><ul><li><a href="/tags/climate/">Climate</a></li>'
        '<li><a href="/tags/eu/">EU</a></li></ul></nav>'
    ) in rendered
    assert render_to_string("includes/_tags.html", {"tags": []}).strip() == ""


def test_og_image_partial_makes_a_path_on_this_site_absolute():
    request = RequestFactory().get("/")
    rendered = render_to_string(
        "includes/_og_image.html",
        {"url": "/media/a.jpg", "request": request, "width": 640, "height": 360, "alt": "A"},
    )
    assert '<meta property="og:image" content="http://testserver/media/a.jpg">' in rendered
    assert '<meta property="og:image:width" content="640">' in rendered
    assert '<meta property="og:image:height" content="360">' in rendered
    assert '<meta property="og:image:alt" content="A">' in rendered


def test_og_image_partial_takes_an_absolute_address_as_it_is():
    rendered = render_to_string(
        "includes/_og_image.html", {"url": "https://cdn.example.com/logo.png", "alt": "Logo"}
    )
    assert '<meta property="og:image" content="https://cdn.example.com/logo.png">' in rendered
    assert "og:image:width" not in rendered
    assert '<meta property="og:image:alt" content="Logo">' in rendered


def test_og_image_partial_keeps_an_absolute_address_with_a_request_too():
    rendered = render_to_string(
        "includes/_og_image.html",
        {"url": "https://old.example.com/a.jpg", "request": RequestFactory().get("/"), "alt": "A"},
    )
    assert '<meta property="og:image" content="https://old.example.com/a.jpg">' in rendered


@pytest.mark.parametrize("url", ["", "javascript:alert(1)", "data:image/png;base64,AAAA"])
def test_og_image_partial_draws_nothing_without_a_web_address(url):
    rendered = render_to_string(
        "includes/_og_image.html", {"url": url, "request": RequestFactory().get("/"), "alt": "A"}
    )
    assert rendered.strip() == ""


def test_feed_links_partial_names_both_feeds_or_only_rss():
    both = render_to_string(
        "includes/_feed_links.html", {"name": "World", "rss": "/r/", "atom": "/a/"}
    )
    assert 'type="application/rss+xml" title="World (RSS)" href="/r/"' in both
    assert 'type="application/atom+xml" title="World (Atom)" href="/a/"' in both
    rss_only = render_to_string("includes/_feed_links.html", {"name": "World", "rss": "/r/"})
    assert "(RSS)" in rss_only and "atom" not in rss_only


def test_listing_header_partial_leaves_out_what_it_is_not_given():
    rendered = render_to_string("includes/_listing_header.html", {"title": "World"})
    assert rendered.strip() == "<h1>World</h1>"


# Rules for every template of the site.


def site_templates(pattern):
    """(template, match) for each match of `pattern` in the site's templates."""
    return [
        (path.relative_to(TEMPLATES).as_posix(), match)
        for path in SITE_TEMPLATES
        for match in re.finditer(pattern, path.read_text())
    ]


def test_blocks_are_closed_by_name():
    assert site_templates(r"{%\s*endblock\s*%}") == []


def test_included_templates_are_partials_named_with_an_underscore():
    included = {match.group(1) for _, match in site_templates(r'{%\s*include\s+"([^"]+)"')}
    included |= {kind.teaser_template for kind in kinds.registered()}
    assert included
    assert [name for name in included if not Path(name).name.startswith("_")] == []


def test_machine_readable_times_come_from_the_times_filters():
    """`machine_time` and `machine_date`, not a format string copied into a template."""
    assert site_templates(r"\|\s*date:\s*[\"'][^\"']*(?:Y-m-d|\\T)") == []
    assert site_templates(r'datetime="{{[^}]*\|\s*date:') == []


@pytest.mark.parametrize("base", ["listing_base.html", "item_base.html"])
def test_each_base_names_the_pages_that_extend_it(base):
    extending = [
        path.relative_to(TEMPLATES).as_posix()
        for path in SITE_TEMPLATES
        if path.read_text().startswith(f'{{% extends "{base}" %}}')
    ]
    assert extending
    comment = re.search(r"{% comment %}(.*?){% endcomment %}", (TEMPLATES / base).read_text(), re.S)
    assert [page for page in extending if page not in comment.group(1)] == []
