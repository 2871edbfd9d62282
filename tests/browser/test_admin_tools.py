"""
The editor's tools in the admin, in the browser: setting a photo's focal point on its
picture, and copying and revoking an article's preview links from the article's page.
Each test leaves the demo site as it found it (or with only a revoked link), for the
screenshots and the other tests.
"""

import re
import uuid

import pytest

from .test_editor_flow import small_jpeg
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def test_clicking_the_picture_sets_the_focal_point_and_the_arrow_keys_move_it(
    site, page, log_in, tmp_path
):
    log_in(page)
    page.goto(site.origin + "/admin/articles/photo/add/")
    page.locator("#id_image").set_input_files(small_jpeg(tmp_path))
    page.locator("#id_alt_text").fill(f"A blue harbour {uuid.uuid4().hex[:8]}")
    page.locator("#id_agency").fill("Newsroom Pictures")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    picture = page.locator(".focal-picker img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert abs(float(page.locator("#id_focal_x").input_value()) - 0.25) < 0.01
    assert abs(float(page.locator("#id_focal_y").input_value()) - 0.75) < 0.01
    expect(page.get_by_role("status")).to_have_text(
        "Focal point: 25% from the left, 75% from the top."
    )
    marker = page.locator(".focal-picker__marker").bounding_box()
    assert abs(marker["x"] + marker["width"] / 2 - (box["x"] + box["width"] * 0.25)) < 2

    # Without a mouse: the picture takes the focus and the arrow keys move the point.
    picture.focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Shift+ArrowRight")
    x = float(page.locator("#id_focal_x").input_value())
    y = float(page.locator("#id_focal_y").input_value())
    assert abs(x - 0.35) < 0.01 and abs(y - 0.74) < 0.01
    # Typing the numbers moves the mark too.
    page.locator("#id_focal_y").fill("0.1")
    expect(page.get_by_role("status")).to_contain_text("10% from the top")

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert float(page.locator("#id_focal_x").input_value()) == pytest.approx(x, abs=0.001)
    assert page.locator("#id_focal_y").input_value() == "0.1"

    page.locator(".deletelink").click()
    page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")


def test_an_editor_shares_copies_and_revokes_a_preview_link_from_the_article(
    site, page, new_page, log_in
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    note = f"Legal review {uuid.uuid4().hex[:8]}"
    log_in(page)
    page.goto(site.origin + "/admin/articles/article/?status__exact=draft")
    page.locator("#result_list .field-headline a").first.click()
    article_page = page.url.split("?")[0]

    # Made in place, under the article.
    page.get_by_role("link", name="Share a preview link").first.click()
    links = page.locator("#preview-links")
    links.get_by_label("Who it is for").fill(note)
    links.get_by_label("Works for").select_option(label="1 day")
    links.get_by_role("button", name="Share a preview link").click()

    expect(page).to_have_url(article_page + "#preview-links")
    row = links.get_by_role("row").filter(has_text=note)
    address = row.get_by_role("textbox").input_value()
    assert "/preview/shared/" in address
    expect(row).to_contain_text("Active")

    row.get_by_role("button", name="Copy").click()
    expect(links.get_by_role("status")).to_have_text("Address copied.")
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert new_page().goto(address).status == 200

    # Revoking keeps the editor on the page, with what they were typing.
    page.locator("#id_standfirst").fill("Not saved yet")
    row.get_by_role("button", name=re.compile("^Revoke")).click()
    expect(row.locator("[data-link-state]")).to_have_text("Revoked")
    expect(links.get_by_role("status")).to_contain_text("Link revoked")
    expect(page.locator("#id_standfirst")).to_have_value("Not saved yet")
    expect(row.get_by_role("button")).to_have_count(0)
    assert new_page().goto(address).status == 410
