from django import template

from newsroom.fonts import web_fonts as collected_web_fonts

register = template.Library()


@register.inclusion_tag("includes/_web_fonts.html")
def web_fonts():
    """The web fonts' stylesheet and preload, or nothing when they were not built."""
    return {"fonts": collected_web_fonts()}
