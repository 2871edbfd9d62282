"""
The page in the other editions: the hreflang alternates in the head and the switcher
in the masthead.

A list (home, News Feed, a section, tag or author page, search) exists in every edition
at the same path under the edition's prefix. An item's page exists only in its own
edition; its other versions are the live items of its translation group, and the
switcher sends a reader of an untranslated story to the other edition's home.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, override

from newsroom.context_processors import absolute_uri

register = template.Library()


@dataclass
class Edition:
    code: str
    name: str
    # Where the switcher goes: this page in the edition (a list with the same filters,
    # search words or cursor), or the edition's home when the page has no version there.
    url: str
    has_page: bool
    # The page's own address there, with the scheme and host, as hreflang wants it.
    absolute_url: str


@dataclass
class Editions:
    current: str
    # Every edition, the current one included, in LANGUAGES order.
    all: list

    @property
    def others(self):
        return [edition for edition in self.all if edition.code != self.current]

    @property
    def alternates(self):
        """The editions that have this page: what hreflang names."""
        return [edition for edition in self.all if edition.has_page]

    @property
    def x_default(self):
        """The page for readers of no edition's language: the default edition's version."""
        default = self.all[0]
        return default if default.has_page else None


def edition_home(code):
    with override(code):
        return reverse("home")


@register.simple_tag(takes_context=True)
def page_editions(context, item=None):
    """The editions of the page being drawn: of `item`'s story when it is an item's page,
    else of the same list in each edition."""
    request = context["request"]
    query = ""
    if item:
        versions = {item.language: item.get_absolute_url()}
        for translation in item.live_translations:
            versions.setdefault(translation.language, translation.get_absolute_url())
    elif (match := getattr(request, "resolver_match", None)) is None:
        # An address that names no page (the 404 page) is no page of any edition.
        versions = {}
    else:
        # The address the request already resolved to, reversed in each edition.
        versions = {}
        for code, _ in settings.LANGUAGES:
            with override(code):
                versions[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        query = request.META.get("QUERY_STRING", "")
    return Editions(
        current=get_language(),
        all=[
            Edition(
                code,
                name,
                f"{path}?{query}" if query and code in versions else path,
                code in versions,
                absolute_uri(request, path),
            )
            for code, name in settings.LANGUAGES
            for path in [versions.get(code) or edition_home(code)]
        ],
    )
