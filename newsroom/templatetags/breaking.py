"""{% breaking_bar %}: the breaking-news bar, or nothing when no item is breaking news."""

from django import template

from newsroom import breaking

register = template.Library()


@register.simple_tag
def breaking_bar():
    # A rendered template, so safe HTML, and it stays so through the fragment cache.
    return breaking.bar_html()
