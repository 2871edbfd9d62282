"""schema.org JSON-LD of quotes, videos and briefs."""

from articles.structured_data import image, language_and_translations
from authors.structured_data import person
from newsroom.sanitize import web_address
from newsroom.structured_data import absolute, builder, organization


def iso_duration(seconds):
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"PT{hours}H{minutes}M{seconds}S" if hours else f"PT{minutes}M{seconds}S"


@builder("VideoObject")
def video_object(request, video):
    data = {
        "@type": "VideoObject",
        "name": video.title,
        "description": video.teaser or video.title,
        "uploadDate": video.published_at.isoformat() if video.published_at else None,
        "url": absolute(request, video.get_absolute_url()),
        "contentUrl": web_address(video.video_url) or None,
        "publisher": organization(request),
        **language_and_translations(request, video),
    }
    thumbnail = image(request, video.thumbnail)
    if thumbnail:
        data["thumbnailUrl"] = [thumbnail["url"]]
    if video.duration_seconds:
        data["duration"] = iso_duration(video.duration_seconds)
    return data


@builder("Quotation")
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
        **language_and_translations(request, quote),
    }
    if web_address(quote.source_url):
        data["isBasedOn"] = web_address(quote.source_url)
    elif quote.story:
        data["isBasedOn"] = absolute(request, quote.story.get_absolute_url())
    return data


# A brief is reported and edited news under the site's name, so a NewsArticle (which
# search engines read for headline, date, authors and picture), not a
# SocialMediaPosting, which schema.org means for posts people share on a platform.
# Registered under its own name, as the articles' builder holds "NewsArticle".
@builder("Brief")
def brief_news_article(request, brief):
    url = absolute(request, brief.get_absolute_url())
    data = {
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "url": url,
        "headline": brief.headline[:110],
        "description": brief.summary,
        "datePublished": brief.published_at.isoformat() if brief.published_at else None,
        "dateModified": max(brief.updated_at, brief.published_at).isoformat()
        if brief.published_at
        else None,
        "author": [person(request, author) for author in brief.authors.all()],
        "publisher": organization(request),
        "keywords": [tag.name for tag in brief.tags.all()],
        "isAccessibleForFree": True,
        **language_and_translations(request, brief),
    }
    photo = image(request, brief.photo)
    if photo:
        data["image"] = [photo]
    if web_address(brief.link):
        data["isBasedOn"] = web_address(brief.link)
    return data
