"""
The breaking-news bar in a browser, on the served demo site: an editor marks the demo
article from the article list, a reader sees the bar at the top of the home page (axe
and the Nu Html Checker find nothing wrong with it), and clearing it takes it away.
The home page with the bar is pictured for the docs, desktop and phone.
"""

import json
import subprocess

import pytest
from django.urls import reverse

from ..demo_site import LIBFAKETIME
from .conftest import DESKTOP, PHONE, node_tool
from .test_accessibility import describe, run_axe
from .test_html_validity import fetch, is_error
from .test_screenshots import FOLDER, looks_different, small


def apply_action(page, site, slug, action):
    """Pick the article whose slug is `slug` in the article list and run `action` on it."""
    page.goto(site.origin + reverse("admin:articles_article_changelist") + f"?q={slug}")
    page.locator("#result_list input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option(action)
    page.get_by_role("button", name="Go").click()
    page.locator(".messagelist").wait_for()


@pytest.fixture
def breaking_article(site, new_page, log_in):
    """The demo article, marked as breaking news for the test, cleared after it (the site
    is shared with the other browser tests)."""
    editor = new_page()
    log_in(editor)
    slug = site.paths["article"].rstrip("/").rsplit("/", 1)[-1]
    apply_action(editor, site, slug, "mark_breaking")
    assert "is breaking news until" in editor.locator(".messagelist").inner_text()
    yield site.paths["article"]
    apply_action(editor, site, slug, "clear_breaking")


def test_readers_see_the_bar_and_follow_it(site, new_page, breaking_article):
    page = new_page()
    page.goto(site.url("home"))
    bar = page.get_by_role("region", name="Breaking news")
    assert bar.is_visible()
    headline = bar.get_by_role("link")
    # The bar comes first after the skip link: the first thing read and the first tab stop.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert headline.evaluate("link => link === document.activeElement")
    headline.click()
    assert page.url == site.origin + breaking_article


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_the_bar_has_no_accessibility_violations(
    site, new_page, breaking_article, report, colour_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    page = new_page(color_scheme=colour_scheme, bypass_csp=True)
    page.goto(site.url("home"))
    page.get_by_role("region", name="Breaking news").wait_for()
    violations = run_axe(page, axe)["violations"]
    report(f"axe home with breaking news ({colour_scheme}): {len(violations)} violations")
    assert not violations, describe(violations)


def test_the_bar_is_valid_html(site, java, breaking_article, tmp_path):
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    html = tmp_path / "home.html"
    html.write_bytes(fetch(site.url("home")))
    assert b'class="breaking"' in html.read_bytes()
    done = subprocess.run(  # noqa: S603 - Java running the checker from node_modules
        [java, "-jar", vnu, "--format", "json", "--stdout", "--exit-zero-always", html],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = [m for m in json.loads(done.stdout)["messages"] if is_error(m)]
    assert not errors, errors


@pytest.mark.skipif(
    not LIBFAKETIME.exists(),
    reason="the site's clock cannot stand still without libfaketime: apt-get install faketime",
)
def test_screenshots_of_the_bar(site, new_page, breaking_article):
    for name, viewport in {"desktop": DESKTOP, "phone": PHONE}.items():
        phone = name == "phone"
        page = new_page(viewport=viewport, is_mobile=phone, has_touch=phone)
        page.goto(site.url("home"), wait_until="networkidle")
        image = small(page.screenshot(animations="disabled"))
        path = FOLDER / f"breaking-bar-{name}.png"
        if looks_different(image, path):
            image.save(path, optimize=True)


def test_an_open_page_shows_the_bar_when_an_item_is_marked_and_drops_it_when_cleared(
    site, new_page, log_in
):
    reader = new_page()
    reader.clock.install()
    reader.goto(site.url("home"))
    bar = reader.get_by_role("region", name="Breaking news")
    assert bar.count() == 0
    editor = new_page()
    log_in(editor)
    slug = site.paths["article"].rstrip("/").rsplit("/", 1)[-1]
    apply_action(editor, site, slug, "mark_breaking")
    try:
        with reader.expect_response(lambda response: "/feed/updates/" in response.url):
            reader.clock.fast_forward("00:30")
        bar.wait_for()
        assert bar.get_by_role("link").get_attribute("href") == site.paths["article"]
        assert reader.locator("[data-stream-status]").inner_text().startswith("Breaking news: ")
    finally:
        apply_action(editor, site, slug, "clear_breaking")
    # A browser may keep an answer for five seconds: this poll must ask again.
    reader.wait_for_timeout(6000)
    with reader.expect_response(lambda response: "/feed/updates/" in response.url):
        reader.clock.fast_forward("00:30")
    bar.wait_for(state="detached")
