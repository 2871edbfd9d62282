"""Form data as the admin's article and photo pages would post it, for tests that post like a browser."""

from django.utils import timezone

from articles.concurrent_edits import version_of


def article_form_data(article=None, *, authors=(), section=None, **overrides):
    """
    POST data for the article add/change page. `authors` fills the byline in order;
    with an existing `article` its current values are posted unless overridden. The
    status moves with the workflow buttons: pass `_workflow=<status>`.
    """
    data = {
        "headline": "Bridge reopens after repairs",
        "slug": "bridge-reopens",
        "standfirst": "",
        "body": "<p>Traffic flows again across the river.</p>",
        "section": section.pk if section else "",
        "tags": "",
        "hero_photo": "",
        "seo_title": "",
        "seo_description": "",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    if article is not None:
        data |= {
            "headline": article.headline,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": article.body,
            "section": article.section_id or "",
            "hero_photo": article.hero_photo_id or "",
            # The edit form carries the version it was opened on.
            "opened_version": version_of(article),
        }
        if article.published_at:
            local = timezone.localtime(article.published_at)
            data |= {
                "published_at_0": local.strftime("%Y-%m-%d"),
                "published_at_1": local.strftime("%H:%M:%S"),
            }
        credits = list(article.credits.all())
        data["credits-INITIAL_FORMS"] = str(len(credits))
        for index, credit in enumerate(credits):
            data |= {
                f"credits-{index}-id": credit.pk,
                f"credits-{index}-article": article.pk,
                f"credits-{index}-author": credit.author_id,
                f"credits-{index}-position": credit.position,
            }
        offset = len(credits)
    else:
        offset = 0
    for index, author in enumerate(authors, start=offset):
        data |= {
            f"credits-{index}-author": author.pk,
            f"credits-{index}-position": str(index),
        }
    data["credits-TOTAL_FORMS"] = str(offset + len(authors))
    data |= overrides
    return data


def publish_time_fields(moment):
    local = timezone.localtime(moment)
    return {
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }


def opened_version(page):
    """The version an edit page's form was opened on, to post back with it."""
    return page.context["adminform"].form["opened_version"].value()


def photo_form_data(photo, **changes):
    """POST data for a photo's change page: its current values unless overridden."""
    return {
        "alt_text": photo.alt_text,
        "caption": photo.caption,
        "photographer": photo.photographer,
        "agency": photo.agency,
        "focal_x": photo.focal_x,
        "focal_y": photo.focal_y,
        "source_url": photo.source_url,
    } | changes
