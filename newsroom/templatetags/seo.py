"""Structured data and feed links for page heads."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsroom.structured_data import build

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a headline must not end or change the element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, kind, obj=None):
    """<script type="application/ld+json"> describing `obj` as schema.org `kind`."""
    data = json.dumps(build(kind, context["request"], obj), ensure_ascii=False)
    # Safe: the escapes above leave no <, > or & for the HTML parser to act on.
    escaped = mark_safe(data.translate(SCRIPT_ESCAPES))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', escaped)
