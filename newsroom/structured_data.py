"""
schema.org JSON-LD for search engines, built from the objects a page shows.

The site-wide parts (the publisher, WebSite, breadcrumbs) are here; each app registers
the builders of its own types (NewsArticle, ProfilePage, Quotation, VideoObject) in its
structured_data module. Every builder takes the request (for absolute URLs) and returns
plain dicts; the `json_ld` template tag serialises them safely into a
<script type="application/ld+json">.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def organization(request):
    data = {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": absolute(request, reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static(settings.NEWSROOM_SITE_LOGO)),
        },
    }
    links = list(settings.NEWSROOM_SITE_SOCIAL_LINKS)
    if settings.NEWSROOM_SITE_X_HANDLE:
        links.append(f"https://x.com/{settings.NEWSROOM_SITE_X_HANDLE}")
    if links:
        data["sameAs"] = links
    return data


def breadcrumbs(request, *trail):
    """A BreadcrumbList from (name, url) pairs, the home page first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": absolute(request, url)}
            for number, (name, url) in enumerate(
                [(settings.NEWSROOM_SITE_NAME, reverse("home")), *trail], start=1
            )
        ],
    }


def website(request):
    return {
        "@type": "WebSite",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": absolute(request, reverse("home")),
        "inLanguage": get_language(),
        "publisher": organization(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(request, reverse("feed:search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


BUILDERS = {"WebSite": lambda request, _=None: website(request)}


def builder(schema_type):
    """Register the decorated function as the builder of `schema_type` ("NewsArticle")."""

    def register(function):
        BUILDERS[schema_type] = function
        return function

    return register


def build(kind, request, obj=None):
    """The JSON-LD document for `kind`, with @context, dropping empty values."""
    data = BUILDERS[kind](request, obj)
    graph = data if isinstance(data, list) else [data]
    graph = [
        {key: value for key, value in node.items() if value not in (None, [], "")} for node in graph
    ]
    return {"@context": "https://schema.org", "@graph": graph}
