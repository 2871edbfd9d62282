"""What a reader sees and does in the browser: following a story, a phone, dark mode."""

import pytest

from .conftest import PHONE
from .pages import PAGE_TYPES
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

READER_PAGES = [name for name in PAGE_TYPES if not name.startswith("admin")]

# Relative luminance and contrast ratio as WCAG defines them, of the colour a reader
# actually sees behind an element: the first non-transparent background up the tree.
COLOURS = """
element => {
  const channels = colour => colour.match(/[\\d.]+/g).map(Number);
  const luminance = colour => {
    const [r, g, b] = channels(colour).slice(0, 3).map(value => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let node = element, background = "rgba(0, 0, 0, 0)";
  while (node && (background === "rgba(0, 0, 0, 0)" || background === "transparent")) {
    background = getComputedStyle(node).backgroundColor;
    node = node.parentElement;
  }
  if (background === "rgba(0, 0, 0, 0)") background = "rgb(255, 255, 255)";
  const text = getComputedStyle(element).color;
  const [light, dark] = [luminance(background), luminance(text)].sort((a, b) => b - a);
  return {background, text, backgroundLuminance: luminance(background),
          contrast: (light + 0.05) / (dark + 0.05)};
}
"""


def test_reader_follows_the_newest_story_from_the_home_page(site, page, visit):
    visit(page, "home")
    expect(page).to_have_title("The Newsroom")
    story_link = page.get_by_role("main").locator(f'a[href="{site.paths["article"]}"]').first
    headline = story_link.inner_text().strip()

    story_link.click()

    expect(page).to_have_url(site.url("article"))
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page).to_have_title(f"{headline} | The Newsroom")
    expect(page.get_by_role("main").get_by_text("min read").first).to_be_visible()
    photo = page.get_by_role("main").get_by_role("img").first
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the photo did not load"


@pytest.mark.parametrize("page_type", READER_PAGES)
def test_page_fits_a_phone_screen_without_sideways_scrolling(new_page, visit, page_type):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    visit(page, page_type)

    # A phone zooms out to fit a page wider than itself, widening window.innerWidth, so
    # compare with the screen's own width.
    widths = page.evaluate(
        "() => ({page: document.documentElement.scrollWidth, visible: window.innerWidth})"
    )
    assert widths["page"] <= PHONE["width"], f"{page_type} scrolls sideways: {widths}"
    assert widths["visible"] == PHONE["width"], f"{page_type} is zoomed out: {widths}"
    for image in page.get_by_role("img").all():
        box = image.bounding_box()
        assert box is None or box["x"] + box["width"] <= PHONE["width"] + 0.5


def test_dark_mode_darkens_the_page_and_keeps_text_readable(page, visit):
    visit(page, "article")
    headline = page.get_by_role("heading", level=1)
    light = headline.evaluate(COLOURS)

    page.emulate_media(color_scheme="dark")
    dark = headline.evaluate(COLOURS)

    assert light["backgroundLuminance"] > 0.8, f"light mode background: {light}"
    assert dark["backgroundLuminance"] < 0.05, f"dark mode background: {dark}"
    assert dark["background"] != light["background"]
    for scheme in (light, dark):
        assert scheme["contrast"] >= 7, f"headline hard to read: {scheme}"


def test_keyboard_reader_can_skip_to_the_content(page, visit):
    visit(page, "article")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.get_by_role("main")).to_be_focused()
