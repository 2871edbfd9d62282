"""
The web fonts in a browser: the article page sets its text in Source Serif 4 and its
labels in Source Sans 3, fetched from the site itself; Ukrainian text brings the
Cyrillic subset; the preloaded files are used and nothing shifts as the fonts arrive.
Which font Chromium actually drew each element with comes from the DevTools protocol,
not from the CSS.
"""

from urllib.parse import urlsplit

import pytest

from newsroom import fonts

from .conftest import PHONE, node_tool

# The families as site.css names them, and as the font files name themselves.
SERIF, SERIF_FILE = "Source Serif 4 Variable", "Source Serif 4"
SANS, SANS_FILE = "Source Sans 3 Variable", "Source Sans 3"
UKRAINIAN = "Стрічка новин"
# The page's layout shifts so far (Cumulative Layout Shift, without the buffered entries'
# reader input); a web font swapped in with other metrics shifts the text after it.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 100);
})"""


@pytest.fixture
def font_packages():
    for family in fonts.FAMILIES:
        node_tool(f"{family.package}/package.json")


@pytest.fixture
def font_responses(page):
    responses = []
    page.on(
        "response",
        lambda response: response.request.resource_type == "font" and responses.append(response),
    )
    return responses


def glyphs_drawn_in(page, selector, family):
    """How many of the first `selector` element's glyphs Chromium drew with a web font of
    `family` (the name in the font file, which may add its default instance's, such as
    "Source Sans 3 ExtraLight")."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return sum(
        font["glyphCount"]
        for font in used
        if font["isCustomFont"] and font["familyName"].startswith(family)
    )


def test_article_text_and_labels_are_set_in_the_sites_own_web_fonts(
    site, page, visit, font_responses, font_packages, report
):
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    visit(page, "article", wait_until="networkidle")
    page.evaluate("document.fonts.ready")

    assert font_responses, "the article page loaded no web font"
    elsewhere = [r.url for r in font_responses if not r.url.startswith(site.origin + "/")]
    assert not elsewhere, f"fonts from other sites: {elsewhere}"
    assert all(r.status == 200 for r in font_responses)
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert SERIF in loaded and SANS in loaded
    assert glyphs_drawn_in(page, ".article-body p", SERIF_FILE)
    assert glyphs_drawn_in(page, "h1", SERIF_FILE)
    assert glyphs_drawn_in(page, ".byline", SANS_FILE)
    # Chromium warns when a preloaded file goes unused: the preloads name faces in use.
    assert not [text for text in warnings if "preload" in text], warnings
    report(
        "article page fonts: "
        + ", ".join(
            f"{urlsplit(r.url).path.rsplit('/', 1)[-1].split('.')[0]} {len(r.body()) / 1024:.1f} KB"
            for r in font_responses
        )
    )


def test_nothing_shifts_as_the_fonts_arrive_on_a_phone(site, new_page, visit, font_packages):
    # At a phone's width the header's labels wrap: set in the fallback and then swapped,
    # they shift everything below them (0.06 here with the serif alone preloaded).
    page = new_page(viewport=PHONE)
    visit(page, "article", wait_until="networkidle")
    page.evaluate("document.fonts.ready")

    assert page.evaluate(LAYOUT_SHIFT) < 0.01


def test_ukrainian_text_brings_the_cyrillic_subset(page, visit, font_responses, font_packages):
    visit(page, "article", wait_until="networkidle")
    assert not [r for r in font_responses if "-cyrillic-" in r.url], "Cyrillic before any"

    page.locator("h1").evaluate("(h1, text) => { h1.textContent = text; }", UKRAINIAN)
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")

    cyrillic = [urlsplit(r.url).path for r in font_responses if "-cyrillic-wght-" in r.url]
    assert cyrillic, "no Cyrillic subset was fetched for Ukrainian text"
    assert all(path.startswith("/static/fonts/source-serif-4-cyrillic-") for path in cyrillic)
    assert glyphs_drawn_in(page, "h1", SERIF_FILE) == len(UKRAINIAN)
