"""
Screenshots of the main pages, desktop and phone, for the README (docs/screenshots/).

Each run rewrites a picture whose page looks different, so committing the folder keeps
the README's current. Pages that differ only in a few glyphs (the demo's timestamps
move with the clock) are left alone, so a test run does not dirty the working tree.
Pictures are the visible viewport, reduced to 256 colours to stay small.
"""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageChops

from .conftest import DESKTOP, PHONE
from .tools import ROOT

FOLDER = ROOT / "docs" / "screenshots"
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
# Name: (path, or a page type from pages.py; whether the demo editor must be signed in).
SCREENSHOTS = {
    "home": ("home", False),
    "article": ("article", False),
    "admin-articles": (reverse("admin:articles_article_changelist"), True),
}


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
def test_screenshot(site, new_page, log_in, name, viewport):
    where, as_editor = SCREENSHOTS[name]
    phone = viewport == "phone"
    page = new_page(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)
    if as_editor:
        log_in(page)
    url = site.url(where) if where in site.paths else site.origin + where
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200

    image = small(page.screenshot(animations="disabled"))
    path = FOLDER / f"{name}-{viewport}.png"
    if looks_different(image, path):
        FOLDER.mkdir(parents=True, exist_ok=True)
        image.save(path, optimize=True)
