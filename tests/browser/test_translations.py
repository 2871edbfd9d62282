"""
An editor starts the Ukrainian version of an English story in Chromium, from the button
on the story's form, and finds the two linked both ways; the form with its translations
part passes axe; the editor unlinks them again. The test removes what it made, so the demo site stays as seeded.
"""

import uuid

import pytest

from .conftest import node_tool
from .test_accessibility import describe, run_axe
from .test_writing_screen import delete
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

UNTRANSLATED = "/admin/articles/article/?language=en&translation=no"


def test_an_editor_adds_the_ukrainian_version_of_a_story(site, new_page, log_in):
    page = new_page(bypass_csp=True)
    log_in(page)
    page.goto(site.origin + UNTRANSLATED)
    page.locator("#result_list .field-headline a").first.click()
    english_address = page.url
    english = page.locator("#id_headline").input_value()
    translations = page.get_by_role("region", name="Translations")
    expect(translations).to_contain_text("No version in another language yet.")

    translations.get_by_role("link", name="Add the Ukrainian version").click()
    expect(page.locator("#id_language")).to_have_value("uk")
    headline = f"Міст знову відкрили {uuid.uuid4().hex[:6]}"
    page.locator("#id_headline").fill(headline)
    page.locator(".field-body .ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Рух мостом відновили опівдні.")
    page.get_by_role("button", name="Save draft").click()

    expect(page.locator(".messagelist")).to_contain_text("as the English version")
    ukrainian_address = page.url
    translations = page.get_by_role("region", name="Translations")
    expect(translations.get_by_role("link", name=english)).to_be_visible()
    results = run_axe(page, node_tool("axe-core/axe.min.js"))
    assert not results["violations"], describe(results["violations"])

    page.goto(english_address)
    expect(
        page.get_by_role("region", name="Translations").get_by_role("link", name=headline)
    ).to_be_visible()
    page.get_by_label("Unlink from its translations").check()
    # "Save draft", "Save" or "Save changes", as the story stands.
    page.locator(".workflow-steps button[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("Unlinked from its translations.")
    expect(page.get_by_role("region", name="Translations")).to_contain_text(
        "No version in another language yet."
    )
    delete(page, ukrainian_address)


@pytest.mark.parametrize("kind", ["articles/article", "feed/quote", "feed/video", "feed/brief"])
def test_the_lists_still_fit_a_laptop_with_their_languages(site, page, log_in, kind):
    """The languages column joins lists made to fit 1280 px with the navigation and the
    filters open (admin/lists.css): it must not push them into scrolling sideways."""
    log_in(page)
    page.goto(f"{site.origin}/admin/{kind}/")
    expect(page.locator("#result_list th.column-languages")).to_be_visible()
    results = page.locator("#changelist-form .results")
    overflow = results.evaluate("element => element.scrollWidth - element.clientWidth")
    assert overflow <= 0, f"the {kind} list scrolls sideways by {overflow} px"
