"""The site navigation, the same for every reader so whole pages stay cacheable."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.contrib.flatpages.models import FlatPage

from articles.models import Section
from newsroom.pagecache import cached_fragment, list_tag

register = template.Library()


@register.inclusion_tag("includes/_navigation.html", takes_context=True)
def site_navigation(context):
    request = context.get("request")
    return {
        "sections": _sections(),
        "current_path": request.path if request else "",
    }


def _sections():
    return cached_fragment(
        "navigation-sections", lambda: list(Section.objects.only("name", "slug", "translations"))
    )


@register.inclusion_tag("includes/_footer.html", takes_context=True)
def site_footer(context):
    """The footer: sections, the flat pages there are (about, contact, corrections…),
    feeds and the site's accounts elsewhere. Kept like the navigation, so it costs no
    query once cached; a flat page added, edited or removed redraws it."""
    return {
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
    }
