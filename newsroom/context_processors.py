from django.conf import settings


def site(request):
    """Site identity for every template: name and tagline come from settings."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_tagline": settings.NEWSROOM_SITE_TAGLINE,
    }
