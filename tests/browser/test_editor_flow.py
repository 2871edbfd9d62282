"""
The editor's whole day in the browser: upload a photo, write an article in the rich-text
editor, save it as a draft, preview it, publish it, find it where readers look, and
delete it again, so the other tests (and the README's screenshots) see the demo site as
seeded.
"""

import re
import uuid
from html import unescape

import pytest
from PIL import Image

from .conftest import PHONE
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def pick(page, select_id, text=""):
    """
    Choose in an admin autocomplete (select2) widget: type `text`, pick the first match
    the server offers, and return its label.
    """
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    results = page.locator(".select2-container--open .select2-results__option")
    expect(results.and_(page.locator(".loading-results"))).to_have_count(0)
    option = results.and_(page.locator("[role=option]")).filter(has_text=text).first
    label = option.inner_text().strip()
    option.click()
    chosen = page.locator(f"#{select_id} + .select2 .select2-selection__rendered")
    expect(chosen).to_contain_text(label)
    return label


def small_jpeg(folder):
    path = folder / "harbour.jpg"
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(path, "JPEG", quality=80)
    return path


def test_editor_uploads_a_photo_writes_previews_and_publishes_an_article(
    site, page, new_page, log_in, tmp_path
):
    mark = uuid.uuid4().hex[:8]
    headline = f"Harbour ferries run late again {mark}"
    alt_text = f"A blue harbour at dawn {mark}"
    log_in(page)

    # A photo, with its alt text and credit.
    page.goto(site.origin + "/admin/articles/photo/add/")
    page.locator("#id_image").set_input_files(small_jpeg(tmp_path))
    page.locator("#id_alt_text").fill(alt_text)
    page.locator("#id_photographer").fill("Ada Lens")
    page.locator("#id_agency").fill("Newsroom Pictures")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    photo_address = page.url

    # An article, written in the rich-text editor.
    page.goto(site.origin + "/admin/articles/article/add/")
    page.locator("#id_headline").fill(headline)
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.click()
    page.keyboard.type("The morning ferries left the harbour forty minutes late.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Alt+2")
    page.keyboard.type("What the operator says")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the timetable")
    expect(editor.locator("p").last).to_have_text("Read the timetable")
    page.keyboard.press("Control+Shift+ArrowLeft")  # select the last word
    link_button = page.locator("button[title='insert link']").first
    expect(link_button).to_be_enabled()
    link_button.click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("URL").fill("https://example.com/timetable")
    dialog.get_by_role("button", name="Update").click()
    expect(editor.locator("h2")).to_have_text("What the operator says")
    expect(editor.locator('a[href="https://example.com/timetable"]')).to_have_text("timetable")

    section = pick(page, "id_section")
    author_id = page.locator("select[name$='-0-author']").get_attribute("id")
    author = pick(page, author_id)
    pick(page, "id_hero_photo", alt_text)

    # Saved as a draft: nothing is public yet.
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    expect(page.locator(".publication-state")).to_have_text("Draft: only staff can see it.")
    article_address = page.url

    # The preview shows the article as readers will see it.
    with page.context.expect_page() as preview_opened:
        page.get_by_role("link", name="Preview", exact=True).click()
    preview = preview_opened.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(headline)
    expect(preview.get_by_role("heading", level=2, name="What the operator says")).to_be_visible()
    expect(preview.locator('a[href="https://example.com/timetable"]')).to_be_visible()
    preview.close()

    # The server caches the pages for anonymous readers: fill that cache before publishing.
    early_reader = new_page()
    for path in ("/", "/feed/"):
        early_reader.goto(site.origin + path)
        expect(early_reader.get_by_text(headline)).to_have_count(0)

    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Published “{headline}”. It is live at")

    # An anonymous reader sees it at once: publishing refreshed the server's cached pages.
    # (A new browser: one that has the pages already may keep them for their max-age.)
    reader = new_page()
    for path in ("/", "/feed/"):
        reader.goto(site.origin + path)
        expect(reader.get_by_role("link", name=headline).first).to_be_visible()
    reader.get_by_role("link", name=headline).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    hero = reader.get_by_role("figure").filter(has=reader.get_by_role("img", name=alt_text))
    expect(hero.first).to_contain_text("Ada Lens")
    expect(reader.get_by_role("main")).to_contain_text(author)
    expect(reader.get_by_role("main")).to_contain_text(section)
    story_address = reader.url

    # The editor takes it down again (and the demo site is as it was for the other tests);
    # readers lose it at once.
    for address in (article_address, photo_address):
        page.goto(address)
        page.locator(".deletelink").click()
        page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
        expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")
    late_reader = new_page()
    late_reader.goto(site.origin + "/feed/")
    expect(late_reader.get_by_role("heading", level=1)).to_be_visible()
    expect(late_reader.get_by_text(headline)).to_have_count(0)
    assert late_reader.goto(story_address).status == 404


# Typed, not pasted: Chromium decides how a typed space enters the editable element, and
# without ProseMirror's `white-space` rule it enters as a non-breaking space. Long enough
# to need several lines on a phone.
TYPED_PARAGRAPH = (
    "The council met on Tuesday evening to discuss the new ferry timetable, and after "
    "two hours of questions from residents it agreed to ask the operator for an "
    "earlier first crossing on weekdays and a later last one on Fridays and Saturdays. "
)
NON_BREAKING = ("&nbsp;", "&#160;", "\N{NO-BREAK SPACE}")


def served_body(page, address):
    """The article body the server sends in the change form's textarea: what is stored."""
    html = page.request.get(address).text()
    textarea = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', html, re.DOTALL)
    # As a browser reads it: the newline Django writes after the start tag is not content.
    return unescape(textarea.group(1)).removeprefix("\n")


def test_typed_spaces_are_stored_as_plain_spaces_and_the_story_wraps_on_a_phone(
    site, page, new_page, log_in
):
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    headline = f"Council asks for earlier ferries {uuid.uuid4().hex[:8]}"
    log_in(page)

    page.goto(site.origin + "/admin/articles/article/add/")
    page.locator("#id_headline").fill(headline)
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.click()
    page.keyboard.type(TYPED_PARAGRAPH)
    page.keyboard.press("Enter")
    page.keyboard.type("Residents  left  pleased. ")
    expect(editor.locator("p").last).to_contain_text("pleased.")
    # What the editor hands to the form: ProseMirror keeps typed spaces as they were typed.
    written = page.locator("textarea[name=body]").input_value()
    assert not [text for text in warnings if "white-space" in text], warnings
    assert not [nbsp for nbsp in NON_BREAKING if nbsp in written], written

    pick(page, "id_section")
    pick(page, page.locator("select[name$='-0-author']").get_attribute("id"))
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    article_address = page.url

    stored = served_body(page, article_address)
    assert stored.startswith("<p>The council met on Tuesday evening to discuss the new ferry")
    assert "Fridays and Saturdays. </p>" in stored
    assert not [nbsp for nbsp in NON_BREAKING if nbsp in stored], stored

    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    page.goto(article_address)
    story_address = page.get_by_role("link", name="View on site").get_attribute("href")

    reader = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    reader.goto(site.origin + story_address)
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    expect(reader.locator(".article-body")).to_contain_text("earlier first crossing")
    width = reader.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the story is {width} px wide on a {PHONE['width']} px phone"

    page.locator(".deletelink").click()
    page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")
