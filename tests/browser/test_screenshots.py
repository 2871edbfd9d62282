"""
Screenshots of the main pages, desktop and phone, for the README (docs/screenshots/).

Each run rewrites them, so committing the folder keeps the README's pictures current.
They are the visible part of the viewport, reduced to 256 colours to stay small.
"""

import io

import pytest
from django.urls import reverse
from PIL import Image

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


def save_small_png(png, path):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, dither=Image.Dither.NONE).save(path, optimize=True)


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

    FOLDER.mkdir(parents=True, exist_ok=True)
    save_small_png(page.screenshot(animations="disabled"), FOLDER / f"{name}-{viewport}.png")
