"""schema.org JSON-LD of quotes and videos."""

from articles.structured_data import image
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
    }
    if web_address(quote.source_url):
        data["isBasedOn"] = web_address(quote.source_url)
    elif quote.story:
        data["isBasedOn"] = absolute(request, quote.story.get_absolute_url())
    return data
