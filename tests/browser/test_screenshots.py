"""
Screenshots of the main pages, desktop and phone, for the README (docs/screenshots/).

Each run rewrites a picture whose page looks different, so committing the folder keeps
the README's current. The site's clock stands still (site.CLOCK, through libfaketime),
so the demo's times are the same on any day and an unchanged page stays unchanged;
without libfaketime the pictures are not rewritten. Pages that differ only in a few
glyphs are left alone. Pictures are the visible viewport, reduced to 256 colours to
stay small.
"""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageChops

from ..demo_site import LIBFAKETIME
from .conftest import DESKTOP, PHONE
from .tools import ROOT

FOLDER = ROOT / "docs" / "screenshots"
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
# Name: (path, or a page type from pages.py; whether the demo editor must be signed in).
SCREENSHOTS = {
    "home": ("home", False),
    "article": ("article", False),
    "news-feed": ("feed", False),
    "author": ("author", False),
    "section": ("section", False),
    "tag": ("tag", False),
    "search": ("search", False),
    "quote": ("quote", False),
    "video": ("video", False),
    "brief": ("brief", False),
    "live-blog": ("live-blog", False),
    "newsletter": ("newsletter", False),
    "newsletter-issue": ("newsletter-issue", False),
    "uk-home": ("uk-home", False),
    "uk-article": ("uk-article", False),
    "uk-news-feed": ("uk-feed", False),
    "admin-articles": (reverse("admin:articles_article_changelist"), True),
    "admin-desk": (reverse("admin:index"), True),
    "admin-writing": ("admin-article", True),
}
# Pictures that start further down the page: what the page is about is below the fold.
SCROLL_TO = {"live-blog": ".live-summary"}
# Left out of the pictures: the sidebar of recent actions and who else has an article open,
# which are whatever the tests before did (test_editor_flow names its article at random).
HIDDEN = "#content-related, .others-editing"


# Share of pixels that must change for a picture to be rewritten, and by how much
# (out of 255) a pixel must change to count: more than the 256-colour reduction moves it.
CHANGED_SHARE = 0.01
CHANGED_LEVEL = 48


def small(png):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image.quantize(colors=256, dither=Image.Dither.NONE)


def looks_different(image, path):
    if not path.exists():
        return True
    with Image.open(path) as saved:
        if saved.size != image.size:
            return True
        difference = ImageChops.difference(saved.convert("RGB"), image.convert("RGB"))
    changed = sum(difference.convert("L").histogram()[CHANGED_LEVEL:])
    return changed > CHANGED_SHARE * image.width * image.height


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", SCREENSHOTS)
@pytest.mark.skipif(
    not LIBFAKETIME.exists(),
    reason="the site's clock cannot stand still without libfaketime: apt-get install faketime",
)
def test_screenshot(site, new_page, log_in, name, viewport):
    where, as_editor = SCREENSHOTS[name]
    phone = viewport == "phone"
    page = new_page(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)
    if as_editor:
        log_in(page)
    url = site.url(where) if where in site.paths else site.origin + where
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200

    if name in SCROLL_TO:
        page.locator(SCROLL_TO[name]).evaluate(
            'element => element.scrollIntoView({behavior: "instant"})'
        )
    # Through the DOM: the page's Content-Security-Policy refuses an injected stylesheet.
    for element in page.locator(HIDDEN).all():
        element.evaluate("element => { element.style.visibility = 'hidden'; }")
    image = small(page.screenshot(animations="disabled"))
    path = FOLDER / f"{name}-{viewport}.png"
    if looks_different(image, path):
        FOLDER.mkdir(parents=True, exist_ok=True)
        image.save(path, optimize=True)
