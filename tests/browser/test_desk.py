"""
The desk on the admin's front page, in the browser: a contributor's piece sent for review
is waiting on the editor's desk, one click from its page; and the desk fits a phone.
"""

import re
import uuid

import pytest

from .conftest import PHONE
from .test_editor_flow import pick
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def test_a_piece_submitted_for_review_waits_on_the_editors_desk(site, new_page, log_in):
    headline = f"Night buses return to the old town {uuid.uuid4().hex[:8]}"

    # The contributor writes a piece and submits it for review.
    contributor = new_page()
    log_in(contributor, contributor=True)
    contributor.goto(site.origin + "/admin/articles/article/add/")
    contributor.locator("#id_headline").fill(headline)
    body = contributor.locator(".ProseMirror[contenteditable=true]").first
    body.click()
    contributor.keyboard.type("The first night bus left the square at midnight.")
    pick(contributor, "id_section")
    contributor.get_by_role("button", name="Save and continue editing").click()
    expect(contributor.locator(".messagelist")).to_contain_text("as a draft")
    contributor.get_by_role("button", name="Submit for review").click()
    expect(contributor.locator(".messagelist")).to_contain_text("for review")

    # It is on the contributor's own desk, as theirs in review; nothing scheduled is.
    contributor.goto(site.origin + "/admin/")
    expect(contributor.locator("#desk-review").get_by_role("link", name=headline)).to_be_visible()
    expect(contributor.locator("#desk-scheduled")).to_have_count(0)

    # The editor finds it on the desk and opens it from there.
    editor = new_page()
    log_in(editor)
    review = editor.get_by_role("region", name="Ready for review")
    entry = review.get_by_role("listitem").filter(has_text=headline)
    expect(entry).to_contain_text("Article · by")
    entry.get_by_role("link", name=headline).click()
    expect(editor.get_by_role("heading", name="Change article")).to_be_visible()
    expect(editor.locator("#id_headline")).to_have_value(headline)
    expect(editor.locator(".publication-state")).to_have_text(
        "Ready for review: waiting for an editor."
    )

    # The editor deletes it again, leaving the demo site as seeded for the other tests.
    editor.locator(".deletelink").click()
    editor.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(editor.locator(".messagelist")).to_contain_text("was deleted successfully")
    editor.goto(site.origin + "/admin/")
    expect(editor.get_by_role("link", name=headline)).to_have_count(0)


def test_the_desk_fits_a_phone(site, new_page, log_in):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    log_in(page)
    expect(page.get_by_role("region", name="Scheduled")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the desk is {overflow}px wider than the phone"
