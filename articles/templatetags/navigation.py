"""The site navigation, the same for every reader so whole pages stay cacheable."""

from django import template

from articles.models import Section
from newsroom.pagecache import cached_fragment

register = template.Library()


@register.inclusion_tag("includes/_navigation.html", takes_context=True)
def site_navigation(context):
    request = context.get("request")
    return {
        "sections": cached_fragment(
            "navigation-sections", lambda: list(Section.objects.only("name", "slug"))
        ),
        "current_path": request.path if request else "",
    }
