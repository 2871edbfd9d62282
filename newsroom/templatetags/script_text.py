"""{% script_text %}: the words static/js/site.js shows or announces, in the page's language.

The script has no words of its own: it reads them from this JSON block, drawn with the
page, rather than asking for Django's JavaScript catalog in a second request. A count
comes in every plural form of the language, each drawn for one count that takes it
(1, 2 and 5: "1 новий матеріал", "2 нові матеріали", "5 нових матеріалів"; English uses
the first two), and the script picks the form with the language's rule; "%(count)s"
and the other placeholders are left for it to fill.
"""

import functools
import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from newsroom.templatetags.seo import SCRIPT_ESCAPES

register = template.Library()

# One count for each plural form, in the order of the catalogs' Plural-Forms.
PLURAL_SAMPLES = (1, 2, 5)


def plural_forms(translate):
    """`translate` (a count → its ngettext) for each count in PLURAL_SAMPLES."""
    return [translate(count) for count in PLURAL_SAMPLES]


@register.simple_tag
def script_text():
    return script_text_html(get_language())


# The words change only with the language and the catalogs, which a release fixes.
@functools.cache
def script_text_html(language):
    """The block for `language`, the active language."""
    text = {
        "language": language,
        "loading": gettext("Loading…"),
        "noMore": gettext("No more items."),
        "moreLoaded": plural_forms(
            lambda n: ngettext("%(count)s more item loaded.", "%(count)s more items loaded.", n)
        ),
        "playVideo": gettext("Play video"),
        "playVideoTitled": gettext("Play video: %(title)s"),
        "breaking": gettext("Breaking news: %(headline)s"),
        "updated": plural_forms(
            lambda n: ngettext("%(count)s item updated.", "%(count)s items updated.", n)
        ),
        "newItems": plural_forms(
            lambda n: ngettext("%(count)s new item", "%(count)s new items", n)
        ),
        "moreThanNew": plural_forms(
            lambda n: ngettext("More than %(count)s new item", "More than %(count)s new items", n)
        ),
        "offered": plural_forms(
            lambda n: ngettext(
                "%(count)s new item: the button at the top of the screen shows it.",
                "%(count)s new items: the button at the top of the screen shows them.",
                n,
            )
        ),
        "moreThanOffered": plural_forms(
            lambda n: ngettext(
                "More than %(count)s new item: the button at the top of the screen shows them.",
                "More than %(count)s new items: the button at the top of the screen shows them.",
                n,
            )
        ),
        "shown": plural_forms(
            lambda n: ngettext("%(count)s new item shown.", "%(count)s new items shown.", n)
        ),
        "added": plural_forms(
            lambda n: ngettext(
                "%(count)s new item added at the top.", "%(count)s new items added at the top.", n
            )
        ),
    }
    # Not json_script, which writes each Cyrillic letter in six bytes. Safe: the escapes
    # leave no <, > or & for the HTML parser to act on.
    data = json.dumps(text, ensure_ascii=False, separators=(",", ":"))
    escaped = mark_safe(data.translate(SCRIPT_ESCAPES))  # noqa: S308
    return format_html('<script id="site-text" type="application/json">{}</script>', escaped)
