"""
schema.org JSON-LD for search engines: NewsArticle, ProfilePage, VideoObject,
Quotation and WebSite, built from the objects a page shows.

Every function takes the request (for absolute URLs) and returns plain dicts; the
`json_ld` template tag serialises them safely into a <script type="application/ld+json">.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from newsroom.sanitize import web_address


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


def image(request, photo):
    if not photo or not photo.url:
        return None
    data = {
        "@type": "ImageObject",
        "url": absolute(request, photo.url),
        "caption": photo.caption or photo.alt_text,
    }
    if photo.width:
        data |= {"width": photo.width, "height": photo.height}
    if photo.credit:
        data["creditText"] = photo.credit
    if photo.agency or photo.photographer:
        data["copyrightHolder"] = {
            "@type": "Organization" if photo.agency else "Person",
            "name": photo.agency or photo.photographer,
        }
    return data


def person(request, author):
    data = {
        "@type": "Person",
        "name": author.name,
        "url": absolute(request, author.get_absolute_url()),
    }
    if author.role:
        data["jobTitle"] = author.role
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


def news_article(request, article):
    article = article.with_details()
    url = absolute(request, article.get_absolute_url())
    data = {
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline[:110],
        "description": article.seo_description or article.standfirst,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.last_modified_at.isoformat(),
        "author": [person(request, author) for author in article.byline],
        "publisher": organization(request),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "wordCount": len(article.body.split()),
        "isAccessibleForFree": True,
        "inLanguage": settings.LANGUAGE_CODE,
    }
    hero = image(request, article.hero_photo)
    if hero:
        data["image"] = [hero]
    return [
        data,
        breadcrumbs(
            request,
            (article.section.name, article.section.get_absolute_url()),
            (article.headline, article.get_absolute_url()),
        ),
    ]


def profile_page(request, author):
    data = person(request, author)
    if author.bio:
        data["description"] = author.bio
    if author.avatar:
        data["image"] = absolute(request, author.avatar.url)
    links = [
        link for link in (web_address(author.website), author.x_url, author.bluesky_url) if link
    ]
    if links:
        data["sameAs"] = links
    return {
        "@type": "ProfilePage",
        "url": absolute(request, author.get_absolute_url()),
        "mainEntity": data,
    }


def iso_duration(seconds):
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"PT{hours}H{minutes}M{seconds}S" if hours else f"PT{minutes}M{seconds}S"


def video_object(request, video):
    data = {
        "@type": "VideoObject",
        "name": video.title,
        "description": video.teaser or video.title,
        "uploadDate": video.published_at.isoformat() if video.published_at else None,
        "url": absolute(request, video.get_absolute_url()),
        "contentUrl": web_address(video.video_url) or None,
        "publisher": organization(request),
    }
    thumbnail = image(request, video.thumbnail)
    if thumbnail:
        data["thumbnailUrl"] = [thumbnail["url"]]
    if video.duration_seconds:
        data["duration"] = iso_duration(video.duration_seconds)
    return data


def quotation(request, quote):
    speaker = {"@type": "Person", "name": quote.speaker}
    if quote.context:
        speaker["description"] = quote.context
    data = {
        "@type": "Quotation",
        "text": quote.text,
        "url": absolute(request, quote.get_absolute_url()),
        "spokenByCharacter": speaker,
        "creator": speaker,
        "datePublished": quote.published_at.isoformat() if quote.published_at else None,
        "publisher": organization(request),
    }
    if web_address(quote.source_url):
        data["isBasedOn"] = web_address(quote.source_url)
    elif quote.source_article_id:
        data["isBasedOn"] = absolute(request, quote.source_article.get_absolute_url())
    return data


def website(request):
    return {
        "@type": "WebSite",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": absolute(request, reverse("home")),
        "inLanguage": settings.LANGUAGE_CODE,
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


BUILDERS = {
    "NewsArticle": news_article,
    "ProfilePage": profile_page,
    "VideoObject": video_object,
    "Quotation": quotation,
    "WebSite": lambda request, _=None: website(request),
}


def build(kind, request, obj=None):
    """The JSON-LD document for `kind`, with @context, dropping empty values."""
    data = BUILDERS[kind](request, obj)
    graph = data if isinstance(data, list) else [data]
    graph = [
        {key: value for key, value in node.items() if value not in (None, [], "")} for node in graph
    ]
    return {"@context": "https://schema.org", "@graph": graph}
