"""
The sign-up box in the footer of every page and after every article: an address and one
button that joins the default list.

Pages are cached whole for every reader, so the box is the same for all of them (no CSRF
token; see signup.subscribe) and is kept as a fragment until a list changes: one query
the first time, none after.
"""

from django.template.loader import render_to_string

from newsroom import slots
from newsroom.pagecache import cached_fragment, list_tag

from .models import Newsletter

PLACES = {
    "footer": "newsletters/_signup_footer.html",
    "after_article": "newsletters/_signup_article.html",
}


def default_list():
    return Newsletter.objects.filter(is_public=True, is_default=True).first()


def box(place):
    """The filler of `place`: the box for the default public list, or "" without one."""

    def render(context):
        def draw():
            newsletter = default_list()
            if newsletter is None:
                return ""
            return render_to_string(PLACES[place], {"newsletter": newsletter})

        # A first default list joins a list that loaded no row to record.
        return cached_fragment(f"newsletter-signup-{place}", draw, depends=[list_tag(Newsletter)])

    return render


def register():
    for place in PLACES:
        slots.register(place, box(place))
