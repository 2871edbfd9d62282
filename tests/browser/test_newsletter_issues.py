"""
An editor's issue in the browser: drafted from the latest news on the newsletter's page,
opened in the prose editor, trimmed, saved and previewed as the email its readers will get.
The test deletes its issue, leaving the demo site as it found it.
"""

import re

import pytest

from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def test_an_editor_drafts_an_issue_trims_it_and_previews_the_email(site, page, log_in):
    log_in(page)
    page.goto(site.origin + "/admin/newsletters/newsletter/")
    page.get_by_role("link", name="The Daily Briefing").click()
    page.get_by_role("button", name="Draft from the latest news").click()
    expect(page.locator(".messagelist")).to_contain_text("Drafted from what was published")
    assert re.search(r"/admin/newsletters/issue/\d+/change/$", page.url)

    editor = page.locator(".ProseMirror[contenteditable=true]").first
    expect(editor.locator("h2").first).to_have_text("Top stories")
    # The editor writes an intro above the drafted news.
    editor.locator("h2").first.click()
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowUp")
    page.keyboard.type("Good morning from the desk.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("link", name="Preview as email").click()
    email = page.frame_locator('iframe[title="The email\'s HTML"]')
    expect(email.locator("h1")).to_contain_text("The Daily Briefing — ")
    expect(email.locator("body")).to_contain_text("Good morning from the desk.")
    expect(page.locator("pre")).to_contain_text("Good morning from the desk.")

    page.go_back()
    page.locator(".deletelink").click()
    page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")
