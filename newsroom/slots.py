"""
Places on every page that apps above the ground fill: the sign-up box after an article,
a support prompt at the top of the page, in the News Feed or after an article.

The ground's templates name a place (`{% slot "after_article" %}`); an app registers what
it shows there in `AppConfig.ready()`, so the templates of lower apps never depend on
the apps that fill them. A filler returns safe HTML ("" for nothing) and keeps it current
itself, usually through `pagecache.cached_fragment`, so pages stay cacheable and exact.
"""

from django.utils.safestring import mark_safe

# The places templates name, in page order.
PLACES = ("top", "news_feed", "after_article", "footer")

_fillers = {place: [] for place in PLACES}


def register(place, render):
    """Show `render(context)` at `place`, after what is already registered there."""
    if place not in _fillers:
        raise ValueError(f"Unknown page place {place!r}; the places are {', '.join(PLACES)}.")
    if render not in _fillers[place]:
        _fillers[place].append(render)


def render(place, context):
    """What every filler of `place` shows, in registration order."""
    # Each filler returns HTML it built safely (a rendered template).
    return mark_safe("".join(filler(context) for filler in _fillers[place]))  # noqa: S308
