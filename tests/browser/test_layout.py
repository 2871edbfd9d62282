"""The reader's layout in a browser: the News Feed strip beside the article on a wide
screen, a centred page, card grids without a card alone on a row, a phone's first story
near the top, and the footer's flat pages."""

import pytest

from .conftest import DESKTOP, PHONE
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

BOX = """element => {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
}"""


def box(locator):
    return locator.evaluate(BOX)


def test_the_news_feed_strip_stands_beside_the_article(new_page, visit):
    page = new_page(viewport=DESKTOP)
    visit(page, "article")
    article = box(page.locator("article.article"))
    strip = box(page.locator(".news-feed-strip"))
    assert strip["left"] >= article["right"], (article, strip)
    assert strip["top"] < article["bottom"] and article["top"] < strip["bottom"]
    assert strip["top"] < DESKTOP["height"], "the strip is not in the first screen"
    expect(page.locator(".news-feed-strip").get_by_role("link", name="Show More")).to_be_attached()


@pytest.mark.parametrize("page_type", ["home", "article", "section", "feed", "search-form"])
def test_the_page_is_centred(new_page, visit, page_type):
    page = new_page(viewport=DESKTOP)
    visit(page, page_type)
    main = box(page.locator("main"))
    assert abs(main["left"] - (DESKTOP["width"] - main["right"])) <= 3, main


def lone_cards(page, grid):
    """How many rows of `grid` hold a single card, when it holds more than one."""
    tops = [box(card)["top"] for card in page.locator(f"{grid} > li").all()]
    if len(tops) < 2:
        return 0
    rows = {}
    for top in tops:
        rows[round(top)] = rows.get(round(top), 0) + 1
    return sum(1 for count in rows.values() if count == 1)


@pytest.mark.parametrize(
    ("page_type", "grid"),
    [
        ("home", ".top-stories .card-grid"),
        ("home", ".section-latest .card-grid"),
        ("article", ".related .card-grid"),
    ],
)
def test_no_card_is_left_alone_on_a_row(new_page, visit, page_type, grid):
    page = new_page(viewport=DESKTOP)
    visit(page, page_type)
    grids = page.locator(grid)
    assert grids.count(), f"no {grid} on the {page_type} page"
    for index in range(grids.count()):
        assert lone_cards(page, f":nth-match({grid}, {index + 1})") == 0


def test_a_phone_sees_the_first_story_near_the_top(new_page, visit):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    visit(page, "home")
    header = box(page.locator(".site-header"))
    story = box(page.locator(".lead-story"))
    assert story["top"] - header["bottom"] <= 160, (header, story)
    # The search is a link to the search page there, not a form taking the room.
    expect(page.locator(".search-form")).to_be_hidden()
    expect(page.get_by_role("banner").get_by_role("link", name="Search")).to_be_visible()


def test_the_footer_lists_the_flat_pages_and_they_open(page, visit):
    visit(page, "home")
    footer = page.get_by_role("contentinfo")
    for title in ("About us", "Contact", "Corrections policy"):
        expect(footer.get_by_role("link", name=title)).to_be_visible()
    footer.get_by_role("link", name="Corrections policy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corrections policy")
    expect(page).to_have_title("Corrections policy | The Newsroom")
