"""
The sign-up box in the footer of every page and after every article: an address and one
button that joins the default list.

Pages are cached whole for every reader, so the box is the same for all of them (no CSRF
token; see signup.subscribe), and the default list it names is kept as a fragment until
a list changes: one query the first time, none after, for both boxes on a page.
"""

from django.template.loader import render_to_string

from newsroom import slots
from newsroom.pagecache import cached_fragment, list_tag

from .models import Newsletter

TEMPLATES = {
    "footer": "newsletters/_signup_footer.html",
    "after_article": "newsletters/_signup_article.html",
}


def default_list():
    """The public default list, or None."""
    return cached_fragment(
        "newsletter-default-list",
        lambda: Newsletter.objects.filter(is_public=True, is_default=True).first(),
        # A first default list joins a list that loaded no row to record.
        depends=[list_tag(Newsletter)],
    )


def box(template):
    """A filler drawing `template` for the default list, or nothing without one."""

    def render(context):
        newsletter = default_list()
        if newsletter is None:
            return ""
        return render_to_string(template, {"newsletter": newsletter})

    return render


def register():
    for place, template in TEMPLATES.items():
        slots.register(place, box(template))
