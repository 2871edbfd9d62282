"""What an editor does in the browser: sign in to the admin and find the articles."""

import pytest

from .tools import DEMO_EDITOR, NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def test_editor_signs_in_and_finds_the_published_story_among_the_articles(page, visit, log_in):
    visit(page, "article")
    headline = page.get_by_role("heading", level=1).inner_text()

    log_in(page)

    expect(page.get_by_role("banner")).to_contain_text(f"Welcome, {DEMO_EDITOR}")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("rowheader", name="Articles").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Select article to change")).to_be_visible()
    expect(page.get_by_role("link", name=headline, exact=True)).to_be_visible()


def test_wrong_password_keeps_the_editor_out(page, visit):
    visit(page, "admin-login")
    page.get_by_label("Username").fill(DEMO_EDITOR)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_text("Please enter the correct username and password")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
