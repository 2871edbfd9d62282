"""
The prompts on pages: one per place, the same HTML for every reader, so pages carrying
them stay cacheable.

Each edition has its own prompts, in its language. All places are drawn together from
one query and kept as one shared fragment (per edition, as every fragment): a prompt
saved, deleted or scheduled refreshes every page exactly (the prompts' list tag, which
the fragment records), and the next start or end bounds page lifetimes (the model's
`next_change_at`, given to the page cache in apps.py). A reader's dismissal is kept in
their browser alone (static/js/site.js), so it changes nothing here.
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from newsroom import pagecache

from .models import Prompt

TEMPLATE = "support/_prompt.html"


def shown():
    """{placement: the prompt readers see there} for the places that have one, in the
    edition of the page."""
    chosen = {}
    # Newest start first: the first of each placement wins.
    for prompt in Prompt.objects.shown().filter(language=get_language()):
        chosen.setdefault(prompt.placement, prompt)
    return chosen


def render_all():
    """{placement: HTML} for every place, "" where there is no prompt."""
    chosen = shown()
    return {
        placement: render_to_string(TEMPLATE, {"prompt": chosen[placement]})
        if placement in chosen
        else ""
        for placement in Prompt.Placement.values
    }


def prompts_html(request):
    """What `render_all()` gives, through the shared fragment, once per request."""
    # Kept on the request: a page with two places asks the fragment cache (or, drawn
    # afresh, the database) once, not once per place.
    if request is not None and hasattr(request, "_support_prompts"):
        return request._support_prompts
    html = pagecache.cached_fragment(
        "support-prompts", render_all, depends=[pagecache.list_tag(Prompt)]
    )
    if request is not None:
        request._support_prompts = html
    return html


def _filler(placement):
    def render(context):
        return prompts_html(context.get("request"))[placement]

    return render


# The slot fillers (newsroom.slots), made once so registering them again changes nothing.
FILLERS = {placement: _filler(placement) for placement in Prompt.Placement.values}
