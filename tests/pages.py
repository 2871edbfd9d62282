"""
Every page a reader (or a feed reader, or a search engine) can reach, by URL name.

The tests that walk pages — query counts, hidden items, XSS, fuzzing, the browser
checks — and the scripts that load the demo site take their pages from here, so a new
page is one line in READER_PAGES. URL names are the contract; paths follow from them.

A page that shows one object names which (`needs`); `url(page, objects)` fills it in
from a dict such as {"article": …, "live_blog": …, "section": …, "tag": …, "author": …,
"quote": …, "video": …, "newsletter": …, "newsletter_issue": …} and `query` from the
same dict plus {"search": "harbour"}. An address with a second slug (an issue within its
newsletter) names that object too (`slugs`).

`python -m tests.pages`, run with a site's settings and database (the seeded demo),
prints every reader page's path as JSON, for the browser checks and the scripts.
"""

import json
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse

HTML, FEED, JSON, XML, TEXT = "html", "feed", "json", "xml", "text"


@dataclass(frozen=True)
class ReaderPage:
    name: str
    url_name: str
    # What the response is: an HTML page, an RSS/Atom feed, JSON, another XML document, text.
    format: str = HTML
    # The object whose slug goes into the address, if any.
    needs: str = ""
    # A query string, formatted with the objects' slugs and the search words.
    query: str = ""
    # Lists many items (and so must never show a draft or a scheduled one).
    is_list: bool = False
    # Keyword arguments of the URL that are not a slug.
    kwargs: tuple = ()
    # Further slugs in the address, as (URL argument, object) pairs.
    slugs: tuple = ()


READER_PAGES = [
    ReaderPage("home", "home", is_list=True),
    ReaderPage("feed", "feed:list", is_list=True),
    ReaderPage("feed-articles", "feed:list", query="kind=article", is_list=True),
    ReaderPage("feed-quotes", "feed:list", query="kind=quote", is_list=True),
    ReaderPage("feed-videos", "feed:list", query="kind=video", is_list=True),
    ReaderPage("feed-briefs", "feed:list", query="kind=brief", is_list=True),
    ReaderPage("feed-tag", "feed:list", query="tag={tag}", is_list=True),
    ReaderPage("article", "articles:detail", needs="article"),
    ReaderPage("live-blog", "articles:detail", needs="live_blog", is_list=True),
    ReaderPage("section", "articles:section", needs="section", is_list=True),
    ReaderPage("tag", "feed:tag", needs="tag", is_list=True),
    ReaderPage("author", "authors:detail", needs="author", is_list=True),
    ReaderPage("quote", "feed:quote", needs="quote"),
    ReaderPage("video", "feed:video", needs="video"),
    ReaderPage("brief", "feed:brief", needs="brief"),
    ReaderPage("newsletter", "newsletters:archive", needs="newsletter", is_list=True),
    ReaderPage(
        "newsletter-issue",
        "newsletters:issue",
        needs="newsletter",
        slugs=(("issue", "newsletter_issue"),),
    ),
    ReaderPage("search-form", "feed:search"),
    ReaderPage("search", "feed:search", query="q={search}", is_list=True),
    ReaderPage("rss", "articles:feed-rss", FEED, is_list=True),
    ReaderPage("atom", "articles:feed-atom", FEED, is_list=True),
    ReaderPage("json-feed", "articles:feed-json", JSON, is_list=True),
    ReaderPage("feed-rss", "feed:rss", FEED, is_list=True),
    ReaderPage("feed-atom", "feed:atom", FEED, is_list=True),
    ReaderPage("live-blog-rss", "articles:live-rss", FEED, needs="live_blog", is_list=True),
    ReaderPage("section-rss", "articles:section-rss", FEED, needs="section", is_list=True),
    ReaderPage("section-atom", "articles:section-atom", FEED, needs="section", is_list=True),
    ReaderPage("author-rss", "articles:author-rss", FEED, needs="author", is_list=True),
    ReaderPage("author-atom", "articles:author-atom", FEED, needs="author", is_list=True),
    ReaderPage("tag-rss", "articles:tag-rss", FEED, needs="tag", is_list=True),
    ReaderPage("tag-atom", "articles:tag-atom", FEED, needs="tag", is_list=True),
    ReaderPage("newsletter-rss", "newsletters:archive-rss", FEED, needs="newsletter", is_list=True),
    ReaderPage("sitemap", "sitemap-index", XML),
    *(
        ReaderPage(
            f"sitemap-{part}",
            "django.contrib.sitemaps.views.sitemap",
            XML,
            kwargs=(("section", part),),
        )
        for part in (
            "articles",
            "sections",
            "tags",
            "authors",
            "videos",
            "briefs",
            "newsletters",
            "newsletter-issues",
        )  # fmt: skip
    ),
    ReaderPage("news-sitemap", "news-sitemap", XML, is_list=True),
    ReaderPage("robots", "robots", TEXT),
]
PAGES = {page.name: page for page in READER_PAGES}
DEFAULT_TERMS = {"search": "harbour"}


def url(page, objects=None):
    """The address of `page` (a ReaderPage or its name) for the objects in `objects`."""
    page = PAGES[page] if isinstance(page, str) else page
    objects = objects or {}
    kwargs = dict(page.kwargs)
    if page.needs:
        kwargs["slug"] = objects[page.needs].slug
    for argument, name in page.slugs:
        kwargs[argument] = objects[name].slug
    path = reverse(page.url_name, kwargs=kwargs or None)
    if page.query:
        terms = DEFAULT_TERMS | {
            name: getattr(value, "slug", value) for name, value in objects.items()
        }
        # Percent-encoded, as a browser sends them: a Ukrainian word or tag is not ASCII.
        path += "?" + page.query.format(
            **{name: quote(str(value)) for name, value in terms.items()}
        )
    return path


def pages(format=None, is_list=None):
    """The reader pages of one format and/or only the lists (or only the rest)."""
    return [
        page
        for page in READER_PAGES
        if (format is None or page.format == format)
        and (is_list is None or page.is_list == is_list)
    ]


def slug_templates():
    """Every address with a slug in it, with "{}" where the slug goes."""
    placeholder = "slug-goes-here"
    return sorted(
        {
            reverse(
                page.url_name,
                # Further slugs stay fixed: the first one is the one that varies.
                kwargs={"slug": placeholder, **{argument: "x" for argument, _ in page.slugs}},
            ).replace(placeholder, "{}")
            for page in READER_PAGES
            if page.needs
        }
    )


def demo_objects(**terms):
    """One published object of each kind the pages need, from the site's database (the
    newest of each in the active language's edition), plus search words; a page whose
    object is missing is left out."""
    from django.apps import apps

    def newest(label):
        return apps.get_model(label).objects.published().in_edition().first()

    article = newest("articles.Article")
    live_blogs = apps.get_model("articles.Article").objects.published().in_edition()
    issue = (
        apps.get_model("newsletters.Issue")
        .objects.filter(sent_at__isnull=False, in_archive=True, newsletter__is_public=True)
        .select_related("newsletter")
        .order_by("-sent_at")
        .first()
    )
    return {
        "article": article,
        "live_blog": live_blogs.filter(live_starts_at__isnull=False).first(),
        "section": article.section if article else None,
        "author": article.byline[0] if article and article.byline else None,
        "tag": apps.get_model("taggit.Tag").objects.order_by("pk").first(),
        "quote": newest("feed.Quote"),
        "video": newest("feed.Video"),
        "brief": newest("feed.Brief"),
        "newsletter": issue.newsletter if issue else None,
        "newsletter_issue": issue,
        **terms,
    }


def demo_paths(**terms):
    """{page name: path} of every reader page of the site's database."""
    objects = demo_objects(**terms)
    return {
        page.name: url(page, objects)
        for page in READER_PAGES
        if all(objects.get(name) is not None for name in page_objects(page))
    }


def page_objects(page):
    """The names of the objects whose slugs go into the page's address."""
    return [name for name in (page.needs, *(name for _, name in page.slugs)) if name]


def main():
    import django

    django.setup()
    print(json.dumps(demo_paths()))


if __name__ == "__main__":
    main()
