"""
The demo's support campaign in a browser, on the served demo site: the top bar and the box
after the article, each dismissed with its button without a request or a cookie, still
hidden after a reload (with no layout shift), shown again once an editor changes it, and
simply shown without JavaScript. axe finds nothing wrong with the prompts, the News Feed
card included. The article page with both is pictured for the docs, desktop and phone.
"""

import pytest
from django.urls import reverse

from demo.support import PROMPTS

from ..demo_site import LIBFAKETIME
from .conftest import DESKTOP, PHONE, node_tool
from .test_accessibility import describe, run_axe
from .test_fonts import LAYOUT_SHIFT
from .test_screenshots import FOLDER, looks_different, small

TOP_HEADING, BOX_HEADING = (prompt["heading"] for prompt in PROMPTS if prompt["language"] == "en")


def top_bar(page):
    return page.get_by_role("region", name=TOP_HEADING)


def box(page):
    return page.get_by_role("region", name=BOX_HEADING)


def open_prompt(page, site, heading):
    """The admin's change form of the demo prompt headed `heading`."""
    page.goto(site.origin + reverse("admin:support_prompt_changelist") + f"?q={heading}")
    page.get_by_role("link", name=heading, exact=True).click()


def change_heading(page, site, heading, new_heading):
    open_prompt(page, site, heading)
    page.get_by_label("Heading").fill(new_heading)
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist").wait_for()


@pytest.fixture
def reader(site, new_page):
    page = new_page()
    page.goto(site.url("article"))
    return page


def test_dismissing_needs_no_request_and_sets_no_cookie(reader):
    requests = []
    reader.wait_for_load_state("networkidle")
    reader.on("request", lambda request: requests.append(request))
    for prompt in (box(reader), top_bar(reader)):
        assert prompt.is_visible()
        prompt.get_by_role("button", name="Dismiss").click()
        assert prompt.is_hidden()
    reader.wait_for_timeout(500)
    # The page closes up, and lazy pictures that come into view load: nothing else.
    told = [f"{r.method} {r.url}" for r in requests if r.resource_type != "image"]
    assert told == [], "dismissing told the site nothing"
    assert reader.context.cookies() == []
    stored = reader.evaluate("Object.keys(localStorage).filter(k => k.startsWith('support:'))")
    assert len(stored) == 2


def test_a_dismissed_prompt_stays_hidden_after_a_reload_without_moving_the_page(reader, report):
    for prompt in (top_bar(reader), box(reader)):
        prompt.get_by_role("button", name="Dismiss").click()
    reader.reload(wait_until="networkidle")
    assert top_bar(reader).is_hidden()
    assert box(reader).is_hidden()
    shift = reader.evaluate(LAYOUT_SHIFT)
    report(f"layout shift of the article page with both prompts dismissed: {shift:.4f}")
    assert shift == 0


def test_an_edited_prompt_shows_again(site, reader, new_page, log_in):
    box(reader).get_by_role("button", name="Dismiss").click()
    editor = new_page()
    log_in(editor)
    edited = f"{BOX_HEADING}: the last week"
    change_heading(editor, site, BOX_HEADING, edited)
    try:
        reader.reload()
        shown = reader.get_by_role("region", name=edited)
        assert shown.is_visible()
        assert shown.get_by_role("button", name="Dismiss").is_visible()
        assert top_bar(reader).is_visible(), "the other prompt was never dismissed"
    finally:
        # The site is shared with the other browser tests.
        change_heading(editor, site, edited, BOX_HEADING)


def test_without_javascript_prompts_show_with_no_dismiss_button(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url("article"))
    for prompt in (top_bar(page), box(page)):
        assert prompt.is_visible()
        assert prompt.get_by_role("link", name="Become a member").is_visible()
        assert prompt.get_by_role("button", name="Dismiss").count() == 0


@pytest.fixture
def news_feed_card(site, new_page, log_in):
    """A News Feed card for the test, deleted after it."""
    editor = new_page()
    log_in(editor)
    editor.goto(site.origin + reverse("admin:support_prompt_add"))
    editor.get_by_label("Placement").select_option("news_feed")
    editor.get_by_label("Heading").fill("Read the News Feed every day?")
    editor.get_by_label("Text").fill("Give once, and help us keep it going.")
    editor.get_by_label("Button label").fill("Give once")
    editor.get_by_label("Link").fill("https://example.org/give")
    editor.get_by_role("button", name="Save", exact=True).click()
    editor.locator(".messagelist").wait_for()
    yield "Read the News Feed every day?"
    open_prompt(editor, site, "Read the News Feed every day?")
    editor.get_by_role("link", name="Delete").click()
    editor.get_by_role("button", name="Yes, I’m sure").click()
    editor.locator(".messagelist").wait_for()


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_prompts_have_no_accessibility_violations(
    site, new_page, news_feed_card, report, colour_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    page = new_page(color_scheme=colour_scheme, bypass_csp=True)
    for page_type, regions in {
        "article": [TOP_HEADING, BOX_HEADING],
        "feed": [TOP_HEADING, news_feed_card],
    }.items():
        page.goto(site.url(page_type), wait_until="networkidle")
        for name in regions:
            region = page.get_by_role("region", name=name)
            assert region.is_visible()
            assert region.get_by_role("button", name="Dismiss").is_visible()
        violations = run_axe(page, axe)["violations"]
        report(f"axe {page_type} with support prompts ({colour_scheme}): {len(violations)}")
        assert not violations, describe(violations)


@pytest.mark.skipif(
    not LIBFAKETIME.exists(),
    reason="the site's clock cannot stand still without libfaketime: apt-get install faketime",
)
def test_screenshots_of_the_prompts(site, new_page):
    for name, viewport in {"desktop": DESKTOP, "phone": PHONE}.items():
        phone = name == "phone"
        page = new_page(viewport=viewport, is_mobile=phone, has_touch=phone)
        page.goto(site.url("article"), wait_until="networkidle")
        pictures = {"top": page.screenshot(animations="disabled")}
        box(page).scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -40)")
        pictures["box"] = page.screenshot(animations="disabled")
        for part, png in pictures.items():
            image = small(png)
            path = FOLDER / f"support-{part}-{name}.png"
            if looks_different(image, path):
                image.save(path, optimize=True)
