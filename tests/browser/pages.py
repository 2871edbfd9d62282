"""
The page types the browser checks visit, and how to find one of each in the demo site.

Adding a page type is one line in PAGE_TYPES: the accessibility, HTML validity, phone
width and third-party-request checks are parametrised over it, and `make audit` can
name it.
Each finder runs inside the served site's own Django process (see `site.py`), against
the seeded demo database, and returns a path.
"""

import json

from django.urls import reverse

NOT_FOUND = "not-found"


def first_published(model_label):
    """The newest published item of a model given as "app_label.ModelName"."""
    from django.apps import apps

    return apps.get_model(model_label).objects.published().first()


PAGE_TYPES = {
    "home": lambda: reverse("home"),
    "article": lambda: first_published("articles.Article").get_absolute_url(),
    "section": lambda: first_published("articles.Article").section.get_absolute_url(),
    "author": lambda: first_published("articles.Article").byline[0].get_absolute_url(),
    "quote": lambda: first_published("feed.Quote").get_absolute_url(),
    "video": lambda: first_published("feed.Video").get_absolute_url(),
    NOT_FOUND: lambda: "/no-such-page/",
    "admin-login": lambda: reverse("admin:login"),
}


def main():
    """Print {page type: path} as JSON; run with the site's settings and database."""
    import django

    django.setup()
    print(json.dumps({name: find() for name, find in PAGE_TYPES.items()}))


if __name__ == "__main__":
    main()
