"""Text made safe for where it goes."""

from django import template

from newsroom.sanitize import xml_text as strip_xml_illegal

register = template.Library()


@register.filter
def xml_text(value):
    """`{{ article.headline|xml_text }}`: without what XML cannot carry (control characters)."""
    return strip_xml_illegal(value)
