"""
The writing screen in Chromium: the publishing panel in view while the writer scrolls,
the warning before leaving unsaved work, bylines ordered by dragging and by keyboard,
and two people saving one story, where the second is shown the difference and loses
nothing. Each test removes what it made, so the demo site stays as seeded.
"""

import re
import uuid

import pytest

from .conftest import node_tool
from .test_accessibility import describe, run_axe
from .test_editor_flow import pick
from .tools import NO_PLAYWRIGHT

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

ADD_ARTICLE = "/admin/articles/article/add/"


def write_draft(site, page, headline, authors=()):
    """A new draft with `headline`, saved from the add page; returns its change address."""
    page.goto(site.origin + ADD_ARTICLE)
    page.locator("#id_headline").fill(headline)
    page.locator(".field-body .ProseMirror[contenteditable=true]").click()
    page.keyboard.type("The council met at noon.")
    pick(page, "id_section")
    for index, author in enumerate(authors):
        if index:
            page.get_by_role("button", name="Add another Author").click()
        pick(
            page, page.locator(f"select[name='credits-{index}-author']").get_attribute("id"), author
        )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    return page.url


def delete(page, address):
    page.goto(address)
    page.locator(".deletelink").click()
    page.get_by_role("button", name=re.compile("^Yes, I.m sure")).click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")


def test_the_publishing_panel_stays_in_view_while_scrolling(site, page, log_in):
    log_in(page)
    page.goto(site.origin + "/admin/articles/article/")
    page.locator("#result_list .field-headline a").first.click()
    panel = page.get_by_role("region", name="Publishing")
    expect(panel).to_be_in_viewport()

    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 1000")
    expect(panel).to_be_in_viewport()
    expect(panel.get_by_role("button", name=re.compile("^Save"))).to_be_in_viewport()


def test_leaving_unsaved_changes_asks_first(site, page, log_in):
    log_in(page)
    page.goto(site.origin + ADD_ARTICLE)
    page.locator("#id_headline").fill("A headline not yet saved")
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="Home").first.click()
    page.wait_for_timeout(500)

    assert asked == ["beforeunload"]
    expect(page.locator("#id_headline")).to_have_value("A headline not yet saved")


def test_bylines_are_ordered_by_dragging_and_by_keyboard(site, page, log_in):
    log_in(page)
    headline = f"Council budget vote {uuid.uuid4().hex[:6]}"
    address = write_draft(site, page, headline, authors=["Amelia", "Daniel"])
    rows = page.locator("fieldset.byline tbody tr.form-row:not(.empty-form)")
    expect(rows).to_have_count(2, timeout=5000)
    first, second = (
        rows.nth(i).locator(".select2-selection__rendered").inner_text() for i in (0, 1)
    )

    rows.nth(1).locator(".drag-handle").drag_to(
        rows.nth(0).locator(".drag-handle"), target_position={"x": 4, "y": 1}
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved")
    expect(rows.nth(0).locator(".select2-selection__rendered")).to_have_text(second)
    expect(rows.nth(1).locator(".select2-selection__rendered")).to_have_text(first)

    rows.nth(1).get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved")
    expect(rows.nth(0).locator(".select2-selection__rendered")).to_have_text(first)
    expect(rows).to_have_count(2)
    delete(page, address)


def test_two_people_saving_one_story_lose_nothing(site, new_page, log_in):
    writer, editor = new_page(), new_page()
    log_in(writer, contributor=True)
    log_in(editor)
    mark = uuid.uuid4().hex[:6]
    address = write_draft(site, writer, f"Tram line delayed {mark}")

    editor.goto(address)
    writer.goto(address)
    expect(writer.locator(".others-editing")).to_contain_text("Also open by")

    editor.locator("#id_headline").fill(f"Tram line delayed to 2028 {mark}")
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messagelist")).to_contain_text("Saved")

    writer.locator("#id_standfirst").fill("The city blames the supplier.")
    writer.get_by_role("button", name="Save draft").click()
    expect(writer.locator(".errornote")).to_be_visible()
    conflict = writer.get_by_role("region", name=re.compile("What .* changed"))
    expect(conflict).to_contain_text(f"Tram line delayed to 2028 {mark}")
    expect(writer.locator("#id_standfirst")).to_have_value("The city blames the supplier.")

    # The writer takes the editor's headline and saves again: both changes are kept.
    writer.locator("#id_headline").fill(f"Tram line delayed to 2028 {mark}")
    writer.get_by_role("button", name="Save draft").click()
    expect(writer.locator(".messagelist")).to_contain_text("Saved")
    editor.goto(address)
    expect(editor.locator("#id_headline")).to_have_value(f"Tram line delayed to 2028 {mark}")
    expect(editor.locator("#id_standfirst")).to_have_value("The city blames the supplier.")
    delete(editor, address)


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
)
@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_the_writing_screen_has_no_accessibility_violations(
    site, new_page, log_in, viewport, colour_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    page = new_page(viewport=viewport, color_scheme=colour_scheme, bypass_csp=True)
    log_in(page)
    page.goto(site.origin + "/admin/articles/article/")
    page.locator("#result_list .field-headline a").first.click()
    expect(page.get_by_role("region", name="Publishing")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    results = run_axe(page, axe)
    assert not results["violations"], describe(results["violations"])


def test_a_draft_is_saved_automatically_while_writing(site, page, log_in):
    log_in(page)
    address = write_draft(site, page, f"Ferry timetable {uuid.uuid4().hex[:6]}")
    # The page's timers run on a clock the test moves; the server's answers are real.
    page.clock.install()
    page.goto(address)
    page.locator("#id_standfirst").fill("Crossings resume on Monday.")

    page.clock.run_for(61_000)
    expect(page.locator(".autosave-state")).to_contain_text("Draft saved automatically at")

    page.reload()
    expect(page.locator("#id_standfirst")).to_have_value("Crossings resume on Monday.")
    expect(page.locator(".publication-state")).to_have_text("Draft: only staff can see it.")
    delete(page, address)


def test_an_editor_schedules_a_story_from_the_panel(site, page, log_in):
    log_in(page)
    headline = f"Bridge reopening set {uuid.uuid4().hex[:6]}"
    address = write_draft(site, page, headline, authors=["Amelia"])
    panel = page.get_by_role("region", name="Publishing")
    expect(panel.get_by_role("button", name="Publish now")).to_be_visible()

    # A time to come turns "Publish now" into "Schedule for …" as it is typed.
    panel.get_by_label("Publication date").fill("24/12/2026")
    panel.get_by_label("Publication time of day").fill("09:30:00")
    schedule = panel.get_by_role("button", name="Schedule for 24 Dec 2026, 09:30")
    expect(schedule).to_be_visible()
    schedule.click()

    expect(page.locator(".messagelist")).to_contain_text(
        f"Scheduled “{headline}”: it goes live on 24 Dec 2026, 09:30"
    )
    expect(panel.locator(".publication-state")).to_have_text(
        "Scheduled: goes live on 24 Dec 2026, 09:30."
    )
    # Readers do not see it before its time.
    reader = page.context.browser.new_page()
    reader.goto(site.origin + "/feed/")
    expect(reader.get_by_text(headline)).to_have_count(0)
    reader.close()
    delete(page, address)
