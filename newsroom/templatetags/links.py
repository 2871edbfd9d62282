"""Addresses from plain fields, made safe to put into href or cite."""

from django import template

from newsroom.sanitize import web_address as safe_web_address

register = template.Library()


@register.filter
def web_address(url):
    """The address if it is an http(s) one, else "": `{{ quote.source_url|web_address }}`."""
    return safe_web_address(url)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`{% absolute_url photo.url as address %}`: a path made absolute for the context's
    request, an absolute address kept as it is (media on a CDN, an imported photo left on
    its old host); "" unless the result is an http(s) address."""
    if not url:
        return ""
    request = context.get("request")
    return safe_web_address(request.build_absolute_uri(url) if request else url)
