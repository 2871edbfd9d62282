"""
HTML sanitising for everything editors, importers and feeds put into article bodies.

The allow-list is what a news article needs (text structure, links, quotes, lists,
tables, figures with images); everything else, and every attribute that can carry
script, is removed by nh3 (the Rust `ammonia` sanitiser).
"""

import re
from urllib.parse import urlsplit

import nh3
from django.db import models
from django.db.models.signals import pre_save

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "small", "mark", "abbr", "cite", "q", "code", "pre", "kbd", "blockquote", "ul", "ol",
    "li", "dl", "dt", "dd", "a", "figure", "figcaption", "img", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "th", "td", "span",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start", "reversed"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# ammonia checks schemes on href and src but not on `cite`, which readers' tools may follow.
CHECKED_URL_ATTRIBUTES = {"cite"}


def _drop_unsafe_urls(element, attribute, value):
    """nh3 attribute filter: keep a `cite` only when it is relative or uses an allowed scheme."""
    if attribute in CHECKED_URL_ATTRIBUTES:
        scheme, colon, _ = "".join(value.split()).partition(":")
        if colon and "/" not in scheme and scheme.lower() not in URL_SCHEMES:
            return None
    return value


def sanitize_html(html):
    """Return `html` reduced to the allow-list; links get a safe `rel`."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_drop_unsafe_urls,
    )


# A non-breaking space in any of the ways HTML spells one: the character itself, the
# named entity nh3 writes for it, and the numeric references other tools write.
NON_BREAKING_SPACE = re.compile("\u00a0|&nbsp;|&#0*160;|&#[xX]0*[aA]0;")


def breakable_spaces(html):
    """`html` with every non-breaking space made a plain one.

    Every one, not only the patterns an editor leaves (runs of spaces, the end of a text
    node): a browser editing without ProseMirror's `white-space` rule made each typed
    space non-breaking, so a paragraph could not wrap and was wider than a phone. A
    writer's deliberate one (between a number and its unit, before French punctuation)
    looks exactly the same in the stored HTML, so it goes too: the cost is a line that
    may break at "10 | km", against a page that scrolls sideways. A run of plain spaces
    shows as one, as a run of typed spaces does on the page.
    """
    return NON_BREAKING_SPACE.sub(" ", html) if html else html


WEB_SCHEMES = {"http", "https"}


def web_address(url):
    """`url` when it is an absolute http(s) address, otherwise "".

    For addresses stored in plain fields (author websites, quote sources, video files) that
    templates put into href or cite: the admin's forms accept only http(s), but importers
    and scripts skip form validation, and a "javascript:" address there would run on click.
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else ""


# What XML 1.0 cannot carry: C0 controls but tab, newline and return, lone surrogates,
# U+FFFE and U+FFFF. Text pasted from PDFs and spreadsheets brings them (a vertical tab
# in a headline), and a feed or sitemap holding one is not XML at all.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """`value` without the characters XML cannot carry."""
    return XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def _strip_illegal_characters(sender, instance, **kwargs):
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and XML_ILLEGAL.search(value):
                setattr(instance, field.attname, xml_text(value))


def keep_text_xml_safe(*models_):
    """Strip what XML cannot carry from every text field of `models_` on every save
    (admin, importer, shell), so feeds, sitemaps and pages can always carry their text."""
    for model in models_:
        pre_save.connect(
            _strip_illegal_characters,
            sender=model,
            dispatch_uid=f"xml-safe:{model._meta.label_lower}",
            weak=False,
        )
