"""schema.org JSON-LD of articles and their photos."""

from django.utils.html import strip_tags

from authors.structured_data import person
from newsroom.stream import latest_items
from newsroom.structured_data import absolute, breadcrumbs, builder, organization

# The newest entries a live blog's JSON-LD carries (its first page of updates).
LIVE_BLOG_UPDATES = 20


def image(request, photo, caption=""):
    """The photo as an ImageObject; `caption` replaces its own (an article's override)."""
    if not photo or not photo.url:
        return None
    data = {
        "@type": "ImageObject",
        "url": absolute(request, photo.url),
        "caption": caption or photo.caption or photo.alt_text,
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


def language_and_translations(request, item):
    """`inLanguage` and the item's versions in other languages: the first published is
    the original (`translationOfWork` on the others, `workTranslation` on it)."""
    data = {"inLanguage": item.language}
    # A preview's draft has no publication time yet: it comes last.
    versions = sorted(
        [item, *item.live_translations],
        key=lambda version: (version.published_at is None, version.published_at or 0),
    )
    if len(versions) < 2:
        return data
    original, *translations = versions
    if item is original:
        data["workTranslation"] = [
            {"@id": absolute(request, version.get_absolute_url()), "inLanguage": version.language}
            for version in translations
        ]
    else:
        data["translationOfWork"] = {
            "@id": absolute(request, original.get_absolute_url()),
            "inLanguage": original.language,
        }
    return data


@builder("NewsArticle")
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
        "articleSection": article.section.translated("name"),
        "keywords": [tag.name for tag in article.tags.all()],
        "wordCount": len(article.body.split()),
        "isAccessibleForFree": True,
        **language_and_translations(request, article),
    }
    hero = image(request, article.hero_photo, article.hero_photo_caption)
    if hero:
        data["image"] = [hero]
    return [
        data,
        breadcrumbs(
            request,
            (article.section.translated("name"), article.section.get_absolute_url()),
            (article.headline, article.get_absolute_url()),
        ),
    ]


@builder("LiveBlogPosting")
def live_blog_posting(request, article):
    """The article as a LiveBlogPosting (a NewsArticle's kind for running coverage): its
    coverage times and its newest entries as BlogPostings."""
    article_data, trail = news_article(request, article)
    entries = latest_items(LIVE_BLOG_UPDATES, kinds=("brief",), live_blog=article)
    article_data |= {
        "@type": "LiveBlogPosting",
        "coverageStartTime": article.live_starts_at.isoformat(),
        "coverageEndTime": article.live_ends_at.isoformat() if article.live_ends_at else None,
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": entry.headline[:110],
                "datePublished": entry.published_at.isoformat(),
                "url": absolute(request, article.get_entry_url(entry)),
                "articleBody": " ".join(strip_tags(entry.body.replace("</p>", "</p> ")).split()),
            }
            for entry in (item.object for item in entries)
        ],
    }
    if entries:
        article_data["dateModified"] = max(
            article_data["dateModified"], entries[0].published_at.isoformat()
        )
    return [article_data, trail]
