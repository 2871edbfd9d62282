"""
The News Feed updates itself, in the browser: a brief an editor publishes reaches pages
already open on the News Feed and on an article, at the top for a reader who has not
scrolled, behind a button for one who has, and without moving what they read; edits
redraw it, unpublishing removes it; a hidden tab does not poll; without JavaScript a
reload shows the same.

The readers' pages run on Playwright's clock, so the 20-second poll comes when the test
moves time on rather than after a wait; requests and the site's own clock are real.
"""

import re
import uuid

import pytest

from .conftest import PHONE
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

UPDATES = re.compile(r"/feed/updates/")
# More than the longest wait between two polls (20 s, give or take a quarter).
POLL_INTERVAL = "00:30"


def open_reader(new_page, site, path, **options):
    """A reader's page at `path` on a clock the test moves, counting its polls."""
    page = new_page(**options)
    page.clock.install()
    page.polls = []
    page.on(
        "request", lambda request: UPDATES.search(request.url) and page.polls.append(request.url)
    )
    page.goto(site.origin + path)
    return page


def next_poll(page):
    """Move the reader's clock past the next poll and wait for its answer."""
    with page.expect_response(UPDATES):
        page.clock.fast_forward(POLL_INTERVAL)


def publish_brief(editor, site, headline, text):
    editor.goto(site.origin + "/admin/feed/brief/add/")
    editor.locator("#id_headline").fill(headline)
    body = editor.locator(".ProseMirror[contenteditable=true]").first
    body.click()
    editor.keyboard.type(text)
    editor.get_by_role("button", name="Publish now").click()
    expect(editor.locator(".messagelist")).to_contain_text("It is live at")
    return editor.url


def entries(page, selector):
    return page.locator(f"{selector} [data-item]")


@pytest.fixture
def editor(new_page, log_in):
    page = new_page()
    log_in(page)
    return page


@pytest.fixture
def headline():
    return f"Ferry services suspended as the storm arrives {uuid.uuid4().hex[:6]}"


def delete_item(editor, change_url):
    """Leave the demo site as seeded for the other tests (and the screenshots)."""
    editor.goto(change_url)
    editor.locator(".deletelink").click()
    editor.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(editor.locator(".messagelist")).to_contain_text("was deleted successfully")


def test_a_published_brief_reaches_open_pages_without_a_reload(site, new_page, editor, headline):
    at_top = open_reader(new_page, site, "/feed/")
    scrolled = open_reader(new_page, site, "/feed/", viewport=PHONE, is_mobile=True, has_touch=True)
    article = open_reader(new_page, site, site.paths["article"])
    first_before = entries(at_top, "[data-stream]").first.get_attribute("data-item")
    # The phone reader is reading the eighth item; it must not move under them.
    reading = entries(scrolled, "[data-stream]").nth(7)
    reading.scroll_into_view_if_needed()
    scrolled.evaluate("window.scrollBy(0, 100)")
    reading_top = reading.evaluate("e => e.getBoundingClientRect().top")

    change_url = publish_brief(
        editor, site, headline, "Ferries will not sail before Friday, the port said."
    )
    try:
        # At the top: it goes in first, marked as new, and is announced.
        next_poll(at_top)
        newest = entries(at_top, "[data-stream]").first
        expect(newest).to_contain_text(headline)
        expect(newest).to_have_class(re.compile(r"\bis-new\b"))
        expect(at_top.locator("[data-stream-status]")).to_have_text("1 new item added at the top.")
        assert entries(at_top, "[data-stream]").nth(1).get_attribute("data-item") == first_before
        expect(at_top.locator(".live-button")).to_have_count(0)

        # Scrolled down: a button, an announcement, and nothing moved.
        next_poll(scrolled)
        button = scrolled.get_by_role("button", name="1 new item")
        expect(button).to_be_visible()
        expect(scrolled.locator("[data-stream-status]")).to_contain_text("1 new item")
        expect(entries(scrolled, "[data-stream]").filter(has_text=headline)).to_have_count(0)
        assert reading.evaluate("e => e.getBoundingClientRect().top") == reading_top
        button.click()
        newest = entries(scrolled, "[data-stream]").first
        expect(newest).to_contain_text(headline)
        expect(newest).to_be_focused()
        expect(scrolled.locator("[data-stream-status]")).to_have_text("1 new item shown.")
        expect(button).to_have_count(0)

        # The article's News Feed strip: in at the top, still eight long.
        next_poll(article)
        strip = article.locator(".news-feed-strip")
        expect(entries(article, ".news-feed-strip").first).to_contain_text(headline)
        expect(entries(article, ".news-feed-strip")).to_have_count(
            int(strip.get_attribute("data-live-limit"))
        )

        # An edit is redrawn where it stands.
        editor.goto(change_url)
        editor.locator("#id_headline").fill(headline + " until Friday")
        editor.get_by_role("button", name="Save and continue editing").click()
        expect(editor.locator(".messagelist")).to_contain_text("readers see the changes now")
        # A browser may keep an answer for five seconds: this poll must ask again.
        at_top.wait_for_timeout(6000)
        next_poll(at_top)
        expect(entries(at_top, "[data-stream]").first).to_contain_text(headline + " until Friday")
        expect(entries(at_top, "[data-stream]").filter(has_text=headline)).to_have_count(1)

        # Without JavaScript, a reload shows what the live page shows.
        plain = new_page(java_script_enabled=False)
        plain.goto(site.origin + "/feed/")
        live_ids = entries(at_top, "[data-stream]").evaluate_all(
            "es => es.map(e => e.dataset.item)"
        )
        plain_ids = entries(plain, "[data-stream]").evaluate_all(
            "es => es.map(e => e.dataset.item)"
        )
        # (The live page holds one more: its "Show More" page began before the brief.)
        assert live_ids[: len(plain_ids)] == plain_ids
    finally:
        delete_item(editor, change_url)

    # Deleted: it leaves the open page.
    at_top.wait_for_timeout(6000)
    next_poll(at_top)
    expect(entries(at_top, "[data-stream]").filter(has_text=headline)).to_have_count(0)
    assert entries(at_top, "[data-stream]").first.get_attribute("data-item") == first_before


def test_a_hidden_tab_does_not_poll_and_catches_up_on_return(site, new_page):
    page = open_reader(new_page, site, "/feed/")
    next_poll(page)
    polls = len(page.polls)

    page.evaluate(
        """() => {
            Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )
    for _ in range(4):
        page.clock.fast_forward(POLL_INTERVAL)
    page.wait_for_timeout(500)
    assert len(page.polls) == polls, "polled while hidden"

    with page.expect_response(UPDATES):
        page.evaluate(
            """() => {
                Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
                document.dispatchEvent(new Event("visibilitychange"));
            }"""
        )
    assert len(page.polls) == polls + 1


def test_polling_stops_after_a_long_idle_time_and_resumes_with_the_reader(site, new_page):
    page = open_reader(new_page, site, "/feed/")
    page.clock.fast_forward("31:00")
    page.wait_for_timeout(500)
    polls = len(page.polls)
    for _ in range(3):
        page.clock.fast_forward(POLL_INTERVAL)
    page.wait_for_timeout(500)
    assert len(page.polls) == polls, "still polling after half an hour away"
    with page.expect_response(UPDATES):
        page.keyboard.press("End")


def test_an_open_live_blog_takes_in_a_new_entry(site, new_page, editor):
    reader = open_reader(new_page, site, site.paths["live-blog"])
    blog_headline = reader.locator("h1").inner_text()
    slug = site.paths["live-blog"].rstrip("/").rsplit("/", 1)[-1]
    editor.goto(site.origin + f"/admin/articles/article/?q={slug}")
    editor.locator("#result_list").get_by_role("link", name=blog_headline).click()
    editor.get_by_role("link", name="Add an entry").click()
    headline = f"The river has crested at the old bridge {uuid.uuid4().hex[:6]}"
    editor.locator("#id_headline").fill(headline)
    editor.locator(".ProseMirror[contenteditable=true]").first.click()
    editor.keyboard.type("The water stopped rising at four, the fire service said.")
    editor.get_by_role("button", name="Publish now").click()
    expect(editor.locator(".messagelist")).to_contain_text("It is live at")
    change_url = editor.url
    try:
        with reader.expect_response(re.compile(rf"/articles/{slug}/updates/")):
            reader.clock.fast_forward(POLL_INTERVAL)
        newest = entries(reader, ".live-entries").first
        expect(newest).to_contain_text(headline)
        expect(newest).to_have_class(re.compile(r"\bis-new\b"))
        expect(newest.locator("article.live-entry")).to_have_attribute(
            "id", re.compile(r"^entry-\d+$")
        )
    finally:
        delete_item(editor, change_url)
