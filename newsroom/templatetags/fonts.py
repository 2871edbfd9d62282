from django import template
from django.utils.translation import get_language

from newsroom.fonts import web_fonts as collected_web_fonts

register = template.Library()


@register.inclusion_tag("includes/_web_fonts.html")
def web_fonts():
    """The web fonts' stylesheet and preload for the page's language, or nothing when
    they were not built."""
    return {"fonts": collected_web_fonts(get_language())}
