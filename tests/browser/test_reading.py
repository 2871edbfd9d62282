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


FEED = "/feed/"
# The address of each item in the list on screen, in order: its first link is its own page.
ITEM_ADDRESSES = """
() => Array.from(document.querySelectorAll("[data-stream-items] > li.feed-item"))
  .map(item => item.querySelector("a[href]").getAttribute("href"))
"""


def feed_addresses(page):
    return page.evaluate(ITEM_ADDRESSES)


def test_show_more_appends_the_next_items_in_place_and_the_address_can_be_shared(
    site, page, new_page
):
    page.goto(site.origin + FEED)
    first_page = feed_addresses(page)
    assert first_page, "the News Feed is empty"
    show_more = page.get_by_role("link", name="Show More")
    next_address = show_more.get_attribute("href")
    assert "cursor=" in next_address

    show_more.click()

    items = page.locator("[data-stream-items] > li.feed-item")
    expect(items).to_have_count(len(first_page) * 2)
    both_pages = feed_addresses(page)
    assert both_pages[: len(first_page)] == first_page, "the first items changed"
    assert len(set(both_pages)) == len(both_pages), f"an item repeats: {both_pages}"
    expect(items.nth(len(first_page))).to_be_focused()
    expect(page.locator("[data-stream-status]")).to_have_text(
        f"{len(first_page)} more items loaded."
    )
    expect(page).to_have_url(site.origin + next_address)
    assert "partial" not in page.url

    # Whoever opens the shared address sees the page that was appended, as a page.
    reader = new_page()
    response = reader.goto(page.url)
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1)).to_be_visible()
    assert feed_addresses(reader) == both_pages[len(first_page) :]
    # And the reader who reloads sees it too.
    page.reload()
    assert feed_addresses(page) == both_pages[len(first_page) :]


def test_show_more_is_a_plain_link_without_javascript(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.origin + FEED)
    first_page = feed_addresses(page)
    show_more = page.get_by_role("link", name="Show More")
    next_address = show_more.get_attribute("href")

    show_more.click()

    expect(page).to_have_url(site.origin + next_address)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    second_page = feed_addresses(page)
    assert second_page, "the next page is empty"
    assert not set(second_page) & set(first_page), "the next page repeats items"


VIDEO_HOST = "https://videos.example.com/"


def test_video_loads_nothing_from_the_video_host_until_play_is_pressed(page, visit):
    host_requests = []

    # Every request the page makes to the video host is recorded, and none leaves the machine.
    page.on(
        "request",
        lambda request: request.url.startswith(VIDEO_HOST) and host_requests.append(request.url),
    )
    page.route(VIDEO_HOST + "**", lambda route: route.abort())
    visit(page, "video")
    play = page.get_by_role("button", name="Play video")
    expect(play).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert host_requests == [], f"the video host was asked before play: {host_requests}"
    expect(page.locator(".video-player video, .video-player iframe")).to_have_count(0)

    play.click()

    player = page.locator(".video-player video, .video-player iframe")
    expect(player).to_be_visible()
    # The player points at the video host; whether the browser then fetches it is up to
    # the Content-Security-Policy's media-src and frame-src, which allow only this site
    # unless the deployment names the video hosts.
    assert player.get_attribute("src").startswith(VIDEO_HOST)
    expect(page.get_by_role("button", name="Play video")).to_have_count(0)


def test_reader_searches_from_the_header_and_keeps_the_query(site, page, visit):
    visit(page, "article")
    headline = page.get_by_role("heading", level=1).inner_text()
    word = max(headline.replace("’", " ").replace("'", " ").split(), key=len).strip('.,:;!?“”"')

    search_box = page.get_by_role("banner").get_by_role("searchbox")
    search_box.fill(word)
    search_box.press("Enter")

    page.wait_for_url(f"**/search/?q={word}")
    expect(page).to_have_title(f"Search: {word} | The Newsroom")
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_contain_text(
        f"for “{word}”"
    )
    results = page.locator(".search-results > li")
    expect(results.first).to_be_visible()
    expect(page.locator(f'.search-results a[href="{site.paths["article"]}"]')).to_have_count(1)
    expect(page.get_by_role("main").get_by_role("searchbox")).to_have_value(word)
