from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.templatetags.static import static
from django.utils.translation import get_language, gettext, to_locale

# Open Graph names a locale with its country ("uk_UA"); a bare language is not one.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "uk": "uk_UA"}


def absolute_uri(request, path):
    """`path` on this site's host; left relative when the Host header is not an allowed one.

    Only the 400 page answering a request with a forged Host meets such a request here,
    and it must still render rather than fail with a second DisallowedHost.
    """
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


def site(request):
    """Site identity for every template, from settings, and this page's canonical address."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_tagline": gettext(settings.NEWSROOM_SITE_TAGLINE),
        "site_x_handle": settings.NEWSROOM_SITE_X_HANDLE,
        # Called by the template only where a page shows it (not in feeds or sitemaps).
        "site_logo_url": lambda: absolute_uri(request, static(settings.NEWSROOM_SITE_LOGO)),
        # Query strings (cursors, filters, tracking) never make a different canonical page.
        "canonical_url": absolute_uri(request, request.path),
        "og_locale": OPEN_GRAPH_LOCALES.get(get_language(), to_locale(get_language())),
        "LANGUAGE_CODE": get_language(),
    }
