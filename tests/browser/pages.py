"""
The page types the browser checks visit: every HTML reader page (tests/pages.py), a
flat page (the demo's about page), the 404 page and the admin's login.

The accessibility, HTML validity, phone width and third-party-request checks are
parametrised over PAGE_TYPES, and `make audit` can name any of them. The paths are found
inside the served site's own Django process (`python -m tests.browser.pages`, see
`site.py`), against the seeded demo database.
"""

import json

from tests import pages

NOT_FOUND = "not-found"
FLAT_PAGE = "flat-page"
ADMIN_LOGIN = "admin-login"
# The writing screen of the demo article the "article" page type shows.
ADMIN_ARTICLE = "admin-article"
# The Ukrainian edition's pages checked as well, as "uk-home" and so on: one of each
# template whose words differ in length and kind (the masthead and navigation, an
# article's byline and card, the stream's labels and day headings, the search form and
# its counts). The other list and item pages are drawn by these templates' parts, which
# the English checks cover and tests/i18n renders in Ukrainian.
UKRAINIAN = ["home", "feed", "article", "search"]
UKRAINIAN_SEARCH = {"search": "Київ"}
PAGE_TYPES = [
    *(page.name for page in pages.pages(pages.HTML)),
    *(f"uk-{name}" for name in UKRAINIAN),
    FLAT_PAGE,
    NOT_FOUND,
    ADMIN_LOGIN,
]


def paths():
    """{page type: path} in the site's database."""
    from django.contrib.flatpages.models import FlatPage
    from django.urls import resolve, reverse
    from django.utils import translation

    from articles.models import Article

    reader = pages.demo_paths()
    with translation.override("uk"):
        ukrainian = pages.demo_paths(**UKRAINIAN_SEARCH)
    article = Article.objects.get(slug=resolve(reader["article"]).kwargs["slug"])
    return {
        **{name: reader[name] for name in PAGE_TYPES if name in reader},
        **{f"uk-{name}": ukrainian[name] for name in UKRAINIAN if name in ukrainian},
        FLAT_PAGE: FlatPage.objects.get(url="/pages/about/").url,
        NOT_FOUND: "/no-such-page/",
        ADMIN_LOGIN: reverse("admin:login"),
        ADMIN_ARTICLE: reverse("admin:articles_article_change", args=[article.pk]),
    }


def main():
    """Print {page type: path} as JSON; run with the site's settings and database."""
    import django

    django.setup()
    print(json.dumps(paths()))


if __name__ == "__main__":
    main()
