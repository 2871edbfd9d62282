from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.templatetags.static import static


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
    language = settings.LANGUAGE_CODE.split("-")
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_tagline": settings.NEWSROOM_SITE_TAGLINE,
        "site_x_handle": settings.NEWSROOM_SITE_X_HANDLE,
        # Called by the template only where a page shows it (not in feeds or sitemaps).
        "site_logo_url": lambda: absolute_uri(request, static(settings.NEWSROOM_SITE_LOGO)),
        # Query strings (cursors, filters, tracking) never make a different canonical page.
        "canonical_url": absolute_uri(request, request.path),
        "og_locale": "_".join([language[0], language[-1].upper()])
        if len(language) > 1
        else language[0],
        "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    }
