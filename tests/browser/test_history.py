"""
An article's history in the browser: each save says what it did, to the second; saving
the rich-text form unchanged adds nothing; restoring an older version from the history
keeps the correction published since and the newer address redirecting. The article is
deleted at the end, so the other tests see the demo site as seeded.
"""

import re
import uuid

import pytest

from .test_editor_flow import pick
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

# "1 Dec 2026, 12:00:07 UTC": the site's clock runs in UTC here (see tests/demo_site.py).
TIME_TO_THE_SECOND = re.compile(r"^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \w+$")


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved")
    # The history shows times to the second: an editor's saves are seconds apart, and
    # this test's must be too for each to read differently.
    page.wait_for_timeout(1100)


def history_rows(page, change_address):
    """[(time, what happened)] of the article's history page, newest first."""
    page.goto(change_address.replace("/change/", "/history/"))
    rows = page.locator("#change-history tbody tr")
    return [
        (row.locator("th").inner_text().strip(), row.locator("td").last.inner_text().strip())
        for row in rows.all()
    ]


def test_editor_restores_an_older_version_keeping_the_correction_and_new_address(
    site, page, new_page, log_in
):
    mark = uuid.uuid4().hex[:8]
    headline = f"Ferry timetable changes {mark}"
    note = f"An earlier version gave the wrong pier {mark}."
    log_in(page)

    page.goto(site.origin + "/admin/articles/article/add/")
    page.locator("#id_headline").fill(headline)
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.click()
    page.keyboard.type("Ferries leave from pier two from Monday: see the timetable")
    page.keyboard.press("Control+Shift+ArrowLeft")  # select the last word, to link it
    page.locator("button[title='insert link']").first.click()
    page.locator("dialog[open]").get_by_label("URL").fill("https://example.com/timetable")
    page.locator("dialog[open]").get_by_role("button", name="Update").click()
    expect(editor.locator('a[href="https://example.com/timetable"]')).to_have_text("timetable")
    pick(page, "id_section")
    pick(page, page.locator("select[name$='-0-author']").get_attribute("id"))
    save_and_continue(page)
    change_address = page.url
    first_slug = page.locator("#id_slug").input_value()

    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    page.wait_for_timeout(1100)
    page.goto(change_address)

    # Saved again untouched: the editor writes the link its own way, which is the stored
    # body once cleaned.
    save_and_continue(page)

    page.locator("summary", has_text="Advanced").click()
    page.locator("#id_slug").fill(f"{first_slug}-revised")
    save_and_continue(page)

    page.locator(".add-row a", has_text="Correction or update").click()
    page.locator("#id_corrections-0-note").fill(note)
    save_and_continue(page)

    rows = history_rows(page, change_address)
    assert [said for _, said in rows] == [
        "Correction added.",
        "Edited slug.",
        "Published.",
        "Created.",
    ]
    times = [time for time, _ in rows]
    assert all(TIME_TO_THE_SECOND.match(time) for time in times), times
    assert len(set(times)) == len(times), "each save has its own time"

    # Restore the published version with the first address.
    page.locator("#change-history tbody tr").filter(has_text="Published.").locator("th a").click()
    expect(page.locator("#id_slug")).to_have_value(first_slug)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")

    rows = history_rows(page, change_address)
    assert rows[0][1] == f"Restored from the version of {times[2]}."

    reader = new_page()
    story = reader.goto(f"{site.origin}/articles/{first_slug}/")
    assert story.status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    expect(reader.get_by_role("main")).to_contain_text(note)
    reader.goto(f"{site.origin}/articles/{first_slug}-revised/")
    assert reader.url == f"{site.origin}/articles/{first_slug}/"

    page.goto(change_address)
    page.locator(".deletelink").click()
    page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")
