"""The site navigation and footer, the same for every reader so whole pages stay
cacheable, and kept drawn: every page has them, and drawing them took longer than the
rest of a small page."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Section
from newsroom import slots
from newsroom.pagecache import cached_fragment, list_tag

register = template.Library()

# Where the footer's slot goes in the kept footer: what fills it is kept by its filler.
FOOTER_SLOT = "<!-- footer slot -->"


@register.simple_tag(takes_context=True)
def site_navigation(context):
    html = cached_fragment(
        "navigation",
        lambda: render_to_string("includes/_navigation.html", {"sections": _sections()}),
    )
    request = context.get("request")
    return mark_current(html, request.path) if request else html


def mark_current(html, path):
    """The navigation with the link to `path`, if it has one, marked as the page's own."""
    link = f'<a href="{escape(path)}"'
    # The kept HTML is safe, the path escaped: so is the result.
    return mark_safe(html.replace(link, f'{link} aria-current="page"', 1))  # noqa: S308


def _sections():
    return cached_fragment(
        "navigation-sections", lambda: list(Section.objects.only("name", "slug", "translations"))
    )


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer: sections, the flat pages there are (about, contact, corrections…),
    feeds and the site's accounts elsewhere. Kept like the navigation, so it costs no
    query once cached; a flat page added, edited or removed redraws it."""
    html = cached_fragment("footer", lambda: render_footer(context))
    before, after = html.split(FOOTER_SLOT)
    # Each part is a rendered template, so safe.
    return mark_safe(before + slots.render("footer", context) + after)  # noqa: S308


def render_footer(context):
    return render_to_string(
        "includes/_footer.html",
        {
            "site_name": context.get("site_name"),
            "site_tagline": context.get("site_tagline"),
            "sections": _sections(),
            "flat_pages": cached_fragment(
                "footer-flat-pages",
                lambda: list(FlatPage.objects.order_by("url").only("url", "title")),
                # A first flat page joins a list that loaded no row to record.
                depends=[list_tag(FlatPage)],
            ),
            "x_handle": settings.NEWSROOM_SITE_X_HANDLE,
            # Named by their host: "mastodon.social", "bsky.app".
            "social_links": [
                (urlsplit(link).netloc.removeprefix("www."), link)
                for link in settings.NEWSROOM_SITE_SOCIAL_LINKS
            ],
            "slot": mark_safe(FOOTER_SLOT),  # noqa: S308 - a constant
        },
    )
