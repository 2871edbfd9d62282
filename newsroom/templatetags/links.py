"""Addresses from plain fields, made safe to put into href or cite."""

from django import template

from newsroom.sanitize import web_address as safe_web_address

register = template.Library()


@register.filter
def web_address(url):
    """The address if it is an http(s) one, else "": `{{ quote.source_url|web_address }}`."""
    return safe_web_address(url)
